/**
 * What kind of mistake an input holds; adapters map every kind to one message the user can act on.
 * `division-by-zero` is kept apart so a spreadsheet can show #DIV/0! rather than #VALUE!.
 */
export type InputProblem =
  | "not-a-number"
  | "wrong-type"
  | "blank"
  | "negative"
  | "not-a-whole-number"
  | "share-above-one"
  | "mix-not-100"
  | "length-mismatch"
  | "empty"
  | "duplicate-id"
  | "out-of-range"
  | "division-by-zero";

/** Raised for input the toolkit's arithmetic cannot use. `field` names the input in the user's words. */
export class CaseRateInputError extends Error {
  override readonly name = "CaseRateInputError";

  constructor(
    readonly field: string,
    readonly problem: InputProblem,
    message: string,
  ) {
    super(message);
  }
}

/** True for errors the core raised about its inputs (as opposed to a bug). */
export function isCaseRateInputError(error: unknown): error is CaseRateInputError {
  return error instanceof CaseRateInputError;
}
