/**
 * `npm run bench`: extracts a deterministic corpus (>= 5 MB of invented articles, plus the seed,
 * the shared eval corpus and examples/ when present) and reports throughput, time per stage, peak RSS and
 * the CLI's cold start. Writes `.bench/last.json`.
 *
 * Two scopes are measured, each in its own process so that neither warms the other's caches:
 * - `entities`: reading plus the stages of one article's entity layer (tokens, times, quantities, names,
 *   aliases, coreference), serialised: the budget is >= 1 MB/s on one core;
 * - `full`: every stage (claims, relations and events too): the budget is >= 0.75 MB/s.
 * Each scope runs `--repeat` times (default 3), alternating, and the median run is reported with the range:
 * this shared VM's speed drifts between runs.
 *
 * One article is extracted before timing starts, so lazy loading counts in the warm-up and the cold
 * start, not in throughput. CPU time is reported beside wall time: on a busy machine only it is telling.
 *
 *   node --expose-gc dist/bench/run.js [--mb N] [--runs N] [--repeat N] [--scope entities|full]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { RawDocument } from "../model.js";
import { STAGES, runPipeline, type Stage } from "../extract/pipeline.js";
import { toResult } from "../extract/result.js";
import { readDocuments, readText } from "../read/index.js";
import { generateCorpus } from "./corpus.js";

/** What one bench process extracts: the entity layer of #2's budget, or every stage. */
export type BenchScope = "entities" | "full";
export const SCOPES: readonly BenchScope[] = ["entities", "full"];

/** Stages of the `entities` scope: everything up to and including coreference. */
const ENTITY_STAGES = new Set(["tokens", "times", "quantities", "names", "aliases", "coref"]);

