import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { foldName, squash } from "./fold.js";

/** A country from the world-countries package. */
export interface CountryRecord {
  name: string;
  cca2: string;
  latlng: [number, number];
  demonym: string;
}

interface RawCountry {
  name: { common: string; official: string };
  cca2: string;
  latlng: number[];
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
}

interface CountryIndex {
  byName: Map<string, CountryRecord>;
  byDemonym: Map<string, CountryRecord>;
}

let index: CountryIndex | undefined;

function load(): CountryIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const file = require.resolve("world-countries/countries.json");
  const raw = JSON.parse(readFileSync(file, "utf8")) as RawCountry[];
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of countries`);
  const byName = new Map<string, CountryRecord>();
  const byDemonym = new Map<string, CountryRecord>();
  for (const c of raw) {
    const rec: CountryRecord = {
      name: c.name.common,
      cca2: c.cca2,
      latlng: [c.latlng[0] ?? 0, c.latlng[1] ?? 0],
      demonym: c.demonyms?.eng?.m ?? "",
    };
    const names = [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((a) => a.length > 3)];
    for (const n of names) {
      const k = foldName(n);
      if (k && !byName.has(k)) byName.set(k, rec);
    }
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      const k = d ? foldName(d) : "";
      if (k && !byDemonym.has(k)) byDemonym.set(k, rec);
    }
  }
  for (const [alias, cca2] of EXTRA_NAMES) {
    const rec = [...byName.values()].find((r) => r.cca2 === cca2);
    if (rec && !byName.has(alias)) byName.set(alias, rec);
  }
  index = { byName, byDemonym };
  return index;
}

/** Common English short names that world-countries lacks, folded → cca2. */
const EXTRA_NAMES: [string, string][] = [
  ["us", "US"], ["u s", "US"], ["u s a", "US"], ["u k", "GB"], ["usa", "US"], ["america", "US"], ["united states of america", "US"], ["uk", "GB"], ["britain", "GB"],
  ["great britain", "GB"], ["england", "GB"], ["uae", "AE"], ["emirates", "AE"], ["dprk", "KP"], ["north korea", "KP"],
  ["south korea", "KR"], ["burma", "MM"], ["ivory coast", "CI"], ["congo", "CD"], ["drc", "CD"], ["turkiye", "TR"],
  ["palestinian territories", "PS"], ["gaza strip", "PS"], ["czech republic", "CZ"], ["holland", "NL"], ["vatican", "VA"],
];

/** A country by folded name, official name, alternate spelling or English demonym ("Syrian"). */
export function lookupCountry(nameOrDemonym: string): CountryRecord | undefined {
  const { byName, byDemonym } = load();
  const k = foldName(nameOrDemonym);
  return byName.get(k) ?? byDemonym.get(k);
}

/** A country by name only (not demonym); dotted short forms work too ("U.S." → "us"). */
export function lookupCountryName(name: string): CountryRecord | undefined {
  return lookupCountryNameFolded(foldName(name));
}

/** `lookupCountryName` for a name already folded with `foldName`. */
export function lookupCountryNameFolded(k: string): CountryRecord | undefined {
  const idx = load();
  return idx.byName.get(k) ?? (k.length <= 5 && k.includes(" ") ? idx.byName.get(squash(k)) : undefined);
}

/** True when the word is an English demonym ("Syrian", "Iraqi"). */
export function isDemonym(word: string): boolean {
  return load().byDemonym.has(foldName(word));
}

/** `isDemonym` for an already folded word. */
export function isDemonymFolded(folded: string): boolean {
  return load().byDemonym.has(folded);
}

/** True when an already folded name is a country name (not a demonym). */
export function isCountryFolded(folded: string): boolean {
  return load().byName.has(folded);
}

/** Longest country name (in folded words) that starts with this folded first word; 0 if none. */
export function countryMaxWords(foldedFirst: string): number {
  const idx = load();
  let m = firstWordMax.get(foldedFirst);
  if (m === undefined) {
    if (firstWordMax.size === 0) {
      for (const k of idx.byName.keys()) {
        const w = k.split(" ");
        firstWordMax.set(w[0], Math.max(firstWordMax.get(w[0]) ?? 0, w.length));
      }
    }
    m = firstWordMax.get(foldedFirst) ?? 0;
  }
  return m;
}
const firstWordMax = new Map<string, number>();
