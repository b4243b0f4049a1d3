import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc } from "../../../src/model.js";
import { findRelations } from "../../../src/extract/relations/index.js";
import { parseRelationCues } from "../../../src/extract/relations/cues.js";
import { markedDoc, relationStrings } from "./helpers.js";

function run(marked: string, geo = {}): Doc {
  const doc = markedDoc(marked, geo);
  findRelations(doc);
  return doc;
}

/** One case per pattern: the relations expected, and nothing else. */
const cases: { name: string; text: string; want: string[] }[] = [
  // leadership
  { name: "possessive leader", text: "[ISIS|O]' leader, [Abou Bakr al-Baghdadi|P], spoke.", want: ["Abou Bakr al-Baghdadi leader_of ISIS"] },
  { name: "possessive 's leader", text: "[Kata'ib al-Nour|O]'s leader, [Abu Harith al-Masri|P], said so.", want: ["Abu Harith al-Masri leader_of Kata'ib al-Nour"] },
  { name: "prenominal strong leader noun", text: "[ISIS|O] leader [Abu Bakr|P] spoke.", want: ["Abu Bakr leader_of ISIS"] },
  { name: "prenominal commander is a member", text: "[SDF|O] commander [Mazloum Abdi|P] spoke.", want: ["Mazloum Abdi member_of SDF"] },
  { name: "led by", text: "They announced a new faction called [Saraya al-Fath|O], led by [Abu Omar al-Shami|P].", want: ["Abu Omar al-Shami leader_of Saraya al-Fath"] },
  { name: "lead verb", text: "[Al-Masri|P], an Egyptian national, has led [Kata'ib al-Nour|O] since 2019.", want: ["Al-Masri leader_of Kata'ib al-Nour"] },
  { name: "the commander of", text: "[Abou Harith al-Masri|P], the commander of [Nour Brigades|O], was absent.", want: ["Abou Harith al-Masri leader_of Nour Brigades"] },
  { name: "description resolves to the named group", text: "[Nour Brigades|O] fought. [Abou Harith al-Masri|P], the commander of the brigades, was absent.", want: ["Abou Harith al-Masri leader_of Nour Brigades"] },
  // membership and posts
  { name: "a commander of is a member", text: "[Abu Omar al-Iraqi|P], a commander of the rival [Liwa al-Qadisiya|O], was arrested.", want: ["Abu Omar al-Iraqi member_of Liwa al-Qadisiya"] },
  { name: "copular member", text: "[Abou Shuaib al-Hadrami|P] was a member of [Qaidat al-Jihad|O].", want: ["Abou Shuaib al-Hadrami member_of Qaidat al-Jihad"] },
  { name: "member of a possessive unit", text: "[Abou Shuaib al-Hadrami|P] was a member of the [ISIS|O]' [Sharia council|O].", want: ["Abou Shuaib al-Hadrami member_of Sharia council", "Sharia council part_of ISIS"] },
  { name: "official of a place", text: "[Abou Ayman al-Iraqi|P], an official of [al-Hasakah|L] governorate, spoke.", want: ["Abou Ayman al-Iraqi holds_position al-Hasakah"] },
  { name: "commander of a region", text: "[Ahmed Ali|P], the commander of the [Mudug|L] region, spoke.", want: ["Ahmed Ali holds_position Mudug"] },
  { name: "relative clause subject", text: "[Abou Ayman al-Iraqi|P], a preacher, who was an official of [al-Hasakah|L] governorate, left.", want: ["Abou Ayman al-Iraqi holds_position al-Hasakah"] },
  { name: "one of the group's missionaries", text: "[Abou Ayman al-Iraqi|P], one of [ISIS|O]' most distinguished missionaries, spoke.", want: ["Abou Ayman al-Iraqi member_of ISIS"] },
  { name: "group includes a person", text: "Besides [al-Hadrami|P], the [defected group|O] included the so-called [Abou Ayman al-Iraqi|P].", want: ["Abou Ayman al-Iraqi member_of defected group"] },
  { name: "joined", text: "[Abu Ali|P] joined [ISIS|O] in [2014|T|2014].", want: ["Abu Ali member_of ISIS"] },
  { name: "coordinated posts share the subject", text: "[Abou Shuaib al-Hadrami|P] was a member of [Sharia council|O] and for six months in [2015|T|2015], an official of the Syrian area of [Albu Kamal|L] and the Iraqi area of [Al-Qaem|L].", want: ["Abou Shuaib al-Hadrami holds_position Al-Qaem", "Abou Shuaib al-Hadrami holds_position Albu Kamal", "Abou Shuaib al-Hadrami member_of Sharia council"] },
  { name: "deputy of a leader is a member of the group", text: "[Abou Harith al-Masri|P], the commander of [Nour Brigades|O], was absent, and his deputy, [Abu Omar al-Shami|P], led the fighters.", want: ["Abou Harith al-Masri leader_of Nour Brigades", "Abu Omar al-Shami member_of Nour Brigades"] },
  { name: "deputy of a person without a group is an associate", text: "[Abu Omar al-Shami|P], the former deputy of [Abu Harith al-Masri|P], spoke.", want: ["Abu Omar al-Shami associate_of Abu Harith al-Masri"] },
  // units and splits
  { name: "possessive unit", text: "[ISIS|O]' [Sharia council|O] met.", want: ["Sharia council part_of ISIS"] },
  { name: "unit of a group", text: "The [Sharia council|O] of [ISIS|O] met.", want: ["Sharia council part_of ISIS"] },
  { name: "possessive inside one name", text: "The [ISIS' Sharia council|O] met while [ISIS|O] waited.", want: ["ISIS' Sharia council part_of ISIS"] },
  { name: "split from, named later", text: "A group of 40 fighters has split from [Kata'ib al-Nour|O] and announced a new faction called [Saraya al-Fath|O].", want: ["Saraya al-Fath splinter_of Kata'ib al-Nour"] },
  { name: "split from, subject first", text: "[Saraya al-Fath|O] broke away from [Kata'ib al-Nour|O] last year.", want: ["Saraya al-Fath splinter_of Kata'ib al-Nour"] },
  { name: "splinter noun", text: "[Saraya al-Fath|O], a splinter group of [Kata'ib al-Nour|O], said so.", want: ["Saraya al-Fath splinter_of Kata'ib al-Nour"] },
  { name: "a person who defected was a member", text: "[Abu Ali|P] defected from [ISIS|O].", want: ["Abu Ali member_of ISIS"] },
  // family
  { name: "he had a daughter called", text: "[Abou Shuaib al-Hadrami|P] said that he had a daughter called [Shaimaa al-Hadramiyah|P].", want: ["Abou Shuaib al-Hadrami parent_of Shaimaa al-Hadramiyah"] },
  { name: "his brother", text: "[Abu Ali|P] and his brother [Abu Omar|P] fled.", want: ["Abu Ali sibling_of Abu Omar"] },
  { name: "the son of", text: "[Omar Ali|P], the son of [Ali Hassan|P], was killed.", want: ["Ali Hassan parent_of Omar Ali"] },
  { name: "possessive father", text: "[Omar Ali|P]'s father, [Ali Hassan|P], spoke.", want: ["Ali Hassan parent_of Omar Ali"] },
  { name: "possessive wife", text: "[Abu Ali|P]'s wife, [Umm Ali|P], was detained.", want: ["Abu Ali spouse_of Umm Ali"] },
  // places
  { name: "towns in a governorate", text: "It began in the towns of [Hajin|L], [Al-Shaafah|L], and [Al-Aliyat|L] near the [Syrian-Iraqi border|L] in [Deir Ez-Zor|L].", want: ["Al-Aliyat located_in Deir Ez-Zor", "Al-Shaafah located_in Deir Ez-Zor", "Hajin located_in Deir Ez-Zor"] },
  { name: "town in the countryside of", text: "They clashed in the town of [Al-Mayadeen|L], in the eastern countryside of [Deir ez-Zor|L], activists said.", want: ["Al-Mayadeen located_in Deir ez-Zor"] },
  { name: "demonym gives the country", text: "They took the Iraqi city of [Mosul|L] from [Iraq|L].", want: ["Mosul located_in Iraq"] },
  { name: "country possessive", text: "Fighting hit [Syria|L]'s [Idlib|L] province.", want: ["Idlib located_in Syria"] },
  { name: "place, country", text: "He lived in [Mosul|L], [Iraq|L].", want: ["Mosul located_in Iraq"] },
  // opposition, alliance, association
  { name: "fighting several groups", text: "[ISIS|O] also was busy fighting the [SDF|O] and the [Popular Mobilization Forces|O].", want: ["ISIS opposed_to Popular Mobilization Forces", "ISIS opposed_to SDF"] },
  { name: "clashed with", text: "Soon, [ISIS|O] clashed with the [defected|O] in the town of [Hajin|L].", want: ["ISIS opposed_to defected"] },
  { name: "fought alongside", text: "[Ahrar al-Sham|O] fought alongside [Jaish al-Islam|O].", want: ["Ahrar al-Sham allied_with Jaish al-Islam"] },
  { name: "along with", text: "The source added that [al-Hadrami|P] was one of the leaders, along with [Abou Abdul Rahman al-Tal Afri|P], during the operation.", want: ["al-Hadrami associate_of Abou Abdul Rahman al-Tal Afri"] },
  // pronouns
  { name: "pronoun in the next sentence", text: "[Abu Ali|P] spoke. He was a member of [ISIS|O].", want: ["Abu Ali member_of ISIS"] },
];

