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
  /** Index of the slot this item stands for; undefined for a word or mark. */
  slot: number | undefined;
}

/**
 * A sentence seen as words and entity placeholders: `text` is " " + the items' words joined by " " + " ",
 * so every item sits between two spaces; `at[i]` is the offset of item i in `text`.
 * A sketch and everything in it is valid only while `eachSketch` visits it: its storage is reused for the
 * next sentence. `at` and `slotItem` are buffers that may be longer than `items` and `slots`.
 */
export interface Sketch {
  sentence: number;
  start: number;
  end: number;
  text: string;
  items: Item[];
  /** Offset in `text` of each item (UTF-16 units), valid for indexes below `items.length`. */
  at: Int32Array;
  slots: Slot[];
  /** Item index of each slot, valid for indexes below `slots.length`. */
  slotItem: Int32Array;
}

const POSSESSIVE_PRONOUNS = new Set(["his", "her", "its", "whose"]);
const PERSON_PRONOUNS = new Set(["he", "him", "his", "she", "her"]);
const ORG_PRONOUNS = new Set(["its"]);
/** Words `resolveWord` may turn into a slot. */
const RESOLVABLE = new Set([...PERSON_PRONOUNS, ...ORG_PRONOUNS, "the", "whose"]);
/** Bit n is set when some `RESOLVABLE` word has n characters. */
const RESOLVABLE_LENGTHS = [...RESOLVABLE].reduce((bits, w) => bits | (1 << w.length), 0);
/** 1 at the char code of the first letter of each `RESOLVABLE` word (all ASCII). */
const RESOLVABLE_FIRST = new Uint8Array(128);
for (const w of RESOLVABLE) RESOLVABLE_FIRST[w.charCodeAt(0)] = 1;

/** False for most words that are not `RESOLVABLE`, from their length and first letter alone (no hashing); true for all that are. */
function mayResolve(word: string): boolean {
  return word.length < 31 && ((RESOLVABLE_LENGTHS >> word.length) & 1) === 1 && RESOLVABLE_FIRST[word.charCodeAt(0)] === 1;
}
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

/** The mentions of `doc` that have an entity, in `byStartThenLongest` order. */
function mentionsWithEntity(doc: Doc): Mention[] {
  const sorted = doc.mentions.filter((m) => m.entity !== undefined);
  if (!inOrder(sorted)) sorted.sort(byStartThenLongest);
  return sorted;
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
  /** Persons named per sentence, oldest sentence first, each list without repeats; only sentences within `PRONOUN_REACH` are kept. */
  private persons: { sentence: number; list: string[] }[] = [];
  /** The organization named last (by name, not pronoun) and its sentence; undefined before any. */
  private org: string | undefined;
  private orgSentence = 0;
  /** Last sentence where each organization entity was named. */
  orgSeen = new Map<string, number>();

  see(kind: SlotKind, entity: string, pronoun: boolean, sentence: number): void {
    if (kind === "P") {
      while (this.persons.length > 0 && sentence - this.persons[0].sentence > PRONOUN_REACH) this.persons.shift();
      let last = this.persons[this.persons.length - 1];
      if (last?.sentence !== sentence) {
        last = { sentence, list: [] };
        this.persons.push(last);
      }
      if (!last.list.includes(entity)) last.list.push(entity);
    }
    if (kind === "O" && !pronoun) {
      this.org = entity;
      this.orgSentence = sentence;
      this.orgSeen.set(entity, sentence);
    }
  }

  /** The first person of this sentence, else of the previous one, whose gender (`genderOf`) does not contradict `g`. */
  recentPerson(sentence: number, g: Gender, genderOf: (entity: string) => Gender): string | undefined {
    for (let back = 0; back <= PRONOUN_REACH; back++) {
      for (const b of this.persons) {
        if (b.sentence !== sentence - back) continue;
        for (const p of b.list) if (fitsGender(g, genderOf(p))) return p;
      }
    }
    return undefined;
  }

  recentOrg(sentence: number): string | undefined {
    return this.org !== undefined && sentence - this.orgSentence <= PRONOUN_REACH ? this.org : undefined;
  }
}

/** True when a pronoun of gender `g` may refer to an entity of gender `eg` (an unknown one fits any). */
function fitsGender(g: Gender, eg: Gender): boolean {
  return !g || !eg || eg === g;
}

/** Last folded word of each organization name, singular form → entity ids (for "the brigades"). */
function orgHeads(doc: Doc): Map<string, string[]> {
  const heads = new Map<string, string[]>();
  for (const e of doc.entities) {
    if (e.type !== "organization") continue;
    addHead(heads, orgHead(e.name), e.id);
    for (const n of e.aliases) addHead(heads, orgHead(n), e.id);
  }
  return heads;
}

function addHead(heads: Map<string, string[]>, head: string | null, id: string): void {
  if (head === null) return;
  const list = heads.get(head);
  if (!list) heads.set(head, [id]);
  else if (!list.includes(id)) list.push(id);
}

/** Most organization names whose head `orgHead` remembers; the memo is emptied when it grows past this. */
const ORG_HEAD_CACHE_SIZE = 16384;
const orgHeadCache = new Map<string, string | null>();

