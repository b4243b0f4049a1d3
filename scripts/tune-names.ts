/**
 * Chooses the names refiners' tagger thresholds (`data/names/thresholds.json`) on held-out data, so that a
 * retrained tagger comes with thresholds fitted to its confidences.
 *
 *   npm run train -- --heldout-model /tmp/heldout      # a model trained without the held-out documents
 *   npx tsx scripts/tune-names.ts --model /tmp/heldout [--write | --score-only] [--data DIR]
 *
 * The held-out documents are those the training script scores (every `config.heldOutEvery`-th document of each
 * corpus). They go through the full pipeline with the held-out model, and the thresholds are chosen by
 * coordinate ascent on the mean exact-span F1 over the objective corpora (CrossNER, UNER, Wikigold,
 * Re-DocRED; GUM marks whole noun phrases and is only reported). The seed and the shared eval corpus are scored
 * as a guard, never optimized. Test files are never read. `--write` stores the chosen thresholds;
 * `--score-only` prints the held-out scores under the thresholds in force (to weigh a code change).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { heldOutByDocument, loadTrainingCorpora, type NerSentence } from "../src/eval/datasets/index.js";
import { buildText, predictNames } from "../src/eval/conll.js";
import { SpanScorer } from "../src/eval/prf.js";
import { listGoldFiles } from "../src/eval/gold.js";
import { score } from "../src/eval/score.js";
import { extract } from "../src/extract/index.js";
import { readDocuments } from "../src/read/index.js";
import { loadTagger } from "../src/extract/tagger/index.js";
import { useNameTagger } from "../src/extract/names/index.js";
import { nameThresholds, setNameThresholds, type NameThresholds } from "../src/extract/names/thresholds.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = path.resolve(repoRoot, "..", "shared");

/** Corpora whose mean F1 is maximized (PER/ORG/LOC names); GUM marks whole noun phrases and is reported only. */
const OBJECTIVE = ["crossner", "uner", "wikigold", "docred"];

/** A change is kept only when it raises the objective by more than this (mean F1): smaller gains are noise. */
const MIN_GAIN = 0.001;

/** Values tried for each threshold (tagger confidence, 0..1). */
const GRID = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8];

interface Args {
  model: string;
  data: string;
  write: boolean;
  /** Only score the thresholds in force (to compare code changes on held-out data). */
  scoreOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = { data: path.join(SHARED, "data"), write: false, scoreOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--model") args.model = path.resolve(argv[++i]);
    else if (a === "--data") args.data = path.resolve(argv[++i]);
    else if (a === "--write") args.write = true;
    else if (a === "--score-only") args.scoreOnly = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!args.model) throw new Error("usage: tune-names.ts --model DIR [--write | --score-only] [--data DIR]");
  return args as Args;
}

/** One scoring unit: a text built from held-out sentences and its gold spans. */
interface Unit {
  id: string;
  text: string;
  gold: { start: number; end: number; type: "person" | "organization" | "place" }[];
}

/** Held-out units per corpus: one per sentence for CrossNER (as `newsgraph eval` does), else one per document. */
function heldOutUnits(dataDir: string, every: number): Map<string, Unit[]> {
  const out = new Map<string, Unit[]>();
  for (const c of loadTrainingCorpora(dataDir)) {
    const flags = heldOutByDocument(c.sentences, every);
    const groups: NerSentence[][] = [];
    c.sentences.forEach((s, i) => {
      if (!flags[i]) return;
      const last = groups[groups.length - 1];
      if (c.name !== "crossner" && last && last[0].doc === s.doc) last.push(s);
      else groups.push([s]);
    });
    out.set(c.name, groups.map((g, i) => ({ id: `${c.name}#${i}`, ...buildText(g) })));
  }
  return out;
}

/** Micro F1 of the pipeline's names on each corpus's units under the thresholds in force. */
function scoreUnits(units: Map<string, Unit[]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, us] of units) {
    const scorer = new SpanScorer();
    for (const u of us) scorer.add(u.gold, predictNames(u.text, "pipeline", u.id));
    out.set(name, scorer.result().micro.f1);
  }
  return out;
}

const objective = (f1: Map<string, number>): number => OBJECTIVE.reduce((a, n) => a + (f1.get(n) ?? 0), 0) / OBJECTIVE.length;

/** Entity F1 of the seed and the shared eval corpus articles (a guard: reported, never optimized). */
async function guard(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const dir of [path.join(SHARED, "eval/gold"), path.join(SHARED, "eval/corpus")]) {
    for (const g of await listGoldFiles(dir)) {
      const docs = await readDocuments(g.article!);
      out.set(path.basename(g.path), score(g.gold, extract(docs[0]!)).layers.entities.f1);
    }
  }
  return out;
}

const fmt = (m: Map<string, number>): string => [...m].map(([k, v]) => `${k} ${v.toFixed(3)}`).join(", ");

/** The thresholds as a flat list of [group, key] pairs, in a fixed order. */
const KEYS: [keyof NameThresholds, string][] = [
  ["minConfidence", "oneWord"],
  ["minConfidence", "longer"],
  ["overrule", "weak"],
  ["overrule", "narrower"],
  ["overrule", "contains"],
  ["overrule", "retype"],
];

function withValue(t: NameThresholds, group: keyof NameThresholds, key: string, v: number): NameThresholds {
  return { ...t, [group]: { ...t[group], [key]: v } };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const meta = JSON.parse(readFileSync(path.join(args.model, "ner.json"), "utf8")) as { config?: { heldOutEvery?: number } };
  const every = meta.config?.heldOutEvery;
  if (!every) throw new Error(`${args.model}/ner.json: no config.heldOutEvery (not a model from scripts/train.ts)`);
  useNameTagger(loadTagger(args.model));
  const units = heldOutUnits(args.data, every);
  for (const [name, us] of units) process.stderr.write(`${name}: ${us.length} held-out units\n`);

  const start = nameThresholds();
  const startF1 = scoreUnits(units);
  let best = start;
  let bestScore = objective(startF1);
  process.stderr.write(`current thresholds: objective ${bestScore.toFixed(4)} (${fmt(startF1)})\n`);
  if (args.scoreOnly) return;
  for (let round = 0; round < 2; round++) {
    let changed = false;
    for (const [group, key] of KEYS) {
      for (const v of GRID) {
        const t = withValue(best, group, key, v);
        setNameThresholds(t);
        const s = objective(scoreUnits(units));
        if (s > bestScore + MIN_GAIN) {
          best = t;
          bestScore = s;
          changed = true;
          process.stderr.write(`  ${group}.${key} = ${v}: objective ${s.toFixed(4)}\n`);
        }
      }
    }
    if (!changed) break;
  }
  setNameThresholds(best);
  const bestF1 = scoreUnits(units);
  useNameTagger(undefined);
  const guardScores = await guard();
  process.stdout.write(
    `${JSON.stringify({ start, startF1: Object.fromEntries(startF1), best, bestF1: Object.fromEntries(bestF1), objective: bestScore, guardEntitiesF1: Object.fromEntries(guardScores) }, null, 1)}\n`,
  );
  if (args.write) {
    const file = path.join(repoRoot, "data/names/thresholds.json");
    const old = JSON.parse(readFileSync(file, "utf8")) as { _comment?: string };
    const round3 = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    const next = { _comment: old._comment, minConfidence: round3(best.minConfidence), overrule: round3(best.overrule) };
    writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
    process.stderr.write(`wrote ${file}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`tune-names: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
