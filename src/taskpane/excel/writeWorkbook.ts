import { columnLetter, parseCell, parseSheetReference } from "../../workbook/a1";
import { type Naming, resolveNaming } from "../../workbook/freeNames";
import {
  type CellBlock,
  type ChartSpec,
  isFormula,
  type SheetSpec,
  type Validation,
  type WorkbookSpec,
} from "../../workbook/spec";
import { CHECK_FAIL_FILL, CHECK_PASS_FILL, STYLE_LOOKS } from "../../workbook/styles";

/** What the writer did, for the task pane to report. */
export interface WriteReport {
  /** The sheets written, by the names they got. */
  readonly sheets: readonly string[];
  /** Sheets and names that got another name because the workbook already had them. */
  readonly renamed: Naming["renamed"];
  /** `context.sync()` calls made: a constant, whatever the workbook's size. */
  readonly syncs: number;
  /** Ranges written (values/formulas, formats, validations), for the benchmark. */
  readonly rangeWrites: number;
}

/** Excel measures column widths in points; the description in characters of the default font. */
const POINTS_PER_CHARACTER = 5.25;
const COLUMN_PADDING_POINTS = 3.75;

const color = (rgb: string) => `#${rgb}`;

/** A block as a rectangle of what Range.formulas takes: formulas with "=", "" for empty. */
function blockFormulas(block: CellBlock): (string | number | boolean)[][] {
  const width = Math.max(...block.rows.map((row) => row.length));
  return block.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const content = row[c] ?? null;
      if (content === null) return "";
      return isFormula(content) ? `=${content.formula}` : content;
    }),
  );
}

function blockRange(block: CellBlock, rows: number, columns: number): string {
  const match = /^([A-Z]+)(\d+)$/.exec(block.address);
  if (!match) throw new Error(`Not a cell address: ${block.address}`);
  const firstColumn = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const lastColumn = columnLetter(firstColumn + columns - 1);
  return `${block.address}:${lastColumn}${Number(match[2]) + rows - 1}`;
}

function validationRule(validation: Validation): Excel.DataValidationRule {
  if (validation.kind === "list")
    return { list: { inCellDropDown: true, source: (validation.values ?? []).join(",") } };
  const bounded = validation.max !== undefined;
  const rule = {
    formula1: validation.min ?? 0,
    ...(bounded ? { formula2: validation.max } : {}),
    operator: bounded ? ("Between" as const) : ("GreaterThanOrEqualTo" as const),
  };
  return validation.kind === "whole" ? { wholeNumber: rule } : { decimal: rule };
}

/** The range a sheet-qualified reference names: on a sheet being written, or one already there. */
type RangeOf = (reference: string) => Excel.Range;

/**
 * Queues one chart: Excel makes a chart from a source range, so it gets the first series' values
 * (one series, by rows for a row of cells, by columns otherwise); that series is deleted and every
 * described series added with its own values and categories, so the chart's data are exactly the
 * described references. Bars list their categories top to bottom in the order of the cells.
 */
function queueChart(worksheet: Excel.Worksheet, chart: ChartSpec, rangeOf: RangeOf): void {
  if (chart.series.length === 0) throw new Error(`Chart "${chart.title}" has no series`);
  const source = chart.series[0].values;
  const [first, last = first] = parseSheetReference(source).address.split(":").map(parseCell);
  const byRows = first.row === last.row && first.column !== last.column;
  const added = worksheet.charts.add(
    chart.kind === "bar" ? "BarClustered" : "ColumnClustered",
    rangeOf(source),
    byRows ? "Rows" : "Columns",
  );
  added.series.getItemAt(0).delete();
  for (const described of chart.series) {
    const series = added.series.add(described.name);
    series.setValues(rangeOf(described.values));
    series.setXAxisValues(rangeOf(chart.categories));
  }
  added.title.text = chart.title;
  added.legend.visible = true;
  added.legend.position = "Bottom";
  if (chart.kind === "bar") {
    added.axes.categoryAxis.reversePlotOrder = true;
    // The value axis crosses at the last category, which reversed is the bottom.
    added.axes.categoryAxis.position = "Maximum";
  }
  added.setPosition(chart.from, chart.to);
}

