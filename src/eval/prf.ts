import type { EntityType } from "../model.js";

/** Exact-match counts for one type (or all types together). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 (0 when undefined) with the counts. */
export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
  /** Gold spans (tp + fn). */
  gold: number;
  /** Predicted spans (tp + fp). */
  predicted: number;
}

export const SCORED_TYPES: readonly EntityType[] = ["person", "organization", "place"];

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1, gold: c.tp + c.fn, predicted: c.tp + c.fp };
}

/** Accumulates exact span matches (same start, end and type) per type. */
export class SpanScorer {
  readonly counts = new Map<EntityType, Counts>(SCORED_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));

  /** Adds one unit (sentence/document): spans are compared by `start:end:type`. */
  add(gold: readonly { start: number; end: number; type: EntityType }[], pred: readonly { start: number; end: number; type: EntityType }[]): void {
    const key = (s: { start: number; end: number; type: EntityType }) => `${s.start}:${s.end}:${s.type}`;
    const g = new Set(gold.map(key));
    const p = new Set(pred.map(key));
    for (const s of gold) if (!p.has(key(s))) this.counts.get(s.type)!.fn++;
    for (const s of pred) {
      const c = this.counts.get(s.type);
      if (!c) continue;
      if (g.has(key(s))) c.tp++;
      else c.fp++;
    }
  }

  /** Per-type and micro-averaged scores. */
  result(): { byType: Record<EntityType, Prf>; micro: Prf } {
    const total: Counts = { tp: 0, fp: 0, fn: 0 };
    const byType = {} as Record<EntityType, Prf>;
    for (const [t, c] of this.counts) {
      byType[t] = prf(c);
      total.tp += c.tp;
      total.fp += c.fp;
      total.fn += c.fn;
    }
    return { byType, micro: prf(total) };
  }
}

/** A small fixed-width table: one row per type plus the micro average. */
export function formatPrfTable(title: string, r: { byType: Record<EntityType, Prf>; micro: Prf }): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  const row = (name: string, p: Prf) =>
    `${name.padEnd(13)}${pct(p.precision)}${pct(p.recall)}${pct(p.f1)}${String(p.gold).padStart(7)}${String(p.predicted).padStart(7)}${String(p.tp).padStart(7)}`;
  const lines = [title, `${"type".padEnd(13)}${"P".padStart(6)}${"R".padStart(6)}${"F1".padStart(6)}${"gold".padStart(7)}${"pred".padStart(7)}${"tp".padStart(7)}`];
  for (const t of SCORED_TYPES) lines.push(row(t, r.byType[t]));
  lines.push(row("micro", r.micro));
  return lines.join("\n");
}
