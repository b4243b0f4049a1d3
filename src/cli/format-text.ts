/**
 * `--format text`: a summary of one extraction result for people. Works from the result shape only
 * (`ExtractionResult`), so it prints whatever layers are filled. Article text is cleaned before it
 * is printed: control and bidi-override characters become spaces, lone surrogates U+FFFD.
 */
import type { ExtractionResult } from "../extract/index.js";
import type { Entity, EntityType, NewsEvent, Relation, TimeRef } from "../model.js";

/** Longest stretch of article text quoted on one line, in UTF-16 units. */
const MAX_QUOTE = 100;

const TYPE_HEADINGS: readonly [EntityType, string][] = [
  ["person", "People"],
  ["organization", "Organizations"],
  ["place", "Places"],
];

const UNSAFE = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]+/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One printable line from article text: no control characters, single spaces, at most `max` units. */
export function clean(s: string | null | undefined, max = MAX_QUOTE): string {
  const t = String(s ?? "").replace(LONE_SURROGATE, "\uFFFD").replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(t[cut - 1] ?? "")) cut--;
  return t.slice(0, cut) + "…";
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function timeValue(t: { start: string; end: string }): string {
  return t.start === t.end ? t.start : `${t.start}..${t.end}`;
}

function timeRef(t: TimeRef | undefined): string {
  if (!t) return "";
  const written = t.text ? ` "${clean(t.text, 40)}"` : "";
  return `${timeValue(t)}${written}`;
}

function headerLines(r: ExtractionResult): string[] {
  const d = r.document;
  const title = clean(d.title) || "(untitled)";
  const lines = [title, "=".repeat(Math.min(72, Math.max(8, title.length)))];
  const facts = [
    `published ${d.publishedAt ? clean(d.publishedAt, 40) : "unknown"}`,
    `language ${clean(d.language, 20) || "unknown"}`,
  ];
  if (d.translatedFrom) facts.push(`translated from ${clean(d.translatedFrom, 20)}`);
  lines.push(facts.join(" · "));
  if (d.credits?.length) lines.push(`credits: ${d.credits.map((c) => `${clean(c.name, 60)} (${c.role})`).join(", ")}`);
  const src = d.source;
  const where = [src?.outlet, src?.url, src?.file].filter((x): x is string => !!x).map((x) => clean(x, 120));
  if (where.length) lines.push(`source: ${where.join(" · ")}`);
  return lines;
}

function entityLines(r: ExtractionResult): string[] {
  const lines: string[] = [];
  for (const [type, heading] of TYPE_HEADINGS) {
    const ents = r.entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length);
    if (!ents.length) continue;
    lines.push("", `${heading} (${ents.length})`);
    for (const e of ents) {
      let line = `  ${clean(e.name)} ×${e.mentions.length}`;
      if (e.aliases.length) line += ` · also: ${e.aliases.map((a) => clean(a, 60)).join("; ")}`;
      if (e.geo?.countryCode) line += ` · ${clean(e.geo.countryCode, 8)}`;
      lines.push(line);
    }
  }
  return lines;
}

function timeLines(r: ExtractionResult): string[] {
  if (!r.times.length) return [];
  const lines = ["", `Times (${r.times.length})`];
  for (const t of r.times) {
    const notes = [t.precision, t.approximate ? "approximate" : "", t.relative ? "relative" : ""].filter(Boolean);
    lines.push(`  "${clean(t.text, 60)}" → ${timeValue(t)} (${notes.join(", ")})`);
  }
  return lines;
}

/** Renders relations and events with entity names looked up by id. */
class FactWriter {
  private readonly names: Map<string, Entity>;

  constructor(entities: Entity[]) {
    this.names = new Map(entities.map((e) => [e.id, e]));
  }

  private name(id: string): string {
    const e = this.names.get(id);
    return e ? clean(e.name, 60) : `?${clean(id, 20)}`;
  }

