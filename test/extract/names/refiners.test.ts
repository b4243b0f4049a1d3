import { test } from "node:test";
import { nameThresholds } from "../../../src/extract/names/thresholds.js";
import assert from "node:assert/strict";
import type { Candidate } from "../../../src/extract/names/index.js";
import {
  COVERAGE_KEEP_MAX, Coverage, attachTitles, dropEventModifiers, dropSilentAcronyms, filterTagger, removeOverlaps,
  overlapPriority, ruleStrength, shortForms, sortByPriority, sortByStart, trimSpans, typeAcronyms, weighEvidence,
} from "../../../src/extract/names/refiners.js";
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

test("trim: a tagger span keeps a capitalized 'The' inside a sentence only", () => {
  const cases: [string, string, string, string][] = [
    ["He joined The Greens in 1990.", "The Greens", "tagger", "The Greens"],
    ["The Greens won.", "The Greens", "tagger", "Greens"],
    ["He joined The Greens in 1990.", "The Greens", "names/org-cue", "Greens"],
    ["He joined the Greens in 1990.", "the Greens", "tagger", "Greens"],
  ];
  for (const [text, sub, rule, want] of cases) {
    const [c] = trimSpans.refine(ctxOf(text), [at(text, sub, { rule })]);
    assert.equal(text.slice(c.start, c.end), want, `${rule}: ${text}`);
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
    at(text, "Sharia", { rule: "tagger", confidence: nameThresholds().minConfidence.oneWord - 0.05 }),
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

test("rule strength: grammar, lists and cues are strong; bare hits and guesses are weak", () => {
  const cases: [string, number, "strong" | "weak"][] = [
    ["names/arabic-kunya", 0.75, "strong"],
    ["names/known-organization", 0.97, "strong"],
    ["names/country", 0.95, "strong"],
    ["names/gazetteer", 0.92, "strong"],
    ["names/gazetteer", 0.8, "weak"],
    ["names/given-surname", 0.8, "weak"],
    ["names/acronym", 0.6, "weak"],
    ["names/org-cue", 0.85, "weak"],
  ];
  for (const [rule, confidence, want] of cases) assert.equal(ruleStrength({ start: 0, end: 1, type: "place", rule, confidence, form: "name" }), want, `${rule} ${confidence}`);
});

test("evidence: the tagger overrules weak rules and longer names, never grammar or agreeing rules", () => {
  const sure = 0.9;
  const unsure = Math.min(nameThresholds().overrule.weak, nameThresholds().overrule.contains) - 0.05;
  const cases: { name: string; text: string; rule: [string, string, Partial<Candidate>]; tagger: [string, Partial<Candidate>]; want: string[]; sources?: string[] }[] = [
    { name: "wider tagger span beats a weak cue sequence", text: "the New Democratic Party won", rule: ["Democratic Party", "names/org-cue", {}], tagger: ["New Democratic Party", { confidence: sure }], want: ["organization:New Democratic Party"] },
    { name: "split tagger spans beat a conjoined cue sequence", text: "Ulster Unionist Party and Democratic Unionist Party", rule: ["Ulster Unionist Party and Democratic Unionist Party", "names/org-cue", {}], tagger: ["Ulster Unionist Party", { confidence: sure }], want: ["organization:Ulster Unionist Party"] },
    { name: "an unsure tagger span does not beat a weak rule", text: "the New Democratic Party won", rule: ["Democratic Party", "names/org-cue", {}], tagger: ["New Democratic Party", { confidence: unsure }], want: ["organization:Democratic Party"] },
    { name: "a narrower tagger span needs more confidence", text: "the Deir ez-Zor Military Council said", rule: ["Deir ez-Zor Military Council", "names/org-cue", {}], tagger: ["Military Council", { confidence: nameThresholds().overrule.narrower - 0.05 }], want: ["organization:Deir ez-Zor Military Council"] },
    { name: "a sure tagger span never cuts a place off an organization name", text: "the Aleppo City Council said", rule: ["Aleppo City Council", "names/org-cue", {}], tagger: ["City Council", { confidence: sure }], want: ["organization:Aleppo City Council"] },
    { name: "a sure tagger span cuts a modifier that is no place", text: "the Revolutionary Command Council said", rule: ["Revolutionary Command Council", "names/org-cue", {}], tagger: ["Command Council", { confidence: sure }], want: ["organization:Command Council"] },
    { name: "tagger type beats a bare gazetteer hit on the same word", text: "Juma said", rule: ["Juma", "names/gazetteer", { type: "place", confidence: 0.8 }], tagger: ["Juma", { type: "person", confidence: sure }], want: ["person:Juma"] },
    { name: "a cue-typed rule keeps its type on the tagger's span", text: "the Nour Brigades said", rule: ["Nour Brigades", "names/org-cue", {}], tagger: ["Nour Brigades", { type: "person", confidence: nameThresholds().overrule.retype - 0.15 }], want: ["organization:Nour Brigades"], sources: ["names/org-cue", "tagger"] },
    { name: "a sure tagger type beats a cue-typed rule on the same span", text: "the Soviet Union fell", rule: ["Soviet Union", "names/org-cue", {}], tagger: ["Soviet Union", { type: "place", confidence: nameThresholds().overrule.retype + 0.05 }], want: ["place:Soviet Union"] },
    { name: "a country inside a longer tagger name yields", text: "United Russia won", rule: ["Russia", "names/country", { type: "place", confidence: 0.95 }], tagger: ["United Russia", { confidence: sure }], want: ["organization:United Russia"] },
    { name: "a country beside an unsure tagger name stays", text: "United Russia won", rule: ["Russia", "names/country", { type: "place", confidence: 0.95 }], tagger: ["United Russia", { confidence: unsure }], want: ["place:Russia"] },
    { name: "Arabic-name grammar is never cut back", text: "Kata'ib al-Nour Brigades", rule: ["Kata'ib al-Nour", "names/arabic-org-prefix", { confidence: 0.9 }], tagger: ["Kata'ib al-Nour Brigades", { confidence: sure }], want: ["organization:Kata'ib al-Nour"] },
    { name: "a strong rule beats a crossing tagger span", text: "in Deir ez-Zor Military", rule: ["Deir ez-Zor", "names/place-cue-after", { type: "place", confidence: 0.9 }], tagger: ["ez-Zor Military", { confidence: sure }], want: ["place:Deir ez-Zor"] },
    { name: "agreement keeps the rule and records both sources", text: "Hamdi Saleh said", rule: ["Hamdi Saleh", "names/given-surname", { type: "person" }], tagger: ["Hamdi Saleh", { type: "person", confidence: sure }], want: ["person:Hamdi Saleh"], sources: ["names/given-surname", "tagger"] },
  ];
  for (const c of cases) {
    const [rsub, rule, rover] = c.rule;
    const [tsub, tover] = c.tagger;
    const weighed = weighEvidence.refine(ctxOf(c.text), [at(c.text, rsub, { rule, ...rover }), at(c.text, tsub, { rule: "tagger", ...tover })]);
    const out = removeOverlaps.refine(ctxOf(c.text), weighed);
    assert.deepEqual(show(c.text, out), c.want, c.name);
    if (c.sources) assert.deepEqual(out[0].attributes?.sources, c.sources, c.name);
    for (const m of out) assert.ok(Array.isArray(m.attributes?.sources), `${c.name}: sources recorded`);
  }
});

test("evidence: a tagger span below the floor is no mention but still doubts a weak rule typing the same span otherwise", () => {
  const below = nameThresholds().minConfidence.oneWord / 2;
  const cases: { name: string; text: string; rule: [string, string, Partial<Candidate>]; tagger: [string, Partial<Candidate>]; want: string[] }[] = [
    { name: "another type drops a weak gazetteer hit", text: "Carey said", rule: ["Carey", "names/gazetteer", { type: "place", confidence: 0.8 }], tagger: ["Carey", { type: "person", confidence: below }], want: [] },
    { name: "the same type keeps the rule", text: "Carey said", rule: ["Carey", "names/gazetteer", { type: "place", confidence: 0.8 }], tagger: ["Carey", { type: "place", confidence: below }], want: ["place:Carey"] },
    { name: "another span keeps the rule", text: "Carey Smith said", rule: ["Carey", "names/gazetteer", { type: "place", confidence: 0.8 }], tagger: ["Carey Smith", { type: "person", confidence: below }], want: ["place:Carey"] },
    { name: "a strong rule stays", text: "Syria said", rule: ["Syria", "names/country", { type: "place", confidence: 0.95 }], tagger: ["Syria", { type: "person", confidence: below }], want: ["place:Syria"] },
    { name: "a cue-typed rule stays", text: "the Nour Brigades said", rule: ["Nour Brigades", "names/org-cue", {}], tagger: ["Nour Brigades", { type: "person", confidence: below }], want: ["organization:Nour Brigades"] },
  ];
  for (const c of cases) {
    const [rsub, rule, rover] = c.rule;
    const [tsub, tover] = c.tagger;
    const ctx = ctxOf(c.text);
    ctx.taggerUsed = true;
    const filtered = filterTagger.refine(ctx, [at(c.text, rsub, { rule, ...rover }), at(c.text, tsub, { rule: "tagger", ...tover })]);
    assert.deepEqual(show(c.text, weighEvidence.refine(ctx, filtered)), c.want, c.name);
  }
});

test("a tagger span that won records the rules it overruled", () => {
  const text = "the New Democratic Party won";
  const out = weighEvidence.refine(ctxOf(text), [at(text, "Democratic Party", { rule: "names/org-cue" }), at(text, "New Democratic Party", { rule: "tagger", confidence: 0.9 })]);
  assert.deepEqual(out.map((c) => [c.rule, c.attributes?.overruled]), [["tagger", ["names/org-cue"]]]);
});

test("event modifiers: a place before an election word is not a place mention", () => {
  const cases: [string, string, boolean][] = [
    ["the 2005 United Kingdom general election was", "United Kingdom", false],
    ["the United States presidential election", "United States", false],
    ["the Iraq referendum", "Iraq", false],
    ["elections in Iraq were held", "Iraq", true],
    ["Syria general Ali Mamlouk", "Syria", true],
  ];
  for (const [text, sub, kept] of cases) {
    const out = dropEventModifiers.refine(ctxOf(text), [at(text, sub, { type: "place", rule: "names/country" })]);
    assert.equal(out.length === 1, kept, text);
  }
});

test("silent acronyms: the tagger's silence drops unknown acronyms only when it ran", () => {
  const text = "the LMAO and SDF and YPG units";
  const cands = () => [
    at(text, "LMAO", { rule: "names/acronym", form: "acronym", confidence: 0.6 }),
    at(text, "SDF", { rule: "names/acronym", form: "acronym", confidence: 0.9 }),
    at(text, "YPG", { rule: "names/acronym", form: "acronym", confidence: 0.6 }),
    at(text, "YPG units", { rule: "tagger", confidence: 0.5 }),
  ];
  const ran = ctxOf(text);
  ran.taggerUsed = true;
  assert.deepEqual(show(text, dropSilentAcronyms.refine(ran, cands())), ["organization:SDF", "organization:YPG", "organization:YPG units"]);
  assert.equal(dropSilentAcronyms.refine(ctxOf(text), cands()).length, 4);
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

test("short forms do not cut a longer tagger name down to its last word", () => {
  const text = "William A. Wheeler ran. Wheeler won.";
  const out = shortForms.refine(ctxOf(text), [at(text, "William A. Wheeler", { type: "person", rule: "tagger", confidence: 0.8 })]);
  assert.deepEqual(show(text, out), ["person:William A. Wheeler", "person:Wheeler"]);
  assert.deepEqual(out.map((c) => c.rule), ["tagger", "names/short-form"]);
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
  assert.ok(doc.mentions.every((x) => Array.isArray(x.attributes?.sources) && (x.attributes.sources as string[]).includes(x.rule)));
});

test("generic phrases are not names", () => {
  const text = "One of ISIS' most distinguished Islamist missionaries and Sharia experts left the Syrian area after the Mosul battles.";
  const got = nameCandidates(docOf(text), false).map((c) => text.slice(c.start, c.end));
  assert.deepEqual(got, ["ISIS", "Mosul"]);
});

test("coverage: reset clears the marks and drops a buffer past COVERAGE_KEEP_MAX", () => {
  const cover = new Coverage();
  cover.reset(100).take({ start: 10, end: 20 });
  assert.equal(cover.free({ start: 19, end: 25 }), false);
  assert.equal(cover.free({ start: 20, end: 25 }), true);
  cover.reset(100);
  assert.equal(cover.free({ start: 0, end: 100 }), true);
  cover.reset(COVERAGE_KEEP_MAX + 10).take({ start: COVERAGE_KEEP_MAX, end: COVERAGE_KEEP_MAX + 10 });
  assert.equal(cover.free({ start: COVERAGE_KEEP_MAX + 5, end: COVERAGE_KEEP_MAX + 6 }), false);
  cover.reset(100);
  assert.ok(cover.capacity <= COVERAGE_KEEP_MAX);
  assert.equal(cover.free({ start: 0, end: 100 }), true);
});

test("sortByStart: sorts stably by start, short and long lists alike", () => {
  for (const n of [0, 1, 7, 300]) {
    const cs = Array.from({ length: n }, (_, k) => ({ start: (k * 7919) % 13, id: k }));
    const want = [...cs].sort((a, b) => a.start - b.start);
    assert.deepEqual(sortByStart(cs), want);
  }
});

test("sortByPriority: sorts stably like Array.prototype.sort with overlapPriority", () => {
  const rules = ["names/gazetteer", "names/country", "tagger"];
  for (const n of [0, 1, 8, 9, 17, 64, 301]) {
    const cs: Candidate[] = Array.from({ length: n }, (_, k) => {
      const start = (k * 7919) % 23;
      return { start, end: start + ((k * 31) % 5), type: "place", rule: rules[k % 3], confidence: [0.8, 0.9][(k * 13) % 2], form: "name" };
    });
    const want = [...cs].sort(overlapPriority);
    assert.deepEqual(sortByPriority(cs), want);
    assert.ok(want.every((c, k) => cs[k] === c));
  }
});
