import { createRequire } from "node:module";
import type * as ChronoEn from "chrono-node/en";
import { span, type Doc, type Precision, type Region, type TimeExpr } from "../../model.js";
import { isoDay, isoMonth, parseIsoDay, type Ymd } from "./calendar.js";
import { timeLexicon } from "./lexicon.js";
import { buildRules, monthHint, type Candidate, type Period, type TimeRule } from "./rules.js";
import { WordHints } from "./word-hints.js";

/** Header regions whose dates are not part of the story (the publication line itself included). */
const SKIPPED: ReadonlySet<Region["kind"]> = new Set(["boilerplate", "credit", "dateline"]);

/** Half-open ranges of `doc.text` that extractors skip, sorted by start. */
export function skippedRanges(doc: Doc, kinds: ReadonlySet<Region["kind"]> = SKIPPED): { start: number; end: number }[] {
  return doc.regions.filter((r) => kinds.has(r.kind)).sort((a, b) => a.start - b.start);
}

/** True when [start, end) lies wholly inside one of `ranges`. */
export function insideAny(ranges: readonly { start: number; end: number }[], start: number, end: number): boolean {
  for (const r of ranges) if (r.start <= start && end <= r.end) return true;
  return false;
}

/** True when [start, end) overlaps one of `ranges`. */
export function overlapsAny(ranges: readonly { start: number; end: number }[], start: number, end: number): boolean {
  for (const r of ranges) if (r.start < end && start < r.end) return true;
  return false;
}

interface Compiled {
  rules: TimeRule[];
  /**
   * The distinct `TimeRule.hint`s and `TimeRule.words`, and global copies of them; `hintOf[i]` indexes
   * the hint of `rules[i]`, `wordsOf[i]` its words.
   */
  hints: RegExp[];
  globalHints: RegExp[];
  hintOf: number[];
  wordsOf: number[][];
  /** Per hint: true when it is tried on each sentence alone (the hint of a rule with `words`). */
  local: boolean[];
  /** The hints that are word alternations, answered by one character scan per sentence. */
  wordHints: WordHints;
  /** Index in `hints` of a test every `chronoHint` match passes. */
  chronoGate: number;
  /** Where a date only chrono knows may stand: a capitalised month name (with a digit near it, see `HINT_REACH`). */
  chronoHint: RegExp;
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  if (!compiled) {
    const lex = timeLexicon();
    const fullMonths = [...lex.months.keys()].filter((w) => w.length > 3).map((w) => w[0].toUpperCase() + w.slice(1));
    const rules = buildRules();
    const hints = [...new Set([...rules.flatMap((r) => [r.hint, ...(r.words ?? [])]), monthHint()])];
    compiled = {
      rules,
      hints,
      globalHints: hints.map((h) => new RegExp(h.source, h.flags + "g")),
      hintOf: rules.map((r) => hints.indexOf(r.hint)),
      wordsOf: rules.map((r) => (r.words ?? []).map((w) => hints.indexOf(w))),
      local: hints.map((h) => rules.some((r) => r.hint === h && r.words !== undefined)),
      wordHints: new WordHints(hints),
      chronoGate: hints.indexOf(monthHint()),
      chronoHint: new RegExp(`(?<![\\p{L}])(?:${fullMonths.join("|")})(?![\\p{L}])`, "gu"),
    };
  }
  return compiled;
}

/**
 * Answers "does hint `h` match inside [start, end)?" for sentences of one text. A word hint is read
 * from the sentence's `WordHints.bitsIn`; a local hint runs over the sentence; any other hint runs
 * over the whole text (from where it is needed) instead of once per sentence. Hints hold no
 * lookarounds, so a match wholly inside a sentence is one in the sentence alone; a match that runs
 * past the sentence's end is rechecked on the sentence itself.
 */
class HintScan {
  /**
   * Per hint, offsets in `text` (UTF-16 units): where its last scan started (-1: not scanned yet), and
   * the start and end of its first match at or after that (Infinity: no match).
   */
  private readonly from: Int32Array;
  private readonly matchStart: Float64Array;
  private readonly matchEnd: Float64Array;

  constructor(
    private readonly text: string,
    private readonly global: readonly RegExp[],
    private readonly plain: readonly RegExp[],
    /** Per hint: its bit in `WordHints.bitsIn`, or -1 when it is no word hint. */
    private readonly wordBitOf: readonly number[],
    private readonly local: readonly boolean[],
  ) {
    this.from = new Int32Array(global.length).fill(-1);
    this.matchStart = new Float64Array(global.length);
    this.matchEnd = new Float64Array(global.length);
  }