/** The pipeline's stages in a scope, in order. */
export function scopeStages(scope: BenchScope): readonly Stage[] {
  return scope === "full" ? STAGES : STAGES.filter((s) => ENTITY_STAGES.has(s.name));
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = path.resolve(ROOT, "../shared");
const MB = 1024 * 1024;
/** Input bytes per entry of `BenchReport.chunks`. */
const CHUNK_BYTES = MB / 2;

/** Wall-clock milliseconds, high resolution. */
const now = (): number => performance.now();

/** CPU milliseconds (user + system) this process has used. */
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Time spent in one phase. Only wall time is taken per call (reading CPU time is a system call, too
 * slow to make per stage); `cpuMs` is the phase's share of wall time applied to the run's CPU time.
 */
export interface PhaseTime {
  wallMs: number;
  cpuMs: number;
}

/** Runs `fn`, adding its wall time to `into[name]`. */
function timed<T>(into: Record<string, number>, name: string, fn: () => T): T {
  const t0 = now();
  try {
    return fn();
  } finally {
    into[name] = (into[name] ?? 0) + now() - t0;
  }
}

/** Everything the bench measured; written to `.bench/last.json`. */
export interface BenchReport {
  scope: BenchScope;
  date: string;
  node: string;
  cpu: string;
  /** One-minute load average when the run ended: wall times mean little on a busy machine. */
  loadAverage: number;
  articles: number;
  megabytes: number;
  seconds: number;
  cpuSeconds: number;
  mbPerSecond: number;
  /** MB per CPU second: what one core does, whatever else the machine is running. */
  mbPerCpuSecond: number;
  articlesPerSecond: number;
  /** Per phase: reading, each pipeline stage, building the result, serialising it. */
  stages: Record<string, PhaseTime>;
  /** The first article, before timing starts: lexicons, gazetteer and tagger load lazily here. */
  warmup: PhaseTime;
  stageErrors: number;
  /** Wall MB/s of each successive `CHUNK_BYTES` of the pass (the last one may be shorter): the warm-up curve. */
  chunks: number[];
  peakRssMb: number;
}

/** Spawn-to-exit of the CLI on one article; `cpuMs` is the child's user + system time (from bash `times`). */
export interface ColdStart {
  file: string;
  wallMs: number[];
  medianWallMs: number;
  cpuMs: number[];
  medianCpuMs: number | null;
}

/** Real articles to mix in: the seed, the shared eval corpus and examples/, where present. */
async function realArticles(): Promise<RawDocument[]> {
  const files: string[] = [];
  const add = (dir: string, keep: (f: string) => boolean): void => {
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) if (keep(f)) files.push(path.join(dir, f));
  };
  add(path.join(SHARED, "seed"), (f) => f.endsWith(".txt"));
  add(path.join(SHARED, "eval/corpus"), (f) => f.endsWith(".txt"));
  add(path.join(ROOT, "examples"), (f) => !f.startsWith("."));
  const docs: RawDocument[] = [];
  for (const f of files) {
    try {
      docs.push(...(await readDocuments(f)));
    } catch (err) {
      process.stderr.write(`bench: skipping ${f}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return docs;
}

/** The stages of a scope, each adding its wall time to `into[name]`. */
function timedStages(into: Record<string, number>, scope: BenchScope): Stage[] {
  return scopeStages(scope).map((s) => ({ name: s.name, run: (doc) => timed(into, s.name, () => s.run(doc)) }));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Seconds in bash's `times` format ("0m0.512s") → milliseconds. */
const bashSeconds = (m: string, s: string): number => (Number(m) * 60 + Number(s)) * 1000;

/**
 * Times `node dist/cli/main.js extract FILE --format json` from spawn to exit, `runs` times, under
 * bash so that its `times` builtin reports the child's CPU time.
 */
function coldStart(file: string, runs: number): ColdStart | null {
  const main = path.join(ROOT, "dist/cli/main.js");
  if (!existsSync(main) || !existsSync(file)) return null;
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const script = 'node "$1" extract "$2" --format json >/dev/null || exit $?; times';
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const r = spawnSync("bash", ["-c", script, "bench", main, file], { encoding: "utf8", env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ""}` } });
    const ms = now() - t0;
    if (r.status !== 0) throw new Error(`cold start run failed (exit ${r.status}): ${String(r.stderr).trim()}`);
    wallMs.push(Math.round(ms));
    const children = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/.exec(r.stdout.trim());
    if (children) cpuMs.push(Math.round(bashSeconds(children[1]!, children[2]!) + bashSeconds(children[3]!, children[4]!)));
  }
  return { file: path.relative(ROOT, file), wallMs, medianWallMs: median(wallMs), cpuMs, medianCpuMs: cpuMs.length ? median(cpuMs) : null };
}

function coldStartFile(): string {
  const examples = path.join(ROOT, "examples");
  const txt = existsSync(examples) ? readdirSync(examples).sort().find((f) => f.endsWith(".txt")) : undefined;
  return txt ? path.join(examples, txt) : path.join(SHARED, "seed/000_cabcf89aa27defb8.txt");
}

