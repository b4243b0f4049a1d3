import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { escapeLatin1, unescapeLatin1, withSectionsTrailer } from "../../src/lexicon/gazetteer.js";
import {
  buildOrgIndex, foldName, isDemonym, isKnownOrgPrefixFolded, isPlaceWord, loadWordList, lookupCountry, lookupCountryName, lookupKnownOrganization,
  lookupPlace, lookupPlaceLoose, matchKnownOrganization, parseGazetteer, placeCandidatesStartingWith, wordSet,
  lookupCountryNameFolded, lookupPlaceLooseFolded, matchKnownOrganizationFolded,
  dropLeadingThe, foldToken, foldWords, knownOrgByAcronym, lookupPlaceFolded,
} from "../../src/lexicon/index.js";

test("foldName folds like the reference scorer", () => {
  const cases: [string, string][] = [
    ["Abou Bakr al-Baghdadi", "abu bakr al baghdadi"],
    ["the Islamic State", "islamic state"],
    ["Kata'ib al-Nour", "kataib al nour"],
    ["Deir Ez-Zor", "deir ez zor"],
    ["El-Baghdadi", "al baghdadi"],
    ["Ḩasakah", "hasakah"],
    ["ISIS'", "isis"],
    ["“Quoted”  name", "quoted name"],
    ["Theodore", "theodore"],
    ["", ""],
  ];
  for (const [input, want] of cases) assert.equal(foldName(input), want, input);
});

test("foldToken, foldName and foldWords, with and without the ASCII fast path", () => {
  const cases: [string, string, string][] = [
    ["Mosul", "mosul", "mosul"],
    ["THE", "the", ""],
    ["The Hague", "the hague", "hague"],
    ["Theodore the Great", "theodore the great", "theodore the great"],
    ["al-Suri", "al suri", "al suri"],
    ["U.S.", "u s", "u s"],
    ["Kata'ib  Hezbollah!", "kataib hezbollah", "kataib hezbollah"],
    ["'s", "s", "s"],
    ["--", "", ""],
    ["Abou-el-Ul", "abu al al", "abu al al"],
    ["constructor", "constructor", "constructor"],
    ["Ḩasakah", "hasakah", "hasakah"],
    ["Shaykh ʿAbd al-Raḥmān", "shaykh abd al rahman", "shaykh abd al rahman"],
    ["Ṣalāḥ al-Dīn", "salah al din", "salah al din"],
    ["Bi’r al-Sabʿ", "bir al sab", "bir al sab"],
    ["Zürich–Genève", "zurich geneve", "zurich geneve"],
    ["\u212Aabul", "kabul", "kabul"],
  ];
  for (const [input, token, name] of cases) {
    const s = JSON.parse(`"${input}"`) as string;
    assert.equal(foldToken(s), token, input);
    assert.deepEqual(foldWords(s), token === "" ? [] : token.split(" "), input);
    assert.equal(foldName(s), name, input);
    assert.equal(dropLeadingThe(foldToken(s)), name, input);
  }
});

test("folded entry points agree with the unfolded ones", () => {
  const names = ["Mosul", "Damascus", "Dayr az-Zawr", "Ḩalab", "the Islamic State", "ISIS", "Daesh", "Army", "United Kingdom", "LeT", "Ar Raqqah"];
  for (const name of names) {
    const folded = foldName(name);
    assert.deepEqual(lookupPlaceFolded(folded), lookupPlace(name), name);
    assert.deepEqual(lookupCountryNameFolded(folded), lookupCountryName(name), name);
    assert.deepEqual(matchKnownOrganizationFolded(name, folded), matchKnownOrganization(name), name);
  }
  assert.equal(knownOrgByAcronym("ISIS")?.form, "acronym");
  assert.equal(knownOrgByAcronym("isis"), undefined);
  assert.equal(knownOrgByAcronym("Islamic State"), undefined);
});

test("lookupPlace: exact folded names and alternates, best by population", () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ["Mosul", "IQ", "P"],
    ["Damascus", "SY", "P"],
    ["Raqqa", "SY", "P"],
    ["Dayr az-Zawr", "SY", "P"],
    ["Anbar", "IQ", "A"],
    ["Army", undefined, undefined],
    ["Abu Hureira Xyz", undefined, undefined],
  ];
  for (const [name, cc, fclass] of cases) {
    const p = lookupPlace(name);
    assert.equal(p?.countryCode, cc, name);
    assert.equal(p?.featureClass, fclass, name);
  }
  const tripoli = lookupPlace("Tripoli");
  assert.equal(tripoli?.countryCode, "LY");
  assert.ok((tripoli?.population ?? 0) > 500_000);
});

test("lookupPlaceLoose: article, hyphen and space variants", () => {
  const cases: [string, string][] = [
    ["Al-Raqqah", "Ar Raqqah"],
    ["Albukamal", "Ālbū Kamāl"],
    ["Albu Kamal", "Ālbū Kamāl"],
    ["Deir Ezzor", "Deir ez-Zor"],
    ["Al-Mayadeen", "Al Mayādīn"],
    ["Hasakah", "Al Ḩasakah"],
  ];
  for (const [name, want] of cases) assert.equal(lookupPlaceLoose(name)?.name, want, name);
  assert.equal(lookupPlaceLoose("Sharia issues"), undefined);
});

