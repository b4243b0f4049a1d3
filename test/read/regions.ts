import assert from "node:assert/strict";
import type { Region } from "../../src/model.js";

/** Asserts that regions are sorted, disjoint, inside the text, non-empty and trimmed. */
export function assertRegions(text: string, regions: Region[], label = ""): void {
  let last = 0;
  for (const r of regions) {
    const quoted = text.slice(r.start, r.end);
    assert.ok(r.start >= last, `${label}: region ${r.kind}@${r.start} overlaps or is out of order`);
    assert.ok(r.end > r.start && r.end <= text.length, `${label}: region ${r.kind}@${r.start} is empty or past the end`);
    assert.equal(quoted, quoted.trim(), `${label}: region ${r.kind}@${r.start} is not trimmed`);
    last = r.end;
  }
}

/** Regions as [kind, quoted text] pairs, for readable expectations. */
export function quoted(text: string, regions: Region[]): [string, string][] {
  return regions.map((r) => [r.kind, text.slice(r.start, r.end)]);
}
