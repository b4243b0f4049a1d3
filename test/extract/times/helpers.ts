import type { Doc, Region } from "../../../src/model.js";
import { createDoc } from "../../../src/extract/pipeline.js";
import { tokenize } from "../../../src/extract/tokens/index.js";

/** A tokenized document over `text` with every later layer empty (the pipeline's `createDoc` plus the tokens stage). */
export function tokenizedDoc(text: string, publishedAt: string | null, regions: Region[] = []): Doc {
  const doc = createDoc({
    text,
    meta: { id: "test", title: null, publishedAt, language: "en", translatedFrom: null, credits: [], source: null },
    regions,
    diagnostics: [],
  });
  tokenize(doc);
  return doc;
}