  relation(rel: Relation): string {
    const extra = [rel.role ? clean(rel.role, 40) : "", rel.status ?? "", timeRef(rel.time), rel.derived ? "derived" : ""].filter(Boolean);
    const tail = extra.length ? ` (${extra.join(", ")})` : "";
    return `${this.name(rel.subject)} —${rel.type}→ ${this.name(rel.object)}${tail}`;
  }

  event(ev: NewsEvent): string {
    const parts = [`${ev.type} "${clean(ev.trigger.text, 40)}"`];
    const byRole = new Map<string, string[]>();
    for (const p of ev.participants) byRole.set(p.role, [...(byRole.get(p.role) ?? []), this.name(p.entity)]);
    for (const [role, who] of byRole) parts.push(`${role}: ${who.join(", ")}`);
    if (ev.places.length) parts.push(`in ${ev.places.map((id) => this.name(id)).join(", ")}`);
    if (ev.time) parts.push(`when ${timeRef(ev.time)}`);
    for (const c of ev.counts) parts.push(`${c.qualifier === "exact" ? "" : `${c.qualifier.replace("_", " ")} `}${c.value} ${clean(c.what, 30)}`);
    if (ev.modality !== "asserted") parts.push(ev.modality);
    return parts.join(" · ");
  }
}

/** The key claims are grouped by: the source entity, else its text, case-folded. */
const sourceKey = (c: ExtractionResult["claims"][number]): string => c.source.entity ?? `${c.source.kind}:${c.source.text.toLowerCase()}`;

function factLines(r: ExtractionResult): string[] {
  if (!r.claims.length && !r.relations.length && !r.events.length) return [];
  const write = new FactWriter(r.entities);
  const claims = new Map(r.claims.map((c) => [c.id, c]));
  const groups = new Map<string, { claims: typeof r.claims; facts: string[] }>();
  for (const c of r.claims) {
    const key = sourceKey(c);
    if (!groups.has(key)) groups.set(key, { claims: [], facts: [] });
    groups.get(key)!.claims.push(c);
  }
  const loose: string[] = [];
  const place = (claimId: string | undefined, line: string): void => {
    const c = claimId ? claims.get(claimId) : undefined;
    if (!c) loose.push(`  - ${line}`);
    else groups.get(sourceKey(c))!.facts.push(`    - ${line}${c.modality === "reported" ? "" : ` [${c.modality}]`}`);
  };
  for (const x of r.relations) place(x.claim, write.relation(x));
  for (const x of r.events) place(x.claim, write.event(x));

  const lines: string[] = [];
  if (groups.size) lines.push("", `Claims by source (${plural(groups.size, "source")}, ${plural(r.claims.length, "claim")})`);
  for (const g of groups.values()) {
    const first = g.claims[0]!;
    const cues = [...new Set(g.claims.map((c) => clean(c.span?.text ?? c.modality, 30)))];
    lines.push(`  ${clean(first.source.text, 80)} [${first.source.kind}] · ${cues.map((c) => `"${c}"`).join(", ")}`);
    lines.push(...(g.facts.length ? g.facts : ["    (no facts attached)"]));
  }
  if (loose.length) lines.push("", `Unattributed facts (${loose.length})`, ...loose);
  return lines;
}

function diagnosticLines(r: ExtractionResult): string[] {
  const shown = r.diagnostics.filter((d) => d.severity !== "info");
  if (!shown.length) return [];
  return ["", `Diagnostics (${shown.length})`, ...shown.map((d) => `  ${d.severity}: ${clean(d.message, 160)}${d.rule ? ` [${clean(d.rule, 40)}]` : ""}`)];
}

/** The people-readable summary of one result, ending in a newline. */
export function formatText(r: ExtractionResult): string {
  const counts = [
    plural(r.entities.length, "entity", "entities"),
    plural(r.relations.length, "relation"),
    plural(r.events.length, "event"),
    plural(r.times.length, "time"),
    plural(r.claims.length, "claim"),
  ];
  const lines = [
    ...headerLines(r),
    counts.join(" · "),
    ...entityLines(r),
    ...timeLines(r),
    ...factLines(r),
    ...diagnosticLines(r),
  ];
  return lines.join("\n") + "\n";
}
