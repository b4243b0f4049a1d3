import { readFileSync } from "node:fs";
import type { Doc, Sentence, Token, TokenKind } from "../../model.js";
import { dataPath } from "../../lexicon/paths.js";

/**
 * One token: a dotted acronym ("U.S."), a number with separators ("1,200", "3.5"), a word with inner
 * hyphens, apostrophes, periods or ampersands ("al-Suri", "Kata'ib", "AT&T"; a trailing possessive
 * "'s" is split off), or any other single non-space character.
 */
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\d+(?:[.,:]\d+)*|[\p{L}\p{M}\p{N}]+(?:(?:[-.&]|['’ʼ](?![sS](?![\p{L}\p{N}])))[\p{L}\p{M}\p{N}]+)*|['’ʼ][sS](?![\p{L}\p{N}])|\S/gu;

let abbreviations: Set<string> | undefined;
function loadAbbreviations(): Set<string> {
  if (!abbreviations) {
    const raw = JSON.parse(readFileSync(dataPath("lexicons/abbreviations.json"), "utf8")) as { words?: unknown };
    if (!Array.isArray(raw.words) || raw.words.some((w) => typeof w !== "string")) {
      throw new Error("data/lexicons/abbreviations.json: `words` must be a list of strings");
    }
    abbreviations = new Set(raw.words as string[]);
  }
  return abbreviations;
}

function kindOf(text: string): TokenKind {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return "number";
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return "word";
  return /[\p{L}\p{N}]/u.test(text) ? "word" : "punct";
}

/** True for an ASCII letter or digit (char code). */
function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * End of the `TOKEN_RE` match that starts at `i` (a non-space ASCII character), found by hand for
 * ASCII text; -1 when a character at or above U+0080 could change the match (the caller then runs
 * `TOKEN_RE` itself). Lookaheads read the whole text, as the regex does.
 */
function asciiTokenEnd(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) {
    // \d+(?:[.,:]\d+)*  (\d is ASCII only)
    let j = i + 1;
    for (;;) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 44 || d === 58) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) j += 2;
      else return j;
    }
  }
  if (c === 39) {
    // ['’ʼ][sS](?![\p{L}\p{N}]), else \S
    const s1 = text.charCodeAt(i + 1);
    if (s1 !== 115 && s1 !== 83) return i + 1;
    const a = text.charCodeAt(i + 2);
    if (a >= 128) return -1;
    return isAlnum(a) ? i + 1 : i + 2;
  }
  if (!isAlnum(c)) return i + 1;
  if (c >= 65 && c <= 90 && text.charCodeAt(i + 1) === 46) {
    // (?:\p{Lu}\.){2,}
    const c2 = text.charCodeAt(i + 2);
    if (c2 >= 128) return -1;
    if (c2 >= 65 && c2 <= 90 && text.charCodeAt(i + 3) === 46) {
      let j = i + 4;
      for (;;) {
        const u = text.charCodeAt(j);
        if (u >= 128) return -1;
        if (u >= 65 && u <= 90 && text.charCodeAt(j + 1) === 46) j += 2;
        else return j;
      }
    }
  }
  // [\p{L}\p{M}\p{N}]+(?:(?:[-.&]|['’ʼ](?![sS](?![\p{L}\p{N}])))[\p{L}\p{M}\p{N}]+)*
  let j = i + 1;
  for (;;) {
    let d = text.charCodeAt(j);
    while (j < n && isAlnum(d)) d = text.charCodeAt(++j);
    if (j >= n) return j;
    if (d >= 128) return -1;
    if (d === 45 || d === 46 || d === 38) {
      const e = text.charCodeAt(j + 1);
      if (e >= 128) return -1;
      if (isAlnum(e)) {
        j += 2;
        continue;
      }
      return j;
    }
    if (d === 39) {
      const e = text.charCodeAt(j + 1);
      if (e >= 128) return -1;
      if (!isAlnum(e)) return j;
      if (e === 115 || e === 83) {
        const f = text.charCodeAt(j + 2);
        if (f >= 128) return -1;
        if (!isAlnum(f)) return j;
      }
      j += 2;
      continue;
    }
    return j;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Calls `emit(start, end)` for each token of `text[from, to)` (absolute offsets), as `TOKEN_RE` splits it. */
function scan(text: string, from: number, to: number, emit: (start: number, end: number) => void): void {
  let i = from;
  // A start inside a surrogate pair: the regex backs up to the pair (and may match before `to`).
  const split = from < text.length && (text.charCodeAt(from) & 0xfc00) === 0xdc00;
  while (i < to || (split && i === from)) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    const e = c < 128 ? asciiTokenEnd(text, i) : -1;
    if (e >= 0) {
      emit(i, Math.min(e, to));
      i = e;
      continue;
    }
    TOKEN_RE.lastIndex = i;
    const m = TOKEN_RE.exec(text);
    if (m === null || m.index >= to) return;
    const end = m.index + m[0].length;
    emit(m.index, Math.min(end, to));
    i = end;
  }
}

