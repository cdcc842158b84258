import { tokenize } from "./formula/tokenize";
import type { CellCorner } from "./formula/token";

/**
 * Reading formulas as text, for the FAST checks (numbers typed inside formulas, rows whose formulas
 * differ across columns) that the tests and the audit apply.
 */

/** Numbers a formula may hold: identities, not assumptions. */
const ALLOWED_NUMBERS = new Set([0, 1]);

/** A corner as an offset from the cell (row, column) when relative, as itself when absolute. */
function relativeCorner(corner: CellCorner, row: number, column: number): string {
  const c = corner.columnAbsolute ? `C${corner.column}` : `C[${corner.column - column}]`;
  const r = corner.rowAbsolute ? `R${corner.row}` : `R[${corner.row - row}]`;
  return `${r}${c}`;
}

/**
 * The formula with each relative reference written as an offset from its own cell (R1C1-like) and
 * text constants emptied, so formulas that do the same thing in different cells read the same.
 */
export function relativeForm(formula: string, row: number, column: number): string {
  let form = "";
  let at = 0;
  for (const token of tokenize(formula)) {
    form += formula.slice(at, token.start);
    at = token.end;
    if (token.kind === "string") form += '""';
    else if (token.kind === "reference") {
      const sheet = token.text.slice(0, token.text.lastIndexOf("!") + 1);
      const corners = [token.from, ...(token.to ? [token.to] : [])];
      form += sheet + corners.map((corner) => relativeCorner(corner, row, column)).join(":");
    } else form += token.text;
  }
  return form;
}

/** The numbers typed inside a formula (other than 0 and 1), e.g. 158 in "=D5*158". */
export function typedNumbers(formula: string): number[] {
  return tokenize(formula).flatMap((token) =>
    token.kind === "number" && !ALLOWED_NUMBERS.has(token.value) ? [token.value] : [],
  );
}
