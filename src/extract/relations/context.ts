/** Helpers the relation rules share: reading a match, finding clause subjects, times and coordinations. */
import type { TimeExpr, TimeRef } from "../../model.js";
import { span } from "../../model.js";
import { foldName } from "../../lexicon/fold.js";
import type { RelationCues } from "./cues.js";
import { pieces, type SentCtx } from "./pattern.js";
import { isPossessor, itemAt, type SlotKind } from "./sketch.js";

/** Slot index captured by group `name`, or undefined. */
export function slotNo(m: RegExpExecArray, name: string): number | undefined {
  const g = m.groups?.[name];
  return g === undefined ? undefined : Number(g);
}

/** Offsets of group `name` in the sketch text (undefined when it took no part); needs a `reIndexed` pattern. */
function groupOffsets(m: RegExpExecArray, name: string): [number, number] | undefined {
  if (!m.indices) throw new Error(`group "${name}" is read by position: its rule needs reIndexed`);
  return m.indices.groups?.[name];
}

/** Item index where group `name` (or the whole match) starts. */
export function firstItem(c: SentCtx, m: RegExpExecArray, name?: string): number {
  const ix = name ? groupOffsets(m, name) : undefined;
  return itemAt(c.sk, ix ? ix[0] : m.index);
}

/** Item index where group `name` (or the whole match) ends (inclusive). */
export function lastItem(c: SentCtx, m: RegExpExecArray, name?: string): number {
  const ix = name ? groupOffsets(m, name) : undefined;
  return itemAt(c.sk, ix ? ix[1] : m.index + m[0].length) - 1;
}

/** The words of group `name` (each written with a leading space in the sketch); empty when it took no part. */
export function words(c: SentCtx, m: RegExpExecArray, name: string): string[] {
  const g = m.groups?.[name];
  const out: string[] = [];
  if (!g) return out;
  for (const w of g.split(" ")) if (w.length > 0) out.push(w);
  return out;
}

export function slotEntity(c: SentCtx, n: number): string {
  return c.sk.slots[n].entity;
}

export function itemOfSlot(c: SentCtx, n: number): number {
  return c.sk.slotItem[n];
}

/** The evidence span over items [a, b] (any order). */
export function evidence(c: SentCtx, a: number, b: number) {
  const it = c.sk.items;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return span(c.doc.text, it[lo].start, it[hi].end);
}

const TIME_PREPS = new Set(["in", "since", "from", "until", "till", "on", "during", "between", "by", "as", "of", "early", "late", "mid", "around"]);

/** A time stated right after item `to` ("joined ISIS in 2013"), else the last one inside items [from, to]. */
export function timeFor(c: SentCtx, from: number, to: number): TimeRef | undefined {
  if (c.times.length === 0) return undefined;
  const it = c.sk.items;
  for (let k = to + 1; k < it.length && k <= to + 4; k++) {
    const t = c.times.find((x) => x.span.start === it[k].start);
    if (t) return toRef(t);
    if (!TIME_PREPS.has(it[k].word)) break;
  }
  const lo = it[Math.min(from, to)].start;
  const hi = it[Math.max(from, to)].end;
  let best: TimeExpr | undefined;
  for (const t of c.times) if (t.span.start >= lo && t.span.end <= hi) best = t;
  return best ? toRef(best) : undefined;
}

export function toRef(t: TimeExpr): TimeRef {
  return { text: t.text, span: t.span, start: t.start, end: t.end, precision: t.precision, approximate: t.approximate, relative: t.relative };
}

/** Cue lists the rules look words up in per match, as sets (built once per cue object). */
export interface CueSets {
  negations: Set<string>;
  relativePronouns: Set<string>;
  clauseBoundaries: Set<string>;
  prepositions: Set<string>;
  frontedOpeners: Set<string>;
  leaderNouns: Set<string>;
  memberNouns: Set<string>;
  postNouns: Set<string>;
  formerMarkers: Set<string>;
  subordinateModifiers: Set<string>;
}
const cueSets = new WeakMap<RelationCues, CueSets>();

export function setsOf(cues: RelationCues): CueSets {
  let sets = cueSets.get(cues);
  if (!sets) {
    sets = {
      negations: new Set(cues.negations),
      relativePronouns: new Set(cues.relativePronouns),
      clauseBoundaries: new Set(cues.clauseBoundaries),
      prepositions: new Set(cues.prepositions),
      frontedOpeners: new Set(cues.frontedOpeners),
      leaderNouns: new Set(cues.leaderNouns),
      memberNouns: new Set(cues.memberNouns),
      postNouns: new Set(cues.postNouns),
      formerMarkers: new Set(cues.formerMarkers),
      subordinateModifiers: new Set(cues.subordinateModifiers),
    };
    cueSets.set(cues, sets);
  }
  return sets;
}

/** True when one of the three items before `i` negates ("not", "never", "refused", "didn't"). */
export function negated(c: SentCtx, i: number): boolean {
  const negations = setsOf(c.cues).negations;
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const w = c.sk.items[k].word;
    if (negations.has(w) || w.endsWith("n't")) return true;
  }
  return false;
}

