import { cellAddress, parseCell } from "../workbook/a1";
import { count } from "./format";
import { AuditInputError, type CellRef } from "./types";

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

/**
 * The most cells the audit lists for a range, and that a workbook's defined names may cover
 * together: one full column. A field needs at most 4 cells (one per level of care, scenario or
 * cohort); a name such as A1:XFD1048576 (17,179,869,184 cells) is refused from its corners.
 */
export const MAX_NAMED_CELLS = 1_048_576;

function cornersOf(range: string): {
  from: { row: number; column: number };
  to: { row: number; column: number };
} {
  const [first, last = first] = range.replace(/\$/g, "").toUpperCase().split(":");
  return { from: parseCell(first), to: parseCell(last) };
}

/** How many cells "D5:G7" covers, counted from its corners: no cell is listed. */
export function rangeSize(range: string): number {
  const { from, to } = cornersOf(range);
  return (Math.abs(to.row - from.row) + 1) * (Math.abs(to.column - from.column) + 1);
}

/**
 * Cells a defined name's reference covers: the sum of its areas ("Inputs!$D$5:$G$5,Inputs!$D$9");
 * 0 for anything that is not a plain range (a formula, a constant, a whole column).
 */
export function referenceSize(reference: string): number {
  return reference.split(",").reduce((total, area) => {
    const parsed = parseReference(area);
    return total + (parsed?.kind === "range" ? rangeSize(parsed.range) : 0);
  }, 0);
}

/** A defined name of a workbook and the text it refers to ("'Case Rates'!$D$12:$G$12"). */
export interface DefinedName {
  readonly name: string;
  readonly reference: string;
}

/**
 * Refuses a workbook whose defined names together cover more than MAX_NAMED_CELLS cells, naming
 * the largest: reading such names lists every cell, and a whole-sheet name exhausts memory.
 */
export function checkDefinedNameSizes(names: readonly DefinedName[]): void {
  const sized = names.map((name) => ({ ...name, size: referenceSize(name.reference) }));
  const total = sized.reduce((sum, name) => sum + name.size, 0);
  if (total <= MAX_NAMED_CELLS) return;
  const largest = sized.reduce((a, b) => (b.size > a.size ? b : a));
  throw new AuditInputError(
    `its defined name ${largest.name} covers ${count(largest.size)} cells (${largest.reference}); the audit reads workbooks whose defined names cover at most ${count(MAX_NAMED_CELLS)} cells in all (one full column), and a field needs at most 4.`,
  );
}

/** The cells of "D5:G7", row by row; a single address gives one cell. Refuses a range over MAX_NAMED_CELLS. */
export function cellsOfRange(sheet: string, range: string): CellRef[] {
  const size = rangeSize(range);
  if (size > MAX_NAMED_CELLS) {
    throw new AuditInputError(
      `${sheet}!${range} covers ${count(size)} cells; the audit lists at most ${count(MAX_NAMED_CELLS)} cells of a range (one full column).`,
    );
  }
  const { from, to } = cornersOf(range);
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
