import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { findClaims } from "../../../src/extract/claims/index.js";
import { findEvents } from "../../../src/extract/events/index.js";
import type { Doc, NewsEvent } from "../../../src/model.js";
import { makeDoc, type DocSpec } from "./make-doc.js";

function run(text: string, spec?: DocSpec): Doc {
  const doc = makeDoc(text, spec);
  findClaims(doc);
  findEvents(doc);
  for (const e of doc.events) {
    for (const s of [e.trigger, ...e.evidence, ...e.counts.flatMap((c) => (c.span ? [c.span] : []))]) {
      assert.equal(doc.text.slice(s.start, s.end), s.text);
    }
  }
  return doc;
}

const roles = (e: NewsEvent) => Object.fromEntries(e.participants.map((p) => [p.entity, p.role]));
const counts = (e: NewsEvent) => e.counts.map((c) => `${c.what}=${c.value}`);

interface Case {
  name: string;
  text: string;
  spec?: DocSpec;
  /** Expected events in order, each checked on the fields given. */
  want: {
    type: string;
    trigger?: string;
    roles?: Record<string, string>;
    /** Entities that must not be participants. */
    absent?: string[];
    places?: string[];
    time?: string;
    counts?: string[];
    modality?: string;
  }[];
}

const ORG = "organization" as const;
const PER = "person" as const;
const PLACE = "place" as const;

