import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { extract, type ExtractionResult } from "../../src/extract/index.js";
import { readDocuments } from "../../src/read/index.js";
import { ROOT, SHARED, badSpans, schemaErrors } from "../property/spans.js";

/** Every bundled article: the seed, the shared eval corpus and examples/. */
function articles(): string[] {
  const dirs: [string, (f: string) => boolean][] = [
    [path.join(SHARED, "seed"), (f) => f.endsWith(".txt")],
    [path.join(SHARED, "eval/corpus"), (f) => f.endsWith(".txt")],
    [path.join(ROOT, "examples"), (f) => !f.startsWith(".")],
  ];
  return dirs.flatMap(([dir, keep]) => (existsSync(dir) ? readdirSync(dir).filter(keep).sort().map((f) => path.join(dir, f)) : []));
}

/** A result that is valid: the seed's, serialised and read back as JSON. */
const seedResult = async (): Promise<ExtractionResult> => {
  const [raw] = await readDocuments(path.join(SHARED, "seed/000_cabcf89aa27defb8.txt"));
  return JSON.parse(JSON.stringify(extract(raw!))) as ExtractionResult;
};

describe("results validate against graph.schema.json", () => {
  it("finds the bundled articles", () => assert.ok(articles().length >= 4, articles().join(", ")));
  for (const file of articles()) {
    it(path.relative(path.dirname(ROOT), file), async () => {
      const docs = await readDocuments(file);
      assert.ok(docs.length >= 1);
      for (const raw of docs) {
        const result = JSON.parse(JSON.stringify(extract(raw))) as ExtractionResult;
        assert.deepEqual(schemaErrors(result), []);
        assert.deepEqual(badSpans(result, result.document.text), []);
        assert.equal(result.document.source?.file, file);
      }
    });
  }
});

describe("the schema check rejects broken results", () => {
  const breakages: [string, (r: ExtractionResult) => void][] = [
    ["no schemaVersion", (r) => delete (r as Partial<ExtractionResult>).schemaVersion],
    ["schemaVersion 2", (r) => ((r as { schemaVersion: number }).schemaVersion = 2)],
    ["publishedAt not ISO", (r) => (r.document.publishedAt = "03/05/2018")],
    ["entity of unknown type", (r) => r.entities.push({ id: "x", type: "vehicle" as "place", name: "Car", aliases: [], mentions: [] })],
    ["entity without a name", (r) => r.entities.push({ id: "x", type: "place", name: "", aliases: [], mentions: [] })],
    ["negative span start", (r) => r.entities.push({ id: "x", type: "place", name: "X", aliases: [], mentions: [{ start: -1, end: 2, text: "ab" }] })],
    ["time with an unknown precision", (r) => r.times.push({ text: "x", span: { start: 0, end: 1, text: "x" }, start: "2018", end: "2018", precision: "hour" as "day", approximate: false, relative: false, rule: "t" })],
    ["claims missing", (r) => delete (r as Partial<ExtractionResult>).claims],
  ];
  for (const [name, breakIt] of breakages) {
    it(name, async () => {
      const r = await seedResult();
      breakIt(r);
      assert.notDeepEqual(schemaErrors(r), []);
    });
  }
});

describe("the span check finds spans that do not quote the text", () => {
  const text = "Abu Omar met Layla.";
  const cases: [string, unknown, number][] = [
    ["exact spans pass", { entities: [{ mentions: [{ start: 0, end: 8, text: "Abu Omar" }] }] }, 0],
    ["shifted span", { entities: [{ mentions: [{ start: 1, end: 9, text: "Abu Omar" }] }] }, 1],
    ["span past the end", { events: [{ trigger: { start: 15, end: 30, text: "ayla." } }] }, 1],
    ["nested claim source span", { claims: [{ source: { text: "x", span: { start: 13, end: 18, text: "Layla" } } }] }, 0],
    ["nested wrong diagnostic span", { diagnostics: [{ span: { start: 0, end: 3, text: "abu" } }] }, 1],
  ];
  for (const [name, result, bad] of cases) it(name, () => assert.equal(badSpans(result, text).length, bad));
});
