import { test } from "node:test";
import assert from "node:assert/strict";
import { nameThresholds, parseNameThresholds } from "../../../src/extract/names/thresholds.js";

const VALID = { minConfidence: { oneWord: 0.2, longer: 0.15 }, overrule: { weak: 0.3, narrower: 0.5, contains: 0.3, retype: 0.6 } };

test("the shipped thresholds file loads and holds confidences in 0..1", () => {
  const t = nameThresholds();
  for (const v of [...Object.values(t.minConfidence), ...Object.values(t.overrule)]) assert.ok(v >= 0 && v <= 1, String(v));
});

test("a valid thresholds object is read field by field", () => {
  assert.deepEqual(parseNameThresholds({ ...VALID, _comment: "ignored" }), VALID);
});

const BAD: [string, unknown, RegExp][] = [
  ["not an object", 3, /expected an object/],
  ["a group missing", { minConfidence: VALID.minConfidence }, /"overrule" must be an object/],
  ["a field missing", { ...VALID, overrule: { weak: 0.3, narrower: 0.5, contains: 0.3 } }, /"overrule\.retype" must be a number in 0\.\.1/],
  ["a value above 1", { ...VALID, minConfidence: { oneWord: 1.5, longer: 0.1 } }, /"minConfidence\.oneWord"/],
  ["a string value", { ...VALID, minConfidence: { oneWord: "0.2", longer: 0.1 } }, /"minConfidence\.oneWord"/],
];

for (const [name, raw, message] of BAD) {
  test(`a thresholds file with ${name} is refused, naming the file`, () => {
    assert.throws(() => parseNameThresholds(raw, "names/thresholds.json"), (err: Error) => message.test(err.message) && err.message.startsWith("data/names/thresholds.json:"));
  });
}
