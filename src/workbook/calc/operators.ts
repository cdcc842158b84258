import { compare, compared, toNumber, toText } from "./coerce";
import {
  type CellValue,
  DIV0,
  ExcelError,
  isError,
  isMatrix,
  type Matrix,
  NA,
  NotCalculated,
} from "./values";

/** The operators between two values (+ - * / ^ & and the comparisons), with Excel's rules. */

const COMPARISONS = ["=", "<>", "<", ">", "<=", ">="];

/** One operator applied to two single values; an error on either side is the result. */
export function binaryScalar(op: string, a: CellValue, b: CellValue): CellValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === "&") {
    const x = toText(a);
    const y = toText(b);
    return isError(x) ? x : isError(y) ? y : x + y;
  }
  if (COMPARISONS.includes(op)) return compared(op, compare(a, b));
  const x = toNumber(a);
  const y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? DIV0 : x / y;
    case "^": {
      const result = Math.pow(x, y);
      return Number.isFinite(result) ? result : new ExcelError("#NUM!");
    }
  }
  throw new NotCalculated(`operator ${op}`);
}

/** Applies a scalar operation cell by cell, broadcasting a single value over a rectangle. */
export function elementwise(
  values: readonly (CellValue | Matrix)[],
  op: (...cells: CellValue[]) => CellValue,
): CellValue | Matrix {
  const matrices = values.filter(isMatrix);
  if (matrices.length === 0) return op(...(values as CellValue[]));
  const height = Math.max(...matrices.map((m) => m.rows.length));
  const width = Math.max(...matrices.map((m) => m.rows[0]?.length ?? 0));
  const at = (v: CellValue | Matrix, r: number, c: number): CellValue => {
    if (!isMatrix(v)) return v;
    // A single row or column stretches across the other dimension; otherwise outside is #N/A.
    const row = v.rows.length === 1 ? 0 : r;
    const col = v.rows[0].length === 1 ? 0 : c;
    const value = v.rows[row]?.[col];
    return value === undefined ? NA : value;
  };
  return {
    kind: "matrix",
    rows: Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => op(...values.map((v) => at(v, r, c)))),
    ),
  };
}