/** Text that must yield exactly these relations (usually none): what the rules must not read into it. */
const negatives: { name: string; text: string; want: string[] }[] = [
  { name: "met with is not membership", text: "[Abu Ali|P] met with a member of [ISIS|O].", want: [] },
  { name: "the towns of A in B does not put B in A", text: "It began in the towns of [Hajin|L] in [Deir Ez-Zor|L].", want: ["Hajin located_in Deir Ez-Zor"] },
  { name: "a daughter is not the parent", text: "[Abu Ali|P]'s daughter, [Fatima Ali|P], spoke.", want: ["Abu Ali parent_of Fatima Ali"] },
  { name: "no relation across sentences without a pronoun", text: "[Abu Ali|P] spoke. A member of [ISIS|O] was killed.", want: [] },
  { name: "a pronoun reaches back one sentence only", text: "[Abu Ali|P] spoke. Rain fell. He was a member of [ISIS|O].", want: [] },
  { name: "a refused join", text: "[Abu Ali|P] refused to join [ISIS|O].", want: [] },
  { name: "plural leaders named with especially", text: "They blamed [ISIS|O]' leaders, especially [Abu Bakr|P].", want: [] },
  { name: "a country is not inside another", text: "Fighters from [Tunisia|L] in [Syria|L] left.", want: [] },
  { name: "a group is not a member through soldiers", text: "The [defected|O], who were soldiers of the [Jund al-Khilafah Army|O], fought.", want: [] },
  { name: "clashes between two groups is an event, not a relation", text: "Clashes between [Kata'ib al-Nour|O] and [tribal force|O] erupted.", want: [] },
  { name: "a negated clash", text: "[ISIS|O] tries not to clash with the [defected|O].", want: [] },
  { name: "a group led by someone appearing within a group", text: "A group led by [Abou Shuaib al-Hadrami|P] appeared within [ISIS|O].", want: [] },
  { name: "demonym without that country in the article", text: "They took the Iraqi city of [Mosul|L].", want: [] },
  { name: "a list of places is not containment", text: "Fighters came from [Hajin|L], [Mosul|L] and [Raqqa|L].", want: [] },
];

