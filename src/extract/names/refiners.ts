import type { Candidate, NameContext } from "./context.js";
import { WORDS } from "./context.js";
import { nameThresholds } from "./thresholds.js";
import { foldName, isDemonym, isDemonymFolded, loadWordList, lookupCountry, lookupPlace, wordSet } from "../../lexicon/index.js";

/** A refiner: a named step that rewrites or filters the candidate list. */
export interface Refiner {
  rule: string;
  refine(ctx: NameContext, cands: Candidate[]): Candidate[];
}

const LEADING_THE = /^(?:the|The|THE)\s+/;
/** Regular expressions of the loops below, made once (a literal in a loop makes a new object per pass). */
const SPACE = /\s/;
const TITLE_WORD = /^(\p{Lu}[\p{L}]*\.?)\s+(?=\S)/u;
const OPEN_PAREN_BEFORE = /\s?\($/;
const NAME_START = /^[\p{Lu}\p{N}]|^(?:al|el)-\p{Lu}/u;

/** `cands.filter(keep)`, but `cands` itself when every candidate is kept (`keep` runs once per candidate). */
function keepWhere(cands: Candidate[], keep: (c: Candidate) => boolean): Candidate[] {
  let k = 0;
  while (k < cands.length && keep(cands[k])) k++;
  if (k === cands.length) return cands;
  const out = cands.slice(0, k);
  for (k++; k < cands.length; k++) if (keep(cands[k])) out.push(cands[k]);
  return out;
}

/** Longest list that `sortByStart` sorts by insertion (its cost grows with the square of the length). */
const INSERTION_SORT_MAX = 256;

/**
 * Sorts candidates by start offset in place, stably (as `Array.prototype.sort` with `a.start - b.start`
 * would); returns `cands`. Up to `INSERTION_SORT_MAX` candidates, an insertion sort (no comparator
 * calls; a document's candidates are a few runs already in order).
 */
export function sortByStart<T extends { start: number }>(cands: T[]): T[] {
  if (cands.length > INSERTION_SORT_MAX) return cands.sort((a, b) => a.start - b.start);
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k];
    let j = k - 1;
    if (cands[j].start <= c.start) continue;
    while (j >= 0 && cands[j].start > c.start) {
      cands[j + 1] = cands[j];
      j--;
    }
    cands[j + 1] = c;
  }
  return cands;
}

/** True when offset `start` begins a sentence of the document (the first word of its sentence). */
function startsSentence(ctx: NameContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  return i < 0 || ctx.sentenceInitial(i);
}

/**
 * "the Islamic State" → "Islamic State"; "ISIS'" / "SDF's" → "ISIS" / "SDF"; outer spaces dropped. A
 * tagger span keeps a capitalized "The" inside a sentence ("The Greens", "The Hague"): the tagger learned it.
 */
export const trimSpans: Refiner = {
  rule: "names/trim",
  refine(ctx, cands) {
    const text = ctx.text;
    for (const c of cands) {
      const first = text.charCodeAt(c.start);
      if (first === 116 || first === 84) {
        const s = text.slice(c.start, c.end);
        const lead = LEADING_THE.exec(s);
        const keepThe = c.rule === "tagger" && s.startsWith("The ") && !startsSentence(ctx, c.start);
        if (lead && lead[0].length < s.length && !keepThe) c.start += lead[0].length;
      }
      const tail = possessiveLength(text, c.start, c.end);
      if (tail < c.end - c.start) c.end -= tail;
      while (c.end > c.start && SPACE.test(text[c.end - 1])) c.end--;
      while (c.start < c.end && SPACE.test(text[c.start])) c.start++;
    }
    return keepWhere(cands, (c) => c.end > c.start);
  },
};

/** True for the apostrophes of a possessive: ' ’ ʼ. */
function apostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2bc;
}

/** Length in characters of a possessive ending `text[start, end)`, as `/['’ʼ][sS]?$/` matches it ("'", "'s", "’S"); 0 if none. */
function possessiveLength(text: string, start: number, end: number): number {
  if (end <= start) return 0;
  const last = text.charCodeAt(end - 1);
  if (apostrophe(last)) return 1;
  return (last === 115 || last === 83) && end - start >= 2 && apostrophe(text.charCodeAt(end - 2)) ? 2 : 0;
}

