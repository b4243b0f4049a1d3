import { check, isStringArray, readDataJson } from "../../lexicon/load.js";
import { foldWords, squash } from "../../lexicon/fold.js";

const FILE = "lexicons/coref-rules.json";

/** Word lists that coreference keys depend on (`data/lexicons/coref-rules.json`). */
export interface CorefWords {
  placeGenerics: Set<string>;
  placeGenericsLower: Set<string>;
  articles: Set<string>;
  acronymSkipWords: Set<string>;
  kunyaWords: Set<string>;
  orgHeadNouns: Set<string>;
}

let cached: CorefWords | undefined;

/** Validates the raw JSON of the coref word lists; throws naming the file. */
export function compileCorefWords(raw: unknown, rel = FILE): CorefWords {
  check(typeof raw === "object" && raw !== null, rel, "must be an object");
  const r = raw as Record<string, unknown>;
  const set = (key: string): Set<string> => {
    check(isStringArray(r[key]) && (r[key] as string[]).length > 0, rel, `\`${key}\` must be a non-empty list of strings`);
    return new Set((r[key] as string[]).map((w) => w.toLowerCase()));
  };
  return {
    placeGenerics: set("placeGenerics"),
    placeGenericsLower: set("placeGenericsLower"),
    articles: set("articles"),
    acronymSkipWords: set("acronymSkipWords"),
    kunyaWords: set("kunyaWords"),
    orgHeadNouns: set("orgHeadNouns"),
  };
}

/** The coref word lists, loaded once per process. */
export function corefWords(): CorefWords {
  cached ??= compileCorefWords(readDataJson(FILE));
  return cached;
}

/** Folded words without a leading "the". */
export function nameWords(text: string): string[] {
  const w = foldWords(text);
  if (w[0] === "the") w.shift();
  return w;
}

/** Key for exact name matches: folded, spaces dropped ("Deir ez-Zor" = "Deir Ezzor"). */
export function exactKey(words: string[]): string {
  return squash(words.join(" "));
}

/**
 * True when the last word of `text` (folded: `words`) is a generic place word that does not change
 * the place: "governorate" in any case, "city" only in lower case ("Raqqa city", not "Mexico City").
 */
export function endsGeneric(text: string, words: string[], cw: CorefWords): boolean {
  if (words.length < 2) return false;
  const last = words[words.length - 1];
  if (cw.placeGenerics.has(last)) return true;
  return cw.placeGenericsLower.has(last) && /\p{Ll}+$/u.test(text) && !/\p{Lu}\p{Ll}*$/u.test(text);
}

/**
 * Key for place-name variants: without a leading article or a trailing generic word
 * ("Al-Hasakah governorate" = "Hasakah"); undefined when nothing would remain.
 */
export function placeKey(text: string, words: string[], cw: CorefWords): string | undefined {
  let s = 0;
  const e = endsGeneric(text, words, cw) ? words.length - 1 : words.length;
  while (s < e - 1 && cw.articles.has(words[s])) s++;
  return e > s ? squash(words.slice(s, e).join(" ")) : undefined;
}

/** The upper-case letters of an acronym mention ("U.N." → "UN", "PMUs" → "PMU"). */
export function acronymLetters(text: string): string {
  return text.replace(/\./g, "").replace(/s$/, "");
}

/**
 * Initials an acronym of `text` may have: of the content words ("Syrian Democratic Forces" → "SDF"),
 * of every word, and without a leading demonym ("Iraqi Popular Mobilization Forces" → "PMF").
 */
export function acronymCandidates(text: string, cw: CorefWords, isDemonym: (w: string) => boolean): string[] {
  const raw = text.split(/[\s\-–]+/).filter((w) => /\p{L}/u.test(w));
  if (raw.length < 2) return [];
  const first = (w: string) => (w.match(/\p{L}/u)?.[0] ?? "").toUpperCase();
  const content = raw.filter((w) => !cw.acronymSkipWords.has(foldWords(w).join(" ")));
  const out = new Set<string>();
  if (content.length >= 2) out.add(content.map(first).join(""));
  out.add(raw.map(first).join(""));
  if (content.length >= 3 && isDemonym(content[0])) out.add(content.slice(1).map(first).join(""));
  return [...out];
}

/** What a person mention offers to short-form matching. */
export interface PersonKeys {
  /** Set when the mention is itself a short form: its last-name key ("suri", "deir zori"). */
  short?: string;
  /** Set when the mention is a bare kunya ("abu omar"). */
  kunya?: string;
  /** Keys a short form of this (longer) name may have. */
  suffixes: string[];
  /** Kunya key of a longer name that begins with one ("abu ali" for "Abu Ali al-Suri"). */
  longKunya?: string;
}

/**
 * Person-name keys. A short form is one name part with an optional article ("al-Suri",
 * "Mohamed"), or an article plus two parts ("al-Deir Zori"). Feminine nisbas differ by spelling, so
 * "al-Suriyah" never keys like "al-Suri".
 */
export function personKeys(words: string[], cw: CorefWords): PersonKeys {
  const core = words.filter((w) => !cw.articles.has(w));
  const out: PersonKeys = { suffixes: [] };
  const startsWithArticle = words.length > 0 && cw.articles.has(words[0]);
  if (core.length === 1) out.short = core[0];
  else if (core.length === 2 && startsWithArticle) out.short = core.join(" ");
  else if (core.length === 2 && cw.kunyaWords.has(core[0])) out.kunya = core.join(" ");
  if (core.length >= 2 && !out.short && !out.kunya) {
    out.suffixes.push(core[core.length - 1]);
    const n = words.length;
    if (n >= 4 && cw.articles.has(words[n - 3])) out.suffixes.push(core.slice(-2).join(" "));
  }
  if (core.length >= 3 && cw.kunyaWords.has(core[0])) out.longKunya = core.slice(0, 2).join(" ");
  return out;
}
