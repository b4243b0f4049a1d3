import { test } from "node:test";
import assert from "node:assert/strict";
import { LABELS, NUM_LABELS, Scratch, allowed, allowedEnd, constrain, label, labelsOf, margins, spansOf, viterbi } from "../../../src/extract/tagger/decode.js";

const id = (name: string) => LABELS.indexOf(name);

test("BILOU transitions", () => {
  const cases: [string, string, boolean][] = [
    ["START", "O", true],
    ["START", "B-PER", true],
    ["START", "U-LOC", true],
    ["START", "I-PER", false],
    ["START", "L-ORG", false],
    ["O", "I-PER", false],
    ["B-PER", "I-PER", true],
    ["B-PER", "L-PER", true],
    ["B-PER", "L-ORG", false],
    ["B-PER", "O", false],
    ["I-ORG", "I-ORG", true],
    ["I-ORG", "U-ORG", false],
    ["L-PER", "B-PER", true],
    ["U-LOC", "U-LOC", true],
    ["U-LOC", "I-LOC", false],
  ];
  for (const [a, b, ok] of cases) assert.equal(allowed(a === "START" ? -1 : id(a), id(b)), ok, `${a} → ${b}`);
  const ends: [string, boolean][] = [["O", true], ["L-PER", true], ["U-ORG", true], ["B-LOC", false], ["I-PER", false]];
  for (const [a, ok] of ends) assert.equal(allowedEnd(id(a)), ok, `${a} at end`);
});

test("Viterbi never outputs an invalid BILOU sequence, whatever the emissions", () => {
  const trans = constrain(new Float64Array((NUM_LABELS + 1) ** 2));
  const cases: { name: string; favour: string[] }[] = [
    { name: "I first", favour: ["I-PER", "O", "O"] },
    { name: "B at end", favour: ["O", "O", "B-ORG"] },
    { name: "type switch inside", favour: ["B-PER", "I-ORG", "L-PER"] },
    { name: "B then O", favour: ["B-LOC", "O", "U-LOC"] },
    { name: "valid stays", favour: ["B-PER", "L-PER", "U-LOC"] },
  ];
  for (const c of cases) {
    const n = c.favour.length;
    const em = new Float64Array(n * NUM_LABELS);
    c.favour.forEach((l, i) => (em[i * NUM_LABELS + id(l)] = 10));
    const out = new Int32Array(n);
    viterbi(em, n, trans, out, new Scratch());
    let prev = -1;
    for (let i = 0; i < n; i++) {
      assert.ok(allowed(prev, out[i]), `${c.name}: ${LABELS[prev] ?? "START"} → ${LABELS[out[i]]}`);
      prev = out[i];
    }
    assert.ok(allowedEnd(prev), `${c.name}: ends on ${LABELS[prev]}`);
    if (c.name === "valid stays") assert.deepEqual([...out].map((y) => LABELS[y]), c.favour);
  }
});

test("margins are the gap to the best path with another label", () => {
  const trans = constrain(new Float64Array((NUM_LABELS + 1) ** 2));
  const em = new Float64Array(NUM_LABELS);
  em[id("U-PER")] = 3;
  em[id("U-ORG")] = 1;
  const out = new Int32Array(1);
  const scratch = new Scratch();
  viterbi(em, 1, trans, out, scratch);
  const m = new Float64Array(1);
  margins(em, 1, trans, out, scratch, m);
  assert.equal(LABELS[out[0]], "U-PER");
  assert.equal(m[0], 2);
});

/** Reference Viterbi over every label pair (−∞ moves included), ties to the lowest label. */
function denseViterbi(em: Float64Array, n: number, trans: Float64Array): number[] {
  const L = NUM_LABELS;
  const W = L + 1;
  const alpha = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) alpha[y] = trans[L * W + y] + em[y];
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let a = 0; a < L; a++) {
        const s = alpha[(i - 1) * L + a] + trans[a * W + y];
        if (s > best) [best, arg] = [s, a];
      }
      alpha[i * L + y] = best + em[i * L + y];
      back[i * L + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    const s = alpha[(n - 1) * L + y] + trans[y * W + L];
    if (s > best) [best, arg] = [s, y];
  }
  const out: number[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg];
  }
  return out;
}

test("Viterbi over the allowed moves equals the dense Viterbi; margins over a range equal the full ones", () => {
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 4 - 2;
  const raw = new Float64Array((NUM_LABELS + 1) ** 2).map(() => rnd());
  const trans = constrain(raw);
  for (const n of [1, 2, 3, 7, 20]) {
    for (const ties of [false, true]) {
      const em = new Float64Array(n * NUM_LABELS).map(() => (ties ? Math.round(rnd()) : rnd()));
      const out = new Int32Array(n);
      const scratch = new Scratch();
      viterbi(em, n, trans, out, scratch);
      assert.deepEqual([...out], denseViterbi(em, n, trans), `n=${n} ties=${ties}`);
      const all = new Float64Array(n);
      margins(em, n, trans, out, scratch, all);
      const part = new Float64Array(n).fill(NaN);
      const from = Math.floor(n / 3);
      const to = Math.max(from + 1, n - 1);
      margins(em, n, trans, out, scratch, part, from, to);
      for (let i = from; i < to; i++) assert.equal(part[i], all[i], `n=${n} ties=${ties} token ${i}`);
    }
  }
});

test("labelsOf and spansOf round-trip", () => {
  const spans = [
    { start: 0, end: 1, typeIndex: 0 },
    { start: 2, end: 5, typeIndex: 1 },
    { start: 5, end: 7, typeIndex: 2 },
  ];
  const y = labelsOf(8, spans);
  assert.deepEqual([...y].map((l) => LABELS[l]), ["U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "B-LOC", "L-LOC", "O"]);
  assert.deepEqual(spansOf(y), spans);
  assert.equal(label("U", 2), id("U-LOC"));
});
