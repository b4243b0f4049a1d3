import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { meanScore } from "../../src/cli/eval.js";
import { score } from "../../src/eval/score.js";
import type { Gold } from "../../src/eval/gold.js";

const TEXT = "Abu Omar joined ISIS in Raqqa.";
const gold: Gold = { entities: [{ type: "person", name: "Abu Omar" }, { type: "place", name: "Raqqa" }] };
const ent = (id: string, type: string, name: string) => ({ id, type, name, aliases: [], mentions: [] });
/** Both entities found: entity F1 1. */
const full = score(gold, { document: { text: TEXT }, entities: [ent("a", "person", "Abu Omar"), ent("b", "place", "Raqqa")] });
/** One found, one spurious: P 0.5, R 0.5. */
const half = score(gold, { document: { text: TEXT }, entities: [ent("a", "person", "Abou Omar"), ent("b", "organization", "Raqqa")] });

describe("meanScore", () => {
  const cases: [string, () => unknown, unknown][] = [
    ["averages F1 over files", () => meanScore([full, half]).layers.entities.f1, 0.75],
    ["averages precision over files", () => meanScore([full, half]).layers.entities.precision, 0.75],
    ["sums true positives", () => meanScore([full, half]).layers.entities.tp, 3],
    ["sums false positives", () => meanScore([full, half]).layers.entities.fp, 1],
    ["averages accuracies", () => meanScore([full, half]).layers.document.accuracy, 1],
    ["averages overall", () => meanScore([full, half]).overall, Math.round(((full.overall + half.overall) / 2) * 1000) / 1000],
    ["one file is its own mean", () => meanScore([half]).layers.entities, half.layers.entities],
  ];
  for (const [name, got, want] of cases) it(name, () => assert.deepEqual(got(), want));
});
