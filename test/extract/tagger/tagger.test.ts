import { test } from "node:test";
import assert from "node:assert/strict";
import { Tagger, loadTagger } from "../../../src/extract/tagger/index.js";
import { assertScoresMatchTrainingFeatures, tinyExamples, tinyTagger } from "./tiny.js";

/** Sentences with repeated words and multi-word lexicon names. */
const LEXICON_SENTENCES = [
  "John Smith of the United Nations visited New York and Damascus .",
  "UN ENVOY MEETS SYRIAN OFFICIALS IN DAMASCUS",
  "Roadside Bomb Kills Five In Deir Ez-Zor Province",
  "the islamic state said on monday it attacked al-raqqa .",
  "The United Nations and the United States met in New York , United States .",
].map((s) => s.split(" "));

test("the word store and lookup tables stay within their limits and never change the results", () => {
  const limits = { words: 8, pairs: 6, windows: 3 };
  const cases = [
    { name: "tiny model", free: tinyTagger(), sentences: tinyExamples().map((ex) => ex.words) },
    { name: "shipped model with lexicon", free: loadTagger(), sentences: [...LEXICON_SENTENCES, ...tinyExamples().slice(0, 20).map((ex) => ex.words)] },
  ];
  for (const { name, free, sentences } of cases) {
    const bounded = new Tagger(free.model, free.lexicon, free.marginScale, limits);
    assert.ok(sentences.length > 5);
    for (let round = 0; round < 2; round++) {
      for (const words of sentences) {
        const what = `${name}: ${words.join(" ")}`;
        assert.deepEqual(bounded.scores(words), free.scores(words), what);
        assert.deepEqual(bounded.tag(words), free.tag(words), what);
        const held = bounded.cacheSize;
        assert.ok(held.words <= Math.max(limits.words, words.length + 2), `${what}: ${held.words} word types held`);
        assert.ok(held.pairs <= Math.max(limits.pairs, words.length + 1), `${what}: ${held.pairs} pairs held`);
        assert.ok(held.windows <= Math.max(limits.windows, words.length), `${what}: ${held.windows} windows held`);
      }
    }
  }
});

test("runtime emissions with the lexicon equal the sum over the training features", () => {
  assertScoresMatchTrainingFeatures(loadTagger(), LEXICON_SENTENCES);
});