/**
 * "Colonel Hassan Hashi Mohamed": the person mention is the name; the title goes to attributes.title.
 * An honorific before a single name word stays ("Mullah Omar").
 */
export const attachTitles: Refiner = {
  rule: "names/title-attachment",
  refine(ctx, cands) {
    const titles = wordSet("person-titles");
    for (const c of cands) {
      if (c.type !== "person") continue;
      // a title word is the whole first token: a first token that is not one rules out every cut
      const first = ctx.tokenAt(c.start);
      if (first >= 0 && !ctx.is(first, WORDS["person-titles"])) continue;
      let s = ctx.text.slice(c.start, c.end);
      let cut = 0;
      for (;;) {
        const m = TITLE_WORD.exec(s.slice(cut));
        if (!m || !titles.has(foldName(m[1]))) break;
        cut += m[0].length;
      }
      if (cut === 0) continue;
      const title = s.slice(0, cut).trim();
      const lastTitle = title.split(/\s+/).pop() ?? "";
      if (!SPACE.test(s.slice(cut).trim()) && wordSet("title-part-of-name").has(foldName(lastTitle))) continue;
      c.start += cut;
      s = s.slice(cut);
      c.attributes = { ...c.attributes, title };
    }
    return cands;
  },
};

/** An acronym right after a name in parentheses ("Syrian Democratic Forces (SDF)") takes that name's type. */
export const typeAcronyms: Refiner = {
  rule: "names/acronym-typing",
  refine(ctx, cands) {
    /** Rule names (not acronyms) by end offset, built at the first parenthesized acronym (most documents have none). */
    let byEnd: Map<number, Candidate> | undefined;
    for (const c of cands) {
      if (c.rule !== "names/acronym") continue;
      const before = ctx.text.slice(Math.max(0, c.start - 3), c.start);
      const m = OPEN_PAREN_BEFORE.exec(before);
      if (!m || ctx.text[c.end] !== ")") continue;
      if (byEnd === undefined) {
        byEnd = new Map();
        for (const d of cands) if (d.form !== "acronym" && d.rule !== "tagger") byEnd.set(d.end, d);
      }
      const full = byEnd.get(c.start - m[0].length);
      if (!full) continue;
      c.type = full.type;
      c.confidence = 0.9;
    }
    return cands;
  },
};

/** Drops tagger spans that are lower-case, a lone common word or demonym, or below the confidence floor. */
export const filterTagger: Refiner = {
  rule: "names/tagger-filter",
  refine(ctx, cands) {
    const common = wordSet("common-words");
    const non = wordSet("non-names");
    const floor = nameThresholds().minConfidence;
    return keepWhere(cands, (c) => {
      if (c.rule !== "tagger") return true;
      const s = ctx.text.slice(c.start, c.end);
      if (!NAME_START.test(s)) return false;
      const oneWord = !SPACE.test(s);
      if (c.confidence < (oneWord ? floor.oneWord : floor.longer)) {
        ctx.unsureTagger.push(c);
        return false;
      }
      const lone = ctx.loneWordRange(c.start, c.end);
      if (lone !== undefined) return !lone;
      const f = ctx.foldedRange(c.start, c.end);
      if (!f.includes(" ") && (common.has(f) || non.has(f) || isDemonymFolded(f))) return false;
      return true;
    });
  },
};

/** Least length (offsets) of a `Coverage` buffer. */
const COVERAGE_MIN = 4096;
/** Longest `Coverage` buffer (offsets) that the next `reset` for a shorter text keeps. */
export const COVERAGE_KEEP_MAX = 1 << 20;

/**
 * Marks of covered text offsets, for linear-time overlap checks. One instance serves document after
 * document: `reset` starts a new generation instead of allocating and zeroing a buffer per document
 * (an offset is covered when its mark equals the current generation). The buffer (4 bytes per offset)
 * grows to the longest text met; one longer than `COVERAGE_KEEP_MAX` is dropped on the next `reset`.
 */
