import type { Doc } from "../../model.js";
import { claimCues, type ClaimCues } from "../claims/lexicon.js";
import { lowered } from "../claims/sentences.js";
import type { Trigger } from "./triggers.js";

/** Words that open a new clause; the token itself belongs to the new clause. */
const CLAUSE_WORDS = new Set([
  ";", ":", "that", "which", "who", "whom", "whose", "where", "after", "before", "while", "when", "because",
  "although", "though", "since", "until", "but", "according", "whereas", "unless",
]);
/** Clause openers whose clause ends at the next comma ("After X announced Y, …"). */
export const SUBORDINATORS = new Set(["after", "before", "while", "when", "because", "although", "though", "since", "until", "if", "once", "unless", "as"]);
/** Bits of `clauseMarks`: the word opens a clause, the word is a reporting verb. */
const CLAUSE_WORD = 1;
const REPORTING_VERB = 2;
const clauseMarkMaps = new WeakMap<ClaimCues, Map<string, number>>();

/** Clause words and reporting verbs in one map (word → bits), so each token is looked up once. */
function clauseMarks(cues: ClaimCues): Map<string, number> {
  let marks = clauseMarkMaps.get(cues);
  if (!marks) {
    marks = new Map();
    for (const w of CLAUSE_WORDS) marks.set(w, CLAUSE_WORD);
    for (const w of cues.verbs.keys()) marks.set(w, (marks.get(w) ?? 0) | REPORTING_VERB);
    clauseMarkMaps.set(cues, marks);
  }
  return marks;
}

/** True when token j (its `clauseMarks` bits: `mark`) opens a clause: a clause word, or "as" after a comma. */
function isBoundary(L: string[], j: number, mark: number): boolean {
  return (mark & CLAUSE_WORD) !== 0 || ((L[j] ?? "") === "as" && (L[j - 1] ?? "") === ",");
}

/**
 * The clause of a trigger as token bounds [cs, ce) within its sentence, and the word that opened it.
 * Clauses end at clause words ("that", "which", "after", …) and reporting verbs; a clause opened by a
 * subordinator at the start of the sentence ("After X announced Y, …") also ends at its comma.
 */
export function clauseOf(doc: Doc, t: Trigger): { cs: number; ce: number; opener: string; subordinate: boolean } {
  const toks = doc.tokens;
  const L = lowered(toks);
  const { tokenStart: a, tokenEnd: b } = doc.sentences[t.sentence];
  const marks = clauseMarks(claimCues());
  let floor = a;
  if (SUBORDINATORS.has((L[a] ?? ""))) {
    for (let j = a + 1; j < t.k; j++) {
      if (toks[j].text === ",") {
        floor = j + 1;
        break;
      }
    }
  }
  let cs = floor;
  for (let j = t.k - 1; j >= floor; j--) {
    const mark = marks.get(L[j] ?? "") ?? 0;
    if (isBoundary(L, j, mark)) {
      cs = j + 1;
      break;
    }
    if ((mark & REPORTING_VERB) !== 0 && j > a) {
      cs = j + 1;
      break;
    }
  }
  const opener = cs > a ? (L[cs - 1] ?? "") : "";
  const fronted = cs - 1 === a || (cs - 2 === a && /^["“'‘(«]$/.test(toks[a].text));
  const subordinate = SUBORDINATORS.has(opener) && fronted;
  let ce = b;
  for (let j = t.kEnd; j < b; j++) {
    const mark = marks.get(L[j] ?? "") ?? 0;
    if (isBoundary(L, j, mark) || (subordinate && toks[j].text === ",") || ((mark & REPORTING_VERB) !== 0 && (L[j - 1] ?? "") !== "to")) {
      ce = j;
      break;
    }
  }
  return { cs, ce, opener, subordinate };
}