for (const c of [...cases, ...negatives]) {
  test(`relations: ${c.name}`, () => {
    const doc = run(c.text);
    assert.deepEqual(relationStrings(doc), [...c.want].sort());
    for (const r of doc.relations) {
      assert.ok(r.rule.startsWith("relations/"), r.rule);
      for (const e of r.evidence) assert.equal(e.text, doc.text.slice(e.start, e.end));
    }
  });
}

const detailCases: { name: string; text: string; rel: string; check: (r: Doc["relations"][number]) => void }[] = [
  { name: "former marks status", text: "[Abu Ali|P], the former leader of [ISIS|O], died.", rel: "Abu Ali leader_of ISIS", check: (r) => assert.equal(r.status, "former") },
  { name: "before joining marks the earlier group former", text: "Before joining [ISIS|O] in [2013|T|2013], [Abu Ali|P] was a member of [Qaidat al-Jihad|O].", rel: "Abu Ali member_of Qaidat al-Jihad", check: (r) => assert.equal(r.status, "former") },
  { name: "joined takes the following time", text: "Before joining [ISIS|O] in [2013|T|2013], [Abu Ali|P] was a member of [Qaidat al-Jihad|O].", rel: "Abu Ali member_of ISIS", check: (r) => assert.equal(r.time?.start, "2013") },
  { name: "lead verb takes the time after it", text: "[Al-Masri|P] has led [Kata'ib al-Nour|O] since [2019|T|2019].", rel: "Al-Masri leader_of Kata'ib al-Nour", check: (r) => assert.equal(r.time?.start, "2019") },
  { name: "coordinated post takes the time before it", text: "[Abu Ali|P] was a member of [Sharia council|O] and for six months in [2015|T|2015], an official of [Mosul|L].", rel: "Abu Ali holds_position Mosul", check: (r) => { assert.equal(r.time?.start, "2015"); assert.equal(r.role, "official"); } },
  { name: "post without a time has none", text: "[Abu Ali|P] was a member of [Sharia council|O] and for six months in [2015|T|2015], an official of [Mosul|L].", rel: "Abu Ali member_of Sharia council", check: (r) => assert.equal(r.time, undefined) },
  { name: "a repeated relation merges its evidence", text: "[Kata'ib al-Nour|O]'s leader, [Al-Masri|P], spoke. [Al-Masri|P] has led [Kata'ib al-Nour|O] since 2019.", rel: "Al-Masri leader_of Kata'ib al-Nour", check: (r) => assert.equal(r.evidence.length, 2) },
];

