import type { EntityType } from "../../model.js";
import {
  FEATURES_PER_TOKEN,
  PAD_AFTER,
  PAD_BEFORE,
  ROLES,
  biasHash,
  caseLex0Hash,
  caseShort0Hash,
  caseW0Hash,
  computeTokenInfo,
  firstShort0Hash,
  fmix,
  gaz0Hash,
  gazAt,
  gazM1Lex0Hash,
  roleFeatures,
  sentenceCaseOf,
  short0Wp1Hash,
  short3FromPrefix,
  short3Prefix,
  w0Wp1Hash,
  wm1Short0Hash,
  wm1W0Hash,
  wordCase,
  type LexiconFeatures,
  type TokenInfo,
} from "./features.js";
import { NUM_LABELS, PART_B, PART_L, PART_U, Scratch, TYPES, backward, marginAt, viterbi } from "./decode.js";
import type { TaggerWeights } from "./model.js";

/** A tagged name over word indices [start, end). */
export interface TaggedSpan {
  start: number;
  end: number;
  type: EntityType;
  /** Smallest per-token max-marginal margin inside the span (perceptron units, ≥ 0). */
  margin: number;
  /** margin / (margin + marginScale): 0.5 at the model's median held-out margin, → 1 as it grows. */
  confidence: number;
}

/**
 * Receives one tagged name: word (or token) indices [start, end), its type, its confidence and margin (see
 * `TaggedSpan`).
 */
export type NameSink = (start: number, end: number, type: EntityType, confidence: number, margin: number) => void;

/** Sentences longer than this many words are tagged in windows of this size. */
const MAX_WORDS = 400;

/** Bounds of a tagger's per-process caches (see `Tagger`). */
export interface TaggerCacheLimits {
  /** Word types kept (about 1 KB each) before the word store is cleared. */
  words: number;
  /** Adjacent word pairs kept (about 0.2 KB each) before the pair table is cleared. */
  pairs: number;
  /** Word windows kept with their multi-word lexicon match (about 40 bytes each) before that table is cleared. */
  windows: number;
}

/** About 35 MB at most (mostly the word store): the common vocabulary of a news feed stays cached. */
export const DEFAULT_CACHE_LIMITS: Readonly<TaggerCacheLimits> = { words: 1 << 15, pairs: 1 << 15, windows: 1 << 15 };

/** Word ids of the virtual words before and after a sentence (kept when the word store is cleared). */
const PAD_BEFORE_ID = 0;
const PAD_AFTER_ID = 1;
/** Longest word window whose `spanMatch` result is cached; longer ones are looked up every time. */
const WINDOW_WORDS = 7;

/**
 * Pair table entry layout, in Int32 slots: the keys (word ids a, b), the pair's `short3Prefix`, then the
 * first word's next-word sums and the second word's previous-word sums (`NUM_LABELS` each). An entry is
 * padded to 128 bytes, so that one lookup touches two cache lines.
 */
const PAIR_STRIDE = 32;
const PAIR_SHORT3 = 2;
const PAIR_NEXT = 3;
const PAIR_PREV = PAIR_NEXT + NUM_LABELS;

/**
 * Runs a trained model over word sequences. Not thread-safe (reuses buffers).
 *
 * Emission scores are the training features' weights summed in parts. Per word type (word store, indexed
 * by word id): the summed weights of the word in each role (float sums in slot order, as in training) and
 * its lexicon and casing properties. Per adjacent word pair (pair table): the exact integer sums of the
 * pair features that depend on those two words only. Per token: the remaining pair features. Multi-word
 * lexicon matches are cached per window of word ids (window table). The word store and the tables are
 * bounded by `TaggerCacheLimits`, each cleared between sentences when a sentence could pass its limit
 * (clearing the word store clears the tables, whose keys are word ids).
 */
export class Tagger {
  /** Scratch for one word's feature buckets. */
  private readonly slots = new Int32Array(FEATURES_PER_TOKEN);
  private em = new Float64Array(0);
  private labels = new Int32Array(0);
  private readonly scratch = new Scratch();
  /** Integer sums of one token's rarer quantized pair-feature weights (exact: |sum| < 2^31). */
  private readonly acc = new Int32Array(NUM_LABELS);
  private readonly mask: number;

