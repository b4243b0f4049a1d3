import { test } from "node:test";
import assert from "node:assert/strict";
import { findTimes } from "../../../src/extract/times/index.js";
import type { Doc, Region } from "../../../src/model.js";
import { tokenizedDoc } from "./helpers.js";

function run(text: string, publishedAt: string | null, regions: Region[] = []): Doc {
  const doc = tokenizedDoc(text, publishedAt, regions);
  findTimes(doc);
  return doc;
}

/** [sentence, publishedAt, expected text, start, end, precision, flags ("a" approximate, "r" relative)] */
const CASES: [string, string, string, string, string, string, string][] = [
  ["The defection began about three months ago in Hajin.", "2018-05-03T05:32", "about three months ago", "2018-02", "2018-02", "month", "ar"],
  ["The calm in frontlines last March helped ISIS.", "2018-05-03T05:32", "last March", "2018-03", "2018-03", "month", "r"],
  ["Nothing happened last March.", "2018-03-20", "last March", "2017-03", "2017-03", "month", "r"],
  ["Two days ago, the SDF announced it.", "2018-05-03T05:32", "Two days ago", "2018-05-01", "2018-05-01", "day", "r"],
  ["He was an official for six months in 2015.", "2018-05-03T05:32", "in 2015", "2015", "2015", "year", ""],
  ["Before joining ISIS in 2013, he fought.", "2018-05-03T05:32", "in 2013", "2013", "2013", "year", ""],
  ["Over the last year, ISIS suffered setbacks.", "2018-05-03T05:32", "Over the last year", "2017-05", "2018-05", "month", "r"],
  ["Over the past two years, it grew.", "2018-05-03", "Over the past two years", "2016-05", "2018-05", "month", "r"],
  ["In the past few days, it grew.", "2018-05-03", "In the past few days", "2018-04-27", "2018-05-03", "day", "ar"],
  ["Clashes broke out on Sunday.", "2018-05-03T05:32", "on Sunday", "2018-04-29", "2018-04-29", "day", "r"],
  ["Seven were killed on Sunday in clashes.", "2021-03-15T09:10", "on Sunday", "2021-03-14", "2021-03-14", "day", "r"],
  ["Nine were killed last Sunday in Mayadin.", "2021-03-20T14:00", "last Sunday", "2021-03-14", "2021-03-14", "day", "r"],
  ["A statement said on Thursday.", "2021-04-02T18:30", "on Thursday", "2021-04-01", "2021-04-01", "day", "r"],
  ["He was arrested on Wednesday.", "2021-04-02T18:30", "on Wednesday", "2021-03-31", "2021-03-31", "day", "r"],
  ["It happened on Thursday night.", "2021-04-01", "on Thursday night", "2021-03-25", "2021-03-25", "day", "r"],
  ["Talks resume next Monday.", "2021-04-02", "next Monday", "2021-04-05", "2021-04-05", "day", "r"],
  ["Three days ago, the council released them.", "2021-03-20T14:00", "Three days ago", "2021-03-17", "2021-03-17", "day", "r"],
  ["A few days ago, the council met.", "2021-03-20", "A few days ago", "2021-03-14", "2021-03-18", "day", "ar"],
  ["Two weeks ago, the council met.", "2018-05-03", "Two weeks ago", "2018-04-16", "2018-04-22", "week", "r"],
  ["He has led the group since 2019.", "2021-03-15T09:10", "since 2019", "2019", "2021", "year", ""],
  ["The group was attacked yesterday.", "2018-05-03", "yesterday", "2018-05-02", "2018-05-02", "day", "r"],
  ["The group is weak today.", "2018-05-03", "today", "2018-05-03", "2018-05-03", "day", "r"],
  ["Shelling resumed last night.", "2018-05-03", "last night", "2018-05-02", "2018-05-02", "day", "r"],
  ["Shelling resumed yesterday morning.", "2018-05-03", "yesterday morning", "2018-05-02", "2018-05-02", "day", "r"],
  ["Shelling resumed this morning.", "2018-05-03", "this morning", "2018-05-03", "2018-05-03", "day", "r"],
  ["Attacks rose in the first quarter of 2018.", "2018-05-03", "the first quarter of 2018", "2018-01", "2018-03", "quarter", ""],
  ["Attacks rose in Q3 2017.", "2018-05-03", "Q3 2017", "2017-07", "2017-09", "quarter", ""],
  ["The town fell in mid-March.", "2018-05-03", "in mid-March", "2018-03", "2018-03", "month", "ar"],
  ["The group was attacked last week.", "2018-05-03", "last week", "2018-04-23", "2018-04-29", "week", "r"],
  ["The group was attacked last month.", "2018-05-03", "last month", "2018-04", "2018-04", "month", "r"],
  ["The group was attacked last month.", "2018-01-10", "last month", "2017-12", "2017-12", "month", "r"],
  ["The group was founded last year.", "2018-05-03", "last year", "2017", "2017", "year", "r"],
  ["The group was founded earlier this year.", "2018-05-03", "earlier this year", "2018-01", "2018-05", "month", "r"],
  ["The group split late last year.", "2018-05-03", "late last year", "2017", "2017", "year", "ar"],
  ["The group was founded in March 2017.", "2018-05-03", "in March 2017", "2017-03", "2017-03", "month", ""],
  ["The group was founded in early March.", "2018-05-03", "in early March", "2018-03", "2018-03", "month", "ar"],
  ["The group was founded in June.", "2018-05-03", "in June", "2017-06", "2017-06", "month", "r"],
  ["The group was founded on March 3.", "2018-05-03", "March 3", "2018-03-03", "2018-03-03", "day", "r"],
  ["The group was founded on March 3.", "2018-02-01", "March 3", "2017-03-03", "2017-03-03", "day", "r"],
  ["The group was founded on May 3, 2016.", "2018-05-03", "May 3, 2016", "2016-05-03", "2016-05-03", "day", ""],
  ["The group was founded on Sunday, March 14, 2021.", "2021-05-03", "Sunday, March 14, 2021", "2021-03-14", "2021-03-14", "day", ""],
  ["The group was founded on 3 March 2019.", "2018-05-03", "3 March 2019", "2019-03-03", "2019-03-03", "day", ""],
  ["The group was founded on the 3rd of May.", "2018-05-03", "the 3rd of May", "2018-05-03", "2018-05-03", "day", "r"],
  ["The report is dated 2018/05/03 in the file.", "2018-05-03", "2018/05/03", "2018-05-03", "2018-05-03", "day", ""],
  ["The report is dated 25/12/2017 in the file.", "2018-05-03", "25/12/2017", "2017-12-25", "2017-12-25", "day", ""],
  ["The report is dated 2017-12-25 in the file.", "2018-05-03", "2017-12-25", "2017-12-25", "2017-12-25", "day", ""],
  ["Jihadism grew in the 1990s.", "2018-05-03", "the 1990s", "1990", "1999", "decade", ""],
  ["Jihadism grew in the early 1980s.", "2018-05-03", "the early 1980s", "1980", "1989", "decade", "a"],
  ["The war lasted from 2011 to 2014.", "2018-05-03", "from 2011 to 2014", "2011", "2014", "year", ""],
  ["The war lasted between 2011 and 2014.", "2018-05-03", "between 2011 and 2014", "2011", "2014", "year", ""],
  ["The 2011-2014 war was long.", "2018-05-03", "2011-2014", "2011", "2014", "year", ""],
  ["The city fell in mid-2016.", "2018-05-03", "in mid-2016", "2016", "2016", "year", "a"],
  ["The city fell in the summer of 2016.", "2018-05-03", "summer of 2016", "2016-06", "2016-08", "month", ""],
  ["The city fell last winter.", "2018-05-03", "last winter", "2017-12", "2018-02", "month", "r"],
  ["The city fell in December 2016.", "2018-05-03", "in December 2016", "2016-12", "2016-12", "month", ""],
  ["The paper was founded in 1857.", "2018-05-03", "in 1857", "1857", "1857", "year", ""],
  ["Angell (1820-88) was a merchant.", "2018-05-03", "1820-88", "1820", "1888", "year", ""],
  ["The city fell on Dec. 5, 2016.", "2018-05-03", "Dec. 5, 2016", "2016-12-05", "2016-12-05", "day", ""],
  ["Talks were held March 3-5, 2016 in Geneva.", "2018-05-03", "March 3-5, 2016", "2016-03-03", "2016-03-05", "day", ""],
  ["The group was founded on the third of March, 2016.", "2018-05-03", "third of March, 2016", "2016-03-03", "2016-03-03", "day", ""],
];

