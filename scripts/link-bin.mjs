// Makes `npx newsgraph` and node_modules/.bin/newsgraph run this checkout's CLI right after `npm ci`.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const main = path.join(root, "dist", "cli", "main.js");
if (existsSync(main)) chmodSync(main, 0o755);
const binDir = path.join(root, "node_modules", ".bin");
if (existsSync(path.join(root, "node_modules"))) {
  mkdirSync(binDir, { recursive: true });
  const link = path.join(binDir, "newsgraph");
  rmSync(link, { force: true });
  symlinkSync(path.relative(binDir, main), link);
}