  /** Word store: ids by word text (the padding ids are not in the map). */
  private readonly wordIds = new Map<string, number>();
  private wordCount = 0;
  private wordInfo: TokenInfo[] = [];
  private wordLower: string[] = [];
  /** Summed weights of word `id` in role `r`, label y: `wordVec[(id * ROLES + r) * L + y]` (perceptron units). */
  private wordVec = new Float64Array(0);
  /** Row offset in `model.w` of the word's `GazM1Lex0` feature when the previous word has no lexicon mark (or the zero row). */
  private wordLexRow = new Int32Array(0);
  /** `wordCase` class of the word. */
  private wordCase = new Uint8Array(0);
  /** `TokenInfo.short` of the word (its short-shape hash). */
  private wordShort = new Int32Array(0);
  /**
   * Longest multi-word lexicon name that may start at the word (`maxSpan`; 255 when unknown), or 0 when
   * none may (not capitalised, or no lexicon).
   */
  private wordSpanMax = new Uint8Array(0);

  /** Pair table: open addressing over `pairAt` (entry index or −1) into `pairs`. */
  private readonly pairAt: Int32Array;
  /**
   * Entry k at `pairs[k * PAIR_STRIDE ..]` (see `PAIR_STRIDE`): the next-word sums are the pair features of
   * the first word that depend on the second (next-word templates); the previous-word sums those of the
   * second word that depend on the first (previous-word templates) plus the bias. Quantized integer units.
   */
  private pairs = new Int32Array(0);
  private pairCount = 0;

  /**
   * Window table: `spanMatch` results per window of word ids (open addressing over `windowAt`). Entry k has
   * key `windowKeys[k * (WINDOW_WORDS + 1) ..]` (length, then ids) and result `windowHits[2k]` (match
   * length, 0 none), `windowHits[2k + 1]` (class).
   */
  private readonly windowAt: Int32Array;
  private windowKeys = new Int32Array(0);
  private windowHits = new Int32Array(0);
  private windowCount = 0;
  /** Class of the last match found by `spanAt` / `lookupSpan`. */
  private spanClass = 0;

  /**
   * Per-sentence scratch: word ids, pair entry offsets (n + 1), lexicon marks, lower-cased words (filled by
   * `markSpans` on its first lookup only), names found (start, end, type index).
   */
  private ids = new Int32Array(64);
  private pairOff = new Int32Array(65);
  private gaz = new Int32Array(64);
  private readonly lowers: string[] = [];
  private lowersFilled = false;
  private readonly found = new Int32Array(3 * MAX_WORDS);

  constructor(
    readonly model: TaggerWeights,
    readonly lexicon: LexiconFeatures | undefined,
    readonly marginScale: number,
    readonly limits: Readonly<TaggerCacheLimits> = DEFAULT_CACHE_LIMITS,
  ) {
    this.mask = (1 << model.bucketBits) - 1;
    let slots = 1;
    while (slots < 2 * (limits.pairs + MAX_WORDS + 1)) slots *= 2;
    this.pairAt = new Int32Array(slots).fill(-1);
    slots = 1;
    while (slots < 2 * (limits.windows + MAX_WORDS)) slots *= 2;
    this.windowAt = new Int32Array(slots).fill(-1);
    this.clearWords();
  }

  /** Number of word types, word pairs and word windows held (for checks of the cache bounds). */
  get cacheSize(): { words: number; pairs: number; windows: number } {
    return { words: this.wordIds.size, pairs: this.pairCount, windows: this.windowCount };
  }

  /** Offset in `model.w` of the weight row of a feature hash, or −1 when the bucket was pruned. */
  private rowAt(hash: number): number {
    return this.model.rowOf[hash & this.mask] - 1;
  }

  /** `rowAt`, with the model's zero row for a pruned bucket. */
  private rowOrZero(hash: number): number {
    const r = this.model.rowOf[hash & this.mask] - 1;
    return r < 0 ? this.model.zeroRow : r;
  }

