import { test } from "node:test";
import assert from "node:assert/strict";
import { readLayout } from "../../src/read/layout.js";
import { assertRegions, quoted } from "./regions.js";

interface Case {
  name: string;
  text: string;
  title?: string | null;
  publishedAt?: string | null;
  translatedFrom?: string | null;
  outlet?: string | null;
  credits?: [string, string][];
  /** Region kinds with the start of the text each quotes. */
  regions: [string, string][];
}

const BODY = "Seven fighters were killed on Sunday in clashes near the town, two activists said.";

const cases: Case[] = [
  {
    name: "translated layout (seed style)",
    text: `To view the original Arabic version of this item, please click here!\n\nTribal force clashes with militia in Hajin\n\nTranslationEditor: Lina Haddad |\nTranslation: Karim Othman\nPublication date: 2020/11/09 18:45\n\n${BODY}\n`,
    title: "Tribal force clashes with militia in Hajin",
    publishedAt: "2020-11-09T18:45",
    translatedFrom: "ar",
    credits: [["translation-editor", "Lina Haddad"], ["translator", "Karim Othman"]],
    regions: [
      ["boilerplate", "To view the original Arabic"],
      ["title", "Tribal force"],
      ["credit", "TranslationEditor: Lina Haddad |"],
      ["credit", "Translation: Karim Othman"],
      ["dateline", "Publication date: 2020/11/09 18:45"],
      ["body", "Seven fighters"],
    ],
  },
  {
    name: "translation note in another language",
    text: `To read the original French version of this article, click here\n\nHeadline here\n\n${BODY}`,
    translatedFrom: "fr",
    title: "Headline here",
    regions: [["boilerplate", "To read"], ["title", "Headline here"], ["body", "Seven"]],
  },
  {
    name: "byline with two authors and a time-zone date",
    text: `Clashes kill seven in Deir ez-Zor\nBy Ahmad Khalil and Sara Nouri\nFebruary 1, 2019 - 14:31 AMT\n${BODY}`,
    title: "Clashes kill seven in Deir ez-Zor",
    publishedAt: "2019-02-01T14:31",
    credits: [["author", "Ahmad Khalil"], ["author", "Sara Nouri"]],
    regions: [["title", "Clashes"], ["credit", "By Ahmad"], ["dateline", "February 1"], ["body", "Seven"]],
  },
  {
    name: "day-month date and 'Published:' label",
    text: `Headline about Raqqa\n\nPublished: 11 March 2017 17:38\n\n${BODY}`,
    publishedAt: "2017-03-11T17:38",
    regions: [["title", "Headline"], ["dateline", "Published:"], ["body", "Seven"]],
  },
  {
    name: "date before the headline",
    text: `2019-02-01\n\nHeadline about Idlib\n\n${BODY}`,
    title: "Headline about Idlib",
    publishedAt: "2019-02-01",
    regions: [["dateline", "2019-02-01"], ["title", "Headline"], ["body", "Seven"]],
  },
  {
    name: "byline and date on one line",
    text: `Headline about Homs\n\nBy Rana Saleh | 3 May 2018 10:20\n\n${BODY}`,
    credits: [["author", "Rana Saleh"]],
    publishedAt: "2018-05-03T10:20",
    regions: [["title", "Headline"], ["credit", "By Rana Saleh | 3 May"], ["body", "Seven"]],
  },
  {
    name: "two dates and no byline on one line is not a credit line",
    text: `Headline about Homs\n\n3 May 2018 | 4 May 2018\n\n${BODY}`,
    publishedAt: null,
    regions: [["title", "Headline"], ["body", "3 May 2018 | 4 May 2018"]],
  },
  {
    name: "outlet – author byline",
    text: `Headline about Daraa\n\nEnab Baladi – Hassan Ibrahim\n\n${BODY}`,
    outlet: "Enab Baladi",
    credits: [["author", "Hassan Ibrahim"]],
    regions: [["title", "Headline"], ["credit", "Enab Baladi"], ["body", "Seven"]],
  },
  {
    name: "generic byline names nobody",
    text: `Headline about Mayadeen\n\nBy Staff reporter\nPublication date: 2021/03/15 09:10\n\n${BODY}`,
    credits: [],
    publishedAt: "2021-03-15T09:10",
    regions: [["title", "Headline"], ["credit", "By Staff"], ["dateline", "Publication"], ["body", "Seven"]],
  },
  {
    name: "Reuters dateline and trailing credits",
    text: `BEIRUT (Reuters) - ${BODY}\n\nMore text follows here.\n\n(Reporting by Samir Khoury in Amman; Editing by Tom Perry)\n`,
    title: null,
    outlet: "Reuters",
    credits: [["author", "Samir Khoury"], ["editor", "Tom Perry"]],
    regions: [["dateline", "BEIRUT (Reuters) -"], ["body", "Seven"], ["credit", "(Reporting by"]],
  },
  {
    name: "capitalised place dateline with a colon after a headline",
    text: `Clashes in Aden\n\nADEN: ${BODY}`,
    title: "Clashes in Aden",
    regions: [["title", "Clashes"], ["dateline", "ADEN:"], ["body", "Seven"]],
  },
  {
    name: "only an update date",
    text: `Headline\n\nUpdated: 2019-02-02\n\n${BODY}`,
    publishedAt: "2019-02-02",
    regions: [["title", "Headline"], ["dateline", "Updated"], ["body", "Seven"]],
  },
  {
    name: "no header: the text starts with a sentence",
    text: `${BODY}\n\nA second paragraph follows.`,
    title: null,
    publishedAt: null,
    regions: [["body", "Seven"]],
  },
  {
    name: "a mixed-case opening word is not a dateline",
    text: `Headline\n\nAl-Mayadeen - the town on the Euphrates - was quiet on Monday.`,
    regions: [["title", "Headline"], ["body", "Al-Mayadeen - the town"]],
  },
  {
    name: "a one-line text is body, not title",
    text: "Fighting resumed in Hajin",
    title: null,
    regions: [["body", "Fighting resumed"]],
  },
];

test("readLayout reads news header layouts", () => {
  for (const c of cases) {
    const got = readLayout(c.text);
    assertRegions(c.text, got.regions, c.name);
    const have = quoted(c.text, got.regions);
    assert.deepEqual(have.map(([k]) => k), c.regions.map(([k]) => k), `${c.name}: region kinds`);
    have.forEach(([, t], i) => assert.ok(t.startsWith(c.regions[i][1]), `${c.name}: region ${i} quotes ${JSON.stringify(t)}`));
    if (c.title !== undefined) assert.equal(got.title, c.title, `${c.name}: title`);
    if (c.publishedAt !== undefined) assert.equal(got.publishedAt, c.publishedAt, `${c.name}: publishedAt`);
    if (c.translatedFrom !== undefined) assert.equal(got.translatedFrom, c.translatedFrom, `${c.name}: translatedFrom`);
    if (c.outlet !== undefined) assert.equal(got.outlet, c.outlet, `${c.name}: outlet`);
    if (c.credits) assert.deepEqual(got.credits.map((x) => [x.role, x.name]), c.credits, `${c.name}: credits`);
  }
});

test("readLayout takes the first line as headline when told so", () => {
  const text = "Short title.\n\nBy Ahmad Khalil\n\nBody text of the article goes here.";
  const got = readLayout(text, { titleFirst: true });
  assert.equal(got.title, "Short title.");
  assert.deepEqual(got.credits, [{ role: "author", name: "Ahmad Khalil" }]);
});
