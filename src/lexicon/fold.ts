/** Name folding for comparison; matches the reference scorer's `norm`. */

/** Folded words the reference scorer respells (a Map, so inherited object keys such as "constructor" are never matched). */
const NAME_TOKEN = new Map([["abou", "abu"], ["el", "al"], ["ul", "al"]]);

/**
 * The folded words of `s` (accents, case, quotes dropped; hyphens and punctuation split words): a new
 * array each call, split from the memoised `foldToken(s)`.
 */
export function foldWords(s: string): string[] {
  const folded = foldToken(s);
  return folded === "" ? [] : folded.split(" ");
}

/** `foldToken` of a lower-cased string holding a character above U+007F: Unicode decomposition and classes. */
function foldNonAsciiLower(lower: string): string {
  const t = lower
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’‘`ʿʾ"“”]/g, "")
    .replace(/[-_–—/]/g, " ")
    .replace(/[^\p{L}\p{N} ]/gu, " ");
  const words = t.split(" ").filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) words[i] = NAME_TOKEN.get(words[i]) ?? words[i];
  return words.join(" ");
}

/**
 * `foldToken` of a lower-cased string of ASCII characters only (U+0000–U+007F), built in one pass
 * without regular expressions or a word array; undefined when `lower` has any other character. On ASCII,
 * folding keeps letters and digits, drops the quotes ' " ` inside a word and makes every other character
 * a word break (as the Unicode path does there).
 */
function foldAsciiLower(lower: string): string | undefined {
  let out = "";
  let word = "";
  let runStart = -1;
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (c >= 128) return undefined;
    if (runStart >= 0) {
      word = word === "" ? lower.slice(runStart, i) : word + lower.slice(runStart, i);
      runStart = -1;
    }
    if (c === 39 || c === 34 || c === 96) continue;
    if (word !== "") {
      const w = NAME_TOKEN.get(word) ?? word;
      out = out === "" ? w : `${out} ${w}`;
      word = "";
    }
  }
  return out;
}

/** Memos of `foldToken` and of `foldName` where it differs (a leading "the"); cleared past `MEMO_MAX` entries. */
const nameMemo = new Map<string, string>();
const tokenMemo = new Map<string, string>();
const MEMO_MAX = 100_000;

function remember(memo: Map<string, string>, s: string, f: string): string {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(s, f);
  return f;
}

/**
 * Folds a name for comparison: accents and case removed, quotes and apostrophes dropped, hyphens and
 * other punctuation become spaces, "abou" → "abu", "el"/"ul" → "al", a leading "the" dropped.
 */
export function foldName(s: string): string {
  const token = foldToken(s);
  if (!startsWithThe(token)) return token;
  return nameMemo.get(s) ?? remember(nameMemo, s, dropLeadingThe(token));
}

/** True when the first word of a folded string is "the". */
function startsWithThe(folded: string): boolean {
  return folded.startsWith("the") && (folded.length === 3 || folded.charCodeAt(3) === 32);
}

/** A `foldToken` result without a leading word "the": `foldName(s) === dropLeadingThe(foldToken(s))`. */
export function dropLeadingThe(folded: string): string {
  return !startsWithThe(folded) ? folded : folded.length === 3 ? "" : folded.slice(4);
}

/** Folds one token keeping a bare "the"; "Al-Raqqah" gives "al raqqah". */
export function foldToken(s: string): string {
  const known = tokenMemo.get(s);
  if (known !== undefined) return known;
  const lower = s.toLowerCase();
  return remember(tokenMemo, s, foldAsciiLower(lower) ?? foldNonAsciiLower(lower));
}

/** The folded name without spaces, for hyphen/space variants ("Deir ez-Zor" ≈ "Deir Ezzor"). */
export function squash(folded: string): string {
  return folded.indexOf(" ") < 0 ? folded : folded.replace(/ /g, "");
}