/** Queues one sheet's writes; returns how many ranges it writes. */
export function queueSheet(worksheet: Excel.Worksheet, sheet: SheetSpec): number {
  let writes = 0;
  worksheet.tabColor = color(sheet.tabColor);
  worksheet.showGridlines = false;
  sheet.columnWidths.forEach((width, i) => {
    const letter = columnLetter(i + 1);
    worksheet.getRange(`${letter}:${letter}`).format.columnWidth =
      width * POINTS_PER_CHARACTER + COLUMN_PADDING_POINTS;
  });
  for (const block of sheet.blocks) {
    const formulas = blockFormulas(block);
    worksheet.getRange(blockRange(block, formulas.length, formulas[0].length)).formulas = formulas;
    writes++;
  }
  for (const format of sheet.formats) {
    const range = worksheet.getRange(format.range);
    if (format.style) {
      const look = STYLE_LOOKS[format.style];
      range.format.font.color = color(look.fontColor);
      range.format.font.bold = look.bold ?? false;
      range.format.font.italic = look.italic ?? false;
      if (look.size) range.format.font.size = look.size;
      if (look.fill) range.format.fill.color = color(look.fill);
      if (look.wrap) range.format.wrapText = true;
      if (look.horizontal)
        range.format.horizontalAlignment =
          look.horizontal === "center" ? "Center" : look.horizontal === "right" ? "Right" : "Left";
      range.format.verticalAlignment = "Top";
      if (look.topBorder) range.format.borders.getItem("EdgeTop").style = "Continuous";
    }
    if (format.numberFormat) range.numberFormat = [[format.numberFormat]];
    writes++;
  }
  for (const validation of sheet.validations) {
    const range = worksheet.getRange(validation.range);
    range.dataValidation.rule = validationRule(validation);
    range.dataValidation.prompt = {
      showPrompt: true,
      title: validation.promptTitle,
      message: validation.prompt,
    };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: validation.promptTitle,
      message: validation.error,
    };
    writes++;
  }
  for (const { range: address } of sheet.checkHighlights) {
    const range = worksheet.getRange(address);
    const topLeft = address.split(":")[0];
    for (const [value, fill] of [
      ["TRUE", CHECK_PASS_FILL],
      ["FALSE", CHECK_FAIL_FILL],
    ] as const) {
      const conditional = range.conditionalFormats.add("Custom");
      conditional.custom.rule.formula = `=${topLeft}=${value}`;
      conditional.custom.format.fill.color = color(fill);
    }
    writes++;
  }
  if (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) {
    if (sheet.freeze.columns === 0) worksheet.freezePanes.freezeRows(sheet.freeze.rows);
    else
      worksheet.freezePanes.freezeAt(
        worksheet.getRange(`A1:${columnLetter(sheet.freeze.columns)}${Math.max(1, sheet.freeze.rows)}`),
      );
  }
  worksheet.pageLayout.setPrintArea(sheet.printArea);
  return writes;
}

/**
 * Writes a described workbook into the open workbook in two `context.sync()` calls: one to learn
 * which sheet and defined names are taken, one for everything else. Nothing of the user's is
 * overwritten: a taken name gets the next free one, and the description is made with the names used.
 */
export async function writeWorkbook(
  context: Excel.RequestContext,
  wanted: { readonly sheets: readonly string[]; readonly names: readonly string[] },
  describe: (naming: Naming) => WorkbookSpec,
): Promise<WriteReport> {
  let syncs = 0;
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  syncs++;
  const naming = resolveNaming(
    worksheets.items.map((sheet) => sheet.name),
    names.items.map((name) => name.name),
    wanted.sheets,
    wanted.names,
  );
  const spec = describe(naming);
  const added = spec.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name));
  // Names first: formulas that use them then bind at once.
  for (const name of spec.names) context.workbook.names.add(name.name, `=${name.reference}`, name.comment);
  const bySheet = new Map(spec.sheets.map((sheet, i) => [sheet.name, added[i]]));
  const rangeOf: RangeOf = (reference) => {
    const { sheet, address } = parseSheetReference(reference);
    const worksheet = bySheet.get(sheet) ?? context.workbook.worksheets.getItem(sheet);
    return worksheet.getRange(address.replace(/\$/g, ""));
  };
  let rangeWrites = 0;
  spec.sheets.forEach((sheet, i) => (rangeWrites += queueSheet(added[i], sheet)));
  // Charts last: every cell they refer to, on any sheet, is written by then.
  spec.sheets.forEach((sheet, i) => sheet.charts.forEach((chart) => queueChart(added[i], chart, rangeOf)));
  added[0]?.activate();
  await context.sync();
  syncs++;
  return { sheets: spec.sheets.map((sheet) => sheet.name), renamed: naming.renamed, syncs, rangeWrites };
}