  /** `wordBits`: `WordHints.bitsIn` of [start, end). */
  passes(h: number, start: number, end: number, wordBits: number): boolean {
    const bit = this.wordBitOf[h];
    if (bit >= 0) return ((wordBits >>> bit) & 1) === 1;
    if (this.local[h]) return this.plain[h].test(this.text.slice(start, end));
    if (this.from[h] < 0 || this.from[h] > start || this.matchStart[h] < start) {
      const re = this.global[h];
      re.lastIndex = start;
      const m = re.exec(this.text);
      this.from[h] = start;
      this.matchStart[h] = m ? m.index : Infinity;
      this.matchEnd[h] = m ? m.index + m[0].length : Infinity;
    }
    if (this.matchStart[h] >= end) return false;
    return this.matchEnd[h] <= end || this.plain[h].test(this.text.slice(start, end));
  }
}

/** True when every hint of `hints` (indexes) matches inside [start, end); `wordBits` as for `HintScan.passes`. */
function allPass(scan: HintScan, hints: readonly number[], start: number, end: number, wordBits: number): boolean {
  for (const h of hints) if (!scan.passes(h, start, end, wordBits)) return false;
  return true;
}

/** A month name is a hint only with a digit at most this many characters away. */
const HINT_REACH = 14;

/** Characters of context on each side of a hint that chrono reads. */
const CHRONO_WINDOW = 32;

/**
 * Windows of `s` (absolute offsets; `s` starts at `offset`) around each `hint` match that no candidate
 * covers, merged when they overlap. Chrono reads only these, so its cost stays bounded.
 */
function uncoveredWindows(hint: RegExp, s: string, offset: number, cands: readonly Placed[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  hint.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = hint.exec(s)) !== null) {
    const a = offset + m.index;
    if (cands.some((c) => c.start <= a && a < c.end)) continue;
    if (!/\d/.test(s.slice(Math.max(0, m.index - HINT_REACH), m.index + m[0].length + HINT_REACH))) continue;
    let from = Math.max(0, m.index - CHRONO_WINDOW);
    let to = Math.min(s.length, m.index + m[0].length + CHRONO_WINDOW);
    while (from > 0 && /\S/.test(s[from - 1])) from--;
    while (to < s.length && /\S/.test(s[to])) to++;
    const last = out[out.length - 1];
    if (last && last.end >= offset + from) last.end = Math.max(last.end, offset + to);
    else out.push({ start: offset + from, end: offset + to });
  }
  return out;
}

/** Words that join two times into a range, and the words that open such a range. */
const RANGE_JOIN = /^[^\S\n]*(?:and|to|until|till|through|-|–|—)[^\S\n]*$/i;
const RANGE_OPEN = /(?<![\p{L}])(?:between|from)[^\S\n]+$/iu;

/** A resolved time at absolute offsets, before it becomes a `TimeExpr`. */
interface Found {
  start: number;
  end: number;
  period: Period;
  approximate: boolean;
  relative: boolean;
  rule: string;
}

const PRECISION_ORDER: Precision[] = ["day", "week", "month", "quarter", "year", "decade"];

/**
 * Range refiner: "between June 1975 and February 1976", "from Friday through Tuesday". Two
 * neighbouring times joined by "and"/"to"/"until"/"-" after "between"/"from" become one time from
 * the first's start to the second's end, at the coarser precision of the two.
 */
export function joinRanges(text: string, found: Found[]): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i];
    const b = found[i + 1];
    const open = RANGE_OPEN.exec(text.slice(Math.max(0, a.start - 12), a.start));
    const startsWithOpen = /^(?:between|from)[^\S\n]/i.test(text.slice(a.start, a.end));
    if (b && (open || startsWithOpen) && RANGE_JOIN.test(text.slice(a.end, b.start)) && a.period.start <= b.period.end) {
      const precision = PRECISION_ORDER[Math.max(PRECISION_ORDER.indexOf(a.period.precision), PRECISION_ORDER.indexOf(b.period.precision))];
      out.push({
        start: open ? a.start - open[0].length : a.start,
        end: b.end,
        period: { start: a.period.start, end: b.period.end, precision },
        approximate: a.approximate || b.approximate,
        relative: a.relative || b.relative,
        rule: "times/range",
      });
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

/** A candidate with absolute offsets. */
type Placed = Candidate & { priority: number };

/**
 * Overlap removal: of candidates that overlap, the longest wins; on equal length the earlier rule in
 * the table (lower `priority`) wins. Returns the winners sorted by start.
 */
export function removeOverlaps<T extends { start: number; end: number; priority: number }>(cands: T[]): T[] {
  const byStrength = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: T[] = [];
  for (const c of byStrength) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

let chronoEn: typeof ChronoEn | undefined;

/** chrono's English parsers, loaded on first use (a few hundred ms) so documents without such dates never pay for them. */
function chrono(): typeof ChronoEn {
  chronoEn ??= createRequire(import.meta.url)("chrono-node/en") as typeof ChronoEn;
  return chronoEn;
}

/** Dates chrono finds in `text` (formal dates only) that carry at least a month and a day or year. */
function chronoCandidates(text: string, offset: number, ref: Ymd | null): Placed[] {
  const instant = ref ? new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)) : new Date(Date.UTC(2000, 0, 1));
  const out: Placed[] = [];
  for (const r of chrono().strict.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    const c = r.start;
    if (!c.isCertain("month") || !(c.isCertain("day") || c.isCertain("year"))) continue;
    if (!/\d/.test(r.text)) continue;
    const relative = !c.isCertain("year");
    const y = c.get("year")!, m = c.get("month")!, d = c.get("day")!;
    const atDay = c.isCertain("day");
    const iso = atDay ? isoDay({ y, m, d }) : isoMonth(y, m);
    out.push({
      start: offset + r.index,
      end: offset + r.index + r.text.length,
      rule: "times/chrono",
      relative,
      approximate: false,
      priority: Number.MAX_SAFE_INTEGER,
      resolve: () => ({ start: iso, end: iso, precision: atDay ? "day" : "month" }),
    });
  }
  return out;
}

