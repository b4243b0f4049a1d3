import type { Doc } from "../../model.js";

/** Adds events to `doc.events`. */
export function findEvents(doc: Doc): void {
  void doc;
}
