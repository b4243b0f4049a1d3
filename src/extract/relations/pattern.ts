/** What relation rules are made of: shared context types, gates, and regex pieces over sentence sketches. */
import type { Doc, Entity, TimeExpr } from "../../model.js";
import type { RelationCues } from "./cues.js";
import type { Emitter } from "./emit.js";
import type { Sketch, SlotKind } from "./sketch.js";

/** A "his deputy, Y" statement, settled after every sentence is read (needs the leader's group). */
export interface Deputy {
  person: string;
  owner: string;
  role: string;
  former: boolean;
  evidence: { start: number; end: number };
  /** Offset of the statement, to prefer the leader relation stated closest before it. */
  at: number;
  rule: string;
}

/** What the rules of one document share. */
export interface DocCtx {
  doc: Doc;
  cues: RelationCues;
  emit: Emitter;
  entities: Map<string, Entity>;
  /** Country code → the place entity of that country in this document. */
  countries: Map<string, string>;
  /** Place entity that is a country → its code. */
  countryOf: Map<string, string>;
  deputies: Deputy[];
}

/** What the rules of one sentence share. */
export interface SentCtx extends DocCtx {
  sk: Sketch;
  times: TimeExpr[];
  /** The last post relation ("a member of X") of this sentence, for "... and an official of Y". */
  lastPost?: { subject: number; objEnd: number };
  /** Clause starts per item, built on first use (see `clauseStart`). */
  clauses?: { start: number[]; relative: number[] };
}

/**
 * When a rule can match at all, checked before its pattern runs: every word list needs one of its words
 * in the sentence, and the sentence needs at least `kinds` slots ("PO": a person and an organization).
 * A pattern matches a listed phrase only as whole sketch words, so each of its words must be in the sentence.
 */
export interface Gate {
  words: Set<string>[];
  /** Slots needed per kind. */
  kinds: Partial<Record<SlotKind, number>>;
}

/** A rule: a pattern over the sentence sketch and what a match means. */
export interface Rule {
  name: string;
  re: RegExp;
  gate?: Gate;
  apply(m: RegExpExecArray, c: SentCtx): void;
}

/**
 * Gives `rule` a gate: slot kinds it needs ("PO") and word lists (a phrase counts by its longest word, the
 * one least likely to be in a sentence by chance: "in alliance with" by "alliance").
 */
export function gated(rule: Rule, kinds: string, ...lists: readonly string[][]): Rule {
  const need: Partial<Record<SlotKind, number>> = {};
  for (const k of kinds as Iterable<SlotKind>) need[k] = (need[k] ?? 0) + 1;
  return { ...rule, gate: { kinds: need, words: lists.map((l) => new Set(l.map(keyWord))) } };
}

/** The longest word of a phrase (the first of equally long ones). */
function keyWord(phrase: string): string {
  let key = "";
  for (const w of phrase.split(" ")) if (w.length > key.length) key = w;
  return key;
}

export const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An alternation of phrases, longest first, each written " w1 w2" (a leading space per word). */
export function alt(phrases: readonly string[]): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((p) => " " + p.split(" ").map(esc).join(" ")).join("|")})`;
}

/** A slot placeholder of one of `kinds`, its index captured as `name`. */
export function slot(kinds: string, name: string): string {
  return ` <[${kinds}](?<${name}>\\d+)>`;
}

export const POSS = "(?: 's| ')";
export const END = "(?= )";
/** End of a pattern whose last slot is an object: that name must not be a possessor ("the brother of his"). */
export const END_OBJ = "(?= )(?! 's | ' )";

/** A lower-case letter in a sketch word (Latin with accents, Greek, Cyrillic, Arabic...). */
export const LETTER = "[a-z\\u00c0-\\u024f\\u0370-\\u1fff]";

/** Regex pieces built from the cue lists. */
export interface Pieces {
  adj: string;
  mods: string;
  cls: string;
  dir: string;
  copula: string;
  near: string;
}

export function pieces(c: RelationCues): Pieces {
  return {
    adj: `(?: (?!(?:${c.stopWords.map(esc).join("|")})${END})${LETTER}[^\\s<]*)`,
    mods: alt(c.modifiers),
    cls: alt(c.placeClasses),
    dir: alt(c.directionAdjectives),
    copula: alt(c.copulas),
    near: alt(c.nearPrepositions),
  };
}

/** A rule pattern; its matches carry no group offsets (building them costs more than the match). */
export const re = (src: string) => new RegExp(src, "g");
/** A rule pattern whose matches carry group offsets (`indices`), for rules that read where a named group starts. */
export const reIndexed = (src: string) => new RegExp(src, "gd");
