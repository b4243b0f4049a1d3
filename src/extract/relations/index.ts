import type { Doc, Entity, EntityType, Relation, TimeExpr } from "../../model.js";
import { span } from "../../model.js";
import { lookupCountryName } from "../../lexicon/countries.js";
import { relationCues } from "./cues.js";
import { Emitter } from "./emit.js";
import type { DocCtx, Rule, SentCtx } from "./pattern.js";
import { relationRules } from "./rules.js";
import { eachSketch, type SlotKind } from "./sketch.js";
import { foldedWords } from "./folding.js";

/** Regions whose text states no relations. */
const SKIP_REGIONS = new Set(["credit", "boilerplate"]);

/**
 * Adds relations between entities to `doc.relations`: cue patterns over each sentence (names, and
 * pronouns resolved to the most recent person or group), then relations that need the whole document
 * ("his deputy" → member of the group the leader leads), then containment taken from the gazetteer
 * (derived, no evidence). Relations stated inside a claim's scope point at that claim.
 */
export function findRelations(doc: Doc): void {
  const cues = relationCues();
  const entities = new Map<string, Entity>();
  for (const e of doc.entities) entities.set(e.id, e);
  /** Types of entity ids that only mentions carry (the first mention's type), built on first use. */
  let mentionTypes: Map<string, EntityType> | undefined;
  const emit = new Emitter(doc, (id) => {
    const e = entities.get(id);
    if (e) return e.type;
    mentionTypes ??= typesOfMentionOnlyEntities(doc, entities);
    return mentionTypes.get(id);
  });
  const { countries, countryOf } = countryEntities(doc);
  const ctx: DocCtx = { doc, cues, emit, entities, countries, countryOf, deputies: [] };
  const rules = relationRules(cues);
  const gates = gateIndex(rules);
  const hit = new Uint8Array(gates.size);
  const counts: SlotCounts = { P: 0, O: 0, L: 0 };
  const times = [...doc.times].sort((a, b) => a.span.start - b.span.start);
  const skips = doc.regions.filter((r) => SKIP_REGIONS.has(r.kind));
  /** One context object for every sentence: its sentence fields are reset per sketch, so its shape never changes. */
  const c: SentCtx = { doc, cues, emit, entities, countries, countryOf, deputies: ctx.deputies, sk: undefined!, times: NO_TIMES, lastPost: undefined, clauses: undefined };
  let ti = 0;
  eachSketch(doc, cues, (sk) => {
    while (ti < times.length && times[ti].span.start < sk.start) ti++;
    if (skips.length > 0 && skips.some((r) => r.start <= sk.start && sk.start < r.end)) return;
    let tEnd = ti;
    while (tEnd < times.length && times[tEnd].span.start < sk.end) tEnd++;
    c.sk = sk;
    c.times = tEnd === ti ? NO_TIMES : times.slice(ti, tEnd);
    c.lastPost = undefined;
    c.clauses = undefined;
    hit.fill(0);
    for (const it of sk.items) {
      if (it.slot !== undefined) continue;
      const lists = gates.listsOf.get(it.word);
      if (lists) for (const l of lists) hit[l] = 1;
    }
    counts.P = counts.O = counts.L = 0;
    for (const s of sk.slots) counts[s.kind]++;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      if (!open(gates.kinds[r], gates.lists[r], hit, counts)) continue;
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(sk.text); m; m = rule.re.exec(sk.text)) rule.apply(m, c);
    }
  }, entities);
  addInnerPossessiveUnits(ctx);
  settleDeputies(ctx);
  addGazetteerContainment(ctx);
  doc.relations.push(...emit.relations);
  dropContradictedGeo(doc, entities);
}

/**
 * A place the text puts inside another place of a different country (a grounded `located_in`) was
 * resolved to the wrong gazetteer record of its name ("Dhiban" in Jordan for a Dhiban in Deir ez-Zor):
 * its `geo` is dropped, with an info diagnostic. Countries and the containing place keep theirs.
 * `byId`: the document's entities by id.
 */
function dropContradictedGeo(doc: Doc, byId: ReadonlyMap<string, Entity>): void {
  for (const r of doc.relations) {
    if (r.type !== "located_in" || r.derived || r.evidence.length === 0) continue;
    const inner = byId.get(r.subject);
    const outer = byId.get(r.object);
    const have = inner?.geo?.countryCode;
    const want = outer?.geo?.countryCode;
    if (!inner || !have || !want || have === want) continue;
    delete inner.geo;
    doc.diagnostics.push({
      severity: "info",
      message: `gazetteer match for "${inner.name}" (${have}) contradicts the text, which places it in ${outer!.name} (${want}); its geo is dropped`,
      rule: "relations/contradicted-geo",
      span: r.evidence[0],
    });
  }
}

/** The gates' word lists numbered: the list numbers each rule needs, and word → numbers of the lists holding it. */
interface GateIndex {
  lists: number[][];
  /** Slots each rule needs, per kind (0 for a kind it does not need). */
  kinds: SlotCounts[];
  listsOf: Map<string, number[]>;
  size: number;
}
const gateIndexes = new WeakMap<Rule[], GateIndex>();

function gateIndex(rules: Rule[]): GateIndex {
  let ix = gateIndexes.get(rules);
  if (ix) return ix;
  const ids = new Map<string, number>();
  const listsOf = new Map<string, number[]>();
  const lists = rules.map((rule) =>
    (rule.gate?.words ?? []).map((set) => {
      const key = [...set].sort().join("\n");
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        for (const w of set) {
          const of = listsOf.get(w) ?? [];
          of.push(id);
          listsOf.set(w, of);
        }
      }
      return id;
    }),
  );
  const kinds = rules.map((rule): SlotCounts => ({ P: rule.gate?.kinds.P ?? 0, O: rule.gate?.kinds.O ?? 0, L: rule.gate?.kinds.L ?? 0 }));
  ix = { lists, kinds, listsOf, size: ids.size };
  gateIndexes.set(rules, ix);
  return ix;
}

