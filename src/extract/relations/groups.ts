/** Group rules: leadership and membership verbs, splits, units, opposition, alliance, association. */
import type { RelationType } from "../../model.js";
import type { RelationCues } from "./cues.js";
import {
  slotNo,
  firstItem,
  lastItem,
  words,
  slotEntity,
  itemOfSlot,
  evidence,
  timeFor,
  negated,
  clauseSubject,
  lastWord,
  coordinated,
  setsOf,
} from "./context.js";
import { alt, slot, POSS, END, END_OBJ, re, reIndexed, type SentCtx, type Rule, type Pieces } from "./pattern.js";
import { isPossessor } from "./sketch.js";

/** "a faction called Liwa al-Quds, led by X", "Y, under the command of X" → leader_of(X, Y). */
export function ledBy(c: RelationCues): Rule {
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
export function leadVerb(c: RelationCues): Rule {
  return {
    name: "lead-verb",
    re: reIndexed(`(?<verb>${alt(c.leadVerbs)})(?: the)?${slot("O", "org")}${END}`),
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
export function joined(c: RelationCues): Rule {
  return {
    name: "joined",
    re: reIndexed(`(?<verb>${alt(c.joinVerbs)})(?: the)?${slot("O", "org")}${END}`),
    apply(m, c) {
      const v = firstItem(c, m, "verb");
      const org = slotNo(m, "org")!;
      const oi = itemOfSlot(c, org);
      if (isPossessor(c.sk, oi) || negated(c, v)) return;
      let s: number | undefined;
      if (v > 0 && setsOf(c.cues).frontedOpeners.has(c.sk.items[v - 1].word)) {
        const it = c.sk.items;
        let k = oi + 1;
        while (k < it.length && it[k].word !== ",") k++;
        for (k++; k < it.length && s === undefined; k++) {
          if (setsOf(c.cues).clauseBoundaries.has(it[k].word)) break;
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
export function groupIncludes(c: RelationCues): Rule {
  return {
    name: "group-includes",
    re: reIndexed(`${slot("O", "org")}(?<verb>${alt(c.includeVerbs)})(?: the)?(?: so-called)?${slot("P", "p")}${END_OBJ}`),
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

/**
 * "X split from Y", "a group ... split from Y and announced a new faction called X" → splinter_of(X, Y);
 * a person who "defected from" a group was a member of it (former).
 */
export function splitFrom(p: Pieces, c: RelationCues): Rule {
  const naming = re(`(?: new)?${alt(c.newGroupNouns)}(?: ,)?${alt(c.namingWords)}(?: ,)?${slot("O", "sub")}${END}`);
  return {
    name: "split-from",
    re: reIndexed(`(?<cue>${alt(c.splitPhrases)})(?: the)?${slot("O", "parent")}${END}`),
    apply(m, c) {
      const cueItem = firstItem(c, m, "cue");
      const parent = slotNo(m, "parent")!;
      const pi = itemOfSlot(c, parent);
      if (isPossessor(c.sk, pi) || negated(c, cueItem)) return;
      const cue = words(c, m, "cue").join(" ");
      const it = c.sk.items;
      let left: number | undefined;
      for (let k = cueItem - 1; k >= 0 && left === undefined; k--) {
        if (setsOf(c.cues).clauseBoundaries.has(it[k].word)) break;
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
export function splinterNoun(p: Pieces, c: RelationCues): Rule {
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
export function possessiveUnit(): Rule {
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
export function unitOf(): Rule {
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

export function orgVersus(p: Pieces, c: RelationCues, name: string, phrases: string[], type: RelationType): Rule {
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
export function alongWith(c: RelationCues): Rule {
  return {
    name: "along-with",
    re: reIndexed(`(?<cue>${alt(c.associatePhrases)})${slot("P", "b")}${END}`),
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