  /** Empties the word store (keeping the padding words) and the tables whose keys are word ids. */
  private clearWords(): void {
    this.wordIds.clear();
    this.wordCount = 0;
    this.addWord(PAD_BEFORE, "");
    this.addWord(PAD_AFTER, "");
    this.clearPairs();
    this.clearWindows();
  }

  private clearPairs(): void {
    this.pairAt.fill(-1);
    this.pairCount = 0;
  }

  private clearWindows(): void {
    this.windowAt.fill(-1);
    this.windowCount = 0;
  }

  /** Id of a word, added to the store on first sight. */
  private wordId(word: string): number {
    const id = this.wordIds.get(word);
    if (id !== undefined) return id;
    const added = this.addWord(computeTokenInfo(word, this.lexicon), word);
    this.wordIds.set(word, added);
    return added;
  }

  /** Stores a word's info, role vectors, lexicon row, casing class and span bound under the next id. */
  private addWord(info: TokenInfo, word: string): number {
    const L = NUM_LABELS;
    const id = this.wordCount++;
    if (id >= this.wordCase.length) {
      const size = Math.max(1024, 2 * this.wordCase.length);
      const vec = new Float64Array(size * ROLES * L);
      vec.set(this.wordVec);
      this.wordVec = vec;
      const lexRow = new Int32Array(size);
      lexRow.set(this.wordLexRow);
      this.wordLexRow = lexRow;
      const cases = new Uint8Array(size);
      cases.set(this.wordCase);
      this.wordCase = cases;
      const spanMax = new Uint8Array(size);
      spanMax.set(this.wordSpanMax);
      this.wordSpanMax = spanMax;
      const short = new Int32Array(size);
      short.set(this.wordShort);
      this.wordShort = short;
    }
    const lower = word.toLowerCase();
    this.wordInfo[id] = info;
    this.wordLower[id] = lower;
    const { w, scale } = this.model;
    const vec = this.wordVec;
    const slots = this.slots;
    const base = id * ROLES * L;
    vec.fill(0, base, base + ROLES * L);
    for (let role = 0; role < ROLES; role++) {
      const o = base + role * L;
      const k = roleFeatures(info, role, this.mask, slots, 0);
      for (let j = 0; j < k; j++) {
        const b = slots[j];
        if (b < 0) continue;
        const r = this.model.rowOf[b] - 1;
        if (r < 0) continue;
        for (let y = 0; y < L; y++) vec[o + y] += w[r + y] * scale;
      }
    }
    this.wordLexRow[id] = info.lex ? this.rowOrZero(gazM1Lex0Hash(0, info.lex)) : this.model.zeroRow;
    const c0 = word.charCodeAt(0);
    const capital = (c0 >= 65 && c0 <= 90) || c0 > 127;
    const lex = this.lexicon;
    const spans = capital && lex?.spanMatch !== undefined;
    this.wordSpanMax[id] = !spans ? 0 : lex.maxSpan === undefined ? 255 : Math.min(255, lex.maxSpan(lower));
    this.wordCase[id] = wordCase(word);
    this.wordShort[id] = info.short;
    return id;
  }

