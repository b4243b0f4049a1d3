import type { Claim, ClaimModality, Doc, Mention, SourceKind, Span, Token } from "../../model.js";
import { span } from "../../model.js";
import { claimCues, type ClaimCues } from "./lexicon.js";
import { isReadable, mentionsBySentence, startsParagraph, lowered } from "./sentences.js";

export { claimFor } from "./scope.js";

/** Words before a reporting verb that make it a noun ("a report", "the statement"). */
const DETERMINERS = new Set(["a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "my", "'s", "’s"]);
/** Relative pronouns: a source description ends before one, and a phrase holding one is no bare clause. */
const RELATIVES = new Set(["who", "whose", "which", "whom"]);
/** Words before a reporting verb that make it passive ("was reported killed"): no source is named. */
const PASSIVE = new Set(["was", "were", "is", "are", "be", "been", "being"]);
/** Tokens that end the segment a source is read from, walking back from its verb. */
const SEGMENT_BOUNDARIES = new Set([";", ":", "that"]);
/** Words after which "that" is a determiner ("when that nation's ministry said"), not a clause boundary. */
const NOT_BEFORE_COMPLEMENTIZER = new Set(["when", "of", "in", "at", "on", "for", "with", "by", "from", "to", "after", "before", "while"]);
const QUOTES = new Set(['"', "”", "“", "'", "’", "‘", "»", "«"]);
/** Words dropped from the start of a source ("and the source said"). */
const LEADING_NOISE = new Set(["and", "but", '"', "“", "”", "'", "‘", "(", "«"]);
const PERSON_PRONOUNS = new Set(["he", "she"]);
/** A source description longer than this (in tokens) is not a noun phrase. */
const MAX_SOURCE_TOKENS = 30;
/** How far after a reporting verb a complementizer "that" is looked for ("told Reuters on Monday that"). */
const THAT_WINDOW = 8;

interface Draft {
  claim: Claim;
  sentence: number;
  /** True when the claim supports what follows its reporting expression. */
  forward: boolean;
  /** Lower-cased head noun of the source as written ("source", "activists"). */
  head: string;
}

interface SourceRead {
  start: number;
  end: number;
  kind: SourceKind;
  entity?: string;
  head: string;
}

/**
 * Adds claims (who says so) to `doc.claims`: reporting verbs ("X said that …", "…, X said"),
 * inverted quotations ("\"…,\" said X"), and "according to X" / "citing X". A bare "the source"
 * refers back to the latest source with the same head noun and copies it. A forward claim's scope
 * runs to the end of its sentence and on through the rest of the paragraph until another claim.
 */
export function findClaims(doc: Doc): void {
  const cues = claimCues();
  const mentions = mentionsBySentence(doc);
  const drafts: Draft[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    if (!isReadable(doc, s)) continue;
    readSentence(doc, s, cues, mentions[s], drafts);
  }
  extendOverParagraphs(doc, drafts, mentions);
  doc.claims = drafts.map((d, i) => ({ ...d.claim, id: `c${i + 1}` }));
}

/** Per cue word: the "according to" cues it opens (in lexicon order) and its modality as a reporting verb. */
interface CueWord {
  according?: ClaimCues["according"];
  verb?: ClaimModality;
}
const cueWordIndexes = new WeakMap<ClaimCues, Map<string, CueWord>>();

/** One lookup per token for both kinds of cue; other words have no entry. */
function cueWordIndex(cues: ClaimCues): Map<string, CueWord> {
  let ix = cueWordIndexes.get(cues);
  if (!ix) {
    ix = new Map();
    for (const c of cues.according) {
      const entry = ix.get(c.words[0]) ?? {};
      (entry.according ??= []).push(c);
      ix.set(c.words[0], entry);
    }
    for (const [w, modality] of cues.verbs) {
      const entry = ix.get(w) ?? {};
      entry.verb = modality;
      ix.set(w, entry);
    }
    cueWordIndexes.set(cues, ix);
  }
  return ix;
}

function readSentence(doc: Doc, s: number, cues: ClaimCues, mentions: Mention[], drafts: Draft[]): void {
  const sent = doc.sentences[s];
  const toks = doc.tokens;
  const L = lowered(toks);
  const index = cueWordIndex(cues);
  const a = sent.tokenStart;
  const b = sent.tokenEnd;
  for (let k = a; k < b; k++) {
    const entry = index.get(L[k] ?? "");
    if (!entry) continue;
    const cue = entry.according?.find((c) => c.words.every((cw, i) => k + i < b && (L[k + i] ?? "") === cw));
    if (cue) {
      readAccording(doc, s, k, k + cue.words.length, cue.modality, cues, mentions, drafts);
      continue;
    }
    const modality = entry.verb;
    if (!modality || k === a) continue;
    const prev = (L[k - 1] ?? "");
    if (DETERMINERS.has(prev) || PASSIVE.has(prev)) continue;
    if (/^\p{Lu}/u.test(toks[k].text) && !QUOTES.has(prev)) continue;
    if (L[k].endsWith("ing")) {
      if (prev === ",") readParticiple(doc, s, k, modality, drafts);
    } else if (isInverted(toks, k, a)) readInverted(doc, s, k, modality, cues, mentions, drafts);
    else readReporting(doc, s, k, modality, cues, mentions, drafts);
  }
}

/** True for "\"…,\" said X": the verb follows a comma and a closing quote. */
function isInverted(toks: Token[], k: number, a: number): boolean {
  const L = lowered(toks);
  if (k - 2 < a) return false;
  const p1 = toks[k - 1].text;
  const p2 = toks[k - 2].text;
  const next = (L[k + 1] ?? "");
  const quoteComma = (QUOTES.has(p1) && p2 === ",") || (p1 === "," && QUOTES.has(p2));
  return quoteComma && next !== "that" && /^\p{L}/u.test(next);
}

/** "X said (that) …" with X before the verb, or "…, X said." with the content before X. */
function readReporting(
  doc: Doc, s: number, k: number, modality: ClaimModality, cues: ClaimCues, mentions: Mention[], drafts: Draft[],
): void {
  const toks = doc.tokens;
  const L = lowered(toks);
  const sent = doc.sentences[s];
  const a = sent.tokenStart;
  const b = sent.tokenEnd;
  let segStart = a;
  let comma = false;
  for (let j = k - 1; j >= a; j--) {
    if (SEGMENT_BOUNDARIES.has(L[j]) && !(L[j] === "that" && j > a && NOT_BEFORE_COMPLEMENTIZER.has(L[j - 1]))) {
      segStart = j + 1;
      break;
    }
    if (!comma && j > a && cues.subordinators.has(L[j])) {
      segStart = j;
      break;
    }
    if (L[j] === ",") comma = true;
  }
  let e = k;
  while (e - 1 >= segStart && cues.trailingAux.has((L[e - 1] ?? ""))) e--;
  if (e <= segStart) return;
  let srcStart = segStart;
  let srcEnd = e;
  if (toks[e - 1].text === ",") {
    srcEnd = e - 1;
    if (cues.frontedStarts.has((L[segStart] ?? ""))) {
      const c = indexOf(toks, ",", segStart, srcEnd);
      if (c >= 0 && c + 1 < srcEnd) srcStart = c + 1;
    }
  } else {
    const c = lastIndexOf(toks, ",", segStart, srcEnd);
    if (c >= 0) srcStart = c + 1;
  }
  while (srcStart < srcEnd && LEADING_NOISE.has((L[srcStart] ?? ""))) srcStart++;
  const subordinate = srcStart < srcEnd && cues.subordinators.has((L[srcStart] ?? ""));
  if (subordinate) srcStart++;
  if (srcStart >= srcEnd || srcEnd - srcStart > MAX_SOURCE_TOKENS || !isNounPhrase(toks, srcStart, srcEnd, cues)) return;
  const source = readSource(doc, srcStart, srcEnd, cues, mentions);
  if (!source) return;

  let that = -1;
  for (let j = k + 1; j < Math.min(b, k + 1 + THAT_WINDOW); j++) {
    const lw = (L[j] ?? "");
    if (lw === "that") {
      that = j;
      break;
    }
    if (lw === "." || lw === ";" || lw === ",") break;
  }
  let before = srcStart - 1;
  while (before > a && QUOTES.has(toks[before].text)) before--;
  const contentBefore = before - a >= 2 && toks[before].text === ",";
  const rest = b - (k + 1);
  const trailing = contentBefore && that < 0 && (rest <= 6 || toks[k + 1]?.text === ",");
  if (!trailing && that < 0 && cues.needsThat.has((L[k] ?? "")) && !/ing$/.test((L[k + 1] ?? ""))) return;
  const text = doc.text;
  let scope: { start: number; end: number };
  let cueSpan: Span;
  if (trailing) {
    scope = { start: sent.start, end: toks[before - 1].end };
    cueSpan = span(text, toks[k].start, toks[k].end);
  } else {
    const first = that >= 0 ? that + 1 : k + 1;
    if (first >= b) return;
    const comma = subordinate ? indexOf(toks, ",", first, b) : -1;
    scope = { start: toks[first].start, end: comma > first ? toks[comma - 1].end : sent.end };
    const medium = documentPhraseEnd(toks, k + 1, b, cues);
    const mediumEnd = medium > k ? medium : k;
    const cueEnd = that === mediumEnd + 1 ? that : mediumEnd;
    cueSpan = span(text, toks[k].start, toks[cueEnd].end);
  }
  addDraft(doc, s, source, modality, cueSpan, scope, !trailing, trailing ? "claims/said-after" : "claims/said-that", drafts);
}

/** "X denied …, saying that …": a participle after a comma speaks for the sentence's latest source. */
function readParticiple(doc: Doc, s: number, k: number, modality: ClaimModality, drafts: Draft[]): void {
  const owner = [...drafts].reverse().find((d) => d.sentence === s);
  if (!owner) return;
  const toks = doc.tokens;
  const sent = doc.sentences[s];
  const first = lowered(toks)[k + 1] === "that" ? k + 2 : k + 1;
  if (first >= sent.tokenEnd) return;
  const cueEnd = first === k + 2 ? k + 1 : k;
  drafts.push({
    claim: {
      id: "",
      source: { ...owner.claim.source },
      modality,
      span: span(doc.text, toks[k].start, toks[cueEnd].end),
      scope: [{ start: toks[first].start, end: sent.end }],
      rule: "claims/participle",
    },
    sentence: s,
    forward: true,
    head: owner.head,
  });
}

/** "\"…,\" said X": the source follows the verb, the quotation before it is the scope. */
function readInverted(
  doc: Doc, s: number, k: number, modality: ClaimModality, cues: ClaimCues, mentions: Mention[], drafts: Draft[],
): void {
  const toks = doc.tokens;
  const sent = doc.sentences[s];
  let end = k + 1;
  while (end < sent.tokenEnd && !/^[.;!?]$/.test(toks[end].text)) end++;
  const source = readSource(doc, k + 1, end, cues, mentions);
  if (!source) return;
  const scope = { start: sent.start, end: toks[k - 1].end };
  addDraft(doc, s, source, modality, span(doc.text, toks[k].start, toks[k].end), scope, false, "claims/quote-said", drafts);
}

/** "according to X" / "citing X": X runs to the next comma or the end of the sentence. */
function readAccording(
  doc: Doc, s: number, k: number, after: number, modality: ClaimModality, cues: ClaimCues, mentions: Mention[],
  drafts: Draft[],
): void {
  const toks = doc.tokens;
  const sent = doc.sentences[s];
  let end = after;
  while (end < sent.tokenEnd && !/^[,.;!?]$/.test(toks[end].text)) end++;
  if (end === after) return;
  const source = readSource(doc, after, end, cues, mentions);
  if (!source) return;
  const cueSpan = span(doc.text, toks[k].start, toks[after - 1].end);
  let scope: { start: number; end: number };
  const opening = k === sent.tokenStart || (k === sent.tokenStart + 1 && QUOTES.has(toks[sent.tokenStart].text));
  if (opening) {
    if (end + 1 >= sent.tokenEnd) return;
    scope = { start: toks[end + 1].start, end: sent.end };
  } else {
    const last = toks[k - 1].text === "," ? k - 2 : k - 1;
    if (last < sent.tokenStart) return;
    scope = { start: sent.start, end: toks[last].end };
  }
  addDraft(doc, s, source, modality, cueSpan, scope, false, "claims/according-to", drafts);
}

/** Reads the source description `toks[start, end)`: its head noun, kind and entity. */
function readSource(doc: Doc, start: number, end: number, cues: ClaimCues, mentions: Mention[]): SourceRead | undefined {
  const toks = doc.tokens;
  const L = lowered(toks);
  let headEnd = end;
  for (let j = start + 1; j < end; j++) {
    if (cues.postModifiers.has((L[j] ?? ""))) {
      headEnd = j;
      break;
    }
  }
  let head = "";
  for (let j = headEnd - 1; j >= start; j--) {
    if (toks[j].kind === "word") {
      head = (L[j] ?? "");
      break;
    }
  }
  if (!head) return undefined;
  const from = toks[start].start;
  let until = toks[end - 1].end;
  for (let j = start + 1; j < end; j++) {
    if (RELATIVES.has(L[j])) {
      until = toks[j].start;
      break;
    }
  }
  const inside = mentions.filter((m) => m.start >= from && m.end <= until);
  const person = inside.find((m) => m.type === "person");
  if (person) return sourceRead(start, end, "person", head, person.entity);
  if (cues.anonymousHeads.has(head)) return sourceRead(start, end, "anonymous", head);
  if (cues.documentHeads.has(head)) return sourceRead(start, end, "document", head);
  const lowText = doc.text.slice(toks[start].start, toks[end - 1].end).toLowerCase().replace(/^the /, "");
  if (cues.mediaHeads.has(head) || cues.mediaNames.some((n) => lowText === n || lowText.startsWith(`${n} `))) {
    return sourceRead(start, end, "media", head);
  }
  const pick = inside.find((m) => m.type === "organization") ?? inside.find((m) => m.type === "place");
  if (pick) return sourceRead(start, end, "organization", head, pick.entity);
  if (PERSON_PRONOUNS.has(head) && end - start === 1) return sourceRead(start, end, "person", head);
  if (cues.organizationHeads.has(head)) return sourceRead(start, end, "organization", head);
  if (end - start === 1 && toks[start].kind === "word" && /^\p{Ll}/u.test(toks[start].text) && !cues.anonymousHeads.has(head)) {
    return undefined;
  }
  return sourceRead(start, end, "anonymous", head);
}

function sourceRead(start: number, end: number, kind: SourceKind, head: string, entity?: string): SourceRead {
  return { start, end, kind, entity, head };
}

/** The latest earlier draft a bare "the source" / "he" refers back to, if any. */
function antecedent(doc: Doc, source: SourceRead, cues: ClaimCues, drafts: Draft[]): Draft | undefined {
  const toks = doc.tokens;
  const L = lowered(toks);
  const n = source.end - source.start;
  const first = (L[source.start] ?? "");
  const pronoun = n === 1 && PERSON_PRONOUNS.has(first);
  const bare = n === 2 && cues.carry.has(first) && (cues.anonymousHeads.has(source.head) || cues.documentHeads.has(source.head));
  if (!pronoun && !bare) return undefined;
  const stem = (w: string) => (w.endsWith("s") ? w.slice(0, -1) : w);
  const head = stem(source.head);
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (pronoun ? d.claim.source.kind === "person" || d.claim.source.kind === "anonymous" : stem(d.head) === head) {
      return d;
    }
  }
  return undefined;
}

function addDraft(
  doc: Doc, s: number, source: SourceRead, modality: ClaimModality, cueSpan: Span, scope: { start: number; end: number },
  forward: boolean, rule: string, drafts: Draft[],
): void {
  if (scope.end <= scope.start) return;
  const cues = claimCues();
  const back = antecedent(doc, source, cues, drafts);
  const toks = doc.tokens;
  const srcSpan = span(doc.text, toks[source.start].start, toks[source.end - 1].end);
  const claim: Claim = back
    ? { id: "", source: { ...back.claim.source }, modality, span: cueSpan, scope: [scope], rule: "claims/carried-forward" }
    : {
      id: "",
      source: { text: srcSpan.text, kind: source.kind, ...(source.entity ? { entity: source.entity } : {}), span: srcSpan },
      modality,
      span: cueSpan,
      scope: [scope],
      rule,
    };
  drafts.push({ claim, sentence: s, forward, head: back ? back.head : source.head });
}

/**
 * A forward claim whose scope reaches the end of its sentence also covers the following sentences
 * of its paragraph, up to the next sentence with a claim of its own or one that opens with the
 * source itself ("Al-Suri, a Syrian national, …": the author describing the source).
 */
function extendOverParagraphs(doc: Doc, drafts: Draft[], mentions: readonly Mention[][]): void {
  const claimed = new Set(drafts.map((d) => d.sentence));
  for (const d of drafts) {
    if (!d.forward) continue;
    const sent = doc.sentences[d.sentence];
    const last = d.claim.scope[d.claim.scope.length - 1];
    if (last.end !== sent.end) continue;
    for (let s = d.sentence + 1; s < doc.sentences.length; s++) {
      if (startsParagraph(doc, s) || claimed.has(s) || !isReadable(doc, s)) break;
      const firstMention = mentions[s][0];
      const entity = d.claim.source.entity;
      if (entity && firstMention?.entity === entity && firstMention.start - doc.sentences[s].start < 3) break;
      d.claim.scope.push({ start: doc.sentences[s].start, end: doc.sentences[s].end });
    }
  }
}

/** False when `toks[start, end)` holds a finite verb outside a relative clause or ends in a conjunction. */
function isNounPhrase(toks: Token[], start: number, end: number, cues: ClaimCues): boolean {
  const L = lowered(toks);
  if (["and", "or"].includes((L[end - 1] ?? ""))) return false;
  for (let j = start; j < end; j++) {
    const w = (L[j] ?? "");
    if (RELATIVES.has(w)) return true;
    if (cues.finiteVerbs.has(w)) return false;
  }
  return true;
}

/** Index of the last token of "in a statement" / "in an audio recording" starting at `from`, or -1. */
function documentPhraseEnd(toks: Token[], from: number, to: number, cues: ClaimCues): number {
  const L = lowered(toks);
  if ((L[from] ?? "") !== "in" || !["a", "an", "the", "its", "his", "her", "their"].includes((L[from + 1] ?? ""))) return -1;
  for (const p of cues.documentPhrases) {
    if (from + 2 + p.length <= to && p.every((w, i) => (L[from + 2 + i] ?? "") === w)) return from + 1 + p.length;
  }
  return -1;
}

function indexOf(toks: Token[], text: string, from: number, to: number): number {
  for (let j = from; j < to; j++) if (toks[j].text === text) return j;
  return -1;
}

function lastIndexOf(toks: Token[], text: string, from: number, to: number): number {
  for (let j = to - 1; j >= from; j--) if (toks[j].text === text) return j;
  return -1;
}
