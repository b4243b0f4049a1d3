/**
 * Reads the layout of a news text: boilerplate, headline, credit and date lines at the top,
 * a body-opening dateline ("BEIRUT (Reuters) -"), and credit lines at the bottom. Everything else
 * is body. Regions are sorted, do not overlap, and cover trimmed lines (no surrounding spaces).
 */
import type { Credit, Region } from "../model.js";
import { readerCues } from "./cues.js";
import { dedupe, parseCreditLine, type CreditLine } from "./credits.js";
import { parseDateLine } from "./dates.js";
import { languageCode } from "./language.js";

export interface Layout {
  title: string | null;
  publishedAt: string | null;
  translatedFrom: string | null;
  credits: Credit[];
  outlet: string | null;
  regions: Region[];
}

export interface LayoutOptions {
  /** The first line is known to be the headline (HTML, feeds). */
  titleFirst?: boolean;
}

/** Non-blank lines looked at for header lines. */
const HEAD_LINES = 10;
/** Body lines after which the header is over (a byline may follow a standfirst). */
const HEAD_BODY_LINES = 3;
/** Non-blank lines at the end looked at for trailing credits ("Reporting by …; Editing by …"). */
const TAIL_LINES = 3;
/** Longest line that can be boilerplate. */
const MAX_BOILERPLATE = 200;
/** Longest line that can be a headline. */
const MAX_TITLE = 250;

/** "ADEN:", "BEIRUT (Reuters) -", "DEIR EZ-ZOR, Syria, Feb 3 (AP) —": place in capitals, separator. */
const DATELINE =
  /^(\p{Lu}[\p{Lu}'’.\-]+(?:[ \-]\p{Lu}[\p{Lu}'’.\-]*){0,3})(?:,\s+\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?(?:,\s+\p{L}{3,9}\.?\s+\d{1,2})?(?:\s*\(([\p{L}][\p{L} .&\-]{0,30})\))?\s*(?:[:–—]|--?)\s+(?=\S)/u;

interface Line {
  start: number;
  end: number;
  text: string;
}

type Kind = "boilerplate" | "credit" | "dateline" | "title" | "body";

/** Non-blank lines of `text` with trimmed offsets. */
function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    const start = m.index + lead;
    out.push({ start, end: start + body.length, text: body });
  }
  return out;
}

/** Language code when the line is a translation note ("the original Arabic version"); "" when the language is unknown. */
function translationNote(line: string): string | null {
  for (const re of readerCues().translatedFrom) {
    const m = re.exec(line);
    if (m) return languageCode(m[1] ?? "") ?? "";
  }
  return null;
}

function isBoilerplate(line: string): boolean {
  return line.length <= MAX_BOILERPLATE && readerCues().boilerplate.some((re) => re.test(line));
}

type DatedCredit = CreditLine & { date?: string };

/** "By Ahmad Khalil | 3 May 2018": credit and date parts separated by '|', at least one of each. */
function bylineWithDate(line: string): DatedCredit | null {
  if (!line.includes("|")) return null;
  const parts = line.split(/\s+\|\s+/);
  if (parts.length < 2) return null;
  const credits: Credit[] = [];
  let date: string | undefined;
  let named = false;
  for (const p of parts) {
    const c = parseCreditLine(p);
    if (c) {
      credits.push(...c.credits);
      named = true;
      continue;
    }
    const d = parseDateLine(p);
    if (!d || date) return null;
    date = d.iso;
  }
  return named && date ? { credits, date, rule: "credits/labelled" } : null;
}

/** A headline: short, one line, not ending like a sentence or a label. */
function isTitleLike(line: string): boolean {
  return line.length <= MAX_TITLE && !/[.:;,]["'”’)]?$/.test(line);
}

/** Reads header, dateline and trailing credits of `text`. */
export function readLayout(text: string, opts: LayoutOptions = {}): Layout {
  const all = lines(text);
  const kinds: Kind[] = all.map(() => "body");
  const out: Layout = { title: null, publishedAt: null, translatedFrom: null, credits: [], outlet: null, regions: [] };
  let updated: string | null = null;
  let titleFound = false;
  let bodyLines = 0;
  let headEnd = 0;

  for (let i = 0; i < all.length && i < HEAD_LINES && bodyLines < HEAD_BODY_LINES; i++) {
    const l = all[i].text;
    headEnd = i + 1;
    if (opts.titleFirst && i === 0) {
      kinds[i] = "title";
      titleFound = true;
      continue;
    }
    if (l.length <= MAX_BOILERPLATE) {
      const lang = translationNote(l);
      if (lang !== null) {
        kinds[i] = "boilerplate";
        if (lang) out.translatedFrom ??= lang;
        continue;
      }
    }
    if (isBoilerplate(l)) {
      kinds[i] = "boilerplate";
      continue;
    }
    const date = parseDateLine(l);
    if (date) {
      kinds[i] = "dateline";
      if (date.update) updated ??= date.iso;
      else out.publishedAt ??= date.iso;
      continue;
    }
    const credit: DatedCredit | null = parseCreditLine(l, titleFound || bodyLines > 0) ?? bylineWithDate(l);
    if (credit) {
      kinds[i] = "credit";
      out.credits.push(...credit.credits);
      if (credit.outlet) out.outlet ??= credit.outlet;
      if (credit.date) out.publishedAt ??= credit.date;
      continue;
    }
    const more = i + 1 < all.length;
    if (!titleFound && bodyLines === 0 && more && isTitleLike(l)) {
      kinds[i] = "title";
      titleFound = true;
      continue;
    }
    bodyLines++;
  }

  for (let i = all.length - 1; i >= Math.max(headEnd, all.length - TAIL_LINES); i--) {
    const l = all[i].text;
    if (isBoilerplate(l)) {
      kinds[i] = "boilerplate";
      continue;
    }
    const credit = parseCreditLine(l);
    if (!credit) break;
    kinds[i] = "credit";
    out.credits.push(...credit.credits);
  }

  out.publishedAt ??= updated;
  out.credits = dedupe(out.credits);
  const titleAt = kinds.indexOf("title");
  if (titleAt >= 0) out.title = all[titleAt].text.replace(/\s+/g, " ");

  let bodyStart = -1;
  const flushBody = (endLine: number) => {
    if (bodyStart < 0) return;
    out.regions.push({ kind: "body", start: bodyStart, end: all[endLine].end });
    bodyStart = -1;
  };
  let firstBody = true;
  for (let i = 0; i < all.length; i++) {
    const k = kinds[i];
    if (k !== "body") {
      flushBody(i - 1);
      out.regions.push({ kind: k, start: all[i].start, end: all[i].end });
      continue;
    }
    if (bodyStart >= 0) continue;
    bodyStart = all[i].start;
    if (firstBody) {
      firstBody = false;
      const m = DATELINE.exec(all[i].text);
      if (m) {
        const end = all[i].start + m[0].trimEnd().length;
        out.regions.push({ kind: "dateline", start: all[i].start, end });
        bodyStart = all[i].start + m[0].length;
        if (m[2]) out.outlet ??= m[2].trim();
      }
    }
  }
  flushBody(all.length - 1);
  return out;
}
