#!/usr/bin/env node
import { extract } from "../extract/index.js";
import { readDocuments } from "../read/index.js";

const [cmd, ...files] = process.argv.slice(2);
if (cmd === "extract") {
  for (const f of files.filter((a) => !a.startsWith("--"))) {
    for (const raw of await readDocuments(f)) process.stdout.write(JSON.stringify(extract(raw)) + "\n");
  }
}