/** The singular last folded word of an organization name, or null for a name of fewer than two folded words (memoised: names recur across documents). */
function orgHead(name: string): string | null {
  let head = orgHeadCache.get(name);
  if (head === undefined) {
    const words = foldedWords(name);
    head = words.length < 2 ? null : singular(words[words.length - 1]);
    if (orgHeadCache.size >= ORG_HEAD_CACHE_SIZE) orgHeadCache.clear();
    orgHeadCache.set(name, head);
  }
  return head;
}

function singular(w: string): string {
  return w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w;
}

/** Sketch words of slot placeholders per kind, by slot index (`<P0>`, `<P1>`...), made on first use. */
const SLOT_WORDS: Record<SlotKind, string[]> = { P: [], O: [], L: [] };

function slotWord(kind: SlotKind, n: number): string {
  return (SLOT_WORDS[kind][n] ??= `<${kind}${n}>`);
}

/**
 * The storage of the sketch being built, reused from sentence to sentence: pooled item and slot objects
 * (the first `itemCount` and `slotCount` belong to the current sentence), offset buffers grown on demand.
 */
class SketchBuffers {
  readonly itemPool: Item[] = [];
  readonly slotPool: Slot[] = [];
  itemCount = 0;
  slotCount = 0;
  at: Int32Array = new Int32Array(64);
  slotItem: Int32Array = new Int32Array(16);

  clear(): void {
    this.itemCount = 0;
    this.slotCount = 0;
  }

  addItem(start: number, end: number, word: string, slot: number | undefined): void {
    let it = this.itemPool[this.itemCount];
    if (!it) {
      it = { start, end, word, slot };
      this.itemPool.push(it);
    } else {
      it.start = start;
      it.end = end;
      it.word = word;
      it.slot = slot;
    }
    this.itemCount++;
  }

  /** Adds a slot and its placeholder item; returns the slot index. */
  addSlot(kind: SlotKind, entity: string, start: number, end: number, pronoun: boolean): number {
    const n = this.slotCount;
    let slot = this.slotPool[n];
    if (!slot) {
      slot = { kind, entity, start, end, pronoun };
      this.slotPool.push(slot);
    } else {
      slot.kind = kind;
      slot.entity = entity;
      slot.start = start;
      slot.end = end;
      slot.pronoun = pronoun;
    }
    if (n >= this.slotItem.length) this.slotItem = grown(this.slotItem);
    this.slotItem[n] = this.itemCount;
    this.slotCount++;
    this.addItem(start, end, slotWord(kind, n), n);
    return n;
  }

  /** The current sentence's sketch text; fills `at` with each item's offset in it. */
  text(): string {
    const n = this.itemCount;
    while (this.at.length < n) this.at = grown(this.at);
    /** The words between two empty ends, so that joining with " " also puts a space before the first and after the last. */
    const parts = new Array<string>(n + 2);
    parts[0] = "";
    let len = 0;
    for (let i = 0; i < n; i++) {
      const word = this.itemPool[i].word;
      this.at[i] = len + 1;
      parts[i + 1] = word;
      len += 1 + word.length;
    }
    parts[n + 1] = "";
    return parts.join(" ");
  }
}

/** The buffers of every `eachSketch` call (calls never overlap: a visit does not start another), so their pools are filled once per process. */
const sketchBuffers = new SketchBuffers();

/** A copy of `a` twice as long. */
function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Hands one sketch per sentence to `visit`, in sentence order. Mentions with an entity become slots; "he"/"his"
 * not covered by a mention become slots of the person just before ("A and his wife"), else of the first person
 * of this sentence (before it), else of the previous sentence's first person, skipping names of the other
 * gender ("Umm Ali" is not "he"); "its" of the most recent organization (this or the previous sentence); a
 * possessive pronoun is followed by a synthetic "'s" item; "the <head>" ("the group", "the brigades") not
 * covered by a mention becomes a slot of the most recent organization with that head word. Only sentences
 * with two slots or more are visited (every relation needs two). The sketch's storage is reused for the next
 * sentence, so `visit` must not keep it. `entities`: the document's entities by id, when the caller has them.
 */
