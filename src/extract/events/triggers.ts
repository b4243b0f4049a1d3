import type { Doc, EventType, Token } from "../../model.js";
import { lowered } from "../claims/sentences.js";
import type { EventLexicon, TriggerClass, TriggerForm } from "./lexicon.js";

/** A trigger found in the text: the word(s) that name a happening. */
export interface Trigger {
  /** Char offsets of the trigger text. */
  start: number;
  end: number;
  /** Token index of the first trigger token and one past the last. */
  k: number;
  kEnd: number;
  sentence: number;
  type: EventType;
  pos: "verb" | "noun";
  cls?: TriggerClass;
  /** The matched form (lower-cased). */
  form: string;
  rule: string;
}

const NO_FORMS: TriggerForm[] = [];
const QUOTES_OPEN = new Set(['"', "“", "'", "‘", "(", "«"]);

/** True when the lower-cased tokens `L[k…]` spell `words`, all before `b`. */
function matchAt(L: string[], k: number, b: number, words: string[]): boolean {
  if (k + words.length > b) return false;
  for (let i = 0; i < words.length; i++) if ((L[k + i] ?? "") !== words[i]) return false;
  return true;
}

/** True when a phrase (word list) ends right before token `k`, or one token earlier before a "to". */
export function phraseBefore(toks: Token[], a: number, k: number, phrases: string[][]): boolean {
  return phraseBeforeIn(lowered(toks), a, k, phrases);
}

/** `phraseBefore` over the lower-cased token texts. */
function phraseBeforeIn(L: string[], a: number, k: number, phrases: string[][]): boolean {
  for (const p of phrases) {
    if (k - p.length >= a && matchAt(L, k - p.length, k, p)) return true;
    if ((L[k - 1] ?? "") === "to" && k - 1 - p.length >= a && matchAt(L, k - 1 - p.length, k - 1, p)) return true;
  }
  return false;
}

/** Per word: whether it can open a verb + noun combination (`findCombo`), and its trigger forms. */
interface WordEntry {
  combo: boolean;
  forms: TriggerForm[];
}
const wordIndexes = new WeakMap<EventLexicon, Map<string, WordEntry>>();

/** One lookup per token instead of one per lexicon part; words in neither have no entry. */
function wordIndex(lex: EventLexicon): Map<string, WordEntry> {
  let ix = wordIndexes.get(lex);
  if (!ix) {
    ix = new Map();
    for (const [w, forms] of lex.forms) ix.set(w, { combo: false, forms });
    for (const w of [...lex.founding.verbs, ...lex.operation.verbs, ...lex.operation.nouns]) {
      const entry = ix.get(w);
      if (entry) entry.combo = true;
      else ix.set(w, { combo: true, forms: NO_FORMS });
    }
    wordIndexes.set(lex, ix);
  }
  return ix;
}

