import { test } from "node:test";
import assert from "node:assert/strict";
import { toExample } from "../../../src/extract/tagger/train.js";
import { LABELS } from "../../../src/extract/tagger/decode.js";
import { assertScoresMatchTrainingFeatures, tinyExamples, tinyTagger, trainTinyBin } from "./tiny.js";

test("toExample re-tokenizes like the runtime and keeps gold spans", () => {
  const cases: { name: string; tokens: string[]; spans: { start: number; end: number; type: "person" | "organization" | "place" }[]; words: string[]; labels: string[] }[] = [
    {
      name: "plain",
      tokens: ["Omar", "went", "to", "Homs"],
      spans: [{ start: 0, end: 1, type: "person" }, { start: 3, end: 4, type: "place" }],
      words: ["Omar", "went", "to", "Homs"],
      labels: ["U-PER", "O", "O", "U-LOC"],
    },
    {
      name: "possessive split off a gold token",
      tokens: ["Russia's", "army", "of", "United", "Russia"],
      spans: [{ start: 0, end: 1, type: "place" }, { start: 3, end: 5, type: "organization" }],
      words: ["Russia", "'s", "army", "of", "United", "Russia"],
      labels: ["B-LOC", "L-LOC", "O", "O", "B-ORG", "L-ORG"],
    },
  ];
  for (const c of cases) {
    const ex = toExample({ doc: "d", tokens: c.tokens, spans: c.spans });
    assert.deepEqual(ex.words, c.words, c.name);
    assert.deepEqual([...ex.labels].map((y) => LABELS[y]), c.labels, c.name);
  }
});

test("a model trained on the tiny fixture tags its sentences right", () => {
  const tagger = tinyTagger();
  for (const ex of tinyExamples()) {
    const gold = [];
    for (let i = 0; i < ex.words.length; i++) gold.push(LABELS[ex.labels[i]]);
    const got = new Array<string>(ex.words.length).fill("O");
    for (const s of tagger.tag(ex.words)) {
      const t = { person: "PER", organization: "ORG", place: "LOC" }[s.type];
      if (s.end - s.start === 1) got[s.start] = `U-${t}`;
      else {
        got[s.start] = `B-${t}`;
        for (let i = s.start + 1; i < s.end - 1; i++) got[i] = `I-${t}`;
        got[s.end - 1] = `L-${t}`;
      }
      assert.ok(s.confidence > 0 && s.confidence < 1, `confidence ${s.confidence}`);
    }
    assert.deepEqual(got, gold, ex.words.join(" "));
  }
});

test("training is deterministic: same data → same bytes", () => {
  assert.ok(trainTinyBin().equals(trainTinyBin()));
});

test("runtime emissions (cached per word) equal the sum over the training features", () => {
  assertScoresMatchTrainingFeatures(tinyTagger(), [["John", "Smith", "visited", "Damascus", "."], ["Raqqa"], ["the", "Islamic", "State", "in", "Iraq", "and", "Syria", "."]]);
});
