import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildText, formatConllScore, scoreConll } from "../../src/eval/conll.js";
import { TINY_FILE, tinyTagger } from "../extract/tagger/tiny.js";

/** Two CrossNER sentences: gold = Omar Aziz (person), Homs (place), Ankara (place); "Syrian" is misc. */
const CROSSNER = "Omar\tB-person\nAziz\tI-person\nleft\tO\nHoms\tB-location\n.\tO\n\nSyrian\tB-misc\ntroops\tO\nreached\tO\nAnkara\tB-country\n.\tO\n";

function withFile(text: string, run: (file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "conll-"));
  const file = path.join(dir, "sample.txt");
  writeFileSync(file, text);
  return run(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test("buildText joins tokens with spaces and keeps gold char offsets", () => {
  const built = buildText([
    { doc: "d", tokens: ["Omar", "Aziz", "left", "Homs"], spans: [{ start: 0, end: 2, type: "person" }, { start: 3, end: 4, type: "place" }] },
    { doc: "d", tokens: ["In", "Ankara"], spans: [{ start: 1, end: 2, type: "place" }] },
  ]);
  assert.equal(built.text, "Omar Aziz left Homs\n\nIn Ankara");
  assert.deepEqual(built.gold.map((g) => built.text.slice(g.start, g.end)), ["Omar Aziz", "Homs", "Ankara"]);
});

test("scoreConll compares exact char spans per type (known answer)", async () => {
  await withFile(CROSSNER, async (file) => {
    // One exact hit (Omar Aziz), one wrong boundary (Hom), one wrong type (Ankara as person), one extra (troops).
    const predict = (text: string) => {
      const at = (s: string) => text.indexOf(s);
      if (text.startsWith("Omar")) return [
        { start: 0, end: 9, type: "person" as const },
        { start: at("Homs"), end: at("Homs") + 3, type: "place" as const },
      ];
      return [
        { start: at("Ankara"), end: at("Ankara") + 6, type: "person" as const },
        { start: at("troops"), end: at("troops") + 6, type: "organization" as const },
      ];
    };
    const s = await scoreConll(file, { predict });
    assert.equal(s.format, "crossner");
    assert.equal(s.documents, 2);
    assert.deepEqual([s.micro.tp, s.micro.fp, s.micro.fn], [1, 3, 2]);
    assert.equal(s.micro.precision, 0.25);
    assert.ok(Math.abs(s.micro.recall - 1 / 3) < 1e-9);
    assert.deepEqual([s.byType.person.tp, s.byType.person.fp, s.byType.person.fn], [1, 1, 0]);
    assert.deepEqual([s.byType.place.tp, s.byType.place.fp, s.byType.place.fn], [0, 1, 2]);
    assert.deepEqual([s.byType.organization.fp, s.byType.organization.gold], [1, 0]);
    assert.match(formatConllScore(s), /micro\s+25\.0\s+33\.3\s+28\.6\s+3\s+4\s+1/);
  });
});

test("scoreConll with the tagger layer scores a model on its own training fixture", async () => {
  const s = await scoreConll(TINY_FILE, { layer: "tagger", tagger: tinyTagger() });
  assert.equal(s.layer, "tagger");
  assert.equal(s.sentences, 6);
  assert.equal(s.micro.gold, 14);
  assert.equal(s.micro.f1, 1);
});

test("scoreConll groups IOB2 sentences by document", async () => {
  const iob2 = "# newdoc id = a\n# text = Omar left\n1\tOmar\tB-PER\t-\t-\n2\tleft\tO\t-\t-\n\n# text = Homs\n1\tHoms\tB-LOC\t-\t-\n\n# newdoc id = b\n1\tParis\tB-LOC\t-\t-\n";
  await withFile(iob2, async (file) => {
    const texts: string[] = [];
    const s = await scoreConll(file, { predict: (t) => (texts.push(t), []) });
    assert.equal(s.format, "iob2");
    assert.deepEqual(texts, ["Omar left\n\nHoms", "Paris"]);
    assert.deepEqual([s.documents, s.sentences, s.micro.fn], [2, 3, 3]);
  });
});
