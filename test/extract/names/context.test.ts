import { test } from "node:test";
import assert from "node:assert/strict";
import { foldName, isDemonymFolded, knownOrganizations, matchKnownOrganization, wordSet } from "../../../src/lexicon/index.js";
import { ctxOf } from "./helpers.js";

/** Texts whose token runs exercise the fast folding paths and their fallbacks. */
const CASES: [string, string][] = [
  ["plain words", "The Syrian Democratic Forces took the town of Hajin."],
  ["leading the", "the the The THE Hague"],
  ["spacer punctuation", "Forces (SDF), Deir ez-Zor / Raqqa; al-Qaeda - Iraq!"],
  ["quotes join letters", "Qa'ida Hay'at Tahrir al-Sham's fighters"],
  ["case-ignorable dot and Greek sigma", "ΟΔΟΣ.Β ΑΣ,Β ΑΣ-Β (ΑΣ)Β Σ;Σ"],
  ["accents and compatibility forms", "État Île ﬁ-ﬂ ½,¼ Ǆemal  \u00a0 İstanbul"],
  ["prototype-named words", "The constructor __proto__ toString"],
];

for (const [name, text] of CASES) {
  test(`foldedSpan equals foldName of the slice: ${name}`, () => {
    const ctx = ctxOf(text);
    for (let i = 0; i < ctx.length; i++) {
      for (let j = i; j < Math.min(ctx.length, i + 6); j++) {
        assert.equal(ctx.foldedSpan(i, j), foldName(ctx.slice(i, j)), ctx.slice(i, j));
        assert.equal(ctx.foldedRange(ctx.tokens[i].start, ctx.tokens[j].end), foldName(ctx.slice(i, j)));
      }
    }
  });
}

test("foldedSpan: interned folds agree across documents, in any order of ends, and for long spans", () => {
  const text = "The Syrian Democratic Forces of the Deir ez-Zor Military Council met in Al-Hasakah Governorate on Monday.";
  const first = ctxOf(text);
  const again = ctxOf(`Reports: ${text}`);
  const shift = again.tokenAt(again.text.indexOf("The"));
  for (let i = 0; i < first.length; i++) {
    for (let j = Math.min(first.length - 1, i + 14); j >= i; j--) {
      const want = foldName(first.slice(i, j));
      assert.equal(first.foldedSpan(i, j), want, first.slice(i, j));
      assert.equal(again.foldedSpan(i + shift, j + shift), want, first.slice(i, j));
    }
  }
});

test("foldedRange folds a range that is not a run of whole tokens", () => {
  const ctx = ctxOf("Islamic State's fighters");
  assert.equal(ctx.foldedRange(2, 13), foldName("lamic State"));
});

test("knownOrg matches like matchKnownOrganization on the slice (names, aliases, acronyms)", () => {
  const ctx = ctxOf("ISIS and the Islamic State of Iraq and the Levant met the Syrian Democratic Forces (SDF) in Hajin.");
  for (let i = 0; i < ctx.length; i++) {
    for (let j = i; j < Math.min(ctx.length, i + 9); j++) assert.deepEqual(ctx.knownOrg(i, j), matchKnownOrganization(ctx.slice(i, j)));
  }
  assert.ok(ctx.knownOrg(0, 0));
});

test("knownOrgPrefix is false only where no name or alias extends the run's fold", () => {
  const ctx = ctxOf("The Islamic State of Iraq and the Levant and the Syrian army met in Hajin, Syria.");
  const names = knownOrganizations().flatMap((o) => [o.name, ...o.aliases].map(foldName));
  // the last gap ("Syria" ".") does not join: runs over it are not interned and always count as prefixes
  assert.ok(ctx.knownOrgPrefix(ctx.length - 2, ctx.length - 1));
  for (let i = 0; i < ctx.length - 1; i++) {
    for (let j = i; j < Math.min(ctx.length - 1, i + 9); j++) {
      const f = ctx.foldedSpan(i, j);
      const extended = f === "" || names.some((n) => n === f || n.startsWith(`${f} `));
      assert.equal(ctx.knownOrgPrefix(i, j), extended, ctx.slice(i, j));
    }
  }
});

test("loneWordRange agrees with the word sets and demonyms on a one-token range", () => {
  const ctx = ctxOf("The Iraqi army said Monday that Mosul and Al-Raqqah were taken; the The.");
  const ordinary = (f: string) => !f.includes(" ") && (wordSet("common-words").has(f) || wordSet("non-names").has(f) || isDemonymFolded(f));
  for (let i = 0; i < ctx.length; i++) {
    const t = ctx.tokens[i];
    const got = ctx.loneWordRange(t.start, t.end);
    if (got !== undefined) assert.equal(got, ordinary(foldName(t.text)), t.text);
    else assert.notEqual(ctx.foldedName(i), ctx.foldedToken(i), t.text);
  }
  assert.equal(ctx.loneWordRange(ctx.tokens[0].start, ctx.tokens[1].end), undefined);
});
