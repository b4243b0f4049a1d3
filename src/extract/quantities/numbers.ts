import { numberWords } from "./lexicon.js";

/**
 * Value of a number written in words, e.g. ["two", "hundred"] → 200, ["twenty-five"] → 25,
 * ["a", "dozen"] → 12, ["three", "thousand", "five", "hundred"] → 3500. Words are lower-cased;
 * "and" between parts is allowed ("two hundred and fifty"). Returns null when the words are not
 * one whole number.
 */
export function wordsValue(words: readonly string[]): number | null {
  const { units, scales, groups } = numberWords();
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "and" && seen && i + 1 < words.length) continue;
    if ((w === "a" || w === "an") && i === 0 && (scales.has(words[1]) || groups.has(words[1]))) {
      current = 1;
      continue;
    }
    const parts = w.split("-");
    if (parts.length === 2 && units.has(parts[0]) && units.has(parts[1])) {
      const tens = units.get(parts[0])!;
      const one = units.get(parts[1])!;
      if (tens < 20 || tens % 10 !== 0 || one >= 10) return null;
      current += tens + one;
      seen = true;
    } else if (units.has(w)) {
      current += units.get(w)!;
      seen = true;
    } else if (scales.has(w) || groups.has(w)) {
      const s = scales.get(w) ?? groups.get(w)!;
      const base = current === 0 ? (seen ? 0 : i === 0 ? 0 : 1) : current;
      if (base === 0) return null;
      if (s >= 1000) {
        total += base * s;
        current = 0;
      } else {
        current = base * s;
      }
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

/** Value of a number written in digits ("1,200", "3.5", "12"); null for other shapes ("05:32", "1,20"). */
export function digitsValue(text: string): number | null {
  if (/^\d{1,3}(?:,\d{3})+$/.test(text)) return Number(text.replace(/,/g, ""));
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return null;
}
