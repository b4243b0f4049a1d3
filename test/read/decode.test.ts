import { test } from "node:test";
import assert from "node:assert/strict";
import { declaredCharset, decodeBytes, firstInvalidUtf8 } from "../../src/read/decode.js";
import { InputError } from "../../src/read/errors.js";

const utf16 = (s: string, order: "le" | "be", bom: boolean) => {
  const le = Buffer.from(s, "utf16le");
  const body = order === "le" ? le : Buffer.from(le.map((_, i) => le[i ^ 1]));
  const mark = order === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
};

test("decodes supported encodings", () => {
  const text = "Abou Shuaib al-Ḥaḍrami — ٢٠١٨";
  const cases: [string, Uint8Array][] = [
    ["utf-8", Buffer.from(text, "utf8")],
    ["utf-8 with BOM (BOM removed)", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])],
    ["utf-16 le with BOM", utf16(text, "le", true)],
    ["utf-16 be with BOM", utf16(text, "be", true)],
    ["utf-16 le without BOM", utf16("Plain ASCII text in UTF-16", "le", false)],
  ];
  for (const [name, bytes] of cases) {
    const want = name.includes("without") ? "Plain ASCII text in UTF-16" : text;
    assert.equal(decodeBytes(bytes, "f.txt"), want, name);
  }
});

test("refuses binary and invalid input with a one-line problem", () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ["PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), /^binary data, not text \(a PDF file\)$/],
    ["ZIP", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /^binary data, not text \(a ZIP archive/],
    ["PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /a PNG image/],
    ["NUL byte", Buffer.from("abc\u0000def\u0001ghi\u0000", "latin1"), /^binary data, not text \(NUL byte at byte 3\)$/],
    ["control characters", Buffer.from("\u0001\u0002\u0003\u0004abcdef\u0005\u0006", "latin1"), /% control characters\)$/],
    ["invalid UTF-8", Buffer.from([0x61, 0x62, 0xc3, 0x28, 0x63]), /^invalid UTF-8 at byte 2$/],
    ["invalid UTF-8 after BOM", Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]), /^invalid UTF-8 at byte 4$/],
    ["truncated sequence", Buffer.from([0x61, 0xe2, 0x82]), /^invalid UTF-8 at byte 1$/],
    ["UTF-32", Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]), /UTF-32/],
  ];
  for (const [name, bytes, problem] of cases) {
    assert.throws(
      () => decodeBytes(bytes, "in.txt"),
      (e: unknown) => e instanceof InputError && e.file === "in.txt" && problem.test(e.problem) && !e.message.includes("\n"),
      name,
    );
  }
});

test("firstInvalidUtf8 finds the offending byte", () => {
  const cases: [number[], number][] = [
    [[0x41, 0x42], -1],
    [[0xe2, 0x82, 0xac], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0xc0, 0x80], 0],
    [[0x41, 0xed, 0xa0, 0x80], 1],
    [[0x41, 0x80], 1],
  ];
  for (const [bytes, at] of cases) assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), at, bytes.join(","));
});

test("HTML and XML may declare a legacy charset", () => {
  const cp1252 = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'), Buffer.from([0x93, 0x41, 0xe9, 0x94]), Buffer.from("</p></body></html>")]);
  assert.ok(decodeBytes(cp1252, "p.html").includes("\u201cAé\u201d"));
  const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>'), Buffer.from([0xe9]), Buffer.from("</title></rss>")]);
  assert.ok(decodeBytes(xml, "f.xml").includes("<title>é</title>"));
  assert.throws(
    () => decodeBytes(Buffer.from('<meta charset="x-klingon"><p>hi</p>'), "k.html"),
    (e: unknown) => e instanceof InputError && e.problem === 'unsupported character encoding "x-klingon"',
  );
  const cases: [string, string | null][] = [
    ['<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">', "iso-8859-6"],
    ['<?xml version="1.0" encoding="UTF-8"?><rss/>', "utf-8"],
    ["Plain text that mentions charset=latin1", null],
  ];
  for (const [head, want] of cases) assert.equal(declaredCharset(Buffer.from(head)), want, head);
});
