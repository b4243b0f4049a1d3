/**
 * Event detection scored on WikiEvents (`../shared/data/wikievents/dev.jsonl`): each line is one
 * document; its tokens are joined by single spaces, the full pipeline runs on that text, and a
 * predicted event matches a gold event mention when one of its triggers overlaps the gold trigger
 * with a compatible type (mapping in `../shared/data/README.md`). Gold types outside the mapping
 * are ignored, and so are predictions whose trigger overlaps only such ignored mentions.
 */
import { readFile } from "node:fs/promises";
import type { EventType, NewsEvent, RawDocument, Span } from "../model.js";
import { runPipeline } from "../extract/pipeline.js";
import { prf, type Counts, type Prf } from "./prf.js";

/** One gold event mention as stored in the JSON lines (token offsets, end exclusive). */
interface WikiMention {
  event_type: string;
  trigger: { start: number; end: number; text?: string };
}

interface WikiLine {
  doc_id?: string;
  tokens: string[];
  event_mentions?: WikiMention[];
}

/** Our event types a WikiEvents type may be matched by, first one being where a miss is counted. */
const MAPPING: { prefix: string; types: EventType[] }[] = [
  { prefix: "Conflict.Attack.DetonateExplode", types: ["explosion", "attack", "armed_clash"] },
  { prefix: "Conflict.Attack.", types: ["attack", "explosion", "armed_clash"] },
  { prefix: "Life.Die.", types: ["killing"] },
  { prefix: "Life.Injure.", types: ["attack"] },
  { prefix: "Justice.ArrestJailDetain.", types: ["arrest"] },
  { prefix: "Contact.", types: ["announcement"] },
  { prefix: "Movement.Transportation.", types: ["other"] },
];

/** Our types a gold type is compatible with, or undefined when the gold type is not scored. */
export function compatibleTypes(goldType: string): EventType[] | undefined {
  return MAPPING.find((m) => goldType.startsWith(m.prefix))?.types;
}

export interface WikiEventsScore {
  file: string;
  documents: number;
  /** Gold mentions scored / left out (type outside the mapping). */
  goldScored: number;
  goldIgnored: number;
  predicted: number;
  /** Per our event type: a prediction counts under its type, a miss under the gold's first mapped type. */
  perType: Partial<Record<EventType, Prf>>;
  micro: Prf;
}

/** A document built from the tokens: the text and each token's char offsets. */
export function documentOf(line: WikiLine, id: string): { raw: RawDocument; starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const t of line.tokens) {
    starts.push(at);
    ends.push(at + t.length);
    at += t.length + 1;
  }
  const text = line.tokens.join(" ");
  const raw: RawDocument = {
    text,
    meta: { id, title: null, publishedAt: null, language: "en", translatedFrom: null, credits: [], source: null },
    regions: [],
    diagnostics: [],
  };
  return { raw, starts, ends };
}

/** Trigger readings of a predicted event: its trigger and type, plus the triggers merged into it. */
function readings(e: NewsEvent): { span: Span; type: EventType }[] {
  const merged = (e.attributes?.triggers ?? []) as { span: Span; type: EventType }[];
  return [{ span: e.trigger, type: e.type }, ...merged];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Scores event detection by type over a WikiEvents JSON-lines file. */
export async function scoreWikiEvents(file: string, opts: { limit?: number } = {}): Promise<WikiEventsScore> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim());
  const use = opts.limit ? lines.slice(0, opts.limit) : lines;
  const counts = new Map<EventType, Counts>();
  const bucket = (t: EventType) => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  let goldScored = 0;
  let goldIgnored = 0;
  let predicted = 0;
  use.forEach((l, i) => {
    let line: WikiLine;
    try {
      line = JSON.parse(l) as WikiLine;
    } catch (err) {
      throw new Error(`${file}:${i + 1}: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!Array.isArray(line.tokens)) throw new Error(`${file}:${i + 1}: no \`tokens\` list`);
    const { raw, starts, ends } = documentOf(line, line.doc_id ?? `line-${i + 1}`);
    const doc = runPipeline(raw);
    const events = doc.events;
    predicted += events.length;
    const gold = (line.event_mentions ?? []).map((m) => ({
      types: compatibleTypes(m.event_type),
      span: { start: starts[m.trigger.start], end: ends[m.trigger.end - 1] },
    }));
    const used = new Set<NewsEvent>();
    for (const g of gold) {
      if (!g.types) {
        goldIgnored++;
        continue;
      }
      goldScored++;
      const types = g.types;
      const hit = events.find((e) => !used.has(e) && readings(e).some((r) => overlaps(r.span, g.span) && types.includes(r.type)));
      if (hit) {
        used.add(hit);
        bucket(hit.type).tp++;
      } else {
        bucket(types[0]).fn++;
      }
    }
    for (const e of events) {
      if (used.has(e)) continue;
      const onIgnored = gold.some((g) => !g.types && readings(e).some((r) => overlaps(r.span, g.span)));
      if (!onIgnored) bucket(e.type).fp++;
    }
  });
  const perType: Partial<Record<EventType, Prf>> = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [t, c] of [...counts].sort((x, y) => x[0].localeCompare(y[0]))) {
    perType[t] = prf(c);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { file, documents: use.length, goldScored, goldIgnored, predicted, perType, micro: prf(total) };
}

const pct = (x: number) => x.toFixed(3);

/** A plain-text table: one row per event type, then the micro average. */
export function formatWikiEventsScore(s: WikiEventsScore): string {
  const rows = [`${"type".padEnd(20)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)} ${"tp".padStart(5)} ${"fp".padStart(5)} ${"fn".padStart(5)}`];
  const row = (name: string, p: Prf) =>
    `${name.padEnd(20)} ${pct(p.precision).padStart(6)} ${pct(p.recall).padStart(6)} ${pct(p.f1).padStart(6)} ${String(p.tp).padStart(5)} ${String(p.fp).padStart(5)} ${String(p.fn).padStart(5)}`;
  for (const [t, p] of Object.entries(s.perType)) rows.push(row(t, p));
  rows.push(row("micro", s.micro));
  rows.push(`${s.documents} documents, ${s.goldScored} gold mentions scored, ${s.goldIgnored} outside the type mapping, ${s.predicted} events predicted`);
  return rows.join("\n") + "\n";
}
