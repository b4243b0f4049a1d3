import type { EntityType } from "../../model.js";

/** Entity types in label order. */
export const TYPES: readonly EntityType[] = ["person", "organization", "place"];
const TYPE_TAGS = ["PER", "ORG", "LOC"];
const PARTS = ["B", "I", "L", "U"] as const;

/** Parts B, L and U as numbers (index in B, I, L, U order): label y ≥ 1 has part (y − 1) % 4. */
export const PART_B = 0;
export const PART_L = 2;
export const PART_U = 3;

/** BILOU labels: 0 = O, then B/I/L/U for each type: label = 1 + 4 * typeIndex + part. */
export const LABELS: readonly string[] = ["O", ...TYPE_TAGS.flatMap((t) => PARTS.map((p) => `${p}-${t}`))];
/** Number of labels (13). */
export const NUM_LABELS = LABELS.length;

const partOf = (y: number) => (y === 0 ? "O" : PARTS[(y - 1) % 4]);
const typeOf = (y: number) => (y === 0 ? -1 : Math.floor((y - 1) / 4));

/** Label id for a part of a type index. */
export function label(part: "B" | "I" | "L" | "U", typeIndex: number): number {
  return 1 + 4 * typeIndex + PARTS.indexOf(part);
}

/** True when label `b` may follow label `a` (a = -1: sentence start). */
export function allowed(a: number, b: number): boolean {
  const pa = a < 0 ? "O" : partOf(a);
  const pb = partOf(b);
  const open = pa === "B" || pa === "I";
  if (!open) return pb === "O" || pb === "B" || pb === "U";
  return (pb === "I" || pb === "L") && typeOf(a) === typeOf(b);
}

/** True when a sentence may end on label `a`. */
export function allowedEnd(a: number): boolean {
  const p = partOf(a);
  return p === "O" || p === "L" || p === "U";
}

/** Token spans [start, end) with a type index, read off a BILOU label sequence. */
export interface LabelSpan {
  start: number;
  end: number;
  typeIndex: number;
}

/** Reads entity spans off a valid BILOU sequence. */
export function spansOf(labels: ArrayLike<number>): LabelSpan[] {
  const out: LabelSpan[] = [];
  let start = -1;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    const p = partOf(y);
    if (p === "U") out.push({ start: i, end: i + 1, typeIndex: typeOf(y) });
    else if (p === "B") start = i;
    else if (p === "L" && start >= 0) {
      out.push({ start, end: i + 1, typeIndex: typeOf(y) });
      start = -1;
    }
  }
  return out;
}

/** BILOU labels for token spans over `n` tokens (spans must not overlap). */
export function labelsOf(n: number, spans: readonly LabelSpan[]): Int32Array {
  const y = new Int32Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) y[s.start] = label("U", s.typeIndex);
    else {
      y[s.start] = label("B", s.typeIndex);
      for (let i = s.start + 1; i < s.end - 1; i++) y[i] = label("I", s.typeIndex);
      y[s.end - 1] = label("L", s.typeIndex);
    }
  }
  return y;
}

/**
 * Transition scores, `(L + 1) × (L + 1)`: row/column L is the sentence boundary. `trans[a * (L+1) + b]`
 * scores label b after a. Disallowed BILOU moves are forced to −∞ by `constrain`.
 */
export function constrain(trans: Float64Array | Float32Array): Float64Array {
  const L = NUM_LABELS;
  const W = L + 1;
  const out = new Float64Array(W * W);
  for (let a = -1; a < L; a++) {
    const row = a < 0 ? L : a;
    for (let b = 0; b < L; b++) out[row * W + b] = allowed(a, b) ? trans[row * W + b] : -Infinity;
  }
  for (let a = 0; a < L; a++) out[a * W + L] = allowedEnd(a) ? trans[a * W + L] : -Infinity;
  return out;
}

