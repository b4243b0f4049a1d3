import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { InputError, readString, readText } from "../../src/read/index.js";
import { assertRegions } from "./regions.js";

const SEED = 20180503;
const PIECES = [
  "To view the original Arabic version of this item, please click here!", "By Staff reporter", "TranslationEditor: A B |",
  "Publication date: 2018/05/03 05:32", "BEIRUT (Reuters) -", "(Reporting by X Y; Editing by Z W)", "ADEN:", "Enab Baladi – Hassan Ibrahim",
  "<p>", "</article>", "<rss>", "{", "\n", "\r\n", "\n\n", " ", "\uFEFF", "\u200F", "\uD800", "a", "Title",
];
const texts = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 10 })), { maxLength: 30 }).map((xs) => xs.join(""));

test("regions stay consistent with the text on any input", () => {
  fc.assert(
    fc.property(texts, (text) => {
      const doc = readText(text);
      assert.equal(doc.text, text);
      assertRegions(text, doc.regions, JSON.stringify(text));
    }),
    { numRuns: 300, seed: SEED },
  );
});

test("any format reader either reads or throws InputError", () => {
  fc.assert(
    fc.property(texts, fc.constantFrom("a.txt", "a.html", "a.xml", "a.jsonl", "a.json", "a"), (text, file) => {
      try {
        for (const d of readString(text, { file })) assertRegions(d.text, d.regions, file);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
    }),
    { numRuns: 300, seed: SEED },
  );
});
