import { columnNumber } from "../a1";
import type { CellCorner, Token } from "./token";

/**
 * Reading references: an optional sheet prefix ('Case Rates'! or Inputs!), then a cell or a range
 * of cells (D5, $D$5:G$9, d5), whole rows (5:5) or whole columns (D:G), or, after a sheet prefix, a
 * sheet's defined name. Letters and digits that run on into a longer name (PMPM, Q1Total) or a
 * call (LOG10() are not references, nor is a cell beyond Excel's grid (XFD1048576).
 */

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** A character that continues a name: after one, the letters and digits before are not a reference. */
const NAME_CHAR = /[A-Za-z0-9_.\\]/;

const QUOTED_SHEET = /'((?:[^']|'')+)'!/y;
const PLAIN_SHEET = /([A-Za-z_][A-Za-z0-9_.]*)!/y;
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)/y;
const RANGE_COLON = /\s*:\s*/y;
const ROWS = /(\$?)(\d+):(\$?)(\d+)/y;
const COLUMNS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const NAME = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;

/** The match of a sticky pattern at `at`, or null. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** True when what follows `end` makes the text before it part of a longer name or a call. */
function runsOn(text: string, end: number): boolean {
  const next = text[end] ?? "";
  return NAME_CHAR.test(next) || next === "(" || next === "!";
}

/** A cell corner at `at`, if one stands there on its own. */
function cornerAt(text: string, at: number): { corner: CellCorner; end: number } | null {
  const match = matchAt(CELL, text, at);
  if (!match || runsOn(text, at + match[0].length)) return null;
  const row = Number(match[4]);
  const column = columnNumber(match[2]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return null;
  const corner = { row, column, rowAbsolute: match[3] === "$", columnAbsolute: match[1] === "$" };
  return { corner, end: at + match[0].length };
}

/** The sheet prefix at `at`: the sheet's name and the index just past its "!". */
function sheetAt(text: string, at: number): { sheet: string; end: number } | null {
  const quoted = matchAt(QUOTED_SHEET, text, at);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), end: at + quoted[0].length };
  const plain = matchAt(PLAIN_SHEET, text, at);
  return plain ? { sheet: plain[1], end: at + plain[0].length } : null;
}

/** What follows a sheet prefix (or stands alone) at `at`: cells, rows, columns or a sheet's name. */
function referenceBody(text: string, at: number, sheet: string | undefined): Token | null {
  const onSheet = sheet === undefined ? {} : { sheet };
  const span = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });
  const first = cornerAt(text, at);
  if (first) {
    const colon = matchAt(RANGE_COLON, text, first.end);
    const second = colon ? cornerAt(text, first.end + colon[0].length) : null;
    if (second) {
      return {
        kind: "reference",
        ...onSheet,
        from: first.corner,
        to: second.corner,
        ...span(at, second.end),
      };
    }
    return { kind: "reference", ...onSheet, from: first.corner, ...span(at, first.end) };
  }
  const rows = matchAt(ROWS, text, at);
  if (rows && !runsOn(text, at + rows[0].length)) {
    const [from, to] = [Number(rows[2]), Number(rows[4])];
    if (from >= 1 && to >= 1 && from <= MAX_ROW && to <= MAX_ROW) {
      return { kind: "rows", ...onSheet, from, to, ...span(at, at + rows[0].length) };
    }
  }
  const columns = matchAt(COLUMNS, text, at);
  if (columns && !runsOn(text, at + columns[0].length)) {
    const [from, to] = [columnNumber(columns[2]), columnNumber(columns[4])];
    if (from <= MAX_COLUMN && to <= MAX_COLUMN) {
      return { kind: "columns", ...onSheet, from, to, ...span(at, at + columns[0].length) };
    }
  }
  if (sheet === undefined) return null;
  const name = matchAt(NAME, text, at);
  if (!name || text[at + name[0].length] === "(") return null;
  return { kind: "name", sheet, name: name[0], ...span(at, at + name[0].length) };
}

/** The reference that starts at `at` (with its sheet prefix, if any), or null when none does. */
export function readReference(text: string, at: number): Token | null {
  const prefix = sheetAt(text, at);
  const body = referenceBody(text, prefix ? prefix.end : at, prefix?.sheet);
  return body && { ...body, start: at, text: text.slice(at, body.end) };
}
