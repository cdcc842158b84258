import JSZip from "jszip";
/**
 * Both writers translate the same description into the same workbook. The .xlsx writer's file is
 * read back with ExcelJS (and its chart parts from the package), the Office.js writer's calls are
 * recorded by office-addin-mock; each is read into one neutral model (cells, formulas, number
 * formats, looks, names, merges, validations, conditional formats, page setup, charts), and the
 * two models must be equal: neither writer adds a choice of its own.
 */
import ExcelJS from "exceljs";
import { writeWorkbook } from "../../src/taskpane/excel/writeWorkbook";
import { cellAddress, parseCell, parseSheetReference } from "../../src/workbook/a1";
import { describeStarterWorkbook, starterOptions, starterWanted } from "../../src/workbook/starter";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { xlsxBytes } from "../../src/workbook/xlsx/writeXlsx";
import { excelMock, type ExcelMock } from "../helpers/excelMock";
import { readXlsxCharts } from "../helpers/xlsxCharts";

type Constant = string | number | boolean;

/** How a cell looks, as both writers can say it. */
interface Look {
  font: { name: string; size: number; color: string; bold: boolean; italic: boolean };
  fill?: string;
  wrap: boolean;
  horizontal?: string;
  vertical: string;
  topBorder?: string;
}

interface NeutralValidation {
  kind: string;
  operator?: string;
  bounds?: number[];
  values?: string[];
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
  errorStyle: string;
  ignoreBlanks: boolean;
  inCellDropDown?: boolean;
}

interface NeutralChart {
  kind: string;
  title: string;
  from: string;
  to: string;
  series: { name: string; values: string; categories: string; color: string }[];
  legend: string;
  reversedCategories: boolean;
  overlap: number;
  gapWidth: number;
  valueAxisFormat: string;
}

interface NeutralSheet {
  tabColor: string;
  columnWidths: number[];
  showGridlines: boolean;
  frozen: { rows: number; columns: number };
  cells: Record<string, { formula: string } | { value: Constant }>;
  numberFormats: Record<string, string>;
  looks: Record<string, Look>;
  merges: string[];
  validations: Record<string, NeutralValidation>;
  conditionalFormats: { range: string; rules: { formula: string; fill: string }[] }[];
  pageSetup: {
    printArea: string;
    orientation: string;
    fitToPagesWide: number;
    fitToPagesTall: number;
    /** The rows repeated at the top of each page, "1:3", or "" for none. */
    printTitleRows: string;
    /** The centre footer, in Excel's codes. */
    footer: string;
    /** The rows that start a printed page. */
    pageBreaksBefore: number[];
  };
  charts: NeutralChart[];
}

interface NeutralWorkbook {
  sheets: Record<string, NeutralSheet>;
  names: Record<string, string>;
}

/** Every cell of "D5:G7" (or of a single cell). */
function cellsOf(range: string): string[] {
  const [first, last = first] = range.replace(/\$/g, "").split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  const cells: string[] = [];
  for (let row = from.row; row <= to.row; row++)
    for (let column = from.column; column <= to.column; column++) cells.push(cellAddress(row, column));
  return cells;
}

/** A reference as "Sheet!A1:B2": unquoted, no "$", no "=". */
function plainReference(reference: string): string {
  const { sheet, address } = parseSheetReference(reference.replace(/^=/, ""));
  return `${sheet}!${address.replace(/\$/g, "")}`;
}

