/** Where a command writes: stdout and stderr, injectable so tests can read them. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** A failure the user caused (bad file, bad field): reported in one line with exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const processIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
