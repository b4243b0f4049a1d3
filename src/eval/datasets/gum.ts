import type { EntityType } from "../../model.js";
import type { GoldSpan, NerSentence } from "./types.js";

const GUM_TYPES: Record<string, EntityType> = { person: "person", organization: "organization", place: "place" };
/** Lower-case words that may sit inside a name ("Bank of England", "Abu Muhammad al-Julani"). */
const NAME_GLUE = new Set(["of", "the", "and", "de", "du", "la", "le", "del", "der", "van", "von", "al", "bin", "ibn", "for", "&", "-", "'s", "'", "."]);
/** A mention is cut before these: "University of Portsmouth, United Kingdom" → "University of Portsmouth". */
const APPOSITION = new Set([",", "in", "at", "(", "--", "–"]);
const DETERMINERS = new Set(["the", "a", "an"]);
const SENTENCE_END = new Set([".", "!", "?"]);

/**
 * Reads one GUM `coref/conll` document (`index<TAB>token<TAB>brackets`) into sentences. Only named
 * mentions count: a person/organization/place mention whose words (after a leading determiner is dropped)
 * are all capitalised or digits, except glue words ("of", "al"), with a Wikipedia link suffix or, unlinked,
 * neither a pronoun nor a single sentence-initial word; an appositive tail ("University of Portsmouth,
 * United Kingdom") and a possessive ending ("Byron 's") are cut off, and pronouns ("His") never count.
 * Nested mentions keep the outermost. GUM has no sentence breaks here, so sentences end after `.`/`!`/`?` before a capital.
 */
export function readGum(text: string, docId = "gum"): NerSentence[] {
  const tokens: string[] = [];
  const open = new Map<string, number[]>();
  const mentions: GoldSpan[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (line === "" || line.startsWith("#")) continue;
    const cols = line.split("\t");
    if (cols.length < 3) continue;
    const i = tokens.length;
    tokens.push(cols[1]);
    const br = cols[2];
    if (br === "_") continue;
    for (const m of br.matchAll(/(\()?([^()]+)(\))?/g)) {
      const key = m[2];
      if (m[1]) {
        if (m[3]) addMention(mentions, tokens, key, i, i + 1);
        else {
          const stack = open.get(key) ?? [];
          stack.push(i);
          open.set(key, stack);
        }
      } else if (m[3]) {
        const start = open.get(key)?.pop();
        if (start !== undefined) addMention(mentions, tokens, key, start, i + 1);
      }
    }
  }
  return splitSentences(tokens, outermost(mentions), docId);
}

/** Capitalised words that are pronouns or other non-names when a mention has no Wikipedia link. */
const PRONOUNS = new Set(
  "i me my mine myself we us our ours he him his she her hers it its they them their theirs you your yours who whom whose this that these those one everyone someone anyone nobody everybody somebody mom dad sir madam".split(
    " ",
  ),
);

/** Named mentions without a Wikipedia link count too ("Nick Bos"): GUM links only well-known entities. */
const UNLINKED_NAMES = true;

function addMention(out: GoldSpan[], tokens: string[], key: string, start: number, end: number): void {
  let m = /^([a-z]+)-\d+-(.+)$/.exec(key);
  if (!m && UNLINKED_NAMES) {
    // Unlinked: a proper name only when every word is capitalised (checked below), it is not a pronoun,
    // and a one-word mention does not open a sentence (where any word is capitalised).
    const u = /^([a-z]+)-\d+$/.exec(key);
    if (u) {
      let s = start;
      while (s < end && DETERMINERS.has(tokens[s].toLowerCase())) s++;
      const initial = s === 0 || SENTENCE_END.has(tokens[s - 1]) || /^["'“‘(:]$/.test(tokens[s - 1]);
      if (s < end && !PRONOUNS.has(tokens[s].toLowerCase()) && !(initial && end - s === 1)) m = u;
    }
  }
  if (!m) return;
  const type = GUM_TYPES[m[1]];
  if (!type) return;
  while (start < end && DETERMINERS.has(tokens[start].toLowerCase())) start++;
  // A possessive ending is not part of the name ("Byron 's" → "Byron"); a pronoun is no name ("His").
  while (end > start + 1 && (tokens[end - 1] === "'s" || tokens[end - 1] === "'" || tokens[end - 1] === "’s")) end--;
  if (end - start === 1 && PRONOUNS.has(tokens[start].toLowerCase())) return;
  for (let i = start + 1; i < end; i++) {
    if (APPOSITION.has(tokens[i])) {
      end = i;
      break;
    }
  }
  if (start >= end) return;
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    if (NAME_GLUE.has(t.toLowerCase()) && i > start) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(t)) return;
  }
  out.push({ start, end, type });
}

/** Keeps the longest of overlapping spans (earliest first on ties). */
function outermost(spans: GoldSpan[]): GoldSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: GoldSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}

function splitSentences(tokens: string[], spans: GoldSpan[], doc: string): NerSentence[] {
  const out: NerSentence[] = [];
  let from = 0;
  let si = 0;
  const inSpan = (i: number) => spans.some((s) => s.start < i && i < s.end);
  for (let i = 1; i <= tokens.length; i++) {
    const boundary =
      i === tokens.length || (SENTENCE_END.has(tokens[i - 1]) && /^[\p{Lu}\p{N}"“]/u.test(tokens[i]) && !inSpan(i));
    if (!boundary) continue;
    const sentSpans: GoldSpan[] = [];
    while (si < spans.length && spans[si].start < i) {
      const s = spans[si++];
      sentSpans.push({ start: s.start - from, end: s.end - from, type: s.type });
    }
    out.push({ doc, tokens: tokens.slice(from, i), spans: sentSpans });
    from = i;
  }
  return out;
}
