import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EXIT, asInputError, oneLine, reportError } from "../../src/cli/io.js";
import { InputError } from "../../src/read/index.js";

/** Runs `fn` with stderr captured. */
function captureStderr(fn: () => number): { code: number; err: string } {
  const original = process.stderr.write.bind(process.stderr);
  let err = "";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: fn(), err };
  } finally {
    process.stderr.write = original;
  }
}

describe("reportError", () => {
  const cases: [string, unknown, string | undefined, number, RegExp][] = [
    ["an InputError is one line and exit code 2", new InputError("a.txt", "empty file"), undefined, EXIT.input, /^newsgraph: a\.txt: empty file\n$/],
    ["a multi-line problem is folded onto one line", new InputError("a.txt", "bad\nthing"), undefined, EXIT.input, /^newsgraph: a\.txt: bad thing\n$/],
    ["an unexpected error is one line and exit code 1", new Error("boom"), undefined, EXIT.failure, /^newsgraph: internal error: boom\n$/],
    ["a thrown string is reported too", "odd", undefined, EXIT.failure, /^newsgraph: internal error: odd\n$/],
    ["NEWSGRAPH_DEBUG=1 adds the stack", new Error("boom"), "1", EXIT.failure, /^newsgraph: internal error: boom\nError: boom\n\s+at /],
  ];
  for (const [name, error, debug, code, stderr] of cases) {
    it(name, () => {
      const before = process.env.NEWSGRAPH_DEBUG;
      if (debug === undefined) delete process.env.NEWSGRAPH_DEBUG;
      else process.env.NEWSGRAPH_DEBUG = debug;
      try {
        const r = captureStderr(() => reportError(error));
        assert.equal(r.code, code);
        assert.match(r.err, stderr);
      } finally {
        if (before === undefined) delete process.env.NEWSGRAPH_DEBUG;
        else process.env.NEWSGRAPH_DEBUG = before;
      }
    });
  }
});

describe("asInputError", () => {
  const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });
  const cases: [string, unknown, string | null][] = [
    ["ENOENT becomes 'no such file'", errno("ENOENT"), "x: no such file"],
    ["EACCES becomes 'permission denied'", errno("EACCES"), "x: permission denied"],
    ["an InputError passes unchanged", new InputError("y", "empty file"), "y: empty file"],
    ["a plain error is not an input error", new Error("bug"), null],
  ];
  for (const [name, error, message] of cases) {
    it(name, () => {
      const out = asInputError("x", error);
      if (message === null) assert.equal(out, error);
      else assert.equal((out as InputError).message, message);
    });
  }
});

describe("oneLine", () => {
  const cases: [string, string][] = [["a\nb", "a b"], ["a\r\n\tb", "a b"], [" a ", "a"], ["a\u0000b", "a b"]];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.equal(oneLine(input), want));
});
