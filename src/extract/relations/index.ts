import type { Doc } from "../../model.js";

/** Adds relations between entities to `doc.relations`. */
export function findRelations(doc: Doc): void {
  void doc;
}
