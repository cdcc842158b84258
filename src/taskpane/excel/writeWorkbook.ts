import { columnLetter, parseSheetReference } from "../../workbook/a1";
import { type Naming, resolveNaming } from "../../workbook/freeNames";
import { type DataValidation, type SheetFont, type SheetSpec, type WorkbookSpec } from "../../workbook/spec";
import { sheetGrid } from "../../workbook/grid";
import { STYLE_LOOKS, type StyleLook } from "../../workbook/styles";
import { queueChart, type RangeOf } from "./writeChart";

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

function validationRule(validation: DataValidation): Excel.DataValidationRule {
  if (validation.kind === "list")
    return {
      list: { inCellDropDown: validation.inCellDropDown, source: (validation.values ?? []).join(",") },
    };
  const bounded = validation.max !== undefined;
  const rule = {
    formula1: validation.min,
    ...(bounded ? { formula2: validation.max } : {}),
    operator: bounded ? ("Between" as const) : ("GreaterThanOrEqualTo" as const),
  };
  return validation.kind === "whole" ? { wholeNumber: rule } : { decimal: rule };
}

const ERROR_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

/** Longest address list handed to one getRanges call; Excel caps a RangeAreas address's length. */
const MAX_AREAS_ADDRESS = 2000;

/** Joins addresses into comma-separated lists no longer than MAX_AREAS_ADDRESS. */
function chunkAddresses(addresses: readonly string[]): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current !== "" && current.length + 1 + address.length > MAX_AREAS_ADDRESS) {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? address : `${current},${address}`;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** Sets a style's look, in the sheet's font, on a range's (or range areas') format. */
function applyLook(format: Excel.RangeFormat, look: StyleLook, font: SheetFont): void {
  format.font.name = font.name;
  format.font.size = look.size ?? font.size;
  format.font.color = color(look.fontColor);
  format.font.bold = look.bold ?? false;
  format.font.italic = look.italic ?? false;
  if (look.fill) format.fill.color = color(look.fill);
  if (look.wrap) format.wrapText = true;
  if (look.horizontal) format.horizontalAlignment = ALIGNMENT[look.horizontal];
  format.verticalAlignment = ALIGNMENT[look.vertical];
  if (look.topBorder) {
    const edge = format.borders.getItem("EdgeTop");
    edge.style = "Continuous";
    edge.weight = "Thin";
    edge.color = color("000000");
  }
}

const ALIGNMENT = {
  left: "Left",
  center: "Center",
  right: "Right",
  top: "Top",
  bottom: "Bottom",
} as const;

/** Queues one sheet's writes; returns how many ranges it writes. */
export function queueSheet(worksheet: Excel.Worksheet, sheet: SheetSpec): number {
  let writes = 0;
  worksheet.tabColor = color(sheet.tabColor);
  worksheet.showGridlines = sheet.showGridlines;
  sheet.columnWidths.forEach((width, i) => {
    const letter = columnLetter(i + 1);
    worksheet.getRange(`${letter}:${letter}`).format.columnWidth =
      width * POINTS_PER_CHARACTER + COLUMN_PADDING_POINTS;
  });
  // The whole sheet's cells and number formats in one rectangle each, then one write per style.
  const grid = sheetGrid(sheet);
  const everything = worksheet.getRange(grid.address);
  everything.formulas = grid.formulas;
  everything.numberFormat = grid.numberFormats;
  writes += 2;
  for (const [style, runs] of grid.styleRuns) {
    for (const areas of chunkAddresses(runs)) {
      applyLook(worksheet.getRanges(areas).format, STYLE_LOOKS[style], sheet.font);
      writes++;
    }
  }
  for (const validation of sheet.validations) {
    const range = worksheet.getRange(validation.range);
    range.dataValidation.ignoreBlanks = validation.ignoreBlanks;
    range.dataValidation.rule = validationRule(validation);
    range.dataValidation.prompt = {
      showPrompt: true,
      title: validation.promptTitle,
      message: validation.prompt,
    };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: ERROR_STYLE[validation.errorStyle],
      title: validation.errorTitle,
      message: validation.error,
    };
    writes++;
  }
  for (const { range: address, rules } of sheet.conditionalFormats) {
    const range = worksheet.getRange(address);
    for (const rule of rules) {
      const conditional = range.conditionalFormats.add("Custom");
      conditional.custom.rule.formula = `=${rule.formula}`;
      conditional.custom.format.fill.color = color(rule.fill);
    }
    writes++;
  }
  const { rows, columns } = sheet.freeze;
  // freezeAt freezes at least a row and a column: only rows, or only columns, have their own call.
  if (columns === 0 && rows > 0) worksheet.freezePanes.freezeRows(rows);
  else if (rows === 0 && columns > 0) worksheet.freezePanes.freezeColumns(columns);
  else if (rows > 0 && columns > 0)
    worksheet.freezePanes.freezeAt(worksheet.getRange(`A1:${columnLetter(columns)}${rows}`));
  worksheet.pageLayout.setPrintArea(sheet.printArea);
  worksheet.pageLayout.orientation = sheet.pageSetup.orientation === "landscape" ? "Landscape" : "Portrait";
  worksheet.pageLayout.zoom = {
    horizontalFitToPages: sheet.pageSetup.fitToPagesWide,
    verticalFitToPages: sheet.pageSetup.fitToPagesTall,
  };
  if (sheet.pageSetup.printTitleRows > 0)
    worksheet.pageLayout.setPrintTitleRows(`$1:$${sheet.pageSetup.printTitleRows}`);
  worksheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = sheet.pageSetup.footer;
  for (const row of sheet.pageSetup.pageBreaksBefore) worksheet.horizontalPageBreaks.add(`A${row}`);
  return writes;
}