for (const c of detailCases) {
  test(`relations: ${c.name}`, () => {
    const doc = run(c.text);
    const name = new Map(doc.entities.map((e) => [e.id, e.name]));
    const r = doc.relations.find((x) => `${name.get(x.subject)} ${x.type} ${name.get(x.object)}` === c.rel);
    assert.ok(r, `missing ${c.rel} in ${relationStrings(doc).join("; ")}`);
    c.check(r);
  });
}

test("relations: a relation inside a claim's scope points at the claim", () => {
  const doc = markedDoc("A source said that [Abu Ali|P] was a member of [ISIS|O].");
  const from = doc.text.indexOf("Abu");
  doc.claims.push({ id: "c1", source: { text: "A source", kind: "anonymous" }, modality: "reported", scope: [{ start: from, end: doc.text.length }], rule: "test" });
  findRelations(doc);
  assert.equal(doc.relations[0]?.claim, "c1");
});

test("relations: gazetteer containment is derived, without evidence", () => {
  const doc = run("Fighting in [Hajin|L] spread across [Syria|L].", { Hajin: { countryCode: "SY" } });
  assert.equal(doc.relations.length, 1);
  const [r] = doc.relations;
  assert.equal(r.type, "located_in");
  assert.equal(r.derived, true);
  assert.deepEqual(r.evidence, []);
});

test("relations: gazetteer containment needs the country in the article", () => {
  const doc = run("Fighting in [Hajin|L] spread.", { Hajin: { countryCode: "SY" } });
  assert.deepEqual(doc.relations, []);
});

const cueErrors: { name: string; raw: unknown; message: RegExp }[] = [
  { name: "not an object", raw: [], message: /relation-cues\.json: expected an object/ },
  { name: "a missing list", raw: {}, message: /relation-cues\.json: `leaderNouns` must be a non-empty list/ },
];

