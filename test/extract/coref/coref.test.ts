import { test } from "node:test";
import assert from "node:assert/strict";
import { findAliases } from "../../../src/extract/aliases/index.js";
import { resolveCoreference, type CorefLexicon } from "../../../src/extract/coref/index.js";
import { compileCorefWords } from "../../../src/extract/coref/keys.js";
import type { Doc } from "../../../src/model.js";
import { docWith, type MentionSpec } from "../aliases/fixture.js";

const P = "person" as const;
const O = "organization" as const;
const L = "place" as const;

/** A fixed lexicon, so these tests do not depend on the shipped organization list. */
const LEX: CorefLexicon = {
  knownOrgKey: (name) => ({ ISIS: "is", "Islamic State": "is", Daesh: "is" })[name],
  countryName: (name) => ({ US: "United States", "United States": "United States" })[name],
  isDemonym: (w) => ["Iraqi", "Syrian", "Egyptian"].includes(w),
};

interface Case {
  name: string;
  text: string;
  mentions: MentionSpec[];
  /** Entities as "type:name [alias, …] ×mentions", in id order. */
  entities: string[];
  /** Expected rule in the entity named first in `entities`. */
  rule?: string;
  /** Expected diagnostic rule, if any. */
  diagnostic?: string;
}

const CASES: Case[] = [
  {
    name: "exact folded matches (Abou = Abu, case, hyphens)",
    text: "Abou Omar al-Shami spoke. Later abu omar Al Shami left.",
    mentions: [["Abou Omar al-Shami", P], ["abu omar Al Shami", P]],
    entities: ["person:Abou Omar al-Shami [] ×2"],
    rule: "coref/exact-name",
  },
  {
    name: "a known organization's names join; the lexicon alias becomes an alias",
    text: "ISIS fighters left. The Islamic State lost. ISIS fled.",
    mentions: [["ISIS", O], ["Islamic State", O]],
    entities: ["organization:Islamic State [ISIS] ×3"],
    rule: "coref/known-organization",
  },
  {
    name: "alias links merge their two mentions",
    text: "Abu Harith al-Masri, whose real name is Hamdi Saleh, spoke.",
    mentions: [["Abu Harith al-Masri", P]],
    entities: ["person:Abu Harith al-Masri [Hamdi Saleh] ×2"],
    rule: "aliases/real-name",
  },
  {
    name: "a nisba short form joins the one person it ends",
    text: "Abou Shuaib al-Hadrami led them. Who is al-Hadrami? Al-Hadrami fled.",
    mentions: [["Abou Shuaib al-Hadrami", P], ["al-Hadrami", P], ["Al-Hadrami", P]],
    entities: ["person:Abou Shuaib al-Hadrami [] ×3"],
    rule: "coref/short-form",
  },
  {
    name: "a short form before the full name also joins",
    text: "Al-Masri spoke. Abu Harith al-Masri is the leader.",
    mentions: [["Al-Masri", P], ["Abu Harith al-Masri", P]],
    entities: ["person:Abu Harith al-Masri [] ×2"],
  },
  {
    name: "a last name joins the one person it ends",
    text: "Colonel Hassan Hashi Mohamed said so. Mohamed added more.",
    mentions: [["Hassan Hashi Mohamed", P], ["Mohamed", P, { nth: 1 }]],
    entities: ["person:Hassan Hashi Mohamed [] ×2"],
  },
  {
    name: "a compound nisba short form (article plus two words)",
    text: "Abou Abdul Rahman al-Tal Afri fought. Al-Tal Afri died.",
    mentions: [["Abou Abdul Rahman al-Tal Afri", P], ["Al-Tal Afri", P]],
    entities: ["person:Abou Abdul Rahman al-Tal Afri [] ×2"],
  },
  {
    name: "negative: a feminine nisba is another person",
    text: "Abou Shuaib al-Hadrami had a daughter, Shaimaa al-Hadramiyah. Al-Hadramiyah is detained.",
    mentions: [["Abou Shuaib al-Hadrami", P], ["Shaimaa al-Hadramiyah", P], ["Al-Hadramiyah", P]],
    entities: ["person:Abou Shuaib al-Hadrami [] ×1", "person:Shaimaa al-Hadramiyah [] ×2"],
  },
  {
    name: "negative: two people sharing a kunya stay apart",
    text: "Abu Omar al-Shami split off. Abu Omar al-Iraqi was arrested.",
    mentions: [["Abu Omar al-Shami", P], ["Abu Omar al-Iraqi", P]],
    entities: ["person:Abu Omar al-Shami [] ×1", "person:Abu Omar al-Iraqi [] ×1"],
  },
  {
    name: "negative: a bare kunya that fits two people joins neither",
    text: "Abu Omar al-Shami and Abu Omar al-Iraqi met. Abu Omar spoke.",
    mentions: [["Abu Omar al-Shami", P], ["Abu Omar al-Iraqi", P], ["Abu Omar", P, { nth: 2 }]],
    entities: ["person:Abu Omar al-Shami [] ×1", "person:Abu Omar al-Iraqi [] ×1", "person:Abu Omar [] ×1"],
    diagnostic: "coref/short-form-ambiguous",
  },
  {
    name: "negative: a bare demonym is no short form of a nisba",
    text: "Abou Ayman al-Iraqi spoke to an Iraqi official.",
    mentions: [["Abou Ayman al-Iraqi", P], ["Iraqi", P, { nth: 1 }]],
    entities: ["person:Abou Ayman al-Iraqi [] ×1", "person:Iraqi [] ×1"],
  },
  {
    name: "a bare kunya that fits one person joins",
    text: "Abu Omar al-Shami split off. Abu Omar spoke.",
    mentions: [["Abu Omar al-Shami", P], ["Abu Omar", P, { nth: 1 }]],
    entities: ["person:Abu Omar al-Shami [] ×2"],
  },
  {
    name: "negative: a short form shared by two people joins neither",
    text: "Ahmed al-Masri and Hamdi al-Masri met. Al-Masri spoke.",
    mentions: [["Ahmed al-Masri", P], ["Hamdi al-Masri", P], ["Al-Masri", P]],
    entities: ["person:Ahmed al-Masri [] ×1", "person:Hamdi al-Masri [] ×1", "person:Al-Masri [] ×1"],
    diagnostic: "coref/short-form-ambiguous",
  },
  {
    name: "an acronym joins its expansion and becomes an alias",
    text: "The Syrian Democratic Forces attacked. The SDF said so.",
    mentions: [["Syrian Democratic Forces", O], ["SDF", O]],
    entities: ["organization:Syrian Democratic Forces [SDF] ×2"],
    rule: "coref/acronym",
  },
  {
    name: "an acronym skipping a leading demonym",
    text: "The Iraqi Popular Mobilization Forces fought. The PMF won.",
    mentions: [["Iraqi Popular Mobilization Forces", O], ["PMF", O]],
    entities: ["organization:Iraqi Popular Mobilization Forces [PMF] ×2"],
  },
  {
    name: "negative: a lone acronym with no expansion stays its own entity",
    text: "The YPG attacked the Free Syrian Army.",
    mentions: [["YPG", O], ["Free Syrian Army", O]],
    entities: ["organization:YPG [] ×1", "organization:Free Syrian Army [] ×1"],
  },
  {
    name: "negative: a country abbreviation does not join another expansion",
    text: "The University of Sheffield said the US would pay.",
    mentions: [["University of Sheffield", O], ["US", L]],
    entities: ["organization:University of Sheffield [] ×1", "place:US [] ×1"],
  },
  {
    name: "a country abbreviation joins its country",
    text: "The United States said the US would pay.",
    mentions: [["United States", L], ["US", L]],
    entities: ["place:United States [US] ×2"],
  },
  {
    name: "places with and without the article join",
    text: "They reached Al-Qaem. Fighters left Qaem.",
    mentions: [["Al-Qaem", L], ["Qaem", L]],
    entities: ["place:Al-Qaem [] ×2"],
    rule: "coref/place-variant",
  },
  {
    name: "a place with a generic word joins the bare name, which names it",
    text: "An official of al-Hasakah governorate. Fighting in al-Hasakah.",
    mentions: [["al-Hasakah governorate", L], ["al-Hasakah", L, { nth: 1 }]],
    entities: ["place:al-Hasakah [] ×2"],
  },
  {
    name: "negative: a capitalised generic word is part of the name",
    text: "From Mexico City to Mexico.",
    mentions: [["Mexico City", L], ["Mexico", L, { nth: 1 }]],
    entities: ["place:Mexico City [] ×1", "place:Mexico [] ×1"],
  },
  {
    name: "a lower-case generic word is not",
    text: "Raqqa city fell. Raqqa was the capital.",
    mentions: [["Raqqa city", L], ["Raqqa", L, { nth: 1 }]],
    entities: ["place:Raqqa [] ×2"],
  },
  {
    name: "a name without its middle parts joins the one fuller name",
    text: "Henrik August Angell was born in 1861. Henrik Angell died in 1922.",
    mentions: [["Henrik August Angell", P], ["Henrik Angell", P]],
    entities: ["person:Henrik August Angell [] ×2"],
    rule: "coref/name-subsequence",
  },
  {
    name: "places with the same geonameId join",
    text: "They left Albu Kamal for Abu Kamal.",
    mentions: [["Albu Kamal", L, { geo: { geonameId: 7 } }], ["Abu Kamal", L, { geo: { geonameId: 7 } }]],
    entities: ["place:Albu Kamal [] ×2"],
    rule: "coref/same-place",
  },
  {
    name: "negative: hand-listed regions (geonameId 0) do not join by id",
    text: "From the Jazira region to the Badia region.",
    mentions: [["Jazira", L, { geo: { geonameId: 0 } }], ["Badia", L, { geo: { geonameId: 0 } }]],
    entities: ["place:Jazira [] ×1", "place:Badia [] ×1"],
  },
  {
    name: "negative: differently named places stay apart",
    text: "From Hajin to Hajeen.",
    mentions: [["Hajin", L], ["Hajeen", L]],
    entities: ["place:Hajin [] ×1", "place:Hajeen [] ×1"],
  },
  {
    name: "a union place stays its own entity and lists its members",
    text: "Albu Kamal and Al-Qaem, which ISIS called the Euphrates prefecture.",
    mentions: [["Albu Kamal", L], ["Al-Qaem", L], ["ISIS", O]],
    entities: ["place:Albu Kamal [] ×1", "place:Al-Qaem [] ×1", "organization:ISIS [] ×1", "place:Euphrates prefecture [] ×1"],
  },
  {
    name: "the referent keeps the name over a stated alias",
    text: "Kata'ib al-Nour (Nour Brigades) fought. Nour Brigades fled.",
    mentions: [["Kata'ib al-Nour", O], ["Nour Brigades", O]],
    entities: ["organization:Kata'ib al-Nour [Nour Brigades] ×3"],
  },
];

