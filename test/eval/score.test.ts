import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { extract } from "../../src/extract/index.js";
import { readDocuments } from "../../src/read/index.js";
import { formatScore, norm, score, scoreJson, type ScorableResult } from "../../src/eval/score.js";
import type { Gold } from "../../src/eval/gold.js";
import { SHARED } from "../property/spans.js";

const SCORE_MJS = path.join(SHARED, "eval/score.mjs");
const reference = (await import(SCORE_MJS)) as { score: (g: unknown, r: unknown) => unknown; norm: (s: unknown) => string };

const GOLDS = ["eval/gold/seed.gold.json", "eval/corpus/c1-mayadeen-clash.gold.json", "eval/corpus/c2-mayadin-translated.gold.json", "eval/corpus/c3-splinter.gold.json"];

type Result = Required<ScorableResult> & { document: { text: string } };
const list = <T>(x: T | T[] | undefined): T[] => (x == null ? [] : Array.isArray(x) ? x : [x]);

/** A result built from the gold itself, so that every layer has something to match. */
function fromGold(gold: Gold, text: string): Result {
  const at = (s: string): { start: number; end: number; text: string } => {
    const i = Math.max(0, text.toLowerCase().indexOf(s.toLowerCase()));
    return { start: i, end: i + s.length, text: text.slice(i, i + s.length) };
  };
  const ents = gold.entities ?? [];
  const idOf = (name: string): string => `e${ents.findIndex((e) => norm(e.name) === norm(name))}`;
  const claims = (gold.claims ?? []).map((c, i) => ({ id: `c${i}`, source: { text: c.source, kind: c.kind ?? "anonymous" } }));
  const claimFor = (who: string | undefined): string | undefined => (who ? claims.find((c) => norm(c.source.text).includes(norm(who)))?.id : undefined);
  return {
    document: { ...gold.document, text },
    entities: ents.map((e, i) => ({ id: `e${i}`, type: list(e.type)[0]!, name: e.name, aliases: list(e.aliases), mentions: [at(e.name)] })),
    relations: (gold.relations ?? []).map((r, i) => ({ id: `r${i}`, type: r.type, subject: idOf(r.subject), object: idOf(list(r.object)[0]!), evidence: [at(r.subject)], claim: claimFor(r.attributedTo) })),
    events: (gold.events ?? []).map((e) => ({
      type: list(e.types)[0]!,
      trigger: at(list(e.places)[0] ?? "the"),
      time: e.time,
      places: list(e.places).map(idOf),
      participants: list(e.participants).map((p) => ({ entity: idOf(p) })),
      counts: list(e.counts).map((c) => ({ what: c.what, value: c.value })),
      evidence: [],
      claim: claimFor(e.attributedTo),
    })),
    times: (gold.times ?? []).map((t) => ({ span: at(t.text), start: t.start, end: t.end })),
    claims,
  };
}

/** Named changes to a result; each exercises a different part of the matching. */
const MUTATIONS: Record<string, (r: Result) => Result> = {
  "as is": (r) => r,
  "every other entity removed": (r) => ({ ...r, entities: r.entities.filter((_, i) => i % 2 === 0) }),
  "aliases added": (r) => ({ ...r, entities: r.entities.map((e, i) => ({ ...e, aliases: [...(e.aliases ?? []), `Alias ${i}`, e.name.split(" ").pop()!] })) }),
  "spans broken": (r) => ({ ...r, entities: r.entities.map((e) => ({ ...e, mentions: (e.mentions ?? []).map((m) => ({ ...m, start: m.start + 1 })) })) }),
  "short forms split off": (r) => ({ ...r, entities: [...r.entities, ...r.entities.map((e, i) => ({ ...e, id: `x${i}`, name: e.name.split(" ").pop()!, aliases: [] }))] }),
  "types changed": (r) => ({ ...r, entities: r.entities.map((e) => ({ ...e, type: e.type === "person" ? "organization" : "person" })) }),
  "relations reversed": (r) => ({ ...r, relations: r.relations.map((x) => ({ ...x, subject: x.object, object: x.subject, type: x.type === "parent_of" ? "child_of" : x.type })) }),
  "relations derived": (r) => ({ ...r, relations: r.relations.map((x, i) => (i % 2 ? { ...x, derived: true } : { ...x, evidence: [] })) }),
  "events without arguments": (r) => ({ ...r, events: r.events.map((e) => ({ ...e, places: [], participants: [], time: undefined, counts: [] })) }),
  "events duplicated": (r) => ({ ...r, events: [...r.events, ...r.events] }),
  "claims dropped": (r) => ({ ...r, claims: [] }),
  "times shifted a year": (r) => ({ ...r, times: r.times.map((t) => ({ ...t, start: `1${(t.start ?? "").slice(1)}` })) }),
  "document emptied": (r) => ({ ...r, document: { text: r.document.text } }),
  "empty result": (r) => ({ document: { text: r.document.text } }) as Result,
};

