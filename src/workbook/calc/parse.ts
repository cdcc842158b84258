import type { Token } from "../formula/token";
import { tokenize } from "../formula/tokenize";
import { type Cell, NotCalculated } from "./values";

/**
 * Parses a formula's tokens into a tree, with Excel's precedence (lowest first): comparison, &,
 * + and -, * and /, ^, %, then a sign (so -2^2 is 4, as in Excel). What it cannot parse raises
 * NotCalculated, naming the character where it stopped.
 */

export type Node =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "ref"; sheet: string | null; from: Cell; to: Cell }
  | { kind: "name"; name: string }
  | { kind: "call"; fn: string; args: Node[] }
  | { kind: "unary"; op: "-" | "+"; arg: Node }
  | { kind: "percent"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

/** Binary operators by precedence level, lowest first; longest first within a level. */
const LEVELS: readonly (readonly string[])[] = [
  ["<=", ">=", "<>", "=", "<", ">"],
  ["&"],
  ["+", "-"],
  ["*", "/"],
  ["^"],
];

/** A formula (without its "=") as a tree. */
export function parseFormula(text: string): Node {
  const tokens = tokenize(text);
  let i = 0;
  const fail = (what: string): never => {
    throw new NotCalculated(`${what} at character ${(tokens[i]?.start ?? text.length) + 1}`);
  };
  const isOperator = (token: Token | undefined, operators: readonly string[]) =>
    token?.kind === "operator" && operators.includes(token.operator);
  const isPunctuation = (char: string) => {
    const token = tokens[i];
    return token?.kind === "punctuation" && token.char === char;
  };
  const expect = (char: string) => {
    if (!isPunctuation(char)) fail(`expected "${char}"`);
    i++;
  };

  function call(fn: string): Node {
    expect("(");
    const args: Node[] = [];
    if (isPunctuation(")")) i++;
    else {
      args.push(level(0));
      while (isPunctuation(",")) {
        i++;
        args.push(level(0));
      }
      expect(")");
    }
    return { kind: "call", fn: fn.toUpperCase(), args };
  }

  function primary(): Node {
    const token = tokens[i];
    if (token === undefined) return fail("unexpected text");
    switch (token.kind) {
      case "punctuation": {
        if (token.char !== "(") break;
        i++;
        const inner = level(0);
        expect(")");
        return inner;
      }
      case "string":
        if (!token.closed) {
          i = tokens.length;
          return fail("unterminated text");
        }
        i++;
        return { kind: "string", value: token.value };
      case "number":
      case "boolean":
        i++;
        return { kind: token.kind, value: token.value } as Node;
      case "reference": {
        i++;
        const to = token.to ?? token.from;
        return {
          kind: "ref",
          sheet: token.sheet ?? null,
          from: { row: Math.min(token.from.row, to.row), column: Math.min(token.from.column, to.column) },
          to: { row: Math.max(token.from.row, to.row), column: Math.max(token.from.column, to.column) },
        };
      }
      case "function":
        i++;
        return call(token.name);
      case "name":
        if (token.sheet !== undefined) return fail("expected a cell reference");
        i++;
        return { kind: "name", name: token.name };
    }
    return fail("unexpected text");
  }

  function unary(): Node {
    const token = tokens[i];
    if (isOperator(token, ["-", "+"]) && token.kind === "operator") {
      i++;
      return { kind: "unary", op: token.operator as "-" | "+", arg: unary() };
    }
    const node = primary();
    if (isOperator(tokens[i], [":"])) fail("a range needs cell references");
    return node;
  }

  function percent(): Node {
    let node = unary();
    while (isOperator(tokens[i], ["%"])) {
      i++;
      node = { kind: "percent", arg: node };
    }
    return node;
  }

  function level(depth: number): Node {
    const next = () => (depth + 1 < LEVELS.length ? level(depth + 1) : percent());
    let node = next();
    for (;;) {
      const token = tokens[i];
      if (token?.kind !== "operator" || !LEVELS[depth].includes(token.operator)) return node;
      i++;
      node = { kind: "binary", op: token.operator, left: node, right: next() };
    }
  }

  const node = level(0);
  if (i !== tokens.length) fail("unexpected text");
  return node;
}
