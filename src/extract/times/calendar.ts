/** Calendar arithmetic on proleptic Gregorian dates (UTC, no time of day). Months are 1..12. */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "YYYY-MM-DD". */
export const isoDay = (t: Ymd) => `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`;
/** "YYYY-MM". */
export const isoMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;
/** "YYYY". */
export const isoYear = (y: number) => pad(y, 4);

/** The day of an ISO 8601 prefix with at least a day ("2018-05-03T05:32" → 2018-05-03); null otherwise. */
export function parseIsoDay(iso: string | null): Ymd | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  const t = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(t.y, t.m, t.d) ? t : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function fromMs(ms: number): Ymd {
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

const toMs = (t: Ymd) => Date.UTC(t.y, t.m - 1, t.d);

export function addDays(t: Ymd, n: number): Ymd {
  return fromMs(toMs(t) + n * DAY_MS);
}

/** Month arithmetic: {y, m} shifted by n months (the day is dropped). */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(t: Ymd): number {
  return new Date(toMs(t)).getUTCDay();
}

/** Monday of the ISO week holding `t`. */
export function weekStart(t: Ymd): Ymd {
  return addDays(t, -((weekdayOf(t) + 6) % 7));
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareDays(a: Ymd, b: Ymd): number {
  return Math.sign(toMs(a) - toMs(b));
}
