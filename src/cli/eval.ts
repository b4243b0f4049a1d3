/** `newsgraph eval`: score results against gold files, or the tagger and events against public data. */
import path from "node:path";
import { extract, type ExtractionResult } from "../extract/index.js";
import { InputError, readDocuments } from "../read/index.js";
import { isDirectory, listGoldFiles, loadGold, readJsonFile, type LoadedGold } from "../eval/gold.js";
import { formatScore, score, scoreJson, type Layers, type Score, type ScorableResult } from "../eval/score.js";
import { EXIT, asInputError, openSink } from "./io.js";

export type EvalFormat = "gold" | "conll" | "wikievents";

export interface EvalOptions {
  format: EvalFormat;
  json?: boolean;
  verbose?: boolean;
  /** WikiEvents: score only the first N documents. */
  limit?: number;
  /** CoNLL: score the full pipeline's names (default) or the tagger alone. */
  layer?: "pipeline" | "tagger";
}

/** One scored gold file. */
interface Scored {
  gold: string;
  article: string | null;
  score: Score;
}

/** Reads a result file written by `newsgraph extract --format json`; it must carry `document.text`. */
async function loadResult(file: string): Promise<ScorableResult> {
  const result = (await readJsonFile(file)) as ScorableResult | null;
  if (!result || typeof result !== "object" || typeof result.document?.text !== "string") {
    throw new InputError(file, "the result has no document.text");
  }
  return result;
}

/** Extracts the article a gold file names (its first document). */
async function extractArticle(g: LoadedGold): Promise<ExtractionResult> {
  if (!g.article) throw new InputError(g.path, 'names no article ("file"); give a RESULT.json to score');
  const article = g.article;
  const docs = await readDocuments(article).catch((err: unknown) => {
    throw asInputError(article, err);
  });
  if (!docs[0]) throw new InputError(article, "holds no document");
  return extract(docs[0]);
}

/** Means over several scores: P/R/F1 and accuracies averaged (3 decimals), counts summed. */
export function meanScore(scores: Score[]): Score {
  const n = scores.length || 1;
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  const layers = {} as Record<string, Record<string, number>>;
  for (const key of Object.keys(scores[0]?.layers ?? {}) as (keyof Layers)[]) {
    const out: Record<string, number> = {};
    for (const field of Object.keys(scores[0]!.layers[key])) {
      const values = scores.map((s) => (s.layers[key] as unknown as Record<string, number>)[field] ?? 0);
      const sum = values.reduce((a, b) => a + b, 0);
      out[field] = ["precision", "recall", "f1", "accuracy"].includes(field) ? r3(sum / n) : sum;
    }
    layers[key] = out;
  }
  const misses: Record<string, string[]> = {};
  return { layers: layers as unknown as Layers, misses, overall: r3(scores.reduce((a, s) => a + s.overall, 0) / n) };
}

async function scoreGold(target: string, resultFile: string | undefined): Promise<Scored[]> {
  if (await isDirectory(target)) {
    if (resultFile) throw new InputError(target, "is a folder of gold files; RESULT.json goes with one gold file");
    const out: Scored[] = [];
    for (const g of await listGoldFiles(target)) out.push({ gold: g.path, article: g.article, score: score(g.gold, await extractArticle(g)) });
    return out;
  }
  const g = await loadGold(target);
  const result = resultFile ? await loadResult(resultFile) : await extractArticle(g);
  return [{ gold: g.path, article: resultFile ? null : g.article, score: score(g.gold, result) }];
}

/** Scores a public data set and renders the report (JSON or table). */
async function scoreDataset(format: "conll" | "wikievents", file: string, opts: EvalOptions): Promise<string> {
  if (format === "conll") {
    const { scoreConll, formatConllScore } = await import("../eval/conll.js");
    const s = await scoreConll(file, { layer: opts.layer });
    return opts.json ? JSON.stringify(s, null, 1) + "\n" : formatConllScore(s);
  }
  const { scoreWikiEvents, formatWikiEventsScore } = await import("../eval/wikievents.js");
  const s = await scoreWikiEvents(file, { limit: opts.limit });
  return opts.json ? JSON.stringify(s, null, 1) + "\n" : formatWikiEventsScore(s);
}

/** Runs `newsgraph eval` and writes its report to stdout; returns the exit code. */
export async function runEval(target: string, resultFile: string | undefined, opts: EvalOptions): Promise<number> {
  const sink = await openSink(undefined);
  if (opts.format !== "gold") {
    if (resultFile) throw new InputError(resultFile, `--format ${opts.format} takes one data file`);
    if (await isDirectory(target)) throw new InputError(target, "is a directory, not a data file");
    const report = await scoreDataset(opts.format, target, opts).catch((err: unknown) => {
      throw asInputError(target, err);
    });
    await sink.write(report.endsWith("\n") ? report : report + "\n");
    return EXIT.ok;
  }
  const scored = await scoreGold(target, resultFile);
  const many = scored.length > 1 || (await isDirectory(target));
  if (opts.json) {
    const json = many
      ? { files: scored.map((s) => ({ gold: s.gold, article: s.article, ...scoreJson(s.score) })), mean: scoreJson(meanScore(scored.map((s) => s.score))) }
      : scoreJson(scored[0]!.score);
    await sink.write(JSON.stringify(json, null, 1) + "\n");
    return EXIT.ok;
  }
  if (!many) {
    await sink.write(formatScore(scored[0]!.score, { verbose: opts.verbose }));
    return EXIT.ok;
  }
  for (const s of scored) await sink.write(`== ${path.basename(s.gold)}\n${formatScore(s.score, { verbose: opts.verbose })}\n`);
  await sink.write(`== mean of ${scored.length} (per-file scores averaged, counts summed)\n${formatScore(meanScore(scored.map((s) => s.score)))}`);
  return EXIT.ok;
}
