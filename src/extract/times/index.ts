import type { Doc } from "../../model.js";

/** Adds resolved time expressions to `doc.times`. */
export function findTimes(doc: Doc): void {
  void doc;
}
