/**
 * A port of the reference scorer `../shared/eval/score.mjs`: same matching, same rounding, same
 * printed table. `test/eval/score.test.ts` runs both on the same files and asserts identical output.
 * One deliberate difference: word tables are looked up by own keys only, where the reference's plain
 * objects would also "match" inherited names such as "constructor".
 */
import type { Gold, GoldEvent, GoldRelation } from "./gold.js";

/** The parts of an extraction result the scorer reads; every field may be missing. */
export interface ScorableResult {
  document?: {
    text?: string;
    title?: string | null;
    publishedAt?: string | null;
    translatedFrom?: string | null;
    language?: string;
    credits?: { role: string; name: string }[];
  };
  entities?: ScorableEntity[];
  relations?: { id?: string; type: string; subject: string; object: string; evidence?: SpanLike[]; derived?: boolean; claim?: string }[];
  events?: ScorableEvent[];
  times?: { span?: SpanLike; start?: string; end?: string }[];
  claims?: { id: string; source?: { text?: string; kind?: string } }[];
}

interface SpanLike {
  start: number;
  end: number;
  text?: string;
}

interface ScorableEntity {
  id: string;
  type: string;
  name: string;
  aliases?: string[];
  mentions?: SpanLike[];
  canonicalId?: string;
}

interface ScorableEvent {
  type: string;
  trigger?: SpanLike;
  time?: { start?: string; end?: string };
  places?: string[];
  participants?: { entity: string }[];
  counts?: { what: string; value: number; span?: SpanLike }[];
  evidence?: SpanLike[];
  claim?: string;
}

/** Precision, recall and F1 (rounded to 3 decimals) with the raw counts. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Accuracy {
  accuracy: number;
  ok: number;
  of: number;
}

export interface Layers {
  entities: Prf;
  aliases: Prf;
  relations: Prf;
  events: Prf;
  eventTimes: Accuracy;
  eventCounts: Accuracy;
  times: Accuracy & { found: number };
  claims: { recall: number; ok: number; of: number };
  attribution: Accuracy;
  document: Accuracy;
  spans: { accuracy: number; bad: number; of: number };
}

/** What `score` returns; `alignment` (gold → predicted) is for cross-article scoring and is not printed. */
export interface Score {
  layers: Layers;
  misses: Record<string, string[]>;
  alignment?: { entities: Map<string, ScorableEntity>; events: Map<number, ScorableEvent> };
  overall: number;
}

const NAME_TOKEN: Record<string, string> = { abou: "abu", el: "al", ul: "al" };
const SYMMETRIC = new Set(["allied_with", "opposed_to", "sibling_of", "spouse_of", "relative_of", "associate_of"]);
const INVERSE: Record<string, string> = { parent_of: "child_of", child_of: "parent_of" };
const COUNT_WORD: Record<string, string> = {
  dead: "killed", deaths: "killed", fatalities: "killed", died: "killed", killed: "killed",
  injured: "wounded", wounded: "wounded",
  detained: "arrested", arrested: "arrested", captured: "arrested", detainees: "arrested",
  fighters: "fighters", militants: "fighters", members: "members", soldiers: "fighters",
};

/** Folds a name for comparison: accents, case, quotes, hyphens, "Abou"/"Abu", a leading "the". */
export function norm(s: unknown): string {
  let t = String(s ?? "").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  t = t.replace(/['’‘`ʿʾ"“”]/g, "").replace(/[-_–—/]/g, " ").replace(/[^\p{L}\p{N} ]/gu, " ");
  const words = t.split(/\s+/).filter(Boolean).map((w) => (Object.hasOwn(NAME_TOKEN, w) ? NAME_TOKEN[w]! : w));
  if (words[0] === "the") words.shift();
  return words.join(" ");
}

const list = <T>(x: T | T[] | null | undefined): T[] => (x == null ? [] : Array.isArray(x) ? x : [x]);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const round = (x: number): number => Math.round(x * 1000) / 1000;
const countWord = (w: string): string => (Object.hasOwn(COUNT_WORD, w) ? COUNT_WORD[w]! : w);

function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision: round(p), recall: round(r), f1: round(f1(p, r)), tp, fp, fn };
}