export class Coverage {
  private marks = new Uint32Array(0);
  private generation = 0;
  /** Clears every mark for a text of `length` characters; returns this. */
  reset(length: number): this {
    if (length > this.marks.length || this.marks.length > COVERAGE_KEEP_MAX) {
      this.marks = new Uint32Array(Math.max(length, COVERAGE_MIN));
      this.generation = 0;
    }
    if (this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 0;
    }
    this.generation++;
    return this;
  }
  /** Length (offsets) of the buffer kept between uses. */
  get capacity(): number {
    return this.marks.length;
  }
  free(c: { start: number; end: number }): boolean {
    const g = this.generation;
    for (let k = c.start; k < c.end; k++) if (this.marks[k] === g) return false;
    return true;
  }
  take(c: { start: number; end: number }): void {
    this.marks.fill(this.generation, c.start, c.end);
  }
}

/** Coverages of the refiners below (refiners do not nest, so each is in use by one call at a time). */
const overlapCover = new Coverage();
const strongCover = new Coverage();
const longWeakCover = new Coverage();
const shortCover = new Coverage();
const taggedCover = new Coverage();

/** Overlap priority: negative when `a` goes before `b` (longer, then more confident, then earlier, then by rule name). */
export function overlapPriority(a: Candidate, b: Candidate): number {
  return b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Length of the runs that `sortByPriority` sorts by insertion before merging. */
const PRIORITY_RUN = 8;

/**
 * Sorts candidates by `overlapPriority` in place, stably (as `Array.prototype.sort` with it would);
 * returns `cands`. A bottom-up merge sort over insertion-sorted runs, so that `overlapPriority` inlines
 * instead of being called back from the engine's sort for every comparison.
 */
export function sortByPriority(cands: Candidate[]): Candidate[] {
  const n = cands.length;
  for (let lo = 0; lo < n; lo += PRIORITY_RUN) {
    const hi = Math.min(lo + PRIORITY_RUN, n);
    for (let k = lo + 1; k < hi; k++) {
      const c = cands[k];
      let j = k - 1;
      while (j >= lo && overlapPriority(cands[j], c) > 0) {
        cands[j + 1] = cands[j];
        j--;
      }
      cands[j + 1] = c;
    }
  }
  if (n <= PRIORITY_RUN) return cands;
  let from = cands;
  let to = new Array<Candidate>(n);
  for (let width = PRIORITY_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) to[k] = a < mid && (b >= hi || overlapPriority(from[a], from[b]) <= 0) ? from[a++] : from[b++];
    }
    [from, to] = [to, from];
  }
  if (from !== cands) for (let k = 0; k < n; k++) cands[k] = from[k];
  return cands;
}

/**
 * Keeps non-overlapping candidates: rule candidates first (longest, then most confident, then earliest,
 * then rule name), then tagger candidates only where no rule candidate lies.
 */
export const removeOverlaps: Refiner = {
  rule: "names/overlap",
  refine(ctx, cands) {
    const rules: Candidate[] = [];
    const tagger: Candidate[] = [];
    for (const c of cands) (c.rule === "tagger" ? tagger : rules).push(c);
    sortByPriority(rules);
    sortByPriority(tagger);
    const kept: Candidate[] = [];
    const cover = overlapCover.reset(ctx.text.length);
    for (const group of [rules, tagger]) {
      for (const c of group) {
        if (!cover.free(c)) continue;
        cover.take(c);
        kept.push(c);
      }
    }
    return sortByStart(kept);
  },
};

/** Memo of `shortFormsOf` (names recur across documents); cleared past `SHORT_FORMS_MAX` entries. */
const shortFormMemo = new Map<string, readonly string[]>();
const SHORT_FORMS_MAX = 50_000;
const NISBA_PART = /^(?:al|el|ad|ar|as|ash|at|az|an)-(.+)$/i;
const UPPER_START = /^\p{Lu}/u;

/**
 * Folded forms by which the last word of a person's name may recur alone: "al-Adnani" gives "al adnani"
 * and "adnani", "Hadrami" gives "hadrami"; none for a lower-case or common word.
 */
