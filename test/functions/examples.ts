/**
 * Evaluates the @example formulas of the functions reference the way Excel would call the
 * functions: an array constant or a nested function's result for a range parameter, a scalar (a
 * literal passed to a range parameter arrives as [[x]]), null for an omitted argument.
 */
import { excelRound } from "../../src/core/round";

type Cell =
  | { kind: "number"; value: number; decimals: number; text: string }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean };
type Node =
  | Cell
  | { kind: "array"; rows: Cell[][] }
  | { kind: "omitted" }
  | { kind: "call"; namespace: string; id: string; args: Node[] };

export interface ReferenceParameter {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface ReferenceFunction {
  id: string;
  parameters: ReferenceParameter[];
  examples: { caption: string; formula: string; call: Node; result: string; expected: Node }[];
}

/** Calls one function by id with Excel-shaped arguments. */
export type CallById = (id: string, args: unknown[]) => unknown;

function plain(node: Node): unknown {
  switch (node.kind) {
    case "array":
      return node.rows.map((row) => row.map((cell) => cell.value));
    case "omitted":
      return null;
    case "call":
      throw new Error("nested calls are evaluated, not converted");
    default:
      return node.value;
  }
}

/** Evaluates a call tree against the functions' metadata; an async function's result is awaited. */
export async function evaluate(
  node: Node,
  functions: readonly ReferenceFunction[],
  call: CallById,
): Promise<unknown> {
  if (node.kind !== "call") throw new Error("an example formula must be a call");
  const fn = functions.find((f) => f.id === node.id);
  if (!fn) throw new Error(`no function ${node.id}`);
  if (node.args.length > fn.parameters.length) throw new Error(`${node.id}: too many arguments`);
  const args: unknown[] = [];
  for (const [i, parameter] of fn.parameters.entries()) {
    const arg: Node = node.args[i] ?? { kind: "omitted" };
    if (arg.kind === "omitted" && !parameter.optional)
      throw new Error(`${node.id}: ${parameter.name} is required`);
    const value = arg.kind === "call" ? await evaluate(arg, functions, call) : plain(arg);
    if (parameter.dimensionality === "matrix") {
      args.push(Array.isArray(value) || value === null ? value : [[value]]);
    } else {
      if (Array.isArray(value)) throw new Error(`${node.id}: ${parameter.name} takes a single value`);
      args.push(value);
    }
  }
  return await call(node.id, args);
}

/**
 * Differences between a result and the stated one, compared at the stated rounding: a stated 30.1
 * matches 30.128…, as ROUND(…, 1) would show it. Empty when they agree.
 */
export function differences(actual: unknown, expected: Node): string[] {
  const rows: Cell[][] = expected.kind === "array" ? expected.rows : [[expected as Cell]];
  const got = Array.isArray(actual) ? (actual as unknown[][]) : [[actual]];
  if (got.length !== rows.length || got.some((row) => row.length !== rows[0].length)) {
    return [`shape ${got.length}×${got[0]?.length} instead of ${rows.length}×${rows[0].length}`];
  }
  const problems: string[] = [];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const value = got[r][c];
      const ok =
        cell.kind === "number"
          ? typeof value === "number" && excelRound(value, cell.decimals) === cell.value
          : value === cell.value;
      if (!ok)
        problems.push(
          `row ${r + 1}, column ${c + 1}: ${JSON.stringify(value)} is not ${JSON.stringify(cell.value)}`,
        );
    }),
  );
  return problems;
}