const rgb = (color: string | undefined) =>
  (color ?? "")
    .replace(/^#/, "")
    .replace(/^FF(?=[0-9A-F]{6}$)/i, "")
    .toUpperCase();

// ---------------------------------------------------------------- the .xlsx, read back with ExcelJS

async function fromXlsx(bytes: Uint8Array): Promise<NeutralWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const charts = await readXlsxCharts(bytes);
  // ExcelJS does not read page breaks back: each sheet's <brk id="N"> breaks after row N.
  const zip = await JSZip.loadAsync(bytes);
  const breaks = new Map<number, number[]>();
  for (const [part, file] of Object.entries(zip.files)) {
    const sheetNumber = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part);
    if (sheetNumber)
      breaks.set(
        Number(sheetNumber[1]),
        [...(await file.async("string")).matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1),
      );
  }
  const sheets: Record<string, NeutralSheet> = {};
  workbook.eachSheet((worksheet) => {
    const cells: NeutralSheet["cells"] = {};
    const numberFormats: Record<string, string> = {};
    const looks: Record<string, Look> = {};
    worksheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = cell.value as unknown;
        if (value !== null && value !== undefined) {
          cells[cell.address] =
            typeof value === "object" && "formula" in (value as object)
              ? { formula: (value as { formula: string }).formula }
              : { value: value as Constant };
        }
        if (cell.numFmt && cell.numFmt !== "General") numberFormats[cell.address] = cell.numFmt;
        if (cell.font?.name) {
          const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
          const top = cell.border?.top;
          looks[cell.address] = {
            font: {
              name: cell.font.name,
              size: cell.font.size ?? 0,
              color: rgb(cell.font.color?.argb),
              bold: cell.font.bold ?? false,
              italic: cell.font.italic ?? false,
            },
            ...(fill?.fgColor?.argb ? { fill: rgb(fill.fgColor.argb) } : {}),
            wrap: cell.alignment?.wrapText ?? false,
            ...(cell.alignment?.horizontal ? { horizontal: cell.alignment.horizontal } : {}),
            vertical: cell.alignment?.vertical === "middle" ? "center" : String(cell.alignment?.vertical),
            ...(top?.style ? { topBorder: `${top.style} ${rgb(top.color?.argb)}` } : {}),
          };
        }
      }),
    );
    const validations: Record<string, NeutralValidation> = {};
    const model = (
      worksheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    for (const [range, v] of Object.entries(model)) {
      const list = v.type === "list";
      const neutral: NeutralValidation = {
        kind: v.type,
        ...(list
          ? {
              values: String(v.formulae[0]).replace(/^"|"$/g, "").split(","),
              inCellDropDown: !(v as { showDropDown?: boolean }).showDropDown,
            }
          : { operator: v.operator ?? "between", bounds: v.formulae.map(Number) }),
        promptTitle: v.promptTitle ?? "",
        prompt: v.prompt ?? "",
        errorTitle: v.errorTitle ?? "",
        error: v.error ?? "",
        errorStyle: v.errorStyle ?? "stop",
        ignoreBlanks: v.allowBlank ?? false,
      };
      for (const cell of cellsOf(range.replace(/^range:/, ""))) validations[cell] = neutral;
    }
    const conditional = (
      worksheet as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { priority: number; formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[];
        }[];
      }
    ).conditionalFormattings;
    const view = worksheet.views[0] as { xSplit?: number; ySplit?: number; showGridLines?: boolean };
    const setup = worksheet.pageSetup;
    sheets[worksheet.name] = {
      tabColor: rgb(worksheet.properties.tabColor?.argb),
      columnWidths: (worksheet.columns ?? []).map((column) => column.width ?? 0).filter((w) => w > 0),
      showGridlines: view.showGridLines ?? true,
      frozen: { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 },
      cells,
      numberFormats,
      looks,
      merges: [...((worksheet.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
      validations,
      conditionalFormats: conditional.map((format) => ({
        range: format.ref,
        rules: [...format.rules]
          .sort((a, b) => a.priority - b.priority)
          .map((rule) => ({ formula: rule.formulae[0], fill: rgb(rule.style.fill.bgColor.argb) })),
      })),
      pageSetup: {
        printArea: String(setup.printArea),
        orientation: String(setup.orientation),
        fitToPagesWide: setup.fitToWidth ?? 1,
        fitToPagesTall: setup.fitToHeight ?? 1,
        printTitleRows: String(setup.printTitlesRow ?? "").replace(/\$/g, ""),
        footer: String(worksheet.headerFooter.oddFooter ?? "").replace(/^&C/, ""),
        pageBreaksBefore: breaks.get(worksheet.id) ?? [],
      },
      charts: (charts.get(worksheet.name) ?? []).map((chart) => ({
        kind: chart.barDir === "bar" ? "bar" : "column",
        title: chart.title,
        from: chart.anchor.from,
        to: chart.anchor.to,
        series: chart.series.map((s) => ({
          name: s.name,
          values: plainReference(s.values),
          categories: plainReference(s.categories),
          color: s.color,
        })),
        legend: { b: "bottom", r: "right" }[chart.legendPosition] ?? chart.legendPosition,
        reversedCategories: /<c:catAx>[\s\S]*?<c:orientation val="maxMin"\/>/.test(chart.xml),
        overlap: chart.overlap,
        gapWidth: chart.gapWidth,
        valueAxisFormat: chart.valueAxisFormat,
      })),
    };
  });
  const names: Record<string, string> = {};
  for (const { name, ranges } of (
    workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }
  ).model)
    names[name] = plainReference(ranges[0]);
  return { sheets, names };
}

