import { span, type Doc, type Quantity, type Qualifier, type Token } from "../../model.js";
import { insideAny, overlapsAny, skippedRanges } from "../times/index.js";
import { isYearLike } from "../times/rules.js";
import { numberWords, quantityLexicon, type QuantityLexicon } from "./lexicon.js";
import { digitsValue, wordsValue } from "./numbers.js";

/** A number read at a token position: tokens [first, last] inclusive. */
interface NumberAt {
  first: number;
  last: number;
  value: number;
  /** "dozens of" and the like: `value` is a lower bound. */
  vague: boolean;
  words: boolean;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
/** Tokens after which a capitalised number word still starts a clause ("-- Seven fighters"). */
const OPENERS = new Set(['"', "“", "‘", "'", "(", "[", "-", "–", "—", ":", ";"]);
const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : "");
/** True when `b` follows `a` with no space between them. */
const touching = (a: Token | undefined, b: Token | undefined) => Boolean(a && b && a.end === b.start);

/** True when `x` (lower-cased) is a number word or a hyphenated pair that may be one ("twenty-five"). */
function isNumWord(x: string): boolean {
  const nw = numberWords();
  if (nw.units.has(x) || nw.scales.has(x) || nw.groups.has(x)) return true;
  const h = x.indexOf("-");
  return h > 0 && nw.units.has(x.slice(0, h)) && nw.units.has(x.slice(h + 1));
}

let starters: Set<string> | undefined;

/** Cheap test without allocation for most words: can a number (word) start with token text `w`? */
function mayStartNumber(w: string): boolean {
  if (!starters) {
    const nw = numberWords();
    const words = [...nw.units.keys(), ...nw.scales.keys(), ...nw.groups.keys(), ...quantityLexicon().vague.keys(), "a", "an"];
    starters = new Set(words.flatMap((x) => [x, x[0].toUpperCase() + x.slice(1)]));
  }
  if (starters.has(w)) return true;
  const h = w.indexOf("-");
  return h > 0 && starters.has(w.slice(0, h));
}

/** Reads the number starting at token `i` (digits, digits + scale word, number words, "a dozen", "dozens of"). */
function readNumber(toks: Token[], i: number, end: number, lex: QuantityLexicon): NumberAt | null {
  const t = toks[i];
  const nw = numberWords();
  if (t.kind === "number") {
    const v = digitsValue(t.text);
    if (v === null) return null;
    const next = lower(toks[i + 1]);
    if (i + 1 < end && nw.scales.has(next)) return { first: i, last: i + 1, value: v * nw.scales.get(next)!, vague: false, words: false };
    return { first: i, last: i, value: v, vague: false, words: false };
  }
  const w = lower(t);
  if (lex.vague.has(w) && lower(toks[i + 1]) === "of") return { first: i, last: i, value: lex.vague.get(w)!, vague: true, words: true };
  const next = lower(toks[i + 1]);
  if (!(isNumWord(w) || ((w === "a" || w === "an") && (nw.scales.has(next) || nw.groups.has(next))))) return null;
  let j = i;
  while (j + 1 < end && (isNumWord(lower(toks[j + 1])) || (lower(toks[j + 1]) === "and" && isNumWord(lower(toks[j + 2]))))) j++;
  for (; j >= i; j--) {
    const v = wordsValue(toks.slice(i, j + 1).map(lower));
    if (v !== null) return { first: i, last: j, value: v, vague: false, words: true };
  }
  return null;
}

/** The qualifier phrase that ends right before token `i` (longest first), with its first token. */
function readQualifier(toks: Token[], i: number, sentStart: number, lex: QuantityLexicon): { first: number; qualifier: Qualifier } | null {
  for (let n = Math.min(lex.maxQualifierWords, i - sentStart); n >= 1; n--) {
    const words = toks.slice(i - n, i);
    if (words.some((w) => w.kind !== "word")) continue;
    const q = lex.qualifiers.get(words.map(lower).join(" "));
    if (q) return { first: i - n, qualifier: q };
  }
  return null;
}