  /** Offset in `pairs` of the entry of word ids (a, b), computed on first sight. */
  private pairEntry(a: number, b: number): number {
    const at = this.pairAt;
    const slotMask = at.length - 1;
    let s = fmix((Math.imul(a, 0x9e3779b1) ^ b) >>> 0) & slotMask;
    for (let k = at[s]; k >= 0; k = at[s]) {
      const o = k * PAIR_STRIDE;
      if (this.pairs[o] === a && this.pairs[o + 1] === b) return o;
      s = (s + 1) & slotMask;
    }
    const k = this.pairCount++;
    const capacity = this.pairs.length / PAIR_STRIDE;
    if (k >= capacity) {
      const grown = new Int32Array(Math.max(1024, 2 * capacity) * PAIR_STRIDE);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    at[s] = k;
    const pairs = this.pairs;
    const o = k * PAIR_STRIDE;
    const A = this.wordInfo[a];
    const B = this.wordInfo[b];
    pairs.fill(0, o, o + PAIR_STRIDE);
    pairs[o] = a;
    pairs[o + 1] = b;
    pairs[o + PAIR_SHORT3] = short3Prefix(A, B);
    this.addRow(pairs, o + PAIR_NEXT, w0Wp1Hash(A, B));
    this.addRow(pairs, o + PAIR_NEXT, short0Wp1Hash(A, B));
    this.addRow(pairs, o + PAIR_PREV, biasHash);
    this.addRow(pairs, o + PAIR_PREV, wm1W0Hash(A, B));
    this.addRow(pairs, o + PAIR_PREV, wm1Short0Hash(A, B));
    return o;
  }

  /** Adds the quantized weight row of a feature hash (if kept) to `out[o .. o + L)`. */
  private addRow(out: Int32Array, o: number, hash: number): void {
    const r = this.rowAt(hash);
    if (r < 0) return;
    const w = this.model.w;
    for (let y = 0; y < NUM_LABELS; y++) out[o + y] += w[r + y];
  }

  /**
   * Marks multi-word lexicon names like `markGazetteer` (longest first, left to right, starting at a
   * capitalised word) into `gaz[0 .. n)`, trying only words where a name of 2 or more words may start.
   */
  private markSpans(n: number): void {
    const { ids, gaz, wordSpanMax } = this;
    this.lowersFilled = false;
    for (let i = 0; i < n - 1; ) {
      const max = Math.min(wordSpanMax[ids[i]], n - i);
      const len = max < 2 ? 0 : this.spanAt(i, max, n);
      if (len === 0) {
        i++;
        continue;
      }
      const cls = this.spanClass;
      for (let k = 0; k < len; k++) gaz[i + k] = (cls + 1) * 4 + (k === 0 ? 0 : k === len - 1 ? 2 : 1);
      i += len;
    }
  }

  /**
   * Length of the lexicon name that `spanMatch` finds at word i of the sentence (0 none; its class in
   * `spanClass`). Its result depends on words [i, i + max) only (max ≥ 2: `wordSpanMax` clipped to the
   * sentence), so it is cached per window of word ids.
   */
  private spanAt(i: number, max: number, n: number): number {
    const ids = this.ids;
    if (max > WINDOW_WORDS) return this.lookupSpan(i, n, n);
    const K = WINDOW_WORDS + 1;
    const at = this.windowAt;
    const slotMask = at.length - 1;
    let h = max;
    for (let k = 0; k < max; k++) h = Math.imul(h ^ ids[i + k], 0x9e3779b1);
    let s = fmix(h >>> 0) & slotMask;
    const keys = this.windowKeys;
    for (let e = at[s]; e >= 0; e = at[s]) {
      let same = keys[e * K] === max;
      for (let k = 0; same && k < max; k++) same = keys[e * K + 1 + k] === ids[i + k];
      if (same) {
        this.spanClass = this.windowHits[2 * e + 1];
        return this.windowHits[2 * e];
      }
      s = (s + 1) & slotMask;
    }
    const len = this.lookupSpan(i, i + max, n);
    const e = this.windowCount++;
    const capacity = this.windowHits.length / 2;
    if (e >= capacity) {
      const size = Math.max(1024, 2 * capacity);
      const grownKeys = new Int32Array(size * K);
      grownKeys.set(this.windowKeys);
      this.windowKeys = grownKeys;
      const hits = new Int32Array(2 * size);
      hits.set(this.windowHits);
      this.windowHits = hits;
    }
    at[s] = e;
    this.windowKeys[e * K] = max;
    for (let k = 0; k < max; k++) this.windowKeys[e * K + 1 + k] = ids[i + k];
    this.windowHits[2 * e] = len;
    this.windowHits[2 * e + 1] = this.spanClass;
    return len;
  }

  /**
   * `spanMatch` at word i over words [i, end) of the n-word sentence: the match length (0 none), its class in
   * `spanClass`.
   */
  private lookupSpan(i: number, end: number, n: number): number {
    const lowers = this.lowers;
    if (!this.lowersFilled) {
      for (let k = 0; k < n; k++) lowers[k] = this.wordLower[this.ids[k]];
      this.lowersFilled = true;
    }
    const hit = this.lexicon!.spanMatch!(lowers, i, end);
    this.spanClass = hit ? hit[1] : 0;
    return hit ? hit[0] : 0;
  }

  /**
   * Makes room for a sentence of n words (1 ≤ n ≤ `MAX_WORDS`): grows the per-sentence buffers and clears
   * each cache that n more entries could take past its limit. Then `ids[0 .. n)` may be filled by `wordId`.
   */
  private prepare(n: number): void {
    const L = NUM_LABELS;
    if (this.em.length < n * L) {
      const size = Math.max(n * L, 2 * this.em.length);
      this.em = new Float64Array(size);
      this.labels = new Int32Array(size);
    }
    if (this.ids.length < n) {
      const size = Math.max(n, 2 * this.ids.length);
      this.ids = new Int32Array(size);
      this.pairOff = new Int32Array(size + 1);
      this.gaz = new Int32Array(size);
    }
    if (this.wordCount + n > this.limits.words) this.clearWords();
    if (this.pairCount + n + 1 > this.limits.pairs) this.clearPairs();
    if (this.windowCount + n > this.limits.windows) this.clearWindows();
  }

  /** Prepares for the words and puts their ids in `ids[0 .. n)`. */
  private readWords(words: readonly string[]): void {
    this.prepare(words.length);
    const ids = this.ids;
    for (let i = 0; i < words.length; i++) ids[i] = this.wordId(words[i]);
  }

  /**
   * Emission scores `em[i * L + y]` for the n words whose ids are in `ids`: the role vectors of the token and
   * its ±2 neighbours (float, added in role order) plus the exact integer sum of its pair features times the
   * scale. Same features as training (`sentenceFeatures`).
   */
  private emissions(n: number): Float64Array {
    const L = NUM_LABELS;
    const { ids, gaz, pairOff, wordCase: cases, wordSpanMax } = this;
    let lower = 0;
    let upper = 0;
    let cap = 0;
    let spans = false;
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      const c = cases[id];
      if (c === 1) lower++;
      else if (c === 2) upper++;
      else if (c === 3) cap++;
      if (wordSpanMax[id] >= 2) spans = true;
    }
    const sentCase = sentenceCaseOf(lower, upper, cap);
    gaz.fill(0, 0, n);
    if (spans) this.markSpans(n);
    for (let j = 0; j <= n; j++) pairOff[j] = this.pairEntry(j > 0 ? ids[j - 1] : PAD_BEFORE_ID, j < n ? ids[j] : PAD_AFTER_ID);
    const { w, scale } = this.model;
    const em = this.em;
    const vec = this.wordVec;
    const pv = this.pairs;
    const short = this.wordShort;
    const info = this.wordInfo;
    const acc = this.acc;
    const R = ROLES * L;
    for (let i = 0; i < n; i++) {
      const t = ids[i];
      const m1 = i >= 1 ? ids[i - 1] : PAD_BEFORE_ID;
      const p1 = i + 1 < n ? ids[i + 1] : PAD_AFTER_ID;
      const left = pairOff[i] + PAIR_PREV;
      const right = pairOff[i + 1] + PAIR_NEXT;
      const s3 = this.rowOrZero(short3FromPrefix(pv[pairOff[i] + PAIR_SHORT3], short[p1]));
      const gazM1 = gazAt(gaz, i - 1);
      const lx = gazM1 === 0 ? this.wordLexRow[t] : this.rowOrZero(gazM1Lex0Hash(gazM1, info[t].lex));
      const own = t * R;
      const vm1 = m1 * R + L;
      const vp1 = p1 * R + 2 * L;
      const vm2 = (i >= 2 ? ids[i - 2] : PAD_BEFORE_ID) * R + 3 * L;
      const vp2 = (i + 2 < n ? ids[i + 2] : PAD_AFTER_ID) * R + 4 * L;
      const e = i * L;
      if (i > 0 && gaz[i] === 0 && sentCase === 0) {
        for (let y = 0; y < L; y++) {
          em[e + y] = vec[own + y] + vec[vm1 + y] + vec[vp1 + y] + vec[vm2 + y] + vec[vp2 + y] + (pv[left + y] + pv[right + y] + w[s3 + y] + w[lx + y]) * scale;
        }
        continue;
      }
      // Rarer features: the first word's shape, a lexicon mark, the sentence's casing class.
      const ti = info[t];
      acc.fill(0);
      if (i === 0) this.addRow(acc, 0, firstShort0Hash(ti));
      if (gaz[i]) this.addRow(acc, 0, gaz0Hash(gaz[i]));
      if (sentCase) {
        this.addRow(acc, 0, caseShort0Hash(sentCase, ti));
        this.addRow(acc, 0, caseW0Hash(sentCase, ti));
        if (ti.lex) this.addRow(acc, 0, caseLex0Hash(sentCase, ti));
      }
      for (let y = 0; y < L; y++) {
        em[e + y] = vec[own + y] + vec[vm1 + y] + vec[vp1 + y] + vec[vm2 + y] + vec[vp2 + y] + (pv[left + y] + pv[right + y] + w[s3 + y] + w[lx + y] + acc[y]) * scale;
      }
    }
    return em;
  }

