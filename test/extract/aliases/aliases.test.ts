import { test } from "node:test";
import assert from "node:assert/strict";
import { findAliases, isAcronym } from "../../../src/extract/aliases/index.js";
import { compilePatterns } from "../../../src/extract/aliases/patterns.js";
import { aliasPairs, docWith, type MentionSpec } from "./fixture.js";

interface Case {
  name: string;
  text: string;
  mentions: MentionSpec[];
  /** Expected links as "of ~ alias". */
  links: string[];
  /** Mentions the stage must have added, as "text/type/form". */
  added?: string[];
  /** Expected rule of the first link. */
  rule?: string;
}

const P = "person" as const;
const O = "organization" as const;
const L = "place" as const;

const CASES: Case[] = [
  {
    name: "also known as, with a list of two",
    text: "Abou Shuaib al-Hadrami, also known as Abou Turab al-Yamani and Abou Hassan al-Sanaai, was a member.",
    mentions: [["Abou Shuaib al-Hadrami", P], ["Abou Turab al-Yamani", P]],
    links: ["Abou Shuaib al-Hadrami ~ Abou Turab al-Yamani", "Abou Shuaib al-Hadrami ~ Abou Hassan al-Sanaai"],
    added: ["Abou Hassan al-Sanaai/person/alias"],
    rule: "aliases/also-known-as",
  },
  {
    name: "a list with a serial comma",
    text: "The Islamic Army, known as Jaish al-Islami, Al-Jaish, and Liwa al-Islam, fought there.",
    mentions: [["Islamic Army", O]],
    links: ["Islamic Army ~ Jaish al-Islami", "Islamic Army ~ Al-Jaish", "Islamic Army ~ Liwa al-Islam"],
  },
  {
    name: "negative: ', and' after a single alias starts a new clause",
    text: "Abu Ali, also known as Abu Omar, and Abu Bakr were killed.",
    mentions: [["Abu Ali", P], ["Abu Omar", P], ["Abu Bakr", P]],
    links: ["Abu Ali ~ Abu Omar"],
  },
  {
    name: "also known as inside brackets",
    text: "Attacks by ISIS (also known as ISIL or Daesh) went on.",
    mentions: [["ISIS", O]],
    links: ["ISIS ~ ISIL", "ISIS ~ Daesh"],
    rule: "aliases/also-known-as",
  },
  {
    name: "a former name in brackets",
    text: "He died in Kristiania (now Oslo) in 1922.",
    mentions: [["Kristiania", L], ["Oslo", L]],
    links: ["Kristiania ~ Oslo"],
    rule: "aliases/former-name",
  },
  {
    name: "negative: a former-name cue does not retype a mention",
    text: "In Raqqa, now ISIS rules.",
    mentions: [["Raqqa", L], ["ISIS", O]],
    links: [],
  },
  {
    name: "negative: a former-name cue needs a clause boundary after the name",
    text: "They took Raqqa, now Syria's largest ruin.",
    mentions: [["Raqqa", L], ["Syria", L]],
    links: [],
  },
  {
    name: "a former name of an organization",
    text: "Jabhat Fateh al-Sham, formerly Jabhat al-Nusra, attacked.",
    mentions: [["Jabhat Fateh al-Sham", O]],
    links: ["Jabhat Fateh al-Sham ~ Jabhat al-Nusra"],
  },
  {
    name: "upper-case cue",
    text: "Abu Ali, AKA Abu Omar, spoke.",
    mentions: [["Abu Ali", P]],
    links: ["Abu Ali ~ Abu Omar"],
  },
  {
    name: "negative: 'now' before a lower-case word",
    text: "ISIS, now weakened, lost Raqqa.",
    mentions: [["ISIS", O], ["Raqqa", L]],
    links: [],
  },
  {
    name: "aka without a comma",
    text: "Fighters loyal to Abu Mohammed aka Abu Ali attacked the town.",
    mentions: [["Abu Mohammed", P]],
    links: ["Abu Mohammed ~ Abu Ali"],
    rule: "aliases/also-known-as",
  },
  {
    name: "known as, a list of three",
    text: "The Islamic Army, known as Jaish al-Islami, Al-Jaish and the Liwa al-Islam, fought there.",
    mentions: [["Islamic Army", O]],
    links: ["Islamic Army ~ Jaish al-Islami", "Islamic Army ~ Al-Jaish", "Islamic Army ~ Liwa al-Islam"],
    rule: "aliases/known-as",
  },
  {
    name: "whose real name is",
    text: "Kata'ib al-Nour's leader, Abu Harith al-Masri, whose real name is Hamdi Saleh, said so.",
    mentions: [["Kata'ib al-Nour", O], ["Abu Harith al-Masri", P]],
    links: ["Abu Harith al-Masri ~ Hamdi Saleh"],
    added: ["Hamdi Saleh/person/alias"],
    rule: "aliases/real-name",
  },
  {
    name: "dubbed, quoted",
    text: "Omar Hassan, dubbed \"The Butcher\", was seen in Raqqa.",
    mentions: [["Omar Hassan", P], ["Raqqa", L]],
    links: ["Omar Hassan ~ The Butcher"],
    rule: "aliases/dubbed",
  },
  {
    name: "nicknamed",
    text: "He met Ali Karim, nicknamed Abu Dujana, in 2015.",
    mentions: [["Ali Karim", P]],
    links: ["Ali Karim ~ Abu Dujana"],
    rule: "aliases/dubbed",
  },
  {
    name: "an alias of the appositive's head, not of the name inside the appositive",
    text: "Abu Mohammed al-Julani, the leader of HTS, also known as Abu Ashraf, spoke.",
    mentions: [["Abu Mohammed al-Julani", P], ["HTS", O], ["Abu Ashraf", P]],
    links: ["Abu Mohammed al-Julani ~ Abu Ashraf"],
  },
  {
    name: "which X called Y after one name: an alias, over a generic word",
    text: "He was an official of al-Hasakah governorate, which ISIS called Al-Barakah prefecture.",
    mentions: [["al-Hasakah", L], ["ISIS", O]],
    links: ["al-Hasakah ~ Al-Barakah prefecture"],
    added: ["Al-Barakah prefecture/place/alias"],
    rule: "aliases/which-called",
  },
  {
    name: "which X called Y after a coordination: a new union place, not an alias",
    text: "He ran the Syrian area of Albu Kamal and the Iraqi area of Al-Qaem, which ISIS called the Euphrates prefecture.",
    mentions: [["Albu Kamal", L], ["Al-Qaem", L], ["ISIS", O]],
    links: [],
    added: ["Euphrates prefecture/place/name"],
  },
  {
    name: "what X calls Y",
    text: "They hold Tal Afar, what the group calls Wilayat Tal Afar.",
    mentions: [["Tal Afar", L, { nth: 0 }]],
    links: ["Tal Afar ~ Wilayat Tal Afar"],
    rule: "aliases/which-called",
  },
  {
    name: "bracketed acronym",
    text: "The leaders agreed with the Syrian Democratic Forces (SDF) to withdraw.",
    mentions: [["Syrian Democratic Forces", O]],
    links: ["Syrian Democratic Forces ~ SDF"],
    added: ["SDF/organization/acronym"],
    rule: "aliases/bracket-acronym",
  },
  {
    name: "bracketed other name",
    text: "Clashes between Kata'ib al-Nour (Nour Brigades) and a tribal force.",
    mentions: [["Kata'ib al-Nour", O]],
    links: ["Kata'ib al-Nour ~ Nour Brigades"],
    rule: "aliases/bracket",
  },
  {
    name: "a coordination over a demonym typed as a place is still a union",
    text: "He ran the Syrian area of Albu Kamal and the Iraqi area of Al-Qaem, which ISIS called the Euphrates prefecture.",
    mentions: [["Albu Kamal", L], ["Al-Qaem", L], ["ISIS", O], ["Iraqi", L], ["Syrian", L]],
    links: [],
    added: ["Euphrates prefecture/place/name"],
  },
  {
    name: "negative: a coordination needs a same-type conjunct right before 'and'",
    text: "He was born in Mosul and lived in Hajin, which ISIS called Wilayat Hajin.",
    mentions: [["Mosul", L], ["Hajin", L], ["ISIS", O]],
    links: ["Hajin ~ Wilayat Hajin"],
  },
  {
    name: "repeated introduced name becomes a mention",
    text: "Albu Kamal and Al-Qaem, which ISIS called the Euphrates prefecture. Camps in Mosul and the Euphrates prefecture.",
    mentions: [["Albu Kamal", L], ["Al-Qaem", L], ["Mosul", L]],
    links: [],
    added: ["Euphrates prefecture/place/name", "Euphrates prefecture/place/name"],
  },
  {
    name: "negative: a noun phrase before 'called' is no referent",
    text: "He announced a new faction called Saraya al-Fath in the east.",
    mentions: [["Saraya al-Fath", O]],
    links: [],
  },
  {
    name: "negative: 'known as' without a comma after a name",
    text: "ISIS known as a brutal group returned.",
    mentions: [["ISIS", O]],
    links: [],
  },
  {
    name: "negative: a bracketed place of another place",
    text: "Fighting in Hajin (Deir ez-Zor) went on.",
    mentions: [["Hajin", L, { geo: { geonameId: 1 } }], ["Deir ez-Zor", L, { geo: { geonameId: 2 } }]],
    links: [],
  },
  {
    name: "bracketed spelling of the same gazetteer place",
    text: "Clashes in Al-Mayadeen (Mayadin) went on.",
    mentions: [["Al-Mayadeen", L]],
    links: ["Al-Mayadeen ~ Mayadin"],
    rule: "aliases/bracket",
  },
  {
    name: "negative: a bracketed known place after another known place",
    text: "An avenue in Altamira (Caracas) bears his name.",
    mentions: [["Altamira", L]],
    links: [],
  },
  {
    name: "negative: a bracketed unknown name after a country",
    text: "The area was part of Germany (East Prussia) before 1945.",
    mentions: [["Germany", L]],
    links: [],
  },
  {
    name: "negative: a bracketed country after an organization",
    text: "The Nour Brigades (Syria) fought.",
    mentions: [["Nour Brigades", O]],
    links: [],
  },
  {
    name: "bracketed person name after a person",
    text: "Abu Bakr al-Baghdadi (Ibrahim Awad al-Badri) was killed.",
    mentions: [["Abu Bakr al-Baghdadi", P], ["Ibrahim Awad al-Badri", P]],
    links: ["Abu Bakr al-Baghdadi ~ Ibrahim Awad al-Badri"],
  },
  {
    name: "negative: a bracketed title that is no person mention after a person",
    text: "He worked with Elia Kazan (The Last Tycoon) in 1976.",
    mentions: [["Elia Kazan", P]],
    links: [],
  },
  {
    name: "negative: one unknown capitalised word in brackets",
    text: "He sat on the District Council (Second) until 2010.",
    mentions: [["District Council", O]],
    links: [],
  },
  {
    name: "negative: a bracketed country after a person",
    text: "Hamdi Saleh (Egypt) spoke.",
    mentions: [["Hamdi Saleh", P], ["Egypt", L]],
    links: [],
  },
  {
    name: "negative: a bracketed acronym after a person",
    text: "John Smith (AFP) reported.",
    mentions: [["John Smith", P]],
    links: [],
  },
  {
    name: "negative: lower-case bracket content",
    text: "Abu Omar (pictured) spoke.",
    mentions: [["Abu Omar", P]],
    links: [],
  },
  {
    name: "negative: 'which X considered' is no alias cue",
    text: "They lost al-Raqqah, which ISIS considered the capital.",
    mentions: [["al-Raqqah", L], ["ISIS", O]],
    links: [],
  },
];