function shortFormsOf(last: string): readonly string[] {
  let parts = shortFormMemo.get(last);
  if (parts === undefined) {
    const nisba = NISBA_PART.exec(last);
    const out: string[] = [];
    if (nisba) {
      out.push(foldName(last));
      const bare = foldName(nisba[1]);
      if (UPPER_START.test(nisba[1]) && bare.length > 3 && !isDemonym(bare) && !wordSet("common-words").has(bare)) out.push(bare);
    } else if (UPPER_START.test(last) && !wordSet("common-words").has(foldName(last))) out.push(foldName(last));
    parts = out;
    if (shortFormMemo.size >= SHORT_FORMS_MAX) shortFormMemo.clear();
    shortFormMemo.set(last, parts);
  }
  return parts;
}

/**
 * Finds later and earlier lone uses of a person's last name part ("al-Hadrami", "Al-Masri", "Adnani"
 * for "al-Adnani"); they
 * replace tagger spans and cue-less gazetteer hits on the same word ("Hayden" the person, not the town).
 */
export const shortForms: Refiner = {
  rule: "names/short-form",
  refine(ctx, cands) {
    const lastParts = new Set<string>();
    for (const c of cands) {
      if (c.type !== "person" || c.form !== "name") continue;
      const sp = ctx.text.lastIndexOf(" ", c.end - 1);
      if (sp < c.start) continue;
      for (const part of shortFormsOf(ctx.text.slice(sp + 1, c.end))) lastParts.add(part);
    }
    if (lastParts.size === 0) return cands;
    const weak = (c: Candidate) => c.rule === "tagger" || (c.rule === "names/gazetteer" && c.confidence < 0.9);
    const strong = strongCover.reset(ctx.text.length);
    for (const c of cands) if (!weak(c)) strong.take(c);
    /** Weak spans longer than one token ("William A. Wheeler" from the tagger): a short form never cuts them down. */
    const longWeak = longWeakCover.reset(ctx.text.length);
    for (const c of cands) {
      if (!weak(c)) continue;
      const i = ctx.tokenAt(c.start);
      if (i < 0 || ctx.tokens[i].end !== c.end) longWeak.take(c);
    }
    const added: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.nameWord(i) || !lastParts.has(ctx.foldedName(i))) continue;
      if (ctx.sameSentence(i, i + 1) && ctx.nameWord(i + 1)) continue;
      if (ctx.sameSentence(i - 1, i) && ctx.cap(i - 1) && !ctx.sentenceInitial(i - 1)) continue;
      const t = ctx.tokens[i];
      if (!strong.free(t) || !longWeak.free(t)) continue;
      added.push({ start: t.start, end: t.end, type: "person", rule: this.rule, confidence: 0.8, form: "short", geo: undefined, attributes: undefined });
    }
    const shorts = shortCover.reset(ctx.text.length);
    for (const a of added) shorts.take(a);
    const kept = cands.filter((c) => !weak(c) || shorts.free(c));
    for (const a of added) kept.push(a);
    return sortByStart(kept);
  },
};

/** Where the refiners' word lists live (outside data/lexicons, so the tagger's lexicon hash is unaffected). */
const EVIDENCE_FILE = "names/evidence.json";
let eventWords: { heads: ReadonlySet<string>; modifiers: ReadonlySet<string> } | undefined;

/** Event head words and their modifiers from `data/names/evidence.json`, loaded once. */
function eventLists(): { heads: ReadonlySet<string>; modifiers: ReadonlySet<string> } {
  eventWords ??= { heads: new Set(loadWordList(EVIDENCE_FILE, "eventHeads")), modifiers: new Set(loadWordList(EVIDENCE_FILE, "eventModifiers")) };
  return eventWords;
}

/** Characters after a place that `dropEventModifiers` reads. */
const EVENT_WINDOW = 40;
const WORDS_AFTER = /\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/uy;
const WORDS_AFTER_IN_WINDOW = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u;

/**
 * The one or two words right after offset `end`, read from `text[end, end + EVENT_WINDOW)`: matched in
 * place, and again on that window only when the match runs past it (a word cut at the window's end).
 */
function wordsAfter(text: string, end: number): RegExpExecArray | null {
  WORDS_AFTER.lastIndex = end;
  const m = WORDS_AFTER.exec(text);
  return m === null || m[0].length <= EVENT_WINDOW ? m : WORDS_AFTER_IN_WINDOW.exec(text.slice(end, end + EVENT_WINDOW));
}

/**
 * "the 2005 United Kingdom general election", "the United States presidential election": a rule place
 * directly before (modifiers plus) an event head word names part of an event, not a place; dropped.
 */
