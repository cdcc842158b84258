/**
 * Calculates a workbook description's formulas in the browser, for the preview outside Excel.
 *
 * This is deliberately not a spreadsheet engine: it knows the handful of native functions the
 * starter workbook uses (FUNCTIONS below) with Excel's rules for blanks, text, booleans, errors and
 * ranges. A formula using anything else is reported as not calculated (the preview then shows its
 * formula text instead of a value), never guessed. The test suite recalculates the same description
 * with LibreOffice and compares every cell, so the preview cannot quietly drift from a real engine.
 */
// Shared with the build's functions reference, which is plain Node (hence a .js with a .d.ts).
import { readTextConstant } from "../../../scripts/formulaTokens";
import { cellAddress, columnNumber, parseCell } from "../../workbook/a1";
import { type CellContent, isFormula, type WorkbookSpec } from "../../workbook/spec";

/** An Excel error value, such as #DIV/0! or #N/A. */
export class ExcelError {
  constructor(readonly code: "#DIV/0!" | "#N/A" | "#VALUE!" | "#REF!" | "#NUM!") {}
}

/** What a cell holds after calculation; null is an empty cell. */
export type CellValue = number | string | boolean | null | ExcelError;

/** Why a formula was not calculated in the browser. */
export class NotCalculated extends Error {}

/** A calculated cell: its value, or why there is none. */
export type Calculated =
  { readonly ok: true; readonly value: CellValue } | { readonly ok: false; readonly reason: string };

