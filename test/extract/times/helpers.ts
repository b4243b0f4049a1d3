import type { Doc, Region } from "../../../src/model.js";
import { tokenize } from "../../../src/extract/tokens/index.js";

/**
 * A tokenized document over `text` with every later layer empty (what the pipeline's `createDoc` plus
 * the tokens stage give), built here so these tests do not load the other stages.
 */
export function tokenizedDoc(text: string, publishedAt: string | null, regions: Region[] = []): Doc {
  const doc: Doc = {
    text,
    meta: { id: "test", title: null, publishedAt, language: "en", translatedFrom: null, credits: [], source: null },
    regions,
    tokens: [],
    sentences: [],
    mentions: [],
    aliasLinks: [],
    entities: [],
    times: [],
    quantities: [],
    claims: [],
    relations: [],
    events: [],
    diagnostics: [],
  };
  tokenize(doc);
  return doc;
}
