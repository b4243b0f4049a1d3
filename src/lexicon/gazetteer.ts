import { fstatSync, openSync, readSync } from "node:fs";
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

const PLACES_FILE = "gazetteer/places.tsv";

/** Admin rank of a GeoNames feature code: capitals and seats beat ordinary places. */
const ADMIN_RANK: Record<string, number> = { PPLC: 5, ADM1: 4, PPLA: 4, PPLA2: 3, PPLA3: 2, PPLA4: 1 };

/** The last line of the file: `#sections` and the [start, end) offsets of the three sorted sections. */
const TRAILER = "\n#sections\t";

/** Read access to the gazetteer text (Latin-1, so one character per byte and offset). */
interface Source {
  readonly length: number;
  /** Offset just past the last "\n" before `pos`, or 0. */
  lineStart(pos: number): number;
  /** Offset of the first "\n" at or after `pos`, or `length`. */
  lineEnd(pos: number): number;
  slice(start: number, end: number): string;
  /** Sign of `slice(start, end)` against `probe` in string order (negative: before it), without decoding. */
  compare(start: number, end: number, probe: string): number;
}

/** The whole text in memory. */
class StringSource implements Source {
  constructor(private readonly text: string) {}
  get length(): number {
    return this.text.length;
  }
  lineStart(pos: number): number {
    return pos <= 0 ? 0 : this.text.lastIndexOf("\n", pos - 1) + 1;
  }
  lineEnd(pos: number): number {
    const e = this.text.indexOf("\n", pos);
    return e < 0 ? this.text.length : e;
  }
  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }
  compare(start: number, end: number, probe: string): number {
    const n = Math.min(end - start, probe.length);
    for (let k = 0; k < n; k++) {
      const d = this.text.charCodeAt(start + k) - probe.charCodeAt(k);
      if (d !== 0) return d;
    }
    return end - start - probe.length;
  }
}

/** Bytes per read of `FileSource` (a lookup's last binary-search steps fall in one or two blocks). */
const BLOCK = 16_384;

/**
 * The file read block by block on demand into one buffer of the file's length, each block at its own
 * offset: a run touches part of the 24 MB, so startup reads no more than it needs, and memory the
 * process never reads is never touched. One allocation, not one per read (each new external
 * allocation can start a garbage collection); only the lines a lookup compares are decoded.
 */
class FileSource implements Source {
  /** The file's bytes; only blocks marked in `loaded` hold data. */
  private readonly bytes: Buffer;
  /** Per block: 1 once read into `bytes`. */
  private readonly loaded: Uint8Array;
  constructor(private readonly fd: number, readonly length: number) {
    this.bytes = Buffer.allocUnsafeSlow(length);
    this.loaded = new Uint8Array(Math.ceil(length / BLOCK));
  }
  /** Reads every block that holds a byte of [start, end) and is not read yet. */
  private need(start: number, end: number): void {
    const last = Math.min(end, this.length) - 1;
    for (let b = Math.floor(start / BLOCK); b * BLOCK <= last; b++) {
      if (this.loaded[b] === 1) continue;
      const at = b * BLOCK;
      const size = Math.min(BLOCK, this.length - at);
      for (let got = 0; got < size; ) {
        const n = readSync(this.fd, this.bytes, at + got, size - got, at + got);
        if (n <= 0) throw new Error(`data/${PLACES_FILE}: unexpected end of file`);
        got += n;
      }
      this.loaded[b] = 1;
    }
  }
  lineStart(pos: number): number {
    const bytes = this.bytes;
    for (let at = pos - 1; at >= 0; ) {
      const block = Math.floor(at / BLOCK);
      if (this.loaded[block] === 0) this.need(at, at + 1);
      for (const stop = block * BLOCK; at >= stop; at--) if (bytes[at] === NEWLINE) return at + 1;
    }
    return 0;
  }
  lineEnd(pos: number): number {
    const bytes = this.bytes;
    for (let at = pos; at < this.length; ) {
      const block = Math.floor(at / BLOCK);
      if (this.loaded[block] === 0) this.need(at, at + 1);
      for (const stop = Math.min(this.length, (block + 1) * BLOCK); at < stop; at++) if (bytes[at] === NEWLINE) return at;
    }
    return this.length;
  }
  slice(start: number, end: number): string {
    this.need(start, end);
    return this.bytes.toString("latin1", start, end);
  }
  compare(start: number, end: number, probe: string): number {
    const n = Math.min(end - start, probe.length);
    this.need(start, start + n);
    for (let k = 0; k < n; k++) {
      const d = this.bytes[start + k] - probe.charCodeAt(k);
      if (d !== 0) return d;
    }
    return end - start - probe.length;
  }
}

/** The byte "\n". */
const NEWLINE = 10;