export function eachSketch(
  doc: Doc,
  cues: RelationCues,
  visit: (sk: Sketch) => void,
  entities: ReadonlyMap<string, Entity> = new Map(doc.entities.map((e) => [e.id, e] as const)),
): void {
  const ms = mentionsWithEntity(doc);
  /** One past the last mention of the sentences read so far (a mention between two sentences belongs to neither). */
  let mHi = 0;
  const lows = lowered(doc.tokens);
  const sets = cueSets(cues);
  const res: Resolver = { doc, lows, recency: new Recency(), generic: sets.generic, gender: genderOf(entities, sets) };
  const buf = sketchBuffers;
  const resolved: ResolvedWord = { kind: "P", entity: "", end: 0, lastToken: 0 };
  const sk: Sketch = { sentence: 0, start: 0, end: 0, text: "", items: [], at: buf.at, slots: [], slotItem: buf.slotItem };
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s];
    buf.clear();
    while (mHi < ms.length && ms[mHi].start < sent.start) mHi++;
    /** The mentions of this sentence are ms[mi, mHi); mi advances as tokens are read. */
    let mi = mHi;
    while (mHi < ms.length && ms[mHi].start < sent.end) mHi++;
    for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
      const tok = doc.tokens[t];
      while (mi < mHi && ms[mi].end <= tok.start) mi++;
      const m = mi < mHi ? ms[mi] : undefined;
      if (m && m.start < tok.end) {
        const kind = KIND[entities.get(m.entity!)?.type ?? m.type];
        const pronoun = m.form === "pronoun" || m.form === "nominal";
        buf.addSlot(kind, m.entity!, m.start, m.end, pronoun);
        res.recency.see(kind, m.entity!, pronoun, s);
        if (pronoun && POSSESSIVE_PRONOUNS.has(normWord(m.text))) buf.addItem(m.start, m.end, "'s", undefined);
        while (t + 1 < sent.tokenEnd && doc.tokens[t + 1].start < m.end) t++;
        mi++;
        continue;
      }
      const word = apostrophes(lows[t]);
      if (mayResolve(word) && RESOLVABLE.has(word)) {
        const local = NEEDS_LOCAL.has(word) ? localPerson(doc.text, buf) : undefined;
        if (resolveWord(res, s, t, word, mi < mHi ? ms[mi].start : Infinity, local, resolved)) {
          buf.addSlot(resolved.kind, resolved.entity, tok.start, resolved.end, true);
          res.recency.see(resolved.kind, resolved.entity, true, s);
          if (POSSESSIVE_PRONOUNS.has(word)) buf.addItem(tok.start, resolved.end, "'s", undefined);
          t = resolved.lastToken;
          continue;
        }
      }
      buf.addItem(tok.start, tok.end, word, undefined);
    }
    if (buf.slotCount < 2) continue;
    sk.sentence = s;
    sk.start = sent.start;
    sk.end = sent.end;
    sk.text = buf.text();
    sk.items = buf.itemPool.slice(0, buf.itemCount);
    sk.at = buf.at;
    sk.slots = buf.slotPool.slice(0, buf.slotCount);
    sk.slotItem = buf.slotItem;
    visit(sk);
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
 * The person named just before a pronoun ("A and his wife", "A, his brother"), from the items built so far;
 * null when an unrecognised capitalised word stands there instead ("Dzhokhar and his brother": the
 * antecedent is not known).
 */
function localPerson(text: string, buf: SketchBuffers): string | null | undefined {
  const n = buf.itemCount;
  if (n < 2) return undefined;
  const prev = buf.itemPool[n - 1];
  if (prev.word !== "and" && prev.word !== ",") return undefined;
  const cand = buf.itemPool[n - 2];
  if (cand.slot !== undefined) return buf.slotPool[cand.slot].kind === "P" ? buf.slotPool[cand.slot].entity : undefined;
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

/** A word `resolveWord` turned into a slot: the slot's kind, entity and end offset, and the last token it covers. */
interface ResolvedWord {
  kind: SlotKind;
  entity: string;
  end: number;
  lastToken: number;
}

const PRONOUN_GENDER: Record<string, Gender> = { he: "m", him: "m", his: "m", she: "f", her: "f" };

/**
 * Resolves a pronoun or "the <head>" at token t to a recent entity: true, with the slot written to `out`
 * (it starts at token t), or false. `local`: `localPerson` before a person pronoun or "whose", else undefined.
 */
function resolveWord(
  res: Resolver,
  s: number,
  t: number,
  word: string,
  nextMention: number,
  local: string | null | undefined,
  out: ResolvedWord,
): boolean {
  const { doc, recency } = res;
  const tok = doc.tokens[t];
  if (local === null && (PERSON_PRONOUNS.has(word) || word === "whose")) return false;
  if (PERSON_PRONOUNS.has(word)) {
    const g = PRONOUN_GENDER[word];
    const e = local && fitsGender(g, res.gender(local)) ? local : recency.recentPerson(s, g, res.gender);
    if (e) return resolvedTo(out, "P", e, tok.end, t);
  }
  if (word === "whose" && local) return resolvedTo(out, "P", local, tok.end, t);
  if (ORG_PRONOUNS.has(word)) {
    const e = recency.recentOrg(s);
    if (e) return resolvedTo(out, "O", e, tok.end, t);
  }
  if (word === "the" && t + 1 < doc.sentences[s].tokenEnd) {
    const next = doc.tokens[t + 1];
    if (next.start >= nextMention) return false;
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
    if (e) return resolvedTo(out, "O", e, next.end, t + 1);
  }
  return false;
}

function resolvedTo(out: ResolvedWord, kind: SlotKind, entity: string, end: number, lastToken: number): true {
  out.kind = kind;
  out.entity = entity;
  out.end = end;
  out.lastToken = lastToken;
  return true;
}

/** Index of the item that starts at sketch offset `pos` (or the first one after it). */
export function itemAt(sk: Sketch, pos: number): number {
  let lo = 0;
  let hi = sk.items.length;
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
