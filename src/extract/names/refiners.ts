import type { Candidate, NameContext } from "./context.js";
import { foldName, isDemonym, wordSet } from "../../lexicon/index.js";

/** A refiner: a named step that rewrites or filters the candidate list. */
export interface Refiner {
  rule: string;
  refine(ctx: NameContext, cands: Candidate[]): Candidate[];
}

const LEADING_THE = /^(?:the|The|THE)\s+/;
const POSSESSIVE = /(?:['’ʼ][sS]?)$/;

/** "the Islamic State" → "Islamic State"; "ISIS'" / "SDF's" → "ISIS" / "SDF"; outer spaces dropped. */
export const trimSpans: Refiner = {
  rule: "names/trim",
  refine(ctx, cands) {
    for (const c of cands) {
      let s = ctx.text.slice(c.start, c.end);
      const lead = LEADING_THE.exec(s);
      if (lead && lead[0].length < s.length) {
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

/** Least tagger confidence kept for a one-word and a longer span (the tagger's scores are margins in 0..1). */
export const TAGGER_MIN_CONFIDENCE = { oneWord: 0.3, longer: 0.15 } as const;

/** Drops tagger spans that are lower-case, a lone common word or demonym, or below the confidence floor. */
export const filterTagger: Refiner = {
  rule: "names/tagger-filter",
  refine(ctx, cands) {
    const common = wordSet("common-words");
    const non = wordSet("non-names");
    return cands.filter((c) => {
      if (c.rule !== "tagger") return true;
      const s = ctx.text.slice(c.start, c.end);
      if (!/^[\p{Lu}\p{N}]|^(?:al|el)-\p{Lu}/u.test(s)) return false;
      const f = foldName(s);
      const oneWord = !/\s/.test(s);
      if (c.confidence < (oneWord ? TAGGER_MIN_CONFIDENCE.oneWord : TAGGER_MIN_CONFIDENCE.longer)) return false;
      if (!f.includes(" ") && (common.has(f) || non.has(f) || isDemonym(s))) return false;
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
    const added: Candidate[] = [];
    for (let i = 0; i < ctx.length; i++) {
      if (!ctx.nameWord(i) || !lastParts.has(foldName(ctx.tokens[i].text))) continue;
      if (ctx.sameSentence(i, i + 1) && ctx.nameWord(i + 1)) continue;
      if (ctx.sameSentence(i - 1, i) && ctx.cap(i - 1) && !ctx.sentenceInitial(i - 1)) continue;
      const t = ctx.tokens[i];
      if (!strong.free(t)) continue;
      added.push({ start: t.start, end: t.end, type: "person", rule: this.rule, confidence: 0.8, form: "short" });
    }
    const shorts = new Coverage(ctx.text.length);
    for (const a of added) shorts.take(a);
    const kept = cands.filter((c) => !weak(c) || shorts.free(c));
    return [...kept, ...added].sort((a, b) => a.start - b.start);
  },
};

/** Refiners in order; overlap removal runs before short forms so short forms only fill gaps. */
export const REFINERS: readonly Refiner[] = [trimSpans, filterTagger, attachTitles, typeAcronyms, removeOverlaps, shortForms];
