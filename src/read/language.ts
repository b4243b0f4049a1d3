/**
 * Language of a text: by script for non-Latin scripts, else by counting frequent function words
 * (`data/lexicons/languages.json`). Falls back to "en" when the evidence is thin.
 */
import { languageCues } from "./cues.js";

/** Characters looked at; enough for a stable guess, cheap on long texts. */
const SAMPLE = 5000;
/** Scripts recognised by their letters, with the code they imply. */
const SCRIPTS: readonly { re: RegExp; code: string }[] = [
  { re: /[\u0600-\u06ff\u0750-\u077f]/gu, code: "ar" },
  { re: /[\u0590-\u05ff]/gu, code: "he" },
  { re: /[\u0400-\u04ff]/gu, code: "ru" },
  { re: /[\u0370-\u03ff]/gu, code: "el" },
  { re: /[\u4e00-\u9fff]/gu, code: "zh" },
];
/** Least stopword hits for a Latin-script guess to count. */
const MIN_HITS = 3;

/** ISO 639-1 code of the language a text is most likely written in ("en" by default). */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return "en";
  for (const s of SCRIPTS) {
    const n = (sample.match(s.re) ?? []).length;
    if (n / letters > 0.3) return s.code;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const { stopwords } = languageCues();
  let best = "en";
  let bestHits = 0;
  let second = 0;
  for (const [code, set] of stopwords) {
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (hits > bestHits) {
      second = bestHits;
      bestHits = hits;
      best = code;
    } else if (hits > second) second = hits;
  }
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