/**
 * Adds resolved time expressions to `doc.times`, sorted by start; `start`/`end` are ISO prefixes at
 * `precision` (a week is Monday..Sunday as two days). Relative expressions ("two days ago", "on Sunday",
 * "last March") resolve against `doc.meta.publishedAt`: a weekday (with "on", "last" or none) is the
 * latest such day strictly before publication ("next"/"coming": the first after); a month without a
 * year is the latest such month on or before publication ("last March": strictly before); "last year"
 * is the previous calendar year, "over the last year" the twelve months up to publication. "since
 * 2019" runs from 2019 to the publication year (not relative: its start is absolute; without a
 * publication date it ends at its start). "3/5/2019" reads day first unless the second part exceeds
 * 12. Without a publication date a relative expression is not emitted; a warning diagnostic names it.
 * Vague expressions ("months earlier", "recently", "two days later") are skipped. Regions of kind
 * boilerplate, credit and dateline are skipped.
 */
export function findTimes(doc: Doc): void {
  const { rules, hints, globalHints, hintOf, wordsOf, local, wordHints, chronoGate, chronoHint } = compile();
  const ref = parseIsoDay(doc.meta.publishedAt);
  const skipped = skippedRanges(doc);
  const text = doc.text;
  const scan = new HintScan(text, globalHints, hints, wordHints.bitOf, local);
  for (const sent of doc.sentences) {
    if (insideAny(skipped, sent.start, sent.end)) continue;
    let s: string | undefined;
    const cands: Placed[] = [];
    const wordBits = wordHints.bitsIn(text, sent.start, sent.end);
    for (let priority = 0; priority < rules.length; priority++) {
      const rule = rules[priority];
      if (!allPass(scan, wordsOf[priority], sent.start, sent.end, wordBits)) continue;
      if (!scan.passes(hintOf[priority], sent.start, sent.end, wordBits)) continue;
      s ??= text.slice(sent.start, sent.end);
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(s)) !== null) {
        const c = rule.build(m);
        const start = sent.start + m.index;
        const end = start + m[0].length;
        if (c && !overlapsAny(skipped, start, end)) {
          cands.push({ start, end, rule: rule.name, relative: c.relative, approximate: c.approximate, resolve: c.resolve, priority });
        }
      }
    }
    if (scan.passes(chronoGate, sent.start, sent.end, wordBits)) {
      s ??= text.slice(sent.start, sent.end);
      for (const w of uncoveredWindows(chronoHint, s, sent.start, cands)) {
        for (const c of chronoCandidates(text.slice(w.start, w.end), w.start, ref)) {
          if (!cands.some((k) => k.start < c.end && c.start < k.end) && !overlapsAny(skipped, c.start, c.end)) cands.push(c);
        }
      }
    }
    if (cands.length === 0) continue;
    const found: Found[] = [];
    for (const c of removeOverlaps(cands)) {
      if (c.relative && !ref) {
        const sp = span(text, c.start, c.end);
        doc.diagnostics.push({ severity: "warning", message: `no publication date to resolve '${sp.text}'`, rule: c.rule, span: sp });
        continue;
      }
      const period = c.resolve(ref);
      if (period) found.push({ start: c.start, end: c.end, period, approximate: c.approximate, relative: c.relative, rule: c.rule });
    }
    for (const f of joinRanges(text, found)) {
      const sp = span(text, f.start, f.end);
      const { start, end, precision } = f.period;
      doc.times.push({ text: sp.text, span: sp, start, end, precision, approximate: f.approximate, relative: f.relative, rule: f.rule } satisfies TimeExpr);
    }
  }
}