/** ISO prefix comparison at the gold value's own precision. */
function sameTime(gold: { start: string; end: string }, pred: { start?: string; end?: string } | undefined): boolean {
  if (!pred) return false;
  const cut = (v: unknown, g: string): string => String(v ?? "").slice(0, String(g).length);
  return cut(pred.start, gold.start) === gold.start && cut(pred.end, gold.end) === gold.end;
}

interface Pair {
  g: number;
  p: number;
  score: number;
}

/** One-to-one matching by descending score; ties keep their input order. */
function greedy(pairs: Pair[]): { gUsed: Map<number, number>; pUsed: Map<number, number> } {
  pairs.sort((a, b) => b.score - a.score);
  const gUsed = new Map<number, number>();
  const pUsed = new Map<number, number>();
  for (const x of pairs) {
    if (gUsed.has(x.g) || pUsed.has(x.p)) continue;
    gUsed.set(x.g, x.p);
    pUsed.set(x.p, x.g);
  }
  return { gUsed, pUsed };
}

/** Scores one extraction result against one gold file, layer by layer. */
export function score(gold: Gold, result: ScorableResult): Score {
  const text = result?.document?.text ?? "";
  const ents = result.entities ?? [];
  const layers: Partial<Layers> = {};
  const misses: Record<string, string[]> = {};

  // entities: same type, and a shared name, alias or accepted form
  const gEnts = gold.entities ?? [];
  const gNames = gEnts.map((g) => new Set([g.name, ...list(g.aliases), ...list(g.forms)].map(norm)));
  const pNames = ents.map((p) => new Set([p.name, ...list(p.aliases)].map(norm)));
  const typeOk = (g: (typeof gEnts)[number], p: ScorableEntity): boolean => list(g.type).includes(p.type);
  const matchEntities = (which: (g: (typeof gEnts)[number]) => boolean): Pair[] => {
    const pairs: Pair[] = [];
    gEnts.forEach((g, gi) => {
      if (!which(g)) return;
      ents.forEach((p, pi) => {
        if (!typeOk(g, p)) return;
        let overlap = 0;
        for (const n of pNames[pi]!) if (gNames[gi]!.has(n)) overlap++;
        if (!overlap) return;
        pairs.push({ g: gi, p: pi, score: overlap + (norm(p.name) === norm(g.name) ? 1 : 0) });
      });
    });
    return pairs;
  };
  // required gold first, then optional gold may absorb what is left
  const first = greedy(matchEntities((g) => !g.optional));
  const taken = new Set(first.pUsed.keys());
  const rest = greedy(matchEntities((g) => !!g.optional).filter((x) => !taken.has(x.p)));
  const g2p = new Map([...first.gUsed, ...rest.gUsed]);
  const p2g = new Map([...first.pUsed, ...rest.pUsed]);
  const byId = new Map(ents.map((p, i) => [p.id, i]));
  const goldIndexOf = new Map(gEnts.map((g, i) => [norm(g.name), i]));
  const goldOfPredId = (id: string): number | undefined => (byId.has(id) ? p2g.get(byId.get(id)!) : undefined);

  const reqG = gEnts.map((_, i) => i).filter((i) => !gEnts[i]!.optional);
  const tpE = reqG.filter((i) => g2p.has(i)).length;
  const fpE = ents.filter((_, pi) => !p2g.has(pi)).length;
  layers.entities = prf(tpE, fpE, reqG.length - tpE);
  misses.entities = reqG.filter((i) => !g2p.has(i)).map((i) => `${gEnts[i]!.type}:${gEnts[i]!.name}`);
  misses.spuriousEntities = ents.filter((_, pi) => !p2g.has(pi)).map((p) => `${p.type}:${p.name}`);

  // aliases: gold aliases found on the matched entity; predicted aliases that belong
  let aHit = 0, aAll = 0, aPred = 0, aPredOk = 0;
  const aliasMiss: string[] = [];
  for (const gi of reqG) {
    const g = gEnts[gi]!;
    const pi = g2p.get(gi);
    for (const a of list(g.aliases)) {
      aAll++;
      // the alias counts only when linked: the same entity also carries another of its names
      const linked = pi !== undefined && pNames[pi]!.has(norm(a)) && [...pNames[pi]!].some((n) => n !== norm(a) && gNames[gi]!.has(n));
      if (linked) aHit++;
      else aliasMiss.push(`${g.name} ~ ${a}`);
    }
    if (pi !== undefined) for (const a of list(ents[pi]!.aliases)) {
      aPred++;
      if (gNames[gi]!.has(norm(a))) aPredOk++;
    }
  }
  const aliases = prf(aPredOk, aPred - aPredOk, aAll - aHit);
  aliases.recall = round(aAll ? aHit / aAll : 1);
  aliases.f1 = round(f1(aliases.precision, aliases.recall));
  layers.aliases = aliases;
  misses.aliases = aliasMiss;

  // relations: grounded ones only (derived relations are not scored)
  const rels = (result.relations ?? []).filter((r) => !r.derived && list(r.evidence).length > 0);
  const gRels = gold.relations ?? [];
  const gi = (name: string): number | undefined => goldIndexOf.get(norm(name));
  const relMatches = (g: GoldRelation, r: (typeof rels)[number]): boolean => {
    const s = goldOfPredId(r.subject), o = goldOfPredId(r.object);
    if (s === undefined || o === undefined) return false;
    const objs = list(g.object).map(gi);
    const direct = r.type === g.type && s === gi(g.subject) && objs.includes(o);
    const swapped = (SYMMETRIC.has(g.type) && r.type === g.type) || (Object.hasOwn(INVERSE, g.type) && r.type === INVERSE[g.type]);
    const reverse = swapped && o === gi(g.subject) && objs.includes(s);
    return direct || reverse;
  };
  const relPairs = (which: (g: GoldRelation) => boolean): Pair[] => {
    const pairs: Pair[] = [];
    gRels.forEach((g, k) => { if (which(g)) rels.forEach((r, j) => { if (relMatches(g, r)) pairs.push({ g: k, p: j, score: 1 }); }); });
    return pairs;
  };
  const r1 = greedy(relPairs((g) => !g.optional));
  const rTaken = new Set(r1.pUsed.keys());
  const r2 = greedy(relPairs((g) => !!g.optional).filter((x) => !rTaken.has(x.p)));
  const reqR = gRels.map((_, k) => k).filter((k) => !gRels[k]!.optional);
  const tpR = reqR.filter((k) => r1.gUsed.has(k)).length;
  const fpR = rels.filter((_, j) => !r1.pUsed.has(j) && !r2.pUsed.has(j)).length;
  layers.relations = prf(tpR, fpR, reqR.length - tpR);
  misses.relations = reqR.filter((k) => !r1.gUsed.has(k)).map((k) => `${gRels[k]!.subject} ${gRels[k]!.type} ${list(gRels[k]!.object).join("|")}`);
  const nameOf = (id: string): string => (byId.has(id) ? ents[byId.get(id)!]!.name : id);
  misses.spuriousRelations = rels.filter((_, j) => !r1.pUsed.has(j) && !r2.pUsed.has(j)).map((r) => `${nameOf(r.subject)} ${r.type} ${nameOf(r.object)}`);

  // events: type among the gold's types, and at least one shared place or participant
  const evs = result.events ?? [];
  const gEvs = gold.events ?? [];
  const evArgs = (e: ScorableEvent): Set<number> =>
    new Set([...list(e.places), ...list(e.participants).map((x) => x.entity)].map(goldOfPredId).filter((x): x is number => x !== undefined));
  const pArgs = evs.map(evArgs);
  const evPairs = (which: (g: GoldEvent) => boolean): Pair[] => {
    const pairs: Pair[] = [];
    gEvs.forEach((g, k) => {
      if (!which(g)) return;
      const want = new Set([...list(g.places), ...list(g.participants)].map(gi).filter((x) => x !== undefined));
      evs.forEach((e, j) => {
        if (!list(g.types).includes(e.type)) return;
        let shared = 0;
        for (const a of pArgs[j]!) if (want.has(a)) shared++;
        if (want.size && !shared) return;
        pairs.push({ g: k, p: j, score: 1 + shared + (g.time && sameTime(g.time, e.time) ? 1 : 0) });
      });
    });
    return pairs;
  };
  const e1 = greedy(evPairs((g) => !g.optional));
  const eTaken = new Set(e1.pUsed.keys());
  const e2 = greedy(evPairs((g) => !!g.optional).filter((x) => !eTaken.has(x.p)));
  const reqV = gEvs.map((_, k) => k).filter((k) => !gEvs[k]!.optional);
  const tpV = reqV.filter((k) => e1.gUsed.has(k)).length;
  const fpV = evs.filter((_, j) => !e1.pUsed.has(j) && !e2.pUsed.has(j)).length;
  layers.events = prf(tpV, fpV, reqV.length - tpV);
  misses.events = reqV.filter((k) => !e1.gUsed.has(k)).map((k) => gEvs[k]!.note ?? list(gEvs[k]!.types).join("|"));
  misses.spuriousEvents = evs.filter((_, j) => !e1.pUsed.has(j) && !e2.pUsed.has(j)).map((e) => `${e.type}: ${e.trigger?.text ?? ""}`);

  // event attributes, over matched required gold events
  let tAll = 0, tOk = 0, cAll = 0, cOk = 0;
  for (const k of reqV) {
    const g = gEvs[k]!;
    const j = e1.gUsed.get(k);
    if (g.time) { tAll++; if (j !== undefined && sameTime(g.time, evs[j]!.time)) tOk++; }
    for (const c of list(g.counts)) {
      cAll++;
      const want = countWord(norm(c.what));
      if (j !== undefined && list(evs[j]!.counts).some((x) => countWord(norm(x.what)) === want && x.value === c.value)) cOk++;
    }
  }
  layers.eventTimes = { accuracy: round(tAll ? tOk / tAll : 1), ok: tOk, of: tAll };
  layers.eventCounts = { accuracy: round(cAll ? cOk / cAll : 1), ok: cOk, of: cAll };

  // times: each gold expression found at its place in the text and resolved right
  const times = result.times ?? [];
  let tmOk = 0, tmFound = 0;
  const timeMiss: string[] = [];
  for (const g of gold.times ?? []) {
    const at = text.toLowerCase().indexOf(g.text.toLowerCase());
    const hit = times.find((t) => t.span && t.span.start < at + g.text.length && t.span.end > at);
    if (hit) tmFound++;
    if (hit && sameTime(g, hit)) tmOk++;
    else timeMiss.push(`${g.text} -> ${g.start}..${g.end} (got ${hit ? `${hit.start}..${hit.end}` : "nothing"})`);
  }
  const nT = (gold.times ?? []).length;
  layers.times = { accuracy: round(nT ? tmOk / nT : 1), found: tmFound, ok: tmOk, of: nT };
  misses.times = timeMiss;

  // claims: each gold source named by some claim of the right kind
  let clOk = 0, clAll = 0;
  const claimMiss: string[] = [];
  for (const g of gold.claims ?? []) {
    if (g.optional) continue;
    clAll++;
    const want = norm(g.source);
    const hit = (result.claims ?? []).find((c) => {
      const have = norm(c.source?.text);
      return have && (have.includes(want) || want.includes(have)) && (!g.kind || c.source!.kind === g.kind);
    });
    if (hit) clOk++; else claimMiss.push(g.source);
  }
  // attribution: matched gold facts that name a source must point at a claim naming it
  let atAll = 0, atOk = 0;
  const claimText = new Map((result.claims ?? []).map((c) => [c.id, norm(c.source?.text)]));
  const attributed = (item: { claim?: string } | undefined, want: string): boolean =>
    !!item?.claim && (claimText.get(item.claim) ?? "").includes(norm(want));
  reqV.forEach((k) => { const want = gEvs[k]!.attributedTo; if (want) { atAll++; const j = e1.gUsed.get(k); if (j !== undefined && attributed(evs[j], want)) atOk++; } });
  reqR.forEach((k) => { const want = gRels[k]!.attributedTo; if (want) { atAll++; const j = r1.gUsed.get(k); if (j !== undefined && attributed(rels[j], want)) atOk++; } });
  layers.claims = { recall: round(clAll ? clOk / clAll : 1), ok: clOk, of: clAll };
  layers.attribution = { accuracy: round(atAll ? atOk / atAll : 1), ok: atOk, of: atAll };
  misses.claims = claimMiss;

  // document metadata
  const gd = gold.document ?? {};
  const d = result.document ?? {};
  const checks: [string, boolean][] = [];
  if (gd.title) checks.push(["title", norm(d.title) === norm(gd.title)]);
  if (gd.publishedAt) checks.push(["publishedAt", String(d.publishedAt ?? "").startsWith(gd.publishedAt)]);
  if (gd.translatedFrom) checks.push(["translatedFrom", d.translatedFrom === gd.translatedFrom]);
  if (gd.language) checks.push(["language", d.language === gd.language]);
  for (const c of list(gd.credits)) checks.push([`credit ${c.role}`, list(d.credits).some((x) => x.role === c.role && norm(x.name) === norm(c.name))]);
  const docOk = checks.filter((c) => c[1]).length;
  layers.document = { accuracy: round(checks.length ? docOk / checks.length : 1), ok: docOk, of: checks.length };
  misses.document = checks.filter((c) => !c[1]).map((c) => c[0]);

  // span integrity: every span must quote the text it points at
  const spans: SpanLike[] = [];
  const addSpan = (s: SpanLike | undefined): void => { if (s && typeof s.start === "number") spans.push(s); };
  ents.forEach((e) => list(e.mentions).forEach(addSpan));
  (result.relations ?? []).forEach((r) => list(r.evidence).forEach(addSpan));
  evs.forEach((e) => { addSpan(e.trigger); list(e.evidence).forEach(addSpan); list(e.counts).forEach((c) => addSpan(c.span)); });
  times.forEach((t) => addSpan(t.span));
  const bad = spans.filter((s) => text.slice(s.start, s.end) !== s.text);
  layers.spans = { accuracy: round(spans.length ? 1 - bad.length / spans.length : 1), bad: bad.length, of: spans.length };

  const L = layers as Layers;
  return {
    layers: L,
    misses,
    alignment: {
      entities: new Map([...g2p].map(([g, p]) => [gEnts[g]!.name, ents[p]!])),
      events: new Map([...e1.gUsed, ...e2.gUsed].map(([g, p]) => [g, evs[p]!])),
    },
    overall: round((L.entities.f1 + L.aliases.f1 + L.relations.f1 + L.events.f1 + L.times.accuracy + L.claims.recall + L.document.accuracy) / 7),
  };
}