// ------------------------------------------------------- the Office.js calls, as the mock recorded them

/** The one value every series was given; fails when they differ or one was not set. */
function onlyValue(values: (number | undefined)[]): number {
  const distinct = [...new Set(values)];
  if (distinct.length !== 1 || distinct[0] === undefined)
    throw new Error(`The series disagree or were not set: ${values.join(", ")}`);
  return distinct[0];
}

const POINTS_PER_CHARACTER = 5.25;
const COLUMN_PADDING_POINTS = 3.75;

function fromOfficeJs(excel: ExcelMock): NeutralWorkbook {
  const sheets: Record<string, NeutralSheet> = {};
  for (const [name, recorded] of excel.sheets) {
    const ranges = excel.ranges.filter((range) => range.sheet === name);
    const cells: NeutralSheet["cells"] = {};
    const numberFormats: Record<string, string> = {};
    const looks: Record<string, Look> = {};
    const validations: Record<string, NeutralValidation> = {};
    const conditionalFormats: NeutralSheet["conditionalFormats"] = [];
    const columnWidths: number[] = [];
    for (const range of ranges) {
      const mock = range.mock as Record<string, unknown>;
      const origin = parseCell(range.address.split(/[:,]/)[0].replace(/^([A-Z]+)$/, "$11"));
      const at = (r: number, c: number) => cellAddress(origin.row + r, origin.column + c);
      if (Array.isArray(mock.formulas)) {
        (mock.formulas as Constant[][]).forEach((row, r) =>
          row.forEach((content, c) => {
            if (content === "") return;
            cells[at(r, c)] =
              typeof content === "string" && content.startsWith("=")
                ? { formula: content.slice(1) }
                : { value: content };
          }),
        );
      }
      if (Array.isArray(mock.numberFormat)) {
        (mock.numberFormat as string[][]).forEach((row, r) =>
          row.forEach((format, c) => {
            if (format !== "General") numberFormats[at(r, c)] = format;
          }),
        );
      }
      const format = mock.format as {
        columnWidth?: number;
        font: { name?: string; size?: number; color?: string; bold?: boolean; italic?: boolean };
        fill: { color?: string };
        wrapText?: boolean;
        horizontalAlignment?: string;
        verticalAlignment?: string;
      };
      if (format.columnWidth !== undefined) {
        columnWidths[parseCell(`${range.address.split(":")[0]}1`).column - 1] =
          (format.columnWidth - COLUMN_PADDING_POINTS) / POINTS_PER_CHARACTER;
      }
      if (format.font.name !== undefined) {
        const top = range.borders.get("EdgeTop") as { weight?: string; color?: string } | undefined;
        const look: Look = {
          font: {
            name: format.font.name,
            size: format.font.size ?? 0,
            color: rgb(format.font.color),
            bold: format.font.bold ?? false,
            italic: format.font.italic ?? false,
          },
          ...(format.fill.color ? { fill: rgb(format.fill.color) } : {}),
          wrap: format.wrapText ?? false,
          ...(format.horizontalAlignment ? { horizontal: format.horizontalAlignment.toLowerCase() } : {}),
          vertical: String(format.verticalAlignment).toLowerCase(),
          ...(top ? { topBorder: `${String(top.weight).toLowerCase()} ${rgb(top.color)}` } : {}),
        };
        for (const area of range.address.split(",")) for (const cell of cellsOf(area)) looks[cell] = look;
      }
      const validation = mock.dataValidation as {
        ignoreBlanks?: boolean;
        rule?: Record<
          string,
          {
            formula1?: number;
            formula2?: number;
            operator?: string;
            source?: string;
            inCellDropDown?: boolean;
          }
        >;
        prompt?: { title: string; message: string };
        errorAlert?: { title: string; message: string; style: string };
      };
      if (validation.rule) {
        const [kind, rule] = Object.entries(validation.rule)[0];
        const operator = rule.operator === "Between" ? "between" : "greaterThanOrEqual";
        const neutral: NeutralValidation = {
          kind: kind === "wholeNumber" ? "whole" : kind,
          ...(kind === "list"
            ? { values: String(rule.source).split(","), inCellDropDown: rule.inCellDropDown ?? true }
            : {
                operator,
                bounds: [rule.formula1, rule.formula2].filter((b): b is number => b !== undefined),
              }),
          promptTitle: validation.prompt?.title ?? "",
          prompt: validation.prompt?.message ?? "",
          errorTitle: validation.errorAlert?.title ?? "",
          error: validation.errorAlert?.message ?? "",
          errorStyle: (validation.errorAlert?.style ?? "").toLowerCase(),
          // Excel's default when the writer leaves it.
          ignoreBlanks: validation.ignoreBlanks ?? true,
        };
        for (const cell of cellsOf(range.address)) validations[cell] = neutral;
      }
      if (range.conditionalFormats.length > 0) {
        conditionalFormats.push({
          range: range.address,
          rules: range.conditionalFormats.map(({ mock: added }) => {
            const custom = added.custom as { rule: { formula: string }; format: { fill: { color: string } } };
            return { formula: custom.rule.formula.replace(/^=/, ""), fill: rgb(custom.format.fill.color) };
          }),
        });
      }
    }
    const sheetMock = recorded.mock as Record<string, unknown>;
    const pageLayout = sheetMock.pageLayout as {
      headersFooters: { defaultForAllPages: { centerFooter?: string } };
      orientation?: string;
      zoom?: { horizontalFitToPages: number; verticalFitToPages: number };
    };
    sheets[name] = {
      tabColor: rgb(sheetMock.tabColor as string),
      columnWidths: columnWidths.map((width) => Math.round(width * 1000) / 1000),
      showGridlines: (sheetMock.showGridlines as boolean | undefined) ?? true,
      frozen: recorded.frozen ?? { rows: 0, columns: 0 },
      cells,
      numberFormats,
      looks,
      merges: [],
      validations,
      conditionalFormats,
      pageSetup: {
        printArea: recorded.printArea ?? "",
        orientation: String(pageLayout.orientation).toLowerCase(),
        fitToPagesWide: pageLayout.zoom?.horizontalFitToPages ?? 1,
        fitToPagesTall: pageLayout.zoom?.verticalFitToPages ?? 1,
        printTitleRows: (recorded.printTitleRows ?? "").replace(/\$/g, ""),
        footer: pageLayout.headersFooters.defaultForAllPages.centerFooter ?? "",
        pageBreaksBefore: recorded.pageBreaks.map((range) => Number(range.replace(/^A/, ""))),
      },
      charts: excel.charts
        .filter((chart) => chart.sheet === name)
        .map((chart) => {
          const mock = chart.mock as unknown as {
            title: { text: string };
            legend: { visible: boolean; position: string };
            axes: { categoryAxis: { reversePlotOrder?: boolean }; valueAxis: { numberFormat: string } };
          };
          return {
            kind: chart.type === "BarClustered" ? "bar" : "column",
            title: mock.title.text,
            from: chart.position!.from,
            to: chart.position!.to!,
            series: chart.series.map((s) => ({
              name: s.name,
              values: s.values!,
              categories: s.xAxisValues!,
              color: rgb(s.fill),
            })),
            legend: mock.legend.visible ? mock.legend.position.toLowerCase() : "none",
            reversedCategories: mock.axes.categoryAxis.reversePlotOrder ?? false,
            // Excel keeps one overlap and gap per bar group: the series must agree.
            overlap: onlyValue(chart.series.map((s) => s.overlap)),
            gapWidth: onlyValue(chart.series.map((s) => s.gapWidth)),
            valueAxisFormat: mock.axes.valueAxis.numberFormat,
          };
        }),
    };
  }
  const names: Record<string, string> = {};
  for (const name of excel.addedNames) names[name.name] = plainReference(name.reference);
  return { sheets, names };
}

