import type { Doc, EntityType, Relation, RelationType, Span, TimeRef } from "../../model.js";
import { claimFor } from "../claims/scope.js";

type Kinds = readonly EntityType[];
const P: Kinds = ["person"];
const O: Kinds = ["organization"];
const L: Kinds = ["place"];

/** Allowed subject and object entity types per relation type (spec: Relations). */
const SIGNATURE: Record<RelationType, { subject: Kinds; object: Kinds; symmetric?: boolean }> = {
  member_of: { subject: ["person", "organization"], object: O },
  leader_of: { subject: P, object: O },
  holds_position: { subject: P, object: ["organization", "place"] },
  part_of: { subject: O, object: O },
  splinter_of: { subject: O, object: O },
  allied_with: { subject: O, object: O, symmetric: true },
  opposed_to: { subject: O, object: O, symmetric: true },
  parent_of: { subject: P, object: P },
  child_of: { subject: P, object: P },
  sibling_of: { subject: P, object: P, symmetric: true },
  spouse_of: { subject: P, object: P, symmetric: true },
  relative_of: { subject: P, object: P, symmetric: true },
  located_in: { subject: L, object: L },
  associate_of: { subject: P, object: P, symmetric: true },
};

/** A relation a rule found, before deduplication. `evidence` is the stretch that states it. */
export interface Found {
  type: RelationType;
  subject: string;
  object: string;
  rule: string;
  evidence: Span;
  role?: string;
  status?: "current" | "former";
  time?: TimeRef;
}

/** One number per span [start, end): exact for offsets below 2^26 (64 Mi UTF-16 units, far beyond any article). */
function spanKey(start: number, end: number): number {
  return start * 0x4000000 + end;
}

/**
 * Collects relations: checks entity types against the spec, drops self-relations, and merges repeats of
 * one (type, subject, object) — symmetric types in either order — into one relation with all evidence.
 */
export class Emitter {
  readonly relations: Relation[] = [];
  private byKey = new Map<string, Relation>();
  /** `spanKey` of every evidence span per relation key (evidence lists can grow long in big documents). */
  private spans = new Map<string, Set<number>>();

  constructor(private readonly doc: Doc, private readonly typeOf: (entity: string) => EntityType | undefined) {}

  /** The relation already found for this key, if any. */
  get(type: RelationType, subject: string, object: string): Relation | undefined {
    return this.byKey.get(this.key(type, subject, object));
  }

  /** Adds a found relation; returns false when it breaks the spec's type signature. */
  add(f: Found): boolean {
    if (f.subject === f.object) return false;
    const sig = SIGNATURE[f.type];
    const st = this.typeOf(f.subject);
    const ot = this.typeOf(f.object);
    if (!st || !ot || !sig.subject.includes(st) || !sig.object.includes(ot)) return false;
    const key = this.key(f.type, f.subject, f.object);
    const old = this.byKey.get(key);
    const at = spanKey(f.evidence.start, f.evidence.end);
    if (old) {
      const seen = this.spans.get(key)!;
      if (!seen.has(at)) {
        seen.add(at);
        old.evidence.push(f.evidence);
      }
      old.time ??= f.time;
      old.role ??= f.role;
      old.status ??= f.status;
      return true;
    }
    const rel: Relation = {
      id: `r${this.relations.length + 1}`,
      type: f.type,
      subject: f.subject,
      object: f.object,
      evidence: [f.evidence],
      rule: f.rule,
    };
    if (f.role) rel.role = f.role;
    if (f.status) rel.status = f.status;
    if (f.time) rel.time = f.time;
    const claim = claimFor(this.doc, f.evidence.start, f.evidence.end);
    if (claim) rel.claim = claim;
    this.byKey.set(key, rel);
    this.spans.set(key, new Set([at]));
    this.relations.push(rel);
    return true;
  }

  /** Adds a relation no span states (gazetteer knowledge): empty evidence, `derived: true`. */
  addDerived(type: RelationType, subject: string, object: string, rule: string): void {
    if (subject === object || this.get(type, subject, object)) return;
    const rel: Relation = { id: `r${this.relations.length + 1}`, type, subject, object, evidence: [], derived: true, rule };
    const key = this.key(type, subject, object);
    this.byKey.set(key, rel);
    this.spans.set(key, new Set());
    this.relations.push(rel);
  }

  private key(type: RelationType, subject: string, object: string): string {
    if (type === "child_of") return `parent_of|${object}|${subject}`;
    if (SIGNATURE[type].symmetric && object < subject) return `${type}|${object}|${subject}`;
    return `${type}|${subject}|${object}`;
  }
}
