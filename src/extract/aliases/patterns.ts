import { check, isStringArray, readDataJson } from "../../lexicon/load.js";
import { tokenizeRange } from "../tokens/index.js";

const FILE = "lexicons/alias-patterns.json";

/** The slot token in a cue that stands for who does the calling ("which {agent} called"). */
export const AGENT = "{agent}";

/** One compiled cue: lower-cased token texts, possibly with one `AGENT` slot. */
export interface Cue {
  rule: string;
  /** True when several aliases may follow ("A, B and C"). */
  list: boolean;
  /** True when the bridge between referent and cue must hold a comma ("X, dubbed Y"). */
  comma: boolean;
  /** True when an alias mention typed otherwise takes the referent's type; false: the link is dropped. */
  retype: boolean;
  /** True when each alias must end at a clause boundary (",", ")", ".", ";" or the sentence end). */
  boundary: boolean;
  words: string[];
}

/** A cue that marks the name after it (`attribute` set to true on that mention). */
export interface MarkCue {
  rule: string;
  attribute: string;
  words: string[];
}

/** The alias-pattern data file, compiled. */
export interface AliasPatterns {
  /** "After" cues bucketed by their first word. */
  after: Map<string, Cue[]>;
  marks: Map<string, MarkCue[]>;
  /** The first words of all cues. */
  firstWords: Set<string>;
  /** Indexed by an ASCII code (0..127): 1 when some first word starts with that character, else 0. */
  firstChars: Uint8Array;
  bridgeWords: Set<string>;
  nameParticles: Set<string>;
  headNouns: Set<string>;
  coordinationFillers: Set<string>;
  placeNouns: Set<string>;
}

let cached: AliasPatterns | undefined;

/** Splits a cue into lower-cased token texts, keeping `{agent}` whole. */
function cueWords(cue: string): string[] {
  return cue
    .split(" ")
    .filter((w) => w.length > 0)
    .flatMap((w) => (w === AGENT ? [AGENT] : tokenizeRange(w.toLowerCase()).map((t) => t.text)));
}

function bucket<T extends { words: string[] }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const first = it.words[0];
    const list = out.get(first) ?? [];
    list.push(it);
    out.set(first, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}

/** Validates and compiles the raw JSON of `data/lexicons/alias-patterns.json`; throws naming the file. */
export function compilePatterns(raw: unknown, rel = FILE): AliasPatterns {
  check(typeof raw === "object" && raw !== null, rel, "must be an object");
  const r = raw as Record<string, unknown>;
  const wordSet = (key: string): Set<string> => {
    check(isStringArray(r[key]), rel, `\`${key}\` must be a list of strings`);
    return new Set((r[key] as string[]).map((w) => w.toLowerCase()));
  };
  check(Array.isArray(r.after), rel, "`after` must be a list");
  const after: Cue[] = [];
  for (const [i, p] of (r.after as unknown[]).entries()) {
    const q = p as Record<string, unknown>;
    check(typeof q === "object" && q !== null, rel, `after[${i}] must be an object`);
    check(typeof q.rule === "string" && q.rule.startsWith("aliases/"), rel, `after[${i}].rule must be "aliases/..."`);
    check(typeof q.list === "boolean", rel, `after[${i}].list must be a boolean`);
    check(typeof q.comma === "boolean", rel, `after[${i}].comma must be a boolean`);
    check(typeof q.retype === "boolean", rel, `after[${i}].retype must be a boolean`);
    check(typeof q.boundary === "boolean", rel, `after[${i}].boundary must be a boolean`);
    check(isStringArray(q.cues) && q.cues.length > 0, rel, `after[${i}].cues must be a non-empty list of strings`);
    for (const c of q.cues as string[]) {
      const words = cueWords(c);
      check(words.length > 0 && words[0] !== AGENT, rel, `after[${i}] cue "${c}" must start with a word`);
      check(words.filter((w) => w === AGENT).length <= 1, rel, `after[${i}] cue "${c}" has more than one ${AGENT}`);
      check(words[words.length - 1] !== AGENT, rel, `after[${i}] cue "${c}" must not end with ${AGENT}`);
      after.push({ rule: q.rule as string, list: q.list as boolean, comma: q.comma as boolean, retype: q.retype as boolean, boundary: q.boundary as boolean, words });
    }
  }
  check(Array.isArray(r.marks), rel, "`marks` must be a list");
  const marks: MarkCue[] = [];
  for (const [i, p] of (r.marks as unknown[]).entries()) {
    const q = p as Record<string, unknown>;
    check(typeof q === "object" && q !== null, rel, `marks[${i}] must be an object`);
    check(typeof q.rule === "string" && q.rule.startsWith("aliases/"), rel, `marks[${i}].rule must be "aliases/..."`);
    check(typeof q.attribute === "string" && q.attribute.length > 0, rel, `marks[${i}].attribute must be a string`);
    check(isStringArray(q.cues) && q.cues.length > 0, rel, `marks[${i}].cues must be a non-empty list of strings`);
    for (const c of q.cues as string[]) {
      const words = cueWords(c);
      check(words.length > 0 && !words.includes(AGENT), rel, `marks[${i}] cue "${c}" must be plain words`);
      marks.push({ rule: q.rule as string, attribute: q.attribute as string, words });
    }
  }
  const firstWords = new Set([...after, ...marks].map((c) => c.words[0]));
  const firstChars = new Uint8Array(128);
  for (const w of firstWords) if (w.charCodeAt(0) < 128) firstChars[w.charCodeAt(0)] = 1;
  return {
    after: bucket(after),
    marks: bucket(marks),
    firstWords,
    firstChars,
    bridgeWords: wordSet("bridgeWords"),
    nameParticles: wordSet("nameParticles"),
    headNouns: wordSet("headNouns"),
    coordinationFillers: wordSet("coordinationFillers"),
    placeNouns: wordSet("placeNouns"),
  };
}

/** The alias patterns, loaded once per process. */
export function aliasPatterns(): AliasPatterns {
  cached ??= compilePatterns(readDataJson(FILE));
  return cached;
}
