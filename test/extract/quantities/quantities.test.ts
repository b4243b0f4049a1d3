import { test } from "node:test";
import assert from "node:assert/strict";
import { findTimes } from "../../../src/extract/times/index.js";
import { findQuantities } from "../../../src/extract/quantities/index.js";
import type { Doc, Region } from "../../../src/model.js";
import { tokenizedDoc } from "../times/helpers.js";

function run(text: string, regions: Region[] = []): Doc {
  const doc = tokenizedDoc(text, "2018-05-03T05:32", regions);
  findTimes(doc);
  findQuantities(doc);
  return doc;
}

/** [sentence, span text, value, qualifier, unit ("" for none), rule] */
const CASES: [string, string, number, string, string, string][] = [
  ["About 80 fighters followed him at the start.", "About 80 fighters", 80, "about", "fighters", "quantities/counted"],
  ["The group expanded to include more than 200 fighters.", "more than 200 fighters", 200, "more_than", "fighters", "quantities/counted"],
  ["At least 12 civilians were killed.", "At least 12 civilians", 12, "at_least", "civilians", "quantities/counted"],
  ["Nearly 40 people fled.", "Nearly 40 people", 40, "about", "people", "quantities/counted"],
  ["Almost 30 people fled.", "Almost 30 people", 30, "about", "people", "quantities/counted"],
  ["Around 30 people fled.", "Around 30 people", 30, "about", "people", "quantities/counted"],
  ["Approximately 30 people fled.", "Approximately 30 people", 30, "about", "people", "quantities/counted"],
  ["Roughly 30 people fled.", "Roughly 30 people", 30, "about", "people", "quantities/counted"],
  ["Some 30 people fled.", "Some 30 people", 30, "about", "people", "quantities/counted"],
  ["An estimated 3,000 people fled.", "An estimated 3,000 people", 3000, "about", "people", "quantities/counted"],
  ["Over 1,200 people fled.", "Over 1,200 people", 1200, "more_than", "people", "quantities/counted"],
  ["Upwards of 50 soldiers deserted.", "Upwards of 50 soldiers", 50, "more_than", "soldiers", "quantities/counted"],
  ["Fewer than 10 fighters remain.", "Fewer than 10 fighters", 10, "less_than", "fighters", "quantities/counted"],
  ["Less than 10 fighters remain.", "Less than 10 fighters", 10, "less_than", "fighters", "quantities/counted"],
  ["Under 10 fighters remain.", "Under 10 fighters", 10, "less_than", "fighters", "quantities/counted"],
  ["Up to 15 fighters remain.", "Up to 15 fighters", 15, "at_most", "fighters", "quantities/counted"],
  ["At most 15 fighters remain.", "At most 15 fighters", 15, "at_most", "fighters", "quantities/counted"],
  ["No more than 15 fighters remain.", "No more than 15 fighters", 15, "at_most", "fighters", "quantities/counted"],
  ["He supervised four training camps in Mosul.", "four training camps", 4, "exact", "camps", "quantities/counted"],
  ["He lost three of his sons in the battles.", "three of his sons", 3, "exact", "sons", "quantities/partitive"],
  ["They arrested him and killed four others.", "four others", 4, "exact", "others", "quantities/counted"],
  ["ISIS arrested about 65 more defected members.", "about 65 more defected members", 65, "about", "members", "quantities/counted"],
  ["Nine members of the Nour Brigades were killed.", "Nine members", 9, "exact", "members", "quantities/counted"],
  ["Seven fighters were killed and 12 others were arrested.", "12 others", 12, "exact", "others", "quantities/counted"],
  ["Seven fighters were killed and 12 others were arrested.", "Seven fighters", 7, "exact", "fighters", "quantities/counted"],
  ["They released four of the detained fighters.", "four of the detained fighters", 4, "exact", "fighters", "quantities/partitive"],
  ["They deployed twelve tanks.", "twelve tanks", 12, "exact", "tanks", "quantities/counted"],
  ["They deployed two hundred vehicles.", "two hundred vehicles", 200, "exact", "vehicles", "quantities/counted"],
  ["They deployed twenty-five vehicles.", "twenty-five vehicles", 25, "exact", "vehicles", "quantities/counted"],
  ["They deployed a dozen vehicles.", "a dozen vehicles", 12, "exact", "vehicles", "quantities/counted"],
  ["They deployed 1.5 million soldiers.", "1.5 million soldiers", 1500000, "exact", "soldiers", "quantities/counted"],
  ["Dozens of fighters defected.", "Dozens of fighters", 24, "at_least", "fighters", "quantities/vague-plural"],
  ["Hundreds of civilians fled.", "Hundreds of civilians", 200, "at_least", "civilians", "quantities/vague-plural"],
  ["One fighter was killed.", "One fighter", 1, "exact", "fighter", "quantities/counted"],
  ["Earlier figures put the death toll at seven.", "seven", 7, "exact", "", "quantities/bare"],
  ["Four Ulsterbus workers and two soldiers were killed.", "Four Ulsterbus workers", 4, "exact", "workers", "quantities/counted"],
  ["Police hit 13 Venezuelans with sanctions.", "13 Venezuelans", 13, "exact", "Venezuelans", "quantities/counted"],
  ["They faced a force of 2000 fighters.", "2000 fighters", 2000, "exact", "fighters", "quantities/counted"],
  ["He was killed, 258 of them civilians.", "258 of them civilians", 258, "exact", "civilians", "quantities/partitive"],
];

