import { test } from "node:test";
import assert from "node:assert/strict";
import { WordHints } from "../../../src/extract/times/word-hints.js";

const hints = [/ago/i, /Jan|Mar/, /the\s+last/i];
const words = new WordHints(hints);
const has = (text: string, h: number) => ((words.bitsIn(text, 0, text.length) >>> words.bitOf[h]) & 1) === 1;

test("word hints: only plain word alternations get a bit", () => {
  assert.deepEqual(words.bitOf, [0, 1, -1]);
});

test("word hints: a hint word counts where it starts a run of ASCII letters", () => {
  assert.ok(has("two days AGO.", 0));
  assert.ok(has("since 3March", 1));
  assert.ok(has("Marches", 1));
  assert.ok(!has("in Chicago", 0));
  assert.ok(!has("OMar Street", 1));
});

test("word hints: case is folded only for an i hint", () => {
  assert.ok(!has("in mar", 1));
  assert.ok(!has("in MARCH", 1));
  assert.ok(has("in March", 1));
});

test("word hints: only the given range is read", () => {
  const text = "ago March";
  assert.equal(words.bitsIn(text, 4, text.length), 1 << words.bitOf[1]);
  assert.equal(words.bitsIn(text, 1, 3), 0);
});
