import { tokenize } from "../../../src/extract/tokens/index.js";
import { readText } from "../../../src/read/index.js";
import type { Doc, EntityType, Mention } from "../../../src/model.js";
import { span } from "../../../src/model.js";

/** A hand-made mention: its surface text, type, and which occurrence of the text (default: all). */
export type MentionSpec = [text: string, type: EntityType, extra?: Partial<Mention> & { nth?: number }];

/**
 * A tokenized Doc over `text` with the given mentions: every whole-word occurrence (or only the `nth`)
 * that does not overlap a mention of an earlier spec.
 */
export function docWith(text: string, specs: MentionSpec[]): Doc {
  const doc = emptyDoc(text);
  tokenize(doc);
  let n = 0;
  for (const [surface, type, extra] of specs) {
    let k = 0;
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1), k++) {
      const before = text[at - 1];
      const after = text[at + surface.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
      if (extra?.nth !== undefined && extra.nth !== k) continue;
      if (doc.mentions.some((m) => m.start < at + surface.length && m.end > at)) continue;
      const { nth: _nth, ...rest } = extra ?? {};
      doc.mentions.push({ id: `m${++n}`, ...span(text, at, at + surface.length), type, rule: "test", confidence: 0.9, form: "name", ...rest });
    }
  }
  doc.mentions.sort((a, b) => a.start - b.start);
  return doc;
}

/** A fresh Doc over `text` with every layer empty (built here so these tests need no other stage). */
export function emptyDoc(text: string): Doc {
  const raw = readText(text);
  return { text, meta: raw.meta, regions: raw.regions, tokens: [], sentences: [], mentions: [], aliasLinks: [], entities: [], times: [], quantities: [], claims: [], relations: [], events: [], diagnostics: [] };
}

/** Alias links of `doc` as "of ~ alias" texts. */
export function aliasPairs(doc: Doc): string[] {
  const byId = new Map(doc.mentions.map((m) => [m.id, m]));
  return doc.aliasLinks.map((l) => `${byId.get(l.of)?.text} ~ ${byId.get(l.alias)?.text}`);
}
