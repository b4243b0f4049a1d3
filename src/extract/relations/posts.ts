/** Post rules: "a member of X", "the commander of X", "an official of Y governorate", "ISIS' leader, Z". */
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
  clauseSubject,
  formerClause,
  possessiveHead,
  coordinated,
  singularNoun,
  setsOf,
} from "./context.js";
import { alt, slot, POSS, END, END_OBJ, re, type SentCtx, type Rule, type Pieces } from "./pattern.js";
import { isPossessor, type SlotKind } from "./sketch.js";

type Post = { type: RelationType; role?: string } | undefined;

/**
 * What a post noun with its determiner and modifiers says about an organization or a place: a definite,
 * singular leader noun names the leader ("the commander of the brigades"), an indefinite one or "one of
 * the leaders" a member; a post of a place, or an office that is neither ("the minister of defence"), is
 * `holds_position`.
 */
function postMeaning(c: SentCtx, det: string, mods: string[], noun: string, objKind: SlotKind): Post {
  const cues = setsOf(c.cues);
  const sub = mods.filter((w) => cues.subordinateModifiers.has(w));
  const role = [...sub, singularNoun(noun)].join(" ");
  const plural = singularNoun(noun) !== noun;
  if (objKind === "L") {
    return cues.postNouns.has(noun) ? { type: "holds_position", role } : undefined;
  }
  const indefinite = det === "a" || det === "an" || det.startsWith("one");
  if (cues.leaderNouns.has(noun) && sub.length === 0 && !plural && !indefinite) return { type: "leader_of", role };
  if (cues.memberNouns.has(noun) || cues.leaderNouns.has(noun)) {
    return { type: "member_of", role: role === "member" ? undefined : role };
  }
  if (cues.postNouns.has(noun)) return { type: "holds_position", role };
  return undefined;
}

const copulaLists = new WeakMap<RelationCues, string[][]>();

/** The copulas of `cues` as word lists (split once per cue object). */
function copulaWords(cues: RelationCues): string[][] {
  let lists = copulaLists.get(cues);
  if (!lists) {
    lists = cues.copulas.map((cop) => cop.split(" "));
    copulaLists.set(cues, lists);
  }
  return lists;
}

/** The subject of a post phrase starting at item `i`: an apposition, a copula's clause subject, or a coordination. */
function postSubject(c: SentCtx, i: number): { slot: number; how: "appositive" | "copular" | "coordinated" } | undefined {
  const it = c.sk.items;
  if (it[i - 1]?.word === "," && it[i - 2]?.slot !== undefined && !isPossessor(c.sk, i - 2)) {
    return { slot: it[i - 2].slot!, how: "appositive" };
  }
  for (const w of copulaWords(c.cues)) {
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

/** True when one of the three items before `i` marks a former post ("ex-", "formerly"). */
function copulaFormer(c: SentCtx, i: number): boolean {
  const formerMarkers = setsOf(c.cues).formerMarkers;
  for (let k = Math.max(0, i - 3); k < i; k++) if (formerMarkers.has(c.sk.items[k].word)) return true;
  return false;
}

export function postOf(p: Pieces, c: RelationCues): Rule {
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
        mods.some((w) => setsOf(c.cues).formerMarkers.has(w)) || copulaFormer(c, start) || formerClause(c, start);
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
export function oneOfPossessive(p: Pieces, c: RelationCues): Rule {
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

/** "ISIS' leader, Abu X al-Y", "Liwa al-Quds's leader, X", "ISIS leader X", "SDF commander X". */
export function prenominalPost(p: Pieces, c: RelationCues): Rule {
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
export function appositivePrenominal(p: Pieces, c: RelationCues): Rule {
  const nouns = alt([...c.leaderNouns, ...c.memberNouns]);
  return {
    name: "appositive-prenominal",
    re: re(`${slot("P", "p")} ,(?<det> a| an| the)?(?<mods>${p.mods}*)${slot("O", "org")}(?<poss>${POSS})?(?<mods2>${p.mods}*)(?<noun>${nouns})(?: (?:of|in)(?: the)?${slot("L", "place")})?(?= )(?! of | 's | ' | <P)`),
    apply(m, c) {
      const mods = [...words(c, m, "mods"), ...words(c, m, "mods2")];
      const place = slotNo(m, "place");
      const noun = words(c, m, "noun").join(" ");
      const det = words(c, m, "det").join(" ");
      const definite = det === "the" || m.groups?.poss !== undefined;
      const sub = mods.filter((w) => c.cues.subordinateModifiers.includes(w));
      const plural = singularNoun(noun) !== noun;
      const leader = definite && sub.length === 0 && !plural && place === undefined && c.cues.leaderNouns.includes(noun);
      const role = [...sub, singularNoun(noun)].join(" ");
      const status = mods.some((w) => c.cues.formerMarkers.includes(w)) ? "former" : undefined;
      const person = slotEntity(c, slotNo(m, "p")!);
      const ev = evidence(c, firstItem(c, m), lastItem(c, m));
      const rule = "relations/appositive-prenominal";
      c.emit.add({
        type: leader ? "leader_of" : "member_of",
        subject: person,
        object: slotEntity(c, slotNo(m, "org")!),
        rule,
        evidence: ev,
        role: role === "member" ? undefined : role,
        status,
      });
      // "X, the ISIS emir of Raqqa": the post is over the place
      if (place !== undefined && c.cues.postNouns.includes(noun)) {
        c.emit.add({ type: "holds_position", subject: person, object: slotEntity(c, place), rule, evidence: ev, role, status });
      }
    },
  };
}
