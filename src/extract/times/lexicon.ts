import { isPositiveNumber, readLexicon, record, stringList } from "../quantities/lexicon.js";

/** The times lexicon, `data/lexicons/times.json`. All words lower-cased. */
export interface TimeLexicon {
  /** Month name or abbreviation → 1..12. */
  months: Map<string, number>;
  /** Weekday name → 0 (Sunday) .. 6 (Saturday). */
  weekdays: Map<string, number>;
  dayParts: string[];
  /** Words before "N units ago" that make it approximate. */
  approximateWords: string[];
  /** "early", "the end of", ...: part of a period; the result is approximate. */
  partWords: string[];
  /** Words before a year or month ("in", "since"). */
  yearPrepositions: string[];
  /** "a few" → [low, high] units. */
  fewWords: Map<string, [number, number]>;
  /** Phrases naming a day by its distance from publication, in days ("yesterday" → -1). */
  deicticDays: Map<string, number>;
  /** Quarter names → 1..4 ("first quarter"). */
  quarters: Map<string, number>;
  /** Day numbers in words ("third"); a month after "<ordinal> of" is left to chrono. */
  ordinals: string[];
  /** Season → [first month, last month]; months past 12 run into the next year. */
  seasons: Map<string, [number, number]>;
}

let lexicon: TimeLexicon | undefined;

const isRange = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 2 && v.every(isPositiveNumber) && (v[0] as number) <= (v[1] as number);

/** Loads the times lexicon once per process; throws an error naming the file when it is malformed. */
export function timeLexicon(): TimeLexicon {
  if (!lexicon) {
    const f = "lexicons/times.json";
    const raw = readLexicon(f);
    const months = record<number>(raw, "months", f, (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 12, "1..12");
    const weekdays = record<number>(raw, "weekdays", f, (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 6, "0..6");
    lexicon = {
      months: new Map(Object.entries(months)),
      weekdays: new Map(Object.entries(weekdays)),
      dayParts: stringList(raw, "dayParts", f),
      approximateWords: stringList(raw, "approximateWords", f),
      partWords: stringList(raw, "partWords", f),
      yearPrepositions: stringList(raw, "yearPrepositions", f),
      ordinals: stringList(raw, "ordinals", f),
      deicticDays: new Map(Object.entries(record<number>(raw, "deicticDays", f, Number.isInteger, "whole numbers of days"))),
      quarters: new Map(Object.entries(record<number>(raw, "quarters", f, (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 4, "1..4"))),
      fewWords: new Map(Object.entries(record<[number, number]>(raw, "fewWords", f, isRange, "[low, high] pairs"))),
      seasons: new Map(Object.entries(record<[number, number]>(raw, "seasons", f, isRange, "[first, last] month pairs"))),
    };
  }
  return lexicon;
}
