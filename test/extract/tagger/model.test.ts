import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { loadTagger } from "../../../src/extract/tagger/index.js";
import { decodeWeights } from "../../../src/extract/tagger/model.js";
import { writeTinyModel } from "./tiny.js";

test("a good model file loads and tags", () => {
  const dir = writeTinyModel();
  try {
    const spans = loadTagger(dir).tag(["John", "Smith", "visited", "Damascus", "on", "Monday", "."]);
    assert.deepEqual(spans.map((s) => [s.start, s.end, s.type]), [[0, 2, "person"], [3, 4, "place"]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a missing or corrupt model file gives an error naming the file and the problem", () => {
  const cases: { name: string; damage: (dir: string) => void; file: string; problem: RegExp }[] = [
    { name: "missing weights", damage: (d) => rmSync(path.join(d, "ner.bin")), file: "ner.bin", problem: /cannot read tagger model weights \(ENOENT\)/ },
    { name: "missing metadata", damage: (d) => rmSync(path.join(d, "ner.json")), file: "ner.json", problem: /cannot read tagger model metadata \(ENOENT\)/ },
    { name: "metadata not JSON", damage: (d) => writeFileSync(path.join(d, "ner.json"), "{oops"), file: "ner.json", problem: /corrupt model metadata \(invalid JSON/ },
    { name: "wrong format", damage: (d) => writeFileSync(path.join(d, "ner.json"), "{}"), file: "ner.json", problem: /format is not/ },
    {
      name: "truncated weights",
      damage: (d) => writeFileSync(path.join(d, "ner.bin"), readFileSync(path.join(d, "ner.bin")).subarray(0, 100)),
      file: "ner.bin",
      problem: /corrupt model \(sha256 .* does not match/,
    },
    {
      name: "flipped byte",
      damage: (d) => {
        const b = readFileSync(path.join(d, "ner.bin"));
        b[b.length - 1] ^= 0xff;
        writeFileSync(path.join(d, "ner.bin"), b);
      },
      file: "ner.bin",
      problem: /corrupt model/,
    },
  ];
  for (const c of cases) {
    const dir = writeTinyModel();
    try {
      c.damage(dir);
      assert.throws(
        () => loadTagger(dir),
        (err: Error) => err.message.includes(path.join(dir, c.file)) && c.problem.test(err.message),
        c.name,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test("decodeWeights rejects inconsistent binaries", () => {
  const dir = writeTinyModel();
  const good = readFileSync(path.join(dir, "ner.bin"));
  rmSync(dir, { recursive: true, force: true });
  const cases: { name: string; buf: Buffer; problem: RegExp }[] = [
    { name: "too short", buf: good.subarray(0, 10), problem: /shorter than the header/ },
    { name: "bad magic", buf: Buffer.concat([Buffer.from("XXXX"), good.subarray(4)]), problem: /bad magic/ },
    { name: "wrong length", buf: good.subarray(0, good.length - 2), problem: /bytes, expected/ },
  ];
  for (const c of cases) assert.throws(() => decodeWeights(c.buf, "m.bin"), new RegExp(`^Error: m\\.bin: corrupt model \\(.*`), c.name);
  for (const c of cases) assert.throws(() => decodeWeights(c.buf, "m.bin"), c.problem, c.name);
});
