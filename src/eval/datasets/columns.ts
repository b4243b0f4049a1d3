import { conllLabels, crossnerLabels, decodeTags, type LabelMap, type NerSentence } from "./types.js";

/**
 * Column formats: `crossner` = `token<TAB>BIO-tag` with fine-grained labels; `iob2` = UNER columns
 * (`index<TAB>token<TAB>tag...`, `# text =` and `# newdoc` comment lines); `iob1` = `token TAG`
 * (Wikigold, `-DOCSTART-` lines). Sentences are separated by blank lines.
 */
export type ColumnFormat = "crossner" | "iob2" | "iob1";

/** Guesses the column format from the first non-empty lines. */
export function detectFormat(text: string): ColumnFormat {
  for (const line of text.split("\n", 200)) {
    const l = line.trim();
    if (l === "") continue;
    if (l.startsWith("#") || /^\d+\t/.test(l)) return "iob2";
    if (l.startsWith("-DOCSTART-")) return "iob1";
    if (l.includes("\t")) return "crossner";
    return "iob1";
  }
  return "crossner";
}

/** The label map that goes with a format. */
export function labelsFor(format: ColumnFormat): LabelMap {
  return format === "crossner" ? crossnerLabels : conllLabels;
}

/**
 * Reads a column file into sentences with gold spans. `docPrefix` names the documents: one per
 * sentence where the format has no document breaks (CrossNER), else one per `-DOCSTART-`/`# newdoc`.
 */
export function readColumns(text: string, format: ColumnFormat, docPrefix = "doc", map: LabelMap = labelsFor(format)): NerSentence[] {
  const out: NerSentence[] = [];
  const hasDocs = format !== "crossner";
  let docNo = 0;
  let sentNo = 0;
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0) {
      const doc = hasDocs ? `${docPrefix}#${docNo}` : `${docPrefix}#${sentNo}`;
      out.push({ doc, tokens, spans: decodeTags(tags, map) });
      sentNo++;
    }
    tokens = [];
    tags = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (format === "iob2" && line.startsWith("#")) {
      if (/^# newdoc\b/.test(line)) {
        flush();
        docNo++;
      }
      continue;
    }
    if (format === "iob1" && line.startsWith("-DOCSTART-")) {
      flush();
      docNo++;
      continue;
    }
    const cols = format === "iob1" ? line.split(/\s+/) : line.split("\t");
    if (format === "iob2") {
      if (!/^\d+$/.test(cols[0])) continue;
      tokens.push(cols[1]);
      tags.push(cols[2] ?? "O");
    } else if (format === "iob1") {
      tokens.push(cols[0]);
      tags.push(cols[cols.length - 1] ?? "O");
    } else {
      tokens.push(cols[0]);
      tags.push(cols[1] ?? "O");
    }
  }
  flush();
  return out;
}
