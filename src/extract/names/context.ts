import type { Doc, EntityType, Geo, MentionForm, Token } from "../../model.js";
import { foldName, foldToken } from "../../lexicon/fold.js";
import { countryMaxWords, isCountryFolded, isDemonymFolded, lookupCountry, lookupCountryNameFolded } from "../../lexicon/countries.js";
import type { CountryRecord } from "../../lexicon/countries.js";
import { lookupPlaceLooseFolded, placeCandidatesStartingWith } from "../../lexicon/gazetteer.js";
import type { PlaceRecord } from "../../lexicon/gazetteer.js";
import { isKnownOrgPrefixFolded, knownAcronymMaxLength, knownOrgByFolded, knownOrgMaxWords, matchKnownOrganizationFolded } from "../../lexicon/organizations.js";
import type { KnownOrgMatch } from "../../lexicon/organizations.js";
import { WORD_SET_NAMES, wordSet } from "../../lexicon/words.js";
import type { WordSetName } from "../../lexicon/words.js";

/**
 * A candidate name before ids are given; offsets are half-open into `doc.text`. Rule candidates are made
 * with every field present (`geo` and `attributes` undefined until set), so that they share one object
 * shape and the refiners' property reads stay monomorphic.
 */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  rule: string;
  confidence: number;
  form: MentionForm;
  geo?: Geo;
  attributes?: Record<string, unknown>;
}

/** A recognizer: reads the context and proposes candidates; it never settles conflicts. */
export interface Recognizer {
  rule: string;
  find(ctx: NameContext): Candidate[];
}