/** The score without `alignment`, as `score.mjs --json` prints it (same key order). */
export function scoreJson(s: Score): Omit<Score, "alignment"> {
  const { alignment: _alignment, ...rest } = s;
  return rest;
}

/** The table `score.mjs` prints (one string, lines ending in "\n"); `verbose` adds the misses. */
export function formatScore(s: Score, opts: { verbose?: boolean } = {}): string {
  const L = s.layers;
  const lines: string[] = [];
  for (const k of ["entities", "aliases", "relations", "events"] as const) {
    const x = L[k];
    lines.push(`${k.padEnd(13)} P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`);
  }
  for (const k of ["eventTimes", "eventCounts", "times", "claims", "attribution", "document", "spans"] as const) {
    const x = L[k] as { accuracy?: number; recall?: number; ok?: number; of: number; bad?: number };
    lines.push(`${k.padEnd(13)} ${(x.accuracy ?? x.recall)!.toFixed(3)} (${x.ok ?? x.of - x.bad!}/${x.of})`);
  }
  if (opts.verbose) for (const [k, v] of Object.entries(s.misses)) if (v.length) lines.push(`\n${k}:\n  ${v.join("\n  ")}`);
  lines.push(`overall ${s.overall.toFixed(3)}`);
  return lines.join("\n") + "\n";
}
