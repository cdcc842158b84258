import type ExcelJS from "exceljs";
import { cellAddress, parseCell } from "../a1";
import {
  type CellContent,
  type DataValidation,
  isFormula,
  type SheetFont,
  type SheetSpec,
  type StyleName,
  type WorkbookSpec,
} from "../spec";
import { type CalculatedWorkbook, calculateWorkbook, type CellValue, ExcelError } from "../calc";
import { addChartsToXlsx } from "./charts";
import { sheetGrid } from "../grid";
import { asText } from "../text";
import { STYLE_LOOKS } from "../styles";

/** ExcelJS's constructor, passed in so the browser can load the library only when needed. */
export type ExcelJsModule = { Workbook: new () => ExcelJS.Workbook };

const argb = (rgb: string) => `FF${rgb}`;

/** Every cell address of a range such as "D5:G7". */
function cellsOf(range: string): { row: number; column: number }[] {
  const [first, last = first] = range.split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  const cells: { row: number; column: number }[] = [];
  for (let row = from.row; row <= to.row; row++) {
    for (let column = from.column; column <= to.column; column++) cells.push({ row, column });
  }
  return cells;
}

/** A calculated value as ExcelJS caches it: errors as error values, the rest as they are. */
function cachedResult(value: CellValue): ExcelJS.CellFormulaValue["result"] {
  if (value instanceof ExcelError) return { error: value.code as ExcelJS.CellErrorValue["error"] };
  return value ?? undefined;
}

/**
 * A cell's value; a formula carries its calculated value, so viewers that do not calculate
 * (Protected View, previews, pandas) show it. A formula the calculation cannot calculate is
 * written without one (Excel and LibreOffice calculate it on load); the tests require none.
 */
function cellValue(
  content: CellContent,
  calculated: () => ReturnType<CalculatedWorkbook["cell"]>,
): ExcelJS.CellValue {
  if (!isFormula(content)) return typeof content === "string" ? asText(content) : content;
  const result = calculated();
  return {
    formula: content.formula,
    ...(result.ok ? { result: cachedResult(result.value) } : {}),
    date1904: false,
  } as ExcelJS.CellFormulaValue;
}

function applyStyle(cell: ExcelJS.Cell, style: StyleName, font: SheetFont): void {
  const look = STYLE_LOOKS[style];
  cell.font = {
    name: font.name,
    size: look.size ?? font.size,
    color: { argb: argb(look.fontColor) },
    bold: look.bold ?? false,
    italic: look.italic ?? false,
  };
  if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  cell.alignment = {
    vertical: look.vertical === "center" ? "middle" : look.vertical,
    wrapText: look.wrap ?? false,
    ...(look.horizontal ? { horizontal: look.horizontal } : {}),
  };
  if (look.topBorder) cell.border = { top: { style: "thin", color: { argb: argb("000000") } } };
}

function dataValidation(validation: DataValidation): ExcelJS.DataValidation {
  const messages = {
    allowBlank: validation.ignoreBlanks,
    showInputMessage: true,
    promptTitle: validation.promptTitle,
    prompt: validation.prompt,
    showErrorMessage: true,
    errorStyle: validation.errorStyle,
    errorTitle: validation.errorTitle,
    error: validation.error,
  } as const;
  if (validation.kind === "list") {
    // OOXML's showDropDown is inverted: true hides the in-cell drop-down.
    return {
      type: "list",
      formulae: [`"${(validation.values ?? []).join(",")}"`],
      showDropDown: !validation.inCellDropDown,
      ...messages,
    } as ExcelJS.DataValidation;
  }
  const bounded = validation.max !== undefined;
  return {
    type: validation.kind,
    operator: bounded ? "between" : "greaterThanOrEqual",
    formulae: bounded ? [validation.min, validation.max] : [validation.min],
    ...messages,
  };
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetSpec, calculated: CalculatedWorkbook): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    properties: { tabColor: { argb: argb(sheet.tabColor) } },
    views: [
      {
        state: "frozen",
        xSplit: sheet.freeze.columns,
        ySplit: sheet.freeze.rows,
        showGridLines: sheet.showGridlines,
      },
    ],
    pageSetup: {
      printArea: sheet.printArea,
      orientation: sheet.pageSetup.orientation,
      fitToPage: true,
      fitToWidth: sheet.pageSetup.fitToPagesWide,
      fitToHeight: sheet.pageSetup.fitToPagesTall,
      ...(sheet.pageSetup.printTitleRows > 0
        ? { printTitlesRow: `1:${sheet.pageSetup.printTitleRows}` }
        : {}),
    },
    headerFooter: { oddFooter: `&C${sheet.pageSetup.footer}` },
  });
  sheet.columnWidths.forEach((width, i) => (worksheet.getColumn(i + 1).width = width));
  // ExcelJS breaks after a row: the break before a row goes after the one above it.
  for (const row of sheet.pageSetup.pageBreaksBefore) worksheet.getRow(row - 1).addPageBreak();
  for (const block of sheet.blocks) {
    const origin = parseCell(block.address);
    block.rows.forEach((cells, r) =>
      cells.forEach((content, c) => {
        // "" is an empty cell, as Range.formulas writes it: no cell of empty text in one writer only.
        if (content === null || content === "") return;
        const address = cellAddress(origin.row + r, origin.column + c);
        worksheet.getCell(address).value = cellValue(content, () => calculated.cell(sheet.name, address));
      }),
    );
  }
  // Formats resolved as the Office.js writer resolves them: the last to name a cell wins.
  const grid = sheetGrid(sheet);
  grid.numberFormats.forEach((formats, r) =>
    formats.forEach((numberFormat, c) => {
      if (numberFormat !== "General") worksheet.getCell(r + 1, c + 1).numFmt = numberFormat;
    }),
  );
  for (const [style, runs] of grid.styleRuns) {
    for (const run of runs)
      for (const { row, column } of cellsOf(run))
        applyStyle(worksheet.getCell(row, column), style, sheet.font);
  }
  // ExcelJS keeps range validations in a model its typings do not declare.
  const validations = (
    worksheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const validation of sheet.validations) validations.add(validation.range, dataValidation(validation));
  let priority = 1;
  for (const conditional of sheet.conditionalFormats) {
    worksheet.addConditionalFormatting({
      ref: conditional.range,
      rules: conditional.rules.map((rule) => ({
        type: "expression",
        priority: priority++,
        formulae: [rule.formula],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } } },
      })),
    });
  }
}

/** Translates a workbook description into an ExcelJS workbook; it decides nothing about content. */
export function toExcelJsWorkbook(spec: WorkbookSpec, excelJs: ExcelJsModule): ExcelJS.Workbook {
  const workbook = new excelJs.Workbook();
  workbook.creator = "Case Rate Workbench";
  workbook.calcProperties.fullCalcOnLoad = true;
  const calculated = calculateWorkbook(spec);
  for (const sheet of spec.sheets) writeSheet(workbook, sheet, calculated);
  for (const name of spec.names) workbook.definedNames.add(name.reference, name.name);
  return workbook;
}

/** The .xlsx file's bytes; ExcelJS cannot write charts, so they are added to its package after. */
export async function xlsxBytes(spec: WorkbookSpec, excelJs: ExcelJsModule): Promise<Uint8Array> {
  const buffer = await toExcelJsWorkbook(spec, excelJs).xlsx.writeBuffer();
  return addChartsToXlsx(new Uint8Array(buffer as ArrayBuffer), spec.sheets);
}