for (const [sentence, text, value, qualifier, unit, rule] of CASES) {
  test(`quantities: "${text}" in "${sentence}"`, () => {
    const doc = run(sentence);
    const q = doc.quantities.find((x) => x.span.text === text);
    assert.ok(q, `expected "${text}", got ${JSON.stringify(doc.quantities.map((x) => x.span.text))}`);
    assert.deepEqual({ value: q.value, qualifier: q.qualifier, unit: q.unit ?? "", rule: q.rule }, { value, qualifier, unit, rule });
    assert.equal(q.span.text, sentence.slice(q.span.start, q.span.end));
    if (q.unitSpan) assert.equal(q.unitSpan.text, q.unit);
  });
}

/** Sentences whose numbers are not counts. */
const NEGATIVES = [
  "He joined ISIS in 2013 and has led it since 2019.",
  "Two days ago, the SDF announced it.",
  "The defection began about three months ago.",
  "He was an official for six months in 2015.",
  "He was one of the distinguished leaders.",
  "It was the first row of leaders.",
  "Prices rose by 15 percent and 20% overall.",
  "The deal was worth $300 and 40 dollars.",
  "He leads Division 17 of the army.",
  "The 3rd brigade moved on the 5th day.",
  "A 65-year-old man was hurt.",
  "Publication date: 2018/05/03 05:32",
  "They met on 3 March 2019.",
  "No one was hurt.",
  "The blast came at around 5.30 p.m. local time, and the truck left at 4 pm.",
  "About 10 per cent are ethnic Russians.",
  "Special Agent Michael Cinco[898], U.S. Air Force, died.",
  "Khairullozhon Matanov, 23, faces one count.",
  "McVeigh, now 29, entered his shop.",
  "He agreed a two-year contract.",
  "Since its founding in 1857, the paper grew.",
  "It was the largest town at the 2010 census.",
  "Their follow-up work, A Thousand Plateaus, sold well.",
  "Turnout was 58 % this time.",
  "It is the # 2 browser.",
  "At age seventeen, she left.",
  "Shells hit police posts 542 and 543.",
];

for (const sentence of NEGATIVES) {
  test(`quantities: nothing in "${sentence}"`, () => {
    assert.deepEqual(run(sentence).quantities.map((q) => q.span.text), []);
  });
}

test("quantities: credit and boilerplate regions are skipped", () => {
  const text = "Photo: 12 images by staff.\n\nSeven fighters were killed.";
  const doc = run(text, [{ kind: "credit", start: 0, end: 26 }]);
  assert.deepEqual(doc.quantities.map((q) => q.span.text), ["Seven fighters"]);
});

test("quantities: a dateline region inside the first sentence is skipped, the rest is not", () => {
  const text = "KANDAHAR, Oct. 3 (Xinhua) -- Seven Taliban militants were killed.";
  const doc = run(text, [{ kind: "dateline", start: 0, end: 28 }]);
  assert.deepEqual(doc.quantities.map((q) => q.span.text), ["Seven Taliban militants"]);
});
