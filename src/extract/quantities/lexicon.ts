import { readFileSync } from "node:fs";
import { dataPath } from "../../lexicon/paths.js";

/** Reads `data/<rel>` as a JSON object, or throws an error naming the file. */
export function readLexicon(rel: string): Record<string, unknown> {
  const file = `data/${rel}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(dataPath(rel), "utf8"));
  } catch (err) {
    throw new Error(`${file}: cannot read lexicon: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error(`${file}: must be a JSON object`);
  return raw as Record<string, unknown>;
}

/** `obj[key]` as a list of non-empty strings, or throws naming the file and key. */
export function stringList(obj: Record<string, unknown>, key: string, file: string): string[] {
  const v = obj[key];
  if (!Array.isArray(v) || v.some((w) => typeof w !== "string" || w.length === 0)) {
    throw new Error(`data/${file}: \`${key}\` must be a list of non-empty strings`);
  }
  return v as string[];
}

/** `obj[key]` as a map whose values pass `ok`, or throws naming the file and key. */
export function record<T>(obj: Record<string, unknown>, key: string, file: string, ok: (v: unknown) => boolean, what: string): Record<string, T> {
  const v = obj[key];
  if (typeof v !== "object" || v === null || Array.isArray(v) || Object.values(v).some((x) => !ok(x))) {
    throw new Error(`data/${file}: \`${key}\` must map words to ${what}`);
  }
  return v as Record<string, T>;
}

export const isPositiveNumber = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v > 0;

/** Cardinal number words (lower-cased) from `data/lexicons/numbers.json`. */
export interface NumberWords {
  /** one..ninety. */
  units: Map<string, number>;
  /** hundred, thousand, ... (multipliers). */
  scales: Map<string, number>;
  /** Nouns that count as a number: "dozen" = 12. */
  groups: Map<string, number>;
}

let numbers: NumberWords | undefined;

/** Loads the number words once per process. */
export function numberWords(): NumberWords {
  if (!numbers) {
    const f = "lexicons/numbers.json";
    const raw = readLexicon(f);
    numbers = {
      units: new Map(Object.entries(record<number>(raw, "units", f, isPositiveNumber, "positive numbers"))),
      scales: new Map(Object.entries(record<number>(raw, "scales", f, isPositiveNumber, "positive numbers"))),
      groups: new Map(Object.entries(record<number>(raw, "groups", f, isPositiveNumber, "positive numbers"))),
    };
  }
  return numbers;
}

export const QUALIFIERS = ["exact", "about", "at_least", "more_than", "less_than", "at_most"] as const;

/** The quantities lexicon, `data/lexicons/quantities.json`. All words lower-cased. */
export interface QuantityLexicon {
  /** Phrase before a number → qualifier ("more than" → more_than). */
  qualifiers: Map<string, (typeof QUALIFIERS)[number]>;
  /** Longest qualifier phrase, in words. */
  maxQualifierWords: number;
  /** Plural number nouns ("dozens") → lower bound. */
  vague: Map<string, number>;
  fillers: Set<string>;
  countedNouns: Set<string>;
  notNouns: Set<string>;
  stopWords: Set<string>;
  timeUnits: Set<string>;
  percentWords: Set<string>;
  currencyWords: Set<string>;
  currencySymbols: Set<string>;
  determiners: Set<string>;
  /** Words after a number that make it a time of day ("p.m", "GMT"). */
  clockWords: Set<string>;
  /** Words before a bare number that make it an age ("aged 23"). */
  ageWords: Set<string>;
}

let quantities: QuantityLexicon | undefined;

/** Loads the quantities lexicon once per process. */
export function quantityLexicon(): QuantityLexicon {
  if (!quantities) {
    const f = "lexicons/quantities.json";
    const raw = readLexicon(f);
    const quals = record<(typeof QUALIFIERS)[number]>(raw, "qualifiers", f, (v) => (QUALIFIERS as readonly unknown[]).includes(v), `one of ${QUALIFIERS.join(", ")}`);
    const set = (k: string) => new Set(stringList(raw, k, f));
    quantities = {
      qualifiers: new Map(Object.entries(quals)),
      maxQualifierWords: Math.max(...Object.keys(quals).map((q) => q.split(" ").length)),
      vague: new Map(Object.entries(record<number>(raw, "vague", f, isPositiveNumber, "positive numbers"))),
      fillers: set("fillers"),
      countedNouns: set("countedNouns"),
      notNouns: set("notNouns"),
      stopWords: set("stopWords"),
      timeUnits: set("timeUnits"),
      percentWords: set("percentWords"),
      currencyWords: set("currencyWords"),
      currencySymbols: set("currencySymbols"),
      determiners: set("determiners"),
      clockWords: set("clockWords"),
      ageWords: set("ageWords"),
    };
  }
  return quantities;
}
