import type { Doc, Entity, EntityType, Geo, Mention, MentionForm } from "../../model.js";
import { span } from "../../model.js";
import { isDemonym, lookupCountry, lookupKnownOrganization } from "../../lexicon/index.js";
import { isAcronym } from "../aliases/index.js";
import {
  acronymCandidates,
  acronymLetters,
  corefWords,
  endsGeneric,
  exactKey,
  nameWords,
  personKeys,
  placeKey,
  type CorefWords,
  type PersonKeys,
} from "./keys.js";

/** Mention forms that coreference leaves alone (resolved, if at all, by later stages). */
const UNRESOLVED_FORMS = new Set(["pronoun", "nominal"]);

/** Why two mentions were merged ("coref/short-form", or an alias rule), for `entity.attributes.rules`. */
type MergeRule = string;

/** Union-find over mention indices, remembering the rules of each merge. */
class Clusters {
  private parent: number[];
  /** Merge rules by cluster index; a cluster nothing was merged into has none (undefined). */
  private readonly ruleSets: (Set<MergeRule> | undefined)[];

  constructor(n: number) {
    this.parent = new Array<number>(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.ruleSets = new Array<Set<MergeRule> | undefined>(n).fill(undefined);
  }

  /** Adds one singleton cluster; returns its index. */
  add(): number {
    this.parent.push(this.parent.length);
    this.ruleSets.push(undefined);
    return this.parent.length - 1;
  }

  /** The rules of the merges into root `i`, sorted. */
  sortedRules(i: number): MergeRule[] {
    const set = this.ruleSets[i];
    return set ? [...set].sort() : [];
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  /** Merges the clusters of `a` and `b` (the earlier index stays root); records `rule` when it merged. */
  union(a: number, b: number, rule: MergeRule): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (rb < ra) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    let into = this.ruleSets[ra];
    if (!into) this.ruleSets[ra] = into = new Set<MergeRule>();
    const from = this.ruleSets[rb];
    if (from) for (const r of from) into.add(r);
    into.add(rule);
  }
}

/** What coreference derives from one mention text; shared by every mention with that text. */
class TextInfo {
  readonly words: string[];
  readonly exact: string;
  readonly acronym: boolean;
  private orgKey?: string | null;
  private initials?: string[];
  private person?: PersonKeys;
  private country?: string | null;
  private place?: string | null;

  constructor(
    readonly text: string,
    private readonly cw: CorefWords,
    private readonly lex: CorefLexicon,
  ) {
    this.words = nameWords(text);
    this.exact = exactKey(this.words);
    this.acronym = isAcronym(text);
  }

  knownOrgKey(): string | undefined {
    if (this.orgKey === undefined) this.orgKey = this.lex.knownOrgKey(this.text) ?? null;
    return this.orgKey ?? undefined;
  }

  countryName(): string | undefined {
    if (this.country === undefined) this.country = this.lex.countryName(this.text) ?? null;
    return this.country ?? undefined;
  }

  acronymCandidates(): string[] {
    this.initials ??= acronymCandidates(this.text, this.cw, this.lex.isDemonym);
    return this.initials;
  }

  personKeys(): PersonKeys {
    this.person ??= personKeys(this.words, this.cw);
    return this.person;
  }

  placeKey(): string | undefined {
    if (this.place === undefined) this.place = placeKey(this.text, this.words, this.cw) ?? null;
    return this.place ?? undefined;
  }
}

/**
 * What coreference knows about one mention. Mentions come in many object shapes (each names rule builds
 * its own), so every field coreference reads is copied here once, into one shape; only `entity` is
 * written back to `m`.
 */
class Item {
  readonly id: string;
  /** UTF-16 offsets into `doc.text`, as on the mention. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  readonly form: MentionForm;
  readonly geo: Geo | undefined;
  /** `attributes.soCalled === true` on the mention. */
  readonly soCalled: boolean;
  /** The mention's `attributes.unionOf` when it is an array. */
  readonly unionOf: unknown[] | undefined;
  readonly words: string[];
  readonly acronym: boolean;

