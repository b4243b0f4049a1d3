/**
 * Assembles a `RawDocument` from what a format reader found: joins headline and paragraphs with
 * blank lines (or keeps the raw text), reads the layout, and merges metadata. Precedence, highest
 * first: `ReadOptions` overrides, structured metadata (meta tags, feed and JSON fields), then what
 * the text's header lines say.
 */
import { createHash } from "node:crypto";
import type { RawDocument, Region } from "../model.js";
import { dedupe } from "./credits.js";
import { parseDate } from "./dates.js";
import { InputError } from "./errors.js";
import { checkDeclared, guessLanguage, normaliseLanguage, SAMPLE } from "./language.js";
import { readLayout } from "./layout.js";
import type { Parts } from "./parts.js";

/** Overrides and limits a caller may give. */
export interface ReadOptions {
  /** Publication date to use instead of the one read (any format `parseDate` accepts). */
  publishedAt?: string;
  title?: string;
  /** ISO 639-1 code (or a tag such as "en-GB"). */
  language?: string;
  /** Largest input accepted, in bytes (default 16 MiB). */
  maxBytes?: number;
  /** Input format; read from the extension or sniffed when absent. */
  inputFormat?: Format;
  /** False when the text has no header lines (a data set sentence): all of it is body. Default true. */
  header?: boolean;
}

export type Format = "text" | "html" | "feed" | "jsonl" | "json";

/** First 16 hex digits of the SHA-256 of `text`. */
export function textId(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
}

export interface BuildContext {
  /** Path as given; absent for stdin and text in memory. */
  file?: string;
  /** Name used in error messages ("stdin" when there is no file). */
  name: string;
  opts: ReadOptions;
}

/** The overrides, checked once: a publication date that cannot be read is an input error. */
function overrides(ctx: BuildContext): { publishedAt?: string; language?: string; title?: string } {
  const o = ctx.opts;
  let publishedAt: string | undefined;
  if (o.publishedAt !== undefined) {
    const iso = parseDate(o.publishedAt);
    if (!iso) throw new InputError(ctx.name, `cannot read the publication date "${o.publishedAt}" given as an option`);
    publishedAt = iso;
  }
  const language = o.language !== undefined ? (normaliseLanguage(o.language) ?? o.language.trim().toLowerCase()) : undefined;
  return { publishedAt, language, title: o.title };
}

/**
 * The first `max` (> 0) characters of the body regions' texts joined by "\n"; empty exactly when
 * that whole join is. Language guessing reads no further.
 */
function bodySample(text: string, regions: readonly Region[], max: number): string {
  let out = "";
  let first = true;
  for (const r of regions) {
    if (r.kind !== "body") continue;
    if (!first) out += "\n";
    first = false;
    if (out.length >= max) break;
    out += text.slice(r.start, Math.min(r.end, r.start + max - out.length));
  }
  return out.length > max ? out.slice(0, max) : out;
}

/** Builds one document; its id is the parts' own, else the file path, else a hash of the text. */
export function buildDocument(parts: Parts, ctx: BuildContext): RawDocument {
  const title = parts.title?.replace(/\s+/g, " ").trim() || null;
  const paragraphs = parts.paragraphs ?? [];
  const structured = parts.text === undefined;
  const text = structured ? [title, ...paragraphs].filter((p): p is string => !!p).join("\n\n") : parts.text!;
  const layout =
    ctx.opts.header === false
      ? { title: null, publishedAt: null, translatedFrom: null, credits: [], outlet: null, regions: [{ kind: "body" as const, start: 0, end: text.length }] }
      : readLayout(text, { titleFirst: structured && !!title });
  const over = overrides(ctx);

  const bodyText = bodySample(text, layout.regions, SAMPLE);
  const source: { url?: string; outlet?: string; file?: string } = {};
  if (parts.url) source.url = parts.url;
  const outlet = parts.outlet ?? layout.outlet;
  if (outlet) source.outlet = outlet;
  if (ctx.file !== undefined) source.file = ctx.file;

  return {
    text,
    meta: {
      id: parts.id ?? ctx.file ?? textId(text),
      title: over.title ?? (structured ? title : (title ?? layout.title)),
      publishedAt: over.publishedAt ?? parts.publishedAt ?? layout.publishedAt,
      language: over.language ?? (parts.language ? checkDeclared(parts.language, bodyText || text) : guessLanguage(bodyText || text)),
      translatedFrom: parts.translatedFrom ?? layout.translatedFrom,
      credits: dedupe([...(parts.credits ?? []), ...layout.credits]),
      source: Object.keys(source).length > 0 ? source : null,
    },
    regions: layout.regions,
    diagnostics: parts.diagnostics ?? [],
  };
}
