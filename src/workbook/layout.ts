import { cellAddress, columnLetter, parseCell, rangeAddress } from "./a1";
import { CHECK_FAIL_FILL, CHECK_PASS_FILL, SHEET_FONT } from "./styles";
import type {
  CellBlock,
  CellContent,
  ChartSpec,
  ConditionalFormat,
  DataValidation,
  FormatBlock,
  PageSetup,
  SheetSpec,
  StyleName,
  Validation,
} from "./spec";

/** Column of row labels, of units, and of the first value (FAST: label, units, then values). */
export const LABEL_COLUMN = 2;
export const UNITS_COLUMN = 3;
export const FIRST_VALUE_COLUMN = 4;

/** The columns of a sheet with a value column per level of care, then a total column. */
export function levelColumnsOf(levelCount: number): {
  levelColumns: number[];
  lastLevelColumn: number;
  totalColumn: number;
} {
  const levelColumns = Array.from({ length: levelCount }, (_, i) => FIRST_VALUE_COLUMN + i);
  const lastLevelColumn = FIRST_VALUE_COLUMN + levelCount - 1;
  return { levelColumns, lastLevelColumn, totalColumn: lastLevelColumn + 1 };
}

/**
 * Every sheet prints landscape, one page wide and as many pages down as it needs, with the sheet's
 * name, the page and the product in the footer; build() repeats the sheet's frozen title rows.
 */
export const PAGE_SETUP: PageSetup = {
  orientation: "landscape",
  fitToPagesWide: 1,
  fitToPagesTall: 0,
  printTitleRows: 0,
  footer: "&A · Page &P · Case Rate Workbench",
  pageBreaksBefore: [],
};

/** A boolean shown as TRUE or FALSE, as Excel writes it (text shows as it is). */
export const CHECK_NUMBER_FORMAT = '"TRUE";"TRUE";"FALSE"';

/** How a run of value cells looks. */
export interface ValueLook {
  readonly style: StyleName;
  readonly numberFormat?: string;
}

/** Lays a sheet out top to bottom, a row at a time, and records where everything went. */
export class SheetBuilder {
  private nextRow = 1;
  private lastColumn = FIRST_VALUE_COLUMN;
  private readonly blocks: CellBlock[] = [];
  private readonly formats: FormatBlock[] = [];
  private readonly validations: DataValidation[] = [];
  private readonly conditionalFormats: ConditionalFormat[] = [];
  private readonly charts: ChartSpec[] = [];

  constructor(
    readonly name: string,
    private readonly tabColor: string,
    private readonly columnWidths: readonly number[],
    private readonly freeze: { rows: number; columns: number },
  ) {}

  /** The row the next write goes to. */
  get row(): number {
    return this.nextRow;
  }

  /** Leaves `count` empty rows. */
  skip(count = 1): void {
    this.nextRow += count;
  }

  /** Writes cells at a row and column (a block), styling each written cell; returns the row. */
  put(row: number, column: number, cells: readonly CellContent[], look?: ValueLook): number {
    if (cells.length === 0) return row;
    this.blocks.push({ address: cellAddress(row, column), rows: [cells] });
    const last = column + cells.length - 1;
    this.lastColumn = Math.max(this.lastColumn, last);
    if (look) this.format(rangeAddress(row, column, row, last), look.style, look.numberFormat);
    return row;
  }

  /** Writes a rectangle of cells (a table body) in one block; returns its first row. */
  putTable(column: number, rows: readonly (readonly CellContent[])[], look?: ValueLook): number {
    const first = this.putBlock(this.nextRow, column, rows, look);
    this.nextRow += rows.length;
    return first;
  }

  /**
   * Writes a rectangle of cells in one block at a row and column, the next row left where it was
   * (a table's column of formulas beside its inputs, each column its own formula); returns the row.
   */
  putBlock(row: number, column: number, rows: readonly (readonly CellContent[])[], look?: ValueLook): number {
    if (rows.length === 0) return row;
    const width = Math.max(...rows.map((cells) => cells.length));
    this.blocks.push({ address: cellAddress(row, column), rows });
    this.lastColumn = Math.max(this.lastColumn, column + width - 1);
    this.nextRow = Math.max(this.nextRow, row + rows.length);
    if (look)
      this.format(
        rangeAddress(row, column, row + rows.length - 1, column + width - 1),
        look.style,
        look.numberFormat,
      );
    return row;
  }

