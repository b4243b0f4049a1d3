import { readFileSync } from "node:fs";
import { dataPath } from "./paths.js";

/** Reads a JSON file under `data/`; a missing or malformed file throws an error naming it. */
export function readDataJson(rel: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(dataPath(rel), "utf8");
  } catch (err) {
    throw new Error(`data/${rel}: cannot read (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (err) {
    throw new Error(`data/${rel}: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Throws `data/<rel>: <what>` unless `ok`. */
export function check(ok: boolean, rel: string, what: string): asserts ok {
  if (!ok) throw new Error(`data/${rel}: ${what}`);
}

export function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((w) => typeof w === "string");
}
