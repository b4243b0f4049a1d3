import type { Doc, Mention, Region } from "../../model.js";
import { modelPath } from "../../lexicon/paths.js";
import { loadModelFiles } from "./model.js";
import { Tagger, type NameSink } from "./tagger.js";
import { tagLexicon } from "./lexicon.js";

export { Tagger, type NameSink, type TaggedSpan } from "./tagger.js";

/** Provenance of the tagger's mentions. */
export const TAGGER_RULE = "tagger";

let shipped: Tagger | undefined;

/**
 * Loads a tagger from `<dir>/ner.json` + `<dir>/ner.bin` (default: the package's `models/`). Throws an
 * error naming the file and the problem when a file is missing or corrupt.
 */
export function loadTagger(dir?: string): Tagger {
  const json = dir ? `${dir}/ner.json` : modelPath("ner.json");
  const bin = dir ? `${dir}/ner.bin` : modelPath("ner.bin");
  const { meta, weights } = loadModelFiles(json, bin);
  return new Tagger(weights, meta.lexicon ? tagLexicon() : undefined, meta.marginScale);
}

/** The shipped tagger, loaded once per process on first use. */
export function shippedTagger(): Tagger {
  shipped ??= loadTagger();
  return shipped;
}

const SKIPPED: ReadonlySet<Region["kind"]> = new Set(["boilerplate", "credit"]);

/**
 * Passes the names (person/organization/place) that the statistical tagger finds over `doc.tokens` and
 * `doc.sentences` to `onName`, in text order, as token indices [start, end). Tokens in `boilerplate`/`credit`
 * regions are skipped (a sentence is cut around them).
 */
export function forEachTaggedName(doc: Doc, onName: NameSink, tagger: Tagger = shippedTagger()): void {
  const { tokens } = doc;
  const skip = doc.regions.filter((r) => SKIPPED.has(r.kind));
  const skipped = (start: number, end: number): boolean => {
    for (const r of skip) if (start < r.end && r.start < end) return true;
    return false;
  };
  for (const s of doc.sentences) {
    if (s.tokenEnd <= s.tokenStart) continue;
    // A token overlapping a skipped region means the sentence's text span overlaps it: test that span first.
    const cuts = skip.length > 0 && skipped(tokens[s.tokenStart].start, tokens[s.tokenEnd - 1].end);
    if (!cuts) {
      tagger.tagTokens(tokens, s.tokenStart, s.tokenEnd, onName);
      continue;
    }
    let from = s.tokenStart;
    for (let i = s.tokenStart; i <= s.tokenEnd; i++) {
      const cut = i === s.tokenEnd || skipped(tokens[i].start, tokens[i].end);
      if (!cut) continue;
      if (i > from) tagger.tagTokens(tokens, from, i, onName);
      from = i + 1;
    }
  }
}

/**
 * Candidate names (person/organization/place) found by the statistical tagger (see `forEachTaggedName`),
 * in text order. Does not touch `doc.mentions`. Mention ids are `tagger-<n>`; confidence is in 0..1.
 */
export function tagMentions(doc: Doc, tagger: Tagger = shippedTagger()): Mention[] {
  const out: Mention[] = [];
  const { tokens, text } = doc;
  forEachTaggedName(
    doc,
    (first, last, type, confidence) => {
      const start = tokens[first].start;
      const end = tokens[last - 1].end;
      out.push({ id: `tagger-${out.length + 1}`, start, end, text: text.slice(start, end), type, rule: TAGGER_RULE, confidence, form: "name" });
    },
    tagger,
  );
  return out;
}
