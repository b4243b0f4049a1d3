import type { Claim, Doc } from "../../model.js";

/** Every scope stretch of the claims, sorted by start, with a prefix maximum of ends for pruning. */
interface ScopeIndex {
  claims: Claim[];
  /** Number of claims when built: the index is rebuilt when claims are added (scopes are final once a claim is listed). */
  count: number;
  starts: number[];
  ends: number[];
  /** `maxEnd[i]` = largest end among stretches 0..i. */
  maxEnd: number[];
  /** Claim id of each stretch, and its position in claim/scope order (ties go to the earlier). */
  ids: string[];
  order: number[];
}

const indexes = new WeakMap<Doc, ScopeIndex>();

function indexOf(doc: Doc): ScopeIndex {
  const count = doc.claims.length;
  let ix = indexes.get(doc);
  if (ix && ix.claims === doc.claims && ix.count === count) return ix;
  const all: { start: number; end: number; id: string; order: number }[] = [];
  for (const claim of doc.claims) for (const s of claim.scope) all.push({ start: s.start, end: s.end, id: claim.id, order: all.length });
  all.sort((a, b) => a.start - b.start || a.order - b.order);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const s of all) maxEnd.push((m = Math.max(m, s.end)));
  ix = {
    claims: doc.claims, count, maxEnd,
    starts: all.map((s) => s.start), ends: all.map((s) => s.end), ids: all.map((s) => s.id), order: all.map((s) => s.order),
  };
  indexes.set(doc, ix);
  return ix;
}

/**
 * The id of the claim whose scope covers `[start, end)` (half-open UTF-16 offsets), or undefined.
 * When several claims cover it, the innermost wins: the covering scope stretch that is shortest,
 * ties broken by the stretch that starts closest to `start`, then by claim order.
 */
export function claimFor(doc: Doc, start: number, end: number): string | undefined {
  if (doc.claims.length === 0) return undefined;
  const ix = indexOf(doc);
  // last stretch starting at or before `start`
  let lo = 0;
  let hi = ix.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ix.starts[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestLen = Infinity;
  let bestDist = Infinity;
  for (let i = lo - 1; i >= 0 && ix.maxEnd[i] >= end; i--) {
    if (ix.ends[i] < end) continue;
    const len = ix.ends[i] - ix.starts[i];
    const dist = start - ix.starts[i];
    if (len < bestLen || (len === bestLen && (dist < bestDist || (dist === bestDist && ix.order[i] < ix.order[best])))) {
      best = i;
      bestLen = len;
      bestDist = dist;
    }
  }
  return best < 0 ? undefined : ix.ids[best];
}