/** What went wrong, in the user's words: Office.js errors carry a message. */
function causeOf(error: unknown): string {
  const message =
    error instanceof Error || (typeof error === "object" && error !== null && "message" in error)
      ? String((error as { message: unknown }).message)
      : String(error);
  return message.replace(/\.$/, "");
}

/**
 * After the build's sync failed: deletes the sheets and names this build added that Excel did
 * create (a failed sync may have applied part of the batch), and answers the error to show. Only
 * the description's sheets and names that were not there `before` the build are deleted, so
 * nothing of the user's is. Two more syncs, on this path only.
 */
async function rollBack(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  before: { readonly sheets: readonly string[]; readonly names: readonly string[] },
  cause: unknown,
): Promise<Error> {
  const built = `The build stopped (${causeOf(cause)})`;
  try {
    const worksheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name");
    await context.sync();
    const ours = (list: readonly string[], theirs: readonly string[]) => {
      const taken = new Set(theirs.map((name) => name.toLowerCase()));
      return new Set(list.map((name) => name.toLowerCase()).filter((name) => !taken.has(name)));
    };
    const ourNames = ours(
      spec.names.map((name) => name.name),
      before.names,
    );
    const ourSheets = ours(
      spec.sheets.map((sheet) => sheet.name),
      before.sheets,
    );
    // Names first: deleting a sheet leaves the names that refer to it as #REF!.
    for (const name of names.items) if (ourNames.has(name.name.toLowerCase())) name.delete();
    for (const sheet of worksheets.items) if (ourSheets.has(sheet.name.toLowerCase())) sheet.delete();
    await context.sync();
  } catch (error) {
    return new Error(
      `${built}, and removing what it had added failed too (${causeOf(error)}): delete the sheets ${spec.sheets
        .map((sheet) => `"${sheet.name}"`)
        .join(", ")} by hand if they are there.`,
    );
  }
  return new Error(
    `${built}; the sheets and names it had added were removed, and your workbook is as it was.`,
  );
}

/**
 * Writes a described workbook into the open workbook in two `context.sync()` calls: one to learn
 * which sheet and defined names are taken, one for everything else. Nothing of the user's is
 * overwritten: a taken name gets the next free one, and the description is made with the names used.
 * When the second sync fails, what this build added is removed again (rollBack).
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
  const before = {
    sheets: worksheets.items.map((sheet) => sheet.name),
    names: names.items.map((name) => name.name),
  };
  const naming = resolveNaming(before.sheets, before.names, wanted.sheets, wanted.names);
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
  try {
    await context.sync();
    syncs++;
  } catch (error) {
    throw await rollBack(context, spec, before, error);
  }
  return { sheets: spec.sheets.map((sheet) => sheet.name), renamed: naming.renamed, syncs, rangeWrites };
}