export interface CalculatedWorkbook {
  /** A cell's content as described, or undefined when the description leaves it empty. */
  content(sheet: string, address: string): CellContent | undefined;
  /** A cell's value: constants as they are, formulas calculated. */
  cell(sheet: string, address: string): Calculated;
  /** The cells of a defined name, in row-major order; undefined when the name is not defined. */
  named(name: string): Calculated[] | undefined;
  /** Every formula that could not be calculated, with why. */
  readonly notCalculated: readonly { sheet: string; address: string; formula: string; reason: string }[];
  /** How many formulas the description holds. */
  readonly formulaCount: number;
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Node =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "ref"; sheet: string | null; from: Cell; to: Cell }
  | { kind: "name"; name: string }
  | { kind: "call"; fn: string; args: Node[] }
  | { kind: "unary"; op: "-" | "+"; arg: Node }
  | { kind: "percent"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

interface Cell {
  row: number;
  column: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)(?![A-Za-z0-9_.(!])/;
const IDENT = /^[A-Za-z_\\][A-Za-z0-9_.]*/;

function parseFormula(text: string): Node {
  let at = 0;
  const fail = (what: string): never => {
    throw new NotCalculated(`${what} at character ${at + 1}`);
  };
  const space = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const rest = () => text.slice(at);
  const eat = (token: string): boolean => {
    space();
    if (!text.startsWith(token, at)) return false;
    at += token.length;
    return true;
  };

  function cellRef(sheet: string | null): Node {
    const match = CELL.exec(rest());
    if (!match) return fail("expected a cell reference");
    at += match[0].length;
    const from = { row: Number(match[2]), column: columnNumber(match[1]) };
    return { kind: "ref", sheet, from, to: from };
  }

  function primary(): Node {
    space();
    const char = text[at];
    if (char === "(") {
      at++;
      const inner = comparison();
      if (!eat(")")) fail('expected ")"');
      return inner;
    }
    if (char === '"') {
      const { value, end, closed } = readTextConstant(text, at);
      at = end;
      if (!closed) fail("unterminated text");
      return { kind: "string", value };
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest());
    if (number) {
      at += number[0].length;
      return { kind: "number", value: Number(number[0]) };
    }
    if (char === "'") {
      const quoted = /^'((?:[^']|'')+)'!/.exec(rest());
      if (!quoted) return fail("expected a quoted sheet name");
      at += quoted[0].length;
      return cellRef(quoted[1].replace(/''/g, "'"));
    }
    const sheet = /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(rest());
    if (sheet) {
      at += sheet[0].length;
      return cellRef(sheet[1]);
    }
    const call = /^([A-Za-z][A-Za-z0-9_.]*)\s*\(/.exec(rest());
    if (call) {
      at += call[0].length;
      const args: Node[] = [];
      if (!eat(")")) {
        do args.push(comparison());
        while (eat(","));
        if (!eat(")")) fail('expected ")"');
      }
      return { kind: "call", fn: call[1].toUpperCase(), args };
    }
    if (CELL.test(rest())) return cellRef(null);
    const ident = IDENT.exec(rest());
    if (ident) {
      at += ident[0].length;
      const upper = ident[0].toUpperCase();
      if (upper === "TRUE" || upper === "FALSE") return { kind: "boolean", value: upper === "TRUE" };
      return { kind: "name", name: ident[0] };
    }
    return fail("unexpected text");
  }

  function range(): Node {
    const left = primary();
    space();
    if (text[at] !== ":") return left;
    at++;
    space();
    const right = left.kind === "ref" ? cellRef(left.sheet) : fail("a range needs cell references");
    if (left.kind !== "ref" || right.kind !== "ref") return fail("a range needs cell references");
    return {
      kind: "ref",
      sheet: left.sheet,
      from: {
        row: Math.min(left.from.row, right.from.row),
        column: Math.min(left.from.column, right.from.column),
      },
      to: {
        row: Math.max(left.from.row, right.from.row),
        column: Math.max(left.from.column, right.from.column),
      },
    };
  }

  function unary(): Node {
    space();
    if (text[at] === "-" || text[at] === "+") {
      const op = text[at++] as "-" | "+";
      return { kind: "unary", op, arg: unary() };
    }
    return range();
  }

  function percent(): Node {
    let node = unary();
    while (eat("%")) node = { kind: "percent", arg: node };
    return node;
  }

  function binaryLevel(next: () => Node, ops: readonly string[]): () => Node {
    return () => {
      let node = next();
      for (;;) {
        space();
        const op = ops.find((o) => text.startsWith(o, at));
        if (!op) return node;
        at += op.length;
        node = { kind: "binary", op, left: node, right: next() };
      }
    };
  }

  const power = binaryLevel(percent, ["^"]);
  const product = binaryLevel(power, ["*", "/"]);
  const sum = binaryLevel(product, ["+", "-"]);
  const concat = binaryLevel(sum, ["&"]);
  // Longest operators first, so "<=" is not read as "<".
  const comparison = binaryLevel(concat, ["<=", ">=", "<>", "=", "<", ">"]);

  const node = comparison();
  space();
  if (at !== text.length) fail("unexpected text");
  return node;
}

// ---------------------------------------------------------------------------------------------
// Values

/** A rectangle of values: a range's cells or an array result. */
interface Matrix {
  readonly kind: "matrix";
  readonly rows: readonly (readonly CellValue[])[];
}
/** An unevaluated reference: functions such as ROWS and SUM treat ranges specially. */
interface Ref {
  readonly kind: "range";
  readonly sheet: string;
  readonly from: Cell;
  readonly to: Cell;
}
type Value = CellValue | Matrix | Ref;

const isMatrix = (v: Value): v is Matrix =>
  typeof v === "object" && v !== null && "kind" in v && v.kind === "matrix";
const isRef = (v: Value): v is Ref =>
  typeof v === "object" && v !== null && "kind" in v && v.kind === "range";
const isError = (v: unknown): v is ExcelError => v instanceof ExcelError;

const DIV0 = new ExcelError("#DIV/0!");
const NA = new ExcelError("#N/A");
const VALUE = new ExcelError("#VALUE!");

/** Text as Excel turns it into a number in arithmetic ("12" → 12; "abc" → #VALUE!). */
function toNumber(v: CellValue): number | ExcelError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isError(v)) return v;
  const trimmed = v.trim();
  if (trimmed === "" || !Number.isFinite(Number(trimmed))) return VALUE;
  return Number(trimmed);
}

