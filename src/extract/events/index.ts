import type { Doc, EventCount, EventType, Mention, NewsEvent, ParticipantRole, Quantity, Span, TimeExpr, TimeRef, Token } from "../../model.js";
import { span } from "../../model.js";
import { claimFor } from "../claims/scope.js";
import { bySentence, isReadable, mentionsBySentence, lowered } from "../claims/sentences.js";
import { eventLexicon, type EventLexicon } from "./lexicon.js";
import { findTriggers, type Trigger } from "./triggers.js";
import { clauseOf } from "./clause.js";
import { mergeDrafts, type Draft } from "./merge.js";

/** Auxiliaries that make a following -ed trigger passive ("was arrested"). */
const PASSIVE_AUX = new Set(["was", "were", "is", "are", "been", "be", "being", "got", "get"]);
/** Words that may stand between an auxiliary and its participle ("is now detained"). */
const ADVERBS = new Set(["also", "reportedly", "now", "later", "recently", "previously", "already", "then", "allegedly", "apparently", "not", "never"]);
/** Words skipped when looking for the word that governs a mention ("with the rival X" → "with"). */
const SKIP_BEFORE_MENTION = new Set(["the", "a", "an", ",", "its", "their", "his", "her", "rival", "local", "other", "several", "two", "three"]);
/** Words before a noun trigger that introduce a new happening ("another agreement"). */
const INDEFINITE = new Set(["a", "an", "another", "new", "second", "third", "fresh"]);
/** Counted nouns that are durations, never event counts ("three months"). */
const TIME_UNITS = /^(?:year|month|week|day|hour|minute|decade)s?$/i;
/** Words before "by" that make its mention the leader ("led by X"); otherwise "by X" is the actor. */
const LEADING_VERBS = new Set(["led", "headed", "commanded"]);
/** Governing words that make a mention a party ("with X", "between X"). */
const PARTY_WORDS = new Set(["with", "between", "along", "alongside"]);
/** Governing words that give a mention no role ("in X", "for X"). */
const NO_ROLE_WORDS = new Set(["in", "at", "near", "to", "for", "into", "under", "than"]);
/** Clause openers whose antecedent just before is the clause's subject ("X, who attacked …"). */
const RELATIVE_OPENERS = new Set(["who", "which", "whom"]);
/** How many tokens before a trigger modality cues are looked for. */
const MODALITY_WINDOW = 6;
/** How far (tokens) a count may stand from its trigger. */
const COUNT_WINDOW = 10;

/**
 * Adds events to `doc.events`: triggers from `data/lexicons/event-triggers.json`, arguments read
 * from the trigger's clause (participants, places, time, counts), modality from cue words before
 * it, then merged so that one happening told several times is one event.
 */
export function findEvents(doc: Doc): void {
  if (doc.sentences.length === 0) return;
  const lex = eventLexicon();
  const mentions = mentionsBySentence(doc);
  const times = bySentence(doc, doc.times, (t) => t.span.start);
  const quantities = bySentence(doc, doc.quantities, (q) => q.span.start);
  const triggersBySentence: Trigger[][] = doc.sentences.map((_, s) =>
    isReadable(doc, s) ? findTriggers(doc, s, lex) : [],
  );
  const drafts: Draft[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    for (const t of triggersBySentence[s]) {
      const d = readDraft(doc, t, lex, mentions[s], times[s], quantities, triggersBySentence);
      if (d) drafts.push(d);
    }
  }
  doc.events = mergeDrafts(doc, drafts).map((d, i) => finish(doc, d, i));
}