/** Column widths as the .xlsx keeps them (ExcelJS rounds nothing), to the same precision. */
function roundWidths(model: NeutralWorkbook): NeutralWorkbook {
  for (const sheet of Object.values(model.sheets))
    sheet.columnWidths = sheet.columnWidths.map((width) => Math.round(width * 1000) / 1000);
  return model;
}

async function bothModels(spec: WorkbookSpec) {
  const excel = excelMock([]);
  await writeWorkbook(
    excel.context,
    { sheets: spec.sheets.map((s) => s.name), names: spec.names.map((n) => n.name) },
    () => spec,
  );
  return { xlsx: roundWidths(await fromXlsx(await xlsxBytes(spec, ExcelJS))), officeJs: fromOfficeJs(excel) };
}

describe.each([
  ["the example starter workbook", starterOptions({ example: true })],
  ["the example with the provider model", starterOptions({ example: true, provider: true })],
])("both writers write %s alike", (_, options) => {
  let models: Awaited<ReturnType<typeof bothModels>>;
  beforeAll(async () => {
    expect(starterWanted(options).sheets.length).toBeGreaterThan(0);
    models = await bothModels(describeStarterWorkbook(options));
  }, 120_000);

  test("the same sheets and defined names", () => {
    expect(Object.keys(models.officeJs.sheets)).toEqual(Object.keys(models.xlsx.sheets));
    expect(models.officeJs.names).toEqual(models.xlsx.names);
    expect(Object.keys(models.xlsx.names).length).toBeGreaterThan(20);
  });

  test("each sheet: cells, formats, looks, validations, conditional formats, page setup, charts", () => {
    for (const name of Object.keys(models.xlsx.sheets)) {
      const xlsx = models.xlsx.sheets[name];
      const officeJs = models.officeJs.sheets[name];
      expect({ sheet: name, ...officeJs }).toEqual({ sheet: name, ...xlsx });
      expect(Object.keys(xlsx.cells).length).toBeGreaterThan(0);
    }
  });
});

