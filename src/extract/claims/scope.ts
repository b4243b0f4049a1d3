import type { Doc } from "../../model.js";

/**
 * The id of the claim whose scope covers `[start, end)` (half-open UTF-16 offsets), or undefined.
 * When several claims cover it, the innermost wins: the covering scope stretch that is shortest,
 * ties broken by the stretch that starts closest to `start`.
 */
export function claimFor(doc: Doc, start: number, end: number): string | undefined {
  let best: string | undefined;
  let bestLen = Infinity;
  let bestDist = Infinity;
  for (const claim of doc.claims) {
    for (const s of claim.scope) {
      if (s.start > start || s.end < end) continue;
      const len = s.end - s.start;
      const dist = start - s.start;
      if (len < bestLen || (len === bestLen && dist < bestDist)) {
        best = claim.id;
        bestLen = len;
        bestDist = dist;
      }
    }
  }
  return best;
}