/** Finite (allowed) moves of a transition table, as CSR lists in ascending label order. */
interface Moves {
  /** Predecessors a of label y: `pred[predAt[y] .. predAt[y + 1])`. */
  predAt: Int32Array;
  pred: Int32Array;
  /** Successors b of label y: `succ[succAt[y] .. succAt[y + 1])`. */
  succAt: Int32Array;
  succ: Int32Array;
  /** True when the allowed moves are exactly the BILOU ones (`allowed`, `allowedEnd`): decoding may use `CLOSED`. */
  bilou: boolean;
}

/**
 * Labels that close a name or lie outside one (O, L-*, U-*): the predecessors of O, B-* and U-* and the
 * successors of O, L-* and U-* under BILOU, in ascending order. Under BILOU, I-t and L-t follow B-t or I-t only.
 */
const CLOSED = Int32Array.of(0, 3, 4, 7, 8, 11, 12);
/** Labels that may start a sentence or follow a closed label (O, B-*, U-*), in ascending order. */
const OPENERS = Int32Array.of(0, 1, 4, 5, 8, 9, 12);

const movesOf = new WeakMap<Float64Array, Moves>();

/** The allowed moves of `trans` (cached per table; a table must not be edited after its first decode). */
function moves(trans: Float64Array): Moves {
  let m = movesOf.get(trans);
  if (m) return m;
  const L = NUM_LABELS;
  const W = L + 1;
  const predAt = new Int32Array(L + 1);
  const succAt = new Int32Array(L + 1);
  const pred: number[] = [];
  const succ: number[] = [];
  for (let y = 0; y < L; y++) {
    predAt[y] = pred.length;
    for (let a = 0; a < L; a++) if (trans[a * W + y] !== -Infinity) pred.push(a);
    succAt[y] = succ.length;
    for (let b = 0; b < L; b++) if (trans[y * W + b] !== -Infinity) succ.push(b);
  }
  predAt[L] = pred.length;
  succAt[L] = succ.length;
  let bilou = true;
  for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) if ((trans[a * W + b] !== -Infinity) !== allowed(a, b)) bilou = false;
  m = { predAt, pred: Int32Array.from(pred), succAt, succ: Int32Array.from(succ), bilou };
  movesOf.set(trans, m);
  return m;
}

/**
 * Viterbi over emissions `em[i * L + y]` (n tokens) with constrained transitions (from `constrain`).
 * Writes the best labels into `out`; returns the best path score. Scratch arrays are reused. Only the
 * allowed (finite) moves are scored; ties go to the lowest label.
 */
export function viterbi(em: Float64Array, n: number, trans: Float64Array, out: Int32Array, scratch: Scratch): number {
  const L = NUM_LABELS;
  const W = L + 1;
  const { alpha, back } = scratch.ensure(n);
  const { predAt, pred, bilou } = moves(trans);
  for (let y = 0; y < L; y++) alpha[y] = trans[L * W + y] + em[y];
  if (bilou) forwardBilou(em, n, trans, alpha, back);
  else forwardMoves(em, n, trans, alpha, back, predAt, pred);
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    const s = alpha[last + y] + trans[y * W + L];
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg];
  }
  return best;
}

/** Viterbi's forward pass over the CSR moves, from token 1 (token 0's `alpha` is set). */
function forwardMoves(em: Float64Array, n: number, trans: Float64Array, alpha: Float64Array, back: Int32Array, predAt: Int32Array, pred: Int32Array): void {
  const L = NUM_LABELS;
  const W = L + 1;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let k = predAt[y], end = predAt[y + 1]; k < end; k++) {
        const a = pred[k];
        const s = alpha[prev + a] + trans[a * W + y];
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      alpha[cur + y] = best + em[cur + y];
      back[cur + y] = arg;
    }
  }
}

/**
 * `forwardMoves` for the BILOU moves, unrolled: the same predecessors in the same (ascending) order with
 * the same comparisons, so the same scores and ties.
 */
