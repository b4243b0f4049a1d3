/**
 * Loads and validates the reader's data files (`data/lexicons/credits.json`, `reader-cues.json`,
 * `languages.json`). Each loader reads its file once per process, lazily, and throws an error naming
 * the file when its shape is wrong.
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../lexicon/paths.js";
import type { CreditRole } from "../model.js";

const ROLES: readonly CreditRole[] = ["author", "translator", "editor", "translation-editor", "photographer", "other"];

export interface CreditLabel {
  /** Lower-cased label as written, e.g. "translated by". */
  label: string;
  role: CreditRole;
  /** The label must be followed by ':'. */
  colon: boolean;
}

export interface CreditCues {
  /** Longest label first, so "Translation Editor" wins over "Translation". */
  labels: CreditLabel[];
  /** Lower-cased bylines that name no person ("staff reporter"). */
  genericBylines: Set<string>;
  /** Lower-cased lower-case words allowed inside a person's name ("al", "bin"). */
  nameParticles: Set<string>;
}

export interface ReaderCues {
  boilerplate: RegExp[];
  translatedFrom: RegExp[];
  dateLabels: string[];
  updateLabels: string[];
  months: Map<string, number>;
  weekdays: Set<string>;
}

export interface LanguageCues {
  /** Lower-cased English language name → ISO 639-1 code. */
  names: Map<string, string>;
  stopwords: Map<string, Set<string>>;
}

/** Thrown when a data file has the wrong shape. */
export class DataFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = "DataFileError";
  }
}

function loadJson(rel: string): { file: string; json: unknown } {
  const file = dataPath(rel);
  try {
    return { file, json: JSON.parse(readFileSync(file, "utf8")) };
  } catch (e) {
    throw new DataFileError(file, `cannot read JSON (${(e as Error).message})`);
  }
}

function object(file: string, json: unknown): Record<string, unknown> {
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new DataFileError(file, "expected a JSON object");
  return json as Record<string, unknown>;
}

function stringList(file: string, json: Record<string, unknown>, key: string): string[] {
  const v = json[key];
  if (!Array.isArray(v) || !v.every((s) => typeof s === "string" && s.length > 0)) {
    throw new DataFileError(file, `"${key}" must be a list of non-empty strings`);
  }
  return v as string[];
}

function regexList(file: string, json: Record<string, unknown>, key: string): RegExp[] {
  return stringList(file, json, key).map((s) => {
    try {
      return new RegExp(s, "i");
    } catch (e) {
      throw new DataFileError(file, `"${key}" holds a bad regular expression ${JSON.stringify(s)} (${(e as Error).message})`);
    }
  });
}

function numberMap(file: string, json: Record<string, unknown>, key: string, min: number, max: number): Map<string, number> {
  const v = json[key];
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new DataFileError(file, `"${key}" must be an object`);
  const out = new Map<string, number>();
  for (const [k, n] of Object.entries(v)) {
    if (!Number.isInteger(n) || (n as number) < min || (n as number) > max) {
      throw new DataFileError(file, `"${key}.${k}" must be an integer from ${min} to ${max}`);
    }
    out.set(k.toLowerCase(), n as number);
  }
  return out;
}

let credits: CreditCues | undefined;
/** Credit labels, generic bylines and name particles from `data/lexicons/credits.json`. */
export function creditCues(): CreditCues {
  if (!credits) {
    const { file, json } = loadJson("lexicons/credits.json");
    credits = parseCreditCues(json, file);
  }
  return credits;
}

/** Validates the content of a credits file; throws `DataFileError` naming `file`. */
export function parseCreditCues(input: unknown, file: string): CreditCues {
  const json = object(file, input);
  const raw = json.labels;
  if (!Array.isArray(raw) || raw.length === 0) throw new DataFileError(file, `"labels" must be a non-empty list`);
  const labels = raw.map((l, i): CreditLabel => {
    const o = l as Record<string, unknown>;
    if (!o || typeof o.label !== "string" || !o.label.trim()) throw new DataFileError(file, `labels[${i}].label must be a non-empty string`);
    if (!ROLES.includes(o.role as CreditRole)) throw new DataFileError(file, `labels[${i}].role must be one of ${ROLES.join(", ")}`);
    if (typeof o.colon !== "boolean") throw new DataFileError(file, `labels[${i}].colon must be true or false`);
    return { label: o.label.toLowerCase(), role: o.role as CreditRole, colon: o.colon };
  });
  labels.sort((a, b) => b.label.length - a.label.length);
  return {
    labels,
    genericBylines: new Set(stringList(file, json, "genericBylines").map((s) => s.toLowerCase())),
    nameParticles: new Set(stringList(file, json, "nameParticles").map((s) => s.toLowerCase())),
  };
}

let reader: ReaderCues | undefined;
/** Boilerplate, translation notes, date labels and calendar words from `data/lexicons/reader-cues.json`. */
export function readerCues(): ReaderCues {
  if (!reader) {
    const { file, json } = loadJson("lexicons/reader-cues.json");
    reader = parseReaderCues(json, file);
  }
  return reader;
}

/** Validates the content of a reader-cues file; throws `DataFileError` naming `file`. */
export function parseReaderCues(input: unknown, file: string): ReaderCues {
  const json = object(file, input);
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    boilerplate: regexList(file, json, "boilerplate"),
    translatedFrom: regexList(file, json, "translatedFrom"),
    dateLabels: stringList(file, json, "dateLabels").map((s) => s.toLowerCase()).sort(byLength),
    updateLabels: stringList(file, json, "updateLabels").map((s) => s.toLowerCase()).sort(byLength),
    months: numberMap(file, json, "months", 1, 12),
    weekdays: new Set(stringList(file, json, "weekdays").map((s) => s.toLowerCase())),
  };
}

let languages: LanguageCues | undefined;
/** Language names and stopwords from `data/lexicons/languages.json`. */
export function languageCues(): LanguageCues {
  if (!languages) {
    const { file, json } = loadJson("lexicons/languages.json");
    languages = parseLanguageCues(json, file);
  }
  return languages;
}

/** Validates the content of a languages file; throws `DataFileError` naming `file`. */
export function parseLanguageCues(input: unknown, file: string): LanguageCues {
  const json = object(file, input);
  const names = json.names;
  if (!names || typeof names !== "object" || Array.isArray(names)) throw new DataFileError(file, `"names" must be an object`);
  const nameMap = new Map<string, string>();
  for (const [k, v] of Object.entries(names)) {
    if (typeof v !== "string" || !/^[a-z]{2,3}$/.test(v)) throw new DataFileError(file, `"names.${k}" must be an ISO 639 code`);
    nameMap.set(k.toLowerCase(), v);
  }
  const sw = json.stopwords;
  if (!sw || typeof sw !== "object" || Array.isArray(sw)) throw new DataFileError(file, `"stopwords" must be an object`);
  const stopwords = new Map<string, Set<string>>();
  for (const code of Object.keys(sw)) {
    stopwords.set(code, new Set(stringList(file, sw as Record<string, unknown>, code).map((s) => s.toLowerCase())));
  }
  return { names: nameMap, stopwords };
}