/** Token index of the token that holds offset `at` (binary search), or -1. */
function tokenAt(doc: Doc, at: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = doc.tokens[mid];
    if (at < t.start) hi = mid - 1;
    else if (at >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The role of an entity the trigger acts on: the object of an active verb, the subject of a passive one. */
function objectRole(type: EventType): ParticipantRole {
  switch (type) {
    case "arrest":
    case "other":
      return "detainee";
    case "killing":
      return "victim";
    case "attack":
    case "explosion":
    case "military_operation":
    case "protest":
      return "target";
    case "recruitment":
      return "member";
    default:
      return "party";
  }
}

/** True for an -ed/-en verb trigger after a passive auxiliary, adverbs allowed between. */
function isPassive(toks: Token[], t: Trigger, cs: number): boolean {
  const L = lowered(toks);
  if (t.pos !== "verb") return false;
  const space = t.form.indexOf(" ");
  const first = space < 0 ? t.form : t.form.slice(0, space);
  if (!first.endsWith("ed") && !first.endsWith("en")) return false;
  for (let j = t.k - 1; j >= cs; j--) {
    const w = (L[j] ?? "");
    if (PASSIVE_AUX.has(w)) return true;
    if (!ADVERBS.has(w)) return false;
  }
  return false;
}

/** The word that governs a mention: the nearest token before it, skipping determiners and commas. */
function governor(toks: Token[], mi: number, cs: number): { word: string; at: number } {
  const L = lowered(toks);
  let j = mi - 1;
  while (j >= cs && SKIP_BEFORE_MENTION.has((L[j] ?? ""))) j--;
  return j >= cs ? { word: (L[j] ?? ""), at: j } : { word: "", at: -1 };
}

/** True when the mention at token `mi` opens its sentence or a clause ("Over the last year, ISIS …", "… that ISIS …"). */
function opensClause(toks: Token[], mi: number, a: number): boolean {
  const L = lowered(toks);
  let j = mi - 1;
  if (j >= a && ["the", "a", "an"].includes((L[j] ?? ""))) j--;
  return j < a || toks[j].text === "," || (L[j] ?? "") === "that";
}

/**
 * Reads one trigger's arguments from its clause: participants by the word that governs each mention
 * ("by" → actor, "led by" → leader, "with"/"between" → party, "against" → target, none → subject or object),
 * places, counts, time and modality. Returns undefined when the trigger needs a place and has none.
 */
function readDraft(
  doc: Doc, t: Trigger, lex: EventLexicon, mentions: Mention[], times: TimeExpr[], quantities: Quantity[][],
  triggers: Trigger[][],
): Draft | undefined {
  const toks = doc.tokens;
  const L = lowered(toks);
  const sent = doc.sentences[t.sentence];
  const { cs, ce, opener } = clauseOf(doc, t);
  const from = toks[cs].start;
  const to = toks[ce - 1].end;
  const passive = isPassive(toks, t, cs);
  const intransitive = t.cls?.intransitive.has(t.form) ?? false;
  const participants: { entity: string; role: ParticipantRole }[] = [];
  const places: string[] = [];
  let type = t.type;
  let firstAfter: Mention | undefined;
  let lastRole: ParticipantRole | undefined;
  let subjectFound = false;
  const nextTrigger = triggers[t.sentence].find((x) => x.start >= t.end);
  const until = Math.min(to, nextTrigger ? nextTrigger.start : to);
  const inClause = mentions.filter((m) => m.start >= from && (m.end <= t.start || (m.start >= t.end && m.end <= (m.type === "place" ? to : until))));
  for (const m of inClause) {
    if (m.type === "place") {
      if (m.entity && !places.includes(m.entity)) places.push(m.entity);
      if (m.start >= t.end && !firstAfter) firstAfter = m;
      continue;
    }
    const mi = tokenAt(doc, m.start);
    const g = governor(toks, mi, cs);
    const before = m.end <= t.start;
    if (!before && !firstAfter) firstAfter = m;
    let role: ParticipantRole | undefined;
    if (g.word === "by") role = LEADING_VERBS.has(L[g.at - 1] ?? "") ? "leader" : "actor";
    else if (PARTY_WORDS.has(g.word)) role = before && (L[g.at - 1] ?? "") === "along" ? lastRole : "party";
    else if (g.word === "and" && lastRole) role = lastRole;
    else if (g.word === "against" || (g.word === "on" && t.pos === "noun")) role = "target";
    else if (g.word === "from") role = "party";
    else if (NO_ROLE_WORDS.has(g.word)) role = undefined;
    else if (g.word === "of") {
      if (!before) role = g.at === t.kEnd ? objectRole(type) : undefined;
      else if (!subjectFound) role = passive ? objectRole(type) : "actor";
    }
    else if (before) role = passive ? objectRole(type) : "actor";
    else if (t.pos === "verb" && !passive && !intransitive && mi - t.kEnd <= 8) role = objectRole(type);
    if (role) {
      addParticipant(participants, m.entity, role);
      if (before && (role === "actor" || passive)) subjectFound = true;
      lastRole = role;
    }
  }
  if (RELATIVE_OPENERS.has(opener) && cs - 1 > sent.tokenStart) {
    const edge = toks[cs - 1].start;
    const ante = findLast(mentions, (m) => m.end <= edge && edge - m.end <= 3 && m.type !== "place");
    if (ante) {
      addParticipant(participants, ante.entity, passive ? objectRole(type) : "actor");
      subjectFound = true;
    }
  }
  if (!subjectFound && t.pos === "verb" && !passive) {
    const first = mentions.find((m) => m.type !== "place");
    if (first && first.end <= t.start && first.start < toks[cs].start && opensClause(toks, tokenAt(doc, first.start), sent.tokenStart)) {
      addParticipant(participants, first.entity, "actor");
    }
  }
  if (t.cls?.objectPlaceType && firstAfter?.type === "place" && governor(toks, tokenAt(doc, firstAfter.start), cs).at === t.kEnd - 1) {
    type = t.cls.objectPlaceType;
  }
  if (t.cls?.needsPlace && places.length === 0) return undefined;
  const sentenceTriggers = triggers[t.sentence];
  const counts = readCounts(doc, t, type, cs, ce, passive || intransitive, lex, quantities, sentenceTriggers, triggers);
  const time = readTime(times, t, from, to, sentenceTriggers);
  return {
    type,
    trigger: t,
    triggers: [{ span: span(doc.text, t.start, t.end), type }],
    participants,
    places,
    counts,
    time,
    modality: readModality(toks, t, cs, lex),
    sentences: [t.sentence],
    anaphoric: t.pos === "noun" && lex.anaphoric.has((L[t.k - 1] ?? "")),
    indefinite: t.pos === "noun" && INDEFINITE.has((L[t.k - 1] ?? "")),
    rule: t.rule,
  };
}

/** Adds `entity` with `role` unless it is undefined or already a participant. */
function addParticipant(participants: { entity: string; role: ParticipantRole }[], entity: string | undefined, role: ParticipantRole): void {
  if (!entity) return;
  for (const p of participants) if (p.entity === entity) return;
  participants.push({ entity, role });
}

/** The modalities cue phrases state, strongest first: the first found before a trigger wins. */
const MODALITIES = ["negated", "attempted", "planned", "hypothetical"] as const;

/** Modality cue phrases by first word: each with the rank of its modality in `MODALITIES`. */
type ModalityIndex = Map<string, { rank: number; words: string[] }[]>;
const modalityIndexes = new WeakMap<EventLexicon, ModalityIndex>();

function modalityIndex(lex: EventLexicon): ModalityIndex {
  let ix = modalityIndexes.get(lex);
  if (!ix) {
    ix = new Map();
    [lex.negation, lex.attempted, lex.planned, lex.hypothetical].forEach((phrases, rank) => {
      for (const words of phrases) {
        const list = ix!.get(words[0]) ?? [];
        list.push({ rank, words });
        ix!.set(words[0], list);
      }
    });
    modalityIndexes.set(lex, ix);
  }
  return ix;
}

/** Modality from cue phrases in the clause up to MODALITY_WINDOW tokens before the trigger. */
function readModality(toks: Token[], t: Trigger, cs: number, lex: EventLexicon): NewsEvent["modality"] {
  const L = lowered(toks);
  const ix = modalityIndex(lex);
  const lo = Math.max(cs, t.k - MODALITY_WINDOW);
  let best: number = MODALITIES.length;
  for (let j = lo; j < t.k; j++) {
    const cands = ix.get(L[j] ?? "");
    if (!cands) continue;
    for (const { rank, words } of cands) {
      if (rank < best && words.every((w, i) => j + i < t.k && (L[j + i] ?? "") === w)) best = rank;
    }
  }
  return MODALITIES[best] ?? "asserted";
}

/** The last item of `list` that passes `test` (no reversed copy). */
function findLast<T>(list: readonly T[], test: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return list[i];
  return undefined;
}

function countOf(q: Quantity, what: string): EventCount {
  return { what, value: q.value, qualifier: q.qualifier, span: q.span };
}

/**
 * Counts: group events take every counted "fighters"/"members" in their sentence and the next one (when
 * that has no trigger); other triggers with a count word take the number after them (their object), or
 * before them when passive or intransitive ("Seven fighters were killed"), never across another trigger.
 */
function readCounts(
  doc: Doc, t: Trigger, type: EventType, cs: number, ce: number, subjectCount: boolean, lex: EventLexicon,
  quantities: Quantity[][], sentenceTriggers: Trigger[], triggers: Trigger[][],
): EventCount[] {
  const toks = doc.tokens;
  const qs = quantities[t.sentence].filter((q) => !(q.unit && TIME_UNITS.test(q.unit)));
  const out: EventCount[] = [];
  if (type === "defection" || type === "group_change" || type === "recruitment") {
    const pool = [...qs];
    const next = t.sentence + 1;
    if (next < doc.sentences.length && triggers[next].length === 0) pool.push(...quantities[next]);
    for (const q of pool) {
      const what = q.unit ? lex.countUnits.get(q.unit.toLowerCase()) : undefined;
      if (what && !out.some((c) => c.value === q.value && c.what === what)) out.push(countOf(q, what));
    }
    return out;
  }
  const what = t.cls?.count;
  if (!what) return out;
  const nextTrigger = sentenceTriggers.find((x) => x.start >= t.end);
  const prevTrigger = findLast(sentenceTriggers, (x) => x.end <= t.start);
  const limitEnd = Math.min(toks[ce - 1].end, nextTrigger ? nextTrigger.start : Infinity);
  if (!subjectCount) {
    const after = qs.find((q) => q.span.start >= t.end && q.span.end <= limitEnd && tokenAt(doc, q.span.start) - t.kEnd <= COUNT_WINDOW);
    if (after) return [countOf(after, what)];
  }
  const limitStart = Math.max(toks[cs].start, prevTrigger ? prevTrigger.end : -1);
  const before = findLast(qs, (q) => q.span.end <= t.start && q.span.start >= limitStart && t.k - tokenAt(doc, q.span.end - 1) <= COUNT_WINDOW);
  return before ? [countOf(before, what)] : out;
}

function toRef(x: TimeExpr): TimeRef {
  return { text: x.text, span: x.span, start: x.start, end: x.end, precision: x.precision, approximate: x.approximate, relative: x.relative };
}

/** The nearest time in the clause; else the nearest in the sentence with no other trigger between (the first of equally near ones). */
function readTime(times: TimeExpr[], t: Trigger, from: number, to: number, sentenceTriggers: Trigger[]): TimeRef | undefined {
  if (times.length === 0) return undefined;
  let best: TimeExpr | undefined;
  for (const x of times) if (x.span.start >= from && x.span.end <= to && (!best || distance(x, t) < distance(best, t))) best = x;
  if (best) return toRef(best);
  for (const x of times) if (!triggerBetween(x, t, sentenceTriggers) && (!best || distance(x, t) < distance(best, t))) best = x;
  return best ? toRef(best) : undefined;
}

/** Characters between time `x` and trigger `t` (0 when they touch). */
function distance(x: TimeExpr, t: Trigger): number {
  return x.span.start >= t.end ? x.span.start - t.end : t.start - x.span.end;
}

/** True when a trigger of the sentence other than `t` lies between `t` and time `x`. */
function triggerBetween(x: TimeExpr, t: Trigger, sentenceTriggers: Trigger[]): boolean {
  const lo = Math.min(x.span.end, t.start);
  const hi = Math.max(x.span.start, t.end);
  for (const o of sentenceTriggers) if (o !== t && o.start >= lo && o.end <= hi) return true;
  return false;
}

/** The event as output: id, claim covering one of its triggers, sentence evidence, merged triggers. */
function finish(doc: Doc, d: Draft, i: number): NewsEvent {
  const evidence: Span[] = [];
  const sentences = d.sentences.length === 1 ? d.sentences : [...new Set(d.sentences)].sort((x, y) => x - y);
  for (const s of sentences) {
    const sent = doc.sentences[s];
    evidence.push(span(doc.text, sent.start, sent.end));
  }
  let claim: string | undefined;
  for (const tr of d.triggers) {
    claim = claimFor(doc, tr.span.start, tr.span.end);
    if (claim) break;
  }
  const ev: NewsEvent = {
    id: `ev${i + 1}`,
    type: d.type,
    trigger: span(doc.text, d.trigger.start, d.trigger.end),
    places: d.places,
    participants: d.participants,
    counts: d.counts,
    modality: d.modality,
    evidence,
    rule: d.rule,
  };
  if (d.time) ev.time = d.time;
  if (claim) ev.claim = claim;
  if (d.triggers.length > 1) ev.attributes = { triggers: d.triggers };
  return ev;
}