interface Case {
  name: string;
  gold: Gold;
  result: Result;
}

const cases: Case[] = [];
for (const rel of GOLDS) {
  const goldFile = path.join(SHARED, rel);
  const gold = JSON.parse(readFileSync(goldFile, "utf8")) as Gold;
  const [raw] = await readDocuments(path.resolve(path.dirname(goldFile), gold.file!));
  const extracted = JSON.parse(JSON.stringify(extract(raw!))) as Result;
  for (const [base, result] of [["extracted", extracted], ["from gold", fromGold(gold, extracted.document.text)]] as const) {
    for (const [mutation, change] of Object.entries(MUTATIONS)) cases.push({ name: `${path.basename(rel)} ${base}, ${mutation}`, gold, result: change(JSON.parse(JSON.stringify(result)) as Result) });
  }
}

describe("score agrees with ../shared/eval/score.mjs", () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(score(c.gold, c.result), reference.score(c.gold, JSON.parse(JSON.stringify(c.result))));
    });
  }

  it("a gold-derived result scores well above the extracted one's floor", () => {
    const c = cases.find((x) => x.name === "seed.gold.json from gold, as is")!;
    const s = score(c.gold, c.result);
    assert.equal(s.layers.entities.f1, 1);
    assert.equal(s.layers.relations.recall, 1);
    assert.equal(s.layers.spans.bad, 0);
  });
});

describe("printed table is the reference's, line for line", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "newsgraph-score-"));
  const printed = cases.filter((c) => /^(seed.gold.json extracted, as is|seed.gold.json from gold, (as is|aliases added|spans broken)|c1.* from gold, as is)$/.test(c.name));
  it("covers the printed cases", () => assert.equal(printed.length, 5));
  for (const [i, c] of printed.entries()) {
    for (const flags of [[], ["--verbose"], ["--json"]]) {
      it(`${c.name} ${flags.join(" ") || "(plain)"}`, () => {
        const goldFile = path.join(dir, `g${i}.json`);
        const resultFile = path.join(dir, `r${i}.json`);
        writeFileSync(goldFile, JSON.stringify(c.gold));
        writeFileSync(resultFile, JSON.stringify(c.result));
        const want = execFileSync(process.execPath, [SCORE_MJS, goldFile, resultFile, ...flags], { encoding: "utf8" });
        const s = score(c.gold, c.result);
        const got = flags.includes("--json") ? JSON.stringify(scoreJson(s), null, 1) + "\n" : formatScore(s, { verbose: flags.includes("--verbose") });
        assert.equal(got, want);
      });
    }
  }
});

describe("norm folds names like the reference", () => {
  const table: [string, string][] = [
    ["Abou Bakr al-Baghdadi", "abu bakr al baghdadi"],
    ["The Islamic State", "islamic state"],
    ["Kata'ib  el-Nour", "kataib al nour"],
    ["Dayr az\u2011Zawr", "dayr az zawr"],
    ["Ḥamā", "hama"],
    ["“Sharia” council/office", "sharia council office"],
    ["", ""],
  ];
  for (const [input, folded] of table) {
    it(JSON.stringify(input), () => {
      assert.equal(norm(input), reference.norm(input));
      assert.equal(norm(input), folded);
    });
  }
  it("keeps Hajeen and Hajin apart", () => assert.notEqual(norm("Hajeen"), norm("Hajin")));
});