  /** A copy of the emission scores of the words (`n × NUM_LABELS`), for checks. */
  scores(words: readonly string[]): Float64Array {
    this.readWords(words);
    return this.emissions(words.length).slice(0, words.length * NUM_LABELS);
  }

  /** Tags one sentence's words; returns names in order. */
  tag(words: readonly string[]): TaggedSpan[] {
    const out: TaggedSpan[] = [];
    for (let s = 0; s < words.length; s += MAX_WORDS) {
      this.readWords(s === 0 && words.length <= MAX_WORDS ? words : words.slice(s, s + MAX_WORDS));
      this.decode(Math.min(MAX_WORDS, words.length - s), s, (start, end, type, confidence, margin) => out.push({ start, end, type, margin, confidence }));
    }
    return out;
  }

  /**
   * Tags the sentence whose words are `tokens[from .. to).text` like `tag`, passing each name to `onName`
   * in order, with token indices.
   */
  tagTokens(tokens: readonly { readonly text: string }[], from: number, to: number, onName: NameSink): void {
    for (let s = from; s < to; s += MAX_WORDS) {
      const n = Math.min(MAX_WORDS, to - s);
      this.prepare(n);
      const ids = this.ids;
      for (let i = 0; i < n; i++) ids[i] = this.wordId(tokens[s + i].text);
      this.decode(n, s, onName);
    }
  }