test("gazetteer text escapes characters above Latin-1 and names come back intact", () => {
  const cases: [string, string][] = [["Zürich", "Zürich"], ["Łódź", "\\u0141ód\\u017a"], ["Ālbū", "\\u0100lb\\u016b"], ["plain", "plain"]];
  for (const [raw, esc] of cases) {
    assert.equal(escapeLatin1(raw), esc, raw);
    assert.equal(unescapeLatin1(esc), raw, raw);
  }
  assert.equal(lookupPlace("Lodz")?.name, "Łódź");
  assert.equal(lookupPlace("Łódź")?.countryCode, "PL");
});

test("the #sections trailer records the offsets that parsing finds", () => {
  const body = "1\tA\t0\t0\tSY\tP\tPPL\t0\n#keys\na\t0\n#squash\n#first\na\t1\n";
  const withTrailer = withSectionsTrailer(body);
  const [, ...offsets] = withTrailer.slice(body.length).trim().split("\t");
  const g = parseGazetteer(body);
  assert.deepEqual(offsets.map(Number), [...g.keys, ...g.squashed, ...g.first]);
  const h = parseGazetteer(withTrailer);
  assert.deepEqual([h.keys, h.squashed, h.first], [g.keys, g.squashed, g.first]);
});

test("place word helpers give the longest name length by first word", () => {
  assert.ok(placeCandidatesStartingWith("deir") >= 3);
  assert.equal(placeCandidatesStartingWith("qqqzzz"), 0);
  assert.equal(isPlaceWord("mosul"), true);
  assert.equal(isPlaceWord("qqqzzz"), false);
});

test("countries by name and demonym", () => {
  const cases: [string, string | undefined][] = [
    ["Syria", "SY"], ["Syrian Arab Republic", "SY"], ["Syrian", "SY"], ["Iraqi", "IQ"], ["United States", "US"],
    ["US", "US"], ["Britain", "GB"], ["Turkish", "TR"], ["Islamic", undefined],
  ];
  for (const [name, cc] of cases) assert.equal(lookupCountry(name)?.cca2, cc, name);
  assert.equal(lookupCountryName("Syrian"), undefined);
  assert.equal(isDemonym("Egyptian"), true);
  assert.equal(isDemonym("Egypt"), false);
});

test("known organizations share a key across names, aliases and acronyms", () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ["ISIS", "islamic-state", "acronym"],
    ["the Islamic State", "islamic-state", "name"],
    ["Daesh", "islamic-state", "alias"],
    ["Syrian Democratic Forces", "sdf", "name"],
    ["SDF", "sdf", "acronym"],
    ["Hezbollah", "hezbollah", "name"],
    ["isis", undefined, undefined],
    ["Random Group", undefined, undefined],
  ];
  for (const [name, key, form] of cases) {
    const m = matchKnownOrganization(name);
    assert.equal(m?.org.key, key, name);
    assert.equal(m?.form, form, name);
  }
  assert.equal(lookupKnownOrganization("ISIL")?.name, "Islamic State");
});

test("word sets hold folded cue words", () => {
  const cases: [Parameters<typeof wordSet>[0], string, boolean][] = [
    ["person-titles", "colonel", true],
    ["org-cues", "forces", true],
    ["org-prefixes-arabic", "kataib", true],
    ["place-cues-before", "town", true],
    ["kunya", "abu", true],
    ["given-names", "mohammed", true],
    ["non-names", "march", true],
    ["org-cues", "colonel", false],
  ];
  for (const [set, word, want] of cases) assert.equal(wordSet(set).has(word), want, `${set}:${word}`);
});

test("corrupt data files throw errors naming the file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lex-"));
  const bad = path.join(dir, "bad.json");
  writeFileSync(bad, "{ not json");
  assert.throws(() => loadWordList(bad, "words"), new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: invalid JSON`));
  const wrong = path.join(dir, "wrong.json");
  writeFileSync(wrong, JSON.stringify({ words: [1, 2] }));
  assert.throws(() => loadWordList(wrong, "words"), /wrong\.json: `words` must be a list of strings/);
  assert.throws(() => buildOrgIndex({ organizations: [{ key: "x", name: "X", aliases: "no", acronyms: [] }] }, "lexicons/orgs.json"), /data\/lexicons\/orgs\.json: organizations\[0\]\.aliases/);
  assert.throws(() => buildOrgIndex({ organizations: [{ key: "x", name: "X", aliases: [], acronyms: [] }, { key: "x", name: "Y", aliases: [], acronyms: [] }] }), /duplicated/);
  assert.throws(() => parseGazetteer("1\tA\n"), /data\/gazetteer\/places\.tsv: expected sections/);
});

test("folded-key lookups agree with the name lookups", () => {
  const names = ["Mosul", "Al-Raqqah", "Deir Ezzor", "Albukamal", "Deir ez-Zor", "the Hague", "Zzyzx Qqq", "al Nowhere Town", "United States", "U.S.", "ISIS", "Daesh", "Syria", ""];
  for (const n of names) {
    const f = foldName(n);
    assert.deepEqual(lookupPlaceLooseFolded(f), lookupPlaceLoose(n), n);
    assert.deepEqual(lookupCountryNameFolded(f), lookupCountryName(n), n);
    assert.deepEqual(matchKnownOrganizationFolded(n, f), matchKnownOrganization(n), n);
  }
});

test("isKnownOrgPrefixFolded: leading whole words of names and aliases", () => {
  assert.ok(isKnownOrgPrefixFolded("islamic"));
  assert.ok(isKnownOrgPrefixFolded("islamic state"));
  assert.ok(!isKnownOrgPrefixFolded("islamic sta"));
  assert.ok(!isKnownOrgPrefixFolded("zzz"));
});
