import type { Candidate, NameContext, Recognizer } from "./context.js";
import { WORDS } from "./context.js";
import { isDemonym, lookupCountryNameFolded, lookupPlaceLooseFolded, matchKnownOrganization } from "../../lexicon/index.js";

/** Words that may join capitalized words inside an organization name. */
const CONNECTORS = new Set(["of", "for", "and", "the", "in", "on"]);

/**
 * Longest known organization starting at token i (name, alias or acronym), as [last token, match]. Runs
 * past one whose fold starts no known name (`NameContext.knownOrgPrefix`) are not looked up while their
 * gaps join and their text is too long for an acronym: they cannot match.
 */
function longestKnown(ctx: NameContext, i: number): [number, ReturnType<typeof matchKnownOrganization>] | undefined {
  const maxWords = ctx.knownOrgWordsFrom(i);
  if (maxWords === 0) {
    const m = ctx.allCaps(i) ? ctx.knownOrg(i, i) : undefined;
    return m ? [i, m] : undefined;
  }
  let bestEnd = -1;
  let best: ReturnType<typeof matchKnownOrganization>;
  let words = 0;
  /** True while the runs from i cannot fold to a known name: set by `knownOrgPrefix`, cleared by a gap that does not join. */
  let noName = false;
  for (let j = i; j < ctx.length && ctx.sameSentence(i, j) && ctx.blocked[j] === 0; j++) {
    if (noName && !ctx.joins(j - 1)) noName = false;
    if (ctx.tokens[j].kind === "word") words += ctx.wordCount(j);
    if (words > maxWords) break;
    if (ctx.tokens[j].kind !== "word" || (noName && ctx.longerThanAcronyms(i, j))) continue;
    const m = ctx.knownOrg(i, j);
    if (m) {
      bestEnd = j;
      best = m;
    }
    if (!noName && !ctx.knownOrgPrefix(i, j)) noName = true;
  }
  return bestEnd >= 0 ? [bestEnd, best] : undefined;
}

/** True when an all-caps token stands among other all-caps words (a shouted headline). */
function shouted(ctx: NameContext, i: number): boolean {
  return (ctx.allCaps(i - 1) && ctx.tokens[i - 1].text.length > 1) || (ctx.allCaps(i + 1) && ctx.tokens[i + 1].text.length > 1);
}

/** Names, aliases and acronyms of major groups from data/lexicons/organizations.json. */
export const knownOrganization: Recognizer = {
  rule: "names/known-organization",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.word(i) || !(ctx.upperStart(i) || ctx.nisba(i))) continue;
      const hit = longestKnown(ctx, i);
      if (!hit || !hit[1]) continue;
      const [end, m] = hit;
      if (m.form === "acronym" && ctx.tokens[i].text.length <= 2 && shouted(ctx, i)) continue;
      const c = ctx.candidate(i, end, "organization", this.rule, 0.97, m.form);
      c.attributes = { knownOrg: m.org.key };
      out.push(c);
      i = end;
    }
    return out;
  },
};

const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
const DIGIT = /\d/;

/** Unknown all-caps acronyms ("SDF", "YPG"), typed organization until a refiner says otherwise. */
export const acronym: Recognizer = {
  rule: "names/acronym",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      const t = ctx.tokens[i].text;
      if (!ctx.allCaps(i) || t.length > 6 || !TWO_CAPITALS.test(t) || DIGIT.test(t)) continue;
      if (ctx.is(i, WORDS["acronym-stoplist"]) || shouted(ctx, i) || ctx.inHeadline(i)) continue;
      const f = ctx.foldedName(i);
      if (ctx.knownOrg(i, i) || lookupCountryNameFolded(f) || ctx.is(i, WORDS["common-words"]) || ctx.is(i, WORDS["non-names"])) continue;
      if ((lookupPlaceLooseFolded(f)?.population ?? 0) >= 1000) continue;
      out.push(ctx.candidate(i, i, "organization", this.rule, 0.6, "acronym"));
    }
    return out;
  },
};

/** True when token j may be a modifier inside an organization name. */
function orgModifier(ctx: NameContext, j: number): boolean {
  if (ctx.nisba(j)) return true;
  if (!ctx.cap(j)) return false;
  return !(ctx.sentenceInitial(j) && ctx.is(j, WORDS["non-names"])) && !ctx.is(j, WORDS["kunya"]);
}

/**
 * "Syrian Democratic Forces", "Deir ez-Zor Military Council", "Russian Ministry of Defense": capitalized
 * words ending in a capitalized organization cue word, plus an "of"/"for" complement.
 */
