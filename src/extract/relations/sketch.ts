import type { Doc, Entity, EntityType, Mention } from "../../model.js";
import { lowered } from "../claims/sentences.js";
import { firstFoldedWord, foldedWords } from "./folding.js";
import type { RelationCues } from "./cues.js";

/** Placeholder letter of an entity type in a sketch. */
export type SlotKind = "P" | "O" | "L";
const KIND: Record<EntityType, SlotKind> = { person: "P", organization: "O", place: "L" };

/** An entity reference in a sentence: a mention, or a pronoun/description this stage resolved itself. */
export interface Slot {
  kind: SlotKind;
  entity: string;
  /** Offsets of the words in the text. */
  start: number;
  end: number;
  /** True for "he", "his", "its"... and "the group" resolved here or by coreference. */
  pronoun: boolean;
}

/** One sketch item: a lower-cased word, a punctuation mark, or a slot placeholder such as `<P0>`. */
export interface Item {
  start: number;
  end: number;
  word: string;
  slot?: number;
}

/**
 * A sentence seen as words and entity placeholders: `text` is " " + the items' words joined by " " + " ",
 * so every item sits between two spaces; `at[i]` is the offset of item i in `text`.
 */
export interface Sketch {
  sentence: number;
  start: number;
  end: number;
  text: string;
  items: Item[];
  at: number[];
  slots: Slot[];
  /** Item index of each slot. */
  slotItem: number[];
}

const POSSESSIVE_PRONOUNS = new Set(["his", "her", "its", "whose"]);
const PERSON_PRONOUNS = new Set(["he", "him", "his", "she", "her"]);
const ORG_PRONOUNS = new Set(["its"]);
/** Words `resolveWord` may turn into a slot. */
const RESOLVABLE = new Set([...PERSON_PRONOUNS, ...ORG_PRONOUNS, "the", "whose"]);
/** Words whose resolution reads `localPerson` (the others ignore it). */
const NEEDS_LOCAL = new Set([...PERSON_PRONOUNS, "whose"]);
/** How many sentences back a pronoun or description may find its antecedent. */
const PRONOUN_REACH = 1;

function normWord(w: string): string {
  return apostrophes(w.toLowerCase());
}

/** A lower-cased word with curly apostrophes made straight. */
function apostrophes(low: string): string {
  for (let i = 0; i < low.length; i++) {
    const c = low.charCodeAt(i);
    if (c === RIGHT_QUOTE || c === MODIFIER_APOSTROPHE) return low.replace(/[’ʼ]/g, "'");
  }
  return low;
}
/** Char codes of "’" and "ʼ", the apostrophes `apostrophes` makes straight. */
const RIGHT_QUOTE = 0x2019;
const MODIFIER_APOSTROPHE = 0x2bc;

/** Mentions grouped by sentence index (one pass; mentions without an entity are left out). */
export function mentionsBySentence(doc: Doc): Mention[][] {
  const out: Mention[][] = doc.sentences.map(() => []);
  const sorted = doc.mentions.filter((m) => m.entity !== undefined);
  if (!inOrder(sorted)) sorted.sort(byStartThenLongest);
  let s = 0;
  for (const m of sorted) {
    while (s < doc.sentences.length && doc.sentences[s].end <= m.start) s++;
    if (s >= doc.sentences.length) break;
    if (m.start >= doc.sentences[s].start) out[s].push(m);
  }
  return out;
}

/** Mention order: by start, the longer of two at one start first. */
function byStartThenLongest(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end;
}

