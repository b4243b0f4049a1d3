import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDate, parseDateLine } from "../../src/read/dates.js";

test("parseDate reads news date layouts, keeping the time", () => {
  const cases: [string, string | null][] = [
    ["2018/05/03 05:32", "2018-05-03T05:32"],
    ["February 1, 2019 - 14:31 AMT", "2019-02-01T14:31"],
    ["11 March 2017 17:38", "2017-03-11T17:38"],
    ["2019-02-01", "2019-02-01"],
    ["2019-02-01T14:31:00+03:00", "2019-02-01T14:31+03:00"],
    ["2018-05-03T05:32:10.123Z", "2018-05-03T05:32Z"],
    ["Tue, 05 Mar 2019 10:00:00 GMT", "2019-03-05T10:00Z"],
    ["Sat, 02 Mar 2019 08:15:00 +0300", "2019-03-02T08:15+03:00"],
    ["Tuesday, March 5, 2019", "2019-03-05"],
    ["Sept. 3rd, 2020", "2020-09-03"],
    ["3 May 2018 at 2:30 p.m.", "2018-05-03T14:30"],
    ["May 2018", "2018-05"],
    ["14:31 GMT, 01 February 2019", "2019-02-01T14:31Z"],
    ["2:30 pm on March 5, 2019", "2019-03-05T14:30"],
    ["12:00 2019-02-01T10:00", null],
    ["14:31 GMT, yesterday", null],
    ["13/02/2019", "2019-02-13"],
    ["02/13/2019", "2019-02-13"],
    ["2019-02-30", null],
    ["2019-13-01", null],
    ["February 1, 2019 - 25:10", null],
    ["The fighters left on Monday", null],
    ["12", null],
  ];
  for (const [input, want] of cases) assert.equal(parseDate(input), want, input);
});

test("parseDateLine reads labelled date lines only", () => {
  const cases: [string, { iso: string; update: boolean } | null][] = [
    ["Publication date: 2018/05/03 05:32", { iso: "2018-05-03T05:32", update: false }],
    ["Published: 11 March 2017 17:38", { iso: "2017-03-11T17:38", update: false }],
    ["Published on February 1, 2019", { iso: "2019-02-01", update: false }],
    ["Updated: 2019-02-02", { iso: "2019-02-02", update: true }],
    ["February 1, 2019 - 14:31 AMT", { iso: "2019-02-01T14:31", update: false }],
    ["Published by the ministry", null],
    ["Date of the attack: unknown", null],
  ];
  for (const [input, want] of cases) assert.deepEqual(parseDateLine(input), want, input);
});
