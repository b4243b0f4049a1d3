import { readFileSync } from "node:fs";
import path from "node:path";
import { dataPath } from "./paths.js";

/** How a data file is named in errors: `data/<rel>`, or the path itself when absolute. */
export function displayName(rel: string): string {
  return path.isAbsolute(rel) ? rel : `data/${rel}`;
}

/** Reads a JSON file under `data/` (or at an absolute path); a missing or malformed file throws naming it. */
export function readDataJson(rel: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(path.isAbsolute(rel) ? rel : dataPath(rel), "utf8");
  } catch (err) {
    throw new Error(`${displayName(rel)}: cannot read (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (err) {
    throw new Error(`${displayName(rel)}: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Throws `<file>: <what>` unless `ok`. */
export function check(ok: boolean, rel: string, what: string): asserts ok {
  if (!ok) throw new Error(`${displayName(rel)}: ${what}`);
}

export function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((w) => typeof w === "string");
}
