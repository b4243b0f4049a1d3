import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { findClaims } from "../../../src/extract/claims/index.js";
import { claimFor } from "../../../src/extract/claims/scope.js";
import { makeDoc, type DocSpec } from "../events/make-doc.js";

interface Case {
  name: string;
  text: string;
  spec?: DocSpec;
  /** Expected claims in order: source text, kind, modality, optional reporting span and rule. */
  want: { source: string; kind: string; modality?: string; cue?: string; rule?: string; entity?: string }[];
}

const CASES: Case[] = [
  {
    name: "X reported that: anonymous source with a post-modifier",
    text: "A knowledgeable source from ISIS reported that al-Hadrami was a member of the council.",
    want: [{ source: "A knowledgeable source from ISIS", kind: "anonymous", modality: "reported", cue: "reported that", rule: "claims/said-that" }],
  },
  {
    name: "appositive relative clause belongs to the source",
    text: "The source, who is close to the defected group, said that the defection began in Hajin.",
    want: [{ source: "The source, who is close to the defected group", kind: "anonymous", cue: "said that" }],
  },
  {
    name: "trailing attribution after the content",
    text: "Seven fighters were killed on Sunday in Al-Mayadeen, two local activists said.",
    want: [{ source: "two local activists", kind: "anonymous", cue: "said", rule: "claims/said-after" }],
  },
  {
    name: "according to X at the end of a sentence",
    text: "Nine members were killed in Mayadin, according to a source close to the tribal force, contradicting earlier figures.",
    want: [{ source: "a source close to the tribal force", kind: "anonymous", cue: "according to", rule: "claims/according-to" }],
  },
  {
    name: "according to a medium at the start of a sentence",
    text: "According to Reuters, the town fell to the rebels.",
    want: [{ source: "Reuters", kind: "media" }],
  },
  {
    name: "a document as source",
    text: "A group of fighters has split from the brigade, a statement published by the new faction said on Thursday.",
    want: [{ source: "a statement published by the new faction", kind: "document" }],
  },
  {
    name: "an organization mention as source",
    text: "Two days ago, the SDF announced that it would resume the attack.",
    spec: { mentions: [{ at: "SDF", type: "organization", entity: "E-SDF" }] },
    want: [{ source: "the SDF", kind: "organization", entity: "E-SDF", cue: "announced that" }],
  },
  {
    name: "a person speaking in an audio recording",
    text: "Abu Harith al-Masri said in an audio recording that his group would respond.",
    spec: { mentions: [{ at: "Abu Harith al-Masri", type: "person", entity: "E-M" }] },
    want: [{ source: "Abu Harith al-Masri", kind: "person", entity: "E-M", cue: "said in an audio recording that" }],
  },
  {
    name: "a bare 'the source' carries the earlier source forward",
    text: "A source from ISIS reported that he was a judge. The source added that he fought in Mosul.",
    want: [
      { source: "A source from ISIS", kind: "anonymous", rule: "claims/said-that" },
      { source: "A source from ISIS", kind: "anonymous", cue: "added that", rule: "claims/carried-forward" },
    ],
  },
  {
    name: "modality from the verb: denied, accused, confirmed",
    text: "The ministry denied that troops left. Activists accused the army of shelling the town. Officials confirmed that the road was open.",
    want: [
      { source: "The ministry", kind: "organization", modality: "denied" },
      { source: "Activists", kind: "anonymous", modality: "accused" },
      { source: "Officials", kind: "anonymous", modality: "confirmed" },
    ],
  },
  {
    name: "inverted quotation",
    text: "\"They have changed their tactics,\" said one source, who declined to be named.",
    want: [{ source: "one source, who declined to be named", kind: "anonymous", rule: "claims/quote-said" }],
  },
  {
    name: "a fronted adverbial is not part of the source",
    text: "Regarding the cause of the defection, the source said that the leaders were infidels.",
    want: [{ source: "the source", kind: "anonymous" }],
  },
  {
    name: "a subordinate clause opener is not part of the source",
    text: "After the government said that ISIS was defeated, the operation stopped.",
    want: [{ source: "the government", kind: "organization" }],
  },
  {
    name: "a determiner 'that' stays in the source",
    text: "The toll rose when that nation's Defense Ministry confirmed that a general was killed.",
    want: [{ source: "that nation's Defense Ministry", kind: "organization", modality: "confirmed" }],
  },
  {
    name: "X told Y that: the speaker is the source",
    text: "A US official told Reuters that the convoy was hit.",
    want: [{ source: "A US official", kind: "anonymous", cue: "told" }],
  },
  {
    name: "citing X",
    text: "Clashes broke out in the town on Monday, citing witnesses.",
    want: [{ source: "witnesses", kind: "anonymous", cue: "citing", rule: "claims/according-to" }],
  },
  {
    name: "a participle after a comma speaks for the sentence's source",
    text: "HTS denied the accusations in a statement, saying that the men were arrested for theft.",
    spec: { mentions: [{ at: "HTS", type: "organization", entity: "E-HTS" }] },
    want: [
      { source: "HTS", kind: "organization", modality: "denied" },
      { source: "HTS", kind: "organization", modality: "reported", cue: "saying that", rule: "claims/participle" },
    ],
  },
  {
    name: "a trailing source followed by a participle keeps the content before it",
    text: "Warplanes carried out 15 airstrikes near the town, the Observatory said, adding that two civilians were wounded.",
    want: [
      { source: "the Observatory", kind: "anonymous", rule: "claims/said-after" },
      { source: "the Observatory", kind: "anonymous", cue: "adding that", rule: "claims/participle" },
    ],
  },
  {
    name: "a quotation before a trailing source",
    text: "\"We will not stop until the regime falls,\" a commander of the front told the agency.",
    want: [{ source: "a commander of the front", kind: "anonymous", rule: "claims/said-after" }],
  },
  { name: "negative: a gerund that is no participle", text: "They live on donations, in addition to accusing merchants of hypocrisy.", want: [] },
  { name: "negative: a reporting noun", text: "The report was published in May.", want: [] },
  { name: "negative: passive reporting verb", text: "The commander was reported killed in the raid.", want: [] },
  { name: "negative: announced with a plain object", text: "A group has split from the brigade and announced a new faction.", want: [] },
];

