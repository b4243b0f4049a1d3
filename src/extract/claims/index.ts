import type { Doc } from "../../model.js";

/** Adds claims (who says so) to `doc.claims`. */
export function findClaims(doc: Doc): void {
  void doc;
}