/** True when `list` is already in `byStartThenLongest` order (mentions usually come so; sorting would keep them). */
function inOrder(list: Mention[]): boolean {
  for (let i = 1; i < list.length; i++) if (byStartThenLongest(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** "f" or "m" when a name's first word says so ("Umm Ali", "Abu Ali"). */
export type Gender = "f" | "m" | undefined;

/**
 * Tracks antecedents for pronouns and descriptions: the persons named in this and in the previous
 * sentence, in order (a sentence's first person is usually its topic), and the most recent organization.
 */
class Recency {
  /** Persons named per sentence, oldest sentence first; only sentences within `PRONOUN_REACH` are kept. */
  private persons: { sentence: number; list: string[]; seen: Set<string> }[] = [];
  org?: { entity: string; sentence: number };
  /** Last sentence where each organization entity was named. */
  orgSeen = new Map<string, number>();

  see(slot: Slot, sentence: number): void {
    if (slot.kind === "P") {
      while (this.persons.length > 0 && sentence - this.persons[0].sentence > PRONOUN_REACH) this.persons.shift();
      let last = this.persons[this.persons.length - 1];
      if (last?.sentence !== sentence) {
        last = { sentence, list: [], seen: new Set() };
        this.persons.push(last);
      }
      if (!last.seen.has(slot.entity)) {
        last.seen.add(slot.entity);
        last.list.push(slot.entity);
      }
    }
    if (slot.kind === "O" && !slot.pronoun) {
      this.org = { entity: slot.entity, sentence };
      this.orgSeen.set(slot.entity, sentence);
    }
  }

  /** The first person of this sentence, else of the previous one, that `fits`. */
  recentPerson(sentence: number, fits: (entity: string) => boolean): string | undefined {
    for (let back = 0; back <= PRONOUN_REACH; back++) {
      for (const b of this.persons) {
        if (b.sentence !== sentence - back) continue;
        for (const p of b.list) if (fits(p)) return p;
      }
    }
    return undefined;
  }

  recentOrg(sentence: number): string | undefined {
    return this.org && sentence - this.org.sentence <= PRONOUN_REACH ? this.org.entity : undefined;
  }
}

/** Last folded word of each organization name, singular form → entity ids (for "the brigades"). */
function orgHeads(doc: Doc): Map<string, string[]> {
  const heads = new Map<string, string[]>();
  for (const e of doc.entities) {
    if (e.type !== "organization") continue;
    for (const n of [e.name, ...e.aliases]) {
      const words = foldedWords(n);
      if (words.length < 2) continue;
      const h = singular(words[words.length - 1]);
      const list = heads.get(h) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      heads.set(h, list);
    }
  }
  return heads;
}

function singular(w: string): string {
  return w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w;
}

/**
 * Builds one sketch per sentence. Mentions with an entity become slots; "he"/"his" not covered by a mention
 * become slots of the person just before ("A and his wife"), else of the first person of this sentence
 * (before it), else of the previous sentence's first person, skipping names of the other gender
 * ("Umm Ali" is not "he"); "its" of the
 * most recent organization (this or the previous sentence); a
 * possessive pronoun is followed by a synthetic "'s" item; "the <head>" ("the group", "the brigades") not
 * covered by a mention becomes a slot of the most recent organization with that head word. Only sentences
 * with two slots or more are returned (every relation needs two).
 */
export function buildSketches(doc: Doc, cues: RelationCues): Sketch[] {
  const out: Sketch[] = [];
  eachSketch(doc, cues, (sk) => out.push(sk));
  return out;
}

/**
 * Hands the sketches of `buildSketches` to `visit` one at a time in sentence order, so a caller can use each
 * and let it go (a sketch that lives only while its sentence is read is cheap to collect). `entities`: the
 * document's entities by id, when the caller has them.
 */
export function eachSketch(
  doc: Doc,
  cues: RelationCues,
  visit: (sk: Sketch) => void,
  entities: ReadonlyMap<string, Entity> = new Map(doc.entities.map((e) => [e.id, e] as const)),
): void {
  const byS = mentionsBySentence(doc);
  const lows = lowered(doc.tokens);
  const sets = cueSets(cues);
  const res: Resolver = { doc, lows, recency: new Recency(), generic: sets.generic, gender: genderOf(entities, sets) };
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s];
    const items: Item[] = [];
    const slots: Slot[] = [];
    const slotItem: number[] = [];
    const ms = byS[s];
    let mi = 0;
    const addSlot = (slot: Slot, word: string) => {
      slotItem.push(items.length);
      items.push({ start: slot.start, end: slot.end, word: `<${slot.kind}${slots.length}>`, slot: slots.length });
      slots.push(slot);
      res.recency.see(slot, s);
      if (POSSESSIVE_PRONOUNS.has(word)) items.push({ start: slot.start, end: slot.end, word: "'s" });
    };
    for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
      const tok = doc.tokens[t];
      while (mi < ms.length && ms[mi].end <= tok.start) mi++;
      const m = ms[mi];
      if (m && m.start < tok.end) {
        const type = entities.get(m.entity!)?.type ?? m.type;
        const pronoun = m.form === "pronoun" || m.form === "nominal";
        addSlot({ kind: KIND[type], entity: m.entity!, start: m.start, end: m.end, pronoun }, pronoun ? normWord(m.text) : "");
        while (t + 1 < sent.tokenEnd && doc.tokens[t + 1].start < m.end) t++;
        mi++;
        continue;
      }
      const word = apostrophes(lows[t]);
      if (RESOLVABLE.has(word)) {
        const local = NEEDS_LOCAL.has(word) ? localPerson(doc.text, items, slots) : undefined;
        const resolved = resolveWord(res, s, t, word, ms[mi]?.start ?? Infinity, local);
        if (resolved) {
          addSlot(resolved.slot, word);
          t = resolved.lastToken;
          continue;
        }
      }
      items.push({ start: tok.start, end: tok.end, word });
    }
    if (slots.length < 2) continue;
    const at: number[] = [];
    /** The words between two empty ends, so that joining with " " also puts a space before the first and after the last. */
    const parts: string[] = [""];
    let len = 0;
    for (const item of items) {
      at.push(len + 1);
      parts.push(item.word);
      len += 1 + item.word.length;
    }
    parts.push("");
    visit({ sentence: s, start: sent.start, end: sent.end, text: parts.join(" "), items, at, slots, slotItem });
  }
}