/** Runs the whole bench and returns its report. */
export async function bench(opts: { mb: number; scope: BenchScope }): Promise<BenchReport> {
  const texts = generateCorpus(opts.mb * MB);
  const phases: Record<string, number> = {};
  for (const name of ["read", ...scopeStages(opts.scope).map((s) => s.name), "result", "serialize"]) phases[name] = 0;
  const stages = timedStages(phases, opts.scope);
  const real = await realArticles();
  const warmupCpu = cpuNow();
  const warmupWall = now();
  runPipeline(readText(texts[0]!, { file: "bench/warmup.txt" }), scopeStages(opts.scope));
  const warmup: PhaseTime = { wallMs: Math.round(now() - warmupWall), cpuMs: Math.round(cpuNow() - warmupCpu) };
  (globalThis as { gc?: () => void }).gc?.();

  let bytes = 0;
  let articles = 0;
  let stageErrors = 0;
  const process1 = (raw: RawDocument): void => {
    const doc = runPipeline(raw, stages);
    stageErrors += doc.diagnostics.filter((d) => d.rule?.startsWith("pipeline/")).length;
    const result = timed(phases, "result", () => toResult(doc));
    timed(phases, "serialize", () => JSON.stringify(result));
    bytes += Buffer.byteLength(raw.text, "utf8");
    articles++;
    if (bytes >= chunkEnd) {
      const t = now();
      chunks.push(round((bytes - chunkBytes) / MB / ((t - chunkStart) / 1000), 2));
      chunkStart = t;
      chunkBytes = bytes;
      chunkEnd = bytes + CHUNK_BYTES;
    }
  };

  const chunks: number[] = [];
  let chunkBytes = 0;
  let chunkEnd = CHUNK_BYTES;
  const start = now();
  let chunkStart = start;
  const cpuStart = cpuNow();
  for (const raw of real) process1(raw);
  texts.forEach((text, i) => process1(timed(phases, "read", () => readText(text, { file: `bench/${i}.txt` }))));
  const end = now();
  if (bytes > chunkBytes) chunks.push(round((bytes - chunkBytes) / MB / ((end - chunkStart) / 1000), 2));
  const seconds = (end - start) / 1000;
  const cpuSeconds = (cpuNow() - cpuStart) / 1000;

  return {
    scope: opts.scope,
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    loadAverage: round(loadavg()[0] ?? 0, 2),
    articles,
    megabytes: round(bytes / MB, 2),
    seconds: round(seconds, 2),
    cpuSeconds: round(cpuSeconds, 2),
    mbPerSecond: round(bytes / MB / seconds, 3),
    mbPerCpuSecond: round(bytes / MB / cpuSeconds, 3),
    articlesPerSecond: round(articles / seconds, 1),
    stages: Object.fromEntries(Object.entries(phases).map(([k, wall]) => [k, { wallMs: Math.round(wall), cpuMs: Math.round((wall / (seconds * 1000)) * cpuSeconds * 1000) }])),
    warmup,
    stageErrors,
    chunks,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Throughput budgets (MB/s on one core, wall) per scope: docs/ARCHITECTURE.md. */
export const BUDGET_MB_PER_SECOND: Readonly<Record<BenchScope, number>> = { entities: 1, full: 0.75 };

/** Everything `npm run bench` measured: every run of each scope, and the cold start. */
export interface BenchSummary {
  runs: Record<BenchScope, BenchReport[]>;
  coldStart: ColdStart | null;
}

/** The run with the median wall throughput (the lower middle one for an even count). */
export function medianRun(runs: readonly BenchReport[]): BenchReport {
  const sorted = [...runs].sort((a, b) => a.mbPerSecond - b.mbPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** One run's figures and time per phase, as a table for people. */
export function formatReport(r: BenchReport): string {
  const cpuTotal = Object.values(r.stages).reduce((a, b) => a + b.cpuMs, 0) || 1;
  const lines = [
    `corpus        ${r.articles} articles, ${r.megabytes} MB (${r.node}, ${r.cpu}, load average ${r.loadAverage})`,
    `throughput    ${r.mbPerSecond} MB/s, ${r.articlesPerSecond} articles/s wall (${r.seconds} s); ${r.mbPerCpuSecond} MB per CPU second (${r.cpuSeconds} s)`,
    `peak RSS      ${r.peakRssMb} MB`,
    `warm-up       ${r.warmup.wallMs} ms wall, ${r.warmup.cpuMs} ms CPU (first article: lazy loading, not in the figures below)`,
    `per 0.5 MB    ${r.chunks.join(" ")} MB/s wall, in order (one pass: JIT warm-up and first-sight caches slow the start)`,
    `stage errors  ${r.stageErrors}`,
    "",
    "phase          wall ms   ~CPU ms       share   MB per CPU s (~)",
  ];
  for (const [name, t] of Object.entries(r.stages)) {
    const rate = t.cpuMs > 0 ? (r.megabytes / (t.cpuMs / 1000)).toFixed(2) : "-";
    lines.push(`${name.padEnd(12)} ${String(t.wallMs).padStart(9)} ${String(t.cpuMs).padStart(9)} ${((100 * t.cpuMs) / cpuTotal).toFixed(1).padStart(10)}% ${rate.padStart(14)}`);
  }
  return lines.join("\n") + "\n";
}

/** The summary for people: per scope the median run against its budget, then each median run's phases. */
export function formatSummary(s: BenchSummary): string {
  const lines = ["scope      runs   MB/s wall: median (range)   budget   MB per CPU s   peak RSS"];
  for (const scope of SCOPES) {
    const runs = s.runs[scope];
    if (runs.length === 0) continue;
    const m = medianRun(runs);
    const rates = runs.map((r) => r.mbPerSecond);
    const range = `${m.mbPerSecond} (${Math.min(...rates)}–${Math.max(...rates)})`;
    const budget = BUDGET_MB_PER_SECOND[scope];
    const verdict = m.mbPerSecond >= budget ? "met" : "not met";
    lines.push(`${scope.padEnd(10)} ${String(runs.length).padStart(4)}   ${range.padEnd(26)} ≥ ${String(budget).padEnd(5)}${verdict.padEnd(8)} ${String(m.mbPerCpuSecond).padStart(6)}   ${Math.max(...runs.map((r) => r.peakRssMb))} MB`);
  }
  const cold = s.coldStart;
  lines.push(`cold start ${cold ? `${cold.medianWallMs} ms wall, ${cold.medianCpuMs ?? "?"} ms CPU (median of ${cold.wallMs.length}, ${cold.file}; budget < 2000 ms)` : "not measured"}`);
  for (const scope of SCOPES) {
    if (s.runs[scope].length === 0) continue;
    lines.push("", `── ${scope}: the median run ──`, formatReport(medianRun(s.runs[scope])).trimEnd());
  }
  return lines.join("\n") + "\n";
}

/** Runs one scope in a fresh process (`--scope S --json`) and returns its report. */
function benchInChild(scope: BenchScope, mb: number): BenchReport {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ["--expose-gc", self, "--scope", scope, "--mb", String(mb), "--json"], { encoding: "utf8", maxBuffer: 64 * MB });
  if (r.status !== 0) throw new Error(`bench run for scope ${scope} failed (exit ${r.status}): ${String(r.stderr).trim()}`);
  return JSON.parse(r.stdout) as BenchReport;
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mb: { type: "string", default: "5" },
      runs: { type: "string", default: "5" },
      repeat: { type: "string", default: "3" },
      scope: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const mb = Number(values.mb);
  const runs = Number(values.runs);
  const repeat = Number(values.repeat);
  const scope = values.scope as BenchScope | undefined;
  if (!(mb > 0) || !Number.isInteger(runs) || runs < 0 || !Number.isInteger(repeat) || repeat < 1 || (scope !== undefined && !SCOPES.includes(scope))) {
    throw new Error("usage: bench [--mb N (> 0)] [--runs N (>= 0)] [--repeat N (>= 1)] [--scope entities|full [--json]]");
  }
  if (scope) {
    const report = await bench({ mb, scope });
    process.stdout.write(values.json ? JSON.stringify(report) : formatReport(report));
    return;
  }
  const summary: BenchSummary = { runs: { entities: [], full: [] }, coldStart: null };
  for (let i = 0; i < repeat; i++) {
    for (const s of SCOPES) {
      process.stderr.write(`bench: ${s}, run ${i + 1} of ${repeat}\n`);
      summary.runs[s].push(benchInChild(s, mb));
    }
  }
  summary.coldStart = runs > 0 ? coldStart(coldStartFile(), runs) : null;
  process.stdout.write(formatSummary(summary));
  const dir = path.join(ROOT, ".bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "last.json"), JSON.stringify(summary, null, 2) + "\n");
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), path.join(dir, "last.json")) || ".bench/last.json"}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
