import type { Candidate, NameContext, Recognizer } from "./context.js";
import { WORDS } from "./context.js";
import { lookupPlaceLooseFolded } from "../../lexicon/index.js";

/** Folded first words of compound given names that take the next word ("Abdul Rahman", "Abd al-Aziz"). */
const COMPOUND_FIRST = new Set(["abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdur", "abdulla"]);

/**
 * Extends a name ending at token `end` over nisbas ("al-Masri"), a second word of a multi-word nisba
 * ("al-Tal Afri"), split articles ("Al Masri") and bin/ibn links; returns the new last token.
 */
export function extendArabicName(ctx: NameContext, end: number): { end: number; nisbas: number } {
  let nisbas = 0;
  let k = end + 1;
  let afterNisba = false;
  while (k < ctx.length && ctx.sameSentence(k, end)) {
    if (ctx.nisba(k)) {
      end = k;
      nisbas++;
      afterNisba = true;
      k++;
    } else if (ctx.word(k) && ctx.is(k, WORDS["arabic-article"]) && ctx.cap(k + 1) && !ctx.stopWord(k + 1) && ctx.tokens[k].text.length <= 3) {
      end = k + 1;
      nisbas++;
      afterNisba = true;
      k += 2;
    } else if (ctx.word(k) && ctx.is(k, WORDS["nasab"]) && ctx.cap(k + 1)) {
      end = k + 1;
      afterNisba = false;
      k += 2;
    } else if (afterNisba && ctx.cap(k) && !ctx.stopWord(k) && !ctx.allCaps(k) && ctx.tokens[k].start === ctx.tokens[k - 1].end + 1) {
      end = k;
      afterNisba = false;
      k++;
    } else break;
  }
  return { end, nisbas };
}

/**
 * "Abu Bakr al-Baghdadi", "Abou Abdul Rahman al-Tal Afri", "Umm Sayyaf", "Ahmed Abu Rish": a kunya plus
 * optional nisbas, with known given names before it.
 */
export const arabicKunya: Recognizer = {
  rule: "names/arabic-kunya",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.cap(i) || !ctx.is(i, WORDS["kunya"])) continue;
      let j = i + 1;
      if (!ctx.sameSentence(i, j) || !(ctx.cap(j) || ctx.nisba(j)) || ctx.is(j, WORDS["non-names"]) || ctx.is(j, WORDS["org-cues"])) continue;
      if (COMPOUND_FIRST.has(ctx.foldedToken(j)) && (ctx.cap(j + 1) || ctx.nisba(j + 1))) j++;
      const ext = extendArabicName(ctx, j);
      let start = i;
      while (start - 1 >= 0 && i - start < 2 && ctx.sameSentence(start - 1, i) && ctx.cap(start - 1) && ctx.is(start - 1, WORDS["given-names"]) && !ctx.stopWord(start - 1)) start--;
      out.push(ctx.candidate(start, ext.end, "person", this.rule, ext.nisbas > 0 || start < i ? 0.95 : 0.75));
      i = ext.end;
    }
    return out;
  },
};

/** "Osama bin Laden", "Hamza bin Ali al-X": capitalized name, bin/ibn/bint, capitalized name. */
export const arabicNasab: Recognizer = {
  rule: "names/arabic-nasab",
  find(ctx) {
    const out: Candidate[] = [];
    for (let k = 1; k < ctx.length; k++) {
      if (!ctx.word(k) || !ctx.is(k, WORDS["nasab"]) || !ctx.cap(k + 1) || !ctx.sameSentence(k, k + 1)) continue;
      let start = k;
      while (start - 1 >= 0 && ctx.sameSentence(start - 1, k) && ctx.cap(start - 1) && !ctx.stopWord(start - 1) && k - start < 3) start--;
      if (start === k && !ctx.cap(k)) continue;
      const ext = extendArabicName(ctx, k + 1);
      out.push(ctx.candidate(start, ext.end, "person", this.rule, 0.9));
      k = ext.end;
    }
    return out;
  },
};

/** True when tokens i..j read as a place or a known organization rather than a person. */
function placeOrOrg(ctx: NameContext, i: number, j: number): boolean {
  return ctx.knownOrg(i, j) !== undefined || (ctx.place(i, j)?.population ?? 0) >= 1000;
}

/** True when token i alone names a region or a city of 100,000+ and is not a known given name. */
function placeWord(ctx: NameContext, i: number): boolean {
  if (ctx.is(i, WORDS["given-names"])) return false;
  const p = lookupPlaceLooseFolded(ctx.foldedName(i));
  return p !== undefined && (p.featureClass !== "P" || p.population >= 100_000);
}

