import type { RawDocument } from "../model.js";
import { runPipeline } from "./pipeline.js";
import { toResult, type ExtractionResult } from "./result.js";

export type { ExtractionResult } from "./result.js";

/** Extracts one article: the reader's output in, a schema-valid result out. Never throws on content. */
export function extract(raw: RawDocument): ExtractionResult {
  return toResult(runPipeline(raw));
}