function forwardBilou(em: Float64Array, n: number, trans: Float64Array, alpha: Float64Array, back: Int32Array): void {
  const L = NUM_LABELS;
  const W = L + 1;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    const x0 = alpha[prev];
    const x3 = alpha[prev + 3];
    const x4 = alpha[prev + 4];
    const x7 = alpha[prev + 7];
    const x8 = alpha[prev + 8];
    const x11 = alpha[prev + 11];
    const x12 = alpha[prev + 12];
    for (let k = 0; k < OPENERS.length; k++) {
      const y = OPENERS[k];
      let best = -Infinity;
      let arg = 0;
      let s = x0 + trans[y];
      if (s > best) best = s;
      s = x3 + trans[3 * W + y];
      if (s > best) {
        best = s;
        arg = 3;
      }
      s = x4 + trans[4 * W + y];
      if (s > best) {
        best = s;
        arg = 4;
      }
      s = x7 + trans[7 * W + y];
      if (s > best) {
        best = s;
        arg = 7;
      }
      s = x8 + trans[8 * W + y];
      if (s > best) {
        best = s;
        arg = 8;
      }
      s = x11 + trans[11 * W + y];
      if (s > best) {
        best = s;
        arg = 11;
      }
      s = x12 + trans[12 * W + y];
      if (s > best) {
        best = s;
        arg = 12;
      }
      alpha[cur + y] = best + em[cur + y];
      back[cur + y] = arg;
    }
    for (let b = 1; b < L; b += 4) {
      // I-t (b + 1) and L-t (b + 2) after B-t (b) or I-t (b + 1).
      const xb = alpha[prev + b];
      const xi = alpha[prev + b + 1];
      for (let y = b + 1; y <= b + 2; y++) {
        let best = -Infinity;
        let arg = 0;
        let s = xb + trans[b * W + y];
        if (s > best) {
          best = s;
          arg = b;
        }
        s = xi + trans[(b + 1) * W + y];
        if (s > best) {
          best = s;
          arg = b + 1;
        }
        alpha[cur + y] = best + em[cur + y];
        back[cur + y] = arg;
      }
    }
  }
}

/**
 * Max-marginal margins: for each token, the best path score minus the best score of a path that gives
 * that token another label (≥ 0; +∞ when no other label is possible). Call after `viterbi` with the same
 * scratch (it reuses `alpha`). Only tokens i with `from <= i < to` get a margin in `out` (default: all).
 */
export function margins(
  em: Float64Array,
  n: number,
  trans: Float64Array,
  labels: Int32Array,
  scratch: Scratch,
  out: Float64Array,
  from = 0,
  to = n,
): void {
  backward(em, n, trans, scratch, from);
  for (let i = from; i < to; i++) out[i] = marginAt(scratch, labels, i);
}

/**
 * The backward pass of `margins`: best scores from each label of tokens `from .. n − 1` to the sentence end,
 * into `scratch.beta`. Call after `viterbi` with the same scratch.
 */
export function backward(em: Float64Array, n: number, trans: Float64Array, scratch: Scratch, from: number): void {
  const L = NUM_LABELS;
  const W = L + 1;
  const { beta } = scratch.ensure(n);
  const { succAt, succ, bilou } = moves(trans);
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) beta[last + y] = trans[y * W + L];
  if (bilou) backwardBilou(em, n, trans, beta, from);
  else backwardMoves(em, n, trans, beta, from, succAt, succ);
}

/** The `margins` value of token i, labelled `labels[i]`, after `viterbi` and `backward` down to i or below. */
export function marginAt(scratch: Scratch, labels: Int32Array, i: number): number {
  const L = NUM_LABELS;
  const { alpha, beta } = scratch;
  const cur = i * L;
  const yb = labels[i];
  const top = alpha[cur + yb] + beta[cur + yb];
  let other = -Infinity;
  for (let y = 0; y < L; y++) {
    if (y === yb) continue;
    const s = alpha[cur + y] + beta[cur + y];
    if (s > other) other = s;
  }
  return top - other;
}

