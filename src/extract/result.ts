import type { Claim, Diagnostic, Doc, DocumentMeta, Entity, NewsEvent, Relation, TimeExpr } from "../model.js";

/** The extraction result of `../shared/spec/graph.schema.json` (schemaVersion 1). */
export interface ExtractionResult {
  schemaVersion: 1;
  document: DocumentMeta & { text: string };
  entities: Entity[];
  relations: Relation[];
  events: NewsEvent[];
  times: TimeExpr[];
  claims: Omit<Claim, "scope">[];
  diagnostics: Diagnostic[];
}

/** The public, schema-shaped view of a processed document. */
export function toResult(doc: Doc): ExtractionResult {
  return {
    schemaVersion: 1,
    document: { ...doc.meta, text: doc.text },
    entities: doc.entities,
    relations: doc.relations,
    events: doc.events,
    times: doc.times,
    claims: doc.claims.map(({ scope: _scope, ...c }) => c),
    diagnostics: doc.diagnostics,
  };
}