for (const c of cueErrors) {
  test(`relation cues: rejects ${c.name}`, () => {
    assert.throws(() => parseRelationCues(c.raw), c.message);
  });
}

test("relation cues: rejects an unknown kin", async () => {
  const { readDataJson } = await import("../../../src/lexicon/load.js");
  const raw = readDataJson("lexicons/relation-cues.json") as Record<string, unknown>;
  assert.throws(() => parseRelationCues({ ...raw, family: { son: "cousin-ish" } }), /`family\.son` must be one of/);
});

const moreCases: { name: string; text: string; want: string[] }[] = [
  { name: "the leader of a group, named after", text: "The commander of the [SDF|O], [Mazloum Abdi|P], said so.", want: ["Mazloum Abdi leader_of SDF"] },
  { name: "a post in an unnamed unit of a group is membership", text: "[Abu Ali|P], the head of [ISIS|O]' security office, was killed.", want: ["Abu Ali member_of ISIS"] },
  { name: "appositive group noun", text: "[Abu Ali|P], a senior [ISIS|O] commander, was killed.", want: ["Abu Ali member_of ISIS"] },
  { name: "appositive definite group leader", text: "[Abu Bakr|P], the [ISIS|O] leader, was killed.", want: ["Abu Bakr leader_of ISIS"] },
  { name: "a group's post over a place", text: "[Abu Ali|P], the [ISIS|O] emir of [Raqqa|L], was killed.", want: ["Abu Ali holds_position Raqqa", "Abu Ali member_of ISIS"] },
  { name: "an office of an organization", text: "[Ali Ahmed|P] was the minister of [Defence|O].", want: ["Ali Ahmed holds_position Defence"] },
  { name: "its leader", text: "[ISIS|O] announced that its leader, [Abu Bakr|P], died.", want: ["Abu Bakr leader_of ISIS"] },
  { name: "under the command of", text: "[Jaish al-Izza|O], under the command of [Jamil al-Saleh|P], attacked.", want: ["Jamil al-Saleh leader_of Jaish al-Izza"] },
  { name: "whose brother", text: "[Abu Ali|P], whose brother [Abu Omar|P] was killed, fled.", want: ["Abu Ali sibling_of Abu Omar"] },
  { name: "a town in a province", text: "[Hajin|L], a small town in eastern [Deir ez-Zor|L], fell.", want: ["Hajin located_in Deir ez-Zor"] },
  { name: "the capital of", text: "[Damascus|L], the capital of [Syria|L], was calm.", want: ["Damascus located_in Syria"] },
];

const moreNegatives: { name: string; text: string; want: string[] }[] = [
  { name: "a description with no group named before stays unresolved", text: "[Abu Ali|P], the commander of the brigades, fled.", want: [] },
  { name: "a town near a place is not inside it", text: "[Hajin|L], a town near [Deir ez-Zor|L], fell.", want: [] },
  { name: "the A suburb of B is ambiguous and left out", text: "They reached the [Wellington|L] suburb of [Miramar|L].", want: [] },
  { name: "an object pronoun is not an apposition", text: "[Abu Ali|P] defeated him, [Ahrar|O] leader [Abu Omar|P].", want: ["Abu Omar leader_of Ahrar"] },
  { name: "a list of persons is not an apposition", text: "[Abu Ali|P], [Abu Omar|P] and others fled.", want: [] },
];

for (const c of [...moreCases, ...moreNegatives]) {
  test(`relations: ${c.name}`, () => {
    assert.deepEqual(relationStrings(run(c.text)), [...c.want].sort());
  });
}

test("relations: his skips a woman's name for the man before her", () => {
  const doc = run("[Umm Omar|P] met [Abu Ali|P]. She said that his brother, [Abu Hassan|P], fled.");
  assert.deepEqual(relationStrings(doc), ["Abu Ali sibling_of Abu Hassan"]);
});

test("relations: a pronoun after an unrecognised name stays unresolved", () => {
  const doc = run("[Edward Hayden|P] said that Dzhokhar and his brother, [Tamerlan Tsarnaev|P], met.");
  assert.deepEqual(relationStrings(doc), []);
});

