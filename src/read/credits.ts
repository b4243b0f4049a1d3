/**
 * Credit lines: "By X and Y", "TranslationEditor: X |", "Reporting by X in Amman; Editing by Y",
 * "(Reporting by X)", and the "Outlet – Author" layout. A line counts only when every part of it is
 * a labelled list of names, so ordinary sentences are left alone. Labels come from
 * `data/lexicons/credits.json`. A generic byline ("By Staff reporter") makes a credit line with no
 * credit, since it names no person.
 */
import type { Credit } from "../model.js";
import { creditCues, readerCues } from "./cues.js";

export interface CreditLine {
  credits: Credit[];
  /** The outlet named by an "Outlet – Author" line. */
  outlet?: string;
  /** Provenance of the rule that read the line. */
  rule: "credits/labelled" | "credits/outlet-author";
}

/** Longest plausible credited name, in characters. */
const MAX_NAME = 60;
/** Most words in a credited name ("Abou Abdul Rahman al-Deir Zori" has 5). */
const MAX_WORDS = 6;

const UPPER_START = /^[\p{Lu}][\p{L}\p{M}'’.\-]*$/u;
const CASELESS = /^[\p{L}\p{M}'’\-]+$/u;
const HAS_CASE = /[\p{Lu}\p{Ll}]/u;

/** True when `s` looks like one person's name as bylines write it. */
export function isCreditName(s: string): boolean {
  if (!s || s.length > MAX_NAME) return false;
  const words = s.split(/\s+/);
  if (words.length > MAX_WORDS) return false;
  const { nameParticles } = creditCues();
  const { weekdays, months } = readerCues();
  let named = 0;
  for (const w of words) {
    const lower = w.toLowerCase();
    if (nameParticles.has(lower)) continue;
    const dash = lower.indexOf("-");
    if (dash > 0 && nameParticles.has(lower.slice(0, dash)) && UPPER_START.test(w.slice(dash + 1))) {
      named++;
      continue;
    }
    if (UPPER_START.test(w) || (CASELESS.test(w) && !HAS_CASE.test(w))) {
      if (weekdays.has(lower.replace(/[.,]$/, "")) || months.has(lower.replace(/[.,]$/, ""))) return false;
      named++;
      continue;
    }
    return false;
  }
  return named > 0;
}

/** Splits "X, Y and Z" into names; drops a trailing " in Place" ("X in Amman"). */
function splitNames(rest: string): string[] {
  return rest
    .split(/\s*(?:,|&|\band\b|\bwith\b)\s*/)
    .map((n) => n.replace(/\s+in\s+\p{Lu}[\p{L}\s\-']*$/u, "").replace(/[\s.:,|]+$/, "").trim())
    .filter((n) => n.length > 0);
}

function labelled(segment: string): Credit[] | null {
  const cues = creditCues();
  const lower = segment.toLowerCase();
  for (const l of cues.labels) {
    if (!lower.startsWith(l.label)) continue;
    const after = segment.slice(l.label.length);
    const sep = /^\s*:\s*|^\s+/.exec(after);
    if (!sep || (l.colon && !sep[0].includes(":"))) continue;
    const rest = after.slice(sep[0].length).trim();
    if (!rest) return null;
    if (cues.genericBylines.has(rest.toLowerCase().replace(/[.]$/, ""))) return [];
    const names = splitNames(rest);
    if (names.length === 0 || !names.every(isCreditName)) return null;
    return names.map((name) => ({ role: l.role, name }));
  }
  return null;
}

/** The non-empty parts of `t` between "|" and ";" separators (trimmed at them); no regex when there is none. */
function splitSegments(t: string): string[] {
  if (!t.includes("|") && !t.includes(";")) return t ? [t] : [];
  return t.split(/\s*[|;]\s*/).filter((s) => s.length > 0);
}

/**
 * Reads a whole line as credits, or returns null. `outletAuthor` allows the "Outlet – Author"
 * layout (only safe below a headline).
 */
export function parseCreditLine(line: string, outletAuthor = false): CreditLine | null {
  let t = line.trim();
  if (!t || t.length > 300) return null;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) t = paren[1].trim();
  const segments = splitSegments(t);
  if (segments.length > 0) {
    const credits: Credit[] = [];
    let ok = true;
    for (const seg of segments) {
      const got = labelled(seg);
      if (!got) {
        ok = false;
        break;
      }
      credits.push(...got);
    }
    if (ok) return { credits: dedupe(credits), rule: "credits/labelled" };
  }
  if (outletAuthor && !paren) {
    const m = /^(.+?)\s+[–—-]\s+(.+)$/.exec(t);
    if (m && m[1].split(/\s+/).length <= 4 && isCreditName(m[1]) && isCreditName(m[2]) && m[2].split(/\s+/).length <= 4) {
      return { credits: [{ role: "author", name: m[2] }], outlet: m[1], rule: "credits/outlet-author" };
    }
  }
  return null;
}

/** Removes repeated (role, name) pairs, keeping the first. */
export function dedupe(credits: Credit[]): Credit[] {
  const seen = new Set<string>();
  return credits.filter((c) => {
    const k = `${c.role}\u0000${c.name.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
