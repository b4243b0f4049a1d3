/**
 * The reading layer: a path ("-" for stdin) or text in memory → `RawDocument`s. Bytes are decoded
 * (`decode.ts`), the format is taken from the extension or sniffed, a format reader finds the
 * article parts (`html.ts`, `feed.ts`, `jsonl.ts`), and `build.ts` assembles each document.
 * Only unusable input throws, always as an `InputError` with a one-line problem.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { RawDocument } from "../model.js";
import { buildDocument, textId, type BuildContext, type Format, type ReadOptions } from "./build.js";
import { decodeBytes } from "./decode.js";
import { InputError } from "./errors.js";
import { readFeed } from "./feed.js";
import { readHtml } from "./html.js";
import { readJson, readJsonLines } from "./jsonl.js";

export { InputError } from "./errors.js";
export { parseDate } from "./dates.js";
export { textId, type Format, type ReadOptions } from "./build.js";

/** Default `ReadOptions.maxBytes`: 16 MiB. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

const EXTENSIONS: Record<string, Format> = {
  ".txt": "text", ".text": "text", ".md": "text",
  ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
  ".xml": "feed", ".rss": "feed", ".atom": "feed",
  ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
};

const COMMENTS = "(?:<!--[\\s\\S]*?-->\\s*)*";
const FEED_START = new RegExp(`^(?:<\\?xml[^>]*>\\s*)?${COMMENTS}<(?:rss|feed|rdf:RDF)\\b`, "i");
const HTML_START = new RegExp(
  `^(?:<\\?xml[^>]*>\\s*)?${COMMENTS}<(?:!doctype\\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|section|header|nav)\\b`,
  "i",
);

/** A whole HTML page, as opposed to text that starts with a tag. */
const FULL_PAGE = new RegExp(`^${COMMENTS}<(?:!doctype\\s+html|html)\\b`, "i");

/** Guesses the format from the first characters of the text. */
export function sniffFormat(text: string): Format {
  const head = text.slice(0, 4096).trimStart();
  if (FEED_START.test(head)) return "feed";
  if (HTML_START.test(head)) return "html";
  if (head.startsWith("{") || head.startsWith("[")) {
    try {
      JSON.parse(text);
      return "json";
    } catch {
      return head.startsWith("{") ? "jsonl" : "text";
    }
  }
  return "text";
}

/** Format of a named file: from its extension, else sniffed; a ".txt" holding a whole page or feed is read as one. */
function formatOf(file: string | undefined, text: string, opts: ReadOptions): Format {
  if (opts.inputFormat) return opts.inputFormat;
  const byExt = file ? EXTENSIONS[path.extname(file).toLowerCase()] : undefined;
  const sniffed = sniffFormat(text);
  if (byExt === "text" && (sniffed === "feed" || (sniffed === "html" && FULL_PAGE.test(text.slice(0, 4096).trimStart())))) return sniffed;
  return byExt ?? sniffed;
}

/** Name of an input in messages: the path, "stdin" for "-", "input" for text in memory. */
function inputName(file: string | undefined): string {
  return file === "-" ? "stdin" : (file ?? "input");
}

/** Builds one plain-text document from text already in memory (header lines are read). */
export function readText(text: string, opts: ReadOptions & { file?: string } = {}): RawDocument {
  const ctx: BuildContext = { file: opts.file, name: inputName(opts.file), opts };
  return buildDocument({ text }, ctx);
}

/** Reads decoded text of any supported format into documents. */
export function readString(text: string, opts: ReadOptions & { file?: string } = {}): RawDocument[] {
  const name = inputName(opts.file);
  const file = opts.file === "-" ? undefined : opts.file;
  if (!text.trim()) throw new InputError(name, "no text (only whitespace)");
  const ctx: BuildContext = { file, name, opts };
  const idBase = file ?? textId(text);
  const many = (parts: ReturnType<typeof readJsonLines>) => parts.map((p) => buildDocument(p, ctx));
  switch (formatOf(file, text, opts)) {
    case "html":
      return [buildDocument(readHtml(text, name), ctx)];
    case "feed": {
      const items = readFeed(text, idBase);
      if (items === null) {
        if (sniffFormat(text) === "html") return [buildDocument(readHtml(text, name), ctx)];
        throw new InputError(name, "XML is not an RSS or Atom feed");
      }
      if (items.length === 0) throw new InputError(name, "the feed has no items with text");
      return many(items);
    }
    case "jsonl":
      return many(readJsonLines(text, name, idBase));
    case "json":
      return many(readJson(text, name, idBase));
    default:
      return [buildDocument({ text }, ctx)];
  }
}

/** Decodes bytes (UTF-8/UTF-16) and reads them; `file` names the input ("-" for stdin). */
export function readBytes(bytes: Uint8Array, opts: ReadOptions & { file?: string } = {}): RawDocument[] {
  const name = inputName(opts.file);
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) throw new InputError(name, tooLarge(bytes.length, max));
  if (bytes.length === 0) throw new InputError(name, name === "stdin" ? "empty input" : "empty file");
  return readString(decodeBytes(bytes, name), opts);
}

function tooLarge(size: number, max: number): string {
  return `file too large (${size} bytes; the limit is ${max} bytes)`;
}

/** Reads all of stdin, refusing more than `max` bytes. */
async function readStdin(max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    if (size > max) throw new InputError("stdin", `input too large (over ${max} bytes)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Reads a file's bytes after checking with stat that it is a readable file within the limit. */
function readFileBytes(file: string, max: number): Uint8Array {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError(file, "is a directory, not a file");
    if (!st.isFile()) throw new InputError(file, "is not a regular file");
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, fsProblem(e));
  }
  if (size > max) throw new InputError(file, tooLarge(size, max));
  try {
    return readFileSync(file);
  } catch (e) {
    throw new InputError(file, fsProblem(e));
  }
}

function fsProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "no such file (a folder in the path is a file)";
  if (code === "EISDIR") return "is a directory, not a file";
  return `cannot read the file (${code ?? (e as Error).message})`;
}

/** Reads one path ("-" for stdin) into one or more documents (a feed or JSON lines hold several). */
export async function readDocuments(file: string, opts: ReadOptions = {}): Promise<RawDocument[]> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = file === "-" ? await readStdin(max) : readFileBytes(file, max);
  return readBytes(bytes, { ...opts, file });
}