/** Slots per kind: those of one sketch, or those a gate needs. */
type SlotCounts = Record<SlotKind, number>;

/** The times of a sentence that has none (shared, never written). */
const NO_TIMES: TimeExpr[] = [];

/** True when a sentence with these slot counts and word lists present (`hit`) has the slot `kinds` and `lists` a gate needs. */
function open(kinds: SlotCounts, lists: number[], hit: Uint8Array, counts: SlotCounts): boolean {
  if (counts.P < kinds.P || counts.O < kinds.O || counts.L < kinds.L) return false;
  for (const l of lists) if (hit[l] === 0) return false;
  return true;
}

/** Entity id → type of the first mention, for ids that mentions carry but `entities` lacks. */
function typesOfMentionOnlyEntities(doc: Doc, entities: ReadonlyMap<string, Entity>): Map<string, EntityType> {
  const types = new Map<string, EntityType>();
  for (const m of doc.mentions) if (m.entity && !entities.has(m.entity) && !types.has(m.entity)) types.set(m.entity, m.type);
  return types;
}

/** The place entities of `doc` that are countries: code → entity, and entity → code. */
function countryEntities(doc: Doc): { countries: Map<string, string>; countryOf: Map<string, string> } {
  const countries = new Map<string, string>();
  const countryOf = new Map<string, string>();
  for (const e of doc.entities) {
    if (e.type !== "place") continue;
    const code = countryCodeOfName(e.name);
    if (code === null) continue;
    countryOf.set(e.id, code);
    if (!countries.has(code)) countries.set(code, e.id);
  }
  return { countries, countryOf };
}

/** Most place names whose country code `countryCodeOfName` remembers; the memo is emptied when it grows past this. */
const COUNTRY_CODE_CACHE_SIZE = 16384;
const countryCodeCache = new Map<string, string | null>();

/** The cca2 code of the country a place name names, or null (memoised: place names recur across documents). */
function countryCodeOfName(name: string): string | null {
  let code = countryCodeCache.get(name);
  if (code === undefined) {
    code = lookupCountryName(name)?.cca2 ?? null;
    if (countryCodeCache.size >= COUNTRY_CODE_CACHE_SIZE) countryCodeCache.clear();
    countryCodeCache.set(name, code);
  }
  return code;
}

/**
 * "his deputy, Y": Y is a member of the group its leader leads (the leader relation stated closest before);
 * when the text names no such group, Y is the leader's associate.
 */
function settleDeputies(ctx: DocCtx): void {
  for (const d of ctx.deputies) {
    let best: Relation | undefined;
    let bestAt = -Infinity;
    for (const r of ctx.emit.relations) {
      if (r.type !== "leader_of" || r.subject !== d.owner) continue;
      const at = r.evidence[0]?.start ?? -Infinity;
      const score = at <= d.at ? at : -at - 1e9;
      if (!best || score > bestAt) {
        best = r;
        bestAt = score;
      }
    }
    const ev = span(ctx.doc.text, d.evidence.start, d.evidence.end);
    const status = d.former ? "former" : undefined;
    if (best) {
      ctx.emit.add({ type: "member_of", subject: d.person, object: best.object, rule: d.rule, evidence: ev, role: d.role, status });
    } else {
      ctx.emit.add({ type: "associate_of", subject: d.person, object: d.owner, rule: d.rule, evidence: ev, role: d.role, status });
    }
  }
}

/** A place whose gazetteer country is also a place of the article lies in it (derived, no evidence). */
function addGazetteerContainment(ctx: DocCtx): void {
  for (const e of ctx.doc.entities) {
    const code = e.type === "place" ? e.geo?.countryCode : undefined;
    if (!code) continue;
    const country = ctx.countries.get(code.toUpperCase());
    if (!country || ctx.countryOf.has(e.id)) continue;
    ctx.emit.addDerived("located_in", e.id, country, "relations/gazetteer-country");
  }
}

const INNER_POSSESSIVE = /^(.+?)['’ʼ]s?\s+\S/u;
const APOSTROPHE = /['’ʼ]/;

/**
 * One organization name that holds a possessive ("ISIS' Sharia council") is a unit of the organization
 * named before the apostrophe, when that is an organization of the article.
 */
function addInnerPossessiveUnits(ctx: DocCtx): void {
  const candidates = ctx.doc.mentions.filter((m) => m.type === "organization" && m.entity && APOSTROPHE.test(m.text) && INNER_POSSESSIVE.test(m.text));
  if (candidates.length === 0) return;
  const orgs = new Map<string, string>();
  /** Names already folded: a repeated name adds nothing. */
  const folded = new Set<string>();
  for (const e of ctx.doc.entities) {
    if (e.type !== "organization") continue;
    for (const n of [e.name, ...e.aliases, ...e.mentions.map((m) => m.text)]) {
      if (folded.has(n)) continue;
      folded.add(n);
      const k = foldedWords(n).join(" ");
      if (k && !orgs.has(k)) orgs.set(k, e.id);
    }
  }
  for (const m of candidates) {
    const owner = INNER_POSSESSIVE.exec(m.text);
    const id = owner ? orgs.get(foldedWords(owner[1]).join(" ")) : undefined;
    if (!id || !m.entity || id === m.entity) continue;
    ctx.emit.add({
      type: "part_of",
      subject: m.entity,
      object: id,
      rule: "relations/possessive-unit",
      evidence: span(ctx.doc.text, m.start, m.end),
    });
  }
}
