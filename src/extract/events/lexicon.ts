import type { EventType } from "../../model.js";
import { check, isStringArray, readDataJson } from "../../lexicon/load.js";

const FILE = "lexicons/event-triggers.json";
const TYPES = new Set<EventType>([
  "armed_clash", "attack", "explosion", "killing", "arrest", "defection", "group_change", "agreement", "withdrawal",
  "territory_change", "military_operation", "announcement", "recruitment", "protest", "other",
]);

/** One trigger class of `data/lexicons/event-triggers.json`. */
export interface TriggerClass {
  type: EventType;
  /** Count word for a number that is the trigger's object or passive subject ("killed"). */
  count?: string;
  prevAny?: Set<string>;
  nextAny?: Set<string>;
  blockNext?: Set<string>;
  objectPlaceType?: EventType;
  needsPlace: boolean;
  needsVictim: boolean;
  /** Killed or wounded people: in a sentence with a fight, they are that fight's counts. */
  casualty: boolean;
  intransitive: Set<string>;
}

/** A trigger form (lower-cased words) and what it is. */
export interface TriggerForm {
  words: string[];
  /** `words` joined by single spaces. */
  text: string;
  pos: "verb" | "noun";
  cls: TriggerClass;
  /** True when the same words are also a noun form of the same class (a verb form that may be a noun). */
  alsoNoun: boolean;
}

/** A verb + noun combination ("launched … operation"). */
export interface Combo {
  verbs: Set<string>;
  nouns: Set<string>;
  window: number;
}

export interface EventLexicon {
  /** Forms by their first word, longest first. */
  forms: Map<string, TriggerForm[]>;
  operation: Combo;
  founding: Combo;
  determiners: Set<string>;
  quantifiers: Set<string>;
  anaphoric: Set<string>;
  adjectivalHeads: Set<string>;
  nonHappening: string[][];
  negation: string[][];
  attempted: string[][];
  planned: string[][];
  hypothetical: string[][];
  countUnits: Map<string, string>;
}

let cache: EventLexicon | undefined;

function list(r: Record<string, unknown>, key: string, where = key): string[] {
  const x = r[key];
  check(isStringArray(x), FILE, `\`${where}\` must be a list of strings`);
  return x.map((w) => w.toLowerCase());
}

function optSet(r: Record<string, unknown>, key: string, where: string): Set<string> | undefined {
  return r[key] === undefined ? undefined : new Set(list(r, key, where));
}

function combo(x: unknown, key: string): Combo {
  check(typeof x === "object" && x !== null, FILE, `\`${key}\` must be an object`);
  const r = x as Record<string, unknown>;
  check(typeof r.window === "number" && r.window > 0, FILE, `\`${key}.window\` must be a positive number`);
  return { verbs: new Set(list(r, "verbs", `${key}.verbs`)), nouns: new Set(list(r, "nouns", `${key}.nouns`)), window: r.window };
}

/** Loads and validates the trigger lexicon once per process. */
export function eventLexicon(): EventLexicon {
  if (cache) return cache;
  const raw = readDataJson(FILE);
  check(typeof raw === "object" && raw !== null, FILE, "must be an object");
  const r = raw as Record<string, unknown>;
  check(Array.isArray(r.triggers), FILE, "`triggers` must be a list");
  const forms = new Map<string, TriggerForm[]>();
  (r.triggers as unknown[]).forEach((t, i) => {
    check(typeof t === "object" && t !== null, FILE, `\`triggers[${i}]\` must be an object`);
    const e = t as Record<string, unknown>;
    check(typeof e.type === "string" && TYPES.has(e.type as EventType), FILE, `\`triggers[${i}].type\` must be an event type`);
    check(e.count === undefined || typeof e.count === "string", FILE, `\`triggers[${i}].count\` must be a string`);
    check(e.objectPlaceType === undefined || TYPES.has(e.objectPlaceType as EventType), FILE, `\`triggers[${i}].objectPlaceType\` must be an event type`);
    const cls: TriggerClass = {
      type: e.type as EventType,
      count: e.count as string | undefined,
      prevAny: optSet(e, "prevAny", `triggers[${i}].prevAny`),
      nextAny: optSet(e, "nextAny", `triggers[${i}].nextAny`),
      blockNext: optSet(e, "blockNext", `triggers[${i}].blockNext`),
      objectPlaceType: e.objectPlaceType as EventType | undefined,
      needsPlace: e.needsPlace === true,
      needsVictim: e.needsVictim === true,
      casualty: e.casualty === true,
      intransitive: optSet(e, "intransitive", `triggers[${i}].intransitive`) ?? new Set(),
    };
    for (const pos of ["verb", "noun"] as const) {
      for (const f of list(e, `${pos}s`, `triggers[${i}].${pos}s`)) {
        const words = f.split(/\s+/);
        const at = forms.get(words[0]) ?? [];
        at.push({ words, text: words.join(" "), pos, cls, alsoNoun: false });
        forms.set(words[0], at);
      }
    }
  });
  for (const at of forms.values()) at.sort((x, y) => y.words.length - x.words.length);
  for (const at of forms.values()) {
    for (const f of at) f.alsoNoun = at.some((x) => x.pos === "noun" && x.cls === f.cls && x.text === f.text);
  }
  const phrases = (key: string) => list(r, key).map((p) => p.split(/\s+/));
  check(typeof r.countUnits === "object" && r.countUnits !== null, FILE, "`countUnits` must be an object");
  const countUnits = new Map<string, string>();
  for (const [k, v] of Object.entries(r.countUnits as Record<string, unknown>)) {
    check(typeof v === "string", FILE, `\`countUnits.${k}\` must be a string`);
    countUnits.set(k.toLowerCase(), v);
  }
  cache = {
    forms,
    operation: combo(r.operation, "operation"),
    founding: combo(r.founding, "founding"),
    determiners: new Set(list(r, "determiners")),
    quantifiers: new Set(list(r, "quantifiers")),
    anaphoric: new Set(list(r, "anaphoric")),
    adjectivalHeads: new Set(list(r, "adjectivalHeads")),
    nonHappening: phrases("nonHappening"),
    negation: phrases("negation"),
    attempted: phrases("attempted"),
    planned: phrases("planned"),
    hypothetical: phrases("hypothetical"),
    countUnits,
  };
  return cache;
}
