/** Family rules ("he had a daughter called Y", "his brother Y") and deputies ("his deputy, Y"). */
import type { RelationType } from "../../model.js";
import type { Kin, RelationCues } from "./cues.js";
import {
  slotNo,
  firstItem,
  lastItem,
  words,
  slotEntity,
  itemOfSlot,
  evidence,
  singularNoun,
  coordinated,
} from "./context.js";
import { alt, slot, POSS, END_OBJ, re, type SentCtx, type Rule, type Pieces } from "./pattern.js";

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

export function familyRules(p: Pieces, c: RelationCues): Rule[] {
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

export function deputyRules(p: Pieces, c: RelationCues): Rule[] {
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