const NISBA_RE = /^(?:al|el|ul|ad|ar|as|ash|at|az|an|ath|adh|ud|ut|ez|es|ed|er|et|en|eth)[-‑](?:\p{Lu}|[‘’'`ʿʾ]\p{L})/iu;
const CAP_RE = /^\p{Lu}/u;
/** Capitalized compounds that describe rather than name: "Kurdish-led", "Iran-backed". */
const DESCRIPTIVE_COMPOUND = /-(?:led|backed|based|allied|affiliated|linked|controlled|held|born|run|made|owned|style|speaking|majority)$/i;
const ALL_CAPS_RE = /^\p{Lu}[\p{Lu}\p{N}&-]*$/u;
const OPENERS = new Set(['"', "“", "‘", "'", "(", "[", "«", "-", "–", "—", ":"]);
const SKIPPED_REGIONS = new Set(["boilerplate", "credit"]);
const FLAG_WORD = 1;
const FLAG_CAP = 2;
const FLAG_ALL_CAPS = 4;
const FLAG_NISBA = 8;

/**
 * One-character tokens that folding turns into a space and that are not case-ignorable (so lower-casing
 * across them is as across a space): `foldedSpan` may join the folds of tokens that touch one of them.
 */
const SPACERS = new Set([",", "(", ")", "[", "]", ";", "!", "?", "-", "–", "—", "/"]);

function spacer(t: string): boolean {
  return t.length === 1 && SPACERS.has(t);
}

/** Memo size limit of the per-text caches below (cleared when exceeded). */
const FOLD_CACHE_MAX = 200_000;
/** Span folds interned across documents (`SpanNode`s) before the text caches, which hold them, are cleared. */
const SPAN_NODES_MAX = 200_000;
/** Spans of this many tokens or more are folded afresh instead of interned. */
const SPAN_INTERN_MAX = 12;
/** Shape bit: the word starts with a capital (before the descriptive-compound check). */
const SHAPE_UPPER_START = 16;

/**
 * The fold of a run of tokens, interned: the same run of token texts gives the same node (and the same
 * string objects) in every document, so span folds are built once and their Map keys hash once.
 */
interface SpanNode {
  /** The tokens' folds joined by single spaces, empty folds skipped ("the islamic state"). */
  joined: string;
  /** `joined` without a leading word "the": the span's `foldName`. */
  name: string;
  /** Nodes of the runs one token longer, by the next token's `TextInfo`. */
  next: Map<TextInfo, SpanNode> | undefined;
  /** `lookupPlaceLooseFolded(name)` once asked (null: no place); undefined until then. */
  place: PlaceRecord | null | undefined;
  /** `lookupCountryNameFolded(name)` once asked (null: no country); undefined until then. */
  country: CountryRecord | null | undefined;
  /** `knownOrgByFolded(name)` once asked (null: none); undefined until then. */
  org: KnownOrgMatch | null | undefined;
  /** `name === "" || isKnownOrgPrefixFolded(name)` once asked; undefined until then. */
  orgPrefix: boolean | undefined;
}

/** What a token's text alone determines: its folded form, word-set mask and (for words) shape bits; the root of its span folds. */
interface TextInfo extends SpanNode {
  /** The token text and whether the token is a word (the table key). */
  text: string;
  word: boolean;
  folded: string;
  /** Bits of `WORDS` for the word sets that hold `folded`. */
  mask: number;
  /** FLAG_CAP / FLAG_ALL_CAPS / FLAG_NISBA / SHAPE_UPPER_START; 0 for non-words. */
  shape: number;
  /** Number of space-separated words of `folded` ("al raqqah" → 2). */
  words: number;
  /** First word of `folded` ("al raqqah" → "al"). */
  first: string;
  /** True when the text is an ordinary word rather than a name part (see `NameContext.stopWord`). */
  stop: boolean;
  /** Country code that `folded` names or implies as a demonym ("syria", "iraqi"), or "" when none. */
  countryCode: string;
  /** True when `name` is a demonym. */
  demonymName: boolean;
  /** `matchKnownOrganizationFolded(text, name)` once asked (null: none); undefined until then. */
  knownOrg: KnownOrgMatch | null | undefined;
  /** Longest gazetteer name, country name and known organization name (in folded words) that starts with `first`; -1 until asked. */
  placeWords: number;
  countryWords: number;
  orgWords: number;
}

/**
 * Bit of each word set in a membership mask (`WORD_SET_NAMES` order; at most 31 sets), the argument of
 * `NameContext.is`: `ctx.is(i, WORDS["non-names"])`. A constant bit tests in one AND, where looking a
 * set up by name on every test was a hot spot.
 */
export const WORDS: Readonly<Record<WordSetName, number>> = Object.freeze(
  Object.fromEntries(WORD_SET_NAMES.map((n, k) => [n, 1 << k])) as Record<WordSetName, number>,
);
if (WORD_SET_NAMES.length > 31) throw new Error("names: more than 31 word sets do not fit a membership mask");

/** Word sets whose words are not name parts (with demonyms and country names: `NameContext.stopWord`). */
const STOP_SETS = WORDS["non-names"] | WORDS["common-words"] | WORDS["org-cues"] | WORDS["place-cues-before"] | WORDS["person-titles"];

/** Word sets of `NameContext.loneWordRange`. */
const ORDINARY_SETS = WORDS["common-words"] | WORDS["non-names"];

/** FNV-1a hash of a token text's character codes, seeded by whether it is a word. */
function textHash(text: string, word: boolean): number {
  let h = word ? 0x811c9dc5 : 0x050c5d1f;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/** Slots of an empty `TextInfoTable`. */
const TABLE_MIN_SLOTS = 1024;

/**
 * Token text (and whether it is a word) → `TextInfo`, across documents: an open-addressing table hashed
 * from the text's character codes (each token's text is a fresh string, which as a Map key would be
 * hashed by the engine on every lookup). Holds at most `FOLD_CACHE_MAX` texts, and the span folds hung
 * off them at most `SPAN_NODES_MAX` nodes; it is emptied when either is reached.
 */
class TextInfoTable {
  /** Per slot: 1 + index into `entries`, or 0 when free; the length is a power of two, over twice the entries. */
  private slots = new Int32Array(TABLE_MIN_SLOTS);
  private entries: TextInfo[] = [];
  /** Span nodes made since the table was last emptied. */
  private spanNodes = 0;

  get(text: string, word: boolean): TextInfo {
    const mask = this.slots.length - 1;
    for (let s = textHash(text, word) & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s];
      if (e === 0) return this.add(s, makeTextInfo(text, word));
      const info = this.entries[e - 1];
      if (info.text === text && info.word === word) return info;
    }
  }

  /** Counts one new span node; empties the table past `SPAN_NODES_MAX` (nodes in use stay valid). */
  countSpanNode(): void {
    if (++this.spanNodes > SPAN_NODES_MAX) this.clear();
  }

  private clear(): void {
    this.slots = new Int32Array(TABLE_MIN_SLOTS);
    this.entries = [];
    this.spanNodes = 0;
  }

  private add(slot: number, info: TextInfo): TextInfo {
    if (this.entries.length >= FOLD_CACHE_MAX) {
      this.clear();
      return this.add(this.freeSlot(info), info);
    }
    this.entries.push(info);
    this.slots[slot] = this.entries.length;
    if (this.entries.length * 2 >= this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let k = 0; k < this.entries.length; k++) this.slots[this.freeSlot(this.entries[k])] = k + 1;
    }
    return info;
  }

  /** The first free slot on `info`'s probe path. */
  private freeSlot(info: TextInfo): number {
    const mask = this.slots.length - 1;
    let s = textHash(info.text, info.word) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    return s;
  }
}

const textInfos = new TextInfoTable();

/** Every word of every word set → its membership mask, built on first use. */
let masksByWord: Map<string, number> | undefined;

function membershipMask(folded: string): number {
  if (masksByWord === undefined) {
    masksByWord = new Map();
    for (let k = 0; k < WORD_SET_NAMES.length; k++) {
      for (const w of wordSet(WORD_SET_NAMES[k])) masksByWord.set(w, (masksByWord.get(w) ?? 0) | (1 << k));
    }
  }
  return masksByWord.get(folded) ?? 0;
}

function shapeOf(t: string): number {
  let f = 0;
  if (CAP_RE.test(t)) {
    f |= SHAPE_UPPER_START;
    if (!DESCRIPTIVE_COMPOUND.test(t)) f |= FLAG_CAP;
  }
  if (t.length >= 2 && ALL_CAPS_RE.test(t)) f |= FLAG_ALL_CAPS;
  if (NISBA_RE.test(t)) f |= FLAG_NISBA;
  return f;
}

/** `folded` without a leading word "the" (as `foldName` drops it). */
function withoutThe(folded: string): string {
  if (folded.charCodeAt(0) !== 116 || !folded.startsWith("the")) return folded;
  return folded.length === 3 ? "" : folded.charCodeAt(3) === 32 ? folded.slice(4) : folded;
}

/** The `TextInfo` of a token text; words are folded ("Al-Raqqah" → "al raqqah"), other tokens kept. */
function makeTextInfo(text: string, word: boolean): TextInfo {
  const folded = word ? foldToken(text) : text;
  const joined = word ? folded : foldToken(text);
  const sp = folded.indexOf(" ");
  let words = 1;
  for (let k = sp; k >= 0; k = folded.indexOf(" ", k + 1)) words++;
  const mask = membershipMask(folded);
  const country = isCountryFolded(folded);
  const demonym = isDemonymFolded(folded);
  const name = withoutThe(joined);
  return {
    joined, name, next: undefined, place: undefined, country: undefined, org: undefined, orgPrefix: undefined, text, word, folded, mask, shape: word ? shapeOf(text) : 0, words, first: sp < 0 ? folded : folded.slice(0, sp),
    stop: (mask & STOP_SETS) !== 0 || demonym || country,
    countryCode: country || demonym ? lookupCountry(folded)?.cca2 ?? "" : "",
    demonymName: isDemonymFolded(name),
    knownOrg: undefined,
    placeWords: -1,
    countryWords: -1,
    orgWords: -1,
  };
}

/** The node of `node`'s run extended by one token of text info `info` (made on first use). */
function extendSpan(node: SpanNode, info: TextInfo): SpanNode {
  let next = node.next?.get(info);
  if (next === undefined) {
    const joined = info.joined.length === 0 ? node.joined : node.joined.length === 0 ? info.joined : node.joined + " " + info.joined;
    next = { joined, name: withoutThe(joined), next: undefined, place: undefined, country: undefined, org: undefined, orgPrefix: undefined };
    (node.next ??= new Map()).set(info, next);
    textInfos.countSpanNode();
  }
  return next;
}

/** What every recognizer needs: tokens, their folded forms, and which tokens may not be part of a name. */
export class NameContext {
  readonly text: string;
  readonly tokens: Token[];
  /** Per token: the `TextInfo` of its text. */
  private readonly infos: TextInfo[];
  /** 1 when the token lies in a boilerplate/credit region or a time expression. */
  readonly blocked: Uint8Array;
  /** Per sentence: true when most words are capitalized and no period ends it (a headline); loose rules stay quiet there. */
  readonly headline: boolean[];
  /** Per token: bit 1 usable word, 2 capitalized, 4 all caps, 8 nisba (see FLAG_*). */
  private readonly flags: Uint8Array;
  /** Per token: its sentence index (`Token.sentence`), for `sameSentence`. */
  private readonly sentenceOf: Int32Array;
  /** True when the statistical tagger ran over the document (its silence then counts as evidence). */
  taggerUsed = false;
  /**
   * Tagger spans below the confidence floor (set by `names/tagger-filter`): never mentions themselves, but
   * still evidence against a weak rule candidate that types the very same span otherwise.
   */
  unsureTagger: Candidate[] = [];

  constructor(readonly doc: Doc) {
    this.text = doc.text;
    this.tokens = doc.tokens;
    const n = doc.tokens.length;
    this.infos = new Array<TextInfo>(n);
    // one backing store for the per-token arrays (each typed array of its own allocates one)
    const perToken = new ArrayBuffer(n * (Int32Array.BYTES_PER_ELEMENT + 3));
    this.sentenceOf = new Int32Array(perToken, 0, n);
    this.gaps = new Uint8Array(perToken, n * Int32Array.BYTES_PER_ELEMENT, n);
    this.blocked = new Uint8Array(perToken, n * (Int32Array.BYTES_PER_ELEMENT + 1), n);
    this.flags = new Uint8Array(perToken, n * (Int32Array.BYTES_PER_ELEMENT + 2), n);
    const ranges = [
      ...doc.regions.filter((r) => SKIPPED_REGIONS.has(r.kind)).map((r) => [r.start, r.end]),
      ...doc.times.map((t) => [t.span.start, t.span.end]),
    ].sort((a, b) => a[0] - b[0]);
    let r = 0;
    for (let i = 0; i < n; i++) {
      const t = doc.tokens[i];
      while (r < ranges.length && ranges[r][1] <= t.start) r++;
      for (let k = r; k < ranges.length && ranges[k][0] < t.end; k++) if (ranges[k][1] > t.start) this.blocked[i] = 1;
      this.sentenceOf[i] = t.sentence;
      const word = t.kind === "word";
      const info = textInfos.get(t.text, word);
      this.infos[i] = info;
      if (word && this.blocked[i] === 0) this.flags[i] = FLAG_WORD | (info.shape & (FLAG_CAP | FLAG_ALL_CAPS | FLAG_NISBA));
    }
    this.headline = doc.sentences.map((s) => {
      let words = 0;
      let caps = 0;
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const t = doc.tokens[i];
        if (t.kind !== "word" || t.text.length < 4) continue;
        words++;
        if (this.infos[i].shape & SHAPE_UPPER_START) caps++;
      }
      const last = doc.tokens[s.tokenEnd - 1]?.text;
      return words >= 4 && caps / words > 0.6 && last !== "." && last !== ",";
    });
  }

  private countries: Set<string> | undefined;

  /** Country codes the document names or implies by a demonym ("Syria", "Iraqi"), computed once. */
  documentCountries(): ReadonlySet<string> {
    if (!this.countries) {
      this.countries = new Set();
      for (let i = 0; i < this.tokens.length; i++) {
        if (!this.cap(i)) continue;
        const code = this.infos[i].countryCode;
        if (code !== "") this.countries.add(code);
      }
    }
    return this.countries;
  }

  get length(): number {
    return this.tokens.length;
  }

  /** True when token `i` exists, is a word and is not blocked. */
  word(i: number): boolean {
    return i >= 0 && i < this.flags.length && (this.flags[i] & FLAG_WORD) !== 0;
  }

  /** A capitalized, unblocked word (not a descriptive compound such as "Kurdish-led"). */
  cap(i: number): boolean {
    return i >= 0 && i < this.flags.length && (this.flags[i] & FLAG_CAP) !== 0;
  }

  /** A word token whose text starts with a capital letter (`/^\p{Lu}/u`), blocked or not, descriptive compounds included ("US-led"). */
  upperStart(i: number): boolean {
    return i >= 0 && i < this.infos.length && (this.infos[i].shape & SHAPE_UPPER_START) !== 0;
  }

  /** An all-caps word of two or more letters ("ISIS", "SDF"). */
  allCaps(i: number): boolean {
    return i >= 0 && i < this.flags.length && (this.flags[i] & FLAG_ALL_CAPS) !== 0;
  }

  /** An Arabic article joined to a name: "al-Hadrami", "Al-Qaem", "ez-Zor". */
  nisba(i: number): boolean {
    return i >= 0 && i < this.flags.length && (this.flags[i] & FLAG_NISBA) !== 0;
  }

  /** A word that may be part of a name: capitalized or a nisba. */
  nameWord(i: number): boolean {
    return i >= 0 && i < this.flags.length && (this.flags[i] & (FLAG_CAP | FLAG_NISBA)) !== 0;
  }

  /** True when tokens i and j are in the same sentence. */
  sameSentence(i: number, j: number): boolean {
    const n = this.sentenceOf.length;
    return i >= 0 && j >= 0 && i < n && j < n && this.sentenceOf[i] === this.sentenceOf[j];
  }

  /** True when token `i` begins its sentence (after any opening quotes or brackets). */
  sentenceInitial(i: number): boolean {
    let k = i - 1;
    while (k >= 0 && this.sameSentence(k, i) && OPENERS.has(this.tokens[k].text)) k--;
    return k < 0 || !this.sameSentence(k, i);
  }

  /** True when token `i` is in a headline-like sentence. */
  inHeadline(i: number): boolean {
    return this.headline[this.tokens[i].sentence] ?? false;
  }

  /** True when token `i` exists and its folded text is in the word set of bit `set` (from `WORDS`). */
  is(i: number, set: number): boolean {
    return i >= 0 && i < this.infos.length && (this.infos[i].mask & set) !== 0;
  }

  /** The lower-cased token text (for function words such as "of", "and"). */
  lower(i: number): string {
    return i >= 0 && i < this.tokens.length ? this.tokens[i].text.toLowerCase() : "";
  }

  /**
   * A capitalized word that is an ordinary word rather than a name part: a function word, month, cue
   * word, common lower-case word, demonym or country. Names are not extended over these.
   */
  stopWord(i: number): boolean {
    return i >= 0 && i < this.infos.length && this.infos[i].stop;
  }

  /** True when the `foldName` of token i is a demonym ("Iraqi"). */
  demonym(i: number): boolean {
    return this.infos[i].demonymName;
  }

  /** Index of the token that starts at offset `start`, or -1 (binary search). */
  tokenAt(start: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.tokens[mid].start;
      if (s === start) return mid;
      if (s < start) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Index of the token that ends at offset `end`, or -1 (binary search; token ends increase). */
  tokenEndingAt(end: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = this.tokens[mid].end;
      if (e === end) return mid;
      if (e < end) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** `foldName(this.text.slice(start, end))`, from the token folds when [start, end) is a run of whole tokens. */
  foldedRange(start: number, end: number): string {
    const i = this.tokenAt(start);
    const j = i < 0 ? -1 : this.tokenEndingAt(end);
    return j >= i && i >= 0 ? this.foldedSpan(i, j) : foldName(this.text.slice(start, end));
  }

  /**
   * For [start, end) one whole token whose `foldName` is its folded form: whether that fold is one word
   * that is a common word, a non-name or a demonym (as `wordSet(...).has` and `isDemonymFolded` tell);
   * undefined for any other range.
   */
  loneWordRange(start: number, end: number): boolean | undefined {
    const i = this.tokenAt(start);
    if (i < 0 || this.tokens[i].end !== end) return undefined;
    const info = this.infos[i];
    if (info.name !== info.folded) return undefined;
    return !info.name.includes(" ") && ((info.mask & ORDINARY_SETS) !== 0 || info.demonymName);
  }

  /** Folded text of token i ("Al-Raqqah" → "al raqqah"; non-words as they are). */
  foldedToken(i: number): string {
    return this.infos[i].folded;
  }

  /** Number of folded words in token i ("Al-Raqqah" → 2). */
  wordCount(i: number): number {
    return this.infos[i].words;
  }

  /** The n-th (0-based) folded word of token i, or "" ("Al-Raqqah", 1 → "raqqah"). */
  foldedWord(i: number, n: number): string {
    if (n === 0) return this.infos[i].first;
    const f = this.infos[i].folded;
    let from = 0;
    for (let k = 0; k < n; k++) {
      const sp = f.indexOf(" ", from);
      if (sp < 0) return "";
      from = sp + 1;
    }
    const end = f.indexOf(" ", from);
    return end < 0 ? f.slice(from) : f.slice(from, end);
  }

  /** `placeCandidatesStartingWith(this.foldedWord(i, 0))`, remembered per token text. */
  placeWordsFrom(i: number): number {
    const info = this.infos[i];
    if (info.placeWords < 0) info.placeWords = placeCandidatesStartingWith(info.first);
    return info.placeWords;
  }

  /** `countryMaxWords(this.foldedWord(i, 0))`, remembered per token text. */
  countryWordsFrom(i: number): number {
    const info = this.infos[i];
    if (info.countryWords < 0) info.countryWords = countryMaxWords(info.first);
    return info.countryWords;
  }

  /** `knownOrgMaxWords(this.foldedWord(i, 0))`, remembered per token text. */
  knownOrgWordsFrom(i: number): number {
    const info = this.infos[i];
    if (info.orgWords < 0) info.orgWords = knownOrgMaxWords(info.first);
    return info.orgWords;
  }

  /** `foldName` of token i's text: its folded form without a leading "the". */
  foldedName(i: number): string {
    return this.infos[i].name;
  }

  /** Per gap between tokens k and k + 1: 0 not yet known, 1 their folds do not join, 2 they do (see `joins`). */
  private readonly gaps: Uint8Array;

  /**
   * True when plain whitespace or a one-character `SPACERS` token separates tokens k and k + 1: folding
   * is per character and those split words, so the folded words across the gap are those of the two
   * tokens in order.
   */
  joins(k: number): boolean {
    if (this.gaps[k] === 0) {
      const from = this.tokens[k].end;
      const to = this.tokens[k + 1].start;
      let ok = true;
      if (to <= from) ok = spacer(this.tokens[k].text) || spacer(this.tokens[k + 1].text);
      for (let p = from; ok && p < to; p++) {
        const c = this.text.charCodeAt(p);
        ok = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
      }
      this.gaps[k] = ok ? 2 : 1;
    }
    return this.gaps[k] === 2;
  }

  /**
   * `foldName(this.slice(i, j))`. When every gap joins (`joins`), the tokens' folds joined (a leading "the"
   * dropped), interned across documents for spans under `SPAN_INTERN_MAX` tokens; else folded afresh.
   */
  foldedSpan(i: number, j: number): string {
    const node = this.spanNode(i, j);
    if (node !== undefined) return node.name;
    if (j - i >= SPAN_INTERN_MAX) {
      let joined = "";
      for (let k = i; k <= j; k++) {
        if (k < j && !this.joins(k)) return foldName(this.slice(i, j));
        const f = this.infos[k].joined;
        if (f.length > 0) joined = joined.length === 0 ? f : joined + " " + f;
      }
      return withoutThe(joined);
    }
    return foldName(this.slice(i, j));
  }

  /** The interned fold of tokens i..j (see `foldedSpan`), or undefined when the span is not interned (too long, or a gap does not join). */
  private spanNode(i: number, j: number): SpanNode | undefined {
    if (i === j) return this.infos[i];
    if (j - i >= SPAN_INTERN_MAX) return undefined;
    const run = this.run;
    if (this.runStart !== i) {
      run.length = 1;
      run[0] = this.infos[i];
      this.runStart = i;
    }
    while (run.length <= j - i) {
      const k = i + run.length;
      if (!this.joins(k - 1)) return undefined;
      run.push(extendSpan(run[run.length - 1], this.infos[k]));
    }
    return run[j - i];
  }

  /** `lookupPlaceLooseFolded(this.foldedSpan(i, j))`, remembered on the interned span. */
  place(i: number, j: number): PlaceRecord | undefined {
    const node = this.spanNode(i, j);
    if (node === undefined) return lookupPlaceLooseFolded(this.foldedSpan(i, j));
    if (node.place === undefined) node.place = lookupPlaceLooseFolded(node.name) ?? null;
    return node.place ?? undefined;
  }

  /** `lookupCountryNameFolded(this.foldedSpan(i, j))`, remembered on the interned span. */
  countryName(i: number, j: number): CountryRecord | undefined {
    const node = this.spanNode(i, j);
    if (node === undefined) return lookupCountryNameFolded(this.foldedSpan(i, j));
    if (node.country === undefined) node.country = lookupCountryNameFolded(node.name) ?? null;
    return node.country ?? undefined;
  }

  /** `knownOrgByFolded(this.foldedSpan(i, j))`, remembered on the interned span. */
  private knownOrgByName(i: number, j: number): KnownOrgMatch | undefined {
    const node = this.spanNode(i, j);
    if (node === undefined) return knownOrgByFolded(this.foldedSpan(i, j));
    if (node.org === undefined) node.org = knownOrgByFolded(node.name) ?? null;
    return node.org ?? undefined;
  }

  /**
   * False when tokens i..j fold as a run of joined tokens (`foldedSpan` interned) whose folded name starts
   * no known organization name or alias: then no longer run i..j' whose gaps from j on all `joins` (its
   * fold extends this one by whole words) is a known name or alias either; acronyms are not considered.
   */
  knownOrgPrefix(i: number, j: number): boolean {
    const node = this.spanNode(i, j);
    if (node === undefined) return true;
    if (node.orgPrefix === undefined) node.orgPrefix = node.name === "" || isKnownOrgPrefixFolded(node.name);
    return node.orgPrefix;
  }

  /** True when the text of tokens i..j is longer than every known acronym (`knownOrg` then matches by folded name only). */
  longerThanAcronyms(i: number, j: number): boolean {
    return this.tokens[j].end - this.tokens[i].start > knownAcronymMaxLength();
  }

  /** Start token of `run`, or -1. */
  private runStart = -1;
  /** The interned folds of spans runStart..runStart + d at index d, as far as `foldedSpan` went (callers try several ends per start). */
  private readonly run: SpanNode[] = [];

  /**
   * `matchKnownOrganization(this.slice(i, j))` without slicing spans too long to be an acronym; a single
   * token's match is remembered on its `TextInfo`.
   */
  knownOrg(i: number, j: number): KnownOrgMatch | undefined {
    if (i === j) {
      const info = this.infos[i];
      if (info.knownOrg === undefined) info.knownOrg = matchKnownOrganizationFolded(info.text, info.name) ?? null;
      return info.knownOrg ?? undefined;
    }
    return this.longerThanAcronyms(i, j) ? this.knownOrgByName(i, j) : matchKnownOrganizationFolded(this.slice(i, j), this.foldedSpan(i, j));
  }

  /** Start offset of token i and end offset of token j (inclusive). */
  slice(i: number, j: number): string {
    return this.text.slice(this.tokens[i].start, this.tokens[j].end);
  }

  /** A candidate over tokens i..j (inclusive). */
  candidate(i: number, j: number, type: EntityType, rule: string, confidence: number, form: MentionForm = "name"): Candidate {
    return { start: this.tokens[i].start, end: this.tokens[j].end, type, rule, confidence, form, geo: undefined, attributes: undefined };
  }
}
