import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, SHARED } from "../property/spans.js";

/** The built CLI; `npm test` builds before testing. */
const MAIN = path.join(ROOT, "dist/cli/main.js");
const SEED = path.join(SHARED, "seed/000_cabcf89aa27defb8.txt");
const SEED_GOLD = path.join(SHARED, "eval/gold/seed.gold.json");
const CORPUS = path.join(SHARED, "eval/corpus");
const EXAMPLE_TXT = path.join(ROOT, "examples/deir-ez-zor-arrests.txt");
const EXAMPLE_JSONL = path.join(ROOT, "examples/articles.jsonl");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], input?: string | Buffer, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, input: input ?? "", encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string): string[] => s.split("\n").filter((l) => l.length > 0);

let dir = "";
const tmp = (name: string): string => path.join(dir, name);

before(() => {
  assert.ok(existsSync(MAIN), `${MAIN} is missing: run \`npm run build\` first`);
  dir = mkdtempSync(path.join(tmpdir(), "newsgraph-cli-"));
  writeFileSync(tmp("empty.txt"), "");
  writeFileSync(tmp("blank.txt"), "  \n\t\n");
  writeFileSync(tmp("image.png"), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]));
  writeFileSync(tmp("binary.txt"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 32)));
  writeFileSync(tmp("latin1.txt"), Buffer.from("Abu Omar visited Hom\xe9s and M\xe9knes last year.\n", "latin1"));
  writeFileSync(tmp("huge.txt"), Buffer.alloc(50 * 1024 * 1024, "Abu Omar was killed in Raqqa. "));
  writeFileSync(tmp("nav.html"), "<!doctype html><html><head><title></title></head><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>");
  writeFileSync(tmp("noisy.txt"), "Attack in Raqqa\n\nAbu Omar al-Masri\u001b[31m said on Monday\u202e that ISIS\u0007 fighters attacked Raqqa.\n");
  mkdirSync(tmp("folder"));
  writeFileSync(tmp("tiny.iob2"), "# text = Omar Saleh visited Raqqa .\n1\tOmar\tB-PER\n2\tSaleh\tI-PER\n3\tvisited\tO\n4\tRaqqa\tB-LOC\n5\t.\tO\n\n");
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe("extract: unusable input is one stderr line and exit code 2", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["a missing file", () => [tmp("missing.txt")], /missing\.txt: no such file/],
    ["a directory", () => [tmp("folder")], /folder: is a directory/],
    ["an empty file", () => [tmp("empty.txt")], /empty\.txt: empty/],
    ["a file of whitespace", () => [tmp("blank.txt")], /blank\.txt: no text/],
    ["a PNG image", () => [tmp("image.png")], /image\.png: .*PNG/],
    ["binary data", () => [tmp("binary.txt")], /binary\.txt: .*binary/],
    ["invalid UTF-8", () => [tmp("latin1.txt")], /latin1\.txt: .*UTF-8/],
    ["a 50 MB file", () => [tmp("huge.txt")], /huge\.txt: .*too large/],
    ["HTML with no article", () => [tmp("nav.html")], /nav\.html: /],
  ];
  for (const [name, args, problem] of cases) {
    it(name, () => {
      const r = cli(["extract", ...args()]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, "");
      assert.equal(lines(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr, /^newsgraph: /);
      assert.match(r.stderr, problem);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }

  it("empty stdin", () => {
    const r = cli(["extract"], "");
    assert.equal(r.code, 2);
    assert.deepEqual(lines(r.stderr).length, 1);
    assert.match(r.stderr, /^newsgraph: stdin: /);
  });

  it("reports a bad file among good ones and still processes the others", () => {
    const r = cli(["extract", EXAMPLE_TXT, tmp("missing.txt"), SEED]);
    assert.equal(r.code, 2);
    assert.equal(lines(r.stderr).length, 1);
    assert.deepEqual(lines(r.stdout).map((l) => (JSON.parse(l) as { document: { source: { file: string } } }).document.source.file), [EXAMPLE_TXT, SEED]);
  });
});

describe("usage errors exit with code 2", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown option", ["extract", "--colour", SEED], /unknown option/],
    ["an unknown format", ["extract", "--format", "xml", SEED], /Allowed choices are json, text/],
    ["a date that is not a date", ["extract", "--published-at", "soon", SEED], /ISO 8601/],
    ["a bad language code", ["extract", "--language", "english language", SEED], /language code/],
    ["an unknown command", ["summarise", SEED], /unknown command/],
    ["eval without a target", ["eval"], /missing required argument/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = cli(args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, message);
    });
  }

  it("the npm bin link runs the CLI (--version is the package's)", () => {
    const r = spawnSync(path.join(ROOT, "node_modules/.bin/newsgraph"), ["--version"], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version);
  });

  it("--help exits 0 and lists the commands", () => {
    const r = cli(["--help"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /extract/);
    assert.match(r.stdout, /eval/);
  });
});

