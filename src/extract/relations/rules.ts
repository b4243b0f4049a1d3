import type { Doc, Entity, RelationType, TimeExpr, TimeRef } from "../../model.js";
import { span } from "../../model.js";
import { foldName } from "../../lexicon/fold.js";
import { lookupCountry } from "../../lexicon/countries.js";
import type { Kin, RelationCues } from "./cues.js";
import type { Emitter } from "./emit.js";
import { isPossessor, itemAt, type Sketch, type SlotKind } from "./sketch.js";

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
}

/**
 * When a rule can match at all, checked before its pattern runs: every word list needs one of its words
 * in the sentence, and the sentence needs at least `kinds` slots ("PO": a person and an organization).
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

/** Gives `rule` a gate: slot kinds it needs ("PO") and word lists (a phrase counts by its first word). */
function gated(rule: Rule, kinds: string, ...lists: readonly string[][]): Rule {
  const need: Partial<Record<SlotKind, number>> = {};
  for (const k of kinds as Iterable<SlotKind>) need[k] = (need[k] ?? 0) + 1;
  return { ...rule, gate: { kinds: need, words: lists.map((l) => new Set(l.map((p) => p.split(" ")[0]))) } };
}

/** True when a sentence with these words and slot counts has what `gate` needs. */
export function gateOpen(gate: Gate | undefined, words: Set<string>, counts: Partial<Record<SlotKind, number>>): boolean {
  if (!gate) return true;
  for (const k in gate.kinds) if ((counts[k as SlotKind] ?? 0) < gate.kinds[k as SlotKind]!) return false;
  for (const list of gate.words) {
    let any = false;
    const [small, big] = list.size < words.size ? [list, words] : [words, list];
    for (const w of small) {
      if (big.has(w)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An alternation of phrases, longest first, each written " w1 w2" (a leading space per word). */
function alt(phrases: readonly string[]): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((p) => " " + p.split(" ").map(esc).join(" ")).join("|")})`;
}

/** A slot placeholder of one of `kinds`, its index captured as `name`. */
function slot(kinds: string, name: string): string {
  return ` <[${kinds}](?<${name}>\\d+)>`;
}

const POSS = "(?: 's| ')";
const END = "(?= )";
/** End of a pattern whose last slot is an object: that name must not be a possessor ("the brother of his"). */
const END_OBJ = "(?= )(?! 's | ' )";

/** Regex pieces built from the cue lists. */
interface Pieces {
  adj: string;
  mods: string;
  cls: string;
  dir: string;
  copula: string;
  near: string;
}

function pieces(c: RelationCues): Pieces {
  return {
    adj: `(?: (?!(?:${c.stopWords.map(esc).join("|")})${END})${LETTER}[^\\s<]*)`,
    mods: alt(c.modifiers),
    cls: alt(c.placeClasses),
    dir: alt(c.directionAdjectives),
    copula: alt(c.copulas),
    near: alt(c.nearPrepositions),
  };
}

/** A lower-case letter in a sketch word (Latin with accents, Greek, Cyrillic, Arabic...). */
const LETTER = "[a-z\\u00c0-\\u024f\\u0370-\\u1fff]";

const re = (src: string) => new RegExp(src, "gd");

// ---------------------------------------------------------------------------------------------------
// Shared helpers

/** Slot index captured by group `name`, or undefined. */
function slotNo(m: RegExpExecArray, name: string): number | undefined {
  const g = m.groups?.[name];
  return g === undefined ? undefined : Number(g);
}

/** Item index where group `name` (or the whole match) starts. */
function firstItem(c: SentCtx, m: RegExpExecArray, name?: string): number {
  const ix = name ? m.indices?.groups?.[name] : m.indices?.[0];
  return itemAt(c.sk, ix ? ix[0] : m.index);
}

/** Item index where group `name` (or the whole match) ends (inclusive). */
function lastItem(c: SentCtx, m: RegExpExecArray, name?: string): number {
  const ix = name ? m.indices?.groups?.[name] : m.indices?.[0];
  return itemAt(c.sk, ix ? ix[1] : m.index + m[0].length) - 1;
}

function words(c: SentCtx, m: RegExpExecArray, name: string): string[] {
  return (m.groups?.[name] ?? "").trim().split(" ").filter((w) => w.length > 0);
}

function slotEntity(c: SentCtx, n: number): string {
  return c.sk.slots[n].entity;
}

function itemOfSlot(c: SentCtx, n: number): number {
  return c.sk.slotItem[n];
}

/** The evidence span over items [a, b] (any order). */
function evidence(c: SentCtx, a: number, b: number) {
  const it = c.sk.items;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return span(c.doc.text, it[lo].start, it[hi].end);
}

const TIME_PREPS = new Set(["in", "since", "from", "until", "till", "on", "during", "between", "by", "as", "of", "early", "late", "mid", "around"]);

/** A time stated right after item `to` ("joined ISIS in 2013"), else the last one inside items [from, to]. */
function timeFor(c: SentCtx, from: number, to: number): TimeRef | undefined {
  if (c.times.length === 0) return undefined;
  const it = c.sk.items;
  for (let k = to + 1; k < it.length && k <= to + 4; k++) {
    const t = c.times.find((x) => x.span.start === it[k].start);
    if (t) return toRef(t);
    if (!TIME_PREPS.has(it[k].word)) break;
  }
  const lo = it[Math.min(from, to)].start;
  const hi = it[Math.max(from, to)].end;
  let best: TimeExpr | undefined;
  for (const t of c.times) if (t.span.start >= lo && t.span.end <= hi) best = t;
  return best ? toRef(best) : undefined;
}

function toRef(t: TimeExpr): TimeRef {
  return { text: t.text, span: t.span, start: t.start, end: t.end, precision: t.precision, approximate: t.approximate, relative: t.relative };
}

/** True when one of the three items before `i` negates ("not", "never", "refused", "didn't"). */
function negated(c: SentCtx, i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const w = c.sk.items[k].word;
    if (c.cues.negations.includes(w) || w.endsWith("n't")) return true;
  }
  return false;
}

/** First item of the clause that holds item `i` (after "that", ";", "said"...), or -1 after a relative "who". */
function clauseStart(c: SentCtx, i: number): { start: number; relative?: number } {
  const it = c.sk.items;
  for (let j = i - 1; j >= 0; j--) {
    const w = it[j].word;
    if (c.cues.relativePronouns.includes(w)) return { start: j + 1, relative: j };
    if (c.cues.clauseBoundaries.includes(w)) return { start: j + 1 };
  }
  return { start: 0 };
}

/**
 * The slot that is the grammatical subject of the clause holding item `i`: after a relative "who", the
 * nearest name before it; otherwise the first name in the clause that is neither a possessor nor after a
 * preposition, skipping a fronted adverbial ("before joining ISIS in 2013, X was ..."). Undefined when that
 * name is not of `kinds`.
 */
function clauseSubject(c: SentCtx, i: number, kinds: string): number | undefined {
  const it = c.sk.items;
  const { start, relative } = clauseStart(c, i);
  if (relative !== undefined) {
    for (let k = relative - 1; k >= 0; k--) {
      if (c.cues.clauseBoundaries.includes(it[k].word)) return undefined;
      const s = it[k].slot;
      if (s === undefined || isPossessor(c.sk, k)) continue;
      return kinds.includes(c.sk.slots[s].kind) ? s : undefined;
    }
    return undefined;
  }
  let from = start;
  if (from < i && c.cues.frontedOpeners.includes(it[from].word)) {
    for (let k = from; k < i; k++) {
      if (it[k].word === ",") {
        from = k + 1;
        break;
      }
    }
  }
  for (let k = from; k < i; k++) {
    const s = it[k].slot;
    if (s === undefined || isPossessor(c.sk, k)) continue;
    if (k > 0 && c.cues.prepositions.includes(it[k - 1].word)) continue;
    return kinds.includes(c.sk.slots[s].kind) ? s : undefined;
  }
  return undefined;
}

/** True when the clause of item `i` opens with "before joining ..." and similar. */
function formerClause(c: SentCtx, i: number): boolean {
  const { start } = clauseStart(c, i);
  const head = c.sk.items
    .slice(start, Math.min(i, start + 4))
    .map((x) => x.word)
    .join(" ");
  return c.cues.formerClauseOpeners.some((p) => head.startsWith(p));
}

/** After a possessive chain ("ISIS' Sharia council"), the last organization: the head of the phrase. */
function possessiveHead(c: SentCtx, item: number): number {
  let k = item;
  while (isPossessor(c.sk, k)) {
    const next = c.sk.items[k + 2];
    if (next?.slot === undefined || c.sk.slots[next.slot].kind !== "O") break;
    k += 2;
  }
  return k;
}

let coordRe: RegExp | undefined;
let coordFor: RelationCues | undefined;

/** Slots of the same kind coordinated after item `after` (", the SDF and the Iraqi area of Al-Qaem"). */
function coordinated(c: SentCtx, after: number, kind: SlotKind): number[] {
  if (!coordRe || coordFor !== c.cues) {
    const p = pieces(c.cues);
    coordRe = new RegExp(`(?:(?: ,)?(?: and| or)| ,)(?: the)?${p.adj}{0,2}(?:${p.cls} of(?: the)?)? <([POL])(\\d+)>`, "y");
    coordFor = c.cues;
  }
  const out: number[] = [];
  let k = after;
  while (k + 1 < c.sk.items.length) {
    coordRe.lastIndex = c.sk.at[k + 1] - 1;
    const m = coordRe.exec(c.sk.text);
    if (!m || m[1] !== kind) break;
    const n = Number(m[2]);
    out.push(n);
    k = itemOfSlot(c, n);
  }
  return out;
}

function isCountry(c: SentCtx, entity: string): boolean {
  return c.countryOf.has(entity);
}

function lastWord(c: SentCtx, entity: string): string {
  const name = c.entities.get(entity)?.name ?? "";
  const w = foldName(name).split(" ");
  return w[w.length - 1];
}

function singularNoun(w: string): string {
  return w.endsWith("ies") ? w.slice(0, -3) + "y" : w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;
}

// ---------------------------------------------------------------------------------------------------
// Posts: "a member of X", "the commander of X", "an official of Y governorate", "ISIS' leader, Z"

type Post = { type: RelationType; role?: string } | undefined;

/**
 * What a post noun with its determiner and modifiers says about an organization or a place: a definite,
 * singular leader noun names the leader ("the commander of the brigades"), an indefinite one or "one of
 * the leaders" a member; a post of a place is `holds_position`.
 */
function postMeaning(c: SentCtx, det: string, mods: string[], noun: string, objKind: SlotKind): Post {
  const cues = c.cues;
  const sub = mods.filter((w) => cues.subordinateModifiers.includes(w));
  const role = [...sub, singularNoun(noun)].join(" ");
  const plural = singularNoun(noun) !== noun;
  if (objKind === "L") {
    return cues.postNouns.includes(noun) ? { type: "holds_position", role } : undefined;
  }
  const indefinite = det === "a" || det === "an" || det.startsWith("one");
  if (cues.leaderNouns.includes(noun) && sub.length === 0 && !plural && !indefinite) return { type: "leader_of", role };
  if (cues.memberNouns.includes(noun) || cues.leaderNouns.includes(noun) || cues.postNouns.includes(noun)) {
    return { type: "member_of", role: role === "member" ? undefined : role };
  }
  return undefined;
}

/** The subject of a post phrase starting at item `i`: an apposition, a copula's clause subject, or a coordination. */
function postSubject(c: SentCtx, i: number): { slot: number; how: "appositive" | "copular" | "coordinated" } | undefined {
  const it = c.sk.items;
  if (it[i - 1]?.word === "," && it[i - 2]?.slot !== undefined && !isPossessor(c.sk, i - 2)) {
    return { slot: it[i - 2].slot!, how: "appositive" };
  }
  for (const cop of c.cues.copulas) {
    const w = cop.split(" ");
    if (i - w.length < 0) continue;
    if (w.every((x, k) => it[i - w.length + k].word === x)) {
      const s = clauseSubject(c, i - w.length, "PO");
      return s === undefined ? undefined : { slot: s, how: "copular" };
    }
  }
  const last = c.lastPost;
  if (last && last.objEnd < i) {
    let and = false;
    for (let k = last.objEnd + 1; k < i; k++) {
      if (it[k].slot !== undefined) return undefined;
      if (it[k].word === "and") and = true;
    }
    if (and) return { slot: last.subject, how: "coordinated" };
  }
  return undefined;
}

function copulaFormer(c: SentCtx, i: number): boolean {
  const prev = c.sk.items.slice(Math.max(0, i - 3), i).map((x) => x.word);
  return prev.some((w) => c.cues.formerMarkers.includes(w));
}

function postOf(p: Pieces, c: RelationCues): Rule {
  const nouns = alt([...c.leaderNouns, ...c.memberNouns, ...c.postNouns]);
  return {
    name: "post-of",
    re: re(
      `(?<det> one of(?: the)?| the| a| an)?(?<mods>${p.mods}*)(?<noun>${nouns}) of(?: the)?${p.adj}{0,2}(?:${p.cls} of(?: the)?${p.adj}?)?${slot("OL", "obj")}${END}`,
    ),
    apply(m, c) {
      const start = firstItem(c, m);
      const det = words(c, m, "det").join(" ");
      const mods = words(c, m, "mods");
      const noun = words(c, m, "noun").join(" ");
      const head = possessiveHead(c, itemOfSlot(c, slotNo(m, "obj")!));
      const headSlot = c.sk.items[head].slot!;
      const kind = c.sk.slots[headSlot].kind;
      // "the head of ISIS' security office": a post in an unnamed unit of the group makes a member of it
      const inUnit = isPossessor(c.sk, head);
      if (inUnit && kind === "L") return;
      const objects = inUnit ? [headSlot] : [headSlot, ...coordinated(c, head, kind)];
      const lastObj = itemOfSlot(c, objects[objects.length - 1]);
      const subj = postSubject(c, start) ?? appositiveAfter(c, lastObj, inUnit ? 4 : 0);
      if (!subj) return;
      c.lastPost = { subject: subj.slot, objEnd: lastObj };
      let meaning = postMeaning(c, det, mods, noun, kind);
      if (meaning && inUnit) meaning = { type: "member_of", role: meaning.role };
      if (!meaning || (c.sk.slots[subj.slot].kind === "O" && singularNoun(noun) !== "member")) return;
      const former =
        mods.some((w) => c.cues.formerMarkers.includes(w)) || copulaFormer(c, start) || formerClause(c, start);
      const subjItem = itemOfSlot(c, subj.slot);
      const timeFrom = subj.how === "coordinated" ? prevSlotItem(c, start) + 1 : start;
      for (const o of objects) {
        const oi = itemOfSlot(c, o);
        c.emit.add({
          type: meaning.type,
          subject: slotEntity(c, subj.slot),
          object: slotEntity(c, o),
          rule: `relations/${subj.how}-post`,
          evidence: evidence(c, Math.min(start, subjItem), Math.max(oi, subjItem)),
          role: meaning.role,
          status: former ? "former" : undefined,
          time: timeFor(c, timeFrom, lastObj),
        });
      }
    },
  };
}

/** "the commander of the SDF, Mazloum Abdi": the name in apposition after item `last` (and up to `skip` words). */
function appositiveAfter(c: SentCtx, last: number, skip: number): { slot: number; how: "appositive" } | undefined {
  const it = c.sk.items;
  let k = last + 1;
  while (k < it.length && it[k].slot === undefined && it[k].word !== "," && k - last <= skip) k++;
  if (it[k]?.word !== "," || it[k + 1]?.slot === undefined || isPossessor(c.sk, k + 1)) return undefined;
  const n = it[k + 1].slot!;
  return c.sk.slots[n].kind === "P" ? { slot: n, how: "appositive" } : undefined;
}

function prevSlotItem(c: SentCtx, i: number): number {
  for (let k = i - 1; k >= 0; k--) if (c.sk.items[k].slot !== undefined) return k;
  return 0;
}

/** "X, one of ISIS' most distinguished missionaries" → member_of(X, ISIS). */
function oneOfPossessive(p: Pieces, c: RelationCues): Rule {
  return {
    name: "one-of-possessive",
    re: re(` one of(?: the)?${slot("O", "org")}${POSS}${p.adj}{0,4}?(?<noun>${alt(c.memberNouns)})${END}`),
    apply(m, c) {
      const start = firstItem(c, m);
      const subj = postSubject(c, start);
      if (!subj) return;
      const org = slotNo(m, "org")!;
      const noun = words(c, m, "noun").join(" ");
      c.emit.add({
        type: "member_of",
        subject: slotEntity(c, subj.slot),
        object: slotEntity(c, org),
        rule: "relations/one-of-possessive",
        evidence: evidence(c, Math.min(start, itemOfSlot(c, subj.slot)), lastItem(c, m)),
        role: singularNoun(noun) === "member" ? undefined : singularNoun(noun),
      });
    },
  };
}

/** "ISIS' leader, Abou Bakr al-Baghdadi", "Kata'ib al-Nour's leader, X", "ISIS leader X", "SDF commander X". */
function prenominalPost(p: Pieces, c: RelationCues): Rule {
  const nouns = alt([...c.leaderNouns, ...c.memberNouns]);
  return {
    name: "prenominal-post",
    re: re(`${slot("O", "org")}(?<poss>${POSS})?(?<mods>${p.mods}*)(?<noun>${nouns})(?: ,)?${slot("P", "p")}${END_OBJ}`),
    apply(m, c) {
      const mods = words(c, m, "mods");
      const noun = words(c, m, "noun").join(" ");
      const poss = m.groups?.poss !== undefined;
      const sub = mods.some((w) => c.cues.subordinateModifiers.includes(w));
      const plural = singularNoun(noun) !== noun;
      const leader = !sub && !plural && (poss ? c.cues.leaderNouns : c.cues.strongLeaderNouns).includes(noun);
      const former = mods.some((w) => c.cues.formerMarkers.includes(w));
      const org = slotNo(m, "org")!;
      const first = slotNo(m, "p")!;
      const people = plural ? [first, ...coordinated(c, itemOfSlot(c, first), "P")] : [first];
      const roleWords = [...mods.filter((w) => c.cues.subordinateModifiers.includes(w)), singularNoun(noun)].join(" ");
      for (const person of people) {
        const pi = itemOfSlot(c, person);
        c.emit.add({
          type: leader ? "leader_of" : "member_of",
          subject: slotEntity(c, person),
          object: slotEntity(c, org),
          rule: poss ? "relations/possessive-post" : "relations/prenominal-post",
          evidence: evidence(c, firstItem(c, m), pi),
          role: roleWords === "member" ? undefined : roleWords,
          status: former ? "former" : undefined,
          time: timeFor(c, firstItem(c, m), pi),
        });
      }
    },
  };
}

/** "X, a senior ISIS commander", "X, the ISIS leader", "X, ISIS' spokesman" → member_of / leader_of. */
function appositivePrenominal(p: Pieces, c: RelationCues): Rule {
  const nouns = alt([...c.leaderNouns, ...c.memberNouns]);
  return {
    name: "appositive-prenominal",
    re: re(`${slot("P", "p")} ,(?<det> a| an| the)?(?<mods>${p.mods}*)${slot("O", "org")}(?<poss>${POSS})?(?<mods2>${p.mods}*)(?<noun>${nouns})(?= )(?! of | 's | ' )`),
    apply(m, c) {
      const mods = [...words(c, m, "mods"), ...words(c, m, "mods2")];
      const noun = words(c, m, "noun").join(" ");
      const det = words(c, m, "det").join(" ");
      const definite = det === "the" || m.groups?.poss !== undefined;
      const sub = mods.filter((w) => c.cues.subordinateModifiers.includes(w));
      const plural = singularNoun(noun) !== noun;
      const leader = definite && sub.length === 0 && !plural && c.cues.leaderNouns.includes(noun);
      const role = [...sub, singularNoun(noun)].join(" ");
      c.emit.add({
        type: leader ? "leader_of" : "member_of",
        subject: slotEntity(c, slotNo(m, "p")!),
        object: slotEntity(c, slotNo(m, "org")!),
        rule: "relations/appositive-prenominal",
        evidence: evidence(c, firstItem(c, m), lastItem(c, m)),
        role: role === "member" ? undefined : role,
        status: mods.some((w) => c.cues.formerMarkers.includes(w)) ? "former" : undefined,
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Leadership and membership verbs

/** "a faction called Saraya al-Fath, led by X", "Y, under the command of X" → leader_of(X, Y). */
function ledBy(c: RelationCues): Rule {
  return {
    name: "led-by",
    re: re(`${slot("O", "org")}(?: ,)?(?: (?:which|that|who) (?:is|was|are|were|has been|had been))?(?<verb>${alt(c.ledByPhrases)})${slot("P", "p")}${END_OBJ}`),
    apply(m, c) {
      const org = slotNo(m, "org")!;
      const p = slotNo(m, "p")!;
      c.emit.add({
        type: "leader_of",
        subject: slotEntity(c, p),
        object: slotEntity(c, org),
        rule: "relations/led-by",
        evidence: evidence(c, firstItem(c, m), lastItem(c, m)),
        time: timeFor(c, firstItem(c, m), lastItem(c, m)),
      });
    },
  };
}

/** "X has led the group since 2019", "X heads ISIS" → leader_of(X, group). */
function leadVerb(c: RelationCues): Rule {
  return {
    name: "lead-verb",
    re: re(`(?<verb>${alt(c.leadVerbs)})(?: the)?${slot("O", "org")}${END}`),
    apply(m, c) {
      const v = firstItem(c, m, "verb");
      const org = slotNo(m, "org")!;
      const oi = itemOfSlot(c, org);
      if (isPossessor(c.sk, oi) || negated(c, v)) return;
      const prev = c.sk.items[v - 1]?.word;
      if (prev === "was" || prev === "were" || prev === "is" || prev === "are") return;
      const s = clauseSubject(c, v, "P");
      if (s === undefined) return;
      c.emit.add({
        type: "leader_of",
        subject: slotEntity(c, s),
        object: slotEntity(c, org),
        rule: "relations/lead-verb",
        evidence: evidence(c, itemOfSlot(c, s), oi),
        time: timeFor(c, v, oi),
      });
    },
  };
}

/** "X joined ISIS in 2013", "before joining ISIS, X was ..." → member_of(X, ISIS). */
function joined(c: RelationCues): Rule {
  return {
    name: "joined",
    re: re(`(?<verb>${alt(c.joinVerbs)})(?: the)?${slot("O", "org")}${END}`),
    apply(m, c) {
      const v = firstItem(c, m, "verb");
      const org = slotNo(m, "org")!;
      const oi = itemOfSlot(c, org);
      if (isPossessor(c.sk, oi) || negated(c, v)) return;
      let s: number | undefined;
      if (v > 0 && c.cues.frontedOpeners.includes(c.sk.items[v - 1].word)) {
        const it = c.sk.items;
        let k = oi + 1;
        while (k < it.length && it[k].word !== ",") k++;
        for (k++; k < it.length && s === undefined; k++) {
          if (c.cues.clauseBoundaries.includes(it[k].word)) break;
          const n = it[k].slot;
          if (n !== undefined && !isPossessor(c.sk, k) && "PO".includes(c.sk.slots[n].kind)) s = n;
        }
      } else {
        s = clauseSubject(c, v, "PO");
        if (s !== undefined && c.sk.slots[s].kind === "O" && !adjacent(c, itemOfSlot(c, s), v)) return;
      }
      if (s === undefined) return;
      c.emit.add({
        type: "member_of",
        subject: slotEntity(c, s),
        object: slotEntity(c, org),
        rule: "relations/joined",
        evidence: evidence(c, Math.min(v, itemOfSlot(c, s)), Math.max(oi, itemOfSlot(c, s))),
        time: timeFor(c, v, oi),
      });
    },
  };
}

/** True when only auxiliaries ("can also", "has") stand between items `a` and `b`. */
function adjacent(c: SentCtx, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (!c.cues.auxiliaries.includes(c.sk.items[k].word)) return false;
  return true;
}

/** "the defected group included the so-called X" → member_of(X, group). */
function groupIncludes(c: RelationCues): Rule {
  return {
    name: "group-includes",
    re: re(`${slot("O", "org")}(?<verb>${alt(c.includeVerbs)})(?: the)?(?: so-called)?${slot("P", "p")}${END_OBJ}`),
    apply(m, c) {
      const org = slotNo(m, "org")!;
      const first = slotNo(m, "p")!;
      if (negated(c, firstItem(c, m, "verb"))) return;
      for (const p of [first, ...coordinated(c, itemOfSlot(c, first), "P")]) {
        c.emit.add({
          type: "member_of",
          subject: slotEntity(c, p),
          object: slotEntity(c, org),
          rule: "relations/group-includes",
          evidence: evidence(c, firstItem(c, m), itemOfSlot(c, p)),
        });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Splits and units

/**
 * "X split from Y", "a group ... split from Y and announced a new faction called X" → splinter_of(X, Y);
 * a person who "defected from" a group was a member of it (former).
 */
function splitFrom(p: Pieces, c: RelationCues): Rule {
  const naming = re(`(?: new)?${alt(c.newGroupNouns)}(?: ,)?${alt(c.namingWords)}(?: ,)?${slot("O", "sub")}${END}`);
  return {
    name: "split-from",
    re: re(`(?<cue>${alt(c.splitPhrases)})(?: the)?${slot("O", "parent")}${END}`),
    apply(m, c) {
      const cueItem = firstItem(c, m, "cue");
      const parent = slotNo(m, "parent")!;
      const pi = itemOfSlot(c, parent);
      if (isPossessor(c.sk, pi) || negated(c, cueItem)) return;
      const cue = words(c, m, "cue").join(" ");
      const it = c.sk.items;
      let left: number | undefined;
      for (let k = cueItem - 1; k >= 0 && left === undefined; k--) {
        if (c.cues.clauseBoundaries.includes(it[k].word)) break;
        const n = it[k].slot;
        if (n === undefined || isPossessor(c.sk, k)) continue;
        if (c.sk.slots[n].kind === "P" && it[k - 1]?.word === "by") continue;
        left = n;
      }
      if (left !== undefined && c.sk.slots[left].kind === "P") {
        if (!c.cues.personLeavePhrases.includes(cue)) return;
        c.emit.add({
          type: "member_of",
          subject: slotEntity(c, left),
          object: slotEntity(c, parent),
          rule: "relations/left-group",
          evidence: evidence(c, itemOfSlot(c, left), pi),
          status: "former",
          time: timeFor(c, cueItem, pi),
        });
        return;
      }
      let sub = left;
      if (sub === undefined) {
        naming.lastIndex = 0;
        const n = naming.exec(c.sk.text);
        if (n) sub = slotNo(n, "sub");
      }
      if (sub === undefined) return;
      const si = itemOfSlot(c, sub);
      c.emit.add({
        type: "splinter_of",
        subject: slotEntity(c, sub),
        object: slotEntity(c, parent),
        rule: "relations/split-from",
        evidence: evidence(c, Math.min(si, cueItem), Math.max(si, pi)),
        time: timeFor(c, cueItem, pi),
      });
    },
  };
}

/** "X, a splinter group of Y", "X is an offshoot of Y" → splinter_of(X, Y). */
function splinterNoun(p: Pieces, c: RelationCues): Rule {
  return {
    name: "splinter-noun",
    re: re(`${slot("O", "sub")}(?: ,|${p.copula})(?: a| an| the)?${p.adj}?(?<noun>${alt(c.splinterNouns)})(?: of| from)(?: the)?${slot("O", "parent")}${END_OBJ}`),
    apply(m, c) {
      c.emit.add({
        type: "splinter_of",
        subject: slotEntity(c, slotNo(m, "sub")!),
        object: slotEntity(c, slotNo(m, "parent")!),
        rule: "relations/splinter-noun",
        evidence: evidence(c, firstItem(c, m), lastItem(c, m)),
      });
    },
  };
}

/** "ISIS' Sharia council", "the SDF's security service" → part_of(unit, owner). */
function possessiveUnit(): Rule {
  return {
    name: "possessive-unit",
    re: re(`${slot("O", "owner")}${POSS}(?: ["“])?${slot("O", "unit")}${END}`),
    apply(m, c) {
      c.emit.add({
        type: "part_of",
        subject: slotEntity(c, slotNo(m, "unit")!),
        object: slotEntity(c, slotNo(m, "owner")!),
        rule: "relations/possessive-unit",
        evidence: evidence(c, firstItem(c, m), lastItem(c, m)),
      });
    },
  };
}

/** "the Sharia council of ISIS" → part_of, when the first name ends in a unit word ("council", "wing"). */
function unitOf(): Rule {
  return {
    name: "unit-of",
    re: re(`${slot("O", "unit")} of(?: the)?${slot("O", "owner")}${END_OBJ}`),
    apply(m, c) {
      const unit = slotEntity(c, slotNo(m, "unit")!);
      if (!c.cues.unitHeads.includes(lastWord(c, unit))) return;
      c.emit.add({
        type: "part_of",
        subject: unit,
        object: slotEntity(c, slotNo(m, "owner")!),
        rule: "relations/unit-of",
        evidence: evidence(c, firstItem(c, m), lastItem(c, m)),
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Family and deputies

/** Emits the relation a kin word states: `named` is `owner`'s <kin>. */
function emitKin(c: SentCtx, kin: Kin, owner: string, named: string, rule: string, ev: ReturnType<typeof evidence>): void {
  const [type, subject, object]: [RelationType, string, string] =
    kin === "child" ? ["parent_of", owner, named]
    : kin === "parent" ? ["parent_of", named, owner]
    : kin === "sibling" ? ["sibling_of", owner, named]
    : kin === "spouse" ? ["spouse_of", owner, named]
    : ["relative_of", owner, named];
  c.emit.add({ type, subject, object, rule, evidence: ev });
}

function familyRules(p: Pieces, c: RelationCues): Rule[] {
  const kin = alt(Object.keys(c.family));
  const fmod = `(?:${alt(c.familyModifiers)}|${p.adj})?`;
  const naming = `(?: ,)?(?:${alt(c.namingWords)})?(?: ,)?`;
  const count = "(?: a| an| one| two| three| four| five| six| seven| eight| nine| ten| \\d+)?";
  const apply = (rule: string, ownerGroup: string, namedGroup: string, plural: boolean) => (m: RegExpExecArray, c: SentCtx) => {
    const k = c.cues.family[words(c, m, "kin").join(" ")];
    const owner = slotEntity(c, slotNo(m, ownerGroup)!);
    const first = slotNo(m, namedGroup)!;
    const kinWord = words(c, m, "kin").join(" ");
    const many = plural && (singularNoun(kinWord) !== kinWord || kinWord === "children");
    const named = many ? [first, ...coordinated(c, itemOfSlot(c, first), "P")] : [first];
    for (const n of named) emitKin(c, k, owner, slotEntity(c, n), `relations/${rule}`, evidence(c, firstItem(c, m), Math.max(lastItem(c, m), itemOfSlot(c, n))));
  };
  return [
    {
      name: "family-have",
      re: re(`${slot("P", "a")}${alt(c.haveVerbs)}${count}${fmod}(?<kin>${kin})${naming}${slot("P", "b")}${END_OBJ}`),
      apply: apply("family-have", "a", "b", true),
    },
    {
      name: "family-possessive",
      re: re(`${slot("P", "a")}${POSS}${fmod}(?<kin>${kin})${naming}${slot("P", "b")}${END_OBJ}`),
      apply: apply("family-possessive", "a", "b", true),
    },
    {
      name: "family-of",
      re: re(`${slot("P", "b")}(?: ,|${p.copula})(?: the| a| an| one)?${fmod}(?<kin>${kin}) of${slot("P", "a")}${END_OBJ}`),
      apply: apply("family-of", "a", "b", false),
    },
    {
      name: "family-appositive",
      re: re(`${slot("P", "b")} ,${slot("P", "a")}${POSS}${fmod}(?<kin>${kin})(?= [,.;)]| $)`),
      apply: apply("family-appositive", "a", "b", false),
    },
  ];
}

function deputyRules(p: Pieces, c: RelationCues): Rule[] {
  const dep = alt(c.deputyNouns);
  const apply = (rule: string) => (m: RegExpExecArray, c: SentCtx) => {
    const mods = words(c, m, "mods");
    const ev = evidence(c, firstItem(c, m), lastItem(c, m));
    c.deputies.push({
      person: slotEntity(c, slotNo(m, "p")!),
      owner: slotEntity(c, slotNo(m, "owner")!),
      role: words(c, m, "noun").join(" "),
      former: mods.some((w) => c.cues.formerMarkers.includes(w)),
      evidence: { start: ev.start, end: ev.end },
      at: ev.start,
      rule: `relations/${rule}`,
    });
  };
  return [
    {
      name: "deputy-possessive",
      re: re(`${slot("P", "owner")}${POSS}(?<mods>${p.mods}*)(?<noun>${dep})(?: ,)?${slot("P", "p")}${END_OBJ}`),
      apply: apply("deputy-possessive"),
    },
    {
      name: "deputy-of",
      re: re(`${slot("P", "p")} ,(?: the| a| an)?(?<mods>${p.mods}*)(?<noun>${dep}) (?:of|to)${slot("P", "owner")}${END_OBJ}`),
      apply: apply("deputy-of"),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Places

/**
 * "the towns of Hajin, A, and B near the border in Deir Ez-Zor", "Al-Mayadeen, in the eastern
 * countryside of Deir ez-Zor" → each listed place located_in the last one. Countries are never contained.
 */
function placeIn(p: Pieces): Rule {
  return {
    name: "place-in",
    re: re(
      `${slot("L", "a")}(?<list>(?:(?: ,)?(?: and| or)? <L\\d+>)*)(?<near>(?: ,)?${p.near}(?: the)?(?: (?!in )[^\\s<]+| <L\\d+>){0,4}?)?(?: ,)? in(?: the)?${p.dir}?(?:${p.cls} of(?: the)?)?${slot("L", "z")}${END}`,
    ),
    apply(m, c) {
      const z = slotEntity(c, slotNo(m, "z")!);
      const zi = itemOfSlot(c, slotNo(m, "z")!);
      const listed = [slotNo(m, "a")!, ...[...(m.groups?.list ?? "").matchAll(/<L(\d+)>/g)].map((x) => Number(x[1]))];
      for (const n of listed) {
        const e = slotEntity(c, n);
        if (isCountry(c, e)) continue;
        c.emit.add({
          type: "located_in",
          subject: e,
          object: z,
          rule: "relations/place-in",
          evidence: evidence(c, firstItem(c, m), zi),
        });
      }
    },
  };
}

/**
 * "Hajin, a town in eastern Deir ez-Zor", "Damascus, the capital of Syria". ("the A district of B" is left
 * out: "the Wellington suburb of Miramar" reads the other way round.)
 */
function placeClass(p: Pieces, c: RelationCues): Rule {
  const cls = alt(c.containerClasses);
  const emitIt = (m: RegExpExecArray, c: SentCtx, rule: string) => {
    const a = slotEntity(c, slotNo(m, "a")!);
    if (isCountry(c, a)) return;
    c.emit.add({ type: "located_in", subject: a, object: slotEntity(c, slotNo(m, "z")!), rule, evidence: evidence(c, firstItem(c, m), lastItem(c, m)) });
  };
  return {
    name: "place-appositive-class",
    re: re(`${slot("L", "a")} ,(?: a| an| the)?${p.adj}{0,2}${cls} (?:in|of)(?: the)?${p.dir}?${slot("L", "z")}${END}`),
    apply: (m, c) => emitIt(m, c, "relations/place-appositive-class"),
  };
}

/** "the Iraqi city of Mosul" → located_in(Mosul, Iraq) when Iraq is a place of the article. */
function demonymPlace(p: Pieces): Rule {
  return {
    name: "demonym-place",
    re: re(` (?<dem>[a-z][a-z-]*)${p.cls} of${slot("L", "a")}${END}`),
    apply(m, c) {
      const rec = lookupCountry(m.groups?.dem ?? "");
      if (!rec) return;
      const country = c.countries.get(rec.cca2);
      const a = slotEntity(c, slotNo(m, "a")!);
      if (!country || isCountry(c, a)) return;
      c.emit.add({
        type: "located_in",
        subject: a,
        object: country,
        rule: "relations/demonym-place",
        evidence: evidence(c, firstItem(c, m), lastItem(c, m)),
      });
    },
  };
}

/** "Syria's Deir ez-Zor", "Mosul, Iraq," → located_in(place, country). */
function countryPlace(p: Pieces): Rule[] {
  const emitIt = (m: RegExpExecArray, c: SentCtx, rule: string) => {
    const country = slotEntity(c, slotNo(m, "c")!);
    const a = slotEntity(c, slotNo(m, "a")!);
    if (!isCountry(c, country) || isCountry(c, a)) return;
    c.emit.add({ type: "located_in", subject: a, object: country, rule, evidence: evidence(c, firstItem(c, m), lastItem(c, m)) });
  };
  return [
    {
      name: "country-possessive",
      re: re(`${slot("L", "c")}${POSS}${p.dir}?(?:${p.cls})?(?: of)?${slot("L", "a")}${END}`),
      apply: (m, c) => emitIt(m, c, "relations/country-possessive"),
    },
    {
      name: "place-comma-country",
      re: re(`${slot("L", "a")} ,${slot("L", "c")}(?= [,.;)]| $)(?! , <)`),
      apply: (m, c) => {
        const prev = c.sk.items[firstItem(c, m) - 1]?.word;
        if (prev === "," || prev === "and") return;
        emitIt(m, c, "relations/place-comma-country");
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Opposition, alliance, association

function orgVersus(p: Pieces, c: RelationCues, name: string, phrases: string[], type: RelationType): Rule {
  return {
    name,
    re: re(`${slot("O", "a")}(?:${alt(c.auxiliaries)}){0,3}(?<cue>${alt(phrases)})(?: the)?${slot("O", "b")}${END}`),
    apply(m, c) {
      const a = slotNo(m, "a")!;
      if (isPossessor(c.sk, itemOfSlot(c, a))) return;
      const first = slotNo(m, "b")!;
      if (isPossessor(c.sk, itemOfSlot(c, first))) return;
      for (const b of [first, ...coordinated(c, itemOfSlot(c, first), "O")]) {
        c.emit.add({
          type,
          subject: slotEntity(c, a),
          object: slotEntity(c, b),
          rule: `relations/${name}`,
          evidence: evidence(c, itemOfSlot(c, a), itemOfSlot(c, b)),
        });
      }
    },
  };
}

/** "X was one of the leaders, along with Y" → associate_of(X, Y). */
function alongWith(c: RelationCues): Rule {
  return {
    name: "along-with",
    re: re(`(?<cue>${alt(c.associatePhrases)})${slot("P", "b")}${END}`),
    apply(m, c) {
      const cue = firstItem(c, m, "cue");
      const b = slotNo(m, "b")!;
      if (isPossessor(c.sk, itemOfSlot(c, b))) return;
      const a = clauseSubject(c, cue, "P");
      if (a === undefined) return;
      c.emit.add({
        type: "associate_of",
        subject: slotEntity(c, a),
        object: slotEntity(c, b),
        rule: "relations/along-with",
        evidence: evidence(c, itemOfSlot(c, a), itemOfSlot(c, b)),
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------

let built: { cues: RelationCues; rules: Rule[] } | undefined;

/** The rules in the order they run on each sentence (posts first, so coordinations can inherit subjects). */
export function relationRules(cues: RelationCues): Rule[] {
  if (built?.cues === cues) return built.rules;
  const p = pieces(cues);
  const nouns = [...cues.leaderNouns, ...cues.memberNouns, ...cues.postNouns];
  const kin = Object.keys(cues.family);
  const poss = ["'s", "'"];
  const [fHave, fPoss, fOf, fApp] = familyRules(p, cues);
  const [dPoss, dOf] = deputyRules(p, cues);
  const [cPoss, cComma] = countryPlace(p);

  const rules: Rule[] = [
    gated(postOf(p, cues), "", nouns, ["of"]),
    gated(oneOfPossessive(p, cues), "O", ["one"], poss),
    gated(prenominalPost(p, cues), "PO", nouns),
    gated(appositivePrenominal(p, cues), "PO", nouns, [","]),
    gated(ledBy(cues), "PO", cues.ledByPhrases),
    gated(leadVerb(cues), "PO", cues.leadVerbs),
    gated(joined(cues), "O", cues.joinVerbs),
    gated(groupIncludes(cues), "PO", cues.includeVerbs),
    gated(splitFrom(p, cues), "O", cues.splitPhrases),
    gated(splinterNoun(p, cues), "OO", cues.splinterNouns),
    gated(possessiveUnit(), "OO", poss),
    gated(unitOf(), "OO", ["of"]),
    gated(fHave, "PP", kin, cues.haveVerbs),
    gated(fPoss, "PP", kin, poss),
    gated(fOf, "PP", kin, ["of"]),
    gated(fApp, "PP", kin, poss),
    gated(dPoss, "PP", cues.deputyNouns, poss),
    gated(dOf, "PP", cues.deputyNouns),
    gated(placeIn(p), "LL", ["in"]),
    gated(demonymPlace(p), "L", ["of"], cues.placeClasses),
    gated(placeClass(p, cues), "LL", [","], cues.containerClasses),
    gated(cPoss, "LL", poss),
    gated(cComma, "LL", [","]),
    gated(orgVersus(p, cues, "opposed", cues.opposePhrases, "opposed_to"), "OO", cues.opposePhrases),
    gated(orgVersus(p, cues, "allied", cues.allyPhrases, "allied_with"), "OO", cues.allyPhrases),
    gated(alongWith(cues), "PP", cues.associatePhrases),
  ];
  built = { cues, rules };
  return rules;
}