export const orgCue: Recognizer = {
  rule: "names/org-cue",
  find(ctx) {
    const out: Candidate[] = [];
    for (let k = 0; k < ctx.length; k++) {
      if (!ctx.cap(k) || !ctx.is(k, WORDS["org-cues"]) || ctx.inHeadline(k)) continue;
      let start = k;
      for (let j = k - 1; j >= 0 && ctx.sameSentence(j, k); j--) {
        if (orgModifier(ctx, j)) start = j;
        else if (CONNECTORS.has(ctx.lower(j)) && orgModifier(ctx, j - 1) && ctx.sameSentence(j - 1, k) && ctx.lower(j) !== "the") continue;
        else break;
      }
      while (start < k && (ctx.is(start, WORDS["non-names"]) || (ctx.sentenceInitial(start) && ctx.is(start, WORDS["common-words"])))) start++;
      let end = k;
      while (ctx.cap(end + 1) && ctx.is(end + 1, WORDS["org-cues"]) && ctx.sameSentence(k, end + 1)) end++;
      if (ctx.lower(end + 1) === "of" || ctx.lower(end + 1) === "for") {
        let j = end + 2;
        if (ctx.lower(j) === "the") j++;
        let last = -1;
        let acronymInside = false;
        while (ctx.sameSentence(k, j) && (orgModifier(ctx, j) || (CONNECTORS.has(ctx.lower(j)) && orgModifier(ctx, j + 1)))) {
          if (ctx.allCaps(j)) acronymInside = true;
          last = j++;
        }
        if (last > 0 && !acronymInside && !ctx.allCaps(last + 1)) end = last;
      }
      if (start === k && end === k) continue;
      const place = ctx.place(start, end);
      if (place && (place.featureClass !== "P" || place.population >= 50_000)) continue;
      out.push(ctx.candidate(start, end, "organization", this.rule, 0.85));
      k = end;
    }
    return out;
  },
};

/** "Kata'ib al-Nour", "Jaysh al-Islam", "Hay'at Tahrir al-Sham", "Jund al-Khilafah Army": Arabic prefix plus a nisba. */
export const arabicOrgPrefix: Recognizer = {
  rule: "names/arabic-org-prefix",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.cap(i) || !ctx.is(i, WORDS["org-prefixes-arabic"])) continue;
      let end = i;
      let nisbas = 0;
      for (let j = i + 1; j < ctx.length && j - i <= 5 && ctx.sameSentence(i, j); j++) {
        if (ctx.nisba(j)) nisbas++;
        else if (!ctx.cap(j) || ctx.is(j, WORDS["non-names"]) || ctx.is(j, WORDS["common-words"]) || ctx.is(j, WORDS["kunya"])) break;
        end = j;
      }
      if (nisbas === 0) continue;
      while (end > i && !ctx.nisba(end) && !ctx.is(end, WORDS["org-cues"])) end--;
      if (ctx.cap(end + 1) && ctx.is(end + 1, WORDS["org-cues"])) end++;
      out.push(ctx.candidate(i, end, "organization", this.rule, 0.9));
      i = end;
    }
    return out;
  },
};

/** "the Iraqi government", "the Turkish army": demonym plus a state-institution head word. */
export const demonymOrg: Recognizer = {
  rule: "names/demonym-org",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i + 1 < ctx.length; i++) {
      if (!ctx.cap(i) || !ctx.word(i + 1) || !ctx.sameSentence(i, i + 1) || !ctx.is(i + 1, WORDS["demonym-heads"])) continue;
      if (!ctx.demonym(i)) continue;
      if (ctx.cap(i - 1) && !ctx.sentenceInitial(i) && !ctx.is(i - 1, WORDS["non-names"])) continue;
      out.push(ctx.candidate(i, i + 1, "organization", this.rule, 0.85));
      i++;
    }
    return out;
  },
};

/** "Sharia council" in "ISIS' Sharia council": a capitalized modifier before a lower-case cue word. */
export const orgLowercaseCue: Recognizer = {
  rule: "names/org-lowercase-cue",
  find(ctx) {
    const out: Candidate[] = [];
    for (let k = 1; k < ctx.length; k++) {
      const j = k - 1;
      if (!ctx.word(k) || ctx.cap(k) || !ctx.is(k, WORDS["org-cues-lowercase"]) || !ctx.sameSentence(j, k)) continue;
      if (!ctx.cap(j) || ctx.allCaps(j) || ctx.sentenceInitial(j) || ctx.stopWord(j) || ctx.inHeadline(j)) continue;
      if (ctx.knownOrg(j, j)) continue;
      if (ctx.cap(j - 1) && ctx.sameSentence(j - 1, j)) continue;
      out.push(ctx.candidate(j, k, "organization", this.rule, 0.7));
    }
    return out;
  },
};

/** "Qaidat al-Jihad Islamic organization" gives "Qaidat al-Jihad": a name before a descriptor noun. */
export const orgDescriptor: Recognizer = {
  rule: "names/org-descriptor",
  find(ctx) {
    const out: Candidate[] = [];
    for (let k = 1; k < ctx.length; k++) {
      if (!ctx.word(k) || ctx.cap(k) || !ctx.is(k, WORDS["org-descriptor-heads"])) continue;
      let end = k - 1;
      if (ctx.is(end, WORDS["org-descriptors"])) end--;
      if (end < 0 || !ctx.sameSentence(end, k) || !ctx.nameWord(end)) continue;
      let start = end;
      while (start - 1 >= 0 && ctx.sameSentence(start - 1, k) && orgModifier(ctx, start - 1) && end - start < 5) start--;
      while (start <= end && (ctx.is(start, WORDS["non-names"]) || (ctx.sentenceInitial(start) && ctx.is(start, WORDS["common-words"])))) start++;
      if (start > end || ctx.inHeadline(start)) continue;
      const only = ctx.slice(start, end);
      if (start === end && (isDemonym(only) || ctx.is(start, WORDS["common-words"]) || ctx.allCaps(start))) continue;
      if (ctx.countryName(start, end)) continue;
      out.push(ctx.candidate(start, end, "organization", this.rule, 0.75));
    }
    return out;
  },
};

export const ORGANIZATION_RECOGNIZERS: readonly Recognizer[] = [
  knownOrganization, acronym, orgCue, arabicOrgPrefix, demonymOrg, orgLowercaseCue, orgDescriptor,
];