/** The backward pass of `margins` over the CSR moves, down to token `from` (token n − 1's `beta` is set). */
function backwardMoves(em: Float64Array, n: number, trans: Float64Array, beta: Float64Array, from: number, succAt: Int32Array, succ: Int32Array): void {
  const L = NUM_LABELS;
  const W = L + 1;
  for (let i = n - 2; i >= from; i--) {
    const cur = i * L;
    const nxt = (i + 1) * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      for (let k = succAt[y], end = succAt[y + 1]; k < end; k++) {
        const b = succ[k];
        const s = trans[y * W + b] + em[nxt + b] + beta[nxt + b];
        if (s > best) best = s;
      }
      beta[cur + y] = best;
    }
  }
}

/**
 * `backwardMoves` for the BILOU moves, unrolled: the same successors in the same order, each scored with
 * the same additions in the same order, so the same values.
 */
function backwardBilou(em: Float64Array, n: number, trans: Float64Array, beta: Float64Array, from: number): void {
  const L = NUM_LABELS;
  const W = L + 1;
  for (let i = n - 2; i >= from; i--) {
    const cur = i * L;
    const nxt = (i + 1) * L;
    const e0 = em[nxt];
    const e1 = em[nxt + 1];
    const e4 = em[nxt + 4];
    const e5 = em[nxt + 5];
    const e8 = em[nxt + 8];
    const e9 = em[nxt + 9];
    const e12 = em[nxt + 12];
    const b0 = beta[nxt];
    const b1 = beta[nxt + 1];
    const b4 = beta[nxt + 4];
    const b5 = beta[nxt + 5];
    const b8 = beta[nxt + 8];
    const b9 = beta[nxt + 9];
    const b12 = beta[nxt + 12];
    for (let k = 0; k < CLOSED.length; k++) {
      const y = CLOSED[k];
      const t = y * W;
      let best = -Infinity;
      let s = trans[t] + e0 + b0;
      if (s > best) best = s;
      s = trans[t + 1] + e1 + b1;
      if (s > best) best = s;
      s = trans[t + 4] + e4 + b4;
      if (s > best) best = s;
      s = trans[t + 5] + e5 + b5;
      if (s > best) best = s;
      s = trans[t + 8] + e8 + b8;
      if (s > best) best = s;
      s = trans[t + 9] + e9 + b9;
      if (s > best) best = s;
      s = trans[t + 12] + e12 + b12;
      if (s > best) best = s;
      beta[cur + y] = best;
    }
    for (let b = 1; b < L; b += 4) {
      // B-t (b) and I-t (b + 1) go on with I-t (b + 1) or L-t (b + 2).
      const ei = em[nxt + b + 1];
      const bi = beta[nxt + b + 1];
      const el = em[nxt + b + 2];
      const bl = beta[nxt + b + 2];
      for (let y = b; y <= b + 1; y++) {
        let best = -Infinity;
        let s = trans[y * W + b + 1] + ei + bi;
        if (s > best) best = s;
        s = trans[y * W + b + 2] + el + bl;
        if (s > best) best = s;
        beta[cur + y] = best;
      }
    }
  }
}

/** Reusable decoding buffers, grown on demand. */
export class Scratch {
  alpha = new Float64Array(0);
  beta = new Float64Array(0);
  back = new Int32Array(0);
  ensure(n: number): { alpha: Float64Array; beta: Float64Array; back: Int32Array } {
    const need = n * NUM_LABELS;
    if (this.alpha.length < need) {
      const size = Math.max(need, this.alpha.length * 2, 64 * NUM_LABELS);
      this.alpha = new Float64Array(size);
      this.beta = new Float64Array(size);
      this.back = new Int32Array(size);
    }
    return this;
  }
}
