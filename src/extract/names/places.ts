import type { Geo } from "../../model.js";
import type { Candidate, NameContext, Recognizer } from "./context.js";
import { WORDS } from "./context.js";
import {
  adminRank, matchKnownOrganizationFolded, placeCandidatesStartingWith, wordSet,
} from "../../lexicon/index.js";
import type { PlaceRecord } from "../../lexicon/index.js";

/** Geo of a gazetteer record, as stored on mentions. */
export function geoOf(p: PlaceRecord): Geo {
  const g: Geo = { lat: p.lat, lon: p.lon, countryCode: p.countryCode, featureClass: p.featureClass };
  if (p.geonameId) g.geonameId = p.geonameId;
  return g;
}

/** Population a gazetteer hit needs, by the strength of its context cue. */
const MIN_POPULATION = { none: 100_000, weak: 1_000, strong: 0 } as const;
/** After a preposition, a place in a country the document does not mention needs this many people. */
const MIN_FOREIGN_POPULATION = 10_000;
/**
 * Without a cue, an admin seat (rank 3+) of this many people also passes, or of unknown population (0)
 * when the document mentions its country ("Qamishli" in an article about Syria).
 */
const MIN_SEAT_POPULATION = 20_000;
type Cue = keyof typeof MIN_POPULATION;
/** A lone word that is also a common surname ("Bush", "Anderson") needs a cue below this population. */
const MIN_SURNAME_PLACE_POPULATION = 1_000_000;

/** Country names ("Syria", "United States", "US"); demonyms are not place mentions. */
export const country: Recognizer = {
  rule: "names/country",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.cap(i)) continue;
      const maxWords = ctx.countryWordsFrom(i);
      if (maxWords === 0) continue;
      let best = -1;
      let words = 0;
      for (let j = i; j < ctx.length && ctx.sameSentence(i, j) && ctx.word(j); j++) {
        words += ctx.wordCount(j);
        if (words > maxWords) break;
        if (ctx.countryName(i, j)) best = j;
      }
      if (best < 0) continue;
      const t = ctx.tokens[i].text;
      if (best === i && t.length <= 3 && t !== t.toUpperCase()) continue;
      const c = ctx.countryName(i, best)!;
      const cand = ctx.candidate(i, best, "place", this.rule, 0.95);
      cand.geo = { lat: c.latlng[0], lon: c.latlng[1], countryCode: c.cca2, featureClass: "A" };
      out.push(cand);
      i = best;
    }
    return out;
  },
};

/** The context cue before token i or after token j: "the town of", "in", "governorate". */
export function placeCue(ctx: NameContext, i: number, j: number): Cue {
  const prev = i - 1;
  if (ctx.lower(prev) === "of" && ctx.sameSentence(prev - 1, i) && ctx.is(prev - 1, WORDS["place-cues-before"])) return "strong";
  if (ctx.word(j + 1) && ctx.sameSentence(j, j + 1) && (ctx.is(j + 1, WORDS["place-cues-after"]) || ctx.is(j + 1, WORDS["place-cues-after-included"]))) return "strong";
  if (ctx.sameSentence(prev, i) && wordSet("place-prepositions").has(ctx.lower(prev))) return "weak";
  return "none";
}

/** True when a capitalized word (not a function word or preposition) touches token i: "Chicago Tribune". */
function inLargerName(ctx: NameContext, i: number): boolean {
  const before = ctx.sameSentence(i - 1, i) && ctx.cap(i - 1) && !ctx.is(i - 1, WORDS["non-names"]) && !ctx.sentenceInitial(i);
  const after = ctx.sameSentence(i, i + 1) && ctx.cap(i + 1) && !ctx.is(i + 1, WORDS["non-names"]);
  return before || after;
}

