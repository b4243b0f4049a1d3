import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { clean, formatText } from "../../src/cli/format-text.js";
import type { ExtractionResult } from "../../src/extract/index.js";

const TEXT = "Abu Omar, a leader of ISIS, said that ISIS fighters killed 7 people in Raqqa.";
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });

/** A small result with every layer filled. */
function result(): ExtractionResult {
  return {
    schemaVersion: 1,
    document: { id: "d", title: "Clash in Raqqa", publishedAt: "2018-05-03T05:32", language: "en", translatedFrom: "ar", credits: [{ role: "translator", name: "Nouha Salti" }], source: { file: "a.txt" }, text: TEXT },
    entities: [
      { id: "p1", type: "person", name: "Abu Omar", aliases: ["Hamdi Saleh"], mentions: [at("Abu Omar")] },
      { id: "o1", type: "organization", name: "Islamic State", aliases: ["ISIS"], mentions: [at("ISIS"), at("ISIS")] },
      { id: "l1", type: "place", name: "Raqqa", aliases: [], mentions: [at("Raqqa")], geo: { countryCode: "SY" } },
    ],
    relations: [
      { id: "r1", type: "leader_of", subject: "p1", object: "o1", evidence: [at("a leader of ISIS")], rule: "t", status: "former" },
      { id: "r2", type: "located_in", subject: "l1", object: "l1", evidence: [], derived: true, rule: "t" },
    ],
    events: [
      { id: "e1", type: "killing", trigger: at("killed"), places: ["l1"], participants: [{ entity: "o1", role: "actor" }], counts: [{ what: "people", value: 7, qualifier: "more_than" }], modality: "asserted", evidence: [], claim: "c1", rule: "t", time: { start: "2018-05-01", end: "2018-05-01", precision: "day", text: "two days ago" } },
    ],
    times: [{ text: "two days ago", span: at("Raqqa"), start: "2018-05-01", end: "2018-05-01", precision: "day", approximate: false, relative: true, rule: "t" }],
    claims: [
      { id: "c1", source: { text: "Abu Omar", kind: "person", entity: "p1" }, modality: "claimed", span: at("said that"), rule: "t" },
      { id: "c2", source: { text: "Abu Omar", kind: "person", entity: "p1" }, modality: "reported", rule: "t" },
    ],
    diagnostics: [{ severity: "info", message: "quiet", rule: "x" }, { severity: "warning", message: "loud\nline", rule: "y" }],
  };
}

describe("formatText", () => {
  const out = formatText(result());
  const cases: [string, RegExp][] = [
    ["title and rule", /^Clash in Raqqa\n=+\n/],
    ["date, language, translation", /published 2018-05-03T05:32 · language en · translated from ar/],
    ["credits", /credits: Nouha Salti \(translator\)/],
    ["entities by type, with aliases and mention counts", /Organizations \(1\)\n {2}Islamic State ×2 · also: ISIS/],
    ["place country code", /Raqqa ×1 · SY/],
    ["times with resolved values", /"two days ago" → 2018-05-01 \(day, relative\)/],
    ["one source for claims with the same entity", /Claims by source \(1 source, 2 claims\)\n {2}Abu Omar \[person\] · "said that", "reported"/],
    ["event under its source, with roles, place, time, counts, modality", /- killing "killed" · actor: Islamic State · in Raqqa · when 2018-05-01 "two days ago" · more than 7 people \[claimed\]/],
    ["unattributed relations", /Unattributed facts \(2\)\n {2}- Abu Omar —leader_of→ Islamic State \(former\)/],
    ["derived relations marked", /Raqqa —located_in→ Raqqa \(derived\)/],
    ["warnings on one line, info left out", /Diagnostics \(1\)\n {2}warning: loud line \[y\]\n$/],
  ];
  for (const [name, pattern] of cases) it(name, () => assert.match(out, pattern));

  it("an empty result prints the header and counts only", () => {
    const r = { ...result(), entities: [], relations: [], events: [], times: [], claims: [], diagnostics: [] };
    r.document = { ...r.document, title: null, credits: [], translatedFrom: null };
    assert.equal(formatText(r), "(untitled)\n==========\npublished 2018-05-03T05:32 · language en\nsource: a.txt\n0 entities · 0 relations · 0 events · 0 times · 0 claims\n");
  });

  it("an event whose claim id is unknown is unattributed", () => {
    const r = result();
    r.events[0]!.claim = "nope";
    assert.match(formatText(r), /Unattributed facts \(3\)/);
  });
});

describe("clean", () => {
  const cases: [string, string, number, string][] = [
    ["control characters become spaces", "a\u0007b\u001b[31mc", 100, "a b [31mc"],
    ["bidi overrides become spaces", "x\u202Ey\u2066z", 100, "x y z"],
    ["whitespace collapses", "  a \n\n b\t", 100, "a b"],
    ["lone surrogates become U+FFFD", "a\uD800b\uDC00", 100, "a\uFFFDb\uFFFD"],
    ["long text is cut with an ellipsis", "abcdefghij", 5, "abcd…"],
    ["a cut never splits a surrogate pair", "abc\u{1F600}defg", 5, "abc…"],
    ["Arabic text is kept", "أبو عمر", 100, "أبو عمر"],
  ];
  for (const [name, input, max, want] of cases) it(name, () => assert.equal(clean(input, max), want));
});
