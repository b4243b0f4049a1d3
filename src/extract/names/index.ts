import type { Doc } from "../../model.js";
import { TAGGER_RULE, forEachTaggedName } from "../tagger/index.js";
import type { Tagger } from "../tagger/index.js";
import { NameContext } from "./context.js";
import type { Candidate, Recognizer } from "./context.js";
import { PERSON_RECOGNIZERS } from "./persons.js";
import { ORGANIZATION_RECOGNIZERS } from "./organizations.js";
import { PLACE_RECOGNIZERS } from "./places.js";
import { REFINERS } from "./refiners.js";

export type { Candidate, Recognizer } from "./context.js";
export { NameContext } from "./context.js";

/** Every rule recognizer, in a fixed order (the order only matters for exact ties). */
export const RECOGNIZERS: readonly Recognizer[] = [...PERSON_RECOGNIZERS, ...ORGANIZATION_RECOGNIZERS, ...PLACE_RECOGNIZERS];

/** A tagger to use instead of the shipped one (for held-out evaluation); undefined restores the default. */
let taggerOverride: Tagger | undefined;

/** Makes the names stage use `tagger` instead of the shipped model (undefined: the shipped model again). */
export function useNameTagger(tagger: Tagger | undefined): void {
  taggerOverride = tagger;
}

/** The statistical tagger's candidates, or undefined (plus an info diagnostic) when no model is available. */
function taggerCandidates(doc: Doc): Candidate[] | undefined {
  try {
    const cands: Candidate[] = [];
    const { tokens } = doc;
    forEachTaggedName(
      doc,
      (first, last, type, confidence) => cands.push({ start: tokens[first].start, end: tokens[last - 1].end, type, rule: TAGGER_RULE, confidence, form: "name" }),
      taggerOverride,
    );
    return cands;
  } catch (err) {
    doc.diagnostics.push({ severity: "info", message: `names: tagger not used (${err instanceof Error ? err.message : String(err)})`, rule: "names/tagger" });
    return undefined;
  }
}

/** Candidate names from the rule recognizers and, unless `useTagger` is false, the tagger; refined. */
export function nameCandidates(doc: Doc, useTagger = true): Candidate[] {
  const ctx = new NameContext(doc);
  let cands: Candidate[] = [];
  for (const r of RECOGNIZERS) cands.push(...r.find(ctx));
  const tagged = useTagger ? taggerCandidates(doc) : undefined;
  if (tagged) {
    cands.push(...tagged);
    ctx.taggerUsed = true;
  }
  for (const f of REFINERS) cands = f.refine(ctx, cands);
  return cands;
}

/** Adds name mentions (person, organization, place) to `doc.mentions`, in text order; `attributes.sources` lists the evidence each rests on. */
export function findNames(doc: Doc): void {
  const cands = nameCandidates(doc);
  for (let n = 0; n < cands.length; n++) {
    const c = cands[n];
    const id = `m${n + 1}`;
    const text = doc.text.slice(c.start, c.end);
    const attributes = c.attributes?.sources ? c.attributes : { ...c.attributes, sources: [c.rule] };
    // each mention is made whole (geo, when present, before attributes as before), not grown field by field
    doc.mentions.push(c.geo
      ? { id, start: c.start, end: c.end, text, type: c.type, rule: c.rule, confidence: c.confidence, form: c.form, geo: c.geo, attributes }
      : { id, start: c.start, end: c.end, text, type: c.type, rule: c.rule, confidence: c.confidence, form: c.form, attributes });
  }
}
