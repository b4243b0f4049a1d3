import { readFileSync, readdirSync } from "node:fs";
import { readText } from "./src/read/index.ts";
import { runPipeline, STAGES } from "./src/extract/pipeline.ts";
const texts: string[] = [readFileSync("/work/shared/seed/000_cabcf89aa27defb8.txt", "utf8")];
for (const f of readdirSync("/work/shared/eval/corpus")) if (f.endsWith(".txt")) texts.push(readFileSync("/work/shared/eval/corpus/" + f, "utf8"));
texts.push(readFileSync("examples/deir-ez-zor-arrests.txt", "utf8"));
for (const l of readFileSync("/work/shared/data/wikievents/dev.jsonl", "utf8").split("\n").filter(Boolean)) texts.push(JSON.parse(l).tokens.join(" "));
runPipeline(readText(texts[0]));
const stageCpu: Record<string, number> = {};
const stages = STAGES.map((s) => ({ name: s.name, run: (d: any) => { const t = process.cpuUsage(); s.run(d); const u = process.cpuUsage(t); stageCpu[s.name] = (stageCpu[s.name] ?? 0) + u.user + u.system; } }));
let bytes = 0; const t0 = process.cpuUsage();
for (let r = 0; r < 6; r++) for (const t of texts) { bytes += t.length; runPipeline(readText(t), process.env.STAGE_TIMES ? stages : STAGES); }
const u = process.cpuUsage(t0);
const sec = (u.user + u.system) / 1e6;
console.log((bytes / 1e6).toFixed(2), "MB", sec.toFixed(2), "s CPU", (bytes / 1e6 / sec).toFixed(2), "MB/s");
for (const [k, v] of Object.entries(stageCpu)) console.log(k.padEnd(12), (bytes / 1e6 / (v / 1e6)).toFixed(2), "MB/s", ((v / 1e6) / sec * 100).toFixed(1) + "%");
