/** Unusable input: the CLI prints `message` as one line and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "InputError";
  }
}
