import type { Doc, EventCount, EventType, NewsEvent, ParticipantRole, Span, TimeRef } from "../../model.js";
import { lowered } from "../claims/sentences.js";
import { clauseOf } from "./clause.js";
import type { Trigger } from "./triggers.js";

/** An event before merging: one trigger with the arguments read from its clause. */
export interface Draft {
  type: EventType;
  trigger: Trigger;
  /** Every trigger that names this happening, the first one being `trigger`. */
  triggers: { span: Span; type: EventType }[];
  participants: { entity: string; role: ParticipantRole }[];
  places: string[];
  counts: EventCount[];
  time?: TimeRef;
  modality: NewsEvent["modality"];
  sentences: number[];
  /** A noun trigger after "the"/"this": it refers back to an event already told. */
  anaphoric: boolean;
  /** A noun trigger after "a"/"another"/"new": it introduces a happening not told before. */
  indefinite: boolean;
  rule: string;
}

/** Types of fighting: a definite "the fighting" or "the attack" may refer back to any of them. */
const COMBAT = new Set<EventType>(["armed_clash", "attack", "explosion", "killing", "military_operation"]);
/** Types whose infinitive after an agreement is that agreement's content ("agreed … to withdraw"). */
/** Types whose definite noun ("the attack", "the fighting") may name any nearby fighting. */
const GENERIC_COMBAT = new Set<EventType>(["armed_clash", "attack"]);
const AGREEMENT_CONTENT = new Set<EventType>(["withdrawal", "other", "territory_change", "military_operation"]);
const GROUP = new Set<EventType>(["defection", "group_change"]);
/** How many sentences back an anaphoric "the fighting" or a same-count report may reach. */
const NEAR_SENTENCES = 3;

function absorb(into: Draft, from: Draft, all: boolean): void {
  into.triggers.push(...from.triggers);
  into.sentences.push(...from.sentences);
  for (const p of from.places) if (!into.places.includes(p)) into.places.push(p);
  if (!all) return;
  for (const p of from.participants) if (!into.participants.some((x) => x.entity === p.entity)) into.participants.push(p);
  for (const c of from.counts) if (!into.counts.some((x) => x.what === c.what && x.value === c.value)) into.counts.push(c);
  into.time ??= from.time;
}

/** Within one sentence: an agreement's content, an announced plan, casualties of a fight, repeated triggers. */
function mergeSentence(doc: Doc, list: Draft[]): Draft[] {
  const gone = new Set<Draft>();
  for (const a of list) {
    if (a.type !== "agreement" || gone.has(a)) continue;
    for (const x of list) {
      if (x.trigger.start > a.trigger.end && AGREEMENT_CONTENT.has(x.type) && (lowered(doc.tokens)[x.trigger.k - 1] ?? "") === "to" && !gone.has(x)) {
        absorb(a, x, true);
        a.rule = "events/agreement-content";
        gone.add(x);
      }
    }
  }
  for (const n of list) {
    if (n.type !== "announcement" || gone.has(n)) continue;
    const { ce, subordinate } = clauseOf(doc, n.trigger);
    const end = subordinate ? doc.tokens[ce - 1].end : doc.sentences[n.trigger.sentence].end;
    const inner = list.filter((x) => x !== n && !gone.has(x) && x.trigger.start > n.trigger.end && x.trigger.end <= end);
    if (inner.some((x) => x.modality === "asserted")) {
      gone.add(n);
      continue;
    }
    for (const x of inner) {
      absorb(n, x, true);
      n.rule = "events/announced-plan";
      gone.add(x);
    }
  }
  const casualty = (x: Draft) => x.trigger.cls?.casualty === true;
  const combat = list.find((x) => !gone.has(x) && COMBAT.has(x.type) && !casualty(x));
  if (combat) {
    for (const k of list) {
      if (casualty(k) && !gone.has(k)) {
        absorb(combat, k, true);
        gone.add(k);
      }
    }
  }
  const kept = list.filter((x) => !gone.has(x));
  const out: Draft[] = [];
  for (const x of kept) {
    const same = out.find((y) => y.type === x.type || (GROUP.has(y.type) && GROUP.has(x.type)));
    if (same) {
      absorb(same, x, true);
      if (x.type === "group_change") same.type = "group_change";
    } else out.push(x);
  }
  return out;
}

function shareParticipant(a: Draft, b: Draft): boolean {
  return a.participants.some((p) => b.participants.some((q) => q.entity === p.entity));
}

/** True when both name actors and none is shared: two actors, two happenings. */
function otherActors(a: Draft, b: Draft): boolean {
  const x = a.participants.filter((p) => p.role === "actor").map((p) => p.entity);
  const y = b.participants.filter((p) => p.role === "actor").map((p) => p.entity);
  return x.length > 0 && y.length > 0 && !x.some((e) => y.includes(e));
}