export const dropEventModifiers: Refiner = {
  rule: "names/event-modifier",
  refine(ctx, cands) {
    const { heads, modifiers } = eventLists();
    return keepWhere(cands, (c) => {
      if (c.type !== "place" || c.rule === "tagger") return true;
      const m = wordsAfter(ctx.text, c.end);
      if (!m) return true;
      const w1 = m[1].toLowerCase();
      const w2 = m[2]?.toLowerCase();
      return !(heads.has(w1) || (modifiers.has(w1) && w2 !== undefined && heads.has(w2)));
    });
  },
};

/** How much a rule's own evidence weighs against the tagger. */
export type Strength = "strong" | "weak";

/**
 * Rules whose evidence wins over the tagger: Arabic-name grammar, known organizations, country names,
 * cue-word places, titles, "the Iraqi government". Every other rule (bare gazetteer hits, given-name
 * guesses, unknown acronyms, capitalized cue-word sequences) is weak.
 */
const STRONG_RULES: ReadonlySet<string> = new Set([
  "names/arabic-kunya", "names/arabic-nasab", "names/given-nisba", "names/title-person", "names/known-organization",
  "names/arabic-org-prefix", "names/demonym-org", "names/country", "names/place-cue", "names/place-cue-after",
  "names/arabic-place-prefix",
]);

/** Rules whose span is a name by grammar or a list of known names: never cut back to a longer tagger span. */
const GRAMMAR_RULES: ReadonlySet<string> = new Set([
  "names/arabic-kunya", "names/arabic-nasab", "names/given-nisba", "names/known-organization", "names/arabic-org-prefix", "names/arabic-place-prefix",
]);

/** Weak rules whose type comes from a head word ("Nour Brigades"): on the tagger's very span, their type wins unless the tagger is sure. */
const TYPED_BY_CUE: ReadonlySet<string> = new Set(["names/org-cue", "names/org-lowercase-cue", "names/org-descriptor"]);

/** The strength of a rule candidate: a gazetteer hit is strong only with a context cue (confidence above the cue-less 0.8). */
export function ruleStrength(c: Candidate): Strength {
  if (c.rule === "names/gazetteer") return c.confidence > 0.8 ? "strong" : "weak";
  return STRONG_RULES.has(c.rule) ? "strong" : "weak";
}

/** True when span `a` holds span `b` (possibly equal). */
function contains(a: Candidate, b: Candidate): boolean {
  return a.start <= b.start && b.end <= a.end;
}

/**
 * True when tagger span `t` keeps the head of cue-typed organization `r` but cuts off a leading place or
 * demonym ("Deir ez-Zor Military Council" → "Military Council", "Aleppo City Council" → "City Council"):
 * a place before an organization cue names whose body it is, so the rule's longer name stands.
 */
function cutsPlaceModifier(text: string, t: Candidate, r: Candidate): boolean {
  if (r.type !== "organization" || !TYPED_BY_CUE.has(r.rule) || t.end !== r.end || t.start <= r.start) return false;
  const modifier = text.slice(r.start, t.start).trim();
  return modifier.length > 0 && (lookupPlace(modifier) !== undefined || lookupCountry(modifier) !== undefined);
}

/** The confidence tagger span `t` needs to overrule the weak rule candidate `r` (above 1: it cannot). */
function weakFloor(text: string, t: Candidate, r: Candidate): number {
  if (cutsPlaceModifier(text, t, r)) return Infinity;
  const { narrower, weak } = nameThresholds().overrule;
  return contains(r, t) && (r.start < t.start || t.end < r.end) ? narrower : weak;
}

/**
 * Adds to `dropped` each weak, not cue-typed rule candidate whose very span the tagger typed otherwise below
 * its confidence floor ("Carey" a person to the tagger, a place to the gazetteer): unsure evidence is no
 * mention of its own, but it is enough to doubt a weak rule.
 */