test("relations: 'believed to be' states a post", () => {
  assert.deepEqual(relationStrings(run("[Abu Ali|P] is believed to be the leader of [Jund al-Aqsa|O].")), ["Abu Ali leader_of Jund al-Aqsa"]);
});

test("relations: a repeated statement is one relation with each evidence span once", () => {
  const doc = run("[ISIS|O|is] leader [Abu Bakr|P|ab] spoke. [ISIS|O|is] leader [Abu Bakr|P|ab] spoke again.");
  assert.deepEqual(relationStrings(doc), ["Abu Bakr leader_of ISIS"]);
  assert.deepEqual(
    doc.relations[0].evidence.map((e) => e.text),
    ["ISIS leader Abu Bakr", "ISIS leader Abu Bakr"],
  );
  assert.notEqual(doc.relations[0].evidence[0].start, doc.relations[0].evidence[1].start);
});

test("relations: a pronoun does not reach a person named two sentences back", () => {
  assert.deepEqual(relationStrings(run("[Abu Ali|P] fled. Then it rained. His brother, [Abu Omar|P], left.")), []);
});

test("relations: a pronoun takes the first person of the previous sentence", () => {
  assert.deepEqual(relationStrings(run("[Abu Ali|P] met [Abu Said|P]. His brother, [Abu Omar|P], left.")), ["Abu Ali sibling_of Abu Omar"]);
});

/** A sentence of about 5,000 words: `n` repeats of `unit(i)`, then `tail`. */
function longSentence(n: number, unit: (i: number) => string, tail: string): string {
  let s = "";
  for (let i = 0; i < n; i++) s += unit(i);
  return s + tail;
}

const longCases: { name: string; text: string; want: (names: Set<string>) => boolean }[] = [
  {
    name: "every town of a long list lies in the place after it",
    text: longSentence(2500, (i) => `[Town${i}|L], `, "in [Syria|L]."),
    want: (r) => r.size === 2500 && r.has("Town0 located_in Syria") && r.has("Town2499 located_in Syria"),
  },
  {
    name: "posts and kin stay local in a long sentence of many clauses",
    text: longSentence(300, (i) => `[Abu Ali${i}|P], the commander of [Brigade${i}|O], said that [Abu Ali${i}|P]'s brother [Omar${i}|P] fled, and `, "it rained."),
    want: (r) =>
      r.has("Abu Ali0 leader_of Brigade0") && r.has("Abu Ali299 leader_of Brigade299") && r.has("Abu Ali299 sibling_of Omar299") && !r.has("Abu Ali0 sibling_of Omar1"),
  },
];

for (const c of longCases) {
  test(`relations: ${c.name}`, () => {
    assert.ok(c.want(new Set(relationStrings(run(c.text)))));
  });
}

const geoCases: { name: string; marked: string; geo: Record<string, { countryCode: string }>; dropped: string[] }[] = [
  { name: "a place the text puts in another country loses its gazetteer record", marked: "Raids hit the town of [Dhiban|L] in [Deir ez-Zor|L].", geo: { Dhiban: { countryCode: "JO" }, "Deir ez-Zor": { countryCode: "SY" } }, dropped: ["Dhiban"] },
  { name: "a place in the same country keeps its gazetteer record", marked: "Raids hit the town of [Manbij|L] in [Aleppo|L].", geo: { Manbij: { countryCode: "SY" }, Aleppo: { countryCode: "SY" } }, dropped: [] },
];

for (const c of geoCases) {
  test(`relations: ${c.name}`, () => {
    const doc = run(c.marked, c.geo);
    assert.ok(doc.relations.some((r) => r.type === "located_in" && !r.derived), "the text states the containment");
    assert.deepEqual(doc.entities.filter((e) => e.type === "place" && !e.geo).map((e) => e.name), c.dropped);
    assert.equal(doc.diagnostics.filter((d) => d.rule === "relations/contradicted-geo").length, c.dropped.length);
  });
}
