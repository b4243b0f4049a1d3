/** Helpers shared by the property and schema tests. */
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";

/** `../shared`, beside the repository, with links resolved (score.mjs only runs as itself under its real path). */
export const SHARED = realpathSync(fileURLToPath(new URL("../../../shared/", import.meta.url))) + "/";
/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A span found somewhere in a result, with the JSON path it was found at. */
export interface FoundSpan {
  path: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Every span anywhere in a result: any object with numeric `start`/`end` and a string `text`
 * (entity mentions, evidence, triggers, count and time spans, claim and source spans, diagnostics).
 */
export function findSpans(value: unknown, at = "$", out: FoundSpan[] = []): FoundSpan[] {
  if (Array.isArray(value)) value.forEach((v, i) => findSpans(v, `${at}[${i}]`, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string") out.push({ path: at, start: o.start, end: o.end, text: o.text });
    for (const [k, v] of Object.entries(o)) if (k !== "document") findSpans(v, `${at}.${k}`, out);
  }
  return out;
}

/** The spans of `result` that do not quote `text` exactly, as "path [start,end) 'text'" lines. */
export function badSpans(result: unknown, text: string): string[] {
  return findSpans(result)
    .filter((s) => !(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length && text.slice(s.start, s.end) === s.text))
    .map((s) => `${s.path} [${s.start},${s.end}) ${JSON.stringify(s.text)} vs ${JSON.stringify(text.slice(s.start, s.end))}`);
}

let validator: ValidateFunction | undefined;

/** The compiled `graph.schema.json` validator (compiled once). */
export function schemaValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(`${SHARED}spec/graph.schema.json`, "utf8")) as object;
    const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

/** Schema errors of a result as short lines (empty when valid). */
export function schemaErrors(result: unknown): string[] {
  const validate = schemaValidator();
  return validate(result) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
