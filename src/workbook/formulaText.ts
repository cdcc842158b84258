import { columnNumber } from "./a1";

/**
 * Reading formulas as text, for the FAST checks (numbers typed inside formulas, rows whose formulas
 * differ across columns) that the tests and the audit apply.
 */

/** A cell reference such as D5, $D$5 or D$5, not part of a longer name or a function call. */
const CELL_REFERENCE = /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
/** A number literal, not part of a name or a reference. */
const NUMBER_LITERAL = /(?<![A-Za-z0-9_.$])\d+(?:\.\d+)?(?:E[+-]?\d+)?(?![A-Za-z0-9_(])/gi;
/** Numbers a formula may hold: identities, not assumptions. */
const ALLOWED_NUMBERS = new Set([0, 1]);

/** The formula with string literals and quoted sheet names emptied, so text is not read as code. */
export function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "''!");
}

/**
 * The formula with each relative reference written as an offset from its own cell (R1C1-like),
 * so formulas that do the same thing in different cells read the same.
 */
export function relativeForm(formula: string, row: number, column: number): string {
  return withoutStrings(formula).replace(
    CELL_REFERENCE,
    (_all, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const c = colAbs ? `C${columnNumber(letters)}` : `C[${columnNumber(letters) - column}]`;
      const r = rowAbs ? `R${digits}` : `R[${Number(digits) - row}]`;
      return `${r}${c}`;
    },
  );
}

/** The numbers typed inside a formula (other than 0 and 1), e.g. 158 in "=D5*158". */
export function typedNumbers(formula: string): number[] {
  const code = withoutStrings(formula).replace(CELL_REFERENCE, "ref");
  return (code.match(NUMBER_LITERAL) ?? []).map(Number).filter((n) => !ALLOWED_NUMBERS.has(n));
}
