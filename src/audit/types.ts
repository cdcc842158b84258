/**
 * The audit's vocabulary: a workbook read as a grid of cells, and the report it produces. Pure data,
 * shared by the command line (ExcelJS + LibreOffice) and the task pane (Office.js).
 */

/** What a cell shows after calculation: a number, text, TRUE/FALSE, an error such as "#REF!", or null. */
export type AuditValue = number | string | boolean | null | { readonly error: string };

/** A cell: its sheet and its A1 address without "$" ("D12"). */
export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}

/** A cell as audited: its formula without "=" (when it has one) and its calculated value. */
export interface AuditCell extends CellRef {
  readonly formula?: string;
  readonly value: AuditValue;
}

/** The workbook as the audit sees it: the example's inputs in place, recalculated. */
export interface AuditGrid {
  readonly sheetNames: readonly string[];
  cell(sheet: string, address: string): AuditCell | undefined;
  /** Every non-empty cell. */
  cells(): readonly AuditCell[];
  /** The cells a workbook-scoped defined name refers to (row by row); undefined when not defined. */
  named(name: string): readonly CellRef[] | undefined;
}

export type Verdict = "pass" | "rounding" | "fail";

/** How a figure is shown: it decides number formats and the words of explanations. */
export type FigureUnit = "cases" | "share" | "hours" | "dollars" | "ratePerHour";

/** One audited figure: the toolkit's printed value, the workbook's, the core's and the verdict. */
export interface FigureResult {
  /** Stable id such as `step7.budget.total`. */
  readonly figure: string;
  /** What the figure is, in words ("total budget"). */
  readonly label: string;
  readonly unit: FigureUnit;
  /** The toolkit's printed value, or null where the toolkit prints none (checked against the core). */
  readonly published: number | null;
  /** Decimals the toolkit prints the figure at (0 for whole dollars, 2 for a share shown as a %). */
  readonly decimals: number;
  /** What the workbook shows: a number, or the text/error/blank it shows instead. */
  readonly workbook: AuditValue;
  /** The core's unrounded value on the example's inputs (and the workbook's rate per hour). */
  readonly core: number;
  /** Workbook − published (workbook − core where the toolkit prints none); null when not a number. */
  readonly difference: number | null;
  readonly verdict: Verdict;
  /** One sentence, computed from the figures, on why. */
  readonly explanation: string;
  /** Where the workbook holds the figure. */
  readonly cell: CellRef | null;
}

export type FaultKind =
  "number-in-formula" | "inconsistent-row" | "number-over-formula" | "empty-reference" | "error-value";

/** A modelling fault the FAST Standard names, at one cell. */
export interface Fault {
  readonly sheet: string;
  readonly cell: string;
  readonly kind: FaultKind;
  readonly explanation: string;
}

/** A finding about the toolkit's own text, computed from its figures. */
export interface SourceNote {
  readonly id: string;
  readonly note: string;
}

/** How the workbook was calculated before its outputs were read. */
export interface Calculation {
  /** excel: the open workbook; libreoffice: a copy recalculated headless; cached: values last saved. */
  readonly engine: "excel" | "libreoffice" | "cached";
  /** Said plainly when the audit could not recalculate. */
  readonly note?: string;
}

export interface AuditSummary {
  /**
   * fail when any figure fails (a required one missing included) or any cell shows an error value;
   * other modelling faults are reported but do not fail the audit.
   */
  readonly result: "pass" | "fail";
  readonly figures: number;
  readonly pass: number;
  readonly rounding: number;
  readonly fail: number;
  readonly faults: number;
  /** Cells showing an error value such as #NAME? or #REF! (each also one of the faults). */
  readonly errors: number;
  /** The summary in one line, first in every form of the report. */
  readonly line: string;
}

export interface AuditReport {
  readonly summary: AuditSummary;
  readonly calculation: Calculation;
  readonly figures: readonly FigureResult[];
  readonly faults: readonly Fault[];
  readonly sourceNotes: readonly SourceNote[];
  /** What the audit did and could not do: inputs written, names not found. */
  readonly notes: readonly string[];
}

/** Input the audit cannot use (a mapping, a workbook's shape): one sentence the user can act on. */
export class AuditInputError extends Error {
  override readonly name = "AuditInputError";
}

/** "Inputs!D5", quoting the sheet as a formula would. */
export function cellName(ref: CellRef): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(ref.sheet)
    ? ref.sheet
    : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${ref.address}`;
}