/** First item of the clause that holds item `i` (after "that", ";", "said"...), or -1 after a relative "who". */
export function clauseStart(c: SentCtx, i: number): { start: number; relative?: number } {
  c.clauses ??= clauseIndex(c);
  const start = c.clauses.start[i];
  const relative = c.clauses.relative[i];
  return relative < 0 ? { start } : { start, relative };
}

/** For each item index i (0..items.length), the clause start and relative pronoun (-1: none) seen before i. */
function clauseIndex(c: SentCtx): { start: number[]; relative: number[] } {
  const { relativePronouns, clauseBoundaries } = setsOf(c.cues);
  const it = c.sk.items;
  const start: number[] = new Array(it.length + 1);
  const relative: number[] = new Array(it.length + 1);
  let s = 0;
  let r = -1;
  for (let i = 0; i <= it.length; i++) {
    start[i] = s;
    relative[i] = r;
    if (i === it.length) break;
    const w = it[i].word;
    if (relativePronouns.has(w)) {
      s = i + 1;
      r = i;
    } else if (clauseBoundaries.has(w)) {
      s = i + 1;
      r = -1;
    }
  }
  return { start, relative };
}

/**
 * The slot that is the grammatical subject of the clause holding item `i`: after a relative "who", the
 * nearest name before it; otherwise the first name in the clause that is neither a possessor nor after a
 * preposition, skipping a fronted adverbial ("before joining ISIS in 2013, X was ..."). Undefined when that
 * name is not of `kinds`.
 */
export function clauseSubject(c: SentCtx, i: number, kinds: string): number | undefined {
  const it = c.sk.items;
  const sets = setsOf(c.cues);
  const { start, relative } = clauseStart(c, i);
  if (relative !== undefined) {
    for (let k = relative - 1; k >= 0; k--) {
      if (sets.clauseBoundaries.has(it[k].word)) return undefined;
      const s = it[k].slot;
      if (s === undefined || isPossessor(c.sk, k)) continue;
      return kinds.includes(c.sk.slots[s].kind) ? s : undefined;
    }
    return undefined;
  }
  let from = start;
  if (from < i && sets.frontedOpeners.has(it[from].word)) {
    for (let k = from; k < i; k++) {
      if (it[k].word === ",") {
        from = k + 1;
        break;
      }
    }
  }
  for (let k = from; k < i; k++) {
    const s = it[k].slot;
    if (s === undefined || isPossessor(c.sk, k)) continue;
    if (k > 0 && sets.prepositions.has(it[k - 1].word)) continue;
    return kinds.includes(c.sk.slots[s].kind) ? s : undefined;
  }
  return undefined;
}

/** True when the clause of item `i` opens with "before joining ..." and similar. */
export function formerClause(c: SentCtx, i: number): boolean {
  const { start } = clauseStart(c, i);
  const end = Math.min(i, start + 4);
  if (end <= start) return false; // cue entries are never empty
  let head = c.sk.items[start].word;
  for (let k = start + 1; k < end; k++) head += " " + c.sk.items[k].word;
  return c.cues.formerClauseOpeners.some((p) => head.startsWith(p));
}

/** After a possessive chain ("ISIS' Sharia council"), the last organization: the head of the phrase. */
export function possessiveHead(c: SentCtx, item: number): number {
  let k = item;
  while (isPossessor(c.sk, k)) {
    const next = c.sk.items[k + 2];
    if (next?.slot === undefined || c.sk.slots[next.slot].kind !== "O") break;
    k += 2;
  }
  return k;
}

let coordRe: RegExp | undefined;
let coordFor: RelationCues | undefined;

/** Slots of the same kind coordinated after item `after` (", the SDF and the Iraqi area of Al-Qaem"). */
export function coordinated(c: SentCtx, after: number, kind: SlotKind): number[] {
  if (!coordRe || coordFor !== c.cues) {
    const p = pieces(c.cues);
    coordRe = new RegExp(`(?:(?: ,)?(?: and| or)| ,)(?: the)?${p.adj}{0,2}(?:${p.cls} of(?: the)?)? <([POL])(\\d+)>`, "y");
    coordFor = c.cues;
  }
  const out: number[] = [];
  let k = after;
  while (k + 1 < c.sk.items.length) {
    coordRe.lastIndex = c.sk.at[k + 1] - 1;
    const m = coordRe.exec(c.sk.text);
    if (!m || m[1] !== kind) break;
    const n = Number(m[2]);
    out.push(n);
    k = itemOfSlot(c, n);
  }
  return out;
}

export function isCountry(c: SentCtx, entity: string): boolean {
  return c.countryOf.has(entity);
}

export function lastWord(c: SentCtx, entity: string): string {
  const name = c.entities.get(entity)?.name ?? "";
  const w = foldName(name).split(" ");
  return w[w.length - 1];
}

export function singularNoun(w: string): string {
  return w.endsWith("ies") ? w.slice(0, -3) + "y" : w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;
}
