import { foldToken } from "./fold.js";
import { check, isStringArray, readDataJson } from "./load.js";

/** Names of the cue-word lists; each is a folded, lower-case word set from `data/lexicons/`. */
export type WordSetName =
  | "person-titles"
  | "title-strong"
  | "title-part-of-name"
  | "org-cues"
  | "org-prefixes-arabic"
  | "place-cues-before"
  | "place-cues-after"
  | "place-prepositions"
  | "place-cues-after-included"
  | "place-prefixes-arabic"
  | "org-cues-lowercase"
  | "demonym-heads"
  | "org-descriptor-heads"
  | "org-descriptors"
  | "acronym-stoplist"
  | "kunya"
  | "nasab"
  | "arabic-article"
  | "given-names"
  | "surnames"
  | "non-names"
  | "common-words"
  | "name-heads";

/** Where each set lives: files and JSON keys (a set may merge several lists). */
const SOURCES: Record<WordSetName, [string, string][]> = {
  "person-titles": [["lexicons/person-titles.json", "words"]],
  "title-strong": [["lexicons/title-strong.json", "words"]],
  "title-part-of-name": [["lexicons/person-titles.json", "partOfName"]],
  "org-cues": [["lexicons/org-cues.json", "words"]],
  "org-prefixes-arabic": [["lexicons/org-prefixes-arabic.json", "words"]],
  "place-cues-before": [["lexicons/place-cues.json", "before"]],
  "place-cues-after": [["lexicons/place-cues.json", "after"]],
  "place-prepositions": [["lexicons/place-cues.json", "prepositions"]],
  "place-cues-after-included": [["lexicons/place-cues.json", "afterIncluded"]],
  "place-prefixes-arabic": [["lexicons/place-cues.json", "arabicPrefixes"]],
  "org-cues-lowercase": [["lexicons/org-cues.json", "lowercase"]],
  "demonym-heads": [["lexicons/org-cues.json", "demonymHeads"]],
  "org-descriptor-heads": [["lexicons/org-cues.json", "descriptorHeads"]],
  "org-descriptors": [["lexicons/org-cues.json", "descriptors"]],
  "acronym-stoplist": [["lexicons/acronym-stoplist.json", "words"]],
  kunya: [["lexicons/arabic-particles.json", "kunya"]],
  nasab: [["lexicons/arabic-particles.json", "nasab"]],
  "arabic-article": [["lexicons/arabic-particles.json", "article"]],
  "given-names": [["lexicons/given-names.json", "words"], ["lexicons/given-names-arabic.json", "words"]],
  "surnames": [["lexicons/surnames.json", "words"]],
  "non-names": [["lexicons/non-names.json", "words"]],
  "common-words": [["lexicons/common-words.json", "words"]],
  "name-heads": [["lexicons/name-heads.json", "words"]],
};

/** Every word set name, in a fixed order. */
export const WORD_SET_NAMES = Object.keys(SOURCES) as readonly WordSetName[];

const cache = new Map<WordSetName, ReadonlySet<string>>();

/** Reads one word list (`key` of a JSON object in `data/<rel>`), validated; entries are folded. */
export function loadWordList(rel: string, key: string): string[] {
  const raw = readDataJson(rel) as Record<string, unknown> | null;
  check(raw !== null && typeof raw === "object", rel, "must be a JSON object");
  const words = raw[key];
  check(isStringArray(words), rel, `\`${key}\` must be a list of strings`);
  return words.map((w) => foldToken(w));
}

/** A cue-word set (folded lower-case words), loaded once on first use. */
export function wordSet(name: WordSetName): ReadonlySet<string> {
  let s = cache.get(name);
  if (!s) {
    const src = SOURCES[name];
    if (!src) throw new Error(`unknown word set: ${String(name)}`);
    s = new Set(src.flatMap(([rel, key]) => loadWordList(rel, key)));
    cache.set(name, s);
  }
  return s;
}
