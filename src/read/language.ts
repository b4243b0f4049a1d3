/**
 * Language of a text: by script for non-Latin scripts, else by counting frequent function words
 * (`data/lexicons/languages.json`). Falls back to "en" when the evidence is thin.
 */
import { languageCues } from "./cues.js";

/** Characters looked at; enough for a stable guess, cheap on long texts. */
export const SAMPLE = 5000;
/** Scripts recognised by their letters (BMP ranges, inclusive), with the code they imply. */
const SCRIPTS: readonly { ranges: readonly [number, number][]; code: string }[] = [
  { ranges: [[0x0600, 0x06ff], [0x0750, 0x077f]], code: "ar" },
  { ranges: [[0x0590, 0x05ff]], code: "he" },
  { ranges: [[0x0400, 0x04ff]], code: "ru" },
  { ranges: [[0x0370, 0x03ff]], code: "el" },
  { ranges: [[0x4e00, 0x9fff]], code: "zh" },
];
/** Least stopword hits for a Latin-script guess to count. */
const MIN_HITS = 3;
const LETTER = /\p{L}/u;

/** Letters (code points in \p{L}) of `s`, and per script the characters in its ranges. */
function countLetters(s: string): { letters: number; scripts: number[] } {
  const scripts = SCRIPTS.map(() => 0);
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
      continue;
    }
    for (let k = 0; k < SCRIPTS.length; k++) for (const [lo, hi] of SCRIPTS[k].ranges) if (c >= lo && c <= hi) scripts[k]++;
    const pair = (c & 0xfc00) === 0xd800 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (LETTER.test(pair ? s.slice(i, i + 2) : s[i])) letters++;
    if (pair) i++;
  }
  return { letters, scripts };
}

/**
 * Per stopword, the positions (in `stopwords` order) of the languages that list it; built once.
 * `maxLength`: the longest stopword, in UTF-16 units (longer words need no lookup).
 */
let stopIndex: { codes: string[]; byWord: Map<string, number[]>; maxLength: number } | undefined;
function stopwordIndex(stopwords: Map<string, Set<string>>): { codes: string[]; byWord: Map<string, number[]>; maxLength: number } {
  if (!stopIndex) {
    const codes = [...stopwords.keys()];
    const byWord = new Map<string, number[]>();
    let maxLength = 0;
    codes.forEach((code, k) => {
      for (const w of stopwords.get(code)!) {
        maxLength = Math.max(maxLength, w.length);
        const l = byWord.get(w);
        if (l) l.push(k);
        else byWord.set(w, [k]);
      }
    });
    stopIndex = { codes, byWord, maxLength };
  }
  return stopIndex;
}

/** Calls `visit` with each maximal run of letters (\p{L}) in `s` that is at most `maxLength` UTF-16 units long. */
function forEachShortWord(s: string, maxLength: number, visit: (word: string) => void): void {
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const width = letterWidth(s, i);
    if (width > 0) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start >= 0 && i - start <= maxLength) visit(s.slice(start, i));
    start = -1;
  }
}

/** UTF-16 units of the letter (\p{L}) at `i` of `s`: 1 or 2 (a surrogate pair); 0 when none is there. */
function letterWidth(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  const pair = (c & 0xfc00) === 0xd800 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  return LETTER.test(pair ? s.slice(i, i + 2) : s[i]) ? (pair ? 2 : 1) : 0;
}

/**
 * For an all-ASCII `s`: per language (in `codes` order) the stopwords among its lower-cased letter
 * runs, in one pass and without lower-casing all of `s`. Null when `s` holds a non-ASCII character
 * (scripts and case mapping then need the general path). Text without letters has no hits, so it
 * falls back to "en" as in the general path.
 */
function asciiStopwordHits(s: string, byWord: Map<string, number[]>, maxLength: number, languages: number): number[] | null {
  const hits = new Array<number>(languages).fill(0);
  /** Start of the current letter run (-1: none) and whether it holds an upper-case letter. */
  let start = -1;
  let upper = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c >= 128) return null;
    const lowerLetter = c >= 97 && c <= 122;
    if (lowerLetter || (c >= 65 && c <= 90)) {
      if (start < 0) {
        start = i;
        upper = false;
      }
      if (!lowerLetter) upper = true;
      continue;
    }
    if (start >= 0 && i - start <= maxLength) {
      const w = s.slice(start, i);
      const ks = byWord.get(upper ? w.toLowerCase() : w);
      if (ks) for (const k of ks) hits[k]++;
    }
    start = -1;
  }
  return hits;
}

/** ISO 639-1 code of the language a text is most likely written in ("en" by default). */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  const { codes, byWord, maxLength } = stopwordIndex(languageCues().stopwords);
  let hitsOf = asciiStopwordHits(sample, byWord, maxLength, codes.length);
  if (hitsOf === null) {
    const { letters, scripts } = countLetters(sample);
    if (letters === 0) return "en";
    for (let k = 0; k < SCRIPTS.length; k++) if (scripts[k] / letters > 0.3) return SCRIPTS[k].code;
    const counts = codes.map(() => 0);
    forEachShortWord(sample.toLowerCase(), maxLength, (w) => {
      const ks = byWord.get(w);
      if (ks) for (const k of ks) counts[k]++;
    });
    hitsOf = counts;
  }
  let best = "en";
  let bestHits = 0;
  let second = 0;
  codes.forEach((code, k) => {
    const hits = hitsOf[k];
    if (hits > bestHits) {
      second = bestHits;
      bestHits = hits;
      best = code;
    } else if (hits > second) second = hits;
  });
  return bestHits >= MIN_HITS && bestHits > second * 1.2 ? best : "en";
}

/**
 * The declared language unless the text plainly contradicts it: a language written in its own
 * script ("ar") declared for a text without that script (an English edition tagged `lang="ar"`).
 */
export function checkDeclared(declared: string, text: string): string {
  const script = SCRIPTS.find((s) => s.code === declared);
  if (!script || !/\p{L}/u.test(text.slice(0, SAMPLE))) return declared;
  const guess = guessLanguage(text);
  return guess === declared ? declared : guess;
}

/** "en-US", "en_GB", "EN" → "en"; null when it is not a language tag. */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  return m ? m[1].toLowerCase() : null;
}

/** ISO 639-1 code for an English language name ("Arabic" → "ar"), or null. */
export function languageCode(name: string): string | null {
  return languageCues().names.get(name.trim().toLowerCase()) ?? null;
}