const HEAD_NOUNS: [name: string, text: string, mentions: MentionSpec[], want: string[]][] = [
  ["'the brigades' joins the one organization ending with it", "Abu Harith al-Masri, the commander of the brigades, left the Nour Brigades.", [["Nour Brigades", O]], []],
  ["'the brigades' after the organization joins it", "The Nour Brigades fought. The commander of the brigades fled.", [["Nour Brigades", O]], ["the brigades"]],
  ["negative: two organizations end with the noun", "The Nour Brigades and the Fath Brigades fought. The brigades fled.", [["Nour Brigades", O], ["Fath Brigades", O]], []],
  ["negative: 'the brigades of' names other brigades", "The Nour Brigades fought the brigades of the regime.", [["Nour Brigades", O]], []],
];
for (const [name, text, mentions, want] of HEAD_NOUNS) {
  test(`coref: head noun: ${name}`, () => {
    const doc = docWith(text, mentions);
    resolveCoreference(doc, LEX);
    const nominal = doc.mentions.filter((m) => m.rule === "coref/org-head-noun");
    assert.deepEqual(nominal.map((m) => m.text), want);
    for (const m of nominal) assert.equal(m.entity, doc.mentions.find((x) => x.text === "Nour Brigades")?.entity);
    assert.equal(doc.entities.length, mentions.length);
  });
}

