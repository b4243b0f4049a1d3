/** The relation rules in the order they run, each behind its gate. */
import type { RelationCues } from "./cues.js";
import { deputyRules, familyRules } from "./family.js";
import {
  alongWith,
  groupIncludes,
  joined,
  leadVerb,
  ledBy,
  orgVersus,
  possessiveUnit,
  splinterNoun,
  splitFrom,
  unitOf,
} from "./groups.js";
import { gated, pieces, type Rule } from "./pattern.js";
import { countryPlace, demonymPlace, placeClass, placeIn } from "./places.js";
import { appositivePrenominal, oneOfPossessive, postOf, prenominalPost } from "./posts.js";

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
