import type { Doc, Mention, Token } from "../../model.js";

/** Region kinds whose text is not reported content (headers, credits, boilerplate). */
const SKIPPED_REGIONS = new Set(["title", "credit", "dateline", "boilerplate"]);

/** True when the sentence `s` lies in a title, credit, dateline or boilerplate region. */
export function inSkippedRegion(doc: Doc, s: number): boolean {
  const sent = doc.sentences[s];
  return doc.regions.some((r) => SKIPPED_REGIONS.has(r.kind) && r.start <= sent.start && sent.end <= r.end);
}

/** Index of the sentence that holds offset `at`, or -1 (binary search over `doc.sentences`). */
export function sentenceAt(doc: Doc, at: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * What the claims and events stages both read per sentence, computed once per document: the mentions
 * grouped by sentence, and which sentences are read at all. Valid while the document keeps the same
 * `mentions` and `sentences` arrays with the same lengths (later stages only read them).
 */
interface SentenceIndex {
  mentions: Mention[];
  mentionCount: number;
  sentences: Doc["sentences"];
  sentenceCount: number;
  bySentence: Mention[][];
  /** 1 for a sentence that is neither in a skipped region nor a heading; built on first use. */
  readable?: Uint8Array;
}

const sentenceIndexes = new WeakMap<Doc, SentenceIndex>();

function sentenceIndex(doc: Doc): SentenceIndex {
  let ix = sentenceIndexes.get(doc);
  if (
    ix && ix.mentions === doc.mentions && ix.mentionCount === doc.mentions.length &&
    ix.sentences === doc.sentences && ix.sentenceCount === doc.sentences.length
  ) return ix;
  ix = {
    mentions: doc.mentions, mentionCount: doc.mentions.length,
    sentences: doc.sentences, sentenceCount: doc.sentences.length,
    bySentence: groupMentions(doc),
  };
  sentenceIndexes.set(doc, ix);
  return ix;
}

/**
 * Mentions grouped by the sentence that holds their start, each list sorted by offset. Built once per
 * document and shared between callers: the lists must not be edited.
 */
export function mentionsBySentence(doc: Doc): readonly Mention[][] {
  return sentenceIndex(doc).bySentence;
}

/** True when sentence `s` is read for claims and events: neither in a skipped region nor a heading (cached per document). */
export function isReadable(doc: Doc, s: number): boolean {
  const ix = sentenceIndex(doc);
  ix.readable ??= readableSentences(doc);
  return ix.readable[s] === 1;
}

/** 1 per sentence that lies in no skipped region (one pass over the regions) and is no heading. */
function readableSentences(doc: Doc): Uint8Array {
  const sentences = doc.sentences;
  const out = new Uint8Array(sentences.length).fill(1);
  for (const r of doc.regions) {
    if (!SKIPPED_REGIONS.has(r.kind)) continue;
    // sentences are sorted and disjoint: those inside r start in [r.start, r.end]
    for (let s = firstStartingAtOrAfter(sentences, r.start); s < sentences.length && sentences[s].start <= r.end; s++) {
      if (sentences[s].end <= r.end) out[s] = 0;
    }
  }
  for (let s = 0; s < sentences.length; s++) if (out[s] === 1 && isHeading(doc, s)) out[s] = 0;
  return out;
}

/** Index of the first sentence whose start is at or after `at` (binary search; `sentences.length` when none). */
function firstStartingAtOrAfter(sentences: Doc["sentences"], at: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions grouped by the sentence that holds their start, each list sorted by offset. O(n) when mentions come sorted, else O(n log n). */
function groupMentions(doc: Doc): Mention[][] {
  const out: Mention[][] = doc.sentences.map(() => []);
  if (sortedByStart(doc.mentions)) {
    // one walk: sentences are sorted and disjoint, so the sentence holding a start never moves back
    const sentences = doc.sentences;
    let s = 0;
    for (const m of doc.mentions) {
      while (s < sentences.length && sentences[s].end <= m.start) s++;
      if (s === sentences.length) break;
      if (m.start >= sentences[s].start) out[s].push(m);
    }
    return out;
  }
  for (const m of doc.mentions) {
    const s = sentenceAt(doc, m.start);
    if (s >= 0) out[s].push(m);
  }
  for (const list of out) if (!sortedByStart(list)) list.sort((a, b) => a.start - b.start);
  return out;
}

/** True when `list` is already in `start` order (mentions usually come sorted; a stable sort would keep them as they are). */
function sortedByStart(list: readonly Mention[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1].start > list[i].start) return false;
  return true;
}

/** True when `text[from, to)` holds a line break (no substring is made). */
function breakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Items with a span grouped by the sentence that holds their start. */
export function bySentence<T>(doc: Doc, items: readonly T[], startOf: (x: T) => number): T[][] {
  const out: T[][] = doc.sentences.map(() => []);
  for (const x of items) {
    const s = sentenceAt(doc, startOf(x));
    if (s >= 0) out[s].push(x);
  }
  return out;
}

/** True when a line break separates sentence `s` from the one before it (a new paragraph or line). */
export function startsParagraph(doc: Doc, s: number): boolean {
  if (s === 0) return true;
  return breakBetween(doc.text, doc.sentences[s - 1].end, doc.sentences[s].start);
}

/** A token that ends a sentence (punctuation, closing quote or bracket). */
const FINAL_MARK = /^[.!?"”’»)]$/;

/**
 * True when sentence `s` is a heading: a line of its own without sentence-final punctuation.
 * Headings restate what the body tells, so events are not read from them.
 */
export function isHeading(doc: Doc, s: number): boolean {
  const sent = doc.sentences[s];
  if (s > 0 && !breakBetween(doc.text, doc.sentences[s - 1].end, sent.start)) return false;
  if (s < doc.sentences.length - 1 && !breakBetween(doc.text, sent.end, doc.sentences[s + 1].start)) return false;
  const last = doc.tokens[sent.tokenEnd - 1];
  if (FINAL_MARK.test(last.text)) return false;
  return sent.tokenEnd - sent.tokenStart <= 20;
}

/** The lower-cased text of a token. */
export function low(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : "";
}

const lowCache = new WeakMap<Token[], string[]>();

/** The lower-cased texts of `tokens`, computed once per token list. */
export function lowered(tokens: Token[]): string[] {
  let out = lowCache.get(tokens);
  if (!out) {
    out = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = lowerCase(tokens[i].text);
    lowCache.set(tokens, out);
  }
  return out;
}

/** `text.toLowerCase()`, but `text` itself when it has no A–Z and no non-ASCII character (no copy is made). */
function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return text.toLowerCase();
  }
  return text;
}
