import type { Node } from "../parse";
import { toBoolean, toNumber } from "../coerce";
import { elementwise } from "../operators";
import {
  type CellValue,
  type ExcelError,
  isError,
  isMatrix,
  isRange,
  type Matrix,
  NotCalculated,
  type Range,
  type Value,
} from "../values";
import type { ArgumentType, Flagged, FunctionDefinition, Parameter } from "./definition";

/** What a call needs from the workbook: its arguments evaluated in the calling cell, ranges read. */
export interface CallContext {
  evaluate(node: Node): Value;
  /** A range's values; raises NotCalculated when one of its cells is not calculated. */
  read(range: Range): CellValue | Matrix;
}

/** Parameter types whose error value is the function's result. */
const PROPAGATES_ERRORS: ReadonlySet<ArgumentType> = new Set(["number", "boolean", "scalar"]);

function checkArity(name: string, parameters: readonly Parameter[], count: number): void {
  const min = parameters.filter((p) => !p.optional).length;
  const max = parameters[parameters.length - 1]?.repeat ? Infinity : parameters.length;
  if (count < min || count > max) throw new NotCalculated(`${name} with ${count} arguments`);
}

const asMatrix = (v: CellValue | Matrix): Matrix => (isMatrix(v) ? v : { kind: "matrix", rows: [[v]] });

/** An argument as its parameter's type wants it (see ArgumentType). */
function coerce(type: ArgumentType, argument: Value | (() => Value), context: CallContext): unknown {
  if (type === "lazy") return argument;
  const value = argument as Value;
  // A reference stays unread: ROWS($B$19:$B19) in B19 measures the range without reading B19.
  if (type === "reference") return isRange(value) ? value : asMatrix(value);
  const plain = isRange(value) ? context.read(value) : value;
  if (type === "array") return asMatrix(plain);
  if (type === "values") {
    // A reference to one cell is a range too: SUM(B1) leaves B1's text out, as SUM(B1:C1) does.
    return isMatrix(plain)
      ? plain.rows.flatMap((row) => row.map((cell): Flagged => ({ value: cell, fromRange: true })))
      : [{ value: plain, fromRange: isRange(value) }];
  }
  if (isMatrix(plain)) throw new NotCalculated("a range where one value is expected");
  return type === "number" ? toNumber(plain) : type === "boolean" ? toBoolean(plain) : plain;
}

/** Calls a function: checks its arity, evaluates and coerces its arguments, and runs its body. */
export function callFunction(
  name: string,
  definition: FunctionDefinition,
  args: readonly Node[],
  context: CallContext,
): Value {
  const { parameters } = definition;
  checkArity(name, parameters, args.length);
  const parameterAt = (i: number) => parameters[Math.min(i, parameters.length - 1)];
  const values = args.map((node, i) =>
    parameterAt(i).type === "lazy" ? () => context.evaluate(node) : context.evaluate(node),
  );

  const run = (given: readonly (Value | (() => Value))[]): Value => {
    const received: unknown[] = [];
    for (const [i, argument] of given.entries()) {
      const { type, repeat } = parameterAt(i);
      const coerced = coerce(type, argument, context);
      if (PROPAGATES_ERRORS.has(type) && isError(coerced)) return coerced as ExcelError;
      if (repeat) ((received[parameters.length - 1] ??= []) as unknown[]).push(coerced);
      else received.push(coerced);
    }
    return definition.implementation(...received);
  };

  if (definition.elementwise) {
    const plain = (values as Value[]).map((v) => (isRange(v) ? context.read(v) : v));
    // An elementwise function's parameters take one value each, so its result is one value.
    if (plain.some(isMatrix)) return elementwise(plain, (...cells) => run(cells) as CellValue);
  }
  return run(values);
}
