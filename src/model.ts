/**
 * The one document type. `text` is frozen; every offset is a half-open UTF-16 index into it.
 * Stages add layers that point into the text by offset and never edit it. Everything is JSON-serialisable.
 */

export type EntityType = "person" | "organization" | "place";

/** A half-open UTF-16 range [start, end) with the text it quotes: `text === doc.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type Severity = "info" | "warning" | "error";

export interface Diagnostic {
  severity: Severity;
  message: string;
  rule?: string;
  span?: Span;
}

export type CreditRole = "author" | "translator" | "editor" | "translation-editor" | "photographer" | "other";

export interface Credit {
  role: CreditRole;
  name: string;
}

/** Article metadata as read (spec: `document`). */
export interface DocumentMeta {
  id: string;
  title: string | null;
  /** ISO 8601 prefix, e.g. "2018-05-03T05:32". */
  publishedAt: string | null;
  language: string;
  translatedFrom: string | null;
  credits: Credit[];
  source: { url?: string; outlet?: string; file?: string } | null;
}

/** Parts of the text the reader recognised. Extractors skip `boilerplate` and `credit` regions. */
export type RegionKind = "title" | "credit" | "dateline" | "boilerplate" | "body";

export interface Region {
  kind: RegionKind;
  start: number;
  end: number;
}

/** What a reader produces: the frozen text plus what it learned about it. */
export interface RawDocument {
  text: string;
  meta: DocumentMeta;
  regions: Region[];
  diagnostics: Diagnostic[];
}

export type TokenKind = "word" | "number" | "punct";

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  /** Index into `Doc.sentences`. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last token of the sentence in `Doc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

/** How a mention refers to its entity. */
export type MentionForm = "name" | "alias" | "short" | "acronym" | "pronoun" | "nominal";

/** A stretch of text that names (or refers to) a person, organization or place. */
export interface Mention {
  id: string;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Provenance: the recognizer or refiner that produced it, e.g. "names/arabic-kunya", "tagger". */
  rule: string;
  /** 0..1; refiners use it to settle conflicts. */
  confidence: number;
  form: MentionForm;
  /** Entity id, set by coreference. */
  entity?: string;
  /** Gazetteer record for places. */
  geo?: Geo;
  attributes?: Record<string, unknown>;
}

export interface Geo {
  lat?: number;
  lon?: number;
  countryCode?: string;
  geonameId?: number;
  featureClass?: string;
}

/** An alias statement: the text says `alias` is another name of `of` ("also known as", "(SDF)"). */
export interface AliasLink {
  /** Mention id of the main name. */
  of: string;
  /** Mention id of the other name. */
  alias: string;
  rule: string;
  evidence: Span;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: Span[];
  geo?: Geo;
  attributes?: Record<string, unknown>;
  canonicalId?: string;
}

export type Precision = "day" | "week" | "month" | "quarter" | "year" | "decade";

/** A resolved time expression (spec: `$defs/time`). `start`/`end` are ISO 8601 prefixes. */
export interface TimeExpr {
  text: string;
  span: Span;
  start: string;
  end: string;
  precision: Precision;
  approximate: boolean;
  relative: boolean;
  rule: string;
}

export type Qualifier = "exact" | "about" | "at_least" | "more_than" | "less_than" | "at_most";

/** A counted quantity: "more than 200 fighters". */
export interface Quantity {
  span: Span;
  value: number;
  qualifier: Qualifier;
  /** The counted noun as written ("fighters"), if any. */
  unit?: string;
  unitSpan?: Span;
  rule: string;
}

export type RelationType =
  | "member_of" | "leader_of" | "holds_position" | "part_of" | "splinter_of" | "allied_with" | "opposed_to"
  | "parent_of" | "child_of" | "sibling_of" | "spouse_of" | "relative_of" | "located_in" | "associate_of";

export interface Relation {
  id: string;
  type: RelationType;
  /** Entity ids. */
  subject: string;
  object: string;
  role?: string;
  status?: "current" | "former";
  time?: TimeRef;
  evidence: Span[];
  derived?: boolean;
  claim?: string;
  rule: string;
  attributes?: Record<string, unknown>;
}

/** A time as attached to a relation or event (spec: `$defs/time`). */
export interface TimeRef {
  text?: string;
  span?: Span;
  start: string;
  end: string;
  precision: Precision;
  approximate?: boolean;
  relative?: boolean;
}

export type EventType =
  | "armed_clash" | "attack" | "explosion" | "killing" | "arrest" | "defection" | "group_change" | "agreement"
  | "withdrawal" | "territory_change" | "military_operation" | "announcement" | "recruitment" | "protest" | "other";

export type ParticipantRole = "actor" | "target" | "victim" | "detainee" | "leader" | "member" | "party";

export interface EventCount {
  what: string;
  value: number;
  qualifier: Qualifier;
  span?: Span;
}

export interface NewsEvent {
  id: string;
  type: EventType;
  trigger: Span;
  time?: TimeRef;
  /** Entity ids of places. */
  places: string[];
  participants: { entity: string; role: ParticipantRole }[];
  counts: EventCount[];
  modality: "asserted" | "negated" | "hypothetical" | "attempted" | "planned";
  evidence: Span[];
  claim?: string;
  rule: string;
  attributes?: Record<string, unknown>;
  canonicalId?: string;
}

export type SourceKind = "anonymous" | "person" | "organization" | "media" | "document" | "author";
export type ClaimModality = "reported" | "claimed" | "confirmed" | "denied" | "alleged" | "accused";

export interface Claim {
  id: string;
  source: { text: string; kind: SourceKind; entity?: string; span?: Span };
  modality: ClaimModality;
  /** The reporting expression ("reported that", "according to"). */
  span?: Span;
  /** The stretches of text whose facts this claim supports (half-open offsets). */
  scope: { start: number; end: number }[];
  rule: string;
}

/** The working document: the frozen text and the layers the stages add. */
export interface Doc {
  readonly text: string;
  meta: DocumentMeta;
  regions: Region[];
  tokens: Token[];
  sentences: Sentence[];
  mentions: Mention[];
  aliasLinks: AliasLink[];
  entities: Entity[];
  times: TimeExpr[];
  quantities: Quantity[];
  claims: Claim[];
  relations: Relation[];
  events: NewsEvent[];
  diagnostics: Diagnostic[];
}

/** Makes a span that quotes the text exactly. */
export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
