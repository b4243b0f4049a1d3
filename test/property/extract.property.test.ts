import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { extract } from "../../src/extract/index.js";
import { readText } from "../../src/read/index.js";
import { ROOT, SHARED, badSpans, schemaErrors } from "./spans.js";

/** Fixed by default so CI is repeatable; set NEWSGRAPH_FC_SEED to explore other inputs. */
const SEED = Number(process.env.NEWSGRAPH_FC_SEED ?? 20180503);

/** Extracts `text` and lists every way the result breaks the contract (empty when it holds). */
function problems(text: string): string[] {
  const raw = readText(text);
  const result = extract(raw);
  const found: string[] = [];
  if (result.document.text !== raw.text) found.push("document.text differs from the text read");
  for (const d of result.diagnostics) if (d.severity === "error" && d.rule?.startsWith("pipeline/")) found.push(`${d.rule}: ${d.message}`);
  found.push(...badSpans(result, result.document.text));
  found.push(...schemaErrors(JSON.parse(JSON.stringify(result))));
  return found;
}

/** Pieces that stress offsets and scripts: Arabic, RTL and bidi marks, combining marks, astral and lone surrogates, controls. */
const PIECES = [
  "Abu Omar al-Masri", "ISIS", "the Syrian Democratic Forces (SDF)", "in Deir ez-Zor", "on March 3, 2018", "about three months ago",
  "more than 200 fighters", "a source said that", "also known as", "Kata'ib", "\u0623\u0628\u0648 \u0639\u0645\u0631", "\u200F", "\u202E",
  "\u2066x\u2069", "e\u0301", "\u0651\u064E", "\u{1F600}", "\u{1D400}\u{1D401}", "\uD800", "\uDC00", "\u0000", "\u001B[31m", "\r\n", "\n\n",
  "\u00A0", "\u2028", "\uFEFF", "...", "\"", "(", ")", ",", " ", "'s", "Al-", "-", "\t",
];

const pieces = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 40 }).map((xs) => xs.join(" "));

/** The bundled articles that mutations start from. */
function articles(): string[] {
  const files = [path.join(SHARED, "seed/000_cabcf89aa27defb8.txt")];
  for (const dir of [path.join(SHARED, "eval/corpus"), path.join(ROOT, "examples")]) {
    if (existsSync(dir)) files.push(...readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(dir, f)));
  }
  return files.map((f) => readFileSync(f, "utf8"));
}

type Edit = { op: "insert" | "delete" | "upper" | "lower" | "duplicate"; at: number; length: number; text: string };

/** Applies an edit at relative positions (0..1) of the text, so the same edit fits any length. */
function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  const end = Math.min(text.length, at + e.length);
  switch (e.op) {
    case "insert": return text.slice(0, at) + e.text + text.slice(at);
    case "delete": return text.slice(0, at) + text.slice(end);
    case "upper": return text.slice(0, at) + text.slice(at, end).toUpperCase() + text.slice(end);
    case "lower": return text.slice(0, at) + text.slice(at, end).toLowerCase() + text.slice(end);
    case "duplicate": return text.slice(0, end) + text.slice(at, end) + text.slice(end);
  }
}

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom("insert", "delete", "upper", "lower", "duplicate"),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  length: fc.integer({ min: 1, max: 400 }),
  text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 12 })),
});

describe("extraction holds its contract on any text", () => {
  const cases: [string, fc.Arbitrary<string>, number][] = [
    ["random ASCII strings", fc.string({ maxLength: 300 }), 60],
    ["random Unicode strings (astral, lone surrogates)", fc.string({ unit: "binary", maxLength: 300 }), 60],
    ["news-like pieces with RTL, combining marks and controls", pieces, 80],
    ["mutated bundled articles", fc.tuple(fc.constantFrom(...articles()), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([t, edits]) => edits.reduce(applyEdit, t)), 40],
  ];
  for (const [name, arbitrary, numRuns] of cases) {
    it(name, () => {
      fc.assert(fc.property(arbitrary, (text) => { assert.deepEqual(problems(text), []); }), { numRuns, seed: SEED });
    });
  }
});

describe("the property check itself", () => {
  const edits: [string, Edit, string][] = [
    ["insert", { op: "insert", at: 0.5, length: 1, text: "X" }, "abXcd"],
    ["delete", { op: "delete", at: 0.25, length: 2, text: "" }, "ad"],
    ["upper", { op: "upper", at: 0, length: 2, text: "" }, "ABcd"],
    ["lower", { op: "lower", at: 0, length: 3, text: "" }, "abcD"],
    ["duplicate", { op: "duplicate", at: 0.5, length: 9, text: "" }, "abcdcd"],
  ];
  for (const [name, e, want] of edits) it(`applies ${name}`, () => assert.equal(applyEdit(name === "lower" ? "ABCD" : "abcd", e), want));
});