/**
 * Longest token text that is interned (UTF-16 units). V8 makes a longer slice a view into the whole text,
 * which an interned copy would keep alive; shorter slices are copies.
 */
const MAX_INTERNED = 12;
/** Interning table slots (a power of 2), and the entries held before it is emptied (load ≤ 1/2). */
const INTERN_SLOTS = 1 << 16;
const INTERN_LIMIT = INTERN_SLOTS / 2;
/** Interned token texts by open addressing on their FNV-1a hash (`internHash`); undefined = free slot. */
const internText: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);
const internHash = new Int32Array(INTERN_SLOTS);
let internCount = 0;

/**
 * `text.slice(start, end)`, as one shared string per distinct short text: repeated words allocate nothing,
 * and later stages' map lookups find them already hashed and equal by identity.
 */
function tokenText(text: string, start: number, end: number): string {
  const len = end - start;
  if (len < 2 || len > MAX_INTERNED) return text.slice(start, end);
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const mask = INTERN_SLOTS - 1;
  let slot = (h ^ (h >>> 16)) & mask;
  for (let t = internText[slot]; t !== undefined; t = internText[slot]) {
    if (internHash[slot] === h && t.length === len) {
      let k = 0;
      while (k < len && t.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return t;
    }
    slot = (slot + 1) & mask;
  }
  const t = text.slice(start, end);
  if (internCount >= INTERN_LIMIT) {
    internText.fill(undefined);
    internCount = 0;
    slot = (h ^ (h >>> 16)) & mask;
  }
  internText[slot] = t;
  internHash[slot] = h;
  internCount++;
  return t;
}

/**
 * The token `text[start, end)` (UTF-16 offsets), its `sentence` -1 until `tokenize` sets it. Every token
 * is built here, so all share one object shape (later stages read tokens in hot loops).
 */
function makeToken(text: string, start: number, end: number): Token {
  const t = tokenText(text, start, end);
  return { start, end, text: t, kind: kindOf(t), sentence: -1 };
}

/** Splits `text[from, to)` into tokens (absolute offsets); their `sentence` is -1. */
export function tokenizeRange(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  scan(text, from, to, (start, end) => {
    out.push(makeToken(text, start, end));
  });
  return out;
}

/** Closing quotes and brackets; each one UTF-16 unit long. */
const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "»"]);

/**
 * Adds `tokens` and `sentences`. A sentence ends at a blank line, at a line break that is not a soft
 * wrap, or after ".", "!" or "?" (plus closing quotes) when the next token starts a new sentence and the
 * period does not close a known abbreviation or an initial.
 */
export function tokenize(doc: Doc): void {
  const text = doc.text;
  const abbr = loadAbbreviations();
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentStartTok = 0;
  const close = (endTok: number) => {
    if (endTok <= sentStartTok) return;
    const s = sentences.length;
    for (let i = sentStartTok; i < endTok; i++) tokens[i].sentence = s;
    sentences.push({ start: tokens[sentStartTok].start, end: tokens[endTok - 1].end, tokenStart: sentStartTok, tokenEnd: endTok });
    sentStartTok = endTok;
  };
  let prev: Token | undefined;
  scan(text, 0, text.length, (start, end) => {
    const t = makeToken(text, start, end);
    if (prev && t.start > prev.end) {
      const breaks = lineBreaksBetween(text, prev.end, t.start);
      if (breaks > 0) {
        const softWrap = breaks === 1 && /^[\p{Ll},;]/u.test(prev.text.slice(-1)) && /^\p{Ll}/u.test(t.text);
        if (!softWrap) close(tokens.length);
      } else if (isSentenceEnd(tokens, abbr) && startsSentence(t.text)) {
        close(tokens.length);
      }
    }
    tokens.push(t);
    prev = t;
  });
  close(tokens.length);
  doc.tokens = tokens;
  doc.sentences = sentences;
}

/** Line breaks in `text[from, to)` (whitespace only between tokens); 2 means a blank line or more. */
function lineBreaksBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 && ++n === 2) return 2;
  return n;
}

/** True when the tokens so far end with sentence-final punctuation (plus closers). */
function isSentenceEnd(tokens: Token[], abbr: Set<string>): boolean {
  let i = tokens.length - 1;
  while (i >= 0 && tokens[i].text.length === 1 && CLOSERS.has(tokens[i].text)) i--;
  if (i < 0) return false;
  const p = tokens[i].text;
  if (p === "!" || p === "?") return true;
  if (p !== ".") return false;
  const w = tokens[i - 1];
  if (!w || w.end !== tokens[i].start) return true;
  const lw = w.text.toLowerCase();
  if (abbr.has(lw)) return false;
  if (/^\p{Lu}$/u.test(w.text)) return false;
  return true;
}

function startsSentence(t: string): boolean {
  return /^[\p{Lu}\p{N}"“'‘(\[«]/u.test(t);
}
