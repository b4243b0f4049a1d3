import type { Doc } from "../../../src/model.js";
import { tokenize } from "../../../src/extract/tokens/index.js";
import { NameContext } from "../../../src/extract/names/index.js";
import type { Region, TimeExpr } from "../../../src/model.js";

/** A tokenized working document over `text` (one body region unless given). */
export function docOf(text: string, regions: Region[] = [{ kind: "body", start: 0, end: text.length }], times: TimeExpr[] = []): Doc {
  const doc: Doc = {
    text,
    meta: { id: "t", title: null, publishedAt: null, language: "en", translatedFrom: null, credits: [], source: null },
    regions,
    tokens: [], sentences: [], mentions: [], aliasLinks: [], entities: [], times: [], quantities: [], claims: [],
    relations: [], events: [], diagnostics: [],
  };
  tokenize(doc);
  doc.times = times;
  return doc;
}

export function ctxOf(text: string): NameContext {
  return new NameContext(docOf(text));
}