interface Result {
  schemaVersion: number;
  document: { id: string; text: string; title: string | null; publishedAt: string | null; language: string; source: { file?: string } | null };
  entities: { name: string; type: string }[];
}

describe("extract: output", () => {
  it("one file, one document: one JSON object on one line", () => {
    const r = cli(["extract", SEED]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, "");
    assert.equal(lines(r.stdout).length, 1);
    const result = JSON.parse(r.stdout) as Result;
    assert.equal(result.schemaVersion, 1);
    assert.equal(result.document.source?.file, SEED);
    assert.equal(result.document.text, readFileSync(SEED, "utf8"));
  });

  it("--pretty indents the JSON", () => {
    const r = cli(["extract", SEED, "--pretty"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\{\n {2}"schemaVersion": 1,/);
    assert.equal((JSON.parse(r.stdout) as Result).schemaVersion, 1);
  });

  it("a JSON lines file of several documents: one result per line", () => {
    const want = lines(readFileSync(EXAMPLE_JSONL, "utf8")).length;
    const r = cli(["extract", EXAMPLE_JSONL]);
    assert.equal(r.code, 0);
    const got = lines(r.stdout).map((l) => JSON.parse(l) as Result);
    assert.equal(got.length, want);
    assert.ok(got.every((x) => x.schemaVersion === 1));
  });

  it("several files: JSON lines in the order given", () => {
    const r = cli(["extract", SEED, EXAMPLE_TXT]);
    assert.equal(r.code, 0);
    assert.deepEqual(lines(r.stdout).map((l) => (JSON.parse(l) as Result).document.source?.file), [SEED, EXAMPLE_TXT]);
  });

  it("stdin, with no file or with -", () => {
    const text = readFileSync(EXAMPLE_TXT, "utf8");
    for (const args of [["extract"], ["extract", "-"]]) {
      const r = cli(args, text);
      assert.equal(r.code, 0, r.stderr);
      const result = JSON.parse(r.stdout) as Result;
      assert.equal(result.document.text, text);
      assert.equal(result.document.source?.file, undefined);
    }
  });

  it("--published-at takes the dates the reader knows, as ISO 8601", () => {
    const r = cli(["extract", "--published-at", "May 3, 2018", "-"], "Abu Omar was seen in Raqqa two days ago.\n");
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as Result).document.publishedAt, "2018-05-03");
  });

  it("--published-at, --title and --language override what the article says", () => {
    const r = cli(["extract", "--published-at", "2019-01-02T03:04", "--title", "A title", "--language", "ar", "-"], "Abu Omar was seen in Raqqa two days ago.\n");
    assert.equal(r.code, 0, r.stderr);
    const d = (JSON.parse(r.stdout) as Result).document;
    assert.deepEqual([d.publishedAt, d.title, d.language], ["2019-01-02T03:04", "A title", "ar"]);
  });

  it("-o writes the result to a file and nothing to stdout", () => {
    const out = tmp("out.json");
    const r = cli(["extract", SEED, "-o", out]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, "");
    assert.equal((JSON.parse(readFileSync(out, "utf8")) as Result).document.source?.file, SEED);
  });

  it("-o into a missing folder is one line and exit code 2", () => {
    const r = cli(["extract", SEED, "-o", tmp("no/such/out.json")]);
    assert.equal(r.code, 2);
    assert.equal(lines(r.stderr).length, 1);
    assert.match(r.stderr, /out\.json: cannot write/);
  });
});

describe("extract --format text", () => {
  it("shows the header, and every entity name the JSON has", () => {
    const json = JSON.parse(cli(["extract", SEED]).stdout) as Result;
    const r = cli(["extract", SEED, "--format", "text"]);
    assert.equal(r.code, 0);
    assert.ok(json.entities.length > 0, "the seed yields entities");
    for (const e of json.entities) assert.ok(r.stdout.includes(e.name), `missing ${e.name}`);
    assert.match(r.stdout, /published 2018-05-03T05:32/);
    assert.match(r.stdout, /translated from ar/);
  });

  it("never prints control or bidi-override characters from the article", () => {
    const r = cli(["extract", tmp("noisy.txt"), "--format", "text"]);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  });

  it("separates several documents", () => {
    const r = cli(["extract", EXAMPLE_JSONL, EXAMPLE_TXT, "--format", "text"]);
    assert.equal(r.code, 0);
    assert.ok(r.stdout.split("-".repeat(72)).length >= 3);
  });
});

