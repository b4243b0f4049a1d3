import type { Doc } from "../../model.js";

/** Adds name mentions (person, organization, place) to `doc.mentions`. */
export function findNames(doc: Doc): void {
  void doc;
}
