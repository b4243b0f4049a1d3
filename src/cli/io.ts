/** Output sinks and the CLI's error reporting: one line on stderr per problem, never a stack unless asked. */
import { createWriteStream, type WriteStream } from "node:fs";
import { InputError } from "../read/errors.js";
import { fsProblem } from "../eval/gold.js";

/** Exit codes: 0 done, 1 unexpected failure, 2 unusable input or bad usage. */
export const EXIT = { ok: 0, failure: 1, input: 2 } as const;

/** Where results go: stdout or a file, written in order, with back-pressure. */
export interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

function streamSink(stream: NodeJS.WritableStream, owned: boolean): Sink {
  return {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        const onError = (err: Error): void => reject(err);
        stream.once("error", onError);
        const flushed = stream.write(chunk, () => stream.off("error", onError));
        if (flushed) resolve();
        else stream.once("drain", () => resolve());
      }),
    close: () =>
      owned
        ? new Promise((resolve, reject) => {
            stream.once("error", reject);
            (stream as WriteStream).end(() => resolve());
          })
        : Promise.resolve(),
  };
}

/** Opens the output: `file` (created or truncated) or stdout. An unwritable file is an `InputError`. */
export async function openSink(file: string | undefined): Promise<Sink> {
  if (!file || file === "-") return streamSink(process.stdout, false);
  const stream = createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", (err) => reject(new InputError(file, `cannot write: ${fsProblem(err)}`)));
  });
  return streamSink(stream, true);
}

/** Makes any message one line (newlines and other control characters become spaces). */
export function oneLine(message: string): string {
  return message.replace(/[\p{Cc}]+/gu, " ").trim();
}

/** Prints one `newsgraph: ...` line for `err` and returns the exit code it calls for. */
export function reportError(err: unknown): number {
  if (err instanceof InputError) {
    process.stderr.write(`newsgraph: ${oneLine(err.message)}\n`);
    return EXIT.input;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`newsgraph: internal error: ${oneLine(message)}\n`);
  if (process.env.NEWSGRAPH_DEBUG === "1" && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return EXIT.failure;
}

/** Turns a file-system error met while reading `file` into an `InputError`; other errors pass through. */
export function asInputError(file: string, err: unknown): unknown {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return new InputError(file, fsProblem(err));
  return err;
}