for (const c of CASES) {
  test(`aliases: ${c.name}`, () => {
    const doc = docWith(c.text, c.mentions);
    const before = new Set(doc.mentions.map((m) => m.id));
    findAliases(doc);
    assert.deepEqual(aliasPairs(doc), c.links);
    if (c.rule) assert.equal(doc.aliasLinks[0]?.rule, c.rule);
    if (c.added) {
      const added = doc.mentions.filter((m) => !before.has(m.id)).map((m) => `${m.text}/${m.type}/${m.form}`);
      assert.deepEqual(added, c.added);
    }
    for (const m of doc.mentions) assert.equal(m.text, doc.text.slice(m.start, m.end));
    for (const l of doc.aliasLinks) assert.equal(l.evidence.text, doc.text.slice(l.evidence.start, l.evidence.end));
  });
}

test("aliases: so-called marks the name and links nothing", () => {
  const doc = docWith("The group included the so-called Abou Ayman al-Iraqi, an official.", [["Abou Ayman al-Iraqi", P]]);
  findAliases(doc);
  assert.deepEqual(doc.aliasLinks, []);
  assert.equal(doc.mentions[0].attributes?.soCalled, true);
});

test("aliases: a union place records its members", () => {
  const doc = docWith("Albu Kamal and Al-Qaem, which ISIS called the Euphrates prefecture.", [["Albu Kamal", L], ["Al-Qaem", L]]);
  findAliases(doc);
  const union = doc.mentions.find((m) => m.text === "Euphrates prefecture");
  assert.deepEqual(union?.attributes?.unionOf, ["m1", "m2"]);
});