test("the models are not empty: every kind of thing the description holds is compared", async () => {
  const { xlsx } = await bothModels(
    describeStarterWorkbook(starterOptions({ example: true, provider: true })),
  );
  const sheets = Object.values(xlsx.sheets);
  const count = (pick: (sheet: NeutralSheet) => number) => sheets.reduce((n, sheet) => n + pick(sheet), 0);
  expect(count((s) => Object.values(s.cells).filter((c) => "formula" in c).length)).toBeGreaterThan(200);
  expect(count((s) => Object.keys(s.numberFormats).length)).toBeGreaterThan(100);
  expect(count((s) => Object.keys(s.looks).length)).toBeGreaterThan(500);
  expect(count((s) => Object.keys(s.validations).length)).toBeGreaterThan(20);
  expect(count((s) => s.conditionalFormats.length)).toBeGreaterThan(5);
  expect(count((s) => s.charts.length)).toBeGreaterThan(1);
  expect(count((s) => s.columnWidths.length)).toBeGreaterThan(10);
  expect(
    sheets.every((s) => s.pageSetup.orientation === "landscape" && s.pageSetup.fitToPagesWide === 1),
  ).toBe(true);
  expect(sheets.some((s) => s.frozen.rows > 0)).toBe(true);
  // Each sheet prints its title rows on every page, and its name, page and the product below.
  expect(sheets.every((s) => s.pageSetup.printTitleRows === `1:${s.frozen.rows}`)).toBe(true);
  expect(sheets.every((s) => s.pageSetup.footer === "&A · Page &P · Case Rate Workbench")).toBe(true);
  // Every chart starts a printed page (or sits right below the title rows), so none splits.
  for (const s of sheets)
    for (const chart of s.charts) {
      const row = Number(/\d+/.exec(chart.from)![0]);
      expect(row === s.frozen.rows + 1 || s.pageSetup.pageBreaksBefore.includes(row)).toBe(true);
    }
  expect(count((s) => s.pageSetup.pageBreaksBefore.length)).toBeGreaterThan(0);
}, 60_000);

test.each([[{ rows: 3, columns: 0 }], [{ rows: 0, columns: 2 }], [{ rows: 2, columns: 1 }]])(
  "frozen panes %o are the same in both writers",
  async (freeze) => {
    const spec = describeStarterWorkbook(starterOptions({ example: true }));
    const [first] = spec.sheets;
    const { xlsx, officeJs } = await bothModels({ sheets: [{ ...first, freeze }], names: [] });
    expect(officeJs.sheets[first.name].frozen).toEqual(freeze);
    expect(xlsx.sheets[first.name].frozen).toEqual(freeze);
  },
  // A build prices the contract on the seeded simulation: seconds on a loaded machine.
  60_000,
);
