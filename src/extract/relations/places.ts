/** Place containment rules: "the towns of A and B in Z", "the Iraqi city of Mosul", "Syria's Idlib". */
import { lookupCountry } from "../../lexicon/countries.js";
import type { RelationCues } from "./cues.js";
import {
  slotNo,
  firstItem,
  lastItem,
  slotEntity,
  itemOfSlot,
  evidence,
  isCountry,
} from "./context.js";
import { alt, slot, POSS, END, re, type SentCtx, type Rule, type Pieces } from "./pattern.js";

/**
 * "the towns of A, B, and C near the border in Idlib", "Jarablus, in the eastern
 * countryside of Deir ez-Zor" → each listed place located_in the last one. Countries are never contained.
 */
export function placeIn(p: Pieces): Rule {
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
 * "Manbij, a town in eastern Aleppo", "Damascus, the capital of Syria". ("the A district of B" is left
 * out: "the Wellington suburb of Miramar" reads the other way round.)
 */
export function placeClass(p: Pieces, c: RelationCues): Rule {
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
export function demonymPlace(p: Pieces): Rule {
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
export function countryPlace(p: Pieces): Rule[] {
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