describe("findClaims", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const doc = makeDoc(c.text, c.spec);
      findClaims(doc);
      assert.equal(doc.claims.length, c.want.length, JSON.stringify(doc.claims.map((x) => x.source.text)));
      c.want.forEach((w, i) => {
        const got = doc.claims[i];
        assert.equal(got.source.text, w.source);
        assert.equal(got.source.kind, w.kind);
        if (w.modality) assert.equal(got.modality, w.modality);
        if (w.cue) assert.equal(got.span?.text, w.cue);
        if (w.rule) assert.equal(got.rule, w.rule);
        if (w.entity) assert.equal(got.source.entity, w.entity);
        for (const s of [got.span, got.source.span]) if (s) assert.equal(doc.text.slice(s.start, s.end), s.text);
      });
    });
  }
});

/** What a claim's scope covers: which quoted stretches are inside it, which are not. */
const SCOPES: { name: string; text: string; inside: string[]; outside: string[] }[] = [
  {
    name: "forward scope: the complement, not the source",
    text: "A source from ISIS reported that the group stormed Mosul.",
    inside: ["stormed"],
    outside: ["source from ISIS"],
  },
  {
    name: "trailing scope: the content before the source",
    text: "Seven fighters were killed on Sunday, two local activists said.",
    inside: ["killed"],
    outside: ["activists"],
  },
  {
    name: "a forward claim covers the rest of its paragraph",
    text: "The source said that the group split. Its leader fled to Iraq.\n\nThe army retook the town.",
    inside: ["split", "fled"],
    outside: ["retook"],
  },
  {
    name: "a subordinate claim's scope ends at its comma",
    text: "After the government said that ISIS was defeated, the operation stopped.",
    inside: ["defeated"],
    outside: ["stopped"],
  },
];

describe("claim scope", () => {
  for (const c of SCOPES) {
    it(c.name, () => {
      const doc = makeDoc(c.text);
      findClaims(doc);
      for (const w of c.inside) {
        const at = c.text.indexOf(w);
        assert.ok(claimFor(doc, at, at + w.length), `"${w}" should be in a claim's scope`);
      }
      for (const w of c.outside) {
        const at = c.text.indexOf(w);
        assert.equal(claimFor(doc, at, at + w.length), undefined, `"${w}" should be outside every claim`);
      }
    });
  }

  it("the innermost claim wins, and a sentence with its own claim ends the carry-over", () => {
    const doc = makeDoc("The source said that the defected accused the leaders of failure. Activists said that the leader fled.");
    findClaims(doc);
    const at = doc.text.indexOf("failure");
    const id = claimFor(doc, at, at + 7);
    assert.equal(doc.claims.find((c) => c.id === id)?.source.text, "the defected");
    const fled = doc.text.indexOf("fled");
    assert.equal(doc.claims.find((c) => c.id === claimFor(doc, fled, fled + 4))?.source.text, "Activists");
  });
});
