/**
 * A workbook described as data: what both writers (Office.js and .xlsx) translate, and what the
 * starter workbook and the provider model produce. Nothing here knows how it will be written.
 */

/** A cell's constant content; null leaves the cell empty. */
export type Scalar = string | number | boolean | null;

/** A native Excel formula, without the leading "=" (as both writers' APIs want it written). */
export interface Formula {
  readonly formula: string;
}

export type CellContent = Scalar | Formula;

/** A rectangle of cells written in one go, top-left at `address` (A1 style, no sheet). */
export interface CellBlock {
  readonly address: string;
  readonly rows: readonly (readonly CellContent[])[];
}

/** The looks the workbook uses; the palette lives in styles.ts. */
export type StyleName =
  | "title"
  | "subtitle"
  | "section"
  | "header"
  | "label"
  | "units"
  | "input"
  | "calc"
  | "total"
  | "check"
  | "note";

/** A style and/or number format applied to a range. */
export interface FormatBlock {
  readonly range: string;
  readonly style?: StyleName;
  readonly numberFormat?: string;
}

/** Data validation on input cells, with the message Excel shows when the cell is selected. */
export interface Validation {
  readonly range: string;
  readonly kind: "decimal" | "whole" | "list";
  readonly min?: number;
  readonly max?: number;
  /** For a list: the allowed values. */
  readonly values?: readonly string[];
  readonly promptTitle: string;
  readonly prompt: string;
  readonly error: string;
}

/** Colours a range green where its value is TRUE and red where FALSE (the checks' traffic light). */
export interface CheckHighlight {
  readonly range: string;
}

/**
 * A native chart placed over a block of cells; its data are references, so it follows the model.
 * Both writers list a bar chart's categories top to bottom in the order of the cells (a tornado
 * reads like the sheet), and a column chart's left to right.
 */
export interface ChartSpec {
  /** bar: horizontal bars (a tornado); column: vertical, clustered. */
  readonly kind: "bar" | "column";
  readonly title: string;
  /** Top-left cell the chart covers, e.g. "B40". */
  readonly from: string;
  /** Bottom-right cell the chart covers (included), e.g. "H58". */
  readonly to: string;
  /** Absolute, sheet-qualified reference to the category labels, e.g. "Dashboard!$B$10:$B$14". */
  readonly categories: string;
  /** Each series: its legend name, and an absolute, sheet-qualified reference to its values. */
  readonly series: readonly { readonly name: string; readonly values: string }[];
}

export interface SheetSpec {
  readonly name: string;
  readonly tabColor: string;
  /** Widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly printArea: string;
  readonly blocks: readonly CellBlock[];
  readonly formats: readonly FormatBlock[];
  readonly validations: readonly Validation[];
  readonly checkHighlights: readonly CheckHighlight[];
  /** Native charts over this sheet's cells, in the order they are added. */
  readonly charts: readonly ChartSpec[];
}

/** A workbook-scoped defined name. */
export interface DefinedName {
  readonly name: string;
  /** An absolute reference with its sheet, e.g. `Inputs!$D$5` or `'Case Rates'!$D$9:$G$9`. */
  readonly reference: string;
  readonly comment: string;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly DefinedName[];
}

/** Marks text as a formula; `=` is added by neither writer, so leave it off. */
export function formula(text: string): Formula {
  return { formula: text.startsWith("=") ? text.slice(1) : text };
}

export function isFormula(content: CellContent): content is Formula {
  return typeof content === "object" && content !== null;
}
