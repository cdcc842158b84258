import { callFunction } from "./functions/call";
import { FUNCTIONS } from "./functions";
import { binaryScalar, elementwise } from "./operators";
import type { Node } from "./parse";
import {
  type CellValue,
  ExcelError,
  isRange,
  type Matrix,
  NotCalculated,
  type Range,
  type Value,
} from "./values";

/** What evaluating a formula needs from its workbook. */
export interface Workbook {
  /** A sheet's name as the workbook spells it, found without regard to case; undefined when none. */
  sheet(name: string): string | undefined;
  /** A defined name's range, found without regard to case; undefined when the name is not defined. */
  name(name: string): Range | undefined;
  /** A range's values; raises NotCalculated when one of its cells is not calculated. */
  read(range: Range): CellValue | Matrix;
}

/** Evaluates a parsed formula in a cell of `sheet`; references stay unread until something reads them. */
export function evaluate(node: Node, sheet: string, workbook: Workbook): Value {
  const plain = (v: Value): CellValue | Matrix => (isRange(v) ? workbook.read(v) : v);
  const inner = (n: Node) => evaluate(n, sheet, workbook);
  switch (node.kind) {
    case "number":
    case "string":
    case "boolean":
      return node.value;
    case "ref": {
      const target = node.sheet === null ? sheet : workbook.sheet(node.sheet);
      if (target === undefined) return new ExcelError("#REF!");
      return { kind: "range", sheet: target, from: node.from, to: node.to };
    }
    case "name": {
      const range = workbook.name(node.name);
      if (!range) throw new NotCalculated(`the name ${node.name} is not defined`);
      const target = workbook.sheet(range.sheet);
      return target === undefined ? new ExcelError("#REF!") : { ...range, sheet: target };
    }
    case "call": {
      const definition = FUNCTIONS[node.fn];
      if (!definition)
        throw new NotCalculated(`${node.fn} is not one of the functions the preview calculates`);
      return callFunction(node.fn, definition, node.args, { evaluate: inner, read: workbook.read });
    }
    case "unary":
      return elementwise([plain(inner(node.arg))], (v) => (node.op === "+" ? v : binaryScalar("-", 0, v)));
    case "percent":
      return elementwise([plain(inner(node.arg))], (v) => binaryScalar("/", v, 100));
    case "binary":
      return elementwise([plain(inner(node.left)), plain(inner(node.right))], (a, b) =>
        binaryScalar(node.op, a, b),
      );
  }
}
