import { tokenizeRange } from "../tokens/index.js";
import type { NerSentence } from "../../eval/datasets/types.js";
import { FEATURES_PER_TOKEN, sentenceFeatures, type LexiconFeatures, type TokenInfo } from "./features.js";
import { NUM_LABELS, Scratch, TYPES, constrain, labelsOf, viterbi, type LabelSpan } from "./decode.js";
import { mulberry32 } from "../../util/random.js";

/** A training sentence in runtime tokens: words as the project's tokenizer splits them, gold BILOU labels. */
export interface TrainExample {
  words: string[];
  labels: Int32Array;
}

/**
 * Re-tokenizes a gold sentence the way the runtime does: gold tokens are joined by single spaces and
 * split by `tokenizeRange`, and gold spans are carried over by character offsets. Gold tokens are
 * never merged, so every gold boundary is a runtime token boundary.
 */
export function toExample(s: NerSentence): TrainExample {
  const starts: number[] = [];
  let text = "";
  for (const t of s.tokens) {
    if (text) text += " ";
    starts.push(text.length);
    text += t;
  }
  const toks = tokenizeRange(text);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  toks.forEach((t, i) => {
    byStart.set(t.start, i);
    byEnd.set(t.end, i);
  });
  const spans: LabelSpan[] = [];
  for (const g of s.spans) {
    const cs = starts[g.start];
    const ce = starts[g.end - 1] + s.tokens[g.end - 1].length;
    const a = byStart.get(cs);
    const b = byEnd.get(ce);
    if (a === undefined || b === undefined || b < a) continue;
    spans.push({ start: a, end: b + 1, typeIndex: TYPES.indexOf(g.type) });
  }
  return { words: toks.map((t) => t.text), labels: labelsOf(toks.length, spans) };
}

export interface TrainOptions {
  /** Hash table size = 2^bucketBits rows. */
  bucketBits: number;
  /** Passes over the data (fixed; no early stopping, for reproducibility). */
  epochs: number;
  /** Seed of the per-epoch shuffle. */
  seed: number;
  lexicon?: LexiconFeatures;
  /** Called after each epoch with the number of sentences that had a mistake. */
  onEpoch?: (epoch: number, mistakes: number) => void;
}

/** Averaged weights: dense `2^bucketBits × L` and raw (unconstrained) `(L+1)²` transitions. */
export interface TrainedWeights {
  dense: Float32Array;
  trans: Float64Array;
}

/**
 * Trains an averaged structured perceptron (Collins 2002) with BILOU-constrained Viterbi.
 * Deterministic: same examples and options → same weights.
 */
export function trainPerceptron(examples: readonly TrainExample[], opts: TrainOptions): TrainedWeights {
  const L = NUM_LABELS;
  const F = FEATURES_PER_TOKEN;
  const W = L + 1;
  const nb = 1 << opts.bucketBits;
  const mask = nb - 1;
  const offsets = new Int32Array(examples.length + 1);
  for (let i = 0; i < examples.length; i++) offsets[i + 1] = offsets[i] + examples[i].words.length;
  const feats = new Int32Array(offsets[examples.length] * F);
  const cache = new Map<string, TokenInfo>();
  let buf = new Int32Array(64 * F);
  examples.forEach((ex, i) => {
    if (buf.length < ex.words.length * F) buf = new Int32Array(ex.words.length * F * 2);
    sentenceFeatures(ex.words, mask, opts.lexicon, cache, buf);
    feats.set(buf.subarray(0, ex.words.length * F), offsets[i] * F);
  });

  const w = new Float32Array(nb * L);
  const u = new Float64Array(nb * L);
  const tw = new Float64Array(W * W);
  const tu = new Float64Array(W * W);
  const scratch = new Scratch();
  let em = new Float64Array(0);
  let pred = new Int32Array(0);
  const order = Array.from(examples.keys());
  const rand = mulberry32(opts.seed);
  let c = 1;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mistakes = 0;
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.words.length;
      if (n === 0) continue;
      if (em.length < n * L) {
        em = new Float64Array(n * L * 2);
        pred = new Int32Array(n * L * 2);
      }
      const base = offsets[idx] * F;
      em.fill(0, 0, n * L);
      for (let t = 0; t < n; t++) {
        for (let k = base + t * F, end = k + F; k < end; k++) {
          const b = feats[k];
          if (b < 0) continue;
          const row = b * L;
          for (let y = 0; y < L; y++) em[t * L + y] += w[row + y];
        }
      }
      viterbi(em, n, constrain(tw), pred, scratch);
      const gold = ex.labels;
      let wrong = false;
      for (let t = 0; t <= n; t++) {
        const gp = t === 0 ? L : gold[t - 1];
        const pp = t === 0 ? L : pred[t - 1];
        const gc = t === n ? L : gold[t];
        const pc = t === n ? L : pred[t];
        if (gp !== pp || gc !== pc) {
          tw[gp * W + gc] += 1;
          tu[gp * W + gc] += c;
          tw[pp * W + pc] -= 1;
          tu[pp * W + pc] -= c;
        }
        if (t < n && gold[t] !== pred[t]) {
          wrong = true;
          const g = gold[t];
          const p = pred[t];
          for (let k = base + t * F, end = k + F; k < end; k++) {
            const b = feats[k];
            if (b < 0) continue;
            w[b * L + g] += 1;
            u[b * L + g] += c;
            w[b * L + p] -= 1;
            u[b * L + p] -= c;
          }
        }
      }
      if (wrong) mistakes++;
      c++;
    }
    opts.onEpoch?.(epoch, mistakes);
  }
  const dense = new Float32Array(nb * L);
  for (let i = 0; i < dense.length; i++) dense[i] = w[i] - u[i] / c;
  const trans = new Float64Array(W * W);
  for (let i = 0; i < trans.length; i++) trans[i] = tw[i] - tu[i] / c;
  return { dense, trans };
}