/** GeoNames places ("Mosul", "Deir Ez-Zor", "Al-Raqqah" → Ar Raqqah), gated by population and cues. */
export const gazetteerPlace: Recognizer = {
  rule: "names/gazetteer",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.nameWord(i) || ctx.allCaps(i) || ctx.is(i, WORDS["non-names"])) continue;
      const first = ctx.foldedWord(i, 0);
      let maxWords = ctx.placeWordsFrom(i);
      if (ctx.wordCount(i) > 1 && wordSet("arabic-article").has(first)) maxWords = Math.max(maxWords, placeCandidatesStartingWith(ctx.foldedWord(i, 1)) + 1);
      if (maxWords === 0) maxWords = 1;
      let hit: { j: number; p: PlaceRecord } | undefined;
      let count = 0;
      let lastJ = i;
      for (let j = i; j < ctx.length && ctx.sameSentence(i, j) && ctx.word(j); j++) {
        count += ctx.wordCount(j);
        if (count > maxWords + 1 || !(ctx.nameWord(j) || (j > i && ctx.is(j, WORDS["arabic-article"])))) break;
        lastJ = j;
      }
      for (let j = lastJ; j >= i && !hit; j--) {
        if (!ctx.nameWord(j)) continue;
        const p = ctx.place(i, j);
        if (p) hit = { j, p };
      }
      if (!hit) continue;
      const { j, p } = hit;
      const cue = placeCue(ctx, i, j);
      if (i === j && cue !== "strong" && (ctx.stopWord(i) || ctx.is(i, WORDS["given-names"]) || ctx.is(i, WORDS["kunya"]))) continue;
      if (cue === "none" && (ctx.inHeadline(i) && p.population < 100_000)) continue;
      if (cue === "none" && i === j && ctx.sentenceInitial(i) && p.population < 100_000) continue;
      if (cue !== "strong" && i === j && inLargerName(ctx, i)) continue;
      if (cue === "none" && i === j && ctx.is(i, WORDS["surnames"]) && p.population < MIN_SURNAME_PLACE_POPULATION) continue;
      const inCountry = ctx.documentCountries().has(p.countryCode);
      const seat = adminRank(p) >= 3 && (p.population >= MIN_SEAT_POPULATION || (p.population === 0 && inCountry));
      const big = p.population >= MIN_POPULATION[cue] || seat || p.featureClass !== "P";
      const small = cue === "weak" && (p.population >= MIN_POPULATION.weak || adminRank(p) >= 1) && (inCountry || p.population >= MIN_FOREIGN_POPULATION);
      if (!big && !small) continue;
      if (knownOrgSpan(ctx, i, j) || ctx.countryName(i, j)) continue;
      const c = ctx.candidate(i, j, "place", this.rule, cue === "strong" ? 0.92 : cue === "weak" ? 0.85 : 0.8);
      c.geo = geoOf(p);
      out.push(c);
      i = j;
    }
    return out;
  },
};

/** The known organization that tokens i..j name, if any (`matchKnownOrganization` of their text). */
function knownOrgSpan(ctx: NameContext, i: number, j: number): ReturnType<typeof matchKnownOrganizationFolded> {
  return ctx.knownOrg(i, j);
}

/** Walks a run of name words forward from i (at most `max` tokens); returns its last token or -1. */
function runForward(ctx: NameContext, i: number, max = 4): number {
  let end = -1;
  for (let k = i; k < ctx.length && k - i < max && ctx.sameSentence(i, k); k++) {
    if (ctx.nameWord(k)) end = k;
    else if (k > i && ctx.is(k, WORDS["arabic-article"]) && ctx.nameWord(k + 1)) continue;
    else break;
  }
  return end;
}

/** True when tokens i..j are only demonyms, function words or known organizations: not a place. */
function notAPlace(ctx: NameContext, i: number, j: number): boolean {
  if (knownOrgSpan(ctx, i, j) || ctx.allCaps(i)) return true;
  for (let k = i; k <= j; k++) if (!ctx.demonym(k) && !ctx.is(k, WORDS["non-names"]) && !ctx.is(k, WORDS["common-words"])) return false;
  return true;
}

