/**
 * Name folding piece by piece: `foldName(name)` is the folded words of the name's whitespace-separated
 * pieces, joined by " ", less a leading "the". Pieces recur across names far more than whole names do,
 * so the piece memo (`foldToken`) is hit where the whole-name memo misses.
 */
import { foldToken } from "../../lexicon/fold.js";

/** The words of `foldName(name)` ([] when none). */
export function foldedWords(name: string): string[] {
  const words: string[] = [];
  for (const piece of name.split(/\s+/)) addWords(words, foldToken(piece));
  if (words[0] === "the") words.shift();
  return words;
}

/** The first word of `foldName(name)` ("" when none), folding only the pieces it needs. */
export function firstFoldedWord(name: string): string {
  const words: string[] = [];
  for (const piece of name.split(/\s+/)) {
    addWords(words, foldToken(piece));
    if (words.length >= 2) break;
  }
  return (words[0] === "the" ? words[1] : words[0]) ?? "";
}

/** Adds the words of a folded piece (words joined by " ") to `words`. */
function addWords(words: string[], folded: string): void {
  if (!folded.includes(" ")) {
    if (folded.length > 0) words.push(folded);
    return;
  }
  for (const w of folded.split(" ")) if (w.length > 0) words.push(w);
}
