import type { Doc } from "../../model.js";

/** Groups mentions into `doc.entities` and sets `mention.entity`. */
export function resolveCoreference(doc: Doc): void {
  void doc;
}
