/**
 * Bytes → text. Accepts UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one
 * when the NUL pattern is unmistakable), and for HTML/XML a legacy charset the document declares
 * (`<meta charset>`, `<?xml encoding?>`); refuses binary data and invalid UTF-8 with an
 * `InputError`. The BOM is removed before the text is frozen, so offsets count from the first character.
 */
import { InputError } from "./errors.js";

/** Signatures of common non-text files: bytes at offset 0 → what the file is. */
const MAGIC: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF file" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive or office document" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x1f, 0x8b], what: "gzip-compressed data" },
  { bytes: [0x42, 0x5a, 0x68], what: "bzip2-compressed data" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: "xz-compressed data" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: "zstd-compressed data" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: "a 7z archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: "an executable" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old office document" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
];

/** Share of control bytes (other than tab, LF, VT, FF, CR, ESC) above which text counts as binary. */
const CONTROL_SHARE = 0.1;
/** How many leading bytes the binary checks look at. */
const SNIFF_BYTES = 8192;

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** Which UTF-16 order NUL bytes suggest for BOM-less text, if they clearly do. */
function utf16WithoutBom(buf: Uint8Array): "le" | "be" | null {
  const n = Math.min(buf.length, SNIFF_BYTES) & ~1;
  if (n < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul === 0) return "le";
  if (evenNul > pairs * 0.3 && oddNul === 0) return "be";
  return null;
}

function decodeUtf16(buf: Uint8Array, order: "le" | "be", skip: number): string {
  const body = buf.subarray(skip, skip + ((buf.length - skip) & ~1));
  if (order === "le") return new TextDecoder("utf-16le").decode(body);
  const swapped = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i += 2) {
    swapped[i] = body[i + 1];
    swapped[i + 1] = body[i];
  }
  return new TextDecoder("utf-16le").decode(swapped);
}

/** Byte offset of the first byte that breaks UTF-8, or -1 when the bytes are valid. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function refuseMagic(buf: Uint8Array, file: string): void {
  for (const m of MAGIC) {
    if (startsWith(buf, m.bytes)) throw new InputError(file, `binary data, not text (${m.what})`);
  }
}

function refuseBinary(buf: Uint8Array, file: string): void {
  const n = Math.min(buf.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) throw new InputError(file, `binary data, not text (NUL byte at byte ${i})`);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  if (n > 0 && control / n > CONTROL_SHARE) {
    throw new InputError(file, `binary data, not text (${Math.round((100 * control) / n)}% control characters)`);
  }
}

/** Decodes a whole input; throws `InputError(file, …)` for binary data or invalid UTF-8. */
export function decodeBytes(buf: Uint8Array, file: string): string {
  if (startsWith(buf, [0xff, 0xfe, 0x00, 0x00]) || startsWith(buf, [0x00, 0x00, 0xfe, 0xff])) {
    throw new InputError(file, "UTF-32 text is not supported; convert it to UTF-8");
  }
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return decodeUtf8(buf.subarray(3), file, 3);
  if (startsWith(buf, [0xff, 0xfe])) return decodeUtf16(buf, "le", 2);
  if (startsWith(buf, [0xfe, 0xff])) return decodeUtf16(buf, "be", 2);
  refuseMagic(buf, file);
  const order = utf16WithoutBom(buf);
  if (order) return decodeUtf16(buf, order, 0);
  refuseBinary(buf, file);
  const declared = declaredCharset(buf);
  if (declared && !/^(utf-?8|us-ascii|ascii)$/i.test(declared)) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(declared);
    } catch {
      throw new InputError(file, `unsupported character encoding "${declared}"`);
    }
    if (decoder.encoding === "windows-1252") return fixCp1252(decoder.decode(buf));
    if (!/^utf-16/.test(decoder.encoding)) return decoder.decode(buf);
  }
  return decodeUtf8(buf, file, 0);
}

/** windows-1252 bytes 0x80–0x9F; Node decodes them as C1 controls (the ISO-8859-1 reading). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function fixCp1252(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Bytes looked at for a declared charset. */
const CHARSET_BYTES = 2048;

/** Charset an HTML or XML document declares near its top, if any. */
export function declaredCharset(buf: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(buf.subarray(0, CHARSET_BYTES));
  if (!/^\s*</.test(head)) return null;
  const m =
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function decodeUtf8(buf: Uint8Array, file: string, base: number): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    throw new InputError(file, `invalid UTF-8 at byte ${base + Math.max(at, 0)}`);
  }
}
