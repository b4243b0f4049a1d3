/**
 * A small date parser for publication dates as news sites write them. It accepts a whole string
 * only (so it can tell a date line from a sentence) and returns an ISO 8601 prefix: "2019-02-01",
 * "2019-02", or "2019-02-01T14:31" with the wall-clock time as written. A numeric offset or
 * GMT/UTC/Z is kept ("+03:00", "Z"); other zone abbreviations ("AMT", "EST") are dropped because
 * they are ambiguous. Seconds are dropped. All-numeric "D/M/YYYY" is read day first, unless only
 * the second number can be a day ("02/13/2019" is month first).
 */
import { readerCues } from "./cues.js";

let textual: RegExp[] | undefined;

const TIME =
  "(?:\\s*(?:,|-|–|—|\\||at|@)?\\s*(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?" +
  "\\s*(?:\\(?\\s*(z|(?:gmt|utc|ut)?\\s*[+-]\\d{1,2}(?::?\\d{2})?|gmt|utc|ut|[a-z]{2,5})\\s*\\)?)?)?";

function textualPatterns(): RegExp[] {
  if (textual) return textual;
  const months = [...readerCues().months.keys()].sort((a, b) => b.length - a.length).join("|");
  const m = `(${months})\\.?`;
  const d = "(\\d{1,2})(?:st|nd|rd|th)?";
  textual = [
    new RegExp(`^${m}\\s+${d},?\\s+(\\d{4})${TIME}$`, "i"),
    new RegExp(`^${d}(?:\\s+of)?\\s+${m},?\\s+(\\d{4})${TIME}$`, "i"),
    new RegExp(`^${m},?\\s+(\\d{4})$`, "i"),
  ];
  return textual;
}

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?)?$/i;
const YMD = new RegExp(`^(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})${TIME}$`, "i");
const DMY = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${TIME}$`, "i");

const pad = (n: number) => String(n).padStart(2, "0");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Normalises a zone as written to "Z", "+HH:MM" or "" (unknown abbreviation). */
function zone(raw: string | undefined): string | null {
  if (!raw) return "";
  const z = raw.toLowerCase().replace(/\s+/g, "");
  if (z === "z" || z === "gmt" || z === "utc" || z === "ut") return "Z";
  const off = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (off) {
    const h = Number(off[2]);
    const min = Number(off[3] ?? "0");
    if (h > 14 || min > 59) return null;
    return h === 0 && min === 0 ? "Z" : `${off[1]}${pad(h)}:${pad(min)}`;
  }
  return "";
}

function build(
  y: number,
  mo: number,
  d: number | null,
  hh?: string,
  mm?: string,
  ampm?: string,
  tz?: string,
): string | null {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return null;
  if (d === null) return `${y}-${pad(mo)}`;
  if (d < 1 || d > daysIn(y, mo)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (hh === undefined || mm === undefined) return date;
  let h = Number(hh);
  const min = Number(mm);
  if (ampm) {
    if (h < 1 || h > 12) return null;
    const pm = ampm.toLowerCase().startsWith("p");
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59) return null;
  const z = zone(tz);
  if (z === null) return null;
  return `${date}T${pad(h)}:${pad(min)}${z}`;
}

/** Drops a leading weekday ("Tuesday, ", "Tue ") and trailing punctuation. */
function clean(s: string): string {
  let t = s.trim().replace(/\s+/g, " ").replace(/[.;,]+$/, "");
  const w = /^([a-z]+)\.?,?\s+/i.exec(t);
  if (w && readerCues().weekdays.has(w[1].toLowerCase())) t = t.slice(w[0].length);
  return t;
}

/** "14:31 GMT, 01 February 2019": a time (with zone) before the date. */
const TIME_FIRST = /^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?\s*(z|gmt|utc|ut|(?:gmt|utc)?[+-]\d{1,2}(?::?\d{2})?|[a-z]{2,5})?\s*(?:,|-|–|—|\||on)?\s+(.+)$/i;

/** Parses a whole string as a date (and time); null when it is not one. */
export function parseDate(input: string): string | null {
  const first = TIME_FIRST.exec(input.trim());
  if (first) {
    const day = parseDay(first[5]);
    if (day?.length === 10) return build(+day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10), first[1], first[2], first[3], first[4]);
  }
  return parseDay(input);
}

/** Longest cleaned text `parseDay` reads, in UTF-16 units. */
const MAX_DAY_TEXT = 60;

/**
 * True when `clean(s).length` surely exceeds `limit`: `clean` keeps every non-space character except
 * a trailing run of [.;,] (among spaces) and a leading weekday (with "." and ","). Counts the kept
 * characters only until the bound is passed, so long lines are refused after a short scan.
 */
function cleanLongerThan(s: string, limit: number): boolean {
  // the trailing run of spaces and [.;,]: none of it is kept
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 0x2e && c !== 0x3b && c !== 0x2c && !isSpace(c)) break;
    end--;
  }
  const needed = limit + longestWeekday() + 2;
  let kept = 0;
  for (let i = 0; i < end; i++) if (!isSpace(s.charCodeAt(i)) && ++kept > needed) return true;
  return false;
}

/** True for the UTF-16 units that `\s` matches. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

let weekdayMax: number | undefined;
function longestWeekday(): number {
  weekdayMax ??= Math.max(0, ...[...readerCues().weekdays].map((w) => w.length));
  return weekdayMax;
}

/** Parses a whole string as a date with an optional time after it. */
function parseDay(input: string): string | null {
  if (input.length > 2 * MAX_DAY_TEXT && cleanLongerThan(input, MAX_DAY_TEXT)) return null;
  const s = clean(input);
  if (s.length < 4 || s.length > MAX_DAY_TEXT) return null;
  let m = ISO.exec(s);
  if (m) {
    return build(+m[1], +m[2], m[3] ? +m[3] : null, m[4], m[5], undefined, m[7]);
  }
  m = YMD.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], m[4], m[5], m[7], m[8]);
  m = DMY.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const [day, month] = b > 12 && a <= 12 ? [b, a] : [a, b];
    return build(+m[3], month, day, m[4], m[5], m[7], m[8]);
  }
  const months = readerCues().months;
  const [mdy, dmy, my] = textualPatterns();
  m = mdy.exec(s);
  if (m) return build(+m[3], months.get(m[1].toLowerCase())!, +m[2], m[4], m[5], m[7], m[8]);
  m = dmy.exec(s);
  if (m) return build(+m[3], months.get(m[2].toLowerCase())!, +m[1], m[4], m[5], m[7], m[8]);
  m = my.exec(s);
  if (m) return build(+m[2], months.get(m[1].toLowerCase())!, null);
  return null;
}

/** A line that holds only a (possibly labelled) date: "Publication date: 2018/05/03 05:32". */
export interface DateLine {
  iso: string;
  /** The label says the date is an update ("Updated: …"), not the publication. */
  update: boolean;
}

/** Reads a whole line as a publication (or update) date, with an optional label from reader-cues. */
export function parseDateLine(line: string): DateLine | null {
  const t = line.trim();
  const lower = t.toLowerCase();
  const cues = readerCues();
  for (const [labels, update] of [
    [cues.updateLabels, true],
    [cues.dateLabels, false],
  ] as const) {
    for (const label of labels) {
      if (!lower.startsWith(label)) continue;
      const rest = t.slice(label.length);
      const sep = /^\s*[:\-–—]?\s*/.exec(rest)![0];
      if (sep.length === 0) continue;
      const iso = parseDate(rest.slice(sep.length));
      if (iso) return { iso, update };
    }
  }
  const iso = parseDate(t);
  return iso ? { iso, update: false } : null;
}