const TRIGGERS: Case[] = [
  {
    name: "arrest: actor, detainee, place and time",
    text: "Police arrested Ahmad Saleh in Hajin on Sunday.",
    spec: {
      mentions: [{ at: "Police", type: ORG }, { at: "Ahmad Saleh", type: PER }, { at: "Hajin", type: PLACE }],
      times: [{ at: "on Sunday", start: "2021-03-14" }],
    },
    want: [{ type: "arrest", trigger: "arrested", roles: { Police: "actor", "Ahmad Saleh": "detainee" }, places: ["Hajin"], time: "2021-03-14" }],
  },
  {
    name: "arrest: passive subject count",
    text: "Twelve fighters were arrested in Hajin.",
    spec: { mentions: [{ at: "Hajin", type: PLACE }], quantities: [{ at: "Twelve fighters", value: 12, unit: "fighters" }] },
    want: [{ type: "arrest", counts: ["arrested=12"], places: ["Hajin"] }],
  },
  {
    name: "a clash with casualties is one armed_clash holding the killed count",
    text: "ISIS clashed with the rebels in Hajin, killing four others.",
    spec: {
      mentions: [{ at: "ISIS", type: ORG }, { at: "rebels", type: ORG }, { at: "Hajin", type: PLACE }],
      quantities: [{ at: "four others", value: 4, unit: "others" }],
    },
    want: [{ type: "armed_clash", trigger: "clashed", roles: { ISIS: "actor", rebels: "party" }, places: ["Hajin"], counts: ["killed=4"] }],
  },
  {
    name: "clash, arrest and killing in one sentence: the arrest stays apart, its object count is 'arrested'",
    text: "ISIS clashed with the rebels in Hajin, arresting their leader and about 65 more members and killing four others.",
    spec: {
      mentions: [{ at: "ISIS", type: ORG }, { at: "rebels", type: ORG }, { at: "Hajin", type: PLACE }],
      quantities: [{ at: "about 65 more members", value: 65, qualifier: "about", unit: "members" }, { at: "four others", value: 4, unit: "others" }],
    },
    want: [
      { type: "armed_clash", counts: ["killed=4"] },
      { type: "arrest", trigger: "arresting", roles: { ISIS: "actor" }, counts: ["arrested=65"] },
    ],
  },
  {
    name: "passive subject: the head is the detainee, an organization in its apposition is not",
    text: "Abu Omar, a commander of the rival Liwa al-Qadisiya, was arrested at a checkpoint in Mayadin.",
    spec: { mentions: [{ at: "Abu Omar", type: PER }, { at: "Liwa al-Qadisiya", type: ORG }, { at: "Mayadin", type: PLACE }] },
    want: [{ type: "arrest", roles: { "Abu Omar": "detainee" }, absent: ["Liwa al-Qadisiya"], places: ["Mayadin"] }],
  },
  {
    name: "passive subject: 'members of X' makes X the victim",
    text: "Nine members of the Nour Brigades were killed in Mayadin.",
    spec: { mentions: [{ at: "Nour Brigades", type: ORG }, { at: "Mayadin", type: PLACE }], quantities: [{ at: "Nine members", value: 9, unit: "members" }] },
    want: [{ type: "killing", roles: { "Nour Brigades": "victim" }, counts: ["killed=9"] }],
  },
  {
    name: "captured + place is a territory change",
    text: "The rebels captured Raqqa in June.",
    spec: { mentions: [{ at: "rebels", type: ORG }, { at: "Raqqa", type: PLACE }] },
    want: [{ type: "territory_change", places: ["Raqqa"], roles: { rebels: "actor" } }],
  },
  {
    name: "captured + person is an arrest",
    text: "The rebels captured Ahmad Saleh near Raqqa.",
    spec: { mentions: [{ at: "rebels", type: ORG }, { at: "Ahmad Saleh", type: PER }, { at: "Raqqa", type: PLACE }] },
    want: [{ type: "arrest", roles: { rebels: "actor", "Ahmad Saleh": "detainee" } }],
  },
  {
    name: "lost control of a place",
    text: "Over the last year, ISIS lost control of Raqqa.",
    spec: { mentions: [{ at: "ISIS", type: ORG }, { at: "Raqqa", type: PLACE }], times: [{ at: "Over the last year", start: "2017-05", end: "2018-05", precision: "year" }] },
    want: [{ type: "territory_change", trigger: "lost control", roles: { ISIS: "actor" }, places: ["Raqqa"], time: "2017-05" }],
  },
  {
    name: "defection led by X, counts from the next sentence",
    text: "The defection began in Hajin, led by Ahmad Saleh. About 80 fighters followed him; the group soon grew to more than 200 fighters.",
    spec: {
      mentions: [{ at: "Hajin", type: PLACE }, { at: "Ahmad Saleh", type: PER }],
      quantities: [{ at: "About 80 fighters", value: 80, qualifier: "about", unit: "fighters" }, { at: "more than 200 fighters", value: 200, qualifier: "more_than", unit: "fighters" }],
    },
    want: [{ type: "defection", roles: { "Ahmad Saleh": "leader" }, places: ["Hajin"], counts: ["fighters=80", "fighters=200"] }],
  },
  {
    name: "split + announced a new faction is one group change",
    text: "A group of about 40 fighters has split from the Nour Brigades and announced a new faction called Saraya al-Fath.",
    spec: {
      mentions: [{ at: "Nour Brigades", type: ORG }, { at: "Saraya al-Fath", type: ORG }],
      quantities: [{ at: "about 40 fighters", value: 40, qualifier: "about", unit: "fighters" }],
    },
    want: [{ type: "group_change", trigger: "split", roles: { "Nour Brigades": "party" }, counts: ["fighters=40"] }],
  },
  {
    name: "launched a military operation",
    text: "The International Coalition has launched a military operation on Raqqa.",
    spec: { mentions: [{ at: "International Coalition", type: ORG }, { at: "Raqqa", type: PLACE }] },
    want: [{ type: "military_operation", trigger: "launched a military operation", roles: { "International Coalition": "actor" } }],
  },
  {
    name: "an explosion noun",
    text: "A car bomb exploded near the market in Azaz.",
    spec: { mentions: [{ at: "Azaz", type: PLACE }] },
    want: [{ type: "explosion", trigger: "car bomb", places: ["Azaz"] }],
  },
  {
    name: "a hyphenated compound is read by its parts",
    text: "Ahmad Saleh led the storming-and-controlling of Mosul.",
    spec: { mentions: [{ at: "Ahmad Saleh", type: PER }, { at: "Mosul", type: PLACE }] },
    want: [{ type: "attack", trigger: "storming", places: ["Mosul"] }],
  },
  {
    name: "released: count of the released",
    text: "The council released four of the detained fighters.",
    spec: { mentions: [{ at: "council", type: ORG }], quantities: [{ at: "four", value: 4 }] },
    want: [{ type: "other", trigger: "released", roles: { council: "actor" }, counts: ["released=4"] }],
  },
  {
    name: "relative clause: the antecedent is the detainee",
    text: "He had a daughter called Shaimaa, who is now detained in Baghdad.",
    spec: { mentions: [{ at: "Shaimaa", type: PER }, { at: "Baghdad", type: PLACE }] },
    want: [{ type: "arrest", roles: { Shaimaa: "detainee" }, places: ["Baghdad"] }],
  },
];

