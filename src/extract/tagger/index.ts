import type { Doc, Mention, Region } from "../../model.js";
import { modelPath } from "../../lexicon/paths.js";
import { loadModelFiles } from "./model.js";
import { Tagger } from "./tagger.js";
import { tagLexicon } from "./lexicon.js";

export { Tagger, type TaggedSpan } from "./tagger.js";

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
 * Candidate names (person/organization/place) found by the statistical tagger over `doc.tokens` and
 * `doc.sentences`, in text order. Tokens in `boilerplate`/`credit` regions are skipped (a sentence is cut
 * around them). Does not touch `doc.mentions`. Mention ids are `tagger-<n>`; confidence is in 0..1.
 */
export function tagMentions(doc: Doc, tagger: Tagger = shippedTagger()): Mention[] {
  const out: Mention[] = [];
  const { tokens, text } = doc;
  const skip = doc.regions.filter((r) => SKIPPED.has(r.kind));
  const skipped = (start: number, end: number): boolean => {
    for (const r of skip) if (start < r.end && r.start < end) return true;
    return false;
  };
  for (const s of doc.sentences) {
    if (s.tokenEnd <= s.tokenStart) continue;
    // A token overlapping a skipped region means the sentence's text span overlaps it: test that span first.
    const cuts = skip.length > 0 && skipped(tokens[s.tokenStart].start, tokens[s.tokenEnd - 1].end);
    let from = s.tokenStart;
    for (let i = s.tokenStart; i <= s.tokenEnd; i++) {
      const cut = i === s.tokenEnd || (cuts && skipped(tokens[i].start, tokens[i].end));
      if (!cut) continue;
      if (i > from) {
        const words: string[] = new Array(i - from);
        for (let k = from; k < i; k++) words[k - from] = tokens[k].text;
        for (const t of tagger.tag(words)) {
          const start = tokens[from + t.start].start;
          const end = tokens[from + t.end - 1].end;
          out.push({
            id: `tagger-${out.length + 1}`,
            start,
            end,
            text: text.slice(start, end),
            type: t.type,
            rule: TAGGER_RULE,
            confidence: t.confidence,
            form: "name",
          });
        }
      }
      from = i + 1;
    }
  }
  return out;
}