/** Finds the event triggers of sentence `s`, with combinations ("launched … operation") first. */
export function findTriggers(doc: Doc, s: number, lex: EventLexicon): Trigger[] {
  const toks = doc.tokens;
  const L = lowered(toks);
  const index = wordIndex(lex);
  const { tokenStart: a, tokenEnd: b } = doc.sentences[s];
  const out: Trigger[] = [];
  /** Tokens before this index belong to a trigger found already (each trigger starts at or before the token read). */
  let usedUntil = a;
  for (let k = a; k < b; k++) {
    if (k < usedUntil) continue;
    const entry = index.get(L[k]);
    const combo = entry?.combo ? findCombo(toks, L, k, a, b, lex, s) : undefined;
    if (combo) {
      usedUntil = Math.max(usedUntil, combo.kEnd);
      out.push(combo);
      continue;
    }
    const t = findForm(toks, L, k, a, b, lex, s, entry?.forms ?? NO_FORMS);
    if (t) {
      usedUntil = Math.max(usedUntil, t.kEnd);
      out.push(t);
      k = t.kEnd - 1;
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

function findCombo(toks: Token[], L: string[], k: number, a: number, b: number, lex: EventLexicon, s: number): Trigger | undefined {
  const w = (L[k] ?? "");
  if (lex.founding.verbs.has(w)) {
    for (let j = k + 1; j < Math.min(b - 1, k + 1 + lex.founding.window); j++) {
      if ((L[j] ?? "") === "new" && (lex.founding.nouns.has((L[j + 1] ?? "")) || lex.founding.nouns.has((L[j + 2] ?? "")))) {
        const end = lex.founding.nouns.has((L[j + 1] ?? "")) ? j + 2 : j + 3;
        return combo(toks, L, k, end, s, "group_change", "verb", "events/founding");
      }
    }
  }
  if (lex.operation.verbs.has(w)) {
    for (let j = k + 1; j < Math.min(b, k + 1 + lex.operation.window); j++) {
      const n = (L[j] ?? "");
      if (lex.operation.nouns.has(n)) {
        return combo(toks, L, k, j + 1, s, n.startsWith("attack") ? "attack" : "military_operation", "verb", "events/operation-launched");
      }
      if (/^[.,;:]$/.test(n)) break;
    }
  }
  if (k > a && lex.operation.nouns.has(w) && !w.startsWith("attack") && L[k - 1] === "military") {
    for (let j = k + 1; j < Math.min(b, k + 2 + lex.operation.window); j++) {
      if (lex.operation.verbs.has((L[j] ?? ""))) return combo(toks, L, k - 1, k + 1, s, "military_operation", "noun", "events/operation-launched");
      if (/^[.;:]$/.test(toks[j].text)) break;
    }
  }
  return undefined;
}

function combo(toks: Token[], L: string[], k: number, kEnd: number, s: number, type: EventType, pos: "verb" | "noun", rule: string): Trigger {
  return { start: toks[k].start, end: toks[kEnd - 1].end, k, kEnd, sentence: s, type, pos, form: (L[k] ?? ""), rule };
}

/** The trigger form at token k (`forms`: those of its lower-cased word), or one part of a hyphenated word. */
function findForm(
  toks: Token[], L: string[], k: number, a: number, b: number, lex: EventLexicon, s: number, forms: TriggerForm[],
): Trigger | undefined {
  const tok = toks[k];
  for (const f of forms) {
    if (!matchAt(L, k, b, f.words)) continue;
    const kEnd = k + f.words.length;
    const pos = accept(toks, L, k, kEnd, a, b, f, lex);
    if (!pos) continue;
    return { start: tok.start, end: toks[kEnd - 1].end, k, kEnd, sentence: s, type: f.cls.type, pos, cls: f.cls, form: f.text, rule: "events/trigger-lexicon" };
  }
  if (tok.kind === "word" && tok.text.length > 4 && tok.text.includes("-") && !/^\p{Lu}/u.test(tok.text)) {
    const part = hyphenPart(lex, tok.text);
    if (part && !phraseBeforeIn(L, a, k, lex.nonHappening)) {
      const { f } = part;
      const at = tok.start + part.offset;
      return { start: at, end: at + part.length, k, kEnd: k + 1, sentence: s, type: f.cls.type, pos: f.pos, cls: f.cls, form: f.words[0], rule: "events/trigger-lexicon" };
    }
  }
  return undefined;
}

/** The first part of a hyphenated word that is a one-word trigger form: its offset and length in the word (UTF-16 units). */
interface HyphenPart {
  offset: number;
  length: number;
  f: TriggerForm;
}
/** Most hyphenated words remembered per lexicon; the cache is emptied when it grows past this. */
const HYPHEN_CACHE_SIZE = 4096;
const hyphenCaches = new WeakMap<EventLexicon, Map<string, HyphenPart | null>>();

/** `hyphenPart` of a word as written, split once per distinct word (hyphenated words recur across documents). */
function hyphenPart(lex: EventLexicon, word: string): HyphenPart | null {
  let cache = hyphenCaches.get(lex);
  if (!cache) hyphenCaches.set(lex, (cache = new Map()));
  let part = cache.get(word);
  if (part === undefined) {
    part = findHyphenPart(lex, word);
    if (cache.size >= HYPHEN_CACHE_SIZE) cache.clear();
    cache.set(word, part);
  }
  return part;
}

/** The first "-"-separated part of `word` whose lower-cased text is a one-word trigger form, or null. */
function findHyphenPart(lex: EventLexicon, word: string): HyphenPart | null {
  let offset = 0;
  for (const piece of word.split("-")) {
    const f = (lex.forms.get(piece.toLowerCase()) ?? NO_FORMS).find((x) => x.words.length === 1);
    if (f) return { offset, length: piece.length, f };
    offset += piece.length + 1;
  }
  return null;
}

/**
 * The context filters of one form (proper-name parts, adjectival participles, generic nouns,
 * non-happenings); returns how the form is used, or undefined when it is no trigger here.
 */
function accept(toks: Token[], L: string[], k: number, kEnd: number, a: number, b: number, f: TriggerForm, lex: EventLexicon): "verb" | "noun" | undefined {
  const prev = k > a ? (L[k - 1] ?? "") : "";
  const next = kEnd < b ? (L[kEnd] ?? "") : "";
  if (k > a && /^\p{Lu}\p{Ll}/u.test(toks[k].text) && !QUOTES_OPEN.has(prev)) return undefined;
  const { cls } = f;
  if (cls.prevAny || cls.nextAny) {
    if (!(cls.prevAny?.has(prev) || cls.nextAny?.has(next))) return undefined;
  }
  if (cls.blockNext?.has(next)) return undefined;
  const word = f.text;
  const alsoNoun = f.alsoNoun;
  if (f.pos === "verb" && !alsoNoun) {
    if (lex.determiners.has(prev)) return undefined;
    if (/(ed|ing)$/.test(word) && lex.adjectivalHeads.has(next)) return undefined;
  }
  if (f.pos === "noun" || alsoNoun) {
    if (lex.quantifiers.has(prev) || (k - 2 >= a && lex.quantifiers.has((L[k - 2] ?? "")))) return undefined;
  }
  if (phraseBeforeIn(L, a, k, lex.nonHappening)) return undefined;
  return f.pos === "noun" || (alsoNoun && lex.determiners.has(prev)) ? "noun" : "verb";
}
