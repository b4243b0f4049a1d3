/**
 * Builds `data/lexicons/given-names.json` and `data/lexicons/common-words.json` from the public
 * training data in ../shared/data (CrossNER train/dev, wikigold, UNER-EWT dev, Re-DocRED dev, GUM; never
 * files named test). Deterministic: sorted output.
 *
 *   npx tsx scripts/build-lexicons.ts [SHARED_DATA_DIR]
 */
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { dataPath } from "../src/lexicon/paths.js";

const root = process.argv[2] ?? path.resolve(dataPath(""), "..", "..", "shared", "data");
const PERSON_LABELS = new Set(["person", "politician", "writer", "musicalartist", "scientist", "researcher", "PER"]);

/** A sentence as tokens plus, per token, the person-name index (or -1). */
interface Sent { tokens: string[]; persons: [number, number][] }

function bioSentences(file: string, sep: RegExp): Sent[] {
  const out: Sent[] = [];
  let cur: Sent = { tokens: [], persons: [] };
  let open = -1;
  const flush = () => {
    if (open >= 0) cur.persons.push([open, cur.tokens.length]);
    open = -1;
    if (cur.tokens.length) out.push(cur);
    cur = { tokens: [], persons: [] };
  };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("#") || line.startsWith("-DOCSTART-")) continue;
    const cols = line.trim().split(sep);
    if (cols.length < 2) { flush(); continue; }
    const tok = cols.length >= 3 ? cols[1] : cols[0];
    const tag = cols.length >= 3 ? cols[2] : cols[1];
    const [bio, label] = tag.includes("-") ? [tag.slice(0, 1), tag.slice(2)] : ["O", ""];
    const isPer = PERSON_LABELS.has(label);
    if (open >= 0 && (!isPer || bio === "B")) { cur.persons.push([open, cur.tokens.length]); open = -1; }
    if (isPer && open < 0) open = cur.tokens.length;
    cur.tokens.push(tok);
  }
  flush();
  return out;
}

function docredSentences(file: string): Sent[] {
  const docs = JSON.parse(readFileSync(file, "utf8")) as { sents: string[][]; vertexSet: { type: string; pos: number[]; sent_id: number }[][] }[];
  const out: Sent[] = [];
  for (const d of docs) {
    const sents: Sent[] = d.sents.map((t) => ({ tokens: t, persons: [] }));
    for (const v of d.vertexSet) for (const m of v) if (m.type === "PER") sents[m.sent_id].persons.push([m.pos[0], m.pos[1]]);
    out.push(...sents);
  }
  return out;
}

/** GUM conll files: one token a line (index, token, brackets); a sentence restarts at index 0. Tokens only. */
function gumSentences(dir: string): Sent[] {
  const out: Sent[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".conll")).sort()) {
    let cur: Sent = { tokens: [], persons: [] };
    for (const line of readFileSync(path.join(dir, f), "utf8").split("\n")) {
      const c = line.split("\t");
      if (c.length < 3 || line.startsWith("#")) continue;
      if (c[0] === "0" && cur.tokens.length) { out.push(cur); cur = { tokens: [], persons: [] }; }
      cur.tokens.push(c[1]);
    }
    if (cur.tokens.length) out.push(cur);
  }
  return out;
}

const sents: Sent[] = [];
for (const dom of ["ai", "literature", "music", "science"]) for (const f of ["train.txt", "dev.txt"]) sents.push(...bioSentences(path.join(root, "crossner-other", dom, f), /\t/));
for (const f of ["train.txt", "dev.txt"]) sents.push(...bioSentences(path.join(root, "crossner-politics", f), /\t/));
sents.push(...bioSentences(path.join(root, "wikigold", "wikigold.conll.txt"), / /));
sents.push(...bioSentences(path.join(root, "uner-ewt", "en_ewt-ud-dev.iob2"), /\t/));
sents.push(...docredSentences(path.join(root, "re-docred", "dev_revised.json")));
sents.push(...gumSentences(path.join(root, "gum")));

const lower = new Map<string, number>();
const upper = new Map<string, number>();
const firstNames = new Map<string, number>();
const lastNames = new Map<string, number>();
const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
for (const s of sents) {
  s.tokens.forEach((t, i) => {
    if (!/^\p{L}+$/u.test(t)) return;
    if (/^\p{Ll}/u.test(t)) inc(lower, t);
    else if (i > 0) inc(upper, t.toLowerCase());
  });
  for (const [a, b] of s.persons) {
    if (b - a < 2) continue;
    const t = s.tokens[a];
    if (/^\p{Lu}\p{Ll}+$/u.test(t)) inc(firstNames, t.toLowerCase());
    const l = s.tokens[b - 1];
    if (/^\p{Lu}\p{Ll}+$/u.test(l)) inc(lastNames, l.toLowerCase());
  }
}

const common = [...lower].filter(([w, n]) => n >= 3 && n >= (upper.get(w) ?? 0)).map(([w]) => w).sort();
const commonSet = new Set(common);
const given = [...firstNames].filter(([w, n]) => n >= 2 && !commonSet.has(w)).map(([w]) => w).sort();

const surnames = [...lastNames].filter(([w, n]) => n >= 2 && !commonSet.has(w)).map(([w]) => w).sort();
const write = (rel: string, description: string, words: string[]) =>
  writeFileSync(dataPath(rel), JSON.stringify({ description, words }, null, 0).replace(/","/g, '",\n"') + "\n");
write("lexicons/given-names.json", "Given names: first tokens (seen twice or more) of multi-word PERSON names in CrossNER train/dev, wikigold, UNER-EWT dev and Re-DocRED dev (see data/README.md for licences), minus common words. Built by scripts/build-lexicons.ts.", given);
write("lexicons/common-words.json", "Common lower-case English words: seen lower case 3+ times and at least as often as capitalized mid-sentence in the same corpora (plus GUM). Built by scripts/build-lexicons.ts.", common);
write("lexicons/surnames.json", "Surnames: last tokens (seen twice or more) of multi-word PERSON names in the same corpora, minus common words. Built by scripts/build-lexicons.ts.", surnames);
console.log(`given names ${given.length}, surnames ${surnames.length}, common words ${common.length}`);