  /** A FAST line: label, units, then values from FIRST_VALUE_COLUMN; returns its row. */
  line(label: string, units: string, values: readonly CellContent[], look: ValueLook): number {
    const row = this.nextRow++;
    this.put(row, LABEL_COLUMN, [label], { style: "label" });
    if (units !== "") this.put(row, UNITS_COLUMN, [units], { style: "units" });
    this.put(row, FIRST_VALUE_COLUMN, values, look);
    return row;
  }

  /** A heading row of the given style starting at the label column; returns its row. */
  heading(cells: readonly CellContent[], style: StyleName = "header"): number {
    const row = this.nextRow++;
    this.put(row, LABEL_COLUMN, cells, { style });
    return row;
  }

  /** A section band, e.g. "Step 2 · Penetration rate"; leaves a blank row before it. */
  section(title: string, width: number): number {
    if (this.nextRow > 4) this.skip();
    const row = this.nextRow++;
    this.put(row, LABEL_COLUMN, [title, ...Array<CellContent>(Math.max(0, width - 1)).fill(null)], {
      style: "section",
    });
    return row;
  }

  /** A note in the label column, in the note style. */
  note(text: string): number {
    return this.heading([text], "note");
  }

  format(range: string, style?: StyleName, numberFormat?: string): void {
    this.formats.push({ range, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
  }

  /** Validates input cells: blanks allowed, a failing value refused, the prompt's title on the error. */
  validate(validation: Validation): void {
    this.validations.push({
      ...validation,
      min: validation.min ?? 0,
      ignoreBlanks: true,
      inCellDropDown: true,
      errorStyle: "stop",
      errorTitle: validation.promptTitle,
    });
  }

  /**
   * The checks' traffic light: green where the range's value is TRUE, red where FALSE. The cells
   * get an explicit boolean number format: LibreOffice's PDF export aborts ("Unspecified
   * Application Error") on a conditionally formatted General cell holding TRUE or FALSE next to a
   * filled cell; Excel shows TRUE and FALSE whatever the format, so the look is the same
   * (LibreOffice saves such a cell as 1/0, which readXlsx reads back as the boolean it is).
   */
  highlightCheck(range: string): void {
    const topLeft = range.split(":")[0];
    this.format(range, undefined, CHECK_NUMBER_FORMAT);
    this.conditionalFormats.push({
      range,
      rules: [
        { formula: `${topLeft}=TRUE`, fill: CHECK_PASS_FILL },
        { formula: `${topLeft}=FALSE`, fill: CHECK_FAIL_FILL },
      ],
    });
  }

  /** Places a native chart over the cells `chart.from`:`chart.to`, legend below; its data are references. */
  chart(chart: Omit<ChartSpec, "legend">): void {
    this.charts.push({ ...chart, legend: "bottom" });
  }

  /**
   * The finished sheet: no gridlines, the workbook's font, printed landscape one page wide with its
   * frozen rows as print titles, each chart starting a page; the print area covers every written
   * cell and every chart.
   */
  build(): SheetSpec {
    const chartCorners = this.charts.map((chart) => parseCell(chart.to));
    const lastColumn = Math.max(this.lastColumn, ...chartCorners.map((corner) => corner.column));
    const lastRow = Math.max(1, this.nextRow - 1, ...chartCorners.map((corner) => corner.row));
    return {
      name: this.name,
      tabColor: this.tabColor,
      columnWidths: this.columnWidths,
      freeze: this.freeze,
      showGridlines: false,
      printArea: `A1:${columnLetter(lastColumn)}${lastRow}`,
      pageSetup: {
        ...PAGE_SETUP,
        printTitleRows: this.freeze.rows,
        // A chart starts a page (one below the title rows already does): it never splits.
        pageBreaksBefore: [...new Set(this.charts.map((chart) => parseCell(chart.from).row))]
          .filter((row) => row > this.freeze.rows + 1)
          .sort((a, b) => a - b),
      },
      font: SHEET_FONT,
      blocks: this.blocks,
      formats: this.formats,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
    };
  }
}