/**
 * The precompiled file (see scripts/build-gazetteer.ts) and the [start, end) offsets of its sorted
 * sections; lookups binary-search the text itself, so loading reads only the trailer.
 */
interface Gazetteer {
  src: Source;
  keys: [number, number];
  squashed: [number, number];
  first: [number, number];
}

let gaz: Gazetteer | undefined;

/** Section offsets of a whole decoded file (with or without its trailer); throws naming the file when one is missing. */
export function parseGazetteer(text: string, rel = PLACES_FILE): Gazetteer {
  const tr = text.lastIndexOf(TRAILER);
  const k = text.indexOf("\n#keys\n");
  const s = text.indexOf("\n#squash\n", k + 1);
  const f = text.indexOf("\n#first\n", s + 1);
  check(k > 0 && s > k && f > s, rel, "expected sections: records, #keys, #squash, #first");
  check(text.slice(0, text.indexOf("\n")).split("\t").length === 8, rel, "records must have 8 tab-separated fields");
  const end = tr > f ? tr : text.endsWith("\n") ? text.length - 1 : text.length;
  return { src: new StringSource(text), keys: [k + 7, s], squashed: [s + 9, f], first: [f + 8, end] };
}

/** The text with its `#sections` trailer line appended (what scripts/build-gazetteer.ts writes). */
export function withSectionsTrailer(text: string): string {
  const g = parseGazetteer(text);
  return `${text.endsWith("\n") ? text : text + "\n"}${TRAILER.slice(1)}${[...g.keys, ...g.squashed, ...g.first].join("\t")}\n`;
}

/** Opens the file and reads its trailer and first line; pages are read as lookups need them. */
function open(): Gazetteer {
  const rel = PLACES_FILE;
  let fd: number;
  let size: number;
  try {
    fd = openSync(dataPath(rel), "r");
    size = fstatSync(fd).size;
  } catch (err) {
    throw new Error(`data/${rel}: cannot read (${err instanceof Error ? err.message : String(err)}); run npm run build:gazetteer`);
  }
  const src = new FileSource(fd, size);
  const tail = src.slice(Math.max(0, size - 200), size);
  const at = tail.lastIndexOf(TRAILER);
  const n = at < 0 ? [] : tail.slice(at + TRAILER.length).trim().split("\t").map(Number);
  check(n.length === 6 && n.every((x) => Number.isInteger(x) && x > 0 && x <= size), rel, "expected a last line \"#sections\" with six offsets; run npm run build:gazetteer");
  check(src.slice(0, src.lineEnd(0)).split("\t").length === 8, rel, "records must have 8 tab-separated fields");
  check(src.slice(n[0] - 6, n[0]) === "#keys\n" && src.slice(n[4] - 7, n[4]) === "#first\n", rel, "section offsets do not match the file; run npm run build:gazetteer");
  return { src, keys: [n[0], n[1]], squashed: [n[2], n[3]], first: [n[4], n[5]] };
}

function load(): Gazetteer {
  gaz ??= open();
  return gaz;
}

