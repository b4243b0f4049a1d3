import { fileURLToPath } from "node:url";
import path from "node:path";

/** Root of the installed package (holds `data/` and `models/`), from both `src/` (tsx) and `dist/`. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Absolute path of a file under the package's `data/` folder. */
export function dataPath(rel: string): string {
  return path.join(packageRoot, "data", rel);
}

/** Absolute path of a file under the package's `models/` folder. */
export function modelPath(rel: string): string {
  return path.join(packageRoot, "models", rel);
}