/** Cue lists the sketches look words up in, as sets (built once per cue object). */
interface SketchCueSets {
  generic: Set<string>;
  female: Set<string>;
  male: Set<string>;
}
const sketchCueSets = new WeakMap<RelationCues, SketchCueSets>();

function cueSets(cues: RelationCues): SketchCueSets {
  let sets = sketchCueSets.get(cues);
  if (!sets) {
    sets = { generic: new Set(cues.nominalHeads), female: new Set(cues.femaleFirstWords), male: new Set(cues.maleFirstWords) };
    sketchCueSets.set(cues, sets);
  }
  return sets;
}

/** Gender of a person entity from the first word of its name (cached per entity). */
function genderOf(entities: ReadonlyMap<string, Entity>, { female, male }: SketchCueSets): (entity: string) => Gender {
  const cache = new Map<string, Gender>();
  return (entity) => {
    if (cache.has(entity)) return cache.get(entity);
    const first = firstFoldedWord(entities.get(entity)?.name ?? "");
    const g: Gender = female.has(first) ? "f" : male.has(first) ? "m" : undefined;
    cache.set(entity, g);
    return g;
  };
}

/**
 * The person named just before a pronoun ("A and his wife", "A, his brother"); null when an unrecognised
 * capitalised word stands there instead ("Dzhokhar and his brother": the antecedent is not known).
 */
function localPerson(text: string, items: Item[], slots: Slot[]): string | null | undefined {
  const n = items.length;
  const prev = items[n - 1];
  const cand = prev && (prev.word === "and" || prev.word === ",") ? items[n - 2] : undefined;
  if (!cand) return undefined;
  if (cand.slot !== undefined) return slots[cand.slot].kind === "P" ? slots[cand.slot].entity : undefined;
  return /^\p{Lu}/u.test(text.slice(cand.start, cand.end)) ? null : undefined;
}

/** What pronoun and description resolution reads: antecedents so far, and organization head words (lazily). */
interface Resolver {
  doc: Doc;
  /** Lower-cased token texts (shared with the claims stage). */
  lows: string[];
  recency: Recency;
  generic: Set<string>;
  heads?: Map<string, string[]>;
  gender(entity: string): Gender;
}

const PRONOUN_GENDER: Record<string, Gender> = { he: "m", him: "m", his: "m", she: "f", her: "f" };

/** A pronoun or "the <head>" at token t resolved to a recent entity, or undefined. `local`: `localPerson` before a person pronoun or "whose", else undefined. */
function resolveWord(
  res: Resolver,
  s: number,
  t: number,
  word: string,
  nextMention: number,
  local: string | null | undefined,
): { slot: Slot; lastToken: number } | undefined {
  const { doc, recency } = res;
  const tok = doc.tokens[t];
  if (local === null && (PERSON_PRONOUNS.has(word) || word === "whose")) return undefined;
  if (PERSON_PRONOUNS.has(word)) {
    const g = PRONOUN_GENDER[word];
    const fits = (e: string) => {
      const eg = res.gender(e);
      return !g || !eg || eg === g;
    };
    const e = local && fits(local) ? local : recency.recentPerson(s, fits);
    if (e) return { slot: { kind: "P", entity: e, start: tok.start, end: tok.end, pronoun: true }, lastToken: t };
  }
  if (word === "whose" && local) {
    return { slot: { kind: "P", entity: local, start: tok.start, end: tok.end, pronoun: true }, lastToken: t };
  }
  if (ORG_PRONOUNS.has(word)) {
    const e = recency.recentOrg(s);
    if (e) return { slot: { kind: "O", entity: e, start: tok.start, end: tok.end, pronoun: true }, lastToken: t };
  }
  if (word === "the" && t + 1 < doc.sentences[s].tokenEnd) {
    const next = doc.tokens[t + 1];
    if (next.start >= nextMention) return undefined;
    const head = singular(apostrophes(res.lows[t + 1]));
    let e: string | undefined;
    res.heads ??= orgHeads(doc);
    const named = res.heads.get(head);
    if (named) {
      let best = -1;
      for (const id of named) {
        const seen = recency.orgSeen.get(id);
        if (seen !== undefined && seen > best) {
          best = seen;
          e = id;
        }
      }
    } else if (res.generic.has(head)) {
      e = recency.recentOrg(s);
    }
    if (e) return { slot: { kind: "O", entity: e, start: tok.start, end: next.end, pronoun: true }, lastToken: t + 1 };
  }
  return undefined;
}

/** Index of the item that starts at sketch offset `pos` (or the first one after it). */
export function itemAt(sk: Sketch, pos: number): number {
  let lo = 0;
  let hi = sk.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sk.at[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when item i is a slot directly followed by a possessive "'s" or "'". */
export function isPossessor(sk: Sketch, i: number): boolean {
  const next = sk.items[i + 1];
  return sk.items[i]?.slot !== undefined && next !== undefined && (next.word === "'s" || next.word === "'");
}
