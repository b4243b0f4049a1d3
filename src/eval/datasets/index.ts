import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { Country } from "world-countries";
import { readColumns } from "./columns.js";
import { readGum } from "./gum.js";
import { readDocred } from "./docred.js";
import type { NerSentence } from "./types.js";

export * from "./types.js";
export { readColumns, detectFormat, labelsFor, type ColumnFormat } from "./columns.js";
export { readGum } from "./gum.js";
export { readDocred } from "./docred.js";

/** One training corpus: a name (for reports) and its sentences in file order. */
export interface Corpus {
  name: string;
  /** Files read, relative to the data folder, in read order. */
  files: string[];
  sentences: NerSentence[];
}

let demonymSet: Set<string> | undefined;
/** English demonyms from `world-countries` ("German", "South Korean"), minus those that are also country names. */
function demonyms(): Set<string> {
  if (!demonymSet) {
    const countries = createRequire(import.meta.url)("world-countries/countries.json") as Country[];
    const names = new Set(countries.map((c) => c.name.common));
    demonymSet = new Set<string>();
    for (const c of countries) {
      const eng = c.demonyms?.eng;
      if (!eng) continue;
      for (const d of [eng.m, eng.f]) if (d && !names.has(d)) demonymSet.add(d);
    }
  }
  return demonymSet;
}

/** True when the words spell a demonym ("German", "Iraqis"). */
export function isDemonymWords(words: string[]): boolean {
  const s = words.join(" ");
  const set = demonyms();
  return set.has(s) || (s.endsWith("s") && set.has(s.slice(0, -1)));
}

function isTestFile(file: string): boolean {
  return /(^|[^a-z])test([^a-z]|$)/i.test(path.basename(file));
}

function read(dataDir: string, rel: string): string {
  if (isTestFile(rel)) throw new Error(`${rel}: files named "test" are for reporting only`);
  return readFileSync(path.join(dataDir, rel), "utf8");
}

/**
 * Every training corpus under `dataDir` (shared/data), in a fixed order: CrossNER (politics and the
 * other domains, train and dev), GUM, Wikigold, UNER EWT dev, Re-DocRED dev. Never a file named test.
 * Missing folders are skipped.
 */
export function loadTrainingCorpora(dataDir: string): Corpus[] {
  const out: Corpus[] = [];
  const crossner: string[] = [];
  for (const dir of ["crossner-politics", ...listDirs(dataDir, "crossner-other").map((d) => `crossner-other/${d}`)]) {
    for (const f of ["train.txt", "dev.txt"]) if (existsSync(path.join(dataDir, dir, f))) crossner.push(`${dir}/${f}`);
  }
  if (crossner.length) {
    out.push({
      name: "crossner",
      files: crossner,
      sentences: crossner.flatMap((f) => readColumns(read(dataDir, f), "crossner", f)),
    });
  }
  if (existsSync(path.join(dataDir, "gum"))) {
    const files = readdirSync(path.join(dataDir, "gum")).filter((f) => f.endsWith(".conll")).sort().map((f) => `gum/${f}`);
    out.push({ name: "gum", files, sentences: files.flatMap((f) => readGum(read(dataDir, f), f)) });
  }
  const wikigold = "wikigold/wikigold.conll.txt";
  if (existsSync(path.join(dataDir, wikigold))) {
    out.push({ name: "wikigold", files: [wikigold], sentences: readColumns(read(dataDir, wikigold), "iob1", wikigold) });
  }
  const uner = "uner-ewt/en_ewt-ud-dev.iob2";
  if (existsSync(path.join(dataDir, uner))) {
    out.push({ name: "uner", files: [uner], sentences: readColumns(read(dataDir, uner), "iob2", uner) });
  }
  const docred = "re-docred/dev_revised.json";
  if (existsSync(path.join(dataDir, docred))) {
    out.push({ name: "docred", files: [docred], sentences: readDocred(read(dataDir, docred), isDemonymWords) });
  }
  return out;
}

/**
 * Which sentences are held out: every sentence of each document whose index in the corpus (order of first
 * appearance) is `residue` mod `every`. Returns one flag per sentence; true = held out.
 */
export function heldOutByDocument(sentences: readonly NerSentence[], every: number, residue = every - 1): boolean[] {
  const docIndex = new Map<string, number>();
  return sentences.map((s) => {
    if (!docIndex.has(s.doc)) docIndex.set(s.doc, docIndex.size);
    return docIndex.get(s.doc)! % every === residue;
  });
}

function listDirs(dataDir: string, rel: string): string[] {
  const p = path.join(dataDir, rel);
  if (!existsSync(p)) return [];
  return readdirSync(p, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}
