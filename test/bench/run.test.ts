import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BUDGET_MB_PER_SECOND, formatSummary, medianRun, scopeStages, type BenchReport, type BenchSummary } from "../../src/bench/run.js";
import { STAGES } from "../../src/extract/pipeline.js";

/** A report with only the fields the summary reads filled in meaningfully. */
function report(scope: BenchReport["scope"], mbPerSecond: number, peakRssMb = 200): BenchReport {
  return {
    scope,
    date: "2026-11-28T00:00:00.000Z",
    node: "v20",
    cpu: "cpu",
    loadAverage: 0,
    articles: 10,
    megabytes: 5,
    seconds: 5 / mbPerSecond,
    cpuSeconds: 5 / mbPerSecond,
    mbPerSecond,
    mbPerCpuSecond: mbPerSecond,
    articlesPerSecond: 1,
    stages: { names: { wallMs: 100, cpuMs: 100 } },
    warmup: { wallMs: 1, cpuMs: 1 },
    stageErrors: 0,
    chunks: [0.4, mbPerSecond],
    peakRssMb,
  };
}

describe("bench scopes", () => {
  it("entities stops at coreference, in pipeline order", () => {
    assert.deepEqual(
      scopeStages("entities").map((s) => s.name),
      ["tokens", "times", "quantities", "names", "aliases", "coref"],
    );
  });
  it("full is every stage", () => {
    assert.deepEqual(scopeStages("full"), STAGES);
  });
});

describe("medianRun", () => {
  const cases: [string, number[], number][] = [
    ["one run", [0.8], 0.8],
    ["odd count: the middle", [1.2, 0.7, 0.9], 0.9],
    ["even count: the lower middle", [1.0, 0.6, 0.8, 0.9], 0.8],
  ];
  for (const [name, rates, expected] of cases) {
    it(name, () => assert.equal(medianRun(rates.map((r) => report("full", r))).mbPerSecond, expected));
  }
});

describe("formatSummary", () => {
  const summary = (entities: number[], full: number[]): BenchSummary => ({
    runs: { entities: entities.map((r) => report("entities", r)), full: full.map((r) => report("full", r, 250)) },
    coldStart: null,
  });
  it("judges the median against each scope's budget and shows the range", () => {
    const text = formatSummary(summary([0.9, 1.1, 1.3], [0.7, 0.74, 0.9]));
    const entities = text.split("\n").find((l) => l.startsWith("entities"))!;
    const full = text.split("\n").find((l) => l.startsWith("full"))!;
    assert.match(entities, /1\.1 \(0\.9–1\.3\)/);
    assert.match(entities, new RegExp(`≥ ${BUDGET_MB_PER_SECOND.entities}\\s+met`));
    assert.match(full, /0\.74 \(0\.7–0\.9\)/);
    assert.match(full, /not met/);
    assert.match(full, /250 MB/);
    assert.match(text, /cold start not measured/);
    assert.match(text, /per 0\.5 MB {4}0\.4 1\.1 MB\/s/);
  });
  it("leaves out a scope with no runs", () => {
    const text = formatSummary(summary([], [0.8]));
    assert.equal(text.split("\n").some((l) => l.startsWith("entities")), false);
    assert.match(text, /── full: the median run ──/);
  });
});