function toBoolean(v: CellValue): boolean | ExcelError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (isError(v)) return v;
  const upper = v.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return VALUE;
}

function toText(v: CellValue): string | ExcelError {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return v;
}

/** Excel's ordering across types: numbers < text < booleans; text compares without regard to case. */
function compare(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  // A blank compares as 0, "" or FALSE, whichever the other side is.
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function binaryScalar(op: string, a: CellValue, b: CellValue): CellValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === "&") {
    const x = toText(a);
    const y = toText(b);
    return isError(x) ? x : isError(y) ? y : x + y;
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compare(a, b);
    return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] as boolean;
  }
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
function elementwise(
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

/**
 * COUNTIF's criterion as a test: a value matches equal cells (text without regard to case, with
 * * and ? wildcards); text such as ">0" or "<>done" compares with an operator.
 */
function criterion(wanted: CellValue): (value: CellValue) => boolean {
  if (isError(wanted)) return (value) => isError(value) && value.code === wanted.code;
  if (typeof wanted === "number" || typeof wanted === "boolean" || wanted === null)
    return (value) => value === (wanted ?? 0);
  const [, op = "=", operand] = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(wanted) as RegExpExecArray;
  const number = operand.trim() !== "" && Number.isFinite(Number(operand)) ? Number(operand) : null;
  if (number !== null) {
    return (value) => {
      if (typeof value !== "number") return op === "<>";
      const c = value < number ? -1 : value > number ? 1 : 0;
      return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[
        op
      ] as boolean;
    };
  }
  if (op === "=" || op === "<>") {
    const pattern = new RegExp(
      `^${operand
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, "[\\s\\S]*")
        .replace(/\?/g, "[\\s\\S]")}$`,
      "i",
    );
    const equal = (value: CellValue) =>
      operand === "" ? value === null || value === "" : typeof value === "string" && pattern.test(value);
    return op === "=" ? equal : (value) => !equal(value);
  }
  return (value) => {
    if (typeof value !== "string") return false;
    const c = compare(value, operand);
    return { "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] as boolean;
  };
}

/** Every value of the arguments, flattened, with whether each came from a range (or array). */
function* flatten(
  args: readonly Value[],
  deref: (ref: Ref) => CellValue | Matrix,
): Generator<[CellValue, boolean]> {
  for (const arg of args) {
    const value = isRef(arg) ? deref(arg) : arg;
    if (isMatrix(value)) {
      for (const row of value.rows) for (const cell of row) yield [cell, true];
    } else yield [value, false];
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook

const key = (sheet: string, row: number, column: number) => `${sheet}\u0000${row}\u0000${column}`;

/** Splits "'Case Rates'!$D$9:$G$9" into its sheet and corners. */
function parseReference(reference: string): Ref {
  const bang = reference.lastIndexOf("!");
  const sheet = reference
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const [first, last = first] = reference.slice(bang + 1).split(":");
  return { kind: "range", sheet, from: parseCell(first), to: parseCell(last) };
}

/** Calculates every formula of a workbook description. */
export function calculateWorkbook(spec: WorkbookSpec): CalculatedWorkbook {
  const contents = new Map<string, CellContent>();
  const sheetsByLowerName = new Map(spec.sheets.map((sheet) => [sheet.name.toLowerCase(), sheet.name]));
  for (const sheet of spec.sheets) {
    for (const block of sheet.blocks) {
      const origin = parseCell(block.address);
      block.rows.forEach((row, r) =>
        row.forEach((content, c) => {
          const k = key(sheet.name, origin.row + r, origin.column + c);
          // A later block's null empties the cell, as Office.js's writer does ("" in Range.formulas).
          if (content === null) contents.delete(k);
          else contents.set(k, content);
        }),
      );
    }
  }
  const formulaCount = [...contents.values()].filter(isFormula).length;
  const names = new Map(spec.names.map((name) => [name.name.toLowerCase(), parseReference(name.reference)]));
  const parsed = new Map<string, Node>();
  const results = new Map<string, Calculated>();
  const inProgress = new Set<string>();

  function valueAt(sheet: string, row: number, column: number): CellValue {
    const result = cellResult(sheet, row, column);
    if (!result.ok)
      throw new NotCalculated(`it uses ${cellAddress(row, column)} on ${sheet}, which is not calculated`);
    return result.value;
  }

  function deref(ref: Ref): CellValue | Matrix {
    const rows: CellValue[][] = [];
    for (let r = ref.from.row; r <= ref.to.row; r++) {
      const row: CellValue[] = [];
      for (let c = ref.from.column; c <= ref.to.column; c++) row.push(valueAt(ref.sheet, r, c));
      rows.push(row);
    }
    return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : { kind: "matrix", rows };
  }

  const plain = (v: Value): CellValue | Matrix => (isRef(v) ? deref(v) : v);
  const scalar = (v: Value): CellValue => {
    const value = plain(v);
    if (isMatrix(value)) throw new NotCalculated("a range where one value is expected");
    return value;
  };
  const asMatrix = (v: Value): Matrix => {
    const value = plain(v);
    return isMatrix(value) ? value : { kind: "matrix", rows: [[value]] };
  };
  const dimensions = (v: Value): { rows: number; columns: number } => {
    if (isRef(v)) return { rows: v.to.row - v.from.row + 1, columns: v.to.column - v.from.column + 1 };
    const m = asMatrix(v);
    return { rows: m.rows.length, columns: m.rows[0]?.length ?? 0 };
  };

  /** Numbers of SUM, MIN, MAX and COUNT: a range's numbers only; a direct argument converted. */
  function numbers(args: Value[], countOnly: boolean): number[] | ExcelError {
    const found: number[] = [];
    for (const [value, fromRange] of flatten(args, deref)) {
      if (isError(value)) {
        if (countOnly) continue;
        return value;
      }
      if (typeof value === "number") found.push(value);
      else if (!fromRange && value !== null) {
        const n = toNumber(value);
        if (isError(n)) {
          if (countOnly) continue;
          return n;
        }
        found.push(n);
      }
    }
    return found;
  }

  type Fn = (args: Node[], sheet: string) => Value;
  const evaluated =
    (fn: (values: Value[]) => Value): Fn =>
    (args, sheet) =>
      fn(args.map((a) => evaluate(a, sheet)));
  const arity = (name: string, args: unknown[], min: number, max = min) => {
    if (args.length < min || args.length > max)
      throw new NotCalculated(`${name} with ${args.length} arguments`);
  };

  /** The native functions the preview calculates: the starter workbook's, with Excel's rules. */
  const FUNCTIONS: Record<string, Fn> = {
    IF: (args, sheet) => {
      arity("IF", args, 2, 3);
      const test = scalar(evaluate(args[0], sheet));
      const truth = toBoolean(test);
      if (isError(truth)) return truth;
      if (truth) return evaluate(args[1], sheet);
      return args.length === 3 ? evaluate(args[2], sheet) : false;
    },
    AND: evaluated((values) => {
      let seen = false;
      for (const [value, fromRange] of flatten(values, deref)) {
        if (isError(value)) return value;
        if (fromRange && (value === null || typeof value === "string")) continue;
        const truth = toBoolean(value);
        if (isError(truth)) return truth;
        seen = true;
        if (!truth) return false;
      }
      return seen ? true : VALUE;
    }),
    NOT: evaluated((values) => {
      arity("NOT", values, 1);
      return elementwise([plain(values[0])], (v) => {
        const truth = toBoolean(v);
        return isError(truth) ? truth : !truth;
      });
    }),
    ISNUMBER: evaluated((values) => {
      arity("ISNUMBER", values, 1);
      return elementwise([plain(values[0])], (v) => typeof v === "number");
    }),
    ABS: evaluated((values) => {
      arity("ABS", values, 1);
      return elementwise([plain(values[0])], (v) => {
        const n = toNumber(v);
        return isError(n) ? n : Math.abs(n);
      });
    }),
    SUM: evaluated((values) => {
      const found = numbers(values, false);
      return isError(found) ? found : found.reduce((a, b) => a + b, 0);
    }),
    COUNT: evaluated((values) => {
      const found = numbers(values, true);
      return isError(found) ? found : found.length;
    }),
    MIN: evaluated((values) => {
      const found = numbers(values, false);
      return isError(found) ? found : found.length === 0 ? 0 : Math.min(...found);
    }),
    MAX: evaluated((values) => {
      const found = numbers(values, false);
      return isError(found) ? found : found.length === 0 ? 0 : Math.max(...found);
    }),
    ROWS: evaluated((values) => {
      arity("ROWS", values, 1);
      return dimensions(values[0]).rows;
    }),
    COLUMNS: evaluated((values) => {
      arity("COLUMNS", values, 1);
      return dimensions(values[0]).columns;
    }),
    SUMPRODUCT: evaluated((values) => {
      const arrays = values.map(asMatrix);
      const { rows, columns } = dimensions(arrays[0]);
      if (arrays.some((m) => m.rows.length !== rows || m.rows[0].length !== columns)) return VALUE;
      let total = 0;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          let product = 1;
          for (const m of arrays) {
            const v = m.rows[r][c];
            if (isError(v)) return v;
            product *= typeof v === "number" ? v : 0;
          }
          total += product;
        }
      }
      return total;
    }),
    N: evaluated((values) => {
      arity("N", values, 1);
      const value = scalar(values[0]);
      return typeof value === "number" || isError(value)
        ? value
        : typeof value === "boolean"
          ? Number(value)
          : 0;
    }),
    RANK: evaluated((values) => {
      arity("RANK", values, 2, 3);
      const number = toNumber(scalar(values[0]));
      if (isError(number)) return number;
      const order = values.length === 3 ? toNumber(scalar(values[2])) : 0;
      if (isError(order)) return order;
      const list: number[] = [];
      for (const [value] of flatten([values[1]], deref)) {
        if (isError(value)) return value;
        if (typeof value === "number") list.push(value);
      }
      if (!list.includes(number)) return NA;
      return 1 + list.filter((v) => (order === 0 ? v > number : v < number)).length;
    }),
    COUNTIF: evaluated((values) => {
      arity("COUNTIF", values, 2);
      const matches = criterion(scalar(values[1]));
      let count = 0;
      for (const [value] of flatten([values[0]], deref)) if (matches(value)) count++;
      return count;
    }),
    INDEX: evaluated((values) => {
      arity("INDEX", values, 2, 3);
      const array = asMatrix(values[0]);
      const indexes = values.slice(1).map((v) => toNumber(scalar(v)));
      const bad = indexes.find(isError);
      if (bad) return bad;
      let [row, column] = indexes as number[];
      // One row with one index: the index counts along the row.
      if (values.length === 2 && array.rows.length === 1) [row, column] = [1, row];
      column = column ?? 1;
      if (array.rows[0].length > 1 && array.rows.length > 1 && values.length === 2)
        throw new NotCalculated("INDEX of a whole row or column");
      const value = array.rows[Math.trunc(row) - 1]?.[Math.trunc(column) - 1];
      return value === undefined ? new ExcelError("#REF!") : value;
    }),
    MATCH: evaluated((values) => {
      arity("MATCH", values, 2, 3);
      const matchType = values.length === 3 ? toNumber(scalar(values[2])) : 1;
      if (matchType !== 0) throw new NotCalculated("MATCH other than exact (match_type 0)");
      const wanted = scalar(values[0]);
      if (isError(wanted)) return wanted;
      const lookup = asMatrix(values[1]);
      if (lookup.rows.length > 1 && lookup.rows[0].length > 1) return NA;
      const list = lookup.rows.length === 1 ? lookup.rows[0] : lookup.rows.map((row) => row[0]);
      const found = list.findIndex(
        (v) => v !== null && !isError(v) && typeof v === typeof wanted && compare(v, wanted) === 0,
      );
      return found < 0 ? NA : found + 1;
    }),
  };

  function evaluate(node: Node, sheet: string): Value {
    switch (node.kind) {
      case "number":
      case "string":
      case "boolean":
        return node.value;
      case "ref": {
        const target = node.sheet === null ? sheet : sheetsByLowerName.get(node.sheet.toLowerCase());
        if (target === undefined) return new ExcelError("#REF!");
        return { kind: "range", sheet: target, from: node.from, to: node.to };
      }
      case "name": {
        const ref = names.get(node.name.toLowerCase());
        if (!ref) throw new NotCalculated(`the name ${node.name} is not defined`);
        const target = sheetsByLowerName.get(ref.sheet.toLowerCase());
        return target === undefined ? new ExcelError("#REF!") : { ...ref, sheet: target };
      }
      case "call": {
        const fn = FUNCTIONS[node.fn];
        if (!fn) throw new NotCalculated(`${node.fn} is not one of the functions the preview calculates`);
        return fn(node.args, sheet);
      }
      case "unary":
        return elementwise([plain(evaluate(node.arg, sheet))], (v) =>
          node.op === "+" ? v : binaryScalar("-", 0, v),
        );
      case "percent":
        return elementwise([plain(evaluate(node.arg, sheet))], (v) => binaryScalar("/", v, 100));
      case "binary":
        return elementwise([plain(evaluate(node.left, sheet)), plain(evaluate(node.right, sheet))], (a, b) =>
          binaryScalar(node.op, a, b),
        );
    }
  }

  function cellResult(sheet: string, row: number, column: number): Calculated {
    const k = key(sheet, row, column);
    const known = results.get(k);
    if (known) return known;
    const content = contents.get(k) ?? null;
    if (!isFormula(content)) return { ok: true, value: content };
    if (inProgress.has(k)) throw new NotCalculated("a circular reference");
    inProgress.add(k);
    let result: Calculated;
    try {
      let node = parsed.get(k);
      if (!node) {
        node = parseFormula(content.formula);
        parsed.set(k, node);
      }
      const value = plain(evaluate(node, sheet));
      if (isMatrix(value)) throw new NotCalculated("the result is a range (it would spill)");
      result = { ok: true, value: value === null ? 0 : value };
    } catch (error) {
      if (!(error instanceof NotCalculated)) throw error;
      result = { ok: false, reason: error.message };
    } finally {
      inProgress.delete(k);
    }
    results.set(k, result);
    return result;
  }

  const cell = (sheet: string, address: string): Calculated => {
    const { row, column } = parseCell(address);
    return cellResult(sheet, row, column);
  };

  const notCalculated: { sheet: string; address: string; formula: string; reason: string }[] = [];
  for (const [k, content] of contents) {
    if (!isFormula(content)) continue;
    const [sheet, row, column] = k.split("\u0000");
    const result = cellResult(sheet, Number(row), Number(column));
    if (!result.ok)
      notCalculated.push({
        sheet,
        address: cellAddress(Number(row), Number(column)),
        formula: content.formula,
        reason: result.reason,
      });
  }

  return {
    content: (sheet, address) => {
      const { row, column } = parseCell(address);
      return contents.get(key(sheet, row, column));
    },
    cell,
    named: (name) => {
      const ref = names.get(name.toLowerCase());
      if (!ref) return undefined;
      const out: Calculated[] = [];
      for (let r = ref.from.row; r <= ref.to.row; r++)
        for (let c = ref.from.column; c <= ref.to.column; c++) out.push(cellResult(ref.sheet, r, c));
      return out;
    },
    notCalculated,
    formulaCount,
  };
}
