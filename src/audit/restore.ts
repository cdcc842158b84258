/**
 * Putting the user's inputs back exactly. Range.formulas gives a formula as "=…" and a constant as
 * its value; written back, a text constant that reads like a number, a date, TRUE or a formula would
 * be re-read as one ("00123" → 123). Such text goes back with Excel's quote prefix, as typing it would.
 */

/** The types Office.js reports per cell (Range.valueTypes). */
export type CellValueType =
  "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

/** Text that Excel would not keep as text when entered as is. */
function rereadAsSomethingElse(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return text !== "";
  if (/^[=+\-@']/.test(text)) return true;
  if (/^(TRUE|FALSE)$/i.test(trimmed)) return true;
  if (/^#[A-Z0-9/!?]+[!?A-Z0-9]*$/i.test(trimmed)) return true; // #N/A and other error texts
  if (/^\(?[$€£]?\s*[\d.,]+\s*%?\)?$/.test(trimmed) && /\d/.test(trimmed)) return true; // 00123, 1,5, (12), 10%
  if (/^\d+(\.\d+)?E[+-]?\d+$/i.test(trimmed)) return true;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(trimmed) || /^\d{1,2}:\d{2}/.test(trimmed)) return true; // dates, times
  return false;
}

/** The formulas to write back so each cell reads as it did: constants, text and formulas alike. */
export function restoreFormulas(
  formulas: readonly (readonly unknown[])[],
  valueTypes?: readonly (readonly CellValueType[])[],
): unknown[][] {
  return formulas.map((row, r) =>
    row.map((formula, c) => {
      if (typeof formula !== "string" || formula.startsWith("=")) return formula;
      const type = valueTypes?.[r]?.[c];
      return type === "String" && rereadAsSomethingElse(formula) ? `'${formula}` : formula;
    }),
  );
}
