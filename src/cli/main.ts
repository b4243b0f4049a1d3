#!/usr/bin/env node
/**
 * The `newsgraph` command. Exit codes: 0 done, 1 unexpected failure (one line; the stack with
 * NEWSGRAPH_DEBUG=1), 2 unusable input (one line `newsgraph: FILE: problem`) or bad usage.
 */
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { EvalFormat } from "./eval.js";
import type { OutputFormat } from "./extract.js";
import { parseDate } from "../read/dates.js";
import { normaliseLanguage } from "../read/language.js";
import { EXIT, reportError } from "./io.js";

/** A date the reader understands ("2018-05-03T05:32", "2018/05/03", "May 3, 2018"), as ISO 8601. */
function isoDate(value: string): string {
  const iso = parseDate(value);
  if (!iso) throw new InvalidArgumentError("expected a date such as 2018-05-03 or 2018-05-03T05:32 (ISO 8601)");
  return iso;
}

/** A language tag ("en", "ar", "en-GB"), as its two- or three-letter code. */
function languageTag(value: string): string {
  const code = normaliseLanguage(value);
  if (!code) throw new InvalidArgumentError("expected a language code such as en or ar");
  return code;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

/** The package version (package.json sits two folders up from both `src/cli` and `dist/cli`). */
function version(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/** Builds the command tree; each action stores its exit code in `done`. Commands load their code lazily, so `--help` and usage errors start fast. */
function buildProgram(done: (code: number) => void): Command {
  const program = new Command("newsgraph")
    .description("Turns news articles into a grounded knowledge graph: entities, relations, events, times and who says so.")
    .version(version())
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("extract")
    .description("extract a knowledge graph from articles (no FILES or \"-\": read stdin)")
    .argument("[files...]", "article files: text, HTML, JSON or JSON lines")
    .addOption(new Option("-f, --format <format>", "output format").choices(["json", "text"]).default("json"))
    .option("--pretty", "indent JSON output")
    .option("--published-at <date>", "publication date, overriding what the article says (resolves relative times)", isoDate)
    .option("--title <title>", "the article's title, overriding what the article says")
    .option("--language <code>", "the article's language code (en, ar, ...), overriding detection", languageTag)
    .option("-o, --output <file>", "write to FILE instead of stdout")
    .action(async (files: string[], opts: { format: OutputFormat; pretty?: boolean; publishedAt?: string; title?: string; language?: string; output?: string }) => {
      const inputs = files.length ? files : ["-"];
      if (inputs.includes("-") && process.stdin.isTTY) program.error("error: no input: give FILES or pipe an article on stdin", { exitCode: EXIT.input });
      const { runExtract } = await import("./extract.js");
      done(await runExtract(inputs, opts));
    });

  program
    .command("eval")
    .description("score extraction: against a gold file or a folder of them, or on a public data set (--format)")
    .argument("<target>", "GOLD.json, a folder of *.gold.json, or a data file with --format conll|wikievents")
    .argument("[result]", "RESULT.json from `newsgraph extract` (default: extract the article the gold file names)")
    .addOption(new Option("--format <format>", "what TARGET is").choices(["gold", "conll", "wikievents"]).default("gold"))
    .option("--json", "print the scores as JSON")
    .option("--verbose", "list what was missed and what was extra")
    .option("--limit <n>", "wikievents: score only the first N documents", positiveInt)
    .addOption(new Option("--layer <layer>", "conll: score the full pipeline's names or the tagger alone").choices(["pipeline", "tagger"]).default("pipeline"))
    .action(async (target: string, result: string | undefined, opts: { format: EvalFormat; json?: boolean; verbose?: boolean; limit?: number; layer?: "pipeline" | "tagger" }) => {
      const { runEval } = await import("./eval.js");
      done(await runEval(target, result, opts));
    });

  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if ((err as NodeJS.ErrnoException | undefined)?.code === "EPIPE") return EXIT.ok;
    return reportError(err);
  }
}

/** True when this module is the program being run (also through the npm bin symlink). */
function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(EXIT.ok);
  });
  process.exitCode = await main(process.argv.slice(2));
}
