import type { Doc } from "../../model.js";

/** Adds alias statements to `doc.aliasLinks` (and any alias mentions they introduce). */
export function findAliases(doc: Doc): void {
  void doc;
}
