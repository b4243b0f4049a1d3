/**
 * Hashed token features for the name tagger. Every token gets exactly `FEATURES_PER_TOKEN` slots; a slot
 * holds a bucket id in [0, 2^bucketBits) or -1 (no feature). Feature values are hashed without building
 * strings: FNV-1a over UTF-16 code units, mixed with a template id by murmur3's finalizer.
 */

/**
 * Word-level lexicon lookups. `wordMask(word, lower)` returns a bitmask of lexicon classes for one token;
 * `spanMatch(lowerWords, i, end)` the longest multi-word lexicon name inside words [i, end) (default end:
 * all words) starting at word i as `[length ≥ 2, class]`; `maxSpan(lower)` bounds that length (in words) for
 * names starting with that lower-cased word, so `spanMatch` finds nothing where it is below 2.
 */
export interface LexiconFeatures {
  wordMask(word: string, lower: string): number;
  spanMatch?(lowerWords: readonly string[], i: number, end?: number): [number, number] | undefined;
  maxSpan?(lower: string): number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** murmur3 32-bit finalizer: a bijective avalanche on uint32. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a 32-bit over UTF-16 code units. */
export function fnv(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const mix2 = (a: number, b: number) => fmix((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
const mix3 = (a: number, b: number, c: number) => mix2(mix2(a, b), c);

/** Template ids. */
const T = {
  Bias: 1, W0: 2, Wm1: 3, Wp1: 4, Wm2: 5, Wp2: 6, Raw0: 7, Shape0: 8, Short0: 9, ShortM1: 10, ShortP1: 11,
  ShortM2: 12, ShortP2: 13, P1: 14, S1: 18, Wm1W0: 22, W0Wp1: 23, Short3: 24, FirstShort0: 25, Wm1Short0: 26,
  Short0Wp1: 27, Lex0: 28, LexM1: 29, LexP1: 30, Lex0Short0: 31, Gaz0: 32, GazM1Lex0: 33, CaseShort0: 34,
  CaseW0: 35, CaseLex0: 36,
} as const;

/** Per-word hashed properties that the templates combine (one per word type, cached). */
export interface TokenInfo {
  lower: number;
  raw: number;
  shape: number;
  short: number;
  pre: number[];
  suf: number[];
  lex: number;
  /** Pair-template hashes of this word that do not depend on its neighbours (see `pairFeatures`). */
  pWm1W0: number;
  pW0Wp1: number;
  pWm1Short0: number;
  pShort0Wp1: number;
}

/** A word's info from its hashed properties, with its neighbour-independent pair hashes. */
function makeInfo(lower: number, raw: number, shape: number, short: number, pre: number[], suf: number[], lex: number): TokenInfo {
  return {
    lower,
    raw,
    shape,
    short,
    pre,
    suf,
    lex,
    pWm1W0: mix2(T.Wm1W0, lower),
    pW0Wp1: mix2(T.W0Wp1, lower),
    pWm1Short0: mix2(T.Wm1Short0, lower),
    pShort0Wp1: mix2(T.Short0Wp1, short),
  };
}

/** The virtual words before the first and after the last token. */
export const PAD_BEFORE: TokenInfo = makeInfo(0x1001, 0x1001, 0x1001, 0x1001, [], [], 0x1001);
export const PAD_AFTER: TokenInfo = makeInfo(0x2002, 0x2002, 0x2002, 0x2002, [], [], 0x2002);
/** `gaz` value of the padding positions. */
const PAD_GAZ = 0x1001;

/** Shape class of one code unit: X upper, x lower, d digit, else the character itself. */
function shapeCode(orig: number, low: number): number {
  if (orig !== low) return 88; // X
  if (low >= 97 && low <= 122) return 120; // x
  if (low >= 48 && low <= 57) return 100; // d
  if (low >= 0xc0 && !(low >= 0x2000 && low <= 0x206f)) return 120;
  return low;
}

/** Hashed properties of one word, memoised in `cache` (bounded). */
export function tokenInfo(word: string, lex: LexiconFeatures | undefined, cache: Map<string, TokenInfo>): TokenInfo {
  const hit = cache.get(word);
  if (hit) return hit;
  const info = computeTokenInfo(word, lex);
  if (cache.size < 100_000) cache.set(word, info);
  return info;
}

/** Hashed properties of one word (not memoised). */
export function computeTokenInfo(word: string, lex: LexiconFeatures | undefined): TokenInfo {
  const lower = word.toLowerCase();
  let h = FNV_OFFSET;
  let shape = FNV_OFFSET;
  let short = FNV_OFFSET;
  let prevCode = -1;
  let run = 0;
  const pre: number[] = [];
  const n = lower.length === word.length ? word.length : 0;
  for (let i = 0; i < lower.length; i++) {
    h = Math.imul(h ^ lower.charCodeAt(i), FNV_PRIME);
    if (i < 4) pre.push(h >>> 0);
    const code = n ? shapeCode(word.charCodeAt(i), lower.charCodeAt(i)) : 120;
    if (code === prevCode) run++;
    else {
      run = 1;
      short = Math.imul(short ^ code, FNV_PRIME);
    }
    if (run <= 4) shape = Math.imul(shape ^ code, FNV_PRIME);
    prevCode = code;
  }
  const suf: number[] = [];
  let s = FNV_OFFSET ^ 0x5f;
  for (let i = lower.length - 1; i >= 0 && suf.length < 4; i--) {
    s = Math.imul(s ^ lower.charCodeAt(i), FNV_PRIME);
    suf.push(s >>> 0);
  }
  return makeInfo(h >>> 0, fnv(word), shape >>> 0, short >>> 0, pre, suf, lex ? lex.wordMask(word, lower) : 0);
}

/**
 * Roles a word plays for the token being scored: itself (0), left neighbour (1), right neighbour (2),
 * second left (3), second right (4). Features of one role depend on that word alone.
 */
export const ROLES = 5;
/** Pair-feature slots (features that combine several positions, plus bias and gazetteer). */
export const PAIR_SLOTS = 12;
/** Where each role's slots start within a token's slots (roles write 14, 3, 3, 2, 2 slots). */
const ROLE_OFFSET = [0, 14, 17, 20, 22];
/** Slots per token. */
export const FEATURES_PER_TOKEN = 24 + PAIR_SLOTS;

/** Writes the features of word `t` in role `role` (hashes, unmasked; −1 = none) at `out[o..]`. */
export function roleFeatures(t: TokenInfo, role: number, mask: number, out: Int32Array, o: number): number {
  switch (role) {
    case 0:
      out[o] = mix2(T.W0, t.lower) & mask;
      out[o + 1] = mix2(T.Raw0, t.raw) & mask;
      out[o + 2] = mix2(T.Shape0, t.shape) & mask;
      out[o + 3] = mix2(T.Short0, t.short) & mask;
      for (let k = 0; k < 4; k++) {
        out[o + 4 + k] = k < t.pre.length ? mix2(T.P1 + k, t.pre[k]) & mask : -1;
        out[o + 8 + k] = k < t.suf.length ? mix2(T.S1 + k, t.suf[k]) & mask : -1;
      }
      out[o + 12] = t.lex ? mix2(T.Lex0, t.lex) & mask : -1;
      out[o + 13] = t.lex ? mix3(T.Lex0Short0, t.lex, t.short) & mask : -1;
      return 14;
    case 1:
      out[o] = mix2(T.Wm1, t.lower) & mask;
      out[o + 1] = mix2(T.ShortM1, t.short) & mask;
      out[o + 2] = t.lex ? mix2(T.LexM1, t.lex) & mask : -1;
      return 3;
    case 2:
      out[o] = mix2(T.Wp1, t.lower) & mask;
      out[o + 1] = mix2(T.ShortP1, t.short) & mask;
      out[o + 2] = t.lex ? mix2(T.LexP1, t.lex) & mask : -1;
      return 3;
    case 3:
      out[o] = mix2(T.Wm2, t.lower) & mask;
      out[o + 1] = mix2(T.ShortM2, t.short) & mask;
      return 2;
    default:
      out[o] = mix2(T.Wp2, t.lower) & mask;
      out[o + 1] = mix2(T.ShortP2, t.short) & mask;
      return 2;
  }
}

const BIAS = mix2(T.Bias, 0);
/** `mix2(template, sentCase)` for each casing class 0..3 (see `sentenceCase`). */
const CASE_SHORT0 = [0, 1, 2, 3].map((c) => mix2(T.CaseShort0, c));
const CASE_W0 = [0, 1, 2, 3].map((c) => mix2(T.CaseW0, c));
const CASE_LEX0 = [0, 1, 2, 3].map((c) => mix2(T.CaseLex0, c));

/*
 * The pair features one by one (unmasked hashes; −1 = none), grouped by what they depend on so that the
 * runtime can cache each group (see `Tagger`). `pairFeatures` lays them out in slot order.
 */

/** Bias: the same for every token. */
export const biasHash = BIAS;
/** Previous word × this word. */
export const wm1W0Hash = (m1: TokenInfo, t: TokenInfo): number => mix2(m1.pWm1W0, t.lower);
/** Previous word × this word's short shape. */
export const wm1Short0Hash = (m1: TokenInfo, t: TokenInfo): number => mix2(m1.pWm1Short0, t.short);
/** This word × next word. */
export const w0Wp1Hash = (t: TokenInfo, p1: TokenInfo): number => mix2(t.pW0Wp1, p1.lower);
/** This word's short shape × next word. */
export const short0Wp1Hash = (t: TokenInfo, p1: TokenInfo): number => mix2(t.pShort0Wp1, p1.lower);
/** The part of `short3Hash` that depends on the previous word and this word only. */
export const short3Prefix = (m1: TokenInfo, t: TokenInfo): number => mix2(T.Short3, mix2(m1.short, t.short));
/** `short3Hash` from its `short3Prefix` and the next word's `short` hash. */
export const short3FromPrefix = (prefix: number, p1Short: number): number => mix2(prefix, p1Short);
/** Short shapes of the previous, this and the next word. */
export const short3Hash = (m1: TokenInfo, t: TokenInfo, p1: TokenInfo): number => short3FromPrefix(short3Prefix(m1, t), p1.short);
/** Short shape of the first word of a sentence. */
export const firstShort0Hash = (t: TokenInfo): number => mix2(T.FirstShort0, t.short);
/** Multi-word lexicon mark of this word (`gaz` ≠ 0 only). */
export const gaz0Hash = (gaz: number): number => mix2(T.Gaz0, gaz);
/** Previous word's lexicon mark × this word's lexicon classes (`gazM1` or `lex` ≠ 0 only). */
export const gazM1Lex0Hash = (gazM1: number, lex: number): number => mix3(T.GazM1Lex0, gazM1, lex);
/** Sentence casing class × short shape / word / lexicon classes (`sentCase` ≠ 0; the last also `lex` ≠ 0). */
export const caseShort0Hash = (sentCase: number, t: TokenInfo): number => mix2(CASE_SHORT0[sentCase], t.short);
export const caseW0Hash = (sentCase: number, t: TokenInfo): number => mix2(CASE_W0[sentCase], t.lower);
export const caseLex0Hash = (sentCase: number, t: TokenInfo): number => mix2(CASE_LEX0[sentCase], t.lex);

/** Writes the pair features of token i (those combining positions, plus bias and gazetteer) at `out[o..]`. */
export function pairFeatures(
  m1: TokenInfo,
  t: TokenInfo,
  p1: TokenInfo,
  first: boolean,
  gaz: number,
  gazM1: number,
  mask: number,
  out: Int32Array,
  o: number,
  sentCase = 0,
): void {
  out[o] = biasHash & mask;
  out[o + 1] = wm1W0Hash(m1, t) & mask;
  out[o + 2] = w0Wp1Hash(t, p1) & mask;
  out[o + 3] = short3Hash(m1, t, p1) & mask;
  out[o + 4] = first ? firstShort0Hash(t) & mask : -1;
  out[o + 5] = wm1Short0Hash(m1, t) & mask;
  out[o + 6] = short0Wp1Hash(t, p1) & mask;
  out[o + 7] = gaz ? gaz0Hash(gaz) & mask : -1;
  out[o + 8] = gazM1 || t.lex ? gazM1Lex0Hash(gazM1, t.lex) & mask : -1;
  out[o + 9] = sentCase ? caseShort0Hash(sentCase, t) & mask : -1;
  out[o + 10] = sentCase ? caseW0Hash(sentCase, t) & mask : -1;
  out[o + 11] = sentCase && t.lex ? caseLex0Hash(sentCase, t) & mask : -1;
}

/**
 * Casing of one word for `sentenceCase` (ASCII letters only): 0 no letter, 1 no capital, 2 all capitals
 * (at least 2), 3 otherwise.
 */
export function wordCase(w: string): number {
  let up = 0;
  let low = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) low++;
  }
  if (up + low === 0) return 0;
  if (up === 0) return 1;
  if (low === 0 && up > 1) return 2;
  return 3;
}

/** `sentenceCase` from the number of words of each `wordCase` class 1, 2 and 3. */
export function sentenceCaseOf(lower: number, upper: number, cap: number): number {
  const cased = lower + upper + cap;
  if (cased < 3) return 0;
  if (lower === cased) return 1;
  if (upper === cased) return 2;
  if (lower <= cased * 0.15 && cap + upper >= 3) return 3;
  return 0;
}

/**
 * Casing class of a whole sentence: 0 ordinary, 1 no capital letters at all, 2 every cased word in capitals,
 * 3 nearly every word capitalised (headline / title case). Counts ASCII letters only; needs at least 3
 * cased words; else 0.
 */
export function sentenceCase(words: readonly string[]): number {
  const counts = [0, 0, 0, 0];
  for (const w of words) counts[wordCase(w)]++;
  return sentenceCaseOf(counts[1], counts[2], counts[3]);
}

/** Word infos and multi-word lexicon marks of one sentence. */
export interface SentenceInfo {
  info: TokenInfo[];
  /** Per token: 0, or (class + 1) * 4 + position (0 first, 1 inside, 2 last) inside a lexicon name. */
  gaz: Int32Array;
  /** `sentenceCase` of the words. */
  sentCase: number;
}

export function sentenceInfo(words: readonly string[], lex: LexiconFeatures | undefined, cache: Map<string, TokenInfo>): SentenceInfo {
  const n = words.length;
  const info: TokenInfo[] = new Array(n);
  for (let i = 0; i < n; i++) info[i] = tokenInfo(words[i], lex, cache);
  const gaz = new Int32Array(n);
  if (lex?.spanMatch) markGazetteer(words, gaz, lex);
  return { info, gaz, sentCase: sentenceCase(words) };
}

/** `gaz` of position i, with the padding value outside the sentence. */
export function gazAt(gaz: Int32Array, i: number): number {
  return i < 0 || i >= gaz.length ? PAD_GAZ : gaz[i];
}

/**
 * Feature buckets for a sentence: `out[i * FEATURES_PER_TOKEN + k]` is slot k of token i (−1 = none).
 * `mask` = 2^bucketBits − 1. `cache` memoises per-word hashing across calls (bounded).
 */
export function sentenceFeatures(
  words: readonly string[],
  mask: number,
  lex: LexiconFeatures | undefined,
  cache: Map<string, TokenInfo>,
  out: Int32Array,
): void {
  const n = words.length;
  const { info, gaz, sentCase } = sentenceInfo(words, lex, cache);
  const at = (i: number) => (i < 0 ? PAD_BEFORE : i >= n ? PAD_AFTER : info[i]);
  const F = FEATURES_PER_TOKEN;
  for (let i = 0; i < n; i++) {
    const o = i * F;
    roleFeatures(info[i], 0, mask, out, o + ROLE_OFFSET[0]);
    roleFeatures(at(i - 1), 1, mask, out, o + ROLE_OFFSET[1]);
    roleFeatures(at(i + 1), 2, mask, out, o + ROLE_OFFSET[2]);
    roleFeatures(at(i - 2), 3, mask, out, o + ROLE_OFFSET[3]);
    roleFeatures(at(i + 2), 4, mask, out, o + ROLE_OFFSET[4]);
    pairFeatures(at(i - 1), info[i], at(i + 1), i === 0, gaz[i], gazAt(gaz, i - 1), mask, out, o + 24, sentCase);
  }
}

/**
 * Marks multi-word lexicon matches (longest first, left to right, starting at a capitalised word) into
 * `gaz[0 .. words.length)`, which must be zero there.
 */
export function markGazetteer(words: readonly string[], gaz: Int32Array, lex: LexiconFeatures): void {
  const n = words.length;
  let lowers: string[] | undefined;
  for (let i = 0; i < n - 1; ) {
    const c0 = words[i].charCodeAt(0);
    if (!(c0 >= 65 && c0 <= 90) && !(c0 > 127)) {
      i++;
      continue;
    }
    lowers ??= words.map((w) => w.toLowerCase());
    const hit = lex.spanMatch!(lowers, i);
    if (!hit) {
      i++;
      continue;
    }
    const [len, cls] = hit;
    for (let k = 0; k < len; k++) gaz[i + k] = (cls + 1) * 4 + (k === 0 ? 0 : k === len - 1 ? 2 : 1);
    i += len;
  }
}
