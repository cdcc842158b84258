/**
 * Tokens of Excel formulas shared by the build's functions reference (scripts/functions-reference.js,
 * plain Node) and the task pane's preview calculation (src/taskpane/preview/evaluate.ts, bundled for
 * the browser): dependency-free, with types in formulaTokens.d.ts beside it.
 */
"use strict";

/**
 * Reads the text constant that opens at text[at] (a '"'): "a ""quoted"" word" is
 * a "quoted" word. Returns its value and `end`, the index just past the closing quote; `closed` is
 * false when the formula ends first (`end` is then the formula's length).
 */
function readTextConstant(text, at) {
  let value = "";
  let i = at + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] !== '"') return { value, end: i + 1, closed: true };
      value += '"';
      i += 2;
    } else value += text[i++];
  }
  return { value, end: text.length, closed: false };
}

module.exports = { readTextConstant };
