/**
 * JSON lines (one article object a line) and JSON (one object, or a list of them). Fields: `text`
 * (required), `title`, `publishedAt`/`published_at`/`published`/`date`, `url`, `language`/`lang`,
 * `id`, `author`/`authors`, `outlet`/`source`. The text is kept as given; header lines in it are
 * still read.
 */
import type { Credit, Diagnostic } from "../model.js";
import { parseDate } from "./dates.js";
import { InputError } from "./errors.js";
import { normaliseLanguage } from "./language.js";
import type { Parts } from "./parts.js";

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** One record → parts; `where` names it in messages ("line 3", "item 2"); throws on a record without text. */
function record(v: unknown, file: string, where: string, fallbackId: string): Parts {
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new InputError(file, `${where}: expected a JSON object`);
  const o = v as Record<string, unknown>;
  if (typeof o.text !== "string" || !o.text.trim()) throw new InputError(file, `${where}: no "text" field with article text`);
  const diagnostics: Diagnostic[] = [];
  const dateRaw = str(o.publishedAt) ?? str(o.published_at) ?? str(o.published) ?? str(o.date);
  const publishedAt = dateRaw ? parseDate(dateRaw) : null;
  if (dateRaw && !publishedAt) diagnostics.push({ severity: "warning", message: `${where}: cannot read the date "${dateRaw}"`, rule: "read/jsonl-date" });
  const authors = ([] as unknown[]).concat(o.authors ?? o.author ?? []).map(str).filter((a): a is string => !!a);
  const credits: Credit[] = authors.map((name) => ({ role: "author", name }));
  const id = typeof o.id === "number" ? String(o.id) : str(o.id);
  const url = str(o.url);
  return {
    text: o.text,
    title: str(o.title) ?? null,
    publishedAt,
    url,
    outlet: str(o.outlet) ?? str(o.source),
    language: normaliseLanguage(str(o.language) ?? str(o.lang)) ?? undefined,
    credits,
    id: id ?? url ?? fallbackId,
    diagnostics,
  };
}

/**
 * Parses JSON lines; a bad line throws `InputError` naming `file` and the line number (1-based).
 * Records without an id or url get `${idBase}#${line}`.
 */
export function readJsonLines(text: string, file: string, idBase = file): Parts[] {
  const out: Parts[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new InputError(file, `line ${i + 1}: not valid JSON (${(e as Error).message.split("\n")[0]})`);
    }
    out.push(record(v, file, `line ${i + 1}`, `${idBase}#${i + 1}`));
  });
  if (out.length === 0) throw new InputError(file, "no JSON records in the file");
  return out;
}

/** Parses a JSON document holding one article object or a list of them (ids as in `readJsonLines`). */
export function readJson(text: string, file: string, idBase = file): Parts[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, `not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) throw new InputError(file, "the JSON list is empty");
    return v.map((x, i) => record(x, file, `item ${i + 1}`, `${idBase}#${i + 1}`));
  }
  return [record(v, file, "the JSON object", idBase)];
}
