import { test } from "node:test";
import assert from "node:assert/strict";
import { readText } from "../../../src/read/index.js";
import { createDoc } from "../../../src/extract/pipeline.js";
import { tokenize } from "../../../src/extract/tokens/index.js";

function run(text: string) {
  const doc = createDoc(readText(text));
  tokenize(doc);
  return doc;
}

const tokenCases: { name: string; text: string; tokens: string[] }[] = [
  { name: "keeps hyphenated Arabic names whole", text: "Abou Shuaib al-Hadrami left.", tokens: ["Abou", "Shuaib", "al-Hadrami", "left", "."] },
  { name: "keeps inner apostrophes", text: "Kata'ib al-Nour", tokens: ["Kata'ib", "al-Nour"] },
  { name: "splits a possessive 's", text: "the SDF's attempt", tokens: ["the", "SDF", "'s", "attempt"] },
  { name: "splits a bare possessive apostrophe", text: "ISIS' leader", tokens: ["ISIS", "'", "leader"] },
  { name: "keeps dotted acronyms", text: "the U.S. army", tokens: ["the", "U.S.", "army"] },
  { name: "keeps numbers with separators", text: "1,200 and 3.5", tokens: ["1,200", "and", "3.5"] },
  { name: "splits brackets", text: "Forces (SDF)", tokens: ["Forces", "(", "SDF", ")"] },
];

for (const c of tokenCases) {
  test(`tokens: ${c.name}`, () => {
    const doc = run(c.text);
    assert.deepEqual(doc.tokens.map((t) => t.text), c.tokens);
    for (const t of doc.tokens) assert.equal(doc.text.slice(t.start, t.end), t.text);
  });
}

const sentenceCases: { name: string; text: string; sentences: string[] }[] = [
  { name: "splits at a period before a capital", text: "He left. She stayed.", sentences: ["He left.", "She stayed."] },
  { name: "does not split after a title abbreviation", text: "Col. Hassan left. Then rain.", sentences: ["Col. Hassan left.", "Then rain."] },
  { name: "does not split after an initial", text: "John F. Kennedy spoke.", sentences: ["John F. Kennedy spoke."] },
  { name: "does not split before a lower-case word", text: "It was approx. five.", sentences: ["It was approx. five."] },
  { name: "splits at a line break", text: "Headline here\nBody starts.", sentences: ["Headline here", "Body starts."] },
  { name: "joins a soft-wrapped line", text: "the group soon\nexpanded to include more.", sentences: ["the group soon\nexpanded to include more."] },
  { name: "keeps a closing quote in the sentence", text: "He said \"no.\" Then left.", sentences: ["He said \"no.\"", "Then left."] },
];

for (const c of sentenceCases) {
  test(`sentences: ${c.name}`, () => {
    const doc = run(c.text);
    assert.deepEqual(doc.sentences.map((s) => doc.text.slice(s.start, s.end)), c.sentences);
    doc.sentences.forEach((s, i) => {
      for (let k = s.tokenStart; k < s.tokenEnd; k++) assert.equal(doc.tokens[k].sentence, i);
    });
  });
}

test("tokens: an empty text has no tokens or sentences", () => {
  const doc = run("   \n ");
  assert.equal(doc.tokens.length, 0);
  assert.equal(doc.sentences.length, 0);
});
