import type { Doc, EntityType, Mention, MentionForm, Region, Token } from "../../model.js";
import { span } from "../../model.js";
import { foldName, isDemonym, lookupCountry, lookupPlaceLoose } from "../../lexicon/index.js";
import { AGENT, aliasPatterns, type AliasPatterns, type Cue } from "./patterns.js";
import { insideAny, skippedRanges } from "../times/index.js";

/** Most tokens a name found by an alias pattern may span. */
const MAX_NAME_TOKENS = 8;
/** Most bridge tokens between a referent and its cue ("X, who was also known as"). */
const MAX_BRIDGE = 4;
/** Most filler tokens between "and" and the second conjunct ("and the Iraqi area of B"). */
const MAX_FILLER = 5;
/** Most tokens inside an alias bracket. */
const MAX_BRACKET = 8;

const OPEN_QUOTES = new Set(['"', "“", "‘", "'", "«"]);
const CLOSE_QUOTES = new Set(['"', "”", "’", "'", "»"]);
const CONJUNCTIONS = new Set(["and", "or"]);
/** A word that starts with a capital, which a cue matches only lower-cased ("Known as"). */
const UPPER_INITIAL = /^\p{Lu}/u;
/** A capitalised word, or a lower-case Arabic article glued to one ("al-Nour"). */
const CAPITALISED = /^(?:\p{Lu}|\p{Ll}{1,3}-\p{Lu})/u;
/** An acronym: two or more capitals (optionally dotted), digits allowed after the first. */
const ACRONYM = /^(?:(?:\p{Lu}\.)+\p{Lu}\.?|\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}[\p{Lu}\p{N}]*)$/u;

/** True when `text` looks like an acronym ("SDF", "U.N.", "YPG"). */
export function isAcronym(text: string): boolean {
  return ACRONYM.test(text);
}

/** A name found in the text: an existing mention, or a new extent to make one of. */
interface NameHit {
  start: number;
  end: number;
  /** Token index just past the name (and any closing quote). */
  next: number;
  mention?: Mention;
}

/** Working state of one `findAliases` run. */
class AliasContext {
  readonly text: string;
  readonly tokens: Token[];
  /** Mention by start offset (the longest one when several start there). */
  startAt = new Map<number, Mention>();
  /** Mention by end offset (the longest one when several end there). */
  endAt = new Map<number, Mention>();
  ids = new Set<string>();
  created: Mention[] = [];
  removed = new Set<Mention>();
  /** Every mention (old and new, live or removed) sorted by start, for overlap queries. */
  private byStart: Mention[];
  private maxLen = 0;
  private nextId = 1;

  constructor(
    readonly doc: Doc,
    readonly pat: AliasPatterns,
  ) {
    this.text = doc.text;
    this.tokens = doc.tokens;
    for (const m of doc.mentions) {
      this.index(m);
      this.ids.add(m.id);
      this.maxLen = Math.max(this.maxLen, m.end - m.start);
    }
    this.byStart = [...doc.mentions].sort((a, b) => a.start - b.start);
  }

