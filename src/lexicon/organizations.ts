import { foldName } from "./fold.js";
import { check, isStringArray, readDataJson } from "./load.js";

/** A major group or institution from `data/lexicons/organizations.json`. */
export interface KnownOrg {
  /** Stable key shared by every name of the organization ("islamic-state"). */
  key: string;
  name: string;
  aliases: string[];
  acronyms: string[];
}

/** How a lookup matched: the preferred name, an alias, or an acronym. */
export type OrgMatchForm = "name" | "alias" | "acronym";

export interface KnownOrgMatch {
  org: KnownOrg;
  form: OrgMatchForm;
}

const FILE = "lexicons/organizations.json";

interface OrgIndex {
  byFolded: Map<string, KnownOrgMatch>;
  byAcronym: Map<string, KnownOrgMatch>;
  firstWordMax: Map<string, number>;
  /** Every leading run of whole words of a folded name or alias, the whole included ("islamic", "islamic state"). */
  prefixes: Set<string>;
  /** Length (UTF-16 units) of the longest acronym. */
  acronymMaxLength: number;
  orgs: KnownOrg[];
}

let index: OrgIndex | undefined;

/** Validates and indexes a parsed organizations file; `rel` names it in errors. */
export function buildOrgIndex(raw: unknown, rel = FILE): OrgIndex {
  const obj = raw as { organizations?: unknown } | null;
  check(obj !== null && typeof obj === "object" && Array.isArray(obj.organizations), rel, "`organizations` must be a list");
  const byFolded = new Map<string, KnownOrgMatch>();
  const byAcronym = new Map<string, KnownOrgMatch>();
  const firstWordMax = new Map<string, number>();
  const prefixes = new Set<string>();
  const orgs: KnownOrg[] = [];
  const keys = new Set<string>();
  (obj.organizations as unknown[]).forEach((o, i) => {
    const r = o as Record<string, unknown>;
    check(r !== null && typeof r === "object", rel, `organizations[${i}] must be an object`);
    check(typeof r.key === "string" && r.key.length > 0, rel, `organizations[${i}].key must be a non-empty string`);
    check(!keys.has(r.key), rel, `organizations[${i}].key "${r.key}" is duplicated`);
    check(typeof r.name === "string" && r.name.length > 0, rel, `organizations[${i}].name must be a non-empty string`);
    check(isStringArray(r.aliases), rel, `organizations[${i}].aliases must be a list of strings`);
    check(isStringArray(r.acronyms), rel, `organizations[${i}].acronyms must be a list of strings`);
    keys.add(r.key);
    const org: KnownOrg = { key: r.key, name: r.name, aliases: r.aliases, acronyms: r.acronyms };
    orgs.push(org);
    const add = (n: string, form: OrgMatchForm) => {
      const k = foldName(n);
      if (!k || byFolded.has(k)) return;
      byFolded.set(k, { org, form });
      const w = k.split(" ");
      firstWordMax.set(w[0], Math.max(firstWordMax.get(w[0]) ?? 0, w.length));
      for (let n = 1; n <= w.length; n++) prefixes.add(w.slice(0, n).join(" "));
    };
    add(org.name, "name");
    for (const a of org.aliases) add(a, "alias");
    for (const a of org.acronyms) if (!byAcronym.has(a)) byAcronym.set(a, { org, form: "acronym" });
  });
  let acronymMaxLength = 0;
  for (const a of byAcronym.keys()) acronymMaxLength = Math.max(acronymMaxLength, a.length);
  return { byFolded, byAcronym, firstWordMax, prefixes, acronymMaxLength, orgs };
}

function load(): OrgIndex {
  if (!index) index = buildOrgIndex(readDataJson(FILE));
  return index;
}

/**
 * A known organization by exact acronym ("ISIS", case-sensitive) or by folded name or alias
 * ("Daesh", "the Islamic State"), with how it matched.
 */
export function matchKnownOrganization(name: string): KnownOrgMatch | undefined {
  const idx = load();
  return idx.byAcronym.get(name) ?? idx.byFolded.get(foldName(name));
}

/** `matchKnownOrganization` when `folded === foldName(name)` is already known. */
export function matchKnownOrganizationFolded(name: string, folded: string): KnownOrgMatch | undefined {
  const idx = load();
  return idx.byAcronym.get(name) ?? idx.byFolded.get(folded);
}

/** A known organization by name, alias or acronym. */
export function lookupKnownOrganization(name: string): KnownOrg | undefined {
  return matchKnownOrganization(name)?.org;
}

/** A known organization by folded name or alias only (no acronym lookup). */
export function knownOrgByFolded(folded: string): KnownOrgMatch | undefined {
  return load().byFolded.get(folded);
}

/** A known organization by exact acronym only ("ISIS", case-sensitive). */
export function knownOrgByAcronym(text: string): KnownOrgMatch | undefined {
  return load().byAcronym.get(text);
}

/** Length of the longest known acronym: a longer text never matches one. */
export function knownAcronymMaxLength(): number {
  return load().acronymMaxLength;
}

/** Longest known organization name (in folded words) starting with this folded word; 0 if none. */
export function knownOrgMaxWords(foldedFirst: string): number {
  return load().firstWordMax.get(foldedFirst) ?? 0;
}

/**
 * True when some known organization's folded name or alias starts with the whole words of `folded`
 * ("islamic" and "islamic state" for "islamic state of iraq"); false means no name extends it by more words.
 */
export function isKnownOrgPrefixFolded(folded: string): boolean {
  return load().prefixes.has(folded);
}

/** Every known organization (read-only). */
export function knownOrganizations(): readonly KnownOrg[] {
  return load().orgs;
}
