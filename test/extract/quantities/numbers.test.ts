import { test } from "node:test";
import assert from "node:assert/strict";
import { digitsValue, wordsValue } from "../../../src/extract/quantities/numbers.js";
import { readLexicon, record, stringList } from "../../../src/extract/quantities/lexicon.js";

const WORDS: [string, number | null][] = [
  ["four", 4],
  ["twelve", 12],
  ["twenty-five", 25],
  ["twenty five", 25],
  ["two hundred", 200],
  ["two hundred and fifty", 250],
  ["a hundred", 100],
  ["a dozen", 12],
  ["two dozen", 24],
  ["three thousand five hundred", 3500],
  ["hundred", null],
  ["dozen", null],
  ["five-twenty", null],
  ["al-hadrami", null],
  ["and", null],
];

for (const [words, value] of WORDS) {
  test(`wordsValue("${words}") = ${value}`, () => assert.equal(wordsValue(words.split(" ")), value));
}

const DIGITS: [string, number | null][] = [
  ["12", 12],
  ["1,200", 1200],
  ["45,745", 45745],
  ["3.5", 3.5],
  ["05:32", null],
  ["1,20", null],
];

for (const [text, value] of DIGITS) {
  test(`digitsValue("${text}") = ${value}`, () => assert.equal(digitsValue(text), value));
}

test("lexicon loading names the file when it is missing", () => {
  assert.throws(() => readLexicon("lexicons/no-such-file.json"), /data\/lexicons\/no-such-file\.json/);
});

test("lexicon validation names the file and the key", () => {
  assert.throws(() => stringList({ words: [1] }, "words", "lexicons/x.json"), /data\/lexicons\/x\.json: `words`/);
  assert.throws(() => record({ m: { a: "b" } }, "m", "lexicons/x.json", (v) => typeof v === "number", "numbers"), /data\/lexicons\/x\.json: `m` must map words to numbers/);
});
