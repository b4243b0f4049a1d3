import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const shared = path.resolve(root, "..", "shared", "data");

/** The shipped model must be what `npm run train` builds from ../shared/data (sha256 of the files). */
test("train: the shipped model reproduces byte for byte from the shared data", { skip: !existsSync(shared) && "no ../shared/data" }, () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/train.ts", "--check", "--no-heldout", "--data", realpathSync(shared)], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(run.status, 0, `train --check failed:\n${run.stdout}\n${run.stderr}`);
});
