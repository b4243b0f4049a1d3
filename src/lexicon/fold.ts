/** Name folding for comparison; matches the reference scorer's `norm`. */

const NAME_TOKEN: Record<string, string> = { abou: "abu", el: "al", ul: "al" };
const ASCII_SIMPLE = /^[a-z0-9 ]*$/;
const ASCII_WORD = /^[a-z0-9]+$/;

/** The folded words of `s` (accents, case, quotes dropped; hyphens and punctuation split words). */
export function foldWords(s: string): string[] {
  let t = s.toLowerCase();
  if (ASCII_WORD.test(t)) return [NAME_TOKEN[t] ?? t];
  if (!ASCII_SIMPLE.test(t)) {
    t = t.normalize("NFKD").replace(/\p{M}/gu, "");
    t = t.replace(/['’‘`ʿʾ"“”]/g, "").replace(/[-_–—/]/g, " ").replace(/[^\p{L}\p{N} ]/gu, " ");
  }
  const words = t.split(" ").filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) words[i] = NAME_TOKEN[words[i]] ?? words[i];
  return words;
}

/** Memos of `foldName` and `foldToken` (the same names and tokens recur across documents); cleared past `MEMO_MAX` entries. */
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
  const known = nameMemo.get(s);
  if (known !== undefined) return known;
  const words = foldWords(s);
  if (words[0] === "the") words.shift();
  return remember(nameMemo, s, words.join(" "));
}

/** Folds one token keeping a bare "the"; "Al-Raqqah" gives "al raqqah". */
export function foldToken(s: string): string {
  return tokenMemo.get(s) ?? remember(tokenMemo, s, foldWords(s).join(" "));
}

/** The folded name without spaces, for hyphen/space variants ("Deir ez-Zor" ≈ "Deir Ezzor"). */
export function squash(folded: string): string {
  return folded.replace(/ /g, "");
}
