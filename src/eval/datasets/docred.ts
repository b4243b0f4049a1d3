import { conllLabels, type GoldSpan, type NerSentence } from "./types.js";

interface DocredMention {
  type: string;
  pos: [number, number];
  sent_id: number;
}

interface DocredDoc {
  title: string;
  sents: string[][];
  vertexSet: DocredMention[][];
}

/**
 * Reads Re-DocRED JSON (a list of documents) into sentences: every PER/ORG/LOC mention of every
 * vertex is a span (`pos` is a token range within sentence `sent_id`). `skip(words)` drops mentions
 * by their words (used to drop demonyms, which Re-DocRED types LOC but CoNLL-style data does not tag).
 * Overlapping mentions keep the first longest.
 */
export function readDocred(json: string, skip: (words: string[]) => boolean = () => false): NerSentence[] {
  const docs = JSON.parse(json) as DocredDoc[];
  if (!Array.isArray(docs)) throw new Error("Re-DocRED: expected a JSON list of documents");
  const out: NerSentence[] = [];
  for (const d of docs) {
    const perSent: GoldSpan[][] = d.sents.map(() => []);
    for (const vertex of d.vertexSet) {
      for (const m of vertex) {
        const type = conllLabels(m.type);
        const sent = d.sents[m.sent_id];
        if (!type || !sent) continue;
        const [start, end] = m.pos;
        if (start < 0 || end > sent.length || start >= end) continue;
        if (skip(sent.slice(start, end))) continue;
        perSent[m.sent_id].push({ start, end, type });
      }
    }
    d.sents.forEach((tokens, i) => {
      const sorted = perSent[i].sort((a, b) => a.start - b.start || b.end - a.end);
      const spans: GoldSpan[] = [];
      for (const s of sorted) if (!spans.length || s.start >= spans[spans.length - 1].end) spans.push(s);
      out.push({ doc: `docred#${d.title}`, tokens, spans });
    });
  }
  return out;
}
