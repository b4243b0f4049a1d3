import type { Doc, RawDocument } from "../model.js";
import { tokenize } from "./tokens/index.js";
import { findTimes } from "./times/index.js";
import { findQuantities } from "./quantities/index.js";
import { findNames } from "./names/index.js";
import { findAliases } from "./aliases/index.js";
import { resolveCoreference } from "./coref/index.js";
import { findClaims } from "./claims/index.js";
import { findRelations } from "./relations/index.js";
import { findEvents } from "./events/index.js";

/** A pipeline stage: reads the layers before it and adds its own. It never edits `doc.text`. */
export interface Stage {
  name: string;
  run(doc: Doc): void;
}

/** The stages in order; each may rely on the layers of those before it. */
export const STAGES: readonly Stage[] = [
  { name: "tokens", run: tokenize },
  { name: "times", run: findTimes },
  { name: "quantities", run: findQuantities },
  { name: "names", run: findNames },
  { name: "aliases", run: findAliases },
  { name: "coref", run: resolveCoreference },
  { name: "claims", run: findClaims },
  { name: "relations", run: findRelations },
  { name: "events", run: findEvents },
];

/** A fresh working document over the reader's output, with every layer empty. */
export function createDoc(raw: RawDocument): Doc {
  return {
    text: raw.text,
    meta: raw.meta,
    regions: raw.regions,
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
    diagnostics: [...raw.diagnostics],
  };
}

/**
 * Runs every stage over one document. A stage that fails on some input does not stop the others:
 * its failure becomes an error diagnostic, so extraction never throws on content.
 */
export function runPipeline(raw: RawDocument, stages: readonly Stage[] = STAGES): Doc {
  const doc = createDoc(raw);
  for (const stage of stages) {
    try {
      stage.run(doc);
    } catch (err) {
      doc.diagnostics.push({
        severity: "error",
        message: `stage ${stage.name} failed: ${err instanceof Error ? err.message : String(err)}`,
        rule: `pipeline/${stage.name}`,
      });
    }
  }
  return doc;
}
