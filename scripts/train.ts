/**
 * Trains the name tagger from the public data in shared/data and writes `models/ner.bin` + `models/ner.json`.
 *
 *   npm run train [-- --data DIR] [--out DIR] [--check] [--no-heldout]
 *
 * `--data` (or env NEWSGRAPH_DATA) defaults to `../shared/data` relative to the repo root. The held-out
 * report trains on 9/10 of each corpus's documents and scores the 10th (every document whose index in the
 * corpus is 9 mod 10); the shipped model is then trained on everything. Deterministic: same data → same
 * bytes. `--check` trains into a temp folder and exits 1 unless the result matches the shipped files.
 *
 * Experiments (never for the shipped model): `--uner-every N [--uner-fold R]` holds out every N-th UNER dev
 * document (residue R, default N−1) instead of every 10th, `--no-final` stops after the held-out report, and
 * env `EXP_DUMP=<corpus>` logs that corpus's held-out misses and false positives. `--heldout-model DIR` also
 * writes the held-out run's model (trained without the held-out documents) to DIR, for
 * `scripts/tune-names.ts`.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { heldOutByDocument, loadTrainingCorpora, type Corpus } from "../src/eval/datasets/index.js";
import { toExample, trainPerceptron, type TrainExample, type TrainOptions } from "../src/extract/tagger/train.js";
import { encodeWeights, decodeWeights, sha256, type TaggerMeta } from "../src/extract/tagger/model.js";
import { Tagger, type TaggedSpan } from "../src/extract/tagger/tagger.js";
import { LABELS, TYPES, spansOf } from "../src/extract/tagger/decode.js";
import { tagLexicon, LEXICON_VERSION } from "../src/extract/tagger/lexicon.js";
import { SpanScorer, formatPrfTable, type Prf } from "../src/eval/prf.js";
import type { EntityType } from "../src/model.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Fixed training configuration (part of the model's identity). */
const CONFIG = {
  bucketBits: 20,
  epochs: 10,
  seed: 20240601,
  prune: 0.05,
  heldOutEvery: 10,
  lexicon: true,
  /** UNER (the only web text) is trained on this many times per epoch. */
  unerCopies: 2,
  /** Every N-th training sentence (that has a capital letter) is also trained on lower-cased (0 = none). */
  lowerCopyEvery: 0,
};

/** The training examples plus lower-cased copies of every `CONFIG.lowerCopyEvery`-th one (web text is often lower-case). */
function augment(train: TrainExample[]): TrainExample[] {
  const every = CONFIG.lowerCopyEvery;
  if (!every) return train;
  const out = [...train];
  train.forEach((ex, i) => {
    if (i % every !== every - 1) return;
    const words = ex.words.map((w) => w.toLowerCase());
    if (words.every((w, k) => w === ex.words[k])) return;
    out.push({ words, labels: ex.labels });
  });
  return out;
}

