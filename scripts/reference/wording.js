/**
 * The words both renderings of the functions reference share (the page and docs/functions.md):
 * the introduction, a function's syntax, what each parameter takes and what it returns.
 */
"use strict";

const { requireSource } = require("../requireSource");

const INTRO = [
  "Type these in a cell after the add-in is installed; Excel's autocomplete shows each function and argument with the descriptions below.",
  "A range argument takes a single cell, a row or a column; a function whose result is a range spills it in the shape of its input.",
  "A blank cell inside a range is an error, not zero: a blank case-mix share is not 0% by accident. Enter 0 (or 0%) where you mean none.",
  'Every input problem is #VALUE! with a message naming the argument, such as "case_mix sums to 97%, not 100%." (select the cell and the error flag to read it); a zero divisor, such as 0 enrollees, is #DIV/0!; a result too large for a number is #NUM!.',
  "Results are unrounded unless a function rounds on request (CASERATE's round_to); format cells as currency or % to show them as the toolkit prints them.",
  "The examples use the Case Rate Toolkit's worked example (Admirable Mental Health Partners, Zontanos Health and Wellness); each one is checked by the project's tests.",
];

/** "VBP.CASERATE(average_hours, rate_per_hour, [round_to])". */
function syntax(namespace, fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${namespace}.${fn.name}(${params.join(", ")})`;
}

/** What kind of value a parameter takes, in a user's words. */
function parameterKind(parameter) {
  const range = parameter.dimensionality === "matrix";
  if (parameter.type === "boolean") return range ? "range of TRUE/FALSE" : "TRUE or FALSE";
  if (parameter.type === "number") return range ? "number or range" : "number";
  return range ? "range" : "value";
}

function resultKind(fn) {
  return fn.result && fn.result.dimensionality === "matrix" ? "can spill a range" : "one value";
}

function cellText(cell) {
  if (cell.kind === "string") return cell.value;
  if (cell.kind === "boolean") return cell.value ? "TRUE" : "FALSE";
  return requireSource("core/format").groupThousands(cell.text);
}

module.exports = { INTRO, cellText, parameterKind, resultKind, syntax };
