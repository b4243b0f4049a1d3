import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { InputError, readDocuments, readText, textId } from "../../src/read/index.js";
import { guessLanguage } from "../../src/read/language.js";
import { assertRegions } from "./regions.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const SEED = path.resolve(root, "..", "shared", "seed", "000_cabcf89aa27defb8.txt");
const tmp = mkdtempSync(path.join(os.tmpdir(), "newsgraph-read-"));
const write = (name: string, data: string | Uint8Array) => {
  const p = path.join(tmp, name);
  writeFileSync(p, data);
  return p;
};

test("unusable inputs throw one-line InputErrors", async () => {
  mkdirSync(path.join(tmp, "folder"));
  const cases: [string, string, RegExp, object?][] = [
    ["missing file", path.join(tmp, "nope.txt"), /^no such file$/],
    ["directory", path.join(tmp, "folder"), /^is a directory, not a file$/],
    ["empty file", write("empty.txt", ""), /^empty file$/],
    ["whitespace only", write("blank.txt", " \n\t\r\n  "), /^no text \(only whitespace\)$/],
    ["binary", write("doc.txt", Buffer.from("%PDF-1.4\n...")), /^binary data, not text \(a PDF file\)$/],
    ["invalid UTF-8", write("bad.txt", Buffer.from([0x68, 0x69, 0xfe, 0x21])), /^invalid UTF-8 at byte 2$/],
    ["too large", write("big.txt", "x".repeat(200)), /^file too large \(200 bytes; the limit is 100 bytes\)$/, { maxBytes: 100 }],
    ["HTML without article", write("nav.html", "<html><body><nav>Home</nav></body></html>"), /^no article text found in the HTML$/],
    ["bad JSONL line", write("bad.jsonl", '{"text":"a"}\nnot json\n'), /^line 2: not valid JSON/],
    ["unreadable date override", write("ok.txt", "Some text here."), /^cannot read the publication date "someday"/, { publishedAt: "someday" }],
  ];
  for (const [name, file, problem, opts] of cases) {
    await assert.rejects(
      readDocuments(file, opts ?? {}),
      (e: unknown) => e instanceof InputError && e.file === file && problem.test(e.problem) && !e.message.includes("\n"),
      name,
    );
  }
});

test("the seed article reads its header", async () => {
  const [doc] = await readDocuments(SEED);
  assert.equal(doc.meta.title, 'Islamic State suppresses format new organization by its "most extremist" members');
  assert.equal(doc.meta.publishedAt, "2018-05-03T05:32");
  assert.equal(doc.meta.translatedFrom, "ar");
  assert.equal(doc.meta.language, "en");
  assert.deepEqual(doc.meta.credits, [
    { role: "translation-editor", name: "Farah Nassif" },
    { role: "translator", name: "Nouha Salti" },
  ]);
  assert.deepEqual(doc.meta.source, { file: SEED });
  assert.equal(doc.meta.id, SEED);
  assert.equal(doc.text, readFileSync(SEED, "utf8"), "text is the whole input");
  assertRegions(doc.text, doc.regions, "seed");
  assert.deepEqual(doc.regions.map((r) => r.kind), ["boilerplate", "title", "credit", "credit", "dateline", "body"]);
});

test("the examples read in every format", async () => {
  const cases: [string, number, string[]][] = [
    ["examples/deir-ez-zor-arrests.txt", 1, ["title", "publishedAt", "translatedFrom", "credits"]],
    ["examples/aden-clashes.html", 1, ["title", "publishedAt", "credits", "url", "outlet"]],
    ["examples/feed.xml", 2, ["title", "publishedAt", "url", "outlet"]],
    ["examples/articles.jsonl", 2, ["title", "publishedAt"]],
  ];
  for (const [file, n, fields] of cases) {
    const docs = await readDocuments(path.join(root, file));
    assert.equal(docs.length, n, file);
    for (const d of docs) {
      assertRegions(d.text, d.regions, file);
      const m = d.meta;
      const have: Record<string, unknown> = { ...m, url: m.source?.url, outlet: m.source?.outlet, credits: m.credits.length || null };
      for (const f of fields) assert.ok(have[f], `${file} ${m.id}: ${f}`);
      assert.ok(!/<script|<\/?p>|dataLayer|Subscribe|Related stories/.test(d.text), `${file}: no markup or furniture`);
    }
  }
});

