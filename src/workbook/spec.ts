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

/** A validation as both writers write it: every setting decided here (SheetBuilder.validate). */
export interface DataValidation extends Validation {
  /** The lower bound of a number rule. */
  readonly min: number;
  /** An empty cell passes. */
  readonly ignoreBlanks: boolean;
  /** A list shows its values in a drop-down in the cell. */
  readonly inCellDropDown: boolean;
  /** What Excel does with a value that fails: refuse it (stop), or warn. */
  readonly errorStyle: "stop" | "warning" | "information";
  readonly errorTitle: string;
}

/**
 * A conditional format: where a rule's formula is TRUE for a cell, the cell gets the rule's fill.
 * Rules apply in order of priority, the first first. The formula is written for the range's
 * top-left cell, without "=", with relative references (e.g. "D5=TRUE"), as Excel reads it.
 */
export interface ConditionalFormat {
  readonly range: string;
  readonly rules: readonly { readonly formula: string; readonly fill: string }[];
}

/** How a sheet prints: the print area, the orientation, and the pages it is fitted to. */
export interface PageSetup {
  readonly orientation: "portrait" | "landscape";
  /** Pages across; 0 = as many as the columns need. */
  readonly fitToPagesWide: number;
  /** Pages down; 0 = as many as the rows need. */
  readonly fitToPagesTall: number;
  /** Rows 1 to this one repeat at the top of every printed page (the sheet's title rows); 0 = none. */
  readonly printTitleRows: number;
  /** The centre footer of every page, in Excel's header/footer codes (&A the sheet, &P the page). */
  readonly footer: string;
  /** Rows that start a new printed page (each chart's first row), so no chart splits across pages. */
  readonly pageBreaksBefore: readonly number[];
}

/** The font of every styled cell, unless its style sets its own size (styles.ts). */
export interface SheetFont {
  readonly name: string;
  readonly size: number;
}

/** One series of a chart: its legend name, its values, and its colour. */
export interface ChartSeries {
  readonly name: string;
  /** An absolute, sheet-qualified reference to its values. */
  readonly values: string;
  /** Its bars' fill, RRGGBB. */
  readonly color: string;
}

/**
 * A native chart placed over a block of cells; its data are references, so it follows the model.
 * Both writers list a bar chart's categories top to bottom in the order of the cells (a tornado
 * reads like the sheet), and a column chart's left to right. The preview draws the same chart.
 */
export interface ChartSpec {
  /** bar: horizontal bars (a tornado); column: vertical. */
  readonly kind: "bar" | "column";
  readonly title: string;
  /** Top-left cell the chart covers, e.g. "B40". */
  readonly from: string;
  /** Bottom-right cell the chart covers (included), e.g. "H58". */
  readonly to: string;
  /** Absolute, sheet-qualified reference to the category labels, e.g. "Dashboard!$B$10:$B$14". */
  readonly categories: string;
  readonly series: readonly ChartSeries[];
  /** Where the legend goes. */
  readonly legend: "bottom" | "right";
  /**
   * How far a category's bars overlap, -100 to 100 (% of a bar): 0 side by side, 100 one bar per
   * category (a tornado's down and up swings, or series that each fill only some categories).
   */
  readonly overlap: number;
  /** The gap between categories, 0 to 500 (% of a bar's width). */
  readonly gapWidth: number;
  /** The value axis's number format, as the charted cells are formatted (e.g. "$"#,##0). */
  readonly valueAxisFormat: string;
}

export interface SheetSpec {
  readonly name: string;
  readonly tabColor: string;
  /** Widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly showGridlines: boolean;
  /** The cells printed, A1 style without the sheet. */
  readonly printArea: string;
  readonly pageSetup: PageSetup;
  readonly font: SheetFont;
  readonly blocks: readonly CellBlock[];
  readonly formats: readonly FormatBlock[];
  readonly validations: readonly DataValidation[];
  readonly conditionalFormats: readonly ConditionalFormat[];
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