/** "Shaimaa al-Hadramiyah", "Mohammed Ahmed al-Jabouri": given name(s) followed by a nisba. */
export const givenNisba: Recognizer = {
  rule: "names/given-nisba",
  find(ctx) {
    const out: Candidate[] = [];
    for (let k = 1; k < ctx.length; k++) {
      if (!ctx.nisba(k) || !ctx.cap(k - 1) || !ctx.sameSentence(k - 1, k)) continue;
      const first = k - 1;
      if (ctx.stopWord(first) || ctx.allCaps(first) || ctx.is(first, WORDS["kunya"]) || ctx.is(first, WORDS["nasab"])) continue;
      if (ctx.is(first, WORDS["org-prefixes-arabic"]) || ctx.is(first, WORDS["place-prefixes-arabic"]) || placeWord(ctx, first)) continue;
      let start = first;
      while (start - 1 >= 0 && ctx.sameSentence(start - 1, k) && ctx.cap(start - 1) && ctx.is(start - 1, WORDS["given-names"]) && first - start < 2) start--;
      if (ctx.is(start - 1, WORDS["kunya"]) || ctx.is(start - 1, WORDS["org-prefixes-arabic"]) || ctx.is(start - 1, WORDS["place-prefixes-arabic"])) continue;
      const ext = extendArabicName(ctx, first);
      if (placeOrOrg(ctx, start, ext.end) || placeOrOrg(ctx, start, k)) continue;
      const known = ctx.is(start, WORDS["given-names"]);
      out.push(ctx.candidate(start, ext.end, "person", this.rule, known ? 0.9 : 0.7));
      k = ext.end;
    }
    return out;
  },
};

/** "Colonel Hassan Hashi Mohamed", "Sheikh Ahmed", "President George W. Bush": a capitalized title (chain) plus 1–4 name words and initials. */
export const titledPerson: Recognizer = {
  rule: "names/title-person",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.cap(i) || !ctx.is(i, WORDS["title-strong"])) continue;
      let j = i;
      while (ctx.cap(j + 1) && ctx.is(j + 1, WORDS["person-titles"]) && ctx.sameSentence(i, j + 1)) j++;
      if (ctx.tokens[j + 1]?.text === ".") j++;
      const first = j + 1;
      if (!ctx.sameSentence(i, first) || !ctx.cap(first) || (ctx.stopWord(first) && !isInitial(ctx, first)) || ctx.allCaps(first)) continue;
      let end = isInitial(ctx, first) && ctx.cap(first + 2) && ctx.sameSentence(first, first + 2) ? first + 2 : first;
      for (;;) {
        if (isInitial(ctx, end + 1) && ctx.cap(end + 3) && ctx.sameSentence(first, end + 3)) end += 3;
        else if (end + 1 < ctx.length && end - first < 3 && ctx.sameSentence(first, end + 1) && ctx.cap(end + 1) && !ctx.stopWord(end + 1) && !isInitial(ctx, end + 1)) end++;
        else break;
      }
      end = extendArabicName(ctx, end).end;
      if (ctx.is(end + 1, WORDS["org-cues"]) && ctx.cap(end + 1)) continue;
      out.push(ctx.candidate(i, end, "person", this.rule, 0.85));
      i = end;
    }
    return out;
  },
};

/** True when token i is a single capital letter followed by a period ("J."). */
function isInitial(ctx: NameContext, i: number): boolean {
  return ctx.cap(i) && ctx.tokens[i].text.length === 1 && ctx.tokens[i + 1]?.text === "." && ctx.tokens[i + 1].start === ctx.tokens[i].end;
}

/**
 * Words that end a person name: what they head is an organization, place, award or building named after the
 * person ("Harold Washington College", "Max Planck Medal", "Hamdi Saleh Street").
 */
const NAME_ENDS = WORDS["org-cues"] | WORDS["place-cues-after"] | WORDS["name-heads"];

/**
 * "Hamdi Saleh", "John Smith", "Timothy J. McVeigh": a known given name followed by capitalized surname words;
 * not when the name modifies a following head noun ("Harold Washington College").
 */
export const givenSurname: Recognizer = {
  rule: "names/given-surname",
  find(ctx) {
    const out: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.cap(i) || !ctx.is(i, WORDS["given-names"]) || ctx.allCaps(i) || ctx.is(i, WORDS["arabic-article"])) continue;
      if (ctx.sentenceInitial(i) && (ctx.is(i, WORDS["common-words"]) || ctx.is(i, WORDS["non-names"]))) continue;
      const n = i + 1;
      if (!ctx.sameSentence(i, n) || !ctx.cap(n) || ctx.stopWord(n) || (ctx.allCaps(n) && !isInitial(ctx, n)) || ctx.is(n, NAME_ENDS)) continue;
      let end = n;
      for (;;) {
        if (isInitial(ctx, end) && ctx.cap(end + 2) && ctx.sameSentence(i, end + 2)) end += 2;
        else if (end + 1 < ctx.length && end - i < 3 && ctx.sameSentence(i, end + 1) && ctx.cap(end + 1) && !ctx.stopWord(end + 1) && !ctx.allCaps(end + 1) && !ctx.is(end + 1, NAME_ENDS)) end++;
        else break;
      }
      if (isInitial(ctx, end)) continue;
      end = extendArabicName(ctx, end).end;
      if (ctx.cap(end + 1) && ctx.is(end + 1, NAME_ENDS)) continue;
      if (placeOrOrg(ctx, i, end)) continue;
      out.push(ctx.candidate(i, end, "person", this.rule, 0.8));
      i = end;
    }
    return out;
  },
};

export const PERSON_RECOGNIZERS: readonly Recognizer[] = [arabicKunya, arabicNasab, givenNisba, titledPerson, givenSurname];
