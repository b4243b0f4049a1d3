import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readColumns } from "../../../src/eval/datasets/index.js";
import { toExample, trainPerceptron, type TrainExample } from "../../../src/extract/tagger/train.js";
import { decodeWeights, encodeWeights, sha256 } from "../../../src/extract/tagger/model.js";
import { Tagger } from "../../../src/extract/tagger/tagger.js";

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