describe("eval", () => {
  it("GOLD RESULT prints exactly what score.mjs prints", () => {
    const result = tmp("seed.json");
    assert.equal(cli(["extract", SEED, "-o", result]).code, 0);
    for (const flags of [[], ["--verbose"], ["--json"]]) {
      const want = spawnSync(process.execPath, [path.join(SHARED, "eval/score.mjs"), SEED_GOLD, result, ...flags], { encoding: "utf8" });
      const got = cli(["eval", SEED_GOLD, result, ...flags]);
      assert.equal(got.code, 0, got.stderr);
      assert.equal(got.stdout, want.stdout);
    }
  });

  it("GOLD alone extracts the article the gold names", () => {
    const result = tmp("seed2.json");
    cli(["extract", SEED, "-o", result]);
    const r = cli(["eval", SEED_GOLD]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, cli(["eval", SEED_GOLD, result]).stdout);
  });

  it("a folder scores each gold file that names an article, then the mean", () => {
    const r = cli(["eval", CORPUS]);
    assert.equal(r.code, 0, r.stderr);
    const heads = r.stdout.split("\n").filter((l) => l.startsWith("== "));
    assert.deepEqual(heads, ["== c1-mayadeen-clash.gold.json", "== c2-mayadin-translated.gold.json", "== c3-splinter.gold.json", "== mean of 3 (per-file scores averaged, counts summed)"]);
    assert.equal(r.stdout.match(/^overall \d\.\d{3}$/gm)?.length, 4);
  });

  it("a folder with --json gives each file and the mean", () => {
    const r = cli(["eval", CORPUS, "--json"]);
    const j = JSON.parse(r.stdout) as { files: { gold: string; overall: number }[]; mean: { overall: number } };
    assert.equal(j.files.length, 3);
    const mean = j.files.reduce((a, f) => a + f.overall, 0) / 3;
    assert.ok(Math.abs(j.mean.overall - mean) < 0.001);
  });

  const bad: [string, () => string[], RegExp][] = [
    ["a missing gold file", () => ["eval", tmp("missing.gold.json")], /missing\.gold\.json: no such file/],
    ["a gold file that is not JSON", () => ["eval", tmp("noisy.txt")], /noisy\.txt: not valid JSON/],
    ["a result without document.text", () => { writeFileSync(tmp("r.json"), "{}"); return ["eval", SEED_GOLD, tmp("r.json")]; }, /r\.json: the result has no document\.text/],
    ["a folder without gold files", () => ["eval", tmp("folder")], /folder: no \*\.gold\.json/],
  ];
  for (const [name, args, message] of bad) {
    it(name, () => {
      const r = cli(args());
      assert.equal(r.code, 2);
      assert.equal(lines(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr, message);
    });
  }

  describe("public data sets", () => {
    const cases: [string, () => string[], (j: { micro: { f1: number } }) => void][] = [
      ["--format conll scores names on a column file", () => ["eval", "--format", "conll", tmp("tiny.iob2")], (j) => assert.ok(j.micro.f1 >= 0 && j.micro.f1 <= 1)],
      ["--format wikievents --limit 1 scores one document", () => ["eval", "--format", "wikievents", "--limit", "1", path.join(SHARED, "data/wikievents/dev.jsonl")], (j) => assert.equal((j as unknown as { documents: number }).documents, 1)],
    ];
    for (const [name, args, check] of cases) {
      it(name, () => {
        const table = cli(args());
        assert.equal(table.code, 0, table.stderr);
        assert.match(table.stdout, /^micro\b/m);
        const json = cli([...args(), "--json"]);
        assert.equal(json.code, 0, json.stderr);
        check(JSON.parse(json.stdout) as { micro: { f1: number } });
      });
    }

    it("a data file that is a folder is one line and exit code 2", () => {
      const r = cli(["eval", "--format", "conll", tmp("folder")]);
      assert.equal(r.code, 2);
      assert.equal(lines(r.stderr).length, 1);
    });
  });
});
