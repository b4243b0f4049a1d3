import type { ClaimModality } from "../../model.js";
import { check, isStringArray, readDataJson } from "../../lexicon/load.js";

const FILE = "lexicons/claim-cues.json";
const MODALITIES = new Set<ClaimModality>(["reported", "claimed", "confirmed", "denied", "alleged", "accused"]);

/** Cue words of the claims stage, from `data/lexicons/claim-cues.json`. */
export interface ClaimCues {
  verbs: Map<string, ClaimModality>;
  /** Multi-word cues before a source, as lower-cased word lists with their modality. */
  according: { words: string[]; modality: ClaimModality }[];
  anonymousHeads: Set<string>;
  documentHeads: Set<string>;
  mediaHeads: Set<string>;
  organizationHeads: Set<string>;
  /** Lower-cased outlet names. */
  mediaNames: string[];
  frontedStarts: Set<string>;
  trailingAux: Set<string>;
  carry: Set<string>;
  postModifiers: Set<string>;
  /** Lower-cased word lists ("audio recording"). */
  documentPhrases: string[][];
  needsThat: Set<string>;
  subordinators: Set<string>;
  finiteVerbs: Set<string>;
}

let cache: ClaimCues | undefined;

function modalityMap(x: unknown, key: string): Map<string, ClaimModality> {
  check(typeof x === "object" && x !== null && !Array.isArray(x), FILE, `\`${key}\` must be an object`);
  const out = new Map<string, ClaimModality>();
  for (const [w, m] of Object.entries(x as Record<string, unknown>)) {
    check(typeof m === "string" && MODALITIES.has(m as ClaimModality), FILE, `\`${key}.${w}\` must be a claim modality`);
    out.set(w.toLowerCase(), m as ClaimModality);
  }
  return out;
}

function words(raw: Record<string, unknown>, key: string): string[] {
  const x = raw[key];
  check(isStringArray(x), FILE, `\`${key}\` must be a list of strings`);
  return x.map((w) => w.toLowerCase());
}

/** Loads and validates the claim cues once per process. */
export function claimCues(): ClaimCues {
  if (cache) return cache;
  const raw = readDataJson(FILE);
  check(typeof raw === "object" && raw !== null, FILE, "must be an object");
  const r = raw as Record<string, unknown>;
  cache = {
    verbs: modalityMap(r.verbs, "verbs"),
    according: [...modalityMap(r.according, "according")].map(([w, modality]) => ({ words: w.split(/\s+/), modality })),
    anonymousHeads: new Set(words(r, "anonymousHeads")),
    documentHeads: new Set(words(r, "documentHeads")),
    mediaHeads: new Set(words(r, "mediaHeads")),
    organizationHeads: new Set(words(r, "organizationHeads")),
    mediaNames: words(r, "mediaNames"),
    frontedStarts: new Set(words(r, "frontedStarts")),
    trailingAux: new Set(words(r, "trailingAux")),
    carry: new Set(words(r, "carry")),
    postModifiers: new Set(words(r, "postModifiers")),
    documentPhrases: words(r, "documentPhrases").map((p) => p.split(/\s+/)),
    needsThat: new Set(words(r, "needsThat")),
    subordinators: new Set(words(r, "subordinators")),
    finiteVerbs: new Set(words(r, "finiteVerbs")),
  };
  return cache;
}