for (const [sentence, pub, text, start, end, precision, flags] of CASES) {
  test(`times: "${text}" in "${sentence}" (published ${pub})`, () => {
    const doc = run(sentence, pub);
    const t = doc.times.find((x) => x.text === text);
    assert.ok(t, `expected "${text}", got ${JSON.stringify(doc.times.map((x) => x.text))}`);
    assert.deepEqual(
      { start: t.start, end: t.end, precision: t.precision, approximate: t.approximate, relative: t.relative },
      { start, end, precision, approximate: flags.includes("a"), relative: flags.includes("r") },
    );
    assert.equal(t.span.text, sentence.slice(t.span.start, t.span.end));
    assert.equal(t.span.text, text);
    assert.ok(t.rule.startsWith("times/"));
  });
}

/** Sentences that hold no time expression. */
const NEGATIVES = [
  "About 80 fighters followed him; the group grew to more than 200 fighters.",
  "He was arrested with about 65 more defected members.",
  "The defection began at its beginning months earlier.",
  "The coalition launched a military operation for several months on the city.",
  "They may attack again, and march on the city.",
  "The fall of Mosul was a blow.",
  "The group has 2000 members.",
  "He leads Division 17 and fired 12 rockets.",
  "Resolution 2254 was passed.",
  "A survey of 1709 schoolchildren was made.",
  "A force of 2000 fighters attacked.",
  "It was the first row of leaders.",
  "This group believes the faith has died.",
];

