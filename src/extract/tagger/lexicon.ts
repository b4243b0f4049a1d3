import {
  adminRank,
  countryMaxWords,
  dropLeadingThe,
  foldToken,
  isDemonymFolded,
  knownAcronymMaxLength,
  knownOrgByAcronym,
  knownOrgByFolded,
  knownOrgMaxWords,
  lookupCountryNameFolded,
  lookupPlaceFolded,
  matchKnownOrganizationFolded,
  mayBePlaceKeyFolded,
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

/** `lookupPlaceFolded(folded)` for a name folded with `foldName`, skipping the lookup when the gazetteer's cheap prefilter rules it out. */
function placeOfFolded(folded: string): PlaceRecord | undefined {
  return mayBePlaceKeyFolded(folded) ? lookupPlaceFolded(folded) : undefined;
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
   * Class of a multi-word name folded with `foldName` (index in SPAN_CLASSES: country, else known
   * organization, else place by size), or −1; memoised per name (bounded), as overlapping windows share
   * names. `acronym`: the unfolded name is a known organization's acronym (not memoised).
   */
  const nameClass = (folded: string, acronym: boolean): number => {
    if (acronym) return lookupCountryNameFolded(folded) ? 0 : 1;
    let c = nameCache.get(folded);
    if (c === undefined) {
      if (lookupCountryNameFolded(folded)) c = 0;
      else if (knownOrgByFolded(folded)) c = 1;
      else {
        const p = placeOfFolded(folded);
        c = p ? (isBig(p) ? 2 : 3) : -1;
      }
      if (nameCache.size < 100_000) nameCache.set(folded, c);
    }
    return c;
  };
  /** Scratch of `spanMatch`: at k, the non-empty `foldToken` forms of the window's words 0 … k joined by spaces. */
  const windowFolds: string[] = [];
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
      // foldName(word): lower-casing is idempotent, so folding `lower` folds `word`
      const name = dropLeadingThe(f);
      let m = 0;
      if (lookupCountryNameFolded(name)) m |= 1 << 0;
      if (isDemonymFolded(name)) m |= 1 << 1;
      const p = placeOfFolded(name);
      if (p) m |= isBig(p) ? 1 << 2 : 1 << 10;
      if (sets.given.has(f)) m |= 1 << 3;
      if (sets.orgCue.has(f)) m |= 1 << 4;
      const space = f.indexOf(" ");
      const head = space < 0 ? f : f.slice(0, space);
      if (sets.kunya.has(head) || sets.nasab.has(head) || sets.article.has(head)) m |= 1 << 5;
      if (sets.title.has(f)) m |= 1 << 6;
      if (matchKnownOrganizationFolded(word, name)) m |= 1 << 7;
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
        // foldName of words [i, i + len) is dropLeadingThe of their non-empty foldToken forms joined by spaces
        let joined = "";
        for (let k = 0; k < max; k++) {
          const f = foldToken(lowerWords[i + k]);
          if (f !== "") joined = joined === "" ? f : `${joined} ${f}`;
          windowFolds[k] = joined;
        }
        const acronymMax = knownAcronymMaxLength();
        let lowerLength = key.length;
        for (let len = max; len >= 2 && !hit; len--) {
          const acronym = lowerLength <= acronymMax && knownOrgByAcronym(len === max ? key : lowerWords.slice(i, i + len).join(" ")) !== undefined;
          const cls = nameClass(dropLeadingThe(windowFolds[len - 1]), acronym);
          if (cls >= 0) hit = [len, cls];
          lowerLength -= lowerWords[i + len - 1].length + 1;
        }
        if (spanCache.size < 100_000) spanCache.set(key, hit);
      }
      return hit ?? undefined;
    },
  };
}