  constructor(
    readonly m: Mention,
    readonly info: TextInfo,
  ) {
    this.id = m.id;
    this.start = m.start;
    this.end = m.end;
    this.text = m.text;
    this.type = m.type;
    this.form = m.form;
    this.geo = m.geo;
    const a = m.attributes;
    this.soCalled = a !== undefined && a.soCalled === true;
    this.unionOf = a !== undefined && Array.isArray(a.unionOf) ? a.unionOf : undefined;
    this.words = info.words;
    this.acronym = this.form === "acronym" || info.acronym;
  }
}

/** The lexicon lookups coreference uses; replaceable in tests. */
export interface CorefLexicon {
  /** Stable key of a known organization ("islamic-state"), if the name is one. */
  knownOrgKey(name: string): string | undefined;
  /** The country a name or abbreviation names ("US" → "United States"), if any. */
  countryName(name: string): string | undefined;
  isDemonym(word: string): boolean;
}

const defaultLexicon: CorefLexicon = {
  knownOrgKey: (name) => lookupKnownOrganization(name)?.key,
  countryName: (name) => lookupCountry(name)?.name,
  isDemonym,
};

/** `TextInfo` by mention text for the default lexicon, kept across documents; cleared when it grows past `SHARED_INFOS_MAX`. */
const sharedInfos: { cw?: CorefWords; map: Map<string, TextInfo> } = { map: new Map() };
const SHARED_INFOS_MAX = 50_000;

/** Groups mentions into `doc.entities` and sets `mention.entity`. */
export function resolveCoreference(doc: Doc, lex: CorefLexicon = defaultLexicon): void {
  const cw = corefWords();
  // With the default lexicon, what a text derives is the same in every document: share it.
  if (lex === defaultLexicon && sharedInfos.cw !== cw) {
    sharedInfos.cw = cw;
    sharedInfos.map.clear();
  }
  const infos = lex === defaultLexicon ? sharedInfos.map : new Map<string, TextInfo>();
  if (infos.size >= SHARED_INFOS_MAX) infos.clear();
  const infoOf = (text: string): TextInfo => {
    let info = infos.get(text);
    if (!info) infos.set(text, (info = new TextInfo(text, cw, lex)));
    return info;
  };
  const items: Item[] = [];
  for (const m of doc.mentions) {
    if (UNRESOLVED_FORMS.has(m.form)) continue;
    items.push(new Item(m, infoOf(m.text)));
  }
  const cl = new Clusters(items.length);
  // Index (by mention id) only the mentions alias links name; the last of equal ids wins, as in a full index.
  const linked = new Set<string>();
  for (const link of doc.aliasLinks) linked.add(link.of).add(link.alias);
  const idx = new Map<string, number>();
  if (linked.size > 0) for (let i = 0; i < items.length; i++) if (linked.has(items[i].id)) idx.set(items[i].id, i);

  const aliasSide = new Set<number>();
  const ofSide = new Set<number>();
  for (const link of doc.aliasLinks) {
    const a = idx.get(link.of);
    const b = idx.get(link.alias);
    if (a === undefined || b === undefined) continue;
    cl.union(a, b, link.rule);
    aliasSide.add(b);
    ofSide.add(a);
  }
  mergeByKey(cl, items, (it) => it.info.exact || undefined, "coref/exact-name");
  mergeByKey(cl, items, (it) => (it.type === "place" ? it.info.placeKey() : undefined), "coref/place-variant");
  mergeByKey(cl, items, (it) => (it.type === "place" && it.geo?.geonameId ? String(it.geo.geonameId) : undefined), "coref/same-place");
  mergeByKey(cl, items, (it) => (it.type === "organization" ? it.info.knownOrgKey() : undefined), "coref/known-organization");
  const seenText = new Set<TextInfo>();
  const reps: number[] = [];
  items.forEach((it, i) => {
    if (seenText.has(it.info)) return;
    seenText.add(it.info);
    reps.push(i);
  });
  mergeAcronyms(cl, items, reps);
  mergeNameSubsequences(cl, items, reps, cw);
  const short = mergeShortForms(doc, cl, items, reps, lex);
  addOrgHeadNouns(doc, cl, items, reps, cw);
  doc.entities = buildEntities(cl, items, { aliasSide, ofSide, short, cw });
}

/** Merges items that share a key (`undefined`: no key). */
function mergeByKey(cl: Clusters, items: Item[], key: (it: Item) => string | undefined, rule: MergeRule): void {
  const first = new Map<string, number>();
  items.forEach((it, i) => {
    const k = key(it);
    if (k === undefined || k === "") return;
    const f = first.get(k);
    if (f === undefined) first.set(k, i);
    else cl.union(f, i, rule);
  });
}

/**
 * An acronym joins the one organization or place whose initials it spells ("SDF" ↔ "Syrian Democratic
 * Forces"). An acronym the lexicon knows as a country or organization ("US") joins only that one.
 */
function mergeAcronyms(cl: Clusters, items: Item[], reps: number[]): void {
  const byInitials = new Map<string, number[]>();
  reps.forEach((i) => {
    const it = items[i];
    if (it.acronym || (it.type !== "organization" && it.type !== "place")) return;
    for (const c of it.info.acronymCandidates()) {
      const list = byInitials.get(c) ?? [];
      list.push(i);
      byInitials.set(c, list);
    }
  });
  reps.forEach((i) => {
    const it = items[i];
    if (!it.acronym || it.type === "person") return;
    let cands = byInitials.get(acronymLetters(it.text));
    if (!cands) return;
    const country = it.info.countryName();
    const org = it.info.knownOrgKey();
    if (country !== undefined) cands = cands.filter((c) => items[c].info.countryName() === country);
    else if (org !== undefined) cands = cands.filter((c) => items[c].info.knownOrgKey() === org);
    const roots = new Set(cands.map((c) => cl.find(c)));
    roots.delete(cl.find(i));
    if (roots.size === 1) cl.union([...roots][0], i, "coref/acronym");
  });
}

/**
 * A person's name that drops middle parts of exactly one longer name with the same first and last
 * parts joins it ("Henrik Angell" → "Henrik August Angell").
 */
function mergeNameSubsequences(cl: Clusters, items: Item[], reps: number[], cw: CorefWords): void {
  const byEnds = new Map<string, { i: number; core: string[] }[]>();
  for (const i of reps) {
    if (items[i].type !== "person") continue;
    const core = items[i].words.filter((w) => !cw.articles.has(w));
    if (core.length < 2) continue;
    push(byEnds, `${core[0]}|${core[core.length - 1]}`, { i, core });
  }
  for (const group of byEnds.values()) {
    if (group.length < 2) continue;
    for (const a of group) {
      const roots = new Set<number>();
      for (const b of group) if (b.core.length > a.core.length && isSubsequence(a.core, b.core)) roots.add(cl.find(b.i));
      roots.delete(cl.find(a.i));
      if (roots.size === 1) cl.union([...roots][0], a.i, "coref/name-subsequence");
    }
  }
}

/** True when `short` appears in `long` in order (gaps allowed). */
function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (const w of long) if (j < short.length && w === short[j]) j++;
  return j === short.length;
}

