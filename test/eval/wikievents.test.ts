import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compatibleTypes, documentOf, formatWikiEventsScore, scoreWikiEvents } from "../../src/eval/wikievents.js";

describe("compatibleTypes", () => {
  const CASES: [string, string[] | undefined][] = [
    ["Conflict.Attack.DetonateExplode", ["explosion", "attack", "armed_clash"]],
    ["Conflict.Attack.Unspecified", ["attack", "explosion", "armed_clash"]],
    ["Life.Die.Unspecified", ["killing"]],
    ["Life.Injure.Unspecified", ["attack"]],
    ["Justice.ArrestJailDetain.Unspecified", ["arrest"]],
    ["Contact.Contact.Broadcast", ["announcement"]],
    ["Movement.Transportation.Evacuation", ["other"]],
    ["Justice.ChargeIndict.Unspecified", undefined],
    ["Disaster.DiseaseOutbreak.Unspecified", undefined],
  ];
  for (const [gold, want] of CASES) it(gold, () => assert.deepEqual(compatibleTypes(gold), want));
});

describe("documentOf", () => {
  it("joins tokens with single spaces and keeps each token's offsets", () => {
    const { raw, starts, ends } = documentOf({ tokens: ["Police", "arrested", "him", "."] }, "d");
    assert.equal(raw.text, "Police arrested him .");
    assert.deepEqual(starts, [0, 7, 16, 20]);
    assert.equal(raw.text.slice(starts[1], ends[1]), "arrested");
  });
});

describe("scoreWikiEvents", () => {
  const lines = [
    {
      doc_id: "a",
      tokens: "Police arrested two men in Kabul on Monday . A bomb exploded near the market .".split(" "),
      event_mentions: [
        { event_type: "Justice.ArrestJailDetain.Unspecified", trigger: { start: 1, end: 2 } },
        { event_type: "Conflict.Attack.DetonateExplode", trigger: { start: 11, end: 12 } },
      ],
    },
    {
      doc_id: "b",
      tokens: "The court charged the suspect . Rebels attacked the convoy .".split(" "),
      event_mentions: [
        { event_type: "Justice.ChargeIndict.Unspecified", trigger: { start: 2, end: 3 } },
        { event_type: "Life.Die.Unspecified", trigger: { start: 0, end: 1 } },
      ],
    },
  ];

  it("scores per type: overlap + compatible type is a hit, unscored gold is left out", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wikievents-"));
    const file = path.join(dir, "mini.jsonl");
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const s = await scoreWikiEvents(file);
    assert.equal(s.documents, 2);
    assert.equal(s.goldScored, 3);
    assert.equal(s.goldIgnored, 1);
    assert.equal(s.perType.arrest?.tp, 1);
    assert.equal(s.perType.killing?.fn, 1);
    assert.equal(s.perType.attack?.fp, 1);
    assert.ok((s.perType.explosion?.tp ?? 0) + (s.perType.explosion?.fn ?? 0) === 1);
    assert.equal(s.micro.tp + s.micro.fn, 3);
    const table = formatWikiEventsScore(s);
    assert.match(table, /^type\s+P\s+R\s+F1/);
    assert.match(table, /\nmicro\s/);
  });

  it("limit reads only the first lines", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wikievents-"));
    const file = path.join(dir, "mini.jsonl");
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
    const s = await scoreWikiEvents(file, { limit: 1 });
    assert.equal(s.documents, 1);
    assert.equal(s.goldIgnored, 0);
  });

  it("a line that is not JSON is an error naming the file and line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wikievents-"));
    const file = path.join(dir, "bad.jsonl");
    writeFileSync(file, "{not json}\n");
    await assert.rejects(scoreWikiEvents(file), /bad\.jsonl:1: invalid JSON/);
  });
});
