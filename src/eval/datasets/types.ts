import type { EntityType } from "../../model.js";

/** A gold entity over tokens: token indices, half-open [start, end). */
export interface GoldSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** One gold sentence: tokens as written in the source file and the scored entity spans over them. */
export interface NerSentence {
  /** Document the sentence belongs to (held-out slices are cut by document). */
  doc: string;
  tokens: string[];
  /** Non-overlapping, sorted by start. */
  spans: GoldSpan[];
}

/** Maps a dataset's label (without B-/I- prefix) to one of our types, or undefined when it is not scored. */
export type LabelMap = (label: string) => EntityType | undefined;

/** PER/ORG/LOC (CoNLL-style labels, as in UNER, Wikigold and Re-DocRED); MISC and the rest are not scored. */
export const conllLabels: LabelMap = (label) =>
  label === "PER" ? "person" : label === "ORG" ? "organization" : label === "LOC" ? "place" : undefined;

const CROSSNER: Record<string, EntityType> = {
  person: "person",
  politician: "person",
  writer: "person",
  musicalartist: "person",
  scientist: "person",
  researcher: "person",
  organisation: "organization",
  politicalparty: "organization",
  band: "organization",
  university: "organization",
  country: "place",
  location: "place",
};

/** CrossNER fine-grained labels → our types (per shared/data/README.md); the rest are not scored. */
export const crossnerLabels: LabelMap = (label) => CROSSNER[label];

/**
 * Decodes a BIO/IOB1/IOB2 tag sequence into typed spans. Lenient: an `I-X` after `O` or after another
 * type starts a new entity (so IOB1 and IOB2 decode alike); `B-X` always starts one. Labels the map does
 * not know end the current entity and are dropped.
 */
export function decodeTags(tags: readonly string[], map: LabelMap): GoldSpan[] {
  const spans: GoldSpan[] = [];
  let curStart = -1;
  let curLabel = "";
  const flush = (end: number) => {
    if (curStart >= 0) {
      const type = map(curLabel);
      if (type) spans.push({ start: curStart, end, type });
    }
    curStart = -1;
    curLabel = "";
  };
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const m = /^([BIES])-(.+)$/.exec(tag);
    if (!m) {
      flush(i);
      continue;
    }
    const [, prefix, label] = m;
    if (prefix === "B" || prefix === "S" || curStart < 0 || label !== curLabel) {
      flush(i);
      curStart = i;
      curLabel = label;
    }
  }
  flush(tags.length);
  return spans;
}
