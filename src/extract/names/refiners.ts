import type { Candidate, NameContext } from "./context.js";
import { nameThresholds } from "./thresholds.js";
import { foldName, isDemonym, isDemonymFolded, loadWordList, lookupCountry, lookupPlace, wordSet } from "../../lexicon/index.js";

/** A refiner: a named step that rewrites or filters the candidate list. */
export interface Refiner {
  rule: string;
  refine(ctx: NameContext, cands: Candidate[]): Candidate[];
}

const LEADING_THE = /^(?:the|The|THE)\s+/;
const POSSESSIVE = /(?:['’ʼ][sS]?)$/;

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
    for (const c of cands) {
      let s = ctx.text.slice(c.start, c.end);
      const lead = LEADING_THE.exec(s);
      const keepThe = c.rule === "tagger" && s.startsWith("The ") && !startsSentence(ctx, c.start);
      if (lead && lead[0].length < s.length && !keepThe) {
        c.start += lead[0].length;
        s = s.slice(lead[0].length);
      }
      const tail = POSSESSIVE.exec(s);
      if (tail && tail[0].length < s.length) c.end -= tail[0].length;
      while (c.end > c.start && /\s/.test(ctx.text[c.end - 1])) c.end--;
      while (c.start < c.end && /\s/.test(ctx.text[c.start])) c.start++;
    }
    return cands.filter((c) => c.end > c.start);
  },
};

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
      let s = ctx.text.slice(c.start, c.end);
      let cut = 0;
      for (;;) {
        const m = /^(\p{Lu}[\p{L}]*\.?)\s+(?=\S)/u.exec(s.slice(cut));
        if (!m || !titles.has(foldName(m[1]))) break;
        cut += m[0].length;
      }
      if (cut === 0) continue;
      const title = s.slice(0, cut).trim();
      const lastTitle = title.split(/\s+/).pop() ?? "";
      if (!/\s/.test(s.slice(cut).trim()) && wordSet("title-part-of-name").has(foldName(lastTitle))) continue;
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
    const byEnd = new Map<number, Candidate>();
    for (const c of cands) if (c.form !== "acronym" && c.rule !== "tagger") byEnd.set(c.end, c);
    for (const c of cands) {
      if (c.rule !== "names/acronym") continue;
      const before = ctx.text.slice(Math.max(0, c.start - 3), c.start);
      const m = /\s?\($/.exec(before);
      if (!m || ctx.text[c.end] !== ")") continue;
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
    return cands.filter((c) => {
      if (c.rule !== "tagger") return true;
      const s = ctx.text.slice(c.start, c.end);
      if (!/^[\p{Lu}\p{N}]|^(?:al|el)-\p{Lu}/u.test(s)) return false;
      const oneWord = !/\s/.test(s);
      if (c.confidence < (oneWord ? floor.oneWord : floor.longer)) return false;
      const f = ctx.foldedRange(c.start, c.end);
      if (!f.includes(" ") && (common.has(f) || non.has(f) || isDemonymFolded(f))) return false;
      return true;
    });
  },
};

/** Marks of covered text offsets, for linear-time overlap checks. */
class Coverage {
  private readonly marks: Uint8Array;
  constructor(length: number) {
    this.marks = new Uint8Array(length);
  }
  free(c: { start: number; end: number }): boolean {
    for (let k = c.start; k < c.end; k++) if (this.marks[k]) return false;
    return true;
  }
  take(c: { start: number; end: number }): void {
    this.marks.fill(1, c.start, c.end);
  }
}

/**
 * Keeps non-overlapping candidates: rule candidates first (longest, then most confident, then earliest,
 * then rule name), then tagger candidates only where no rule candidate lies.
 */
