import {
  adminRank,
  countryMaxWords,
  foldName,
  foldToken,
  isDemonym,
  knownOrgMaxWords,
  lookupCountryName,
  lookupKnownOrganization,
  lookupPlace,
  matchKnownOrganization,
  placeCandidatesStartingWith,
  wordSet,
  type PlaceRecord,
} from "../../lexicon/index.js";
import type { LexiconFeatures } from "./features.js";

/** Bumped whenever `tagLexicon` changes what it marks; recorded in the model metadata. */
export const LEXICON_VERSION = 1;

/** Word classes; bit i of a word's mask is class i. */
export const WORD_CLASSES = [
  "country",
  "demonym",
  "bigPlace",
  "givenName",
  "orgCue",
  "arabicParticle",
  "personTitle",
  "knownOrg",
  "commonWord",
  "nonName",
  "place",
] as const;

/** Multi-word classes returned by `spanMatch`. */
export const SPAN_CLASSES = ["country", "knownOrg", "bigPlace", "place"] as const;

/** Longest multi-word lexicon name tried, in tokens. */
const MAX_SPAN = 5;
/** A place counts as big from this population (people) or from admin rank 3 (first-order division) up. */
const BIG_PLACE_POPULATION = 100_000;

const isBig = (p: PlaceRecord) => p.population >= BIG_PLACE_POPULATION || adminRank(p) >= 3;

/**
 * False when `lookupPlace(name)` cannot find a place: no gazetteer name starting with the first word of
 * `foldName(name)` has as many words (`placeCandidatesStartingWith`, memoised per word, is cheaper than the
 * full lookup).
 */
function mayBePlace(name: string): boolean {
  const folded = foldName(name);
  let space = folded.indexOf(" ");
  const max = placeCandidatesStartingWith(space < 0 ? folded : folded.slice(0, space));
  let words = 1;
  while (space >= 0 && words <= max) {
    words++;
    space = folded.indexOf(" ", space + 1);
  }
  return words <= max;
}

/**
 * The project's lexicons (src/lexicon) as tagger features: per-word class masks (countries, demonyms,
 * GeoNames places, given names, organization cue words, Arabic name particles, person titles, known
 * organizations, common words) and multi-word names (countries, known organizations, places).
 */
export function tagLexicon(): LexiconFeatures {
  const sets = {
    given: wordSet("given-names"),
    orgCue: wordSet("org-cues"),
    kunya: wordSet("kunya"),
    nasab: wordSet("nasab"),
    article: wordSet("arabic-article"),
    title: wordSet("person-titles"),
    common: wordSet("common-words"),
    nonName: wordSet("non-names"),
  };
  const firstMax = new Map<string, number>();
  const spanCache = new Map<string, [number, number] | null>();
  const nameCache = new Map<string, number>();
  /**
   * Class of a lower-cased multi-word name (index in SPAN_CLASSES: country, else known organization, else
   * place by size), or −1; memoised per name (bounded), as overlapping windows share names.
   */
  const nameClass = (name: string): number => {
    let c = nameCache.get(name);
    if (c === undefined) {
      if (lookupCountryName(name)) c = 0;
      else if (lookupKnownOrganization(name)) c = 1;
      else {
        const p = mayBePlace(name) ? lookupPlace(name) : undefined;
        c = p ? (isBig(p) ? 2 : 3) : -1;
      }
      if (nameCache.size < 100_000) nameCache.set(name, c);
    }
    return c;
  };
  /** Longest lexicon name (words, ≤ MAX_SPAN) starting with a lower-cased word; memoised per word (bounded). */
  const maxStartingWith = (lower: string): number => {
    let m = firstMax.get(lower);
    if (m === undefined) {
      const folded = foldToken(lower);
      m = Math.min(MAX_SPAN, Math.max(countryMaxWords(folded), knownOrgMaxWords(folded), placeCandidatesStartingWith(folded)));
      if (firstMax.size < 100_000) firstMax.set(lower, m);
    }
    return m;
  };
  return {
    wordMask(word: string, lower: string): number {
      const f = foldToken(lower);
      if (f === "") return 0;
      let m = 0;
      if (lookupCountryName(word)) m |= 1 << 0;
      if (isDemonym(word)) m |= 1 << 1;
      const p = mayBePlace(word) ? lookupPlace(word) : undefined;
      if (p) m |= isBig(p) ? 1 << 2 : 1 << 10;
      if (sets.given.has(f)) m |= 1 << 3;
      if (sets.orgCue.has(f)) m |= 1 << 4;
      const head = f.split(" ")[0];
      if (sets.kunya.has(head) || sets.nasab.has(head) || sets.article.has(head)) m |= 1 << 5;
      if (sets.title.has(f)) m |= 1 << 6;
      if (matchKnownOrganization(word)) m |= 1 << 7;
      if (sets.common.has(f)) m |= 1 << 8;
      if (sets.nonName.has(f)) m |= 1 << 9;
      return m;
    },
    maxSpan: maxStartingWith,
    spanMatch(lowerWords: readonly string[], i: number, end = lowerWords.length): [number, number] | undefined {
      const max = Math.min(maxStartingWith(lowerWords[i]), end - i);
      if (max < 2) return undefined;
      const key = lowerWords.slice(i, i + max).join(" ");
      let hit = spanCache.get(key);
      if (hit === undefined) {
        hit = null;
        for (let len = max; len >= 2 && !hit; len--) {
          const cls = nameClass(len === max ? key : lowerWords.slice(i, i + len).join(" "));
          if (cls >= 0) hit = [len, cls];
        }
        if (spanCache.size < 100_000) spanCache.set(key, hit);
      }
      return hit ?? undefined;
    },
  };
}