  /**
   * Decodes the n words in `ids` (1 ≤ n ≤ `MAX_WORDS`) and passes their names to `onName` in order, word
   * indices shifted by `offset`. Names are read off the labels as `spansOf` reads them; the backward pass
   * runs down to the first name's start, and margins are computed at the names' tokens only.
   */
  private decode(n: number, offset: number, onName: NameSink): void {
    const em = this.emissions(n);
    const { trans } = this.model;
    const labels = this.labels;
    viterbi(em, n, trans, labels, this.scratch);
    const found = this.found;
    let count = 0;
    let start = -1;
    for (let i = 0; i < n; i++) {
      const y = labels[i];
      if (y === 0) continue;
      const part = (y - 1) % 4;
      if (part === PART_U) {
        found[count++] = i;
        found[count++] = i + 1;
        found[count++] = (y - 1) >> 2;
      } else if (part === PART_B) start = i;
      else if (part === PART_L && start >= 0) {
        found[count++] = start;
        found[count++] = i + 1;
        found[count++] = (y - 1) >> 2;
        start = -1;
      }
    }
    if (count === 0) return;
    const scratch = this.scratch;
    backward(em, n, trans, scratch, found[0]);
    for (let k = 0; k < count; k += 3) {
      let m = Infinity;
      for (let i = found[k]; i < found[k + 1]; i++) m = Math.min(m, marginAt(scratch, labels, i));
      const margin = Number.isFinite(m) ? Math.max(0, m) : 1e6;
      onName(offset + found[k], offset + found[k + 1], TYPES[found[k + 2]], margin / (margin + this.marginScale), margin);
    }
  }
}
