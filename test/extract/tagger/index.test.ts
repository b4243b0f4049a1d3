import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc } from "../../../src/extract/pipeline.js";
import { tokenize } from "../../../src/extract/tokens/index.js";
import { readText } from "../../../src/read/index.js";
import { tagMentions } from "../../../src/extract/tagger/index.js";
import type { Region } from "../../../src/model.js";
import { tinyTagger } from "./tiny.js";

const tagger = tinyTagger();

function mentions(text: string, regions: Region[] = []) {
  const doc = createDoc({ ...readText(text), regions });
  tokenize(doc);
  return { doc, found: tagMentions(doc, tagger) };
}

test("tagMentions returns typed name mentions over doc tokens", () => {
  const text = "John Smith visited Damascus on Monday. Mary Jones met officials of the United Nations in Geneva.";
  const { doc, found } = mentions(text);
  assert.deepEqual(
    found.map((m) => [m.text, m.type]),
    [["John Smith", "person"], ["Damascus", "place"], ["Mary Jones", "person"], ["United Nations", "organization"], ["Geneva", "place"]],
  );
  for (const m of found) {
    assert.equal(m.text, doc.text.slice(m.start, m.end));
    assert.equal(m.rule, "tagger");
    assert.equal(m.form, "name");
    assert.ok(m.confidence > 0 && m.confidence < 1);
  }
  assert.equal(new Set(found.map((m) => m.id)).size, found.length);
  assert.equal(doc.mentions.length, 0, "does not add to doc.mentions");
});

test("tagMentions skips boilerplate and credit regions", () => {
  const text = "John Smith visited Damascus.\nTranslated by Mary Jones\nWe met in Geneva.";
  const credit = text.indexOf("Translated");
  const boiler = text.indexOf("We met");
  const cases: { name: string; regions: Region[]; want: string[] }[] = [
    { name: "no regions", regions: [], want: ["John Smith", "Damascus", "Mary Jones", "Geneva"] },
    {
      name: "credit and boilerplate",
      regions: [
        { kind: "credit", start: credit, end: boiler - 1 },
        { kind: "boilerplate", start: boiler, end: text.length },
      ],
      want: ["John Smith", "Damascus"],
    },
    { name: "body regions are tagged", regions: [{ kind: "body", start: 0, end: text.length }], want: ["John Smith", "Damascus", "Mary Jones", "Geneva"] },
  ];
  for (const c of cases) assert.deepEqual(mentions(text, c.regions).found.map((m) => m.text), c.want, c.name);
});