for (const sentence of NEGATIVES) {
  test(`times: nothing in "${sentence}"`, () => {
    assert.deepEqual(run(sentence, "2018-05-03").times.map((t) => t.text), []);
  });
}

test("times: without a publication date, relative expressions become warnings and absolute ones stay", () => {
  const doc = run("Two days ago the group, founded in 2013, attacked on Sunday.", null);
  assert.deepEqual(doc.times.map((t) => [t.text, t.start]), [["in 2013", "2013"]]);
  assert.deepEqual(
    doc.diagnostics.map((d) => [d.severity, d.message, d.rule, d.span?.text]),
    [
      ["warning", "no publication date to resolve 'Two days ago'", "times/ago", "Two days ago"],
      ["warning", "no publication date to resolve 'on Sunday'", "times/weekday", "on Sunday"],
    ],
  );
});

test("times: since without a publication date ends at its own start", () => {
  const doc = run("He has led the group since 2019.", null);
  assert.deepEqual(doc.times.map((t) => [t.start, t.end]), [["2019", "2019"]]);
});

test("times: header regions are skipped", () => {
  const text = "Publication date: 2018/05/03 05:32\n\nThe group attacked on Sunday.";
  const doc = run(text, "2018-05-03", [{ kind: "credit", start: 0, end: 34 }]);
  assert.deepEqual(doc.times.map((t) => t.text), ["on Sunday"]);
});

test("times: a dateline inside the first sentence is skipped, the rest of the sentence is not", () => {
  const text = "KANDAHAR, Oct. 3, 2017 -- Militants attacked on Sunday.";
  const doc = run(text, "2017-10-03", [{ kind: "dateline", start: 0, end: 25 }]);
  assert.deepEqual(doc.times.map((t) => t.text), ["on Sunday"]);
});

test("times: results are sorted by offset and quote the text", () => {
  const text = "Two days ago, and in 2015, and last March.";
  const doc = run(text, "2018-05-03");
  assert.deepEqual(doc.times.map((t) => t.text), ["Two days ago", "in 2015", "last March"]);
  for (const t of doc.times) assert.equal(text.slice(t.span.start, t.span.end), t.text);
});

/** [sentence, publishedAt, expected text, start, end, precision, rule]: refinements between rules. */
const REFINED: [string, string, string, string, string, string, string][] = [
  ["Courts dismissed the cases between June 1975 and February 1976.", "2018-05-03", "between June 1975 and February 1976", "1975-06", "1976-02", "month", "times/range"],
  ["Gatherings were banned from Friday through Tuesday.", "2018-05-03", "from Friday through Tuesday", "2018-04-27", "2018-05-01", "day", "times/range"],
  ["He stayed in the city until April 17, when he left.", "2018-05-03", "April 17", "2018-04-17", "2018-04-17", "day", "times/month-day"],
  ["The war lasted from 2011 to 2014.", "2018-05-03", "from 2011 to 2014", "2011", "2014", "year", "times/year-range"],
  ["The group was founded on the third of March, 2016.", "2018-05-03", "third of March, 2016", "2016-03-03", "2016-03-03", "day", "times/chrono"],
];

for (const [sentence, pub, text, start, end, precision, rule] of REFINED) {
  test(`times: refined "${text}" in "${sentence}"`, () => {
    const doc = run(sentence, pub);
    assert.deepEqual(
      doc.times.map((t) => [t.text, t.start, t.end, t.precision, t.rule]),
      [[text, start, end, precision, rule]],
    );
  });
}

test("times: a capitalised word before a bare weekday makes a name, not a date", () => {
  assert.deepEqual(run("The attacks of Bloody Friday shocked the city.", "2018-05-03").times, []);
});