export const removeOverlaps: Refiner = {
  rule: "names/overlap",
  refine(ctx, cands) {
    const order = (a: Candidate, b: Candidate) =>
      b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
    const rules = cands.filter((c) => c.rule !== "tagger").sort(order);
    const tagger = cands.filter((c) => c.rule === "tagger").sort(order);
    const kept: Candidate[] = [];
    const cover = new Coverage(ctx.text.length);
    for (const c of [...rules, ...tagger]) {
      if (!cover.free(c)) continue;
      cover.take(c);
      kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start);
  },
};

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
      const s = ctx.text.slice(c.start, c.end);
      const sp = s.lastIndexOf(" ");
      if (sp < 0) continue;
      const last = s.slice(sp + 1);
      const nisba = /^(?:al|el|ad|ar|as|ash|at|az|an)-(.+)$/i.exec(last);
      if (nisba) {
        lastParts.add(foldName(last));
        const bare = foldName(nisba[1]);
        if (/^\p{Lu}/u.test(nisba[1]) && bare.length > 3 && !isDemonym(bare) && !wordSet("common-words").has(bare)) lastParts.add(bare);
      } else if (/^\p{Lu}/u.test(last) && !wordSet("common-words").has(foldName(last))) lastParts.add(foldName(last));
    }
    if (lastParts.size === 0) return cands;
    const weak = (c: Candidate) => c.rule === "tagger" || (c.rule === "names/gazetteer" && c.confidence < 0.9);
    const strong = new Coverage(ctx.text.length);
    for (const c of cands) if (!weak(c)) strong.take(c);
    /** Weak spans longer than one token ("William A. Wheeler" from the tagger): a short form never cuts them down. */
    const longWeak = new Coverage(ctx.text.length);
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
      added.push({ start: t.start, end: t.end, type: "person", rule: this.rule, confidence: 0.8, form: "short" });
    }
    const shorts = new Coverage(ctx.text.length);
    for (const a of added) shorts.take(a);
    const kept = cands.filter((c) => !weak(c) || shorts.free(c));
    return [...kept, ...added].sort((a, b) => a.start - b.start);
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

/**
 * "the 2005 United Kingdom general election", "the United States presidential election": a rule place
 * directly before (modifiers plus) an event head word names part of an event, not a place; dropped.
 */
export const dropEventModifiers: Refiner = {
  rule: "names/event-modifier",
  refine(ctx, cands) {
    const { heads, modifiers } = eventLists();
    const after = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u;
    return cands.filter((c) => {
      if (c.type !== "place" || c.rule === "tagger") return true;
      const m = after.exec(ctx.text.slice(c.end, c.end + 40));
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
 * Settles rule–tagger overlaps by evidence strength. A weak rule candidate that overlaps a confident
 * tagger span with another boundary or type is dropped; so is a strong non-grammar one that the tagger
 * span strictly contains. Agreeing candidates (same span and type, or same span and a cue-word type) keep
 * the rule and list both sources.
 * Every surviving candidate records `attributes.sources`; a tagger span that won records `overruled`.
 */
export const weighEvidence: Refiner = {
  rule: "names/evidence",
  refine(ctx, cands) {
    const { retype, contains: containsFloor } = nameThresholds().overrule;
    const tagger = cands.filter((c) => c.rule === "tagger").sort((a, b) => a.start - b.start);
    const dropped = new Set<Candidate>();
    let from = 0;
    const rules = cands.filter((c) => c.rule !== "tagger").sort((a, b) => a.start - b.start);
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
    const kept = cands.filter((c) => !dropped.has(c));
    for (const c of kept) {
      if (c.attributes === undefined) c.attributes = { sources: [c.rule] };
      else if (!c.attributes.sources) c.attributes = { ...c.attributes, sources: [c.rule] };
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
    const tagged = new Coverage(ctx.text.length);
    for (const c of cands) if (c.rule === "tagger") tagged.take(c);
    return cands.filter((c) => c.rule !== "names/acronym" || c.confidence >= DEFINED_ACRONYM || !tagged.free(c));
  },
};

/** Refiners in order; overlap removal runs before short forms so short forms only fill gaps. */
export const REFINERS: readonly Refiner[] = [
  trimSpans, filterTagger, attachTitles, typeAcronyms, dropSilentAcronyms, dropEventModifiers, weighEvidence, removeOverlaps, shortForms,
];
