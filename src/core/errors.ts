import { type Field, type FieldRef, labelOf } from "./fields";

/**
 * What kind of mistake an input holds; adapters map every kind to one message the user can act on.
 * `division-by-zero` is kept apart so a spreadsheet can show #DIV/0! rather than #VALUE!, and
 * `result-not-finite` (valid inputs whose result overflows) and `grid-too-long` (a distribution that
 * would need more grid points than the core computes) so it can show #NUM!.
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
  | "division-by-zero"
  | "result-not-finite"
  | "grid-too-long";

/** A message as a function of how its fields are named, so each adapter can name them its own way. */
export type MessageOf = (name: (field: Field) => string) => string;

/** An adapter's name for a field the core refers to by id (Excel's argument, a pane field). */
export type FieldNamer = (field: FieldRef) => string;

/**
 * Raised for input the toolkit's arithmetic cannot use. `field` names the input in the user's
 * words; `fieldRef` identifies it, when the core named it by id, for adapters with names of their own.
 * @example new CaseRateInputError(field("caseMix"), "mix-not-100", (name) => `${name(field("caseMix"))} sums to 97%.`).messageNaming(() => "case_mix") // "case_mix sums to 97%."
 */
export class CaseRateInputError extends Error {
  override readonly name = "CaseRateInputError";
  readonly field: string;
  readonly fieldRef?: FieldRef;
  private readonly messageOf: MessageOf;

  constructor(
    field: Field,
    readonly problem: InputProblem,
    message: string | MessageOf,
  ) {
    const messageOf: MessageOf = typeof message === "string" ? () => message : message;
    super(messageOf(labelOf));
    this.field = labelOf(field);
    if (typeof field !== "string") this.fieldRef = field;
    this.messageOf = messageOf;
  }

  /** The message with every field the core named by id named by `name` instead; text names stay. */
  messageNaming(name: FieldNamer): string {
    return this.messageOf((named) => (typeof named === "string" ? named : name(named)));
  }
}

/**
 * True for errors the core raised about its inputs (as opposed to a bug).
 * @example isCaseRateInputError(new CaseRateInputError("enrollees", "blank", "enrollees is blank.")) // true
 */
export function isCaseRateInputError(error: unknown): error is CaseRateInputError {
  return error instanceof CaseRateInputError;
}