/**
 * A person's short form ("al-Suri", "Mohamed", "Abu Ali") joins the one person whose longer name
 * ends (or, for a kunya, begins) with it; a bare demonym ("Iraqi") is no short form of "al-Iraqi".
 * When several people fit, nothing is merged and an info diagnostic says so. Returns the indices of short-form mentions whose entity also has a longer name.
 */
function mergeShortForms(doc: Doc, cl: Clusters, items: Item[], reps: number[], lex: CorefLexicon): Set<number> {
  const longBy = new Map<string, number[]>();
  const keys = items.map((it) => (it.type === "person" ? it.info.personKeys() : undefined));
  const isRep = new Set(reps);
  keys.forEach((k, i) => {
    if (!k || !isRep.has(i)) return;
    for (const s of k.suffixes) push(longBy, `s:${s}`, i);
    if (k.longKunya) push(longBy, `k:${k.longKunya}`, i);
  });
  const shortKeyed = new Set<number>();
  const warned = new Set<string>();
  keys.forEach((k, i) => {
    const key = k?.short !== undefined ? `s:${k.short}` : k?.kunya !== undefined ? `k:${k.kunya}` : undefined;
    if (key === undefined || lex.isDemonym(items[i].text)) return;
    shortKeyed.add(i);
    if (!isRep.has(i)) return;
    const own = cl.find(i);
    const roots = new Set((longBy.get(key) ?? []).map((c) => cl.find(c)));
    roots.delete(own);
    if (roots.size === 1) {
      cl.union([...roots][0], i, "coref/short-form");
    } else if (roots.size > 1 && !warned.has(key)) {
      warned.add(key);
      const m = items[i].m;
      doc.diagnostics.push({
        severity: "info",
        message: `short form "${m.text}" fits ${roots.size} people; left apart`,
        rule: "coref/short-form-ambiguous",
        span: span(doc.text, m.start, m.end),
      });
    }
  });
  const hasLong = new Set<number>();
  items.forEach((_, i) => {
    if (!shortKeyed.has(i)) hasLong.add(cl.find(i));
  });
  return new Set([...shortKeyed].filter((i) => hasLong.has(cl.find(i))));
}

