import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { NUM_LABELS, constrain } from "./decode.js";

/** Magic bytes at the start of `ner.bin`. */
const MAGIC = 0x4754474e; // "NGTG" little-endian
const VERSION = 1;
const HEADER_BYTES = 28;

/**
 * A trained tagger as held in memory: the file's quantized weight rows over hashed feature buckets (copied
 * as is, no per-weight decoding) and the (constrained) transition scores. Weight of (bucket b, label y) =
 * `w[rowOf[b] - 1 + y] * scale` in perceptron units (averaged) when `rowOf[b] > 0`, else 0 (pruned bucket).
 */
export interface TaggerWeights {
  bucketBits: number;
  /** Per bucket (`2^bucketBits`): 1 + offset of its row in `w`, or 0 when the bucket has no row. */
  rowOf: Int32Array;
  /** Quantized weights, `rows × NUM_LABELS`, then one row of zeros at `zeroRow` (for branch-free sums). */
  w: Int16Array;
  /** Offset in `w` of the zero row (`rows × NUM_LABELS`). */
  zeroRow: number;
  scale: number;
  /** `(L+1)²` transition scores with −∞ on disallowed BILOU moves (row/column L = boundary). */
  trans: Float64Array;
}

/** Quantized weight of (bucket b, label y) (0 for a pruned bucket); multiply by `scale` for perceptron units. */
export function quantizedWeight(m: TaggerWeights, b: number, y: number): number {
  const r = m.rowOf[b];
  return r === 0 ? 0 : m.w[r - 1 + y];
}

/** The metadata file next to the weights (`ner.json`). */
export interface TaggerMeta {
  format: "newsgraph-ner/1";
  labels: string[];
  bucketBits: number;
  /** sha256 (hex) of the weights file. */
  binSha256: string;
  /** True when lexicon features were on in training; the runtime must use the same lexicon. */
  lexicon: boolean;
  /** Score margin that maps to confidence 0.5 (perceptron units). */
  marginScale: number;
  [key: string]: unknown;
}

/**
 * Encodes averaged dense weights (`2^bucketBits × L`) and transitions into the binary format:
 * header (magic, version, L, bucketBits, rows, scale f32, reserved), transitions f32[(L+1)²],
 * row bucket ids u32[rows], weights i16[rows × L] (value = q × scale). Rows whose largest |w| is
 * below `prune` are dropped. Deterministic: same weights → same bytes.
 */
export function encodeWeights(dense: Float32Array, bucketBits: number, trans: Float64Array, prune: number): Buffer {
  const L = NUM_LABELS;
  const nb = 1 << bucketBits;
  const rows: number[] = [];
  let maxAbs = 0;
  for (let b = 0; b < nb; b++) {
    let m = 0;
    for (let y = 0; y < L; y++) m = Math.max(m, Math.abs(dense[b * L + y]));
    if (m > prune) {
      rows.push(b);
      maxAbs = Math.max(maxAbs, m);
    }
  }
  const scale = Math.fround(maxAbs > 0 ? maxAbs / 32767 : 1);
  const W = L + 1;
  const size = HEADER_BYTES + W * W * 4 + rows.length * 4 + rows.length * L * 2;
  const buf = Buffer.alloc(size);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(VERSION, 4);
  buf.writeUInt32LE(L, 8);
  buf.writeUInt32LE(bucketBits, 12);
  buf.writeUInt32LE(rows.length, 16);
  buf.writeFloatLE(scale, 20);
  let o = HEADER_BYTES;
  for (let i = 0; i < W * W; i++, o += 4) buf.writeFloatLE(Number.isFinite(trans[i]) ? trans[i] : 0, o);
  for (const b of rows) {
    buf.writeUInt32LE(b, o);
    o += 4;
  }
  for (const b of rows) {
    for (let y = 0; y < L; y++, o += 2) buf.writeInt16LE(Math.max(-32767, Math.min(32767, Math.round(dense[b * L + y] / scale))), o);
  }
  return buf;
}