function cuePlace(ctx: NameContext, i: number, j: number, rule: string, withGeo: boolean): Candidate {
  const c = ctx.candidate(i, j, "place", rule, 0.9);
  const p = withGeo ? ctx.place(i, j) : undefined;
  if (p) c.geo = geoOf(p);
  return c;
}

/** "the towns of Hajin, Al-Shaafah, and Al-Aliyat", "the Iraqi city of Mosul": places named after a cue. */
export const placeCueBefore: Recognizer = {
  rule: "names/place-cue",
  find(ctx) {
    const out: Candidate[] = [];
    for (let k = 0; k + 2 < ctx.length; k++) {
      if (!ctx.word(k) || ctx.cap(k) || !ctx.is(k, WORDS["place-cues-before"]) || ctx.lower(k + 1) !== "of") continue;
      let i = k + 2;
      while (i < ctx.length && ctx.sameSentence(k, i)) {
        const end = runForward(ctx, i);
        if (end < 0) break;
        if (!notAPlace(ctx, i, end)) out.push(cuePlace(ctx, i, end, this.rule, true));
        let n = end + 1;
        if (ctx.tokens[n]?.text === ",") n++;
        if (ctx.lower(n) === "and" || ctx.lower(n) === "or") n++;
        if (n === end + 1) break;
        i = n;
      }
      k = i - 1;
    }
    return out;
  },
};

/** "al-Hasakah governorate" gives "al-Hasakah"; "the Euphrates prefecture" keeps its cue word. */
export const placeCueAfter: Recognizer = {
  rule: "names/place-cue-after",
  find(ctx) {
    const out: Candidate[] = [];
    for (let k = 1; k < ctx.length; k++) {
      if (!ctx.word(k)) continue;
      const included = ctx.is(k, WORDS["place-cues-after-included"]);
      if (!included && !ctx.is(k, WORDS["place-cues-after"])) continue;
      let start = -1;
      for (let j = k - 1; j >= 0 && ctx.sameSentence(j, k) && k - j <= 4; j--) {
        if (ctx.nameWord(j) && !(ctx.sentenceInitial(j) && ctx.is(j, WORDS["non-names"]))) start = j;
        else if (j < k - 1 && ctx.is(j, WORDS["arabic-article"]) && ctx.word(j)) continue;
        else break;
      }
      if (start < 0 || ctx.inHeadline(start)) continue;
      if (ctx.cap(k) && ctx.is(k, WORDS["org-cues"])) continue;
      if (notAPlace(ctx, start, k - 1) || (included && ctx.countryName(start, k - 1))) continue;
      out.push(included ? cuePlace(ctx, start, k, this.rule, false) : cuePlace(ctx, start, k - 1, this.rule, true));
    }
    return out;
  },
};

/** "Ras al-Ain", "Tal Tamr", "Wadi Barada", "Wilayat al-Furat": an Arabic place word plus a name. */
export const arabicPlacePrefix: Recognizer = {
  rule: "names/arabic-place-prefix",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i + 1 < ctx.length; i++) {
      if (!ctx.cap(i) || !ctx.is(i, WORDS["place-prefixes-arabic"]) || !ctx.sameSentence(i, i + 1)) continue;
      if (ctx.inHeadline(i)) continue;
      let end = i;
      for (let j = i + 1; j < ctx.length && j - i <= 3 && ctx.sameSentence(i, j); j++) {
        if (ctx.nisba(j) || (ctx.cap(j) && !ctx.stopWord(j) && !ctx.allCaps(j) && !ctx.is(j, WORDS["kunya"]))) end = j;
        else break;
      }
      if (end === i || knownOrgSpan(ctx, i, end)) continue;
      out.push(cuePlace(ctx, i, end, this.rule, true));
      out[out.length - 1].confidence = 0.75;
      i = end;
    }
    return out;
  },
};

export const PLACE_RECOGNIZERS: readonly Recognizer[] = [country, gazetteerPlace, placeCueBefore, placeCueAfter, arabicPlacePrefix];
