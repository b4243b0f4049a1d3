/**
 * CPU time of one pipeline stage over the bench corpus, for speed work on a busy machine: the documents are
 * first run through the stages before it, copied, and then the stage alone runs over the copies with one
 * `process.cpuUsage` reading around the whole loop. Each run is a fresh pass (new copies), so its first-pass
 * costs (cold caches) count, as in `npm run bench`; JIT warm-up counts in the first run only. One article runs
 * through the stage before timing starts, so lazy loading is not timed (as in the bench).
 *
 *   npx tsx scripts/stage-bench.ts names [--mb 5] [--runs 3]
 *
 * Compare two builds by alternating runs of this script, not by one run each.
 */
import { parseArgs } from "node:util";
import type { Doc } from "../src/model.js";
import { generateCorpus } from "../src/bench/corpus.js";
import { readText } from "../src/read/index.js";
import { STAGES, runPipeline } from "../src/extract/pipeline.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { mb: { type: "string", default: "5" }, runs: { type: "string", default: "3" } } });
const name = positionals[0];
const at = STAGES.findIndex((s) => s.name === name);
if (at < 0) {
  process.stderr.write(`stage-bench: name one stage of: ${STAGES.map((s) => s.name).join(", ")}\n`);
  process.exit(2);
}
const texts = generateCorpus(Number(values.mb) * 1024 * 1024);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t, "utf8"), 0);
const before = STAGES.slice(0, at);
const stage = STAGES[at]!;
const prepared: Doc[] = texts.map((t, i) => runPipeline(readText(t, { file: `bench/${i}.txt` }), before));
// As in `npm run bench`: one article first, so that lazy loading (lexicons, gazetteer, model) is not timed.
runPipeline(readText(texts[0]!, { file: "bench/warmup.txt" }), STAGES.slice(0, at + 1));

for (let run = 0; run < Number(values.runs); run++) {
  const docs = prepared.map((d) => structuredClone(d));
  const t0 = process.cpuUsage();
  for (const d of docs) stage.run(d);
  const t = process.cpuUsage(t0);
  const ms = (t.user + t.system) / 1000;
  process.stdout.write(`${name} run ${run + 1}: ${ms.toFixed(0)} ms CPU, ${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(2)} MB per CPU s\n`);
}