/** True when `w` reads as a plural (or collective) noun that can be counted. */
function isCountedNoun(t: Token, lex: QuantityLexicon): boolean {
  const w = lower(t);
  if (lex.countedNouns.has(w)) return true;
  if (lex.notNouns.has(w) || lex.stopWords.has(w)) return false;
  return t.kind === "word" && w.length > 3 && /[^s']s$/.test(w) && !/(?:ous|ics|ss|us)$/.test(w) && /^[\p{L}-]+$/u.test(w);
}

type UnitResult = { kind: "unit"; index: number } | { kind: "none" } | { kind: "reject" };

/** The counted noun after the number: the first plural noun within a few modifiers ("more defected members"). */
function readUnit(toks: Token[], i: number, end: number, lex: QuantityLexicon): UnitResult {
  for (let k = 0; k < 4 && i + k < end; k++) {
    const t = toks[i + k];
    const w = lower(t);
    if (t.kind !== "word") return { kind: "none" };
    if (lex.timeUnits.has(w) || lex.percentWords.has(w) || lex.currencyWords.has(w)) return { kind: "reject" };
    if (lex.stopWords.has(w)) return { kind: "none" };
    if (isCountedNoun(t, lex)) return { kind: "unit", index: i + k };
  }
  return { kind: "none" };
}

/** True when the number at `n` is part of something that is not a count (ordinal, time, money, percentage, name). */
function notACount(toks: Token[], n: NumberAt, sentStart: number, lex: QuantityLexicon): boolean {
  const first = toks[n.first];
  const last = toks[n.last];
  const next = toks[n.last + 1];
  const prev = n.first > sentStart ? toks[n.first - 1] : undefined;
  if (touching(last, next) && (next.kind === "word" || next.text === "-" || next.text === "%" || next.text === "/")) return true;
  if (prev && touching(prev, first) && (prev.kind !== "punct" || prev.text === "-")) return true;
  if (prev && lex.currencySymbols.has(prev.text)) return true;
  if (next && (next.text === "%" || lex.percentWords.has(lower(next)) || lex.clockWords.has(lower(next)))) return true;
  if (prev && (prev.text === "#" || prev.text === "№")) return true;
  if (lower(next) === "per" && lower(toks[n.last + 2]) === "cent") return true;
  if (prev?.text === "[" && next?.text === "]") return true;
  const atStart = !prev || OPENERS.has(prev.text);
  if (n.words && isCapitalised(first.text) && !atStart) return true;
  if (prev && prev.kind === "word" && isCapitalised(prev.text) && n.first - 1 > sentStart && !lex.qualifiers.has(lower(prev))) return true;
  if (prev && ["no", "number", "no."].includes(lower(prev))) return true;
  if (prev && lower(prev) === "the" && isYearLike4(first, n)) return true;
  return false;
}

/** True when the number is four plain digits that could be a year ("1998"): it counts only with a lower-case noun right after it. */
function isYearLike4(t: Token, n: NumberAt): boolean {
  return !n.words && n.first === n.last && /^\d{4}$/.test(t.text) && isYearLike(Number(t.text));
}

/** True when a bare number reads as an age: "Luis, 23, said", "aged 23", "now 29". */
function isAge(toks: Token[], n: NumberAt, sentStart: number, lex: QuantityLexicon): boolean {
  if (n.value > 120) return false;
  const prev = n.first > sentStart ? toks[n.first - 1] : undefined;
  const next = toks[n.last + 1];
  if (prev && lex.ageWords.has(lower(prev))) return true;
  return !n.words && prev?.text === "," && (next?.text === "," || next?.text === ".") && isCapitalised(toks[n.first - 2]?.text ?? "");
}

/** True when a bare number labels the plural noun before it, maybe in a list ("posts 542 and 543"): an identifier, not a count. */
function isLabel(toks: Token[], n: NumberAt, sentStart: number, lex: QuantityLexicon): boolean {
  if (n.words) return false;
  let j = n.first - 1;
  while (j > sentStart && (toks[j].kind === "number" || toks[j].text === "," || toks[j].text === "and" || toks[j].text === "or") && toks[j - 1].kind === "number") j -= 2;
  const prev = j >= sentStart ? toks[j] : undefined;
  return prev !== undefined && !isCapitalised(prev.text) && isCountedNoun(prev, lex) && !lex.qualifiers.has(lower(prev));
}

/**
 * Adds counted quantities to `doc.quantities`, sorted by start: a number in digits or words with an
 * optional qualifier before it ("about", "more than") and the counted noun after it ("fighters").
 * Skips numbers inside times, years, ordinals, money, percentages, durations ("six months") and names
 * ("Division 17"). "three of his sons" counts sons (rule "quantities/partitive"); "one" counts only
 * with a counted noun ("one fighter", never "one of"); "dozens of X" reads as
 * at_least 24 (the lower bounds are in the lexicon). A number with no counted noun is kept with rule
 * "quantities/bare".
 */
export function findQuantities(doc: Doc): void {
  const lex = quantityLexicon();
  const skipped = skippedRanges(doc);
  const toks = doc.tokens;
  const text = doc.text;
  let timeIdx = 0;
  const times = [...doc.times].sort((a, b) => a.span.start - b.span.start);
  for (const sent of doc.sentences) {
    if (insideAny(skipped, sent.start, sent.end)) continue;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      if (toks[i].kind === "punct" || (toks[i].kind === "word" && !mayStartNumber(toks[i].text))) continue;
      const n = readNumber(toks, i, sent.tokenEnd, lex);
      if (!n) continue;
      i = n.last;
      while (timeIdx < times.length && times[timeIdx].span.end <= toks[n.first].start) timeIdx++;
      if (timeIdx < times.length && times[timeIdx].span.start < toks[n.last].end) continue;
      if (notACount(toks, n, sent.tokenStart, lex)) continue;
      const q = readQualifier(toks, n.first, sent.tokenStart, lex);
      let after = n.last + 1;
      let rule = n.vague ? "quantities/vague-plural" : "quantities/counted";
      if (after < sent.tokenEnd && lower(toks[after]) === "of") {
        if (!n.vague) {
          if (n.value === 1) continue;
          rule = "quantities/partitive";
        }
        after++;
        if (!n.vague && lex.determiners.has(lower(toks[after]))) after++;
      } else {
        while (after < sent.tokenEnd && lex.fillers.has(lower(toks[after]))) after++;
      }
      const u = readUnit(toks, after, sent.tokenEnd, lex);
      if (u.kind === "reject") continue;
      if (u.kind === "none") {
        if (isYearLike4(toks[n.first], n)) continue;
        if (n.value === 1 || n.vague || rule === "quantities/partitive") continue;
        if (isAge(toks, n, sent.tokenStart, lex) || isLabel(toks, n, sent.tokenStart, lex)) continue;
        rule = "quantities/bare";
      } else if (n.value === 1 && !lex.countedNouns.has(lower(toks[u.index]))) {
        continue;
      } else if (isYearLike4(toks[n.first], n) && (isCapitalised(toks[u.index].text) || u.index !== after)) {
        continue;
      }
      const start = toks[q ? q.first : n.first].start;
      const end = u.kind === "unit" ? toks[u.index].end : toks[n.last].end;
      if (overlapsAny(skipped, start, end)) continue;
      const value = n.value;
      const qualifier: Qualifier = n.vague ? "at_least" : q ? q.qualifier : "exact";
      let quantity: Quantity;
      if (u.kind === "unit") {
        const unit = toks[u.index];
        // built whole, in one shape: adding the unit fields later would reshape the object
        quantity = { span: span(text, start, end), value, qualifier, rule, unit: unit.text, unitSpan: span(text, unit.start, unit.end) };
        i = Math.max(i, u.index);
      } else {
        quantity = { span: span(text, start, end), value, qualifier, rule };
      }
      doc.quantities.push(quantity);
    }
  }
}
