import type { CellValue, Matrix, Range, Value } from "../values";

/**
 * How a function is declared: its parameters' types, which say how each argument is coerced
 * before the function sees it (call.ts does it, once for all functions), so that a function body
 * is only its own rule. The way HyperFormula's function plugins declare theirs.
 */

/**
 * What a parameter takes, and what the function receives:
 * - number, boolean: one value converted as arithmetic or a logical test does; an error (or text
 *   that is no number) is the function's result without calling it;
 * - scalar: one value as it is; an error is the function's result;
 * - any: one value as it is, errors included (ISNUMBER looks at them);
 * - values: every value of a range or array, or the value given, each flagged with whether it came
 *   from a range (SUM adds "12" typed as an argument, not "12" in a cell);
 * - array: a range or array as a rectangle of values;
 * - reference: a range unread, or an array (ROWS measures it without reading its cells);
 * - lazy: the argument unevaluated, to evaluate when needed (IF evaluates one branch only).
 * A range given where one value is wanted is not calculated, unless the function is elementwise.
 */
export type ArgumentType =
  "number" | "boolean" | "scalar" | "any" | "values" | "array" | "reference" | "lazy";

export interface Parameter {
  readonly type: ArgumentType;
  /** It may be left out: the function receives undefined. */
  readonly optional?: boolean;
  /** The last parameter repeats (SUM(a, b, …)): the function receives the arguments as a list. */
  readonly repeat?: boolean;
}

/** A value of a "values" argument, with whether it came from a range or an array. */
export interface Flagged {
  readonly value: CellValue;
  readonly fromRange: boolean;
}

interface Received {
  number: number;
  boolean: boolean;
  scalar: CellValue;
  any: CellValue;
  values: readonly Flagged[];
  array: Matrix;
  reference: Range | Matrix;
  lazy: () => Value;
}

type Argument<P> = P extends { type: infer T extends ArgumentType }
  ? P extends { repeat: true }
    ? Received[T][]
    : P extends { optional: true }
      ? Received[T] | undefined
      : Received[T]
  : never;

/** The arguments a function with these parameters receives, in order. */
export type Arguments<P extends readonly Parameter[]> = { -readonly [K in keyof P]: Argument<P[K]> };

export interface FunctionDefinition {
  readonly parameters: readonly Parameter[];
  /** Given a range for a one-value parameter, it applies cell by cell (ABS(D5:G5) is a row). */
  readonly elementwise: boolean;
  readonly implementation: (...args: unknown[]) => Value;
}

/** Declares a function: its parameters, and its body, which receives the arguments coerced. */
export function define<const P extends readonly Parameter[]>(
  parameters: P,
  implementation: (...args: Arguments<P>) => Value,
  options: { elementwise?: boolean } = {},
): FunctionDefinition {
  return {
    parameters,
    elementwise: options.elementwise ?? false,
    // The parameters' types guarantee the arguments' types: call.ts coerces each by its parameter.
    implementation: implementation as unknown as (...args: unknown[]) => Value,
  };
}
