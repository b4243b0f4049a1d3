import { readFile } from "node:fs/promises";
import type { Doc, EntityType, MentionForm } from "../model.js";
import { readText } from "../read/index.js";
import { STAGES, createDoc, runPipeline } from "../extract/pipeline.js";
import { tagMentions, type Tagger } from "../extract/tagger/index.js";
import { detectFormat, readColumns, type ColumnFormat } from "./datasets/columns.js";
import type { NerSentence } from "./datasets/types.js";
import { SpanScorer, formatPrfTable, type Prf } from "./prf.js";

export { formatPrfTable, type Prf } from "./prf.js";

export interface ConllOptions {
  /** Column format; `auto` (default) guesses from the file. */
  format?: ColumnFormat | "auto";
  /** `pipeline` (default): every name-like mention of the full pipeline; `tagger`: the tagger alone. */
  layer?: "pipeline" | "tagger";
  /** The tagger for `layer: "tagger"` (default: the shipped model). */
  tagger?: Tagger;
  /** Replaces the layer's prediction (char spans over `text`); for tests and other systems. */
  predict?: (text: string) => readonly { start: number; end: number; type: EntityType }[];
}

/** Exact-span scores of one CoNLL file. */
export interface ConllScore {
  file: string;
  format: ColumnFormat;
  layer: "pipeline" | "tagger";
  /** Documents built (one per sentence, or one per document where the format marks documents). */
  documents: number;
  sentences: number;
  byType: Record<EntityType, Prf>;
  micro: Prf;
}

/** Mention forms that count as names when scoring. */
const NAME_FORMS: ReadonlySet<MentionForm> = new Set(["name", "alias", "acronym", "short"]);

/** Gold char spans over a text built from sentences: tokens joined by single spaces, sentences by "\n\n". */
export interface BuiltText {
  text: string;
  gold: { start: number; end: number; type: EntityType }[];
}

/** Builds the text of one unit and the char offsets of its gold spans. */
export function buildText(sentences: readonly NerSentence[]): BuiltText {
  let text = "";
  const gold: BuiltText["gold"] = [];
  for (const s of sentences) {
    if (text) text += "\n\n";
    const starts: number[] = [];
    s.tokens.forEach((t, i) => {
      if (i > 0) text += " ";
      starts.push(text.length);
      text += t;
    });
    for (const g of s.spans) gold.push({ start: starts[g.start], end: starts[g.end - 1] + s.tokens[g.end - 1].length, type: g.type });
  }
  return { text, gold };
}

/** Groups sentences into scoring units: one per sentence, or one per document when `byDocument`. */
function units(sentences: readonly NerSentence[], byDocument: boolean): NerSentence[][] {
  if (!byDocument) return sentences.map((s) => [s]);
  const out: NerSentence[][] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (last && last[0].doc === s.doc) last.push(s);
    else out.push([s]);
  }
  return out;
}

/** Predicted name spans of one text under the chosen layer. */
export function predictNames(text: string, layer: "pipeline" | "tagger", id: string, tagger?: Tagger): { start: number; end: number; type: EntityType }[] {
  const raw = readText(text, { file: id, header: false });
  let doc: Doc;
  if (layer === "tagger") {
    doc = createDoc(raw);
    STAGES.find((s) => s.name === "tokens")!.run(doc);
    return tagMentions(doc, tagger);
  }
  doc = runPipeline(raw);
  return doc.mentions.filter((m) => NAME_FORMS.has(m.form));
}

/**
 * Scores the project on a CoNLL-style file (CrossNER BIO, UNER IOB2, Wikigold IOB1): builds one document
 * per sentence (or per document where the format marks documents), runs the pipeline (or the tagger
 * alone) and compares person/organization/place char spans exactly with the gold spans.
 */
export async function scoreConll(file: string, opts: ConllOptions = {}): Promise<ConllScore> {
  const text = await readFile(file, "utf8");
  const format = !opts.format || opts.format === "auto" ? detectFormat(text) : opts.format;
  const layer = opts.layer ?? "pipeline";
  const sentences = readColumns(text, format, file);
  const groups = units(sentences, format !== "crossner");
  const scorer = new SpanScorer();
  groups.forEach((group, i) => {
    const built = buildText(group);
    scorer.add(built.gold, opts.predict ? opts.predict(built.text) : predictNames(built.text, layer, `${file}#${i}`, opts.tagger));
  });
  const r = scorer.result();
  return { file, format, layer, documents: groups.length, sentences: sentences.length, byType: r.byType, micro: r.micro };
}

/** A small table of a `scoreConll` result (P/R/F1 in %, gold/pred/tp counts). */
export function formatConllScore(s: ConllScore): string {
  return formatPrfTable(`${s.file} (${s.format}, ${s.layer}; ${s.documents} documents, ${s.sentences} sentences)`, s);
}