/**
 * "the brigades" after "Salam Brigades": "the" plus a lower-case head noun from the word list refers to
 * the one organization named earlier whose name ends with that noun. Adds a nominal mention for it.
 */
function addOrgHeadNouns(doc: Doc, cl: Clusters, items: Item[], reps: number[], cw: CorefWords): void {
  const byHead = new Map<string, number[]>();
  for (const i of reps) {
    const w = items[i].words;
    if (items[i].type === "organization" && w.length >= 2 && cw.orgHeadNouns.has(w[w.length - 1])) push(byHead, w[w.length - 1], i);
  }
  if (byHead.size === 0) return;
  /** Items by start, and their greatest length (UTF-16 units); sorted on the first `covered` call. */
  let taken: Item[] | undefined;
  let maxLen = 0;
  const covered = (start: number, end: number): boolean => {
    if (!taken) {
      taken = items.slice().sort((a, b) => a.start - b.start);
      maxLen = taken.reduce((n, m) => Math.max(n, m.end - m.start), 0);
    }
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < start - maxLen) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < taken.length && taken[k].start < end; k++) if (taken[k].end > start) return true;
    return false;
  };
  const toks = doc.tokens;
  const added: Mention[] = [];
  for (let t = 0; t + 1 < toks.length; t++) {
    const w = toks[t].text;
    if (w.length !== 3 || (w !== "the" && w !== "The" && w.toLowerCase() !== "the") || !/^\p{Ll}+$/u.test(toks[t + 1].text)) continue;
    const cands = byHead.get(toks[t + 1].text);
    if (!cands || toks[t + 2]?.text === "of") continue;
    const start = toks[t].start;
    const end = toks[t + 1].end;
    const earlier = cands.filter((c) => items[c].end <= start);
    const roots = new Set(earlier.map((c) => cl.find(c)));
    if (roots.size !== 1 || covered(start, end)) continue;
    const m: Mention = { id: `c${added.length + 1}`, ...span(doc.text, start, end), type: "organization", rule: "coref/org-head-noun", confidence: 0.6, form: "nominal" };
    const i = cl.add();
    items.push(new Item(m, new TextInfo(m.text, cw, NO_LEXICON)));
    cl.union([...roots][0], i, "coref/org-head-noun");
    added.push(m);
  }
  if (added.length === 0) return;
  // every id tried below starts with "c": only such ids can collide
  const ids = new Set<string>();
  for (const m of doc.mentions) if (m.id.startsWith("c")) ids.add(m.id);
  for (const m of added) while (ids.has(m.id)) m.id = `c${m.id}`;
  doc.mentions = [...doc.mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A lexicon that knows nothing, for nominal mentions. */
const NO_LEXICON: CorefLexicon = { knownOrgKey: () => undefined, countryName: () => undefined, isDemonym: () => false };

function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

interface BuildContext {
  /** Items named as the other name in an alias link, and those it is the other name of. */
  aliasSide: Set<number>;
  ofSide: Set<number>;
  /** Short-form items of entities that also have a longer name. */
  short: Set<number>;
  cw: CorefWords;
}

/** One entity per cluster, ids "e1", "e2", … in order of first mention; sets `mention.entity`. */
function buildEntities(cl: Clusters, items: Item[], bx: BuildContext): Entity[] {
  const order = items.map((_, i) => i);
  if (items.some((it, i) => i > 0 && it.start < items[i - 1].start)) order.sort((a, b) => items[a].start - items[b].start);
  /** Members by root index (in `order`), and the roots in order of their first member. */
  const membersOf = new Array<number[] | undefined>(items.length);
  const roots: number[] = [];
  for (const i of order) {
    const root = cl.find(i);
    const members = membersOf[root];
    if (members) members.push(i);
    else {
      membersOf[root] = [i];
      roots.push(root);
    }
  }
  const entities: Entity[] = [];
  let unions = false;
  for (const root of roots) {
    const members = membersOf[root]!;
    const id = `e${entities.length + 1}`;
    for (const i of members) items[i].m.entity = id;
    const rules = cl.sortedRules(root);
    const e = members.length === 1 ? makeSingleEntity(id, items[members[0]], rules) : makeEntity(id, members, items, rules, bx);
    if (e.attributes?.unionOf !== undefined) unions = true;
    entities.push(e);
  }
  if (!unions) return entities;
  // the last of equal mention ids wins
  const entityOfMention = new Map<string, string>();
  for (const root of roots) for (const i of membersOf[root]!) entityOfMention.set(items[i].id, items[i].m.entity!);
  for (const e of entities) {
    const union = e.attributes?.unionOf;
    if (!Array.isArray(union)) continue;
    const ids = [...new Set(union.map((mid) => entityOfMention.get(String(mid))).filter((x): x is string => x !== undefined && x !== e.id))];
    e.attributes = { ...e.attributes, unionOf: ids };
  }
  return entities;
}

/**
 * `makeEntity` for a cluster of one item (most clusters): that item's type and name, no aliases (its own
 * exact key is the name's), one mention span; fields are set in `makeEntity`'s order, so the JSON matches.
 */
function makeSingleEntity(id: string, it: Item, rules: string[]): Entity {
  const e: Entity = { id, type: it.type, name: it.text, aliases: [], mentions: [{ start: it.start, end: it.end, text: it.text }] };
  if (it.type === "place" && it.geo) e.geo = it.geo;
  const attributes: Record<string, unknown> = { rules };
  if (it.soCalled) attributes.soCalled = true;
  if (it.unionOf) attributes.unionOf = it.unionOf;
  e.attributes = attributes;
  return e;
}

/** The entity of one cluster: its type, fullest name, aliases, mentions, geo and merge rules. */
function makeEntity(id: string, members: number[], items: Item[], rules: string[], bx: BuildContext): Entity {
  const ms = members.map((i) => items[i]);
  const type = majorityType(ms);
  const nameIdx = pickName(members, items, type, bx);
  const name = items[nameIdx].text;
  const nameKey = items[nameIdx].info.exact;
  const aliases: string[] = [];
  /** Exact keys of the name and the aliases so far (few: a linear search is enough). */
  const seen = [nameKey];
  for (const i of members) {
    const it = items[i];
    const k = it.info.exact;
    if (seen.includes(k) || bx.short.has(i)) continue;
    const isAlias = bx.aliasSide.has(i) || bx.ofSide.has(i) || it.acronym || it.form === "alias" || knownAlias(it, items[nameIdx]);
    if (!isAlias) continue;
    seen.push(k);
    aliases.push(it.text);
  }
  const spans: Entity["mentions"] = [];
  for (const m of byPosition(ms)) {
    const last = spans[spans.length - 1];
    if (!last || last.start !== m.start || last.end !== m.end) spans.push({ start: m.start, end: m.end, text: m.text });
  }
  const e: Entity = {
    id,
    type,
    name,
    aliases,
    mentions: spans,
  };
  const geo = items[nameIdx].geo || ms.find((m) => m.type === "place" && m.geo)?.geo;
  if (type === "place" && geo) e.geo = geo;
  let soCalled = false;
  /** The first mention's `unionOf` list, if any has one. */
  let union: unknown[] | undefined;
  for (const m of ms) {
    if (m.soCalled) soCalled = true;
    if (union === undefined) union = m.unionOf;
  }
  const attributes: Record<string, unknown> = { rules };
  if (soCalled) attributes.soCalled = true;
  if (union) attributes.unionOf = union;
  e.attributes = attributes;
  return e;
}

/** Items by start, then end: `ms` itself when already so ordered, else a sorted copy. */
function byPosition(ms: Item[]): Item[] {
  for (let k = 1; k < ms.length; k++) {
    const a = ms[k - 1];
    const b = ms[k];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return [...ms].sort((x, y) => x.start - y.start || x.end - y.end);
  }
  return ms;
}

/** A known organization's other name found in the text ("ISIS" beside "Islamic State"). */
function knownAlias(it: Item, nameItem: Item): boolean {
  if (it.type !== "organization" || nameItem.type !== "organization") return false;
  const k = it.info.knownOrgKey();
  return k !== undefined && k === nameItem.info.knownOrgKey();
}

/** The most common type among the mentions; ties go to the earliest mention's type. */
function majorityType(ms: Item[]): EntityType {
  const count = new Map<EntityType, number>();
  for (const m of ms) count.set(m.type, (count.get(m.type) ?? 0) + 1);
  let best = ms[0].type;
  for (const [t, c] of count) if (c > (count.get(best) ?? 0)) best = t;
  return best;
}

/**
 * The mention whose text is the entity's name: not a short form, acronym or stated alias if any other
 * exists; for places, preferably without a generic word ("al-Hasakah" over "al-Hasakah governorate");
 * then the most words; then the earliest.
 */
function pickName(members: number[], items: Item[], type: EntityType, bx: BuildContext): number {
  for (let tier = 0; tier < 3; tier++) {
    /** Best of the tier's pool, and best of its members without a generic place word; -1: none. */
    let best = -1;
    let bestBare = -1;
    for (const i of members) {
      if (!inNameTier(tier, i, items, bx)) continue;
      if (best < 0 || items[i].words.length > items[best].words.length) best = i;
      if (type === "place" && !endsGeneric(items[i].text, items[i].words, bx.cw) && (bestBare < 0 || items[i].words.length > items[bestBare].words.length)) bestBare = i;
    }
    if (bestBare >= 0) return bestBare;
    if (best >= 0) return best;
  }
  return members[0];
}

/**
 * Name tiers, best first: 0 no short form, acronym, stated alias or short mention; 1 no short form,
 * acronym or nominal; 2 any mention.
 */
function inNameTier(tier: number, i: number, items: Item[], bx: BuildContext): boolean {
  const it = items[i];
  if (tier === 0) return !bx.short.has(i) && !it.acronym && !bx.aliasSide.has(i) && it.form !== "alias" && it.form !== "short";
  if (tier === 1) return !bx.short.has(i) && !it.acronym && it.form !== "nominal";
  return true;
}
