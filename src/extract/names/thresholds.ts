import { check, readDataJson } from "../../lexicon/load.js";

/**
 * Confidences (tagger units, 0..1) at which the names refiners trust the statistical tagger against the rule
 * recognizers. Chosen on held-out folds of the training data by `scripts/tune-names.ts`, stored in
 * `data/names/thresholds.json`.
 */
export interface NameThresholds {
  /** A tagger candidate below this confidence is dropped: one-word spans, spans of two words or more. */
  minConfidence: { oneWord: number; longer: number };
  /**
   * A tagger candidate at or above these confidences overrules an overlapping rule candidate: `weak` a weak
   * rule's, `narrower` a weak rule's span that it lies strictly inside, `contains` a strong non-grammar rule's
   * span it contains; below `retype` it does not change the type a cue word gave.
   */
  overrule: { weak: number; narrower: number; contains: number; retype: number };
}

const FILE = "names/thresholds.json";

const isUnit = (x: unknown): x is number => typeof x === "number" && x >= 0 && x <= 1;

/** Validates a thresholds object read from `rel`; throws naming the file and the bad field. */
export function parseNameThresholds(raw: unknown, rel = FILE): NameThresholds {
  const o = raw as Partial<Record<keyof NameThresholds, Record<string, unknown>>> | null;
  check(!!o && typeof o === "object", rel, "expected an object");
  const read = <K extends string>(group: keyof NameThresholds, keys: readonly K[]): Record<K, number> => {
    const g = o[group];
    check(!!g && typeof g === "object", rel, `"${group}" must be an object`);
    const out = {} as Record<K, number>;
    for (const k of keys) {
      const v = g[k];
      check(isUnit(v), rel, `"${group}.${k}" must be a number in 0..1`);
      out[k] = v;
    }
    return out;
  };
  return {
    minConfidence: read("minConfidence", ["oneWord", "longer"] as const),
    overrule: read("overrule", ["weak", "narrower", "contains", "retype"] as const),
  };
}

let loaded: NameThresholds | undefined;
let override: NameThresholds | undefined;

/** The thresholds in force: an override set by `setNameThresholds`, else the shipped file (loaded once). */
export function nameThresholds(): NameThresholds {
  if (override) return override;
  loaded ??= parseNameThresholds(readDataJson(FILE));
  return loaded;
}

/** Makes the refiners use `t` (for held-out tuning); undefined restores the shipped thresholds. */
export function setNameThresholds(t: NameThresholds | undefined): void {
  override = t;
}
