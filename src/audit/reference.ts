import { cellAddress, parseCell } from "../workbook/a1";
import type { CellRef } from "./types";

/** A reference as a user or Excel writes it: a defined name, or a range on a sheet. */
export type ParsedReference =
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "range"; readonly sheet: string; readonly range: string };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const RANGE = new RegExp(`^(${CELL})(?::(${CELL}))?$`);
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
/** Excel's limits: a name that reads like a cell address ("AB12") is not a name. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/**
 * Parses "Inputs!$D$5", "'Case Rates'!D12:G12" or a defined name such as "CaseRates"; a leading "="
 * is allowed. Null when the text is none of them.
 */
export function parseReference(text: string): ParsedReference | null {
  const trimmed = text.trim().replace(/^=/, "");
  const bang = trimmed.lastIndexOf("!");
  if (bang < 0) {
    if (!NAME.test(trimmed) || RANGE.test(trimmed) || /^(TRUE|FALSE)$/i.test(trimmed)) return null;
    return { kind: "name", name: trimmed };
  }
  const rawSheet = trimmed.slice(0, bang);
  const quoted = /^'((?:[^']|'')+)'$/.exec(rawSheet);
  const sheet = quoted ? quoted[1].replace(/''/g, "'") : rawSheet;
  if (sheet === "" || (!quoted && !/^[^\s'!:[\]*?/\\]+$/.test(sheet))) return null;
  const range = trimmed
    .slice(bang + 1)
    .replace(/\$/g, "")
    .toUpperCase();
  const match = RANGE.exec(range);
  if (!match) return null;
  const corners = [match[1], match[2] ?? match[1]].map(parseCell);
  if (corners.some((c) => c.row < 1 || c.row > MAX_ROW || c.column < 1 || c.column > MAX_COLUMN)) return null;
  return { kind: "range", sheet, range };
}

/** The cells of "D5:G7", row by row; a single address gives one cell. */
export function cellsOfRange(sheet: string, range: string): CellRef[] {
  const [first, last = first] = range.replace(/\$/g, "").toUpperCase().split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  const cells: CellRef[] = [];
  for (let row = Math.min(from.row, to.row); row <= Math.max(from.row, to.row); row++) {
    for (
      let column = Math.min(from.column, to.column);
      column <= Math.max(from.column, to.column);
      column++
    ) {
      cells.push({ sheet, address: cellAddress(row, column) });
    }
  }
  return cells;
}

/** The cells of a range reference such as Office.js's `Range.address` ("'Case Rates'!D12:G12"). */
export function cellsOfAddress(address: string): CellRef[] {
  const parsed = parseReference(address);
  if (parsed === null || parsed.kind !== "range") throw new Error(`Not a range address: ${address}`);
  return cellsOfRange(parsed.sheet, parsed.range);
}

/** Rows and columns of a list of cells laid out as a rectangle (as a range's cells are). */
export function shapeOf(cells: readonly CellRef[]): { rows: number; columns: number } {
  const positions = cells.map((cell) => parseCell(cell.address));
  const rows = new Set(positions.map((p) => p.row)).size;
  const columns = new Set(positions.map((p) => p.column)).size;
  return { rows, columns };
}
