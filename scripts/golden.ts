/**
 * Output-identity check for refactors and speed work: extracts a fixed set of documents and hashes each
 * result (`JSON.stringify(toResult(doc))`), so that a change meant to keep the output can prove it did.
 *
 *   npx tsx scripts/golden.ts OUT.json                    # record (before the change)
 *   npx tsx scripts/golden.ts NEW.json --compare OUT.json # after: exits 1 and shows the first difference
 *
 * The documents: the 5 MB bench corpus, the seed, the shared eval corpus, `examples/`, WikiEvents dev texts
 * and CrossNER politics dev sentences (20 to a document). Keys are relative to the repository and
 * `../shared`, so records made in different checkouts compare. With `--compare`, OUT's full results are read
 * from `OUT.full.json` when `--full` wrote one.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RawDocument } from "../src/model.js";
import { generateCorpus } from "../src/bench/corpus.js";
import { readDocuments, readText } from "../src/read/index.js";
import { runPipeline } from "../src/extract/pipeline.js";
import { toResult } from "../src/extract/result.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = path.resolve(ROOT, "../shared");
const MB = 1024 * 1024;

/** Every document, keyed by a checkout-independent name; made lazily so only one is in memory at a time. */
async function documents(): Promise<[string, () => RawDocument][]> {
  const docs: [string, () => RawDocument][] = [];
  generateCorpus(5 * MB).forEach((t, i) => docs.push([`bench/${i}`, () => readText(t, { file: `bench/${i}.txt` })]));
  const files: [string, string][] = [];
  const add = (dir: string, label: string, keep: (f: string) => boolean): void => {
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) if (keep(f)) files.push([path.join(dir, f), `${label}/${f}`]);
  };
  add(path.join(SHARED, "seed"), "seed", (f) => f.endsWith(".txt"));
  add(path.join(SHARED, "eval/corpus"), "eval/corpus", (f) => f.endsWith(".txt"));
  add(path.join(ROOT, "examples"), "examples", (f) => !f.startsWith(".") && f !== "README.md");
  for (const [file, label] of files) {
    // Read by a path relative to the repository: document ids and `source.file` then match across checkouts.
    const raws = await readDocuments(path.relative(ROOT, file));
    raws.forEach((raw, i) => docs.push([`${label}#${i}`, () => raw]));
  }
  const wikievents = path.join(SHARED, "data/wikievents/dev.jsonl");
  if (existsSync(wikievents)) {
    readFileSync(wikievents, "utf8").split("\n").filter(Boolean).forEach((line, i) => {
      const text = (JSON.parse(line) as { tokens: string[] }).tokens.join(" ");
      docs.push([`wikievents/${i}`, () => readText(text, { file: `wikievents-${i}.txt`, header: false })]);
    });
  }
  const crossner = path.join(SHARED, "data/crossner-politics/dev.txt");
  if (existsSync(crossner)) {
    const sentences = readFileSync(crossner, "utf8").split(/\n\s*\n/).map((b) => b.split("\n").filter(Boolean).map((l) => l.split("\t")[0]).join(" "));
    for (let i = 0; i < sentences.length; i += 20) {
      const text = sentences.slice(i, i + 20).join("\n");
      docs.push([`crossner-dev/${i}`, () => readText(text, { file: `crossner-${i}.txt`, header: false })]);
    }
  }
  return docs;
}

async function main(): Promise<void> {
  process.chdir(ROOT);
  const args = process.argv.slice(2);
  const out = args[0];
  if (!out || out.startsWith("--")) throw new Error("usage: golden.ts OUT.json [--full] [--compare BASE.json]");
  const ci = args.indexOf("--compare");
  const base = ci >= 0 ? args[ci + 1] : undefined;
  const hashes: Record<string, string> = {};
  const full: Record<string, string> = {};
  const keepFull = args.includes("--full") || base !== undefined;
  const t0 = process.cpuUsage();
  const docs = await documents();
  for (const [key, make] of docs) {
    const json = JSON.stringify(toResult(runPipeline(make())));
    hashes[key] = createHash("sha1").update(json).digest("hex");
    if (keepFull) full[key] = json;
  }
  const cpu = process.cpuUsage(t0);
  process.stderr.write(`${docs.length} documents, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU\n`);
  writeFileSync(out, JSON.stringify(hashes));
  if (args.includes("--full")) writeFileSync(out.replace(/\.json$/, ".full.json"), JSON.stringify(full));
  if (!base) return;
  const want = JSON.parse(readFileSync(base, "utf8")) as Record<string, string>;
  const differ = Object.keys(want).filter((k) => want[k] !== hashes[k]);
  const missing = Object.keys(hashes).filter((k) => !(k in want));
  process.stdout.write(`${differ.length} of ${Object.keys(want).length} differ${missing.length ? `, ${missing.length} new` : ""}\n`);
  const baseFull = base.replace(/\.json$/, ".full.json");
  const first = differ.find((k) => k in full);
  if (first && existsSync(baseFull)) {
    const a = (JSON.parse(readFileSync(baseFull, "utf8")) as Record<string, string>)[first] ?? "";
    const b = full[first];
    let p = 0;
    while (p < a.length && a[p] === b[p]) p++;
    process.stdout.write(`first difference in ${first} at character ${p}:\n  was: ${a.slice(Math.max(0, p - 120), p + 120)}\n  now: ${b.slice(Math.max(0, p - 120), p + 120)}\n`);
  } else if (differ.length) process.stdout.write(`${differ.slice(0, 10).join("\n")}\n`);
  process.exitCode = differ.length ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`golden: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