function dropContradicted(ctx: NameContext, cands: readonly Candidate[], dropped: Set<Candidate>): void {
  if (ctx.unsureTagger.length === 0) return;
  /** Unsure tagger spans by start offset; for one span, the last listed gives the type. */
  const unsureByStart = new Map<number, Candidate[]>();
  for (const u of ctx.unsureTagger) {
    const same = unsureByStart.get(u.start);
    if (same === undefined) unsureByStart.set(u.start, [u]);
    else same.push(u);
  }
  for (const r of cands) {
    if (r.rule === "tagger" || dropped.has(r) || TYPED_BY_CUE.has(r.rule) || ruleStrength(r) !== "weak") continue;
    const same = unsureByStart.get(r.start);
    if (same === undefined) continue;
    let type: Candidate["type"] | undefined;
    for (const u of same) if (u.end === r.end) type = u.type;
    if (type !== undefined && type !== r.type) dropped.add(r);
  }
}

/**
 * Settles rule–tagger overlaps by evidence strength. A weak rule candidate that overlaps a confident
 * tagger span with another boundary or type is dropped; so is a strong non-grammar one that the tagger
 * span strictly contains. Agreeing candidates (same span and type, or same span and a cue-word type) keep
 * the rule and list both sources. A weak rule that an unsure tagger span types otherwise is dropped too
 * (`dropContradicted`).
 * Every surviving candidate records `attributes.sources`; a tagger span that won records `overruled`.
 */
export const weighEvidence: Refiner = {
  rule: "names/evidence",
  refine(ctx, cands) {
    const { retype, contains: containsFloor } = nameThresholds().overrule;
    const tagger: Candidate[] = [];
    const rules: Candidate[] = [];
    for (const c of cands) (c.rule === "tagger" ? tagger : rules).push(c);
    sortByStart(tagger);
    if (tagger.length > 0) sortByStart(rules);
    const dropped = new Set<Candidate>();
    let from = 0;
    for (const r of rules) {
      while (from < tagger.length && tagger[from].end <= r.start) from++;
      for (let k = from; k < tagger.length && tagger[k].start < r.end; k++) {
        const t = tagger[k];
        if (t.end <= r.start) continue;
        const same = t.start === r.start && t.end === r.end;
        if (same && (t.type === r.type || (TYPED_BY_CUE.has(r.rule) && t.confidence < retype))) {
          r.attributes = r.attributes === undefined ? { sources: [r.rule, t.rule] } : { ...r.attributes, sources: [r.rule, t.rule] };
          dropped.add(t);
          continue;
        }
        const overrule = ruleStrength(r) === "weak" ? t.confidence >= weakFloor(ctx.text, t, r) : contains(t, r) && !GRAMMAR_RULES.has(r.rule) && t.confidence >= containsFloor;
        if (!overrule) continue;
        dropped.add(r);
        const over = (t.attributes?.overruled as string[] | undefined) ?? [];
        t.attributes = { ...t.attributes, overruled: [...over, r.rule] };
        break;
      }
    }
    dropContradicted(ctx, cands, dropped);
    const kept = keepWhere(cands, (c) => !dropped.has(c));
    for (const c of kept) {
      if (c.attributes === undefined) c.attributes = { sources: [c.rule] };
      else if (!c.attributes.sources) c.attributes.sources = [c.rule];
    }
    return kept;
  },
};

/** Least confidence of an acronym candidate that a definition typed ("Syrian Democratic Forces (SDF)"). */
const DEFINED_ACRONYM = 0.9;

/**
 * An unknown acronym ("LMAO", "RFP", "DVD") that no tagger span touches is dropped: all-caps words are
 * among the tagger's surest features, so its silence there is a "not a name". Acronyms defined in the
 * text ("(SDF)" after its name) stay, and so does every acronym when the tagger is not used.
 */
export const dropSilentAcronyms: Refiner = {
  rule: "names/silent-acronym",
  refine(ctx, cands) {
    if (!ctx.taggerUsed) return cands;
    const tagged = taggedCover.reset(ctx.text.length);
    for (const c of cands) if (c.rule === "tagger") tagged.take(c);
    return keepWhere(cands, (c) => c.rule !== "names/acronym" || c.confidence >= DEFINED_ACRONYM || !tagged.free(c));
  },
};

/** Refiners in order; overlap removal runs before short forms so short forms only fill gaps. */
export const REFINERS: readonly Refiner[] = [
  trimSpans, filterTagger, attachTitles, typeAcronyms, dropSilentAcronyms, dropEventModifiers, weighEvidence, removeOverlaps, shortForms,
];
