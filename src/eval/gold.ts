import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../read/errors.js";

/** A gold file (format: `../shared/eval/README.md`). Names in relations and events refer to gold entity names. */
export interface Gold {
  /** The article this gold describes, relative to the gold file's folder. */
  file?: string;
  note?: string;
  document?: {
    title?: string;
    publishedAt?: string;
    translatedFrom?: string;
    language?: string;
    credits?: { role: string; name: string }[];
  };
  entities?: GoldEntity[];
  relations?: GoldRelation[];
  events?: GoldEvent[];
  times?: { text: string; start: string; end: string }[];
  claims?: { source: string; kind?: string; optional?: boolean }[];
}

export interface GoldEntity {
  type: string | string[];
  name: string;
  aliases?: string | string[];
  forms?: string | string[];
  optional?: boolean;
}

export interface GoldRelation {
  type: string;
  subject: string;
  object: string | string[];
  status?: string;
  attributedTo?: string;
  optional?: boolean;
}

export interface GoldEvent {
  types: string | string[];
  time?: { start: string; end: string };
  places?: string | string[];
  participants?: string | string[];
  counts?: { what: string; value: number }[];
  attributedTo?: string;
  optional?: boolean;
  note?: string;
}

/** A gold file as loaded, with the absolute path of the article it names (if it names one). */
export interface LoadedGold {
  path: string;
  gold: Gold;
  article: string | null;
}

/** Reads and parses a JSON file; unreadable or malformed files become an `InputError`. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new InputError(file, fsProblem(err));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new InputError(file, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Loads one gold file; its `file` field is resolved against the gold file's folder. */
export async function loadGold(file: string): Promise<LoadedGold> {
  const gold = await readJsonFile(file);
  if (!gold || typeof gold !== "object" || Array.isArray(gold)) throw new InputError(file, "not a gold file (expected a JSON object)");
  const named = (gold as Gold).file;
  const article = typeof named === "string" && named ? path.resolve(path.dirname(file), named) : null;
  return { path: file, gold: gold as Gold, article };
}

/** The `*.gold.json` files of a folder that name an article, sorted by name. */
export async function listGoldFiles(dir: string): Promise<LoadedGold[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    throw new InputError(dir, fsProblem(err));
  }
  const golds: LoadedGold[] = [];
  for (const name of names.filter((n) => n.endsWith(".gold.json")).sort()) {
    const loaded = await loadGold(path.join(dir, name));
    if (loaded.article) golds.push(loaded);
  }
  if (golds.length === 0) throw new InputError(dir, "no *.gold.json file that names an article");
  return golds;
}

/** True when `file` is a directory. */
export async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** A short, human reason for a file-system error. */
export function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "not a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