test("overrides win over what was read", async () => {
  const file = write("over.txt", "A headline\n\nPublication date: 2018/05/03 05:32\n\nLe texte de l'article est ici et il est en français pour la plupart.");
  const cases: [object, Record<string, string>][] = [
    [{}, { title: "A headline", publishedAt: "2018-05-03T05:32", language: "fr" }],
    [{ title: "Other" }, { title: "Other" }],
    [{ publishedAt: "2020-01-02" }, { publishedAt: "2020-01-02" }],
    [{ publishedAt: "March 4, 2021 10:15" }, { publishedAt: "2021-03-04T10:15" }],
    [{ language: "en-GB" }, { language: "en" }],
  ];
  for (const [opts, want] of cases) {
    const [doc] = await readDocuments(file, opts);
    for (const [k, v] of Object.entries(want)) assert.equal((doc.meta as unknown as Record<string, unknown>)[k], v, `${JSON.stringify(opts)} ${k}`);
  }
});

test("ids and source.file", async () => {
  const text = "Headline\n\nSome text of an article.";
  const cases: [string, ReturnType<typeof readText>, string, object | null][] = [
    ["in memory", readText(text), textId(text), null],
    ["with a file name", readText(text, { file: "x/y.txt" }), "x/y.txt", { file: "x/y.txt" }],
    ["from a file", (await readDocuments(write("id.txt", text)))[0], path.join(tmp, "id.txt"), { file: path.join(tmp, "id.txt") }],
  ];
  for (const [name, doc, id, source] of cases) {
    assert.equal(doc.meta.id, id, name);
    assert.deepEqual(doc.meta.source, source, name);
  }
  assert.match(textId(text), /^[0-9a-f]{16}$/);
});

test("stdin is read fully and sniffed", () => {
  const script = `import { readDocuments } from "./src/read/index.ts"; const d = await readDocuments("-"); console.log(JSON.stringify(d.map((x) => [x.meta.id, x.meta.title, x.meta.source])));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: root,
    input: '{"text": "Headline\\n\\nSome text of an article."}\n{"text": "Another text here.", "id": "b"}\n',
  }).toString();
  const text = '{"text": "Headline\\n\\nSome text of an article."}\n{"text": "Another text here.", "id": "b"}\n';
  assert.deepEqual(JSON.parse(out), [
    [`${textId(text)}#1`, "Headline", null],
    ["b", null, null],
  ]);
});

test("guessLanguage reads script and function words", () => {
  const cases: [string, string][] = [
    ["The fighters said that the group was in the town and it has left.", "en"],
    ["Les combattants ont quitté la ville selon des sources locales et les habitants.", "fr"],
    ["Los combatientes salieron de la ciudad según las fuentes locales y los vecinos.", "es"],
    ["Die Kämpfer haben die Stadt verlassen, und die Gruppe ist nicht mehr dort.", "de"],
    ["قال مصدر مطلع إن التنظيم انسحب من المدينة", "ar"],
    ["Hajin Albu Kamal", "en"],
    ["12 34", "en"],
  ];
  for (const [text, want] of cases) assert.equal(guessLanguage(text), want, text);
});

