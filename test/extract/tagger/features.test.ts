import { test } from "node:test";
import assert from "node:assert/strict";
import { sentenceCase } from "../../../src/extract/tagger/features.js";
import { readGum } from "../../../src/eval/datasets/gum.js";

test("sentenceCase classes whole-sentence casing", () => {
  assert.equal(sentenceCase("i am from mexico traveling to san francisco".split(" ")), 1);
  assert.equal(sentenceCase("WHO WANTS TO HELP UNITED WAY ?".split(" ")), 2);
  assert.equal(sentenceCase("Roadside IED Kills Russian Major General In Syria".split(" ")), 3);
  assert.equal(sentenceCase("Bush met Blair in London on Tuesday .".split(" ")), 0);
  assert.equal(sentenceCase("ok , 3 .".split(" ")), 0);
});

test("readGum keeps unlinked names, drops pronouns and possessive endings", () => {
  const rows = [
    ["Biologist", "_"],
    ["Nick", "(person-1"],
    ["Bos", "person-1)"],
    ["met", "_"],
    ["Byron", "(person-2-Lord_Byron"],
    ["'s", "person-2-Lord_Byron)"],
    ["friend", "_"],
    [".", "_"],
    ["His", "(person-2-Lord_Byron)"],
    ["mother", "_"],
    ["left", "_"],
    [".", "_"],
    ["Researchers", "(person-3)"],
    ["agreed", "_"],
    [".", "_"],
  ];
  const text = rows.map(([w, b], i) => `${i}\t${w}\t${b}`).join("\n");
  const spans = readGum(text, "t").flatMap((s) => s.spans.map((g) => s.tokens.slice(g.start, g.end).join(" ")));
  assert.deepEqual(spans, ["Nick Bos", "Byron"]);
});