const MODALITY: Case[] = [
  { name: "negated", text: "ISIS did not attack Hajin.", spec: { mentions: [{ at: "ISIS", type: ORG }, { at: "Hajin", type: PLACE }] }, want: [{ type: "attack", modality: "negated" }] },
  {
    name: "attempted",
    text: "The leaders attempted to conclude another agreement with Russia.",
    spec: { mentions: [{ at: "Russia", type: PLACE }] },
    want: [{ type: "agreement", modality: "attempted", places: ["Russia"] }],
  },
  { name: "planned", text: "ISIS will attack Hajin soon.", spec: { mentions: [{ at: "ISIS", type: ORG }, { at: "Hajin", type: PLACE }] }, want: [{ type: "attack", modality: "planned" }] },
  { name: "hypothetical", text: "If ISIS attacked Hajin, the town would fall.", spec: { mentions: [{ at: "ISIS", type: ORG }, { at: "Hajin", type: PLACE }] }, want: [{ type: "attack", modality: "hypothetical" }] },
  { name: "asserted by default", text: "ISIS attacked Hajin.", spec: { mentions: [{ at: "ISIS", type: ORG }, { at: "Hajin", type: PLACE }] }, want: [{ type: "attack", modality: "asserted" }] },
];

const MERGING: Case[] = [
  {
    name: "an anaphoric noun refers back to the event",
    text: "Fighters defected from ISIS in Hajin. Later, ISIS was not able to suppress this defection.",
    spec: { mentions: [{ at: "ISIS", type: ORG }, { at: "Hajin", type: PLACE }] },
    want: [{ type: "defection", trigger: "defected", modality: "asserted" }],
  },
  {
    name: "the same type in the next sentence with shared participants",
    text: "ISIS moved to detain the leaders. Soon, ISIS arrested Ahmad Saleh in Hajin.",
    spec: { mentions: [{ at: "ISIS", type: ORG }, { at: "ISIS", type: ORG, after: "Soon" }, { at: "Ahmad Saleh", type: PER }, { at: "Hajin", type: PLACE }] },
    want: [{ type: "arrest", trigger: "detain", roles: { ISIS: "actor", "Ahmad Saleh": "detainee" }, places: ["Hajin"] }],
  },
  {
    name: "the same count of the same type two sentences later",
    text: "Twelve fighters were arrested in Hajin. The leader vowed revenge. Activists said the tribe detained the 12 fighters near the river.",
    spec: {
      mentions: [{ at: "Hajin", type: PLACE }],
      quantities: [{ at: "Twelve fighters", value: 12, unit: "fighters" }, { at: "12 fighters", value: 12, unit: "fighters" }],
    },
    want: [{ type: "arrest", counts: ["arrested=12"] }],
  },
  {
    name: "an indefinite noun is a new event",
    text: "The leaders agreed with the SDF to withdraw. The leaders attempted to conclude another agreement with Russia.",
    spec: { mentions: [{ at: "SDF", type: ORG }, { at: "Russia", type: PLACE }] },
    want: [{ type: "agreement", roles: { SDF: "party" } }, { type: "agreement", modality: "attempted" }],
  },
  {
    name: "an agreement's infinitive content joins it",
    text: "The leaders agreed with the SDF to withdraw from Raqqa.",
    spec: { mentions: [{ at: "SDF", type: ORG }, { at: "Raqqa", type: PLACE }] },
    want: [{ type: "agreement", places: ["Raqqa"], roles: { SDF: "party" } }],
  },
  {
    name: "an announced plan is one announcement event",
    text: "Two days ago, the SDF announced that it would resume its attack against ISIS.",
    spec: { mentions: [{ at: "SDF", type: ORG }, { at: "ISIS", type: ORG }], times: [{ at: "Two days ago", start: "2018-05-01" }] },
    want: [{ type: "announcement", roles: { SDF: "actor", ISIS: "target" }, time: "2018-05-01" }],
  },
  {
    name: "two announcements by different actors stay apart",
    text: "The government announced victory over ISIS. The SDF announced that it would resume its attack.",
    spec: { mentions: [{ at: "government", type: ORG }, { at: "ISIS", type: ORG }, { at: "SDF", type: ORG }] },
    want: [{ type: "announcement", roles: { government: "actor" } }, { type: "announcement", roles: { SDF: "actor" } }],
  },
  {
    name: "'the fighting' refers back to a killing nearby",
    text: "Nine members were killed in Mayadin. The commander was not present during the fighting.",
    spec: { mentions: [{ at: "Mayadin", type: PLACE }], quantities: [{ at: "Nine members", value: 9, unit: "members" }] },
    want: [{ type: "killing", counts: ["killed=9"] }],
  },
  {
    name: "the wounded of a strike are its counts",
    text: "An airstrike hit a market in Azaz, wounding two civilians.",
    spec: { mentions: [{ at: "Azaz", type: PLACE }], quantities: [{ at: "two civilians", value: 2, unit: "civilians" }] },
    want: [{ type: "explosion", trigger: "airstrike", places: ["Azaz"], counts: ["wounded=2"] }],
  },
  {
    name: "'the attack' refers back to a strike told just before",
    text: "A drone strike hit a car near Qamishli. The SDF said that it would respond to the attack.",
    spec: { mentions: [{ at: "Qamishli", type: PLACE }, { at: "SDF", type: ORG }] },
    want: [{ type: "explosion", trigger: "drone strike", modality: "asserted" }],
  },
  {
    name: "an anaphoric noun with a place of its own is another event",
    text: "Police arrested five men in Kirkuk. Residents protested in Deraa against the arrest of a local activist.",
    spec: { mentions: [{ at: "Kirkuk", type: PLACE }, { at: "Deraa", type: PLACE }] },
    want: [{ type: "arrest", places: ["Kirkuk"] }, { type: "protest" }, { type: "arrest", places: ["Deraa"] }],
  },
];