test("aliases: a shorter mention inside an alias name is replaced", () => {
  const doc = docWith("Al-Hasakah, which ISIS called the Euphrates prefecture.", [["Al-Hasakah", L], ["Euphrates", L]]);
  findAliases(doc);
  assert.deepEqual(doc.mentions.map((m) => m.text), ["Al-Hasakah", "Euphrates prefecture"]);
  assert.deepEqual(aliasPairs(doc), ["Al-Hasakah ~ Euphrates prefecture"]);
});

test("aliases: an alias typed otherwise takes its referent's type", () => {
  const doc = docWith("Abu Bakr, also known as Al-Qurashi, spoke.", [["Abu Bakr", P], ["Al-Qurashi", L]]);
  findAliases(doc);
  assert.equal(doc.mentions.find((m) => m.text === "Al-Qurashi")?.type, "person");
});

const ACRONYMS: [string, boolean][] = [
  ["SDF", true],
  ["U.N.", true],
  ["U.S", true],
  ["YPG", true],
  ["Daesh", false],
  ["I", false],
  ["Mosul", false],
];
for (const [text, want] of ACRONYMS) {
  test(`aliases: isAcronym(${text}) = ${want}`, () => assert.equal(isAcronym(text), want));
}

const BAD_PATTERNS: [string, unknown, RegExp][] = [
  ["not an object", 3, /must be an object/],
  ["rule without prefix", { after: [{ rule: "x", list: true, comma: true, retype: true, boundary: false, cues: ["a"] }], marks: [] }, /rule must be/],
  ["cue starting with the slot", { after: [{ rule: "aliases/x", list: true, comma: true, retype: true, boundary: false, cues: ["{agent} called"] }], marks: [] }, /must start with a word/],
  ["missing retype flag", { after: [{ rule: "aliases/x", list: true, comma: true, cues: ["a"] }], marks: [] }, /retype must be a boolean/],
  ["missing word list", { after: [], marks: [] }, /bridgeWords/],
];
for (const [name, raw, err] of BAD_PATTERNS) {
  test(`aliases: pattern file rejected: ${name}`, () => {
    assert.throws(() => compilePatterns(raw, "lexicons/alias-patterns.json"), (e: Error) => err.test(e.message) && e.message.startsWith("data/lexicons/alias-patterns.json"));
  });
}
