import type { EntityType } from "../../model.js";
import {
  FEATURES_PER_TOKEN,
  PAIR_SLOTS,
  PAD_AFTER,
  PAD_BEFORE,
  ROLES,
  gazAt,
  markGazetteer,
  pairFeatures,
  roleFeatures,
  sentenceCase,
  tokenInfo,
  type LexiconFeatures,
  type TokenInfo,
} from "./features.js";
import { NUM_LABELS, Scratch, TYPES, margins, spansOf, viterbi } from "./decode.js";
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

/** Sentences longer than this many words are tagged in windows of this size. */
const MAX_WORDS = 400;

/** Runs a trained model over word sequences. Not thread-safe (reuses buffers). */
export class Tagger {
  /** Scratch for one word's or one token's feature buckets. */
  private readonly slots = new Int32Array(FEATURES_PER_TOKEN);
  private readonly padBefore: Float64Array;
  private readonly padAfter: Float64Array;
  private em = new Float64Array(0);
  private labels = new Int32Array(0);
  private marg = new Float64Array(0);
  private readonly scratch = new Scratch();
  /** Integer sums of one token's quantized weights (exact: |sum| < 2^31). */
  private readonly acc = new Int32Array(NUM_LABELS);
  private readonly cache = new Map<string, TokenInfo>();
  /** Per-sentence word infos, role vectors and lexicon marks (reused; entries past the sentence are stale). */
  private readonly info: TokenInfo[] = [];
  private readonly vecs: Float64Array[] = [];
  private gaz = new Int32Array(64);
  private readonly mask: number;

  constructor(
    readonly model: TaggerWeights,
    readonly lexicon: LexiconFeatures | undefined,
    readonly marginScale: number,
  ) {
    this.mask = (1 << model.bucketBits) - 1;
    this.padBefore = this.roleVectors(PAD_BEFORE);
    this.padAfter = this.roleVectors(PAD_AFTER);
  }

  /** Summed weights of word `t` in each role (`ROLES × L`), computed once per word type. */
  private roleVectors(t: TokenInfo): Float64Array {
    if (t.vec) return t.vec;
    const L = NUM_LABELS;
    const { rowOf, w, scale } = this.model;
    const vec = new Float64Array(ROLES * L);
    const slots = this.slots;
    for (let role = 0; role < ROLES; role++) {
      const k = roleFeatures(t, role, this.mask, slots, 0);
      for (let j = 0; j < k; j++) {
        const b = slots[j];
        if (b < 0) continue;
        const r = rowOf[b] - 1;
        if (r < 0) continue;
        for (let y = 0; y < L; y++) vec[role * L + y] += w[r + y] * scale;
      }
    }
    if (t === PAD_BEFORE || t === PAD_AFTER) return vec;
    t.vec = vec;
    return vec;
  }

  /**
   * Emission scores `em[i * L + y]` for the words: per-word role vectors (cached per word type) plus the
   * pair features looked up per token. Same features as training (`sentenceFeatures`).
   */
  private emissions(words: readonly string[]): Float64Array {
    const n = words.length;
    const L = NUM_LABELS;
    if (this.em.length < n * L) {
      const size = Math.max(n * L, 2 * this.em.length);
      this.em = new Float64Array(size);
      this.labels = new Int32Array(size);
      this.marg = new Float64Array(size);
    }
    // Same as `sentenceInfo`, into reused buffers (`gazAt(gaz, -1)` is still the padding value).
    const info = this.info;
    for (let i = 0; i < n; i++) info[i] = tokenInfo(words[i], this.lexicon, this.cache);
    if (this.gaz.length < n) this.gaz = new Int32Array(Math.max(n, 2 * this.gaz.length));
    const gaz = this.gaz;
    gaz.fill(0, 0, n);
    if (this.lexicon?.spanMatch) markGazetteer(words, gaz, this.lexicon);
    const sentCase = sentenceCase(words);
    const { rowOf, w, scale } = this.model;
    const em = this.em;
    const slots = this.slots;
    const padBefore = this.padBefore;
    const padAfter = this.padAfter;
    const vecs = this.vecs;
    for (let i = 0; i < n; i++) vecs[i] = this.roleVectors(info[i]);
    for (let i = 0; i < n; i++) {
      const e = i * L;
      const own = vecs[i];
      const m1 = i >= 1 ? vecs[i - 1] : padBefore;
      const p1 = i + 1 < n ? vecs[i + 1] : padAfter;
      const m2 = i >= 2 ? vecs[i - 2] : padBefore;
      const p2 = i + 2 < n ? vecs[i + 2] : padAfter;
      for (let y = 0; y < L; y++) em[e + y] = own[y] + m1[L + y] + p1[2 * L + y] + m2[3 * L + y] + p2[4 * L + y];
      pairFeatures(
        i >= 1 ? info[i - 1] : PAD_BEFORE,
        info[i],
        i + 1 < n ? info[i + 1] : PAD_AFTER,
        i === 0,
        gaz[i],
        gazAt(gaz, i - 1),
        this.mask,
        slots,
        0,
        sentCase,
      );
      const acc = this.acc;
      acc.fill(0);
      for (let j = 0; j < PAIR_SLOTS; j++) {
        const b = slots[j];
        if (b < 0) continue;
        const r = rowOf[b] - 1;
        if (r < 0) continue;
        for (let y = 0; y < L; y++) acc[y] += w[r + y];
      }
      for (let y = 0; y < L; y++) em[e + y] += acc[y] * scale;
    }
    return em;
  }

  /** A copy of the emission scores of the words (`n × NUM_LABELS`), for checks. */
  scores(words: readonly string[]): Float64Array {
    return this.emissions(words).slice(0, words.length * NUM_LABELS);
  }

  /** Tags one sentence's words; returns names in order. */
  tag(words: readonly string[]): TaggedSpan[] {
    if (words.length > MAX_WORDS) {
      const out: TaggedSpan[] = [];
      for (let s = 0; s < words.length; s += MAX_WORDS) {
        for (const t of this.tag(words.slice(s, s + MAX_WORDS))) out.push({ ...t, start: t.start + s, end: t.end + s });
      }
      return out;
    }
    const n = words.length;
    if (n === 0) return [];
    const em = this.emissions(words);
    const { trans } = this.model;
    viterbi(em, n, trans, this.labels, this.scratch);
    const spans = spansOf(this.labels.subarray(0, n));
    if (spans.length === 0) return [];
    margins(em, n, trans, this.labels, this.scratch, this.marg, spans[0].start, spans[spans.length - 1].end);
    return spans.map((s) => {
      let m = Infinity;
      for (let i = s.start; i < s.end; i++) m = Math.min(m, this.marg[i]);
      const margin = Number.isFinite(m) ? Math.max(0, m) : 1e6;
      return { start: s.start, end: s.end, type: TYPES[s.typeIndex], margin, confidence: margin / (margin + this.marginScale) };
    });
  }
}
