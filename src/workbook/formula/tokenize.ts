import { readReference } from "./reference";
import { readTextConstant } from "./textConstant";
import type { Operator, Punctuation, Token } from "./token";

/**
 * The one reader of formula text: the preview's calculation, the FAST checks, the audit and the
 * build's functions reference all tokenize with it, so they agree on what a reference, a name, a
 * number or a text constant is. It never throws: what it cannot read is an "unknown" token, and a
 * text constant left open is a string token with `closed` false, for the reader to judge.
 */

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
const ERROR =
  /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)/iy;
/** Longest first, so "<=" is not read as "<" then "=". */
const OPERATORS: readonly Operator[] = [
  "<=",
  ">=",
  "<>",
  "+",
  "-",
  "*",
  "/",
  "^",
  "&",
  "=",
  "<",
  ">",
  "%",
  ":",
];
const PUNCTUATION = "(){},;";

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

/** The token that starts at `at` (not a space). */
function tokenAt(text: string, at: number): Token {
  const span = (length: number) => ({ start: at, end: at + length, text: text.slice(at, at + length) });
  const char = text[at];
  if (char === '"') {
    const { value, end, closed } = readTextConstant(text, at);
    return { kind: "string", value, closed, ...span(end - at) };
  }
  const reference = readReference(text, at);
  if (reference) return reference;
  const identifier = matchAt(IDENTIFIER, text, at);
  if (identifier) {
    if (text[at + identifier.length] === "(")
      return { kind: "function", name: identifier, ...span(identifier.length) };
    const upper = identifier.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") {
      return { kind: "boolean", value: upper === "TRUE", ...span(identifier.length) };
    }
    return { kind: "name", name: identifier, ...span(identifier.length) };
  }
  const number = matchAt(NUMBER, text, at);
  if (number) return { kind: "number", value: Number(number), ...span(number.length) };
  const error = matchAt(ERROR, text, at);
  if (error) return { kind: "error", code: error.toUpperCase(), ...span(error.length) };
  const operator = OPERATORS.find((op) => text.startsWith(op, at));
  if (operator) return { kind: "operator", operator, ...span(operator.length) };
  if (PUNCTUATION.includes(char)) return { kind: "punctuation", char: char as Punctuation, ...span(1) };
  return { kind: "unknown", ...span(1) };
}

/** The tokens of a formula (with or without its leading "="), spaces left out. */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < formula.length) {
    if (/\s/.test(formula[at])) {
      at++;
      continue;
    }
    const token = tokenAt(formula, at);
    tokens.push(token);
    at = token.end;
  }
  return tokens;
}