const NEGATIVES: Case[] = [
  { name: "an adjectival participle", text: "The council released none of the detained fighters' names.", want: [{ type: "other" }] },
  { name: "an arrest warrant", text: "A court issued an arrest warrant for the commander.", want: [] },
  { name: "a generic noun after 'every'", text: "His group would respond to every attack.", want: [] },
  { name: "a non-happening", text: "ISIS tries not to clash with the remaining fighters.", spec: { mentions: [{ at: "ISIS", type: ORG }] }, want: [] },
  { name: "a killing without a victim", text: "This group believes that the faith has died in its leaders.", want: [] },
  { name: "verbal 'fighting' is an activity, not a clash", text: "ISIS was busy fighting the SDF.", spec: { mentions: [{ at: "ISIS", type: ORG }, { at: "SDF", type: ORG }] }, want: [] },
  { name: "a trigger word inside a proper name", text: "The Free Syrian Army entered Afrin.", want: [] },
  { name: "a heading", text: "ISIS arrests leaders\n\nThe town was calm.", want: [] },
  { name: "a title region", text: "Deadly clash in Hajin\n\nThe town was calm.", spec: { regions: [{ kind: "title", start: 0, end: 21 }] }, want: [] },
  { name: "seized without a place", text: "They seized their property.", want: [] },
];

function check(c: Case): void {
  const doc = run(c.text, c.spec);
  assert.equal(doc.events.length, c.want.length, JSON.stringify(doc.events.map((e) => `${e.type}:${e.trigger.text}`)));
  c.want.forEach((w, i) => {
    const e = doc.events[i];
    assert.equal(e.type, w.type);
    if (w.trigger) assert.equal(e.trigger.text, w.trigger);
    if (w.roles) for (const [entity, role] of Object.entries(w.roles)) assert.equal(roles(e)[entity], role, `${entity} in ${JSON.stringify(e.participants)}`);
    for (const entity of w.absent ?? []) assert.equal(roles(e)[entity], undefined, `${entity} should not take part`);
    if (w.places) assert.deepEqual(e.places, w.places);
    if (w.time) assert.equal(e.time?.start, w.time);
    if (w.counts) assert.deepEqual(counts(e), w.counts);
    if (w.modality) assert.equal(e.modality, w.modality);
  });
}

for (const [title, cases] of [["trigger classes and arguments", TRIGGERS], ["modality", MODALITY], ["merging", MERGING], ["negatives", NEGATIVES]] as const) {
  describe(`findEvents: ${title}`, () => {
    for (const c of cases) it(c.name, () => check(c));
  });
}

describe("findEvents: provenance", () => {
  it("links the claim that covers the trigger and records the rule and evidence", () => {
    const doc = run("A source from ISIS said that ISIS clashed with the rebels in Hajin.", {
      mentions: [{ at: "ISIS", type: ORG, after: "that" }, { at: "rebels", type: ORG }, { at: "Hajin", type: PLACE }],
    });
    assert.equal(doc.events.length, 1);
    const e = doc.events[0];
    assert.equal(doc.claims.find((c) => c.id === e.claim)?.source.text, "A source from ISIS");
    assert.equal(e.rule, "events/trigger-lexicon");
    assert.equal(e.evidence[0].text, doc.text);
  });

  it("an author's statement has no claim", () => {
    const doc = run("ISIS attacked Hajin.", { mentions: [{ at: "ISIS", type: ORG }, { at: "Hajin", type: PLACE }] });
    assert.equal(doc.events[0].claim, undefined);
  });
});
