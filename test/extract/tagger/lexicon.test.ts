import { test } from "node:test";
import assert from "node:assert/strict";
import { tagLexicon } from "../../../src/extract/tagger/lexicon.js";
import {
  adminRank, foldName, foldToken, isDemonym, lookupCountryName, lookupKnownOrganization, lookupPlace, matchKnownOrganization,
  placeCandidatesStartingWith, wordSet, type PlaceRecord,
} from "../../../src/lexicon/index.js";

/** A place's bit in the word mask or its span class, as the unfolded lexicon API gives it. */
const isBig = (p: PlaceRecord) => p.population >= 100_000 || adminRank(p) >= 3;

/** `foldName(name)` may be a gazetteer key by its first word's longest name (as the tagger checks it). */
function mayBePlace(name: string): boolean {
  const words = foldName(name).split(" ");
  return words.length <= placeCandidatesStartingWith(words[0]);
}

/** The word mask computed with the unfolded entry points (each folds its argument itself). */
function referenceMask(word: string): number {
  const f = foldToken(word.toLowerCase());
  if (f === "") return 0;
  const has = (set: Parameters<typeof wordSet>[0], w: string) => wordSet(set).has(w);
  const head = f.split(" ")[0];
  const p = mayBePlace(word) ? lookupPlace(word) : undefined;
  return (
    (lookupCountryName(word) ? 1 << 0 : 0) |
    (isDemonym(word) ? 1 << 1 : 0) |
    (p ? (isBig(p) ? 1 << 2 : 1 << 10) : 0) |
    (has("given-names", f) ? 1 << 3 : 0) |
    (has("org-cues", f) ? 1 << 4 : 0) |
    (has("kunya", head) || has("nasab", head) || has("arabic-article", head) ? 1 << 5 : 0) |
    (has("person-titles", f) ? 1 << 6 : 0) |
    (matchKnownOrganization(word) ? 1 << 7 : 0) |
    (has("common-words", f) ? 1 << 8 : 0) |
    (has("non-names", f) ? 1 << 9 : 0)
  );
}

/** Span class of a lower-cased multi-word name with the unfolded entry points, or −1. */
function referenceClass(name: string): number {
  if (lookupCountryName(name)) return 0;
  if (lookupKnownOrganization(name)) return 1;
  const p = mayBePlace(name) ? lookupPlace(name) : undefined;
  return p ? (isBig(p) ? 2 : 3) : -1;
}

test("wordMask folds once and agrees with the unfolded lexicon lookups", () => {
  const lex = tagLexicon();
  const words = [
    "Mosul", "Syria", "Syrian", "the", "The", "Abu", "abou", "El", "al-Suri", "Al-Raqqah", "ISIS", "Daesh", "LeT", "U.S.", "UK",
    "Ḩalab", "Ṣalāḥ", "ʿAbd", "Bi’r", "Zürich", "Muhammad", "General", "said", "--", "'s", "constructor", "Kata'ib", "Deir", "\u212Aabul",
  ];
  for (const word of words) assert.equal(lex.wordMask(word, word.toLowerCase()), referenceMask(word), word);
});

test("spanMatch builds folded names from per-word folds like folding the joined name", () => {
  const lex = tagLexicon();
  const sentences = [
    "The United Kingdom and the United States", "Islamic State of Iraq", "Deir ez-Zor province", "Al Raqqah city",
    "New York City Council", "Ṣalāḥ al-Dīn Governorate", "Abou Kamal , Syria", "the Islamic State 's fighters", "Saudi Arabia",
  ];
  for (const sentence of sentences) {
    const lowers = sentence.toLowerCase().split(" ");
    for (let i = 0; i < lowers.length; i++) {
      const max = Math.min(lex.maxSpan!(lowers[i]), lowers.length - i);
      let want: [number, number] | undefined;
      for (let len = max; len >= 2 && !want; len--) {
        const cls = referenceClass(lowers.slice(i, i + len).join(" "));
        if (cls >= 0) want = [len, cls];
      }
      assert.deepEqual(lex.spanMatch!(lowers, i), want, `${sentence} @${i}`);
    }
  }
});
