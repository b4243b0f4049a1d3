import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeTags, conllLabels, crossnerLabels, detectFormat, readColumns, readDocred, readGum, isDemonymWords, type NerSentence } from "../../src/eval/datasets/index.js";

/** Spans as "words/type" strings, for readable assertions. */
const show = (sents: NerSentence[]) => sents.map((s) => s.spans.map((g) => `${s.tokens.slice(g.start, g.end).join(" ")}/${g.type}`));

test("decodeTags handles BIO, IOB1 and unmapped labels", () => {
  const cases: { name: string; tags: string[]; want: [number, number, string][] }[] = [
    { name: "BIO", tags: ["B-PER", "I-PER", "O", "B-LOC"], want: [[0, 2, "person"], [3, 4, "place"]] },
    { name: "IOB1 I starts", tags: ["I-ORG", "I-ORG", "O", "I-LOC"], want: [[0, 2, "organization"], [3, 4, "place"]] },
    { name: "IOB1 B splits adjacent", tags: ["I-PER", "B-PER", "I-PER"], want: [[0, 1, "person"], [1, 3, "person"]] },
    { name: "type change splits", tags: ["B-PER", "I-LOC"], want: [[0, 1, "person"], [1, 2, "place"]] },
    { name: "unmapped dropped", tags: ["B-MISC", "I-MISC", "B-PER"], want: [[2, 3, "person"]] },
  ];
  for (const c of cases) assert.deepEqual(decodeTags(c.tags, conllLabels).map((s) => [s.start, s.end, s.type]), c.want, c.name);
});

test("CrossNER labels map onto our types", () => {
  const cases: [string, string | undefined][] = [
    ["politician", "person"], ["writer", "person"], ["politicalparty", "organization"], ["band", "organization"],
    ["university", "organization"], ["country", "place"], ["location", "place"], ["election", undefined], ["misc", undefined], ["event", undefined],
  ];
  for (const [label, want] of cases) assert.equal(crossnerLabels(label), want, label);
});

test("column readers: CrossNER, UNER IOB2, Wikigold IOB1", () => {
  const crossner = "Labour\tB-politicalparty\nwon\tO\nin\tO\nWales\tB-country\n\nThe\tO\n2005\tB-election\nelection\tI-election\n";
  const uner = "# newdoc id = x\n# sent_id = 1\n# text = tampa bay rocks\n1\ttampa\tB-LOC\t-\t-\n2\tbay\tI-LOC\t-\t-\n3\trocks\tO\t-\t-\n\n# newdoc id = y\n1\tEnron\tB-ORG\t-\t-\n";
  const wiki = "-DOCSTART- O\n\nJohn I-PER\nlives O\nin O\nItaly I-LOC\n. O\n\nIt O\nis O\nItalian I-MISC\n";
  const cases: { name: string; text: string; format: "crossner" | "iob2" | "iob1"; spans: string[][]; docs: number }[] = [
    { name: "crossner", text: crossner, format: "crossner", spans: [["Labour/organization", "Wales/place"], []], docs: 2 },
    { name: "uner", text: uner, format: "iob2", spans: [["tampa bay/place"], ["Enron/organization"]], docs: 2 },
    { name: "wikigold", text: wiki, format: "iob1", spans: [["John/person", "Italy/place"], []], docs: 1 },
  ];
  for (const c of cases) {
    assert.equal(detectFormat(c.text), c.format, c.name);
    const sents = readColumns(c.text, c.format, c.name);
    assert.deepEqual(show(sents), c.spans, c.name);
    assert.equal(new Set(sents.map((s) => s.doc)).size, c.docs, `${c.name} documents`);
  }
});

test("GUM reader keeps named person/organization/place mentions only", () => {
  const gum = [
    "# begin document GUM_news_x",
    "0\tThe\t(organization-1-United_Nations",
    "1\tUnited\t_",
    "2\tNations\torganization-1-United_Nations)",
    "3\tsent\t_",
    "4\ta\t(organization-2-Afghan_team",
    "5\tteam\torganization-2-Afghan_team)",
    "6\tto\t_",
    "7\tKabul\t(place-3-Kabul)",
    "8\tand\t_",
    "9\tDurham\t(organization-4-Durham_University(place-5-Durham)",
    "10\tUniversity\t_",
    "11\t,\t_",
    "12\tEngland\t(place-6-England)organization-4-Durham_University)",
    "13\t.\t_",
    "14\tHe\t(person-7)",
    "15\tmet\t_",
    "16\tObama\t(person-8-Barack_Obama)",
    "17\tin\t_",
    "18\tJuly\t(time-9-July)",
    "19\t.\t_",
    "# end document",
  ].join("\n");
  const sents = readGum(gum, "x");
  assert.equal(sents.length, 2);
  assert.deepEqual(show(sents), [
    ["United Nations/organization", "Kabul/place", "Durham University/organization", "England/place"],
    ["Obama/person"],
  ]);
});

test("Re-DocRED reader maps PER/ORG/LOC, drops demonyms and other types", () => {
  const json = JSON.stringify([
    {
      title: "T",
      sents: [["Angela", "Merkel", "led", "the", "CDU", "in", "Germany", "."], ["German", "voters", "in", "2005", "."]],
      vertexSet: [
        [{ type: "PER", pos: [0, 2], sent_id: 0 }],
        [{ type: "ORG", pos: [4, 5], sent_id: 0 }],
        [{ type: "LOC", pos: [6, 7], sent_id: 0 }, { type: "LOC", pos: [0, 1], sent_id: 1 }],
        [{ type: "TIME", pos: [3, 4], sent_id: 1 }],
      ],
      labels: [],
    },
  ]);
  assert.deepEqual(show(readDocred(json, isDemonymWords)), [["Angela Merkel/person", "CDU/organization", "Germany/place"], []]);
  assert.deepEqual(show(readDocred(json)), [["Angela Merkel/person", "CDU/organization", "Germany/place"], ["German/place"]]);
});