function summary(doc: Doc): string[] {
  return doc.entities.map((e) => `${e.type}:${e.name} [${e.aliases.join(", ")}] ×${e.mentions.length}`);
}

for (const c of CASES) {
  test(`coref: ${c.name}`, () => {
    const doc = docWith(c.text, c.mentions);
    findAliases(doc);
    resolveCoreference(doc, LEX);
    assert.deepEqual(summary(doc), c.entities);
    if (c.rule) assert.ok((doc.entities[0].attributes?.rules as string[]).includes(c.rule), JSON.stringify(doc.entities[0].attributes));
    const diags = doc.diagnostics.map((d) => d.rule);
    if (c.diagnostic) assert.ok(diags.includes(c.diagnostic));
    else assert.ok(!diags.includes("coref/short-form-ambiguous"));
  });
}

test("coref: ids follow first mention and every mention points at its entity", () => {
  const doc = docWith("Mosul fell. ISIS left Mosul. Baghdad stayed.", [["Mosul", L], ["ISIS", O], ["Baghdad", L]]);
  resolveCoreference(doc, LEX);
  assert.deepEqual(doc.entities.map((e) => `${e.id}:${e.name}`), ["e1:Mosul", "e2:ISIS", "e3:Baghdad"]);
  for (const m of doc.mentions) {
    const e = doc.entities.find((x) => x.id === m.entity);
    assert.ok(e?.mentions.some((s) => s.start === m.start && s.end === m.end));
  }
});

test("coref: pronouns and nominals are left for later stages", () => {
  const doc = docWith("Abu Omar spoke. He left.", [["Abu Omar", P], ["He", P, { form: "pronoun" }]]);
  resolveCoreference(doc, LEX);
  assert.equal(doc.entities.length, 1);
  assert.equal(doc.mentions.find((m) => m.text === "He")?.entity, undefined);
});

test("coref: so-called and union attributes reach the entity", () => {
  const doc = docWith("Albu Kamal and Al-Qaem, which ISIS called the Euphrates prefecture, and the so-called Abu Ali.", [
    ["Albu Kamal", L],
    ["Al-Qaem", L],
    ["ISIS", O],
    ["Abu Ali", P],
  ]);
  findAliases(doc);
  resolveCoreference(doc, LEX);
  const byName = new Map(doc.entities.map((e) => [e.name, e]));
  assert.deepEqual(byName.get("Euphrates prefecture")?.attributes?.unionOf, [byName.get("Albu Kamal")?.id, byName.get("Al-Qaem")?.id]);
  assert.equal(byName.get("Abu Ali")?.attributes?.soCalled, true);
});

test("coref: the word-list file is validated", () => {
  assert.throws(() => compileCorefWords({ placeGenerics: [] }), /data\/lexicons\/coref-rules\.json: `placeGenerics`/);
});