/** Decodes the binary format; throws `<file>: corrupt model (<why>)` on any inconsistency. */
export function decodeWeights(buf: Buffer, file: string): TaggerWeights {
  const fail = (why: string): never => {
    throw new Error(`${file}: corrupt model (${why})`);
  };
  if (buf.length < HEADER_BYTES) fail(`${buf.length} bytes, shorter than the header`);
  if (buf.readUInt32LE(0) !== MAGIC) fail("bad magic bytes");
  if (buf.readUInt32LE(4) !== VERSION) fail(`unsupported version ${buf.readUInt32LE(4)}`);
  const L = buf.readUInt32LE(8);
  if (L !== NUM_LABELS) fail(`${L} labels, expected ${NUM_LABELS}`);
  const bits = buf.readUInt32LE(12);
  if (bits < 8 || bits > 26) fail(`bucket bits ${bits} out of range`);
  const rows = buf.readUInt32LE(16);
  const scale = buf.readFloatLE(20);
  const W = L + 1;
  const expect = HEADER_BYTES + W * W * 4 + rows * 4 + rows * L * 2;
  if (buf.length !== expect) fail(`${buf.length} bytes, expected ${expect}`);
  const rawTrans = new Float64Array(W * W);
  let o = HEADER_BYTES;
  for (let i = 0; i < W * W; i++, o += 4) rawTrans[i] = buf.readFloatLE(o);
  const nb = 1 << bits;
  // Little-endian typed views onto the file bytes (copied once only when misaligned).
  const bytes = buf.byteOffset % 4 === 0 ? buf : new Uint8Array(buf);
  const ids = new Uint32Array(bytes.buffer, bytes.byteOffset + o, rows);
  o += rows * 4;
  const w = new Int16Array(rows * L + L);
  w.set(new Int16Array(bytes.buffer, bytes.byteOffset + o, rows * L));
  const rowOf = new Int32Array(nb);
  for (let r = 0; r < rows; r++) {
    const b = ids[r];
    if (b >= nb) fail(`bucket ${b} out of range`);
    rowOf[b] = r * L + 1;
  }
  return { bucketBits: bits, rowOf, w, zeroRow: rows * L, scale, trans: constrain(rawTrans) };
}

/** sha256 hex of a buffer. */
export function sha256(buf: Buffer | string): string {
  return createHash("sha256").update(buf).digest("hex");
}

/**
 * Loads `ner.json` + `ner.bin`. A missing, unreadable or inconsistent file throws an error naming the
 * file and the problem.
 */
export function loadModelFiles(jsonFile: string, binFile: string): { meta: TaggerMeta; weights: TaggerWeights } {
  let metaText: string;
  try {
    metaText = readFileSync(jsonFile, "utf8");
  } catch (err) {
    throw new Error(`${jsonFile}: cannot read tagger model metadata (${(err as NodeJS.ErrnoException).code ?? String(err)}); run \`npm run train\``);
  }
  let meta: TaggerMeta;
  try {
    meta = JSON.parse(metaText) as TaggerMeta;
  } catch (err) {
    throw new Error(`${jsonFile}: corrupt model metadata (invalid JSON: ${err instanceof Error ? err.message : String(err)})`);
  }
  if (meta?.format !== "newsgraph-ner/1") throw new Error(`${jsonFile}: corrupt model metadata (format is not "newsgraph-ner/1")`);
  if (typeof meta.binSha256 !== "string" || typeof meta.marginScale !== "number") {
    throw new Error(`${jsonFile}: corrupt model metadata (missing binSha256 or marginScale)`);
  }
  let buf: Buffer;
  try {
    buf = readFileSync(binFile);
  } catch (err) {
    throw new Error(`${binFile}: cannot read tagger model weights (${(err as NodeJS.ErrnoException).code ?? String(err)}); run \`npm run train\``);
  }
  const sum = sha256(buf);
  if (sum !== meta.binSha256) throw new Error(`${binFile}: corrupt model (sha256 ${sum.slice(0, 12)}… does not match ${jsonFile})`);
  const weights = decodeWeights(buf, binFile);
  if (weights.bucketBits !== meta.bucketBits) throw new Error(`${binFile}: corrupt model (bucket bits differ from ${jsonFile})`);
  return { meta, weights };
}