test("data files are validated with errors naming the file", async () => {
  const { parseCreditCues, parseReaderCues, parseLanguageCues, DataFileError } = await import("../../src/read/cues.js");
  const cases: [string, () => unknown, RegExp][] = [
    ["credits: not an object", () => parseCreditCues([], "c.json"), /^c\.json: expected a JSON object$/],
    ["credits: bad role", () => parseCreditCues({ labels: [{ label: "By", role: "writer", colon: false }], genericBylines: [], nameParticles: [] }, "c.json"), /^c\.json: labels\[0\]\.role must be one of/],
    ["credits: missing list", () => parseCreditCues({ labels: [{ label: "By", role: "author", colon: false }] }, "c.json"), /^c\.json: "genericBylines" must be a list/],
    ["reader: bad regex", () => parseReaderCues({ boilerplate: ["("], translatedFrom: [], dateLabels: [], updateLabels: [], months: {}, weekdays: [] }, "r.json"), /^r\.json: "boilerplate" holds a bad regular expression/],
    ["reader: bad month", () => parseReaderCues({ boilerplate: [], translatedFrom: [], dateLabels: [], updateLabels: [], months: { jan: 13 }, weekdays: [] }, "r.json"), /^r\.json: "months\.jan" must be an integer/],
    ["languages: bad code", () => parseLanguageCues({ names: { arabic: "Arabic" }, stopwords: {} }, "l.json"), /^l\.json: "names\.arabic" must be an ISO 639 code$/],
  ];
  for (const [name, run, message] of cases) {
    assert.throws(run, (e: unknown) => e instanceof DataFileError && message.test((e as Error).message), name);
  }
  const { creditCues, readerCues, languageCues } = await import("../../src/read/cues.js");
  assert.ok(creditCues().labels.length > 0 && readerCues().months.size > 0 && languageCues().names.size > 0, "shipped files load");
});

test("decoded files keep offsets simple", async () => {
  const text = "Headline\r\n\r\nBy Rana Saleh\r\n\r\nFighting resumed on Monday in the town, residents said.\r\n";
  const cases: [string, Uint8Array][] = [
    ["utf-8 BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ["utf-16 le BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
  ];
  for (const [name, bytes] of cases) {
    const [doc] = await readDocuments(write(`${name.replace(/\W/g, "")}.txt`, bytes));
    assert.equal(doc.text, text, name);
    assertRegions(doc.text, doc.regions, name);
    assert.deepEqual(doc.regions.map((r) => doc.text.slice(r.start, r.end)), ["Headline", "By Rana Saleh", "Fighting resumed on Monday in the town, residents said."], name);
  }
});

test("format comes from the extension, else from the content", async () => {
  const para = "Fighting resumed on Monday in the town of Hajin, residents said.";
  const cases: [string, string, number, string | null][] = [
    ["page.txt", `<!DOCTYPE html><html><body><article><h1>From HTML</h1><p>${para}</p></article></body></html>`, 1, "From HTML"],
    ["feed", `<rss><channel><item><title>From RSS</title><description>${para}</description></item></channel></rss>`, 1, "From RSS"],
    ["records.data", `{"text": "${para}", "title": "From JSONL"}\n{"text": "${para}"}`, 2, "From JSONL"],
    ["notes.txt", `From text\n\n${para}`, 1, "From text"],
    ["markup.md", `<p> is a tag\n\n${para}`, 1, "<p> is a tag"],
  ];
  for (const [name, content, n, title] of cases) {
    const docs = await readDocuments(write(name, content));
    assert.equal(docs.length, n, name);
    assert.equal(docs[0].meta.title, title, name);
  }
});

test("a declared language is checked against the script", async () => {
  const { checkDeclared } = await import("../../src/read/language.js");
  const cases: [string, string, string][] = [
    ["ar", "The fighters said that the group was in the town and it has left.", "en"],
    ["ar", "قال مصدر مطلع إن التنظيم انسحب من المدينة", "ar"],
    ["fr", "The fighters said that the group was in the town and it has left.", "fr"],
    ["ar", "12 34", "ar"],
  ];
  for (const [declared, text, want] of cases) assert.equal(checkDeclared(declared, text), want, `${declared}: ${text}`);
});
