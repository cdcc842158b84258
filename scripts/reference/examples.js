/**
 * The functions reference's example formulas and stated results, read with the one formula
 * tokenizer (src/workbook/formula): numbers (10, 158.62, 20%), "text", TRUE and FALSE, array
 * constants ({1;2} a column, {1,2} a row) and calls (=VBP.CASERATE(...)). Numbers keep how many
 * decimals they were written with, so a stated result can be compared at its rounding.
 */
"use strict";

const { requireSource } = require("../requireSource");
const { tokenize } = requireSource("workbook/formula/tokenize");

function parser(text) {
  const tokens = tokenize(text);
  let i = 0;
  const fail = (what) => {
    throw new Error(`${what} at character ${(tokens[i] ? tokens[i].start : text.length) + 1} of: ${text}`);
  };
  const is = (kind, symbol, token = tokens[i]) =>
    token !== undefined &&
    token.kind === kind &&
    (symbol === undefined || token.char === symbol || token.operator === symbol);
  const expect = (char) => {
    if (!is("punctuation", char)) fail(`expected "${char}"`);
    i++;
  };

  /** A number written with a sign just before it and a % just after, as one constant. */
  function number() {
    const sign =
      is("operator", "-") && tokens[i + 1] && tokens[i + 1].start === tokens[i].end ? tokens[i] : null;
    const digits = tokens[i + (sign ? 1 : 0)];
    if (!is("number", undefined, digits) || !/^\d+(\.\d+)?$/.test(digits.text)) {
      fail("expected a number, text, TRUE or FALSE");
    }
    i += sign ? 2 : 1;
    const percent = is("operator", "%") && tokens[i].start === digits.end ? tokens[i++] : null;
    const written = (sign ? "-" : "") + digits.text;
    const decimals = (digits.text.split(".")[1] || "").length + (percent ? 2 : 0);
    // Scaling by 100 in decimal text keeps 20% exactly 0.2.
    const value = percent ? Number((Number(written) / 100).toFixed(decimals)) : Number(written);
    return {
      kind: "number",
      value,
      decimals,
      text: text.slice((sign || digits).start, (percent || digits).end),
    };
  }

  function scalar() {
    const token = tokens[i];
    if (is("string")) {
      if (!token.closed) {
        i = tokens.length;
        fail("unterminated text");
      }
      i++;
      return { kind: "string", value: token.value };
    }
    if (is("boolean")) {
      i++;
      return { kind: "boolean", value: token.value };
    }
    return number();
  }

  function array() {
    expect("{");
    const rows = [[scalar()]];
    for (;;) {
      if (is("punctuation", ",")) {
        i++;
        rows[rows.length - 1].push(scalar());
      } else if (is("punctuation", ";")) {
        i++;
        rows.push([scalar()]);
      } else if (is("punctuation", "}")) {
        i++;
        break;
      } else fail('expected ",", ";" or "}"');
    }
    if (rows.some((row) => row.length !== rows[0].length)) fail("array rows of different lengths");
    return { kind: "array", rows };
  }

  function call() {
    const name = is("function") && /^([A-Z][A-Z0-9_]*)\.([A-Z][A-Z0-9_]*)$/i.exec(tokens[i].name);
    if (!name) fail("expected a function call");
    i++;
    expect("(");
    const node = { kind: "call", namespace: name[1], id: name[2].toUpperCase(), args: [] };
    if (is("punctuation", ")")) {
      i++;
      return node;
    }
    for (;;) {
      node.args.push(is("punctuation", ",") || is("punctuation", ")") ? { kind: "omitted" } : operand());
      const separator = tokens[i];
      i++;
      if (is("punctuation", ")", separator)) break;
      if (!is("punctuation", ",", separator)) fail('expected "," or ")"');
    }
    return node;
  }

  function operand() {
    if (is("punctuation", "{")) return array();
    if (is("function")) return call();
    return scalar();
  }

  function done(node) {
    if (i !== tokens.length) fail("unexpected text");
    return node;
  }

  return {
    formula() {
      if (!is("operator", "=")) fail('expected "="');
      i++;
      return done(call());
    },
    value() {
      return done(is("punctuation", "{") ? array() : scalar());
    },
  };
}

/** An example formula ("=VBP.CASES(30000, 10%)") as a call tree. */
function parseFormula(text) {
  return parser(text).formula();
}

/** A stated result ("3000", "50%", or an array constant) as a constant. */
function parseConstant(text) {
  return parser(text).value();
}

/** A constant as rows of cells: a scalar is one row of one cell. */
function constantRows(constant) {
  return constant.kind === "array" ? constant.rows : [[constant]];
}

module.exports = { constantRows, parseConstant, parseFormula };
