import { check, isStringArray, readDataJson } from "../../lexicon/load.js";

const FILE = "lexicons/relation-cues.json";

/** What a family word says about the named person relative to the possessor ("X's son Y": Y is X's child). */
export type Kin = "child" | "parent" | "sibling" | "spouse" | "relative";
const KINS: readonly Kin[] = ["child", "parent", "sibling", "spouse", "relative"];

/** Cue lists of `data/lexicons/relation-cues.json` (lower case; words of a phrase separated by one space). */
export interface RelationCues {
  leaderNouns: string[];
  /** Leader nouns that name the top post even without a determiner ("ISIS leader X"). */
  strongLeaderNouns: string[];
  memberNouns: string[];
  postNouns: string[];
  deputyNouns: string[];
  modifiers: string[];
  subordinateModifiers: string[];
  formerMarkers: string[];
  formerClauseOpeners: string[];
  copulas: string[];
  clauseBoundaries: string[];
  relativePronouns: string[];
  /** Words before a name that make it the object of a preposition, never a clause subject. */
  prepositions: string[];
  frontedOpeners: string[];
  negations: string[];
  family: Record<string, Kin>;
  familyModifiers: string[];
  haveVerbs: string[];
  namingWords: string[];
  leadVerbs: string[];
  ledByPhrases: string[];
  joinVerbs: string[];
  includeVerbs: string[];
  splitPhrases: string[];
  personLeavePhrases: string[];
  splinterNouns: string[];
  newGroupNouns: string[];
  /** Last words of an organization name that mark a unit of a larger one ("Sharia council"). */
  unitHeads: string[];
  opposePhrases: string[];
  allyPhrases: string[];
  associatePhrases: string[];
  auxiliaries: string[];
  placeClasses: string[];
  /** Place nouns of an apposition that puts a place inside another ("Manbij, a town in Aleppo governorate"). */
  containerClasses: string[];
  directionAdjectives: string[];
  /** Locational phrases between a place list and "in Z" ("near the border"). */
  nearPrepositions: string[];
  /** First words of a name that mark a woman or a man, so "his" and "her" skip the other. */
  femaleFirstWords: string[];
  maleFirstWords: string[];
  nominalHeads: string[];
  stopWords: string[];
}

const LIST_KEYS = [
  "leaderNouns", "strongLeaderNouns", "memberNouns", "postNouns", "deputyNouns", "modifiers", "subordinateModifiers", "formerMarkers",
  "formerClauseOpeners", "copulas", "clauseBoundaries", "relativePronouns", "prepositions", "frontedOpeners", "negations", "familyModifiers", "haveVerbs",
  "namingWords", "leadVerbs", "ledByPhrases", "joinVerbs", "includeVerbs", "splitPhrases", "personLeavePhrases",
  "splinterNouns", "newGroupNouns", "unitHeads", "opposePhrases", "allyPhrases", "associatePhrases", "auxiliaries", "placeClasses", "containerClasses",
  "containerClasses", "directionAdjectives", "nearPrepositions", "femaleFirstWords", "maleFirstWords", "nominalHeads", "stopWords",
] as const;

let cached: RelationCues | undefined;

/** Validates a parsed cue file; throws an error naming `data/<rel>` on the first problem. */
export function parseRelationCues(raw: unknown, rel = FILE): RelationCues {
  check(typeof raw === "object" && raw !== null && !Array.isArray(raw), rel, "expected an object");
  const obj = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const v = obj[key];
    check(isStringArray(v) && v.length > 0, rel, `\`${key}\` must be a non-empty list of strings`);
    check(v.every((w) => w.length > 0 && w === w.toLowerCase() && w.trim() === w), rel, `\`${key}\` entries must be trimmed lower case`);
    out[key] = v;
  }
  const fam = obj.family;
  check(typeof fam === "object" && fam !== null && !Array.isArray(fam), rel, "`family` must be an object word → kin");
  for (const [w, k] of Object.entries(fam as Record<string, unknown>)) {
    check(typeof k === "string" && (KINS as readonly string[]).includes(k), rel, `\`family.${w}\` must be one of ${KINS.join(", ")}`);
  }
  out.family = fam;
  return out as unknown as RelationCues;
}

/** The relation cues, loaded once per process. */
export function relationCues(): RelationCues {
  cached ??= parseRelationCues(readDataJson(FILE));
  return cached;
}
