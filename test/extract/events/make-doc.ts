import type { Doc, EntityType, Precision, Qualifier } from "../../../src/model.js";
import { span } from "../../../src/model.js";
import { createDoc } from "../../../src/extract/pipeline.js";
import { tokenize } from "../../../src/extract/tokens/index.js";

/** What a test document holds besides its text; each `at` is a substring (its first occurrence after `after`). */
export interface DocSpec {
  mentions?: { at: string; type: EntityType; entity?: string; after?: string }[];
  times?: { at: string; start: string; end?: string; precision?: Precision }[];
  quantities?: { at: string; value: number; qualifier?: Qualifier; unit?: string }[];
  regions?: Doc["regions"];
}

function find(text: string, at: string, after?: string): number {
  const from = after ? text.indexOf(after) : 0;
  const i = text.indexOf(at, from < 0 ? 0 : from);
  if (i < 0) throw new Error(`test doc: "${at}" not in text`);
  return i;
}

/** A tokenized Doc with hand-made mentions (entity = `entity` or the mention text), times and quantities. */
export function makeDoc(text: string, spec: DocSpec = {}): Doc {
  const doc = createDoc({
    text,
    meta: { id: "t", title: null, publishedAt: null, language: "en", translatedFrom: null, credits: [], source: null },
    regions: spec.regions ?? [],
    diagnostics: [],
  });
  tokenize(doc);
  doc.mentions = (spec.mentions ?? []).map((m, i) => {
    const start = find(text, m.at, m.after);
    return { id: `m${i + 1}`, start, end: start + m.at.length, text: m.at, type: m.type, rule: "test", confidence: 1, form: "name", entity: m.entity ?? m.at };
  });
  doc.times = (spec.times ?? []).map((t) => {
    const start = find(text, t.at);
    return { text: t.at, span: span(text, start, start + t.at.length), start: t.start, end: t.end ?? t.start, precision: t.precision ?? "day", approximate: false, relative: true, rule: "test" };
  });
  doc.quantities = (spec.quantities ?? []).map((q) => {
    const start = find(text, q.at);
    return { span: span(text, start, start + q.at.length), value: q.value, qualifier: q.qualifier ?? "exact", unit: q.unit, rule: "test" };
  });
  return doc;
}