  /** Index of the first mention in `byStart` starting at or after `offset`. */
  private firstFrom(offset: number): number {
    let lo = 0;
    let hi = this.byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.byStart[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Live mentions that overlap [start, end). */
  overlapping(start: number, end: number): Mention[] {
    const lo = this.firstFrom(start - this.maxLen);
    const out: Mention[] = [];
    for (let i = lo; i < this.byStart.length && this.byStart[i].start < end; i++) {
      const m = this.byStart[i];
      if (m.end > start && !this.removed.has(m)) out.push(m);
    }
    return out;
  }

  private index(m: Mention): void {
    const s = this.startAt.get(m.start);
    if (!s || s.end < m.end) this.startAt.set(m.start, m);
    const e = this.endAt.get(m.end);
    if (!e || e.start > m.start) this.endAt.set(m.end, m);
  }

  /** Token `i` lower-cased ("" past the end). */
  low(i: number): string {
    const t = this.tokens[i];
    return t ? t.text.toLowerCase() : "";
  }

  /** The mention that starts exactly at token `i`, if any. */
  mentionAt(i: number): Mention | undefined {
    const t = this.tokens[i];
    const m = t ? this.startAt.get(t.start) : undefined;
    return m && !this.removed.has(m) ? m : undefined;
  }

  /** The sentence end (exclusive token index) of token `i`. */
  sentenceEnd(i: number): number {
    return this.doc.sentences[this.tokens[i].sentence]?.tokenEnd ?? this.tokens.length;
  }

  sentenceStart(i: number): number {
    return this.doc.sentences[this.tokens[i].sentence]?.tokenStart ?? 0;
  }

  /** Token index of the first token at or after `offset`. */
  tokenFrom(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Returns a mention over [start, end): an existing one with that extent, or a new one typed `type`.
   * Mentions strictly inside the new extent are dropped (the alias pattern shows the longer name).
   */
  ensureMention(start: number, end: number, type: EntityType, form: MentionForm, rule: string): Mention {
    const same = this.startAt.get(start);
    if (same && same.end === end) return same;
    let id = `a${this.nextId++}`;
    while (this.ids.has(id)) id = `a${this.nextId++}`;
    this.ids.add(id);
    const m: Mention = { id, ...span(this.text, start, end), type, rule, confidence: 0.8, form };
    for (const old of this.overlapping(start, end)) {
      if (old.start >= start && old.end <= end) this.removed.add(old);
    }
    this.startAt.set(start, m);
    this.endAt.set(end, m);
    this.created.push(m);
    this.maxLen = Math.max(this.maxLen, end - start);
    this.byStart.splice(this.firstFrom(start + 1), 0, m);
    return m;
  }
}

/** Adds alias statements to `doc.aliasLinks` (and any alias mentions they introduce). */
export function findAliases(doc: Doc): void {
  if (doc.tokens.length === 0) return;
  const cx = new AliasContext(doc, aliasPatterns());
  const skip = skippedRanges(doc, ALIAS_SKIPPED);
  for (let i = 0; i < cx.tokens.length; i++) {
    const t = cx.tokens[i];
    if (t.kind !== "word") continue;
    let w = t.text;
    if (!mayStartCue(w, cx.pat.firstChars)) continue;
    if (!cx.pat.firstWords.has(w)) {
      if (!upperInitial(w)) continue;
      w = w.toLowerCase();
      if (!cx.pat.firstWords.has(w)) continue;
    }
    // the token's first character inside a skipped region
    if (insideAny(skip, t.start, t.start + 1)) continue;
    for (const mark of cx.pat.marks.get(w) ?? []) {
      const end = matchWords(cx, i, mark.words);
      if (end < 0) continue;
      const m = cx.mentionAt(skipThe(cx, skipQuote(cx, end)));
      if (m) m.attributes = { ...m.attributes, [mark.attribute]: true, [`${mark.attribute}Rule`]: mark.rule };
      break;
    }
    for (const cue of cx.pat.after.get(w) ?? []) {
      const next = applyAfterCue(cx, i, cue);
      if (next > i) {
        i = next - 1;
        break;
      }
    }
  }
  for (const m of [...doc.mentions, ...cx.created]) {
    if (!cx.removed.has(m)) applyBracket(cx, m);
  }
  addRepeats(cx);
  const kept = cx.created.length === 0 && cx.removed.size === 0 ? [...doc.mentions] : [...doc.mentions, ...cx.created].filter((m) => !cx.removed.has(m));
  doc.mentions = inTextOrder(kept) ? kept : kept.sort(byTextOrder);
  if (doc.aliasLinks.length === 0) return;
  const live = new Set(doc.mentions.map((m) => m.id));
  doc.aliasLinks = doc.aliasLinks.filter((l) => live.has(l.of) && live.has(l.alias));
}

/** Mention order: by start, the longer first at equal starts. */
const byTextOrder = (a: Mention, b: Mention): number => a.start - b.start || b.end - a.end;

/** True when `ms` is already in `byTextOrder` (sorting would keep it as it is). */
function inTextOrder(ms: readonly Mention[]): boolean {
  for (let k = 1; k < ms.length; k++) if (byTextOrder(ms[k - 1], ms[k]) > 0) return false;
  return true;
}

/** `UPPER_INITIAL.test(w)`, without the regex for an ASCII first letter. */
/**
 * False when neither `w` nor its lower-cased form can be a cue's first word, judged by the first
 * character alone: an ASCII one (upper case read as lower, as `toLowerCase` maps it) that no first
 * word starts with. True otherwise, also for a non-ASCII first character.
 */
function mayStartCue(w: string, firstChars: Uint8Array): boolean {
  const c = w.charCodeAt(0);
  if (!(c < 128)) return true;
  return firstChars[c >= 0x41 && c <= 0x5a ? c + 32 : c] === 1;
}

function upperInitial(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : UPPER_INITIAL.test(w);
}

/** Region kinds where no alias is looked for. */
const ALIAS_SKIPPED: ReadonlySet<Region["kind"]> = new Set(["credit", "boilerplate"]);

/** Matches plain cue words from token `i`; returns the token index after them, or -1. */
function matchWords(cx: AliasContext, i: number, words: string[]): number {
  const end = cx.sentenceEnd(i);
  let j = i;
  for (const w of words) {
    if (j >= end || cx.low(j) !== w) return -1;
    j++;
  }
  return j;
}

/**
 * Matches a cue that may hold one `{agent}` slot (a mention, or 1-3 words); returns the token index
 * after the cue, or -1.
 */
function matchCue(cx: AliasContext, i: number, words: string[]): number {
  const end = cx.sentenceEnd(i);
  let j = i;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w !== AGENT) {
      if (j >= end || cx.low(j) !== w) return -1;
      j++;
      continue;
    }
    const nextWord = words[k + 1];
    const m = cx.mentionAt(j);
    if (m) {
      const after = cx.tokenFrom(m.end);
      if (after < end && cx.low(after) === nextWord) {
        j = after;
        continue;
      }
    }
    let n = 1;
    while (n <= 3 && j + n < end && cx.tokens[j + n - 1].kind === "word" && cx.low(j + n) !== nextWord) n++;
    if (n > 3 || j + n >= end || cx.tokens[j + n - 1].kind !== "word") return -1;
    j += n;
  }
  return j;
}

function skipQuote(cx: AliasContext, j: number): number {
  return j < cx.tokens.length && OPEN_QUOTES.has(cx.tokens[j].text) ? j + 1 : j;
}

function skipThe(cx: AliasContext, j: number): number {
  return j < cx.tokens.length && cx.low(j) === "the" && !cx.mentionAt(j) ? j + 1 : j;
}

/** True when token `i` can be part of a name run (a capitalised word). */
function isNameWord(cx: AliasContext, i: number): boolean {
  const t = cx.tokens[i];
  return t.kind === "word" && CAPITALISED.test(t.text);
}

/**
 * The end token (exclusive) of a run of name words from token `j`: capitalised words, name particles
 * between them ("Kata'ib al-Salam", "Army of Islam"), and one trailing head noun ("Al-Khayr prefecture").
 * Returns `j` when no name starts there.
 */
function nameRunEnd(cx: AliasContext, j: number, limit: number): number {
  let last = -1;
  let k = j;
  while (k < limit && k - j < MAX_NAME_TOKENS) {
    if (isNameWord(cx, k)) last = k;
    else if (!(cx.pat.nameParticles.has(cx.low(k)) && last >= 0)) break;
    k++;
  }
  if (last < 0) return j;
  if (last + 1 < limit && cx.pat.headNouns.has(cx.low(last + 1))) return last + 2;
  return last + 1;
}

/** Reads one name at token `j` (after an optional "the", or inside quotes). */
function readName(cx: AliasContext, j: number, limit: number): NameHit | undefined {
  const q = skipQuote(cx, j);
  const quoted = q > j;
  const s = quoted ? q : skipThe(cx, q);
  if (s >= limit) return undefined;
  const m = cx.mentionAt(s);
  const runEnd = nameRunEnd(cx, s, limit);
  let hit: NameHit | undefined;
  if (m && (runEnd <= s || cx.tokens[runEnd - 1].end <= m.end)) hit = { start: m.start, end: m.end, next: cx.tokenFrom(m.end), mention: m };
  else if (runEnd > s) hit = { start: cx.tokens[s].start, end: cx.tokens[runEnd - 1].end, next: runEnd };
  if (hit && quoted && hit.next < cx.tokens.length && CLOSE_QUOTES.has(cx.tokens[hit.next].text)) hit.next++;
  return hit;
}

const BOUNDARIES = new Set([",", ")", ".", ";"]);

/** True when token `j` ends a clause (or the sentence). */
function atBoundary(cx: AliasContext, j: number): boolean {
  return j >= cx.tokens.length || j >= cx.sentenceEnd(j - 1) || BOUNDARIES.has(cx.tokens[j].text);
}

/** Reads the alias names after a cue: one, or a list "A, B and C" when `list`. */
function readAliasList(cx: AliasContext, j: number, list: boolean): NameHit[] {
  const limit = cx.sentenceEnd(Math.min(j, cx.tokens.length - 1));
  const first = readName(cx, j, limit);
  if (!first) return [];
  const out = [first];
  if (!list) return out;
  let cur = first;
  while (cur.next < limit) {
    const sep = cx.low(cur.next);
    const oxford = sep === "," && CONJUNCTIONS.has(cx.low(cur.next + 1)) && out.length > 1;
    if (CONJUNCTIONS.has(sep) || oxford) {
      const last = readName(cx, cur.next + (oxford ? 2 : 1), limit);
      if (last) out.push(last);
      break;
    }
    if (sep !== ",") break;
    const item = readName(cx, cur.next + 1, limit);
    if (!item || item.next >= limit) break;
    const after = cx.low(item.next);
    if (after !== "," && !CONJUNCTIONS.has(after)) break;
    out.push(item);
    cur = item;
  }
  return out;
}

/**
 * The mention just before token `i`, over at most `MAX_BRIDGE` bridge tokens, and whether a comma or
 * an opening bracket was crossed.
 */
function referentBefore(cx: AliasContext, i: number): { mention: Mention; comma: boolean } | undefined {
  const from = cx.sentenceStart(i);
  let comma = false;
  let placeBridge = false;
  for (let q = i, steps = 0; q > from && steps <= MAX_BRIDGE; q--, steps++) {
    const m = cx.endAt.get(cx.tokens[q - 1].end);
    if (m && !cx.removed.has(m)) return placeBridge && m.type !== "place" ? undefined : { mention: m, comma };
    const w = cx.low(q - 1);
    if (w === "," || w === "(") comma = true;
    if (cx.pat.placeNouns.has(w)) placeBridge = true;
    else if (!cx.pat.bridgeWords.has(w)) return undefined;
  }
  return undefined;
}

/**
 * The mentions coordinated with `ref` ("A, B and the Iraqi area of C"): same type, joined by "and"/"or"
 * or commas over a few filler words (place nouns, demonyms, other capitalised words that are no
 * mention of `ref`'s type). Returns them in text order, `ref` last; just `[ref]` when none.
 */
function coordinated(cx: AliasContext, ref: Mention): Mention[] {
  const out = [ref];
  let cur = ref;
  for (;;) {
    const ti = cx.tokenFrom(cur.start);
    const from = cx.sentenceStart(ti);
    let q = ti;
    let fill = 0;
    while (q > from && fill < MAX_FILLER && !CONJUNCTIONS.has(cx.low(q - 1)) && cx.low(q - 1) !== ",") {
      const w = cx.tokens[q - 1];
      const inner = cx.endAt.get(w.end);
      const filler =
        cx.pat.coordinationFillers.has(cx.low(q - 1)) ||
        (isNameWord(cx, q - 1) && (isDemonym(w.text) || !inner || inner.type !== ref.type || cx.removed.has(inner)));
      if (!filler) return out;
      q--;
      fill++;
    }
    if (q <= from) return out;
    q--;
    if (q > from && cx.low(q) !== "," && cx.low(q - 1) === ",") q--;
    if (q <= from) return out;
    const prev = cx.endAt.get(cx.tokens[q - 1].end);
    if (!prev || prev.type !== ref.type || cx.removed.has(prev)) return out;
    out.unshift(prev);
    cur = prev;
  }
}

/** Applies one "after" cue at token `i`; returns the token index after the cue when it matched, else -1. */
function applyAfterCue(cx: AliasContext, i: number, cue: Cue): number {
  const end = matchCue(cx, i, cue.words);
  if (end < 0 || end >= cx.tokens.length) return -1;
  const ref = referentBefore(cx, i);
  if (!ref || (cue.comma && !ref.comma)) return -1;
  const names = readAliasList(cx, end, cue.list).filter((n) => !cue.boundary || atBoundary(cx, n.next));
  if (names.length === 0) return -1;
  const referent = ref.mention;
  const members = cue.rule === "aliases/which-called" ? coordinated(cx, referent) : [referent];
  if (members.length > 1) {
    const n = names[0];
    const union = cx.ensureMention(n.start, n.end, referent.type, "name", cue.rule);
    union.attributes = { ...union.attributes, unionOf: members.map((m) => m.id), unionRule: cue.rule };
    if (union.type !== referent.type) {
      union.attributes = { ...union.attributes, retypedBy: cue.rule, typeBefore: union.type };
      union.type = referent.type;
    }
    return end;
  }
  for (const n of names) {
    const of = n.mention && n.mention.type !== referent.type && ref.comma ? (appositiveHead(cx, referent, n.mention.type) ?? referent) : referent;
    if (foldName(cx.text.slice(n.start, n.end)) === foldName(of.text)) continue;
    const alias = n.mention ?? cx.ensureMention(n.start, n.end, of.type, "alias", cue.rule);
    if (alias === of || (alias.type !== of.type && !cue.retype)) continue;
    if (alias.type !== of.type) {
      alias.attributes = { ...alias.attributes, retypedBy: cue.rule, typeBefore: alias.type };
      alias.type = of.type;
    }
    cx.doc.aliasLinks.push({ of: of.id, alias: alias.id, rule: cue.rule, evidence: span(cx.text, of.start, n.end) });
  }
  return end;
}

/** Most tokens between an appositive's head and the mention that ends the appositive. */
const MAX_APPOSITIVE = 12;

/**
 * In "Abu X, the leader of HTS, also known as Abu Y", the alias belongs to the head "Abu X", not to
 * "HTS": the nearest earlier mention of `type` in the sentence that a comma follows.
 */
function appositiveHead(cx: AliasContext, inner: Mention, type: EntityType): Mention | undefined {
  const ti = cx.tokenFrom(inner.start);
  const from = Math.max(cx.sentenceStart(ti), ti - MAX_APPOSITIVE);
  for (let q = ti - 1; q > from; q--) {
    if (cx.tokens[q].text !== ",") continue;
    const m = cx.endAt.get(cx.tokens[q - 1].end);
    if (m && m.type === type && !cx.removed.has(m)) return m;
  }
  return undefined;
}

/** Initials of the capitalised words of `name` ("Syrian Democratic Forces" → "SDF"). */
function initials(name: string): string {
  return (name.match(/\p{Lu}/gu) ?? []).join("");
}

/**
 * "X (A)": a bracket right after a mention holding an acronym or another name of it. Different-type
 * names ("Jamal Haddad (Egypt)"), countries, differently resolved places ("Manbij (Aleppo)"), one
 * unknown word after an organization ("Council (Second)") and, after a person, anything but a person
 * mention ("Elia Kazan (The Last Tycoon)") are not aliases.
 */
function applyBracket(cx: AliasContext, m: Mention): void {
  if (!/^\s?[(]/.test(cx.text.slice(m.end, m.end + 2))) return;
  const open = cx.tokenFrom(m.end);
  if (open >= cx.tokens.length || cx.tokens[open].text !== "(") return;
  const gap = cx.text.slice(m.end, cx.tokens[open].start);
  if (gap.length > 1 || gap.includes("\n")) return;
  const limit = Math.min(cx.sentenceEnd(open), open + 2 + MAX_BRACKET);
  let close = open + 1;
  while (close < limit && cx.tokens[close].text !== ")") close++;
  if (close >= limit || close === open + 1) return;
  const inner = cx.text.slice(cx.tokens[open + 1].start, cx.tokens[close - 1].end);
  const evidence = span(cx.text, m.start, cx.tokens[close].end);
  if (close === open + 2 && isAcronym(inner)) {
    if (m.type === "person") return;
    if (m.type === "place" && initials(m.text) !== inner.replace(/\./g, "")) return;
    const existing = cx.mentionAt(open + 1);
    if (existing && existing.end === cx.tokens[open + 1].end && existing.type !== m.type) return;
    const alias = existing?.end === cx.tokens[open + 1].end ? existing : cx.ensureMention(cx.tokens[open + 1].start, cx.tokens[open + 1].end, m.type, "acronym", "aliases/bracket-acronym");
    cx.doc.aliasLinks.push({ of: m.id, alias: alias.id, rule: "aliases/bracket-acronym", evidence });
    return;
  }
  const hit = readName(cx, open + 1, close);
  if (!hit || hit.next !== close) return;
  const name = cx.text.slice(hit.start, hit.end);
  if (foldName(name) === foldName(m.text)) return;
  const existing = hit.mention;
  if (existing && existing.type !== m.type) return;
  if (!existing && (m.type === "person" || (m.type === "organization" && hit.next - cx.tokenFrom(hit.start) < 2))) return;
  if (lookupCountry(name) && lookupCountry(name)?.name !== lookupCountry(m.text)?.name) return;
  if (m.type === "place" && !samePlace(m, name, existing)) return;
  const alias = existing ?? cx.ensureMention(hit.start, hit.end, m.type, "alias", "aliases/bracket");
  cx.doc.aliasLinks.push({ of: m.id, alias: alias.id, rule: "aliases/bracket", evidence });
}

/**
 * True when a bracketed name may be another name of place `m`: both resolve to one gazetteer place,
 * or neither resolves ("Al-Bab (Bab)" yes; "Altamira (Caracas)", "Germany (East Prussia)" no).
 */
function samePlace(m: Mention, inner: string, innerMention: Mention | undefined): boolean {
  const a = m.geo?.geonameId ?? lookupPlaceLoose(m.text)?.geonameId ?? lookupCountry(m.text)?.name;
  const b = innerMention?.geo?.geonameId ?? lookupPlaceLoose(inner)?.geonameId ?? lookupCountry(inner)?.name;
  return a === b;
}

/** Later (and earlier) occurrences of a name an alias pattern introduced become mentions too. */
function addRepeats(cx: AliasContext): void {
  const seen = new Set<string>();
  for (const m of [...cx.created]) {
    if (cx.removed.has(m) || seen.has(m.text)) continue;
    seen.add(m.text);
    for (let at = cx.text.indexOf(m.text); at >= 0; at = cx.text.indexOf(m.text, at + 1)) {
      const end = at + m.text.length;
      if (at === m.start) continue;
      if (cx.tokens[cx.tokenFrom(at)]?.start !== at || cx.tokens[cx.tokenFrom(end) - 1]?.end !== end) continue;
      if (overlapsOther(cx, at, end)) continue;
      const r = cx.ensureMention(at, end, m.type, m.form, "aliases/repeat");
      if (m.attributes?.unionOf) r.attributes = { ...r.attributes, unionOf: m.attributes.unionOf, unionRule: m.attributes.unionRule };
    }
  }
}

/** True when a live mention overlaps [start, end) without lying inside it. */
function overlapsOther(cx: AliasContext, start: number, end: number): boolean {
  return cx.overlapping(start, end).some((m) => !(m.start >= start && m.end <= end));
}
