import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readColumns } from "../../../src/eval/datasets/index.js";
import { toExample, trainPerceptron, type TrainExample } from "../../../src/extract/tagger/train.js";
import assert from "node:assert/strict";
import { decodeWeights, encodeWeights, quantizedWeight, sha256 } from "../../../src/extract/tagger/model.js";
import { Tagger } from "../../../src/extract/tagger/tagger.js";
import { FEATURES_PER_TOKEN, sentenceFeatures } from "../../../src/extract/tagger/features.js";
import { NUM_LABELS } from "../../../src/extract/tagger/decode.js";

/** The tiny CrossNER-format training fixture. */
export const TINY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/tagger/tiny.txt");

export const TINY_BITS = 16;

export function tinyExamples(): TrainExample[] {
  return readColumns(readFileSync(TINY_FILE, "utf8"), "crossner", "tiny").map(toExample);
}

/** Model bytes trained on the fixture (no lexicon; fixed seed and epochs). */
export function trainTinyBin(): Buffer {
  const w = trainPerceptron(tinyExamples(), { bucketBits: TINY_BITS, epochs: 10, seed: 7 });
  return encodeWeights(w.dense, TINY_BITS, w.trans, 0);
}

export function tinyTagger(): Tagger {
  return new Tagger(decodeWeights(trainTinyBin(), "tiny"), undefined, 1);
}

/** Writes the fixture model as `ner.bin` + `ner.json` into a fresh temp folder and returns it. */
export function writeTinyModel(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tagger-test-"));
  const bin = trainTinyBin();
  writeFileSync(path.join(dir, "ner.bin"), bin);
  writeFileSync(
    path.join(dir, "ner.json"),
    JSON.stringify({ format: "newsgraph-ner/1", labels: [], bucketBits: TINY_BITS, binSha256: sha256(bin), lexicon: false, marginScale: 1 }),
  );
  return dir;
}

/** Asserts that the tagger's runtime emission scores equal the sum of its weights over the training features. */
export function assertScoresMatchTrainingFeatures(tagger: Tagger, sentences: readonly string[][]): void {
  const { scale, bucketBits } = tagger.model;
  for (const words of sentences) {
    const feats = new Int32Array(words.length * FEATURES_PER_TOKEN);
    sentenceFeatures(words, (1 << bucketBits) - 1, tagger.lexicon, new Map(), feats);
    const got = tagger.scores(words);
    for (let i = 0; i < words.length; i++) {
      for (let y = 0; y < NUM_LABELS; y++) {
        let want = 0;
        for (let k = 0; k < FEATURES_PER_TOKEN; k++) {
          const b = feats[i * FEATURES_PER_TOKEN + k];
          if (b >= 0) want += quantizedWeight(tagger.model, b, y) * scale;
        }
        assert.ok(Math.abs(got[i * NUM_LABELS + y] - want) < 1e-6, `${words.join(" ")}: token ${i} label ${y}`);
      }
    }
  }
}
