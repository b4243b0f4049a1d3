import { readFileSync } from "node:fs";
import type { Doc, Sentence, Token, TokenKind } from "../../model.js";
import { dataPath } from "../../lexicon/paths.js";

/**
 * One token: a dotted acronym ("U.S."), a number with separators ("1,200", "3.5"), a word with inner
 * hyphens, apostrophes, periods or ampersands ("al-Hadrami", "Kata'ib", "AT&T"; a trailing possessive
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

/** Splits `text[from, to)` into tokens (absolute offsets). */
export function tokenizeRange(text: string, from = 0, to = text.length): Omit<Token, "sentence">[] {
  const out: Omit<Token, "sentence">[] = [];
  TOKEN_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    if (m.index >= to) break;
    const end = Math.min(m.index + m[0].length, to);
    const t = text.slice(m.index, end);
    out.push({ start: m.index, end, text: t, kind: kindOf(t) });
  }
  return out;
}

const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "»"]);

/**
 * Adds `tokens` and `sentences`. A sentence ends at a blank line, at a line break that is not a soft
 * wrap, or after ".", "!" or "?" (plus closing quotes) when the next token starts a new sentence and the
 * period does not close a known abbreviation or an initial.
 */
export function tokenize(doc: Doc): void {
  const text = doc.text;
  const abbr = loadAbbreviations();
  const raw = tokenizeRange(text);
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
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as Token;
    t.sentence = -1;
    const prev = tokens[tokens.length - 1];
    if (prev) {
      const breaks = lineBreaksBetween(text, prev.end, t.start);
      if (breaks > 0) {
        const softWrap = breaks === 1 && /^[\p{Ll},;]/u.test(prev.text.slice(-1)) && /^\p{Ll}/u.test(t.text);
        if (!softWrap) close(tokens.length);
      } else if (t.start > prev.end && isSentenceEnd(tokens, abbr) && startsSentence(t.text)) {
        close(tokens.length);
      }
    }
    tokens.push(t);
  }
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
  while (i >= 0 && CLOSERS.has(tokens[i].text)) i--;
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
