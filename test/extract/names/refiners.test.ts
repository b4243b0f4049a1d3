import { test } from "node:test";
import assert from "node:assert/strict";
import type { Candidate } from "../../../src/extract/names/index.js";
import { attachTitles, filterTagger, removeOverlaps, shortForms, trimSpans, typeAcronyms } from "../../../src/extract/names/refiners.js";
import { findNames, nameCandidates } from "../../../src/extract/names/index.js";
import { ctxOf, docOf } from "./helpers.js";

/** A candidate over the first occurrence of `sub` in `text`. */
function at(text: string, sub: string, over: Partial<Candidate> = {}): Candidate {
  const start = text.indexOf(sub);
  assert.ok(start >= 0, sub);
  return { start, end: start + sub.length, type: "organization", rule: "names/test", confidence: 0.8, form: "name", ...over };
}

const show = (text: string, cs: Candidate[]) => cs.map((c) => `${c.type}:${text.slice(c.start, c.end)}`);

test("trim: leading 'the' and possessives leave the span", () => {
  const cases: [string, string, string][] = [
    ["the Islamic State said", "the Islamic State", "Islamic State"],
    ["ISIS' leaders", "ISIS'", "ISIS"],
    ["the SDF's attempt", "SDF's", "SDF"],
    ["Theodore said", "Theodore", "Theodore"],
  ];
  for (const [text, sub, want] of cases) {
    const [c] = trimSpans.refine(ctxOf(text), [at(text, sub)]);
    assert.equal(text.slice(c.start, c.end), want, text);
  }
});

test("title attachment moves titles to attributes.title", () => {
  const cases: [string, string, string, string | undefined][] = [
    ["Colonel Hassan Hashi Mohamed said", "Colonel Hassan Hashi Mohamed", "Hassan Hashi Mohamed", "Colonel"],
    ["Lieutenant General Ali Saleh said", "Lieutenant General Ali Saleh", "Ali Saleh", "Lieutenant General"],
    ["Hassan Ali said", "Hassan Ali", "Hassan Ali", undefined],
    ["General said", "General", "General", undefined],
    ["Mullah Omar said", "Mullah Omar", "Mullah Omar", undefined],
    ["Sheikh Hassan Nasrallah said", "Sheikh Hassan Nasrallah", "Hassan Nasrallah", "Sheikh"],
  ];
  for (const [text, sub, want, title] of cases) {
    const [c] = attachTitles.refine(ctxOf(text), [at(text, sub, { type: "person" })]);
    assert.equal(text.slice(c.start, c.end), want, text);
    assert.equal(c.attributes?.title, title, text);
  }
});

test("acronym typing follows a parenthesized expansion", () => {
  const text = "the Kurdish National Council (KNC) and the KDP said.";
  const out = typeAcronyms.refine(ctxOf(text), [
    at(text, "Kurdish National Council", { type: "place" }),
    at(text, "KNC", { rule: "names/acronym", form: "acronym", confidence: 0.6 }),
    at(text, "KDP", { rule: "names/acronym", form: "acronym", confidence: 0.6 }),
  ]);
  assert.deepEqual(out.map((c) => [c.type, c.confidence]), [["place", 0.8], ["place", 0.9], ["organization", 0.6]]);
});

test("tagger filter drops weak, lower-case and common-word spans only", () => {
  const text = "the Sharia issues and Hamdan Brigade and ISIS group.";
  const out = filterTagger.refine(ctxOf(text), [
    at(text, "Sharia", { rule: "tagger", confidence: 0.2 }),
    at(text, "issues", { rule: "tagger", confidence: 0.9 }),
    at(text, "Hamdan Brigade", { rule: "tagger", confidence: 0.5 }),
    at(text, "group", { rule: "names/test" }),
  ]);
  assert.deepEqual(show(text, out), ["organization:Hamdan Brigade", "organization:group"]);
});

test("overlap removal: longest wins, then confidence; tagger only fills gaps", () => {
  const text = "soldiers of the Jund al-Khilafah Army in Abu Kamal and Tal Afar.";
  const out = removeOverlaps.refine(ctxOf(text), [
    at(text, "Jund al-Khilafah", { confidence: 0.9 }),
    at(text, "Jund al-Khilafah Army", { confidence: 0.85 }),
    at(text, "Abu Kamal", { type: "person", confidence: 0.75 }),
    at(text, "Abu Kamal", { type: "place", confidence: 0.8 }),
    at(text, "Army in Abu", { rule: "tagger", confidence: 0.99 }),
    at(text, "Tal Afar", { rule: "tagger", type: "place", confidence: 0.5 }),
  ]);
  assert.deepEqual(show(text, out), ["organization:Jund al-Khilafah Army", "place:Abu Kamal", "place:Tal Afar"]);
});

test("short forms: lone last names of found persons become person mentions", () => {
  const text = "Abu Harith al-Masri and Abu Ayman al-Iraqi spoke. Al-Masri, an Egyptian, left. Al-Masri Street is near. al-Shami came. Masri left. An Iraqi came.";
  const out = shortForms.refine(ctxOf(text), [
    at(text, "Abu Harith al-Masri", { type: "person" }),
    at(text, "Abu Ayman al-Iraqi", { type: "person" }),
  ]);
  assert.deepEqual(show(text, out), ["person:Abu Harith al-Masri", "person:Abu Ayman al-Iraqi", "person:Al-Masri", "person:Masri"]);
  assert.equal(out[2].form, "short");
});

test("findNames skips credit regions and time expressions; spans quote the text", () => {
  const text = "Translation: Nouha Salti\nIn March, Hamdi Saleh met Abu Omar al-Shami in Mosul.";
  const credit = { kind: "credit" as const, start: 0, end: 24 };
  const body = { kind: "body" as const, start: 25, end: text.length };
  const m = text.indexOf("March");
  const doc = docOf(text, [credit, body], [{
    text: "March", span: { start: m, end: m + 5, text: "March" }, start: "2018-03", end: "2018-03", precision: "month",
    approximate: false, relative: false, rule: "test",
  }]);
  findNames(doc);
  assert.deepEqual(doc.mentions.map((x) => `${x.type}:${x.text}`), ["person:Hamdi Saleh", "person:Abu Omar al-Shami", "place:Mosul"]);
  for (const x of doc.mentions) assert.equal(x.text, text.slice(x.start, x.end));
  assert.ok(doc.mentions.every((x) => x.id && x.rule.length > 0));
});

test("generic phrases are not names", () => {
  const text = "One of ISIS' most distinguished Islamist missionaries and Sharia experts left the Syrian area after the Mosul battles.";
  const got = nameCandidates(docOf(text), false).map((c) => text.slice(c.start, c.end));
  assert.deepEqual(got, ["ISIS", "Mosul"]);
});
