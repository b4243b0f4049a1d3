import type { Precision } from "../../model.js";
import { wordsValue } from "../quantities/numbers.js";
import { numberWords } from "../quantities/lexicon.js";
import {
  addDays, addMonths, compareDays, isoDay, isoMonth, isoYear, isValidDay, weekdayOf, weekStart, type Ymd,
} from "./calendar.js";
import { timeLexicon } from "./lexicon.js";

/** A resolved period: ISO 8601 prefixes at `precision`, `start` <= `end`. */
export interface Period {
  start: string;
  end: string;
  precision: Precision;
}

/** What a rule read from one match; offsets are relative to the string the rule ran over. */
export interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** True when the period depends on the publication date. */
  relative: boolean;
  approximate: boolean;
  /** The period; `ref` (the publication day) is non-null whenever `relative` is true. Null: not a time after all. */
  resolve(ref: Ymd | null): Period | null;
}

/** A recognizer: a pattern plus an extract step that may say "not mine" (null). */
export interface TimeRule {
  name: string;
  /**
   * Cheap test a sentence must pass before `re` runs over it (a word or shape every match holds).
   * No lookarounds, anchors or `\b`: it is run over the whole text, so a match must not depend on
   * what lies outside it. Rules may share one hint object; it is then run once.
   */
  hint: RegExp;
  /**
   * Word alternations ("last|past|previous"; plain ASCII words, flag `i` at most), each of which every
   * match of `re` holds at the start of a word (after a word boundary, a space or a hyphen). A sentence
   * lacking one skips `hint` and `re`, and `hint` is then tried on the sentence alone: for hints that
   * would otherwise scan whole texts without matching.
   */
  words?: RegExp[];
  re: RegExp;
  build(m: RegExpExecArray): Omit<Candidate, "start" | "end" | "rule"> | null;
}

const day = (t: Ymd): Period => ({ start: isoDay(t), end: isoDay(t), precision: "day" });
const week = (t: Ymd): Period => {
  const mon = weekStart(t);
  return { start: isoDay(mon), end: isoDay(addDays(mon, 6)), precision: "week" };
};
const month = (y: number, m: number): Period => ({ start: isoMonth(y, m), end: isoMonth(y, m), precision: "month" });
const year = (y: number): Period => ({ start: isoYear(y), end: isoYear(y), precision: "year" });

/** Plausible years for a four-digit number after a time word ("in 1857", "since 2019"). */
export const isYearLike = (y: number) => y >= 1000 && y <= 2099;
const isYear = isYearLike;

/** Alternation of phrases, longest first, spaces matching any run of in-line white space. */
function alt(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, S))
    .join("|");
}

/** In-line white space (never a line break: expressions do not cross lines). */
const S = "[^\\S\\n]+";
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const norm = (w: string | undefined) => (w ?? "").toLowerCase().replace(/\s+/g, " ");

/** Value of a small count written in digits or words ("3", "three", "a"); null if not one. */
function countValue(w: string): number | null {
  const lw = norm(w);
  if (/^\d+$/.test(lw)) return Number(lw);
  if (lw === "a" || lw === "an") return 1;
  return wordsValue(lw.split(" "));
}

type Unit = "day" | "week" | "month" | "year" | "decade";

/** The period `n` units before `ref`, at the unit's precision (a decade counts as ten years). */
function unitsBefore(ref: Ymd, unit: Unit, n: number): Period {
  switch (unit) {
    case "day": return day(addDays(ref, -n));
    case "week": return week(addDays(ref, -7 * n));
    case "month": { const t = addMonths(ref.y, ref.m, -n); return month(t.y, t.m); }
    case "year": return year(ref.y - n);
    case "decade": return year(ref.y - 10 * n);
  }
}

/** Joins two periods into one range at the coarser precision. */
function span2(a: Period, b: Period): Period {
  return { start: a.start, end: b.end, precision: a.precision };
}

/** The most recent `weekday` strictly before `ref` (after it when `forward`). */
function nearestWeekday(ref: Ymd, weekday: number, forward: boolean): Ymd {
  const diff = (weekdayOf(ref) - weekday + 7) % 7 || 7;
  return forward ? addDays(ref, ((weekday - weekdayOf(ref) + 7) % 7) || 7) : addDays(ref, -diff);
}

