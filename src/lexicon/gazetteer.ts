import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { foldName, squash } from "./fold.js";
import { check } from "./load.js";
import { dataPath } from "./paths.js";
import { wordSet } from "./words.js";

/** A gazetteer place (GeoNames cities500 or a hand-listed region from data/lexicons/regions.json). */
export interface PlaceRecord {
  name: string;
  /** 0 for hand-listed regions. */
  geonameId: number;
  lat: number;
  lon: number;
  countryCode: string;
  /** GeoNames feature class: "P" populated place, "A" administrative division, "H"/"T" water/terrain. */
  featureClass: string;
  featureCode: string;
  population: number;
}

const PLACES_FILE = "gazetteer/places.tsv.gz";

/** Admin rank of a GeoNames feature code: capitals and seats beat ordinary places. */
const ADMIN_RANK: Record<string, number> = { PPLC: 5, ADM1: 4, PPLA: 4, PPLA2: 3, PPLA3: 2, PPLA4: 1 };

/**
 * The decoded precompiled file (see scripts/build-gazetteer.ts) and the [start, end) offsets of its
 * sorted sections; lookups binary-search the text itself, so loading is one gunzip and no split.
 */
interface Gazetteer {
  text: string;
  keys: [number, number];
  squashed: [number, number];
  first: [number, number];
}

let gaz: Gazetteer | undefined;

/** Locates the sections; throws naming the file when one is missing. */
export function parseGazetteer(text: string, rel = PLACES_FILE): Gazetteer {
  const k = text.indexOf("\n#keys\n");
  const s = text.indexOf("\n#squash\n", k + 1);
  const f = text.indexOf("\n#first\n", s + 1);
  check(k > 0 && s > k && f > s, rel, "expected sections: records, #keys, #squash, #first");
  check(text.slice(0, text.indexOf("\n")).split("\t").length === 8, rel, "records must have 8 tab-separated fields");
  const end = text.endsWith("\n") ? text.length - 1 : text.length;
  return { text, keys: [k + 7, s], squashed: [s + 9, f], first: [f + 8, end] };
}

function load(): Gazetteer {
  if (!gaz) {
    let text: string;
    try {
      text = gunzipSync(readFileSync(dataPath(PLACES_FILE))).toString("latin1");
    } catch (err) {
      throw new Error(`data/${PLACES_FILE}: cannot read (${err instanceof Error ? err.message : String(err)}); run npm run build:gazetteer`);
    }
    gaz = parseGazetteer(text);
  }
  return gaz;
}

/** Writes characters above U+00FF as "\\uXXXX" (the file is Latin-1; see scripts/build-gazetteer.ts). */
export function escapeLatin1(s: string): string {
  return s.replace(/[^\x00-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Inverse of `escapeLatin1`. */
export function unescapeLatin1(s: string): string {
  return s.indexOf("\\u") < 0 ? s : s.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Value after the tab on the line whose key is `key`, in a sorted "key\tvalue" section of `text`. */
function find(text: string, [from, to]: [number, number], key: string): string | undefined {
  const probe = escapeLatin1(key) + "\t";
  let lo = from;
  let hi = to;
  // invariant: lines starting before lo are < probe; the line starting at the first line start >= hi is >= probe
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const ls = text.lastIndexOf("\n", mid - 1) + 1;
    const lineStart = ls < from ? from : ls;
    let le = text.indexOf("\n", lineStart);
    if (le < 0 || le > to) le = to;
    if (text.slice(lineStart, le) < probe) lo = le + 1;
    else hi = lineStart;
  }
  if (lo >= to || !text.startsWith(probe, lo)) return undefined;
  let le = text.indexOf("\n", lo);
  if (le < 0 || le > to) le = to;
  return text.slice(lo + probe.length, le);
}

function record(g: Gazetteer, offset: string | undefined): PlaceRecord | undefined {
  if (offset === undefined) return undefined;
  const at = Number(offset);
  const f = g.text.slice(at, g.text.indexOf("\n", at)).split("\t");
  return {
    name: unescapeLatin1(f[1]), geonameId: Number(f[0]), lat: Number(f[2]), lon: Number(f[3]), countryCode: f[4],
    featureClass: f[5], featureCode: f[6], population: Number(f[7]),
  };
}

/** Memo of loose lookups by folded name; cleared when it grows past `LOOSE_CACHE_MAX` entries. */
const looseCache = new Map<string, PlaceRecord | null>();
const LOOSE_CACHE_MAX = 100_000;

/** The best place for an exact folded name or Latin alternate (highest population / admin rank). */
export function lookupPlace(name: string): PlaceRecord | undefined {
  const g = load();
  return record(g, find(g.text, g.keys, foldName(name)));
}

/**
 * Like `lookupPlace`, but also matches when spaces and hyphens differ ("Albukamal", "Deir Ezzor") and
 * when a leading Arabic article differs ("Al-Raqqah" → Ar Raqqah).
 */
export function lookupPlaceLoose(name: string): PlaceRecord | undefined {
  const k = foldName(name);
  let r = looseCache.get(k);
  if (r === undefined) {
    r = lookupLooseFolded(k) ?? null;
    if (looseCache.size >= LOOSE_CACHE_MAX) looseCache.clear();
    looseCache.set(k, r);
  }
  return r ?? undefined;
}

function lookupLooseFolded(k: string): PlaceRecord | undefined {
  const g = load();
  const hit = find(g.text, g.keys, k) ?? find(g.text, g.squashed, squash(k)) ?? find(g.text, g.keys, squash(k));
  if (hit !== undefined) return record(g, hit);
  const sp = k.indexOf(" ");
  if (sp > 0 && wordSet("arabic-article").has(k.slice(0, sp))) return record(g, find(g.text, g.keys, k.slice(sp + 1)));
  return undefined;
}

/** Longest gazetteer name (in folded words) starting with this folded word; 0 when none does. */
export function placeCandidatesStartingWith(foldedToken: string): number {
  let n = firstCache.get(foldedToken);
  if (n === undefined) {
    const g = load();
    const v = find(g.text, g.first, foldedToken);
    n = v === undefined ? 0 : Number(v);
    if (firstCache.size >= LOOSE_CACHE_MAX) firstCache.clear();
    firstCache.set(foldedToken, n);
  }
  return n;
}
const firstCache = new Map<string, number>();

/** True when some gazetteer name starts with this folded word. */
export function isPlaceWord(foldedToken: string): boolean {
  return placeCandidatesStartingWith(foldedToken) > 0;
}

/** Admin rank of a record (0 ordinary place … 5 national capital). */
export function adminRank(p: PlaceRecord): number {
  return ADMIN_RANK[p.featureCode] ?? 0;
}