interface Args {
  data: string;
  out: string;
  check: boolean;
  heldOut: boolean;
  /** Experiments only: hold out every N-th UNER dev document (default: heldOutEvery) and skip the final model. */
  unerEvery?: number;
  noFinal: boolean;
  /** Experiments only: which residue of `unerEvery` is held out (default unerEvery − 1). */
  unerFold?: number;
  /** Where to write the held-out run's model (ner.bin + ner.json), if anywhere. */
  heldOutModel?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    data: process.env.NEWSGRAPH_DATA ?? path.resolve(repoRoot, "..", "shared", "data"),
    out: path.join(repoRoot, "models"),
    check: false,
    heldOut: true,
    noFinal: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--data") args.data = path.resolve(argv[++i]);
    else if (a === "--out") args.out = path.resolve(argv[++i]);
    else if (a === "--check") args.check = true;
    else if (a === "--no-heldout") args.heldOut = false;
    else if (a === "--uner-every") args.unerEvery = Number(argv[++i]);
    else if (a === "--no-final") args.noFinal = true;
    else if (a === "--uner-fold") args.unerFold = Number(argv[++i]);
    else if (a === "--heldout-model") args.heldOutModel = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

/** sha256 over each training file's relative path and bytes, in read order. */
function dataHash(dataDir: string, corpora: Corpus[]): string {
  const parts: string[] = [];
  for (const c of corpora) for (const f of c.files) parts.push(`${f}\n${sha256(readFileSync(path.join(dataDir, f)))}`);
  return sha256(parts.join("\n"));
}

/** The data files the lexicon features read (src/lexicon loads them), relative to the repo's `data/`. */
const LEXICON_FILES = [
  "lexicons/given-names.json",
  "lexicons/given-names-arabic.json",
  "lexicons/org-cues.json",
  "lexicons/arabic-particles.json",
  "lexicons/person-titles.json",
  "lexicons/common-words.json",
  "lexicons/non-names.json",
  "lexicons/organizations.json",
  "lexicons/regions.json",
  "gazetteer/places.tsv",
];

/** sha256 over the lexicon files the features read (missing files count as empty). */
function lexiconHash(): string {
  const parts = LEXICON_FILES.map((f) => {
    const abs = path.join(repoRoot, "data", f);
    return `${f}\n${existsSync(abs) ? sha256(readFileSync(abs)) : "-"}`;
  });
  return sha256(parts.join("\n"));
}

interface Split {
  train: TrainExample[];
  heldOut: Map<string, TrainExample[]>;
}

/** Every `every`-th document of each corpus (index ≡ every−1) is held out. */
function split(corpora: Corpus[], examples: Map<Corpus, TrainExample[]>, everyDefault: number, unerEvery?: number, unerFold?: number): Split {
  const train: TrainExample[] = [];
  const heldOut = new Map<string, TrainExample[]>();
  for (const c of corpora) {
    const every = c.name === "uner" && unerEvery ? unerEvery : everyDefault;
    const residue = c.name === "uner" && unerEvery && unerFold !== undefined ? unerFold : every - 1;
    const flags = heldOutByDocument(c.sentences, every, residue);
    const held: TrainExample[] = [];
    examples.get(c)!.forEach((ex, i) => {
      if (flags[i]) held.push(ex);
      else for (let k = c.name === "uner" ? CONFIG.unerCopies : 1; k > 0; k--) train.push(ex);
    });
    heldOut.set(c.name, held);
  }
  return { train, heldOut };
}

function toTagger(dense: Float32Array, trans: Float64Array, marginScale: number): Tagger {
  const bin = encodeWeights(dense, CONFIG.bucketBits, trans, CONFIG.prune);
  return new Tagger(decodeWeights(bin, "held-out model"), CONFIG.lexicon ? tagLexicon() : undefined, marginScale);
}

let dumpNow = false;
function evaluate(tagger: Tagger, examples: TrainExample[], margins: number[]): { byType: Record<EntityType, Prf>; micro: Prf } {
  const scorer = new SpanScorer();
  for (const ex of examples) {
    const gold = spansOf(ex.labels).map((s) => ({ start: s.start, end: s.end, type: TYPES[s.typeIndex] }));
    const pred: TaggedSpan[] = tagger.tag(ex.words);
    for (const p of pred) margins.push(p.margin);
    scorer.add(gold, pred);
    if (process.env.EXP_DUMP && dumpNow) {
      const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
      const g = new Set(gold.map(key));
      const p = new Set(pred.map(key));
      const show = (x: { start: number; end: number; type: string }) => `${ex.words.slice(x.start, x.end).join(" ")}/${x.type}`;
      const miss = gold.filter((x) => !p.has(key(x))).map(show);
      const fp = pred.filter((x) => !g.has(key(x))).map(show);
      if (miss.length || fp.length) log(`DUMP miss=[${miss.join(" | ")}] fp=[${fp.join(" | ")}] :: ${ex.words.join(" ").slice(0, 160)}`);
    }
  }
  return scorer.result();
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** The model's two files: weights and metadata. */
function modelFiles(
  w: { dense: Float32Array; trans: Float64Array },
  marginScale: number,
  hash: string,
  corpora: Corpus[],
  heldOut: Record<string, unknown> | null,
): { bin: Buffer; json: string; meta: TaggerMeta } {
  const bin = encodeWeights(w.dense, CONFIG.bucketBits, w.trans, CONFIG.prune);
  const meta: TaggerMeta = {
    format: "newsgraph-ner/1",
    labels: [...LABELS],
    bucketBits: CONFIG.bucketBits,
    binSha256: sha256(bin),
    lexicon: CONFIG.lexicon,
    lexiconVersion: LEXICON_VERSION,
    lexiconSha256: CONFIG.lexicon ? lexiconHash() : null,
    marginScale,
    model: "averaged structured perceptron, BILOU, hashed features",
    config: CONFIG,
    data: { sha256: hash, files: corpora.flatMap((c) => c.files), sentences: Object.fromEntries(corpora.map((c) => [c.name, c.sentences.length])) },
    heldOut,
    attribution:
      "Trained on CrossNER (MIT), GUM (CC BY 4.0 annotations; texts CC BY / CC BY-SA), Wikigold (CC BY 4.0), " +
      "UNER English-EWT dev (CC BY-SA 4.0) and Re-DocRED dev (MIT); see ../shared/data/README.md.",
  };
  return { bin, json: `${JSON.stringify(meta, null, 2)}\n`, meta };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  if (!existsSync(args.data)) throw new Error(`${args.data}: data folder not found (set --data or NEWSGRAPH_DATA)`);
  const corpora = loadTrainingCorpora(args.data);
  const examples = new Map(corpora.map((c) => [c, c.sentences.map(toExample)]));
  const hash = dataHash(args.data, corpora);
  for (const c of corpora) log(`${c.name}: ${c.sentences.length} sentences`);
  log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; data sha256 ${hash.slice(0, 16)}`);
  const opts: TrainOptions = {
    bucketBits: CONFIG.bucketBits,
    epochs: CONFIG.epochs,
    seed: CONFIG.seed,
    lexicon: CONFIG.lexicon ? tagLexicon() : undefined,
  };

  const heldOutScores: Record<string, unknown> = {};
  let marginScale = 1;
  if (args.heldOut) {
    const { train, heldOut } = split(corpora, examples, CONFIG.heldOutEvery, args.unerEvery, args.unerFold);
    const t1 = performance.now();
    const w = trainPerceptron(augment(train), { ...opts, onEpoch: (e, m) => log(`  held-out run epoch ${e + 1}: ${m} sentences wrong`) });
    log(`held-out run trained in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const tagger = toTagger(w.dense, w.trans, 1);
    const margins: number[] = [];
    const all = [...heldOut.values()].flat();
    for (const [name, exs] of heldOut) {
      dumpNow = name === process.env.EXP_DUMP;
      const r = evaluate(tagger, exs, []);
      dumpNow = false;
      log(formatPrfTable(`held-out ${name} (${exs.length} sentences)`, r));
      heldOutScores[name] = { micro: { p: round(r.micro.precision), r: round(r.micro.recall), f1: round(r.micro.f1) }, byTypeF1: Object.fromEntries(TYPES.map((t) => [t, round(r.byType[t].f1)])) };
    }
    const r = evaluate(tagger, all, margins);
    log(formatPrfTable(`held-out all (${all.length} sentences)`, r));
    heldOutScores.all = { p: round(r.micro.precision), r: round(r.micro.recall), f1: round(r.micro.f1) };
    margins.sort((a, b) => a - b);
    if (margins.length) marginScale = Math.max(0.01, round(margins[Math.floor(margins.length / 2)]));
    if (args.heldOutModel) {
      const files = modelFiles(w, marginScale, hash, corpora, heldOutScores);
      mkdirSync(args.heldOutModel, { recursive: true });
      writeFileSync(path.join(args.heldOutModel, "ner.bin"), files.bin);
      writeFileSync(path.join(args.heldOutModel, "ner.json"), files.json);
      log(`wrote the held-out model to ${args.heldOutModel}`);
    }
  }

  if (args.noFinal) return;
  const t2 = performance.now();
  const all = corpora.flatMap((c) => (c.name === "uner" ? Array.from({ length: CONFIG.unerCopies }, () => examples.get(c)!).flat() : examples.get(c)!));
  const final = trainPerceptron(augment(all), { ...opts, onEpoch: (e, m) => log(`  final run epoch ${e + 1}: ${m} sentences wrong`) });
  log(`final model trained in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  const { bin, json, meta } = modelFiles(final, marginScale, hash, corpora, args.heldOut ? heldOutScores : null);

  const outDir = args.check ? mkdtempSync(path.join(tmpdir(), "ner-check-")) : args.out;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "ner.bin"), bin);
  writeFileSync(path.join(outDir, "ner.json"), json);
  log(`wrote ${path.join(outDir, "ner.bin")} (${(bin.length / 1e6).toFixed(1)} MB), total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (args.check) {
    const shipped = path.join(args.out, "ner.bin");
    const want = existsSync(shipped) ? sha256(readFileSync(shipped)) : "(missing)";
    rmSync(outDir, { recursive: true, force: true });
    if (want !== meta.binSha256) {
      log(`check FAILED: retrained ${meta.binSha256} != shipped ${shipped} ${want}`);
      const shippedMeta = path.join(args.out, "ner.json");
      const old = existsSync(shippedMeta) ? (JSON.parse(readFileSync(shippedMeta, "utf8")) as Partial<TaggerMeta>) : {};
      if (old.lexiconSha256 !== meta.lexiconSha256) log("  (lexicon files read by the tagger's features changed since the shipped model was trained: run `npm run train`)");
      if ((old.data as { sha256?: string } | undefined)?.sha256 !== hash) log("  (the training data differ from the shipped model's)");
      process.exit(1);
    }
    log(`check ok: ${shipped} reproduces (sha256 ${want})`);
  }
}

main();
