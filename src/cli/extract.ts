/** `newsgraph extract`: read each input, extract it, write one result per document. */
import { extract, type ExtractionResult } from "../extract/index.js";
import { readDocuments, type ReadOptions } from "../read/index.js";
import { formatText } from "./format-text.js";
import { EXIT, asInputError, openSink, reportError } from "./io.js";

export type OutputFormat = "json" | "text";

export interface ExtractOptions extends ReadOptions {
  format: OutputFormat;
  pretty?: boolean;
  output?: string;
}

/** Separates the text summaries of several documents. */
const TEXT_SEPARATOR = "\n" + "-".repeat(72) + "\n\n";

/**
 * Serialises one result. JSON is one line (so several results form JSON lines); `pretty` indents
 * it, and several indented results then follow one another (as `jq` reads them).
 */
export function render(result: ExtractionResult, opts: Pick<ExtractOptions, "format" | "pretty">): string {
  if (opts.format === "text") return formatText(result);
  return JSON.stringify(result, null, opts.pretty ? 2 : undefined) + "\n";
}

/**
 * Extracts every document of every file ("-" is stdin), in order. A file that cannot be used is
 * reported on stderr and skipped; the exit code is then 2.
 */
export async function runExtract(files: string[], opts: ExtractOptions): Promise<number> {
  const sink = await openSink(opts.output);
  const readOpts: ReadOptions = { publishedAt: opts.publishedAt, title: opts.title, language: opts.language };
  for (const key of Object.keys(readOpts) as (keyof ReadOptions)[]) if (readOpts[key] === undefined) delete readOpts[key];
  let code: number = EXIT.ok;
  let written = 0;
  for (const file of files) {
    let docs;
    try {
      docs = await readDocuments(file, readOpts);
    } catch (err) {
      code = Math.max(code, reportError(asInputError(file, err)));
      continue;
    }
    for (const raw of docs) {
      const out = render(extract(raw), opts);
      await sink.write(written > 0 && opts.format === "text" ? TEXT_SEPARATOR + out : out);
      written++;
    }
  }
  await sink.close();
  return code;
}
