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

/** Longest word (letters a-z) that `packWord` keys: 6 letters of 5 bits fit a small integer. */
const PACKED_MAX = 6;

/** Appends one ASCII letter (either case) to a packed key: base 32, digits 1..26, so keys of different lengths differ. */
function packLetter(key: number, c: number): number {
  return key * 32 + ((c | 32) - 96);
}

/** The packed key of a word of at most `PACKED_MAX` letters a-z; undefined for any other word. */
function packWord(w: string): number | undefined {
  if (w.length > PACKED_MAX || !/^[a-z]+$/.test(w)) return undefined;
  let key = 0;
  for (let i = 0; i < w.length; i++) key = packLetter(key, w.charCodeAt(i));
  return key;
}

/** Positions (in `codes`) of the languages that list a stopword, by the word and, where it has one, by its packed key. */
interface StopwordIndex {
  codes: string[];
  byWord: Map<string, number[]>;
  byPacked: Map<number, number[]>;
  /** The longest stopword, in UTF-16 units (longer words need no lookup). */
  maxLength: number;
}

let stopIndex: StopwordIndex | undefined;

/** The stopword index of `stopwords` (languages in its order); built once. */
function stopwordIndex(stopwords: Map<string, Set<string>>): StopwordIndex {
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
    const byPacked = new Map<number, number[]>();
    for (const [w, ks] of byWord) {
      const key = packWord(w);
      if (key !== undefined) byPacked.set(key, ks);
    }
    stopIndex = { codes, byWord, byPacked, maxLength };
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
 * runs, in one pass and without lower-casing all of `s`; runs of at most `PACKED_MAX` letters are
 * looked up by packed key, without a string. Null when `s` holds a non-ASCII character (scripts and
 * case mapping then need the general path). Text without letters has no hits, so it falls back to
 * "en" as in the general path.
 */
function asciiStopwordHits(s: string, index: StopwordIndex): number[] | null {
  const { byWord, byPacked, maxLength } = index;
  const hits = new Array<number>(index.codes.length).fill(0);
  /** Start of the current letter run (-1: none), whether it holds an upper-case letter, and its packed key while it is short. */
  let start = -1;
  let upper = false;
  let key = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c >= 128) return null;
    const lowerLetter = c >= 97 && c <= 122;
    if (lowerLetter || (c >= 65 && c <= 90)) {
      if (start < 0) {
        start = i;
        upper = false;
        key = 0;
      }
      if (!lowerLetter) upper = true;
      if (i - start < PACKED_MAX) key = packLetter(key, c);
      continue;
    }
    const length = i - start;
    if (start >= 0 && length <= maxLength) {
      let ks: number[] | undefined;
      if (length <= PACKED_MAX) ks = byPacked.get(key);
      else {
        const w = s.slice(start, i);
        ks = byWord.get(upper ? w.toLowerCase() : w);
      }
      if (ks) for (const k of ks) hits[k]++;
    }
    start = -1;
  }
  return hits;
}

/** ISO 639-1 code of the language a text is most likely written in ("en" by default). */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  const index = stopwordIndex(languageCues().stopwords);
  const { codes, byWord, maxLength } = index;
  let hitsOf = asciiStopwordHits(sample, index);
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
