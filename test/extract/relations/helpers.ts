import type { Doc, Entity, EntityType, Geo, Precision, RawDocument } from "../../../src/model.js";
import { span } from "../../../src/model.js";
import { createDoc } from "../../../src/extract/pipeline.js";
import { tokenize } from "../../../src/extract/tokens/index.js";

const TYPE: Record<string, EntityType> = { P: "person", O: "organization", L: "place" };
const PRECISION: Record<number, Precision> = { 4: "year", 7: "month", 10: "day" };

/**
 * A tokenized Doc from marked-up text: `[Abou Bakr al-Baghdadi|P]`, `[ISIS|O|is]` (entity key "is"),
 * `[2015|T|2015]` (a time resolved to the key). Mentions with one key share an entity named after the
 * first of them; `geo` gives gazetteer records by key.
 */
export function markedDoc(marked: string, geo: Record<string, Geo> = {}): Doc {
  const re = /\[([^\]|]+)\|([POLT])(?:\|([^\]]+))?\]/g;
  let text = "";
  let last = 0;
  const found: { start: number; end: number; kind: string; key: string }[] = [];
  for (const m of marked.matchAll(re)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[1];
    found.push({ start, end: text.length, kind: m[2], key: m[3] ?? m[1] });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  const raw: RawDocument = {
    text,
    meta: { id: "t", title: null, publishedAt: null, language: "en", translatedFrom: null, credits: [], source: null },
    regions: [],
    diagnostics: [],
  };
  const doc = createDoc(raw);
  tokenize(doc);
  const entities = new Map<string, Entity>();
  for (const f of found) {
    const s = span(text, f.start, f.end);
    if (f.kind === "T") {
      doc.times.push({ text: s.text, span: s, start: f.key, end: f.key, precision: PRECISION[f.key.length] ?? "year", approximate: false, relative: false, rule: "test" });
      continue;
    }
    const id = `e:${f.key}`;
    let e = entities.get(id);
    if (!e) {
      e = { id, type: TYPE[f.kind], name: s.text, aliases: [], mentions: [] };
      if (geo[f.key]) e.geo = geo[f.key];
      entities.set(id, e);
    }
    e.mentions.push(s);
    doc.mentions.push({ id: `m${doc.mentions.length + 1}`, start: f.start, end: f.end, text: s.text, type: TYPE[f.kind], rule: "test", confidence: 1, form: "name", entity: id });
  }
  doc.entities = [...entities.values()];
  return doc;
}

/** Relations of a Doc as "subject-name type object-name" strings, sorted. */
export function relationStrings(doc: Doc): string[] {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.relations.map((r) => `${name.get(r.subject)} ${r.type} ${name.get(r.object)}`).sort();
}