/** Writes characters above U+00FF as "\\uXXXX" (the file is Latin-1; see scripts/build-gazetteer.ts). */
export function escapeLatin1(s: string): string {
  let latin1 = true;
  for (let k = 0; latin1 && k < s.length; k++) latin1 = s.charCodeAt(k) <= 0xff;
  return latin1 ? s : s.replace(/[^\x00-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Inverse of `escapeLatin1`. */
export function unescapeLatin1(s: string): string {
  return s.indexOf("\\u") < 0 ? s : s.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Lines met by wide binary-search steps, per section (the tuple object) and probe offset: every search
 * takes the same first steps, so a wide step compares with the kept line text and reads no page of the
 * file; only the last steps (within `PROBE_MIN_WIDTH` characters) and the hit read pages. Only steps over
 * more than `PROBE_MIN_WIDTH` characters are kept, so a section holds at most about 2 × its length /
 * `PROBE_MIN_WIDTH` lines (each a short "key\tvalue" string).
 */
const probes = new WeakMap<readonly [number, number], Map<number, SectionLine>>();
const PROBE_MIN_WIDTH = 2048;

/** A line of a sorted section as a wide binary-search step met it: [start, end) offsets (clamped to the section) and its text. */
interface SectionLine {
  start: number;
  end: number;
  text: string;
}

/** The line holding offset `pos` of section [from, to), clamped to the section, with its text. */
function sectionLine(src: Source, from: number, to: number, pos: number): SectionLine {
  const ls = src.lineStart(pos);
  const start = ls < from ? from : ls;
  const le = src.lineEnd(start);
  const end = le > to ? to : le;
  return { start, end, text: src.slice(start, end) };
}

/** Value after the tab on the line whose key is `key`, in a sorted "key\tvalue" section of `src`. */
function find(src: Source, range: [number, number], key: string): string | undefined {
  const [from, to] = range;
  const probe = escapeLatin1(key) + "\t";
  let lo = from;
  let hi = to;
  let cache = probes.get(range);
  if (cache === undefined) {
    cache = new Map();
    probes.set(range, cache);
  }
  // invariant: lines starting before lo are < probe; the line starting at the first line start >= hi is >= probe
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hi - lo > PROBE_MIN_WIDTH) {
      let line = cache.get(mid);
      if (line === undefined) {
        line = sectionLine(src, from, to, mid);
        cache.set(mid, line);
      }
      // Latin-1 text: string order of the decoded line is the byte order `src.compare` uses
      if (line.text < probe) lo = line.end + 1;
      else hi = line.start;
    } else {
      const ls = src.lineStart(mid);
      const start = ls < from ? from : ls;
      const le = src.lineEnd(start);
      const end = le > to ? to : le;
      if (src.compare(start, end, probe) < 0) lo = end + 1;
      else hi = start;
    }
  }
  if (lo >= to) return undefined;
  let le = src.lineEnd(lo);
  if (le > to) le = to;
  // decode the value only when the line's key matches (a miss decodes nothing)
  if (le - lo < probe.length || src.compare(lo, lo + probe.length, probe) !== 0) return undefined;
  return src.slice(lo + probe.length, le);
}

function record(g: Gazetteer, offset: string | undefined): PlaceRecord | undefined {
  if (offset === undefined) return undefined;
  const at = Number(offset);
  const f = g.src.slice(at, g.src.lineEnd(at)).split("\t");
  return {
    name: unescapeLatin1(f[1]), geonameId: Number(f[0]), lat: Number(f[2]), lon: Number(f[3]), countryCode: f[4],
    featureClass: f[5], featureCode: f[6], population: Number(f[7]),
  };
}

/** Memo of loose lookups by folded name; cleared when it grows past `LOOSE_CACHE_MAX` entries. */
const looseCache = new Map<string, PlaceRecord | null>();
const LOOSE_CACHE_MAX = 100_000;

/** Memo of exact lookups by folded name; cleared when it grows past `LOOSE_CACHE_MAX` entries. */
const exactCache = new Map<string, PlaceRecord | null>();

/** The best place for an exact folded name or Latin alternate (highest population / admin rank). */
export function lookupPlace(name: string): PlaceRecord | undefined {
  return lookupPlaceFolded(foldName(name));
}

/** `lookupPlace` for a name already folded with `foldName`. */
export function lookupPlaceFolded(k: string): PlaceRecord | undefined {
  let r = exactCache.get(k);
  if (r === undefined) {
    const g = load();
    r = record(g, find(g.src, g.keys, k)) ?? null;
    if (exactCache.size >= LOOSE_CACHE_MAX) exactCache.clear();
    exactCache.set(k, r);
  }
  return r ?? undefined;
}

/**
 * Like `lookupPlace`, but also matches when spaces and hyphens differ ("Albukamal", "Deir Ezzor") and
 * when a leading Arabic article differs ("Al-Raqqah" → Ar Raqqah).
 */
export function lookupPlaceLoose(name: string): PlaceRecord | undefined {
  return lookupPlaceLooseFolded(foldName(name));
}

/** `lookupPlaceLoose` for a name already folded with `foldName`. */
export function lookupPlaceLooseFolded(k: string): PlaceRecord | undefined {
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
  const sq = squash(k);
  // when k has no space, squash(k) === k and the exact key was just tried
  const hit = (mayBePlaceKeyFolded(k) ? find(g.src, g.keys, k) : undefined) ?? find(g.src, g.squashed, sq) ?? (sq === k ? undefined : find(g.src, g.keys, sq));
  if (hit !== undefined) return record(g, hit);
  const sp = k.indexOf(" ");
  if (sp > 0 && wordSet("arabic-article").has(k.slice(0, sp))) {
    const rest = k.slice(sp + 1);
    return mayBePlaceKeyFolded(rest) ? record(g, find(g.src, g.keys, rest)) : undefined;
  }
  return undefined;
}

/**
 * False when the #keys section cannot hold the folded name `k`: by #first, no key that starts with its
 * first word has as many words (saves a binary search; the #first lookup is memoized per word).
 */
export function mayBePlaceKeyFolded(k: string): boolean {
  let sp = k.indexOf(" ");
  const max = placeCandidatesStartingWith(sp < 0 ? k : k.slice(0, sp));
  let words = 1;
  while (sp >= 0 && words <= max) {
    words++;
    sp = k.indexOf(" ", sp + 1);
  }
  return words <= max;
}

/** Longest gazetteer name (in folded words) starting with this folded word; 0 when none does. */
export function placeCandidatesStartingWith(foldedToken: string): number {
  let n = firstCache.get(foldedToken);
  if (n === undefined) {
    const g = load();
    const v = find(g.src, g.first, foldedToken);
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