/** True when either names no place or they share one. */
function placesAgree(a: Draft, b: Draft): boolean {
  return !a.places.length || !b.places.length || a.places.some((p) => b.places.includes(p));
}

/** True when `d` may be told again by `e`: same modality, no other actors, not introduced as new ("another deal"). */
function compatible(e: Draft, d: Draft): boolean {
  return e.modality === d.modality && !d.indefinite && !otherActors(e, d);
}

function shareCount(a: Draft, b: Draft): boolean {
  return a.counts.some((c) => b.counts.some((d) => d.what === c.what && d.value === c.value));
}

/**
 * Merges drafts that tell one happening: first within each sentence, then across sentences
 * (an anaphoric "this defection" with no place of its own, the same type in the next sentence with
 * agreeing places and shared or missing participants, the same count of the same type nearby). A killing with no victim and no count
 * ("the faith has died") is dropped.
 */
export function mergeDrafts(doc: Doc, drafts: Draft[]): Draft[] {
  const bySent = new Map<number, Draft[]>();
  for (const d of drafts) {
    const at = bySent.get(d.trigger.sentence) ?? [];
    at.push(d);
    bySent.set(d.trigger.sentence, at);
  }
  const flat: Draft[] = [];
  for (const s of [...bySent.keys()].sort((x, y) => x - y)) flat.push(...mergeSentence(doc, bySent.get(s)!));
  const out: Draft[] = [];
  /** Per draft in `out`: its last sentence (`Math.max(...sentences)`), kept as drafts are absorbed. */
  const last: number[] = [];
  /** Indices into `out` by type: only drafts of `d.type` (or any fighting, for an anaphoric one) can take `d`. */
  const byType = new Map<EventType, number[]>();
  /** Per type, indices whose last sentence may still be near (a superset; stale ones are dropped as `s` grows). */
  const recent = new Map<EventType, Set<number>>();
  const listOf = (m: Map<EventType, number[]>, t: EventType) => {
    let l = m.get(t);
    if (!l) m.set(t, (l = []));
    return l;
  };
  const recentOf = (t: EventType) => {
    let r = recent.get(t);
    if (!r) recent.set(t, (r = new Set()));
    return r;
  };
  for (const d of flat) {
    if (d.type === "killing" && d.participants.length === 0 && d.counts.length === 0 && d.trigger.cls?.needsVictim) continue;
    const s = d.trigger.sentence;
    const near = (i: number) => s - last[i] <= NEAR_SENTENCES;
    // Candidates in descending order of position in `out`; every other draft would be skipped below.
    let next: () => number;
    if (d.anaphoric) {
      // the lists are ascending: walk them from their ends, taking the largest index each time
      const lists = [byType.get(d.type) ?? []];
      if (GENERIC_COMBAT.has(d.type)) for (const t of COMBAT) if (t !== d.type) lists.push(byType.get(t) ?? []);
      const at = lists.map((l) => l.length - 1);
      next = () => {
        let best = -1;
        let k = -1;
        for (let j = 0; j < lists.length; j++) if (at[j] >= 0 && lists[j][at[j]] > best) best = lists[(k = j)][at[j]];
        if (k >= 0) at[k]--;
        return best;
      };
    } else {
      // Not anaphoric: only a draft of the same type whose last sentence is near can take it.
      const r = recentOf(d.type);
      for (const i of r) if (!near(i)) r.delete(i);
      const cands = [...r].sort((x, y) => y - x);
      let j = 0;
      next = () => (j < cands.length ? cands[j++] : -1);
    }
    let target = -1;
    for (let i = next(); i >= 0; i = next()) {
      const e = out[i];
      const ownPlaces = d.places.every((p) => e.places.includes(p));
      if (d.anaphoric && ownPlaces && (e.type === d.type || (GENERIC_COMBAT.has(d.type) && COMBAT.has(e.type) && near(i)))) {
        absorb(e, d, false);
        target = i;
      } else if (e.type !== d.type || !compatible(e, d)) {
        continue;
      } else if (s - last[i] <= 1 && placesAgree(e, d) && (shareParticipant(e, d) || !e.participants.length || !d.participants.length)) {
        absorb(e, d, true);
        target = i;
      } else if (near(i) && shareCount(e, d)) {
        absorb(e, d, true);
        target = i;
      }
      if (target >= 0) break;
    }
    if (target >= 0) {
      last[target] = Math.max(last[target], ...d.sentences);
      recentOf(out[target].type).add(target);
    } else {
      const i = out.push(d) - 1;
      last.push(Math.max(...d.sentences));
      listOf(byType, d.type).push(i);
      recentOf(d.type).add(i);
    }
  }
  return out;
}
