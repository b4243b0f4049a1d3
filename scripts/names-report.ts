/**
 * Lists the name mentions found in articles and compares them with gold entities: which gold entities
 * have a mention whose folded text is one of their names, and which mentions match no gold entity.
 * A development aid for the names stage (mention level, before coreference).
 *
 *   npx tsx scripts/names-report.ts [--no-tagger] [--list] ARTICLE.txt GOLD.json [ARTICLE GOLD ...]
 */
import { readFileSync } from "node:fs";
import { readText } from "../src/read/index.js";
import type { Doc } from "../src/model.js";
import { tokenize } from "../src/extract/tokens/index.js";
import { findTimes } from "../src/extract/times/index.js";
import { nameCandidates } from "../src/extract/names/index.js";
import { foldName } from "../src/lexicon/index.js";

interface GoldEntity { type: string | string[]; name: string; aliases?: string[]; forms?: string[]; optional?: boolean }

const args = process.argv.slice(2);
const useTagger = !args.includes("--no-tagger");
const list = args.includes("--list");
const files = args.filter((a) => !a.startsWith("--"));
for (let f = 0; f + 1 < files.length; f += 2) {
  const raw = readText(readFileSync(files[f], "utf8"), { file: files[f] });
  const doc: Doc = {
    ...raw, tokens: [], sentences: [], mentions: [], aliasLinks: [], entities: [], times: [], quantities: [], claims: [],
    relations: [], events: [], diagnostics: [...raw.diagnostics],
  };
  tokenize(doc);
  findTimes(doc);
  const cands = nameCandidates(doc, useTagger);
  const gold = (JSON.parse(readFileSync(files[f + 1], "utf8")) as { entities: GoldEntity[] }).entities;
  const names = gold.map((g) => new Set([g.name, ...(g.aliases ?? []), ...(g.forms ?? [])].map(foldName)));
  const types = gold.map((g) => (Array.isArray(g.type) ? g.type : [g.type]));
  const found = new Set<number>();
  const spurious: string[] = [];
  for (const c of cands) {
    const t = doc.text.slice(c.start, c.end);
    const gi = gold.findIndex((_, i) => types[i].includes(c.type) && names[i].has(foldName(t)));
    if (gi >= 0) found.add(gi);
    else spurious.push(`${c.type}:${t} [${c.rule}]`);
    if (list) console.log(`  ${c.type.padEnd(12)} ${t.padEnd(40)} ${c.rule} ${c.confidence}${c.geo ? " geo" : ""}`);
  }
  const missed = gold.filter((g, i) => !g.optional && !found.has(i)).map((g) => `${types[gold.indexOf(g)].join("|")}:${g.name}`);
  const req = gold.filter((g) => !g.optional).length;
  console.log(`${files[f]}: gold found ${req - missed.length}/${req}, spurious ${spurious.length}`);
  if (missed.length) console.log(`  missed: ${missed.join("; ")}`);
  if (spurious.length) console.log(`  spurious: ${spurious.join("; ")}`);
}