/** The year of the most recent `m`/`d` on or before `ref` (strictly before when `strict`; after when `forward`). */
function yearForMonth(ref: Ymd, m: number, d: number | null, mode: "past" | "strict" | "forward"): number {
  const cmp = d === null ? Math.sign(m - ref.m) : compareDays({ y: ref.y, m, d }, ref);
  if (mode === "forward") return cmp > 0 ? ref.y : ref.y + 1;
  if (mode === "strict") return cmp < 0 ? ref.y : ref.y - 1;
  return cmp <= 0 ? ref.y : ref.y - 1;
}

let monthHintRe: RegExp | undefined;

/** The first three letters of a month name, capitalised: every month rule's match and every chrono date hold one. */
export function monthHint(): RegExp {
  monthHintRe ??= new RegExp([...new Set([...timeLexicon().months.keys()].map((k) => k[0].toUpperCase() + k.slice(1, 3)))].join("|"));
  return monthHintRe;
}

/** Builds the rule table from the lexicon (once). Order matters only for equal-length overlaps. */
export function buildRules(): TimeRule[] {
  const lex = timeLexicon();
  const num = numberWords();
  const NUMWORD = alt(num.units.keys());
  const NUM = `\\d{1,3}|(?:${NUMWORD})(?:(?:-|${S})(?:${NUMWORD}))?|an?`;
  const FEW = alt(lex.fewWords.keys());
  const QUAL = alt(lex.approximateWords);
  const PART = alt(lex.partWords);
  const PREP = alt(lex.yearPrepositions);
  const monthKeys = [...lex.months.keys()];
  /** An abbreviation is a strict prefix of another name of the same month; only it may take a period. */
  const isAbbr = (k: string) => monthKeys.some((o) => o !== k && o.startsWith(k) && lex.months.get(o) === lex.months.get(k));
  const MONTH = `(?:${alt(monthKeys.filter((k) => !isAbbr(k)))})|(?:${alt(monthKeys.filter(isAbbr))})\\.?`;
  const WEEKDAY = alt(lex.weekdays.keys());
  const DAYPART = alt(lex.dayParts);
  const UNIT = "(day|week|month|year|decade)s?";
  const rx = (src: string) => new RegExp(src, "giu");
  const words = (alternation: string) => new RegExp(alternation, "i");
  const PAST = "last|past|previous";
  const RELATIVE = "last|past|previous|this|next|current|coming";
  const CALENDAR_UNIT = "week|month|year|decade";
  const MONTH_HINT = monthHint();
  const YEAR_HINT = /\d{4}/;
  /** A lower-case plural word next ("fighters"). */
  const PLURAL_AFTER = /^[^\S\n]+(?:\p{Ll}+[^\S\n]+)?\p{Ll}*(?:\p{Ll}[^s\s]s|children|people|men)(?![\p{L}])/u;
  /** An ordinal day right before "of <month>" ("the third of March"): that date is chrono's. */
  const ORDINAL_BEFORE = new RegExp(`(?<![\\p{L}])(?:\\d{1,2}(?:st|nd|rd|th)|${alt(lex.ordinals)})${S}$`, "iu");
  const unitOf = (w: string) => norm(w) as Unit;
  const monthOf = (w: string) => lex.months.get(norm(w).replace(/\.$/, ""));
  /** Month names count only capitalised; abbreviations only with a day or year. */
  const monthOk = (w: string, withNumber: boolean) => isCapitalised(w) && (withNumber || !isAbbr(norm(w).replace(/\.$/, "")));

  /** "since X": the period runs on to publication (`at(ref)`, same precision); otherwise `p` unchanged. */
  const sinceEnd = (p: Period, prep: string, ref: Ymd | null, at: (r: Ymd) => Period): Period => {
    if (prep !== "since" || !ref) return p;
    const e = at(ref);
    return e.end > p.end ? { ...p, end: e.end } : p;
  };

  return [
    {
      name: "times/ago",
      hint: /ago/i,
      re: rx(`${B}(?:(${QUAL})${S})?(?:(${FEW})|(${NUM}))${S}${UNIT}${S}ago${E}`),
      build(m) {
        const unit = unitOf(m[4]);
        const few = m[2] ? lex.fewWords.get(norm(m[2]))! : null;
        const n = few ? null : countValue(m[3]);
        if (!few && (n === null || n <= 0)) return null;
        return {
          relative: true,
          approximate: Boolean(m[1]) || Boolean(few) || unit === "decade",
          resolve: (ref) => few ? span2(unitsBefore(ref!, unit, few[1]), unitsBefore(ref!, unit, few[0])) : unitsBefore(ref!, unit, n!),
        };
      },
    },
    {
      name: "times/rolling",
      hint: new RegExp(`the${S}(?:${PAST})`, "i"),
      words: [words(PAST)],
      re: rx(`${B}(?:(?:over|during|in|within|throughout|for)${S})?the${S}(?:${PAST})${S}(?:(?:(${FEW})|(${NUM}))${S})?${UNIT}${E}`),
      build(m) {
        const unit = unitOf(m[3]);
        const few = m[1] ? lex.fewWords.get(norm(m[1]))! : null;
        const n = few ? few[1] : m[2] ? countValue(m[2]) : 1;
        if (n === null || n <= 0) return null;
        return {
          relative: true,
          approximate: Boolean(few),
          resolve: (ref) => {
            if (unit === "day" || unit === "week") {
              return { start: isoDay(addDays(ref!, -(unit === "week" ? 7 : 1) * n)), end: isoDay(ref!), precision: "day" };
            }
            const back = unit === "month" ? n : unit === "year" ? 12 * n : 120 * n;
            const s = addMonths(ref!.y, ref!.m, -back);
            return { start: isoMonth(s.y, s.m), end: isoMonth(ref!.y, ref!.m), precision: "month" };
          },
        };
      },
    },
    {
      name: "times/relative-unit",
      hint: new RegExp(`(?:${RELATIVE})${S}(?:${CALENDAR_UNIT})`, "i"),
      words: [words(RELATIVE), words(CALENDAR_UNIT)],
      re: rx(`${B}(?:(${PART}|earlier|later)(?:-|${S}))?(${RELATIVE})${S}(${CALENDAR_UNIT})${E}`),
      build(m) {
        const part = norm(m[1]);
        const which = norm(m[2]);
        const unit = unitOf(m[3]);
        const shift = which === "next" || which === "coming" ? 1 : which === "this" || which === "current" ? 0 : -1;
        if (unit === "decade" && shift !== 0) return null;
        return {
          relative: true,
          approximate: part !== "" && part !== "earlier" && part !== "later",
          resolve: (ref) => {
            const r = ref!;
            if (unit === "week") return week(addDays(r, 7 * shift));
            if (unit === "decade") {
              const d0 = r.y - (r.y % 10);
              return { start: isoYear(d0), end: isoYear(d0 + 9), precision: "decade" };
            }
            if (unit === "month") {
              const t = addMonths(r.y, r.m, shift);
              return month(t.y, t.m);
            }
            if (shift === 0 && part === "earlier") return { start: isoMonth(r.y, 1), end: isoMonth(r.y, r.m), precision: "month" };
            if (shift === 0 && part === "later") return { start: isoMonth(r.y, r.m), end: isoMonth(r.y, 12), precision: "month" };
            return year(r.y + shift);
          },
        };
      },
    },
    {
      name: "times/deictic-day",
      hint: new RegExp([...new Set([...lex.deicticDays.keys()].map((k) => k.split(" ").pop()!))].join("|"), "i"),
      re: rx(`${B}(${alt(lex.deicticDays.keys())})(?:${S}(?:${DAYPART}))?${E}`),
      build(m) {
        const shift = lex.deicticDays.get(norm(m[1]))!;
        return { relative: true, approximate: false, resolve: (ref) => day(addDays(ref!, shift)) };
      },
    },
    {
      name: "times/weekday",
      hint: new RegExp(alt(lex.weekdays.keys()), "i"),
      re: rx(`${B}(?:(on|last|this${S}past|past|next|this|coming|since|until|by)${S})?(${WEEKDAY})(?:${S}(?:${DAYPART}))?${E}`),
      build(m) {
        if (!isCapitalised(m[2])) return null;
        // "Bloody Friday": a capitalised word right before a bare weekday makes it part of a name.
        if (!m[1] && /\p{Lu}[\p{L}'’-]*[^\S\n]+$/u.test(m.input.slice(Math.max(0, m.index - 30), m.index))) return null;
        const wd = lex.weekdays.get(norm(m[2]))!;
        const forward = ["next", "coming"].includes(norm(m[1]));
        return { relative: true, approximate: false, resolve: (ref) => day(nearestWeekday(ref!, wd, forward)) };
      },
    },
    {
      name: "times/month-day",
      hint: MONTH_HINT,
      re: rx(`${B}(?:(?:${WEEKDAY}),?${S})?(${MONTH})${S}(\\d{1,2})(?:st|nd|rd|th)?${E}(?:[-–](\\d{1,2})${E})?(?:,?${S}(\\d{4})${E})?`),
      build(m) {
        return monthDay(m[1], m[2], m[4], m[3]);
      },
    },
    {
      name: "times/day-month",
      hint: MONTH_HINT,
      re: rx(`${B}(?:(?:${WEEKDAY}),?${S})?(?:the${S})?(\\d{1,2})(?:st|nd|rd|th)?${S}(?:of${S})?(${MONTH})${E}(?:,?${S}(\\d{4})${E})?`),
      build(m) {
        return monthDay(m[2], m[1], m[3]);
      },
    },
    {
      name: "times/month",
      hint: MONTH_HINT,
      re: rx(`${B}(?:(${PREP}|last|next|this|past)${S})?(?:(${PART})(?:-|${S}))?(${MONTH})${E}(?!,?${S}\\d{1,2}(?:st|nd|rd|th)?${E})(?:,?${S}(?:of${S})?(\\d{4})${E})?`),
      build(m) {
        const prep = norm(m[1]);
        const mo = monthOf(m[3]);
        if (!mo || !monthOk(m[3], Boolean(m[4]))) return null;
        if (!m[4] && (prep === "of" || (!m[1] && !m[2]))) return null;
        if (prep === "of" && ORDINAL_BEFORE.test(m.input.slice(Math.max(0, m.index - 20), m.index))) return null;
        const y = m[4] ? Number(m[4]) : null;
        if (y !== null && !isYear(y)) return null;
        const mode = prep === "last" || prep === "past" ? "strict" : prep === "next" ? "forward" : "past";
        return {
          relative: y === null,
          approximate: Boolean(m[2]),
          resolve: (ref) => {
            const p = month(y ?? yearForMonth(ref!, mo, null, mode), mo);
            return sinceEnd(p, prep, ref, (r) => month(r.y, r.m));
          },
        };
      },
    },
    {
      name: "times/year-range",
      hint: /\d{4}[^\S\n]*(?:[-–—]|to|and|until)/i,
      re: rx(`${B}(?:(from|between)${S})?(\\d{4})(?:${S})?(?:-|–|—|${S}to${S}|${S}and${S}|${S}until${S})(?:${S})?(\\d{4}|\\d{2})${E}`),
      build(m) {
        const y1 = Number(m[2]);
        let y2 = Number(m[3]);
        if (m[3].length === 2) y2 = y1 - (y1 % 100) + y2;
        const sep = norm(m[0].slice(m[0].indexOf(m[2]) + 4, m[0].lastIndexOf(m[3])).trim());
        if (sep === "and" && norm(m[1]) !== "between") return null;
        if (sep === "to" && !m[1]) return null;
        if (!isYear(y1) || !isYear(y2) || y2 <= y1) return null;
        return { relative: false, approximate: false, resolve: () => ({ start: isoYear(y1), end: isoYear(y2), precision: "year" }) };
      },
    },
    {
      name: "times/year",
      hint: YEAR_HINT,
      re: rx(`${B}(${PREP}|the${S}year)(?:-|${S})(?:(${PART})(?:-|${S}))?(\\d{4})${E}`),
      build(m) {
        const y = Number(m[3]);
        if (!isYear(y)) return null;
        const prep = norm(m[1]);
        // "a force of 2000 fighters": after "of", a plural noun makes the number a count.
        if (prep === "of" && PLURAL_AFTER.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 30))) return null;
        return {
          relative: false,
          approximate: Boolean(m[2]) || ["early", "late", "mid"].includes(prep),
          resolve: (ref) => sinceEnd(year(y), prep, ref, (r) => year(r.y)),
        };
      },
    },
    {
      name: "times/quarter",
      hint: /quarter|Q[1-4]/i,
      re: rx(`${B}(?:(?:the${S})?(${alt(lex.quarters.keys())})${S}quarter${S}of${S}|Q([1-4])${S})(\\d{4})${E}`),
      build(m) {
        const q = m[1] ? lex.quarters.get(norm(m[1]))! : Number(m[2]);
        const y = Number(m[3]);
        if (!isYear(y)) return null;
        return { relative: false, approximate: false, resolve: () => ({ start: isoMonth(y, 3 * q - 2), end: isoMonth(y, 3 * q), precision: "quarter" }) };
      },
    },
    {
      name: "times/decade",
      hint: /\d0['’]?s/,
      re: rx(`${B}(?:the${S})?(?:(early|mid|late)(?:-|${S}))?(1[89]\\d0|20\\d0)['’]?s${E}`),
      build(m) {
        const d0 = Number(m[2]);
        return { relative: false, approximate: Boolean(m[1]), resolve: () => ({ start: isoYear(d0), end: isoYear(d0 + 9), precision: "decade" }) };
      },
    },
    {
      name: "times/numeric-date",
      hint: /\d[/.-]\d/,
      re: rx(`${B}(?:(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})|(\\d{1,2})([/.-])(\\d{1,2})\\6(\\d{4}))${E}(?![/.-]\\d)`),
      build(m) {
        let y: number, mo: number, d: number;
        if (m[1]) {
          [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
        } else {
          const a = Number(m[5]), b = Number(m[7]);
          y = Number(m[8]);
          // Day first (the usual order outside the US) unless the second part cannot be a month.
          [d, mo] = b > 12 ? [b, a] : [a, b];
        }
        if (!isYear(y) || !isValidDay(y, mo, d)) return null;
        return { relative: false, approximate: false, resolve: () => day({ y, m: mo, d }) };
      },
    },
    {
      name: "times/season",
      hint: new RegExp(alt(lex.seasons.keys()), "i"),
      re: rx(`${B}(?:(${PREP}|last|next|this|past)${S})?(?:(early|late|mid)(?:-|${S}))?(${alt(lex.seasons.keys())})(?:${S}(?:of${S})?(\\d{4}))?${E}`),
      build(m) {
        const prep = norm(m[1]);
        const y = m[4] ? Number(m[4]) : null;
        if (y !== null && !isYear(y)) return null;
        const shift = prep === "last" || prep === "past" ? -1 : prep === "next" ? 1 : prep === "this" ? 0 : null;
        if (y === null && shift === null) return null;
        const [a, b] = lex.seasons.get(norm(m[3]))!;
        return {
          relative: y === null,
          approximate: Boolean(m[2]),
          resolve: (ref) => {
            const y0 = y ?? ref!.y + shift!;
            const s = addMonths(y0, a, 0);
            const e = addMonths(y0, b, 0);
            return { start: isoMonth(s.y, s.m), end: isoMonth(e.y, e.m), precision: "month" };
          },
        };
      },
    },
  ];

  /**
   * "March 3", "3 March 2019", "March 3-5, 2016": a day (or a run of days), resolved to the last such
   * date on or before publication when the year is missing.
   */
  function monthDay(monthWord: string, dayText: string, yearText: string | undefined, lastDayText?: string): Omit<Candidate, "start" | "end" | "rule"> | null {
    const mo = monthOf(monthWord);
    if (!mo || !monthOk(monthWord, true)) return null;
    const d = Number(dayText);
    const d2 = lastDayText ? Number(lastDayText) : d;
    const y = yearText ? Number(yearText) : null;
    if (y !== null && !isYear(y)) return null;
    if (!isValidDay(y ?? 2000, mo, d) || !isValidDay(y ?? 2000, mo, d2) || d2 < d) return null;
    return {
      relative: y === null,
      approximate: false,
      resolve: (ref) => {
        const yy = y ?? yearForMonth(ref!, mo, d, "past");
        if (!isValidDay(yy, mo, d2)) return null;
        return { start: isoDay({ y: yy, m: mo, d }), end: isoDay({ y: yy, m: mo, d: d2 }), precision: "day" };
      },
    };
  }
}
