/**
 * The .xlsx carries each formula's value, calculated by the description's own calculation, so a
 * viewer that does not calculate (Protected View, previews, pandas) shows the numbers. Every cached
 * value must be what LibreOffice recalculates, in every starter variant.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { calculateWorkbook, ExcelError } from "../../src/workbook/calc";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { type CellBlock, formula, type WorkbookSpec } from "../../src/workbook/spec";
import { readXlsx, type ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { xlsxBytes } from "../../src/workbook/xlsx/writeXlsx";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { oneSheetSpec } from "../helpers/oneSheet";
import { readFile, tempDir, writeSpec } from "../helpers/starterFiles";
import { sameAsEngine, STARTER_VARIANTS } from "../helpers/starterVariants";

const specs = STARTER_VARIANTS.map(([, choice]) => describeStarterWorkbook(starterOptions(choice)));
const variants = STARTER_VARIANTS.map(([label], i) => [label, i] as const);

describe("every formula of every starter variant is written with its value", () => {
  let written: ReadWorkbook[];
  beforeAll(async () => {
    written = await Promise.all(specs.map(async (spec) => readXlsx(await xlsxBytes(spec, ExcelJS), ExcelJS)));
  }, 60_000);

  test.each(variants)("%s", (_label, i) => {
    const calculated = calculateWorkbook(specs[i]);
    // The writer leaves a formula it cannot calculate without a value: there must be none.
    expect(calculated.notCalculated).toEqual([]);
    const formulas = written[i].cells().filter((cell) => cell.formula !== undefined);
    expect(formulas.length).toBe(calculated.formulaCount);
    expect(formulas.length).toBeGreaterThan(100);
    // An empty-text result reads back as null; every other formula has a value.
    const missing = formulas.filter((cell) => {
      const mine = calculated.cell(cell.sheet, cell.address);
      return cell.value === null && !(mine.ok && mine.value === "");
    });
    expect(missing.map((cell) => `${cell.sheet}!${cell.address}`)).toEqual([]);
  });
});

describeWithLibreOffice("the cached values are LibreOffice's recalculated values", (soffice) => {
  let cached: ReadWorkbook[];
  let engines: ReadWorkbook[];

  beforeAll(async () => {
    const dir = tempDir("cached");
    const paths = await Promise.all(specs.map((spec, i) => writeSpec(spec, dir, `variant${i}`)));
    cached = await Promise.all(paths.map(readFile));
    engines = await Promise.all((await recalculateWithLibreOffice(soffice, paths)).map(readFile));
  }, 180_000);

  test.each(variants)("%s: every formula", (_label, i) => {
    const formulas = cached[i].cells().filter((cell) => cell.formula !== undefined);
    const mismatches = formulas.flatMap((cell) => {
      const engine = engines[i].cell(cell.sheet, cell.address)?.value ?? null;
      // An error reads back as { error }; an empty-text result as null.
      const value = cell.value ?? "";
      const mine = typeof value === "object" ? new ExcelError(value.error as ExcelError["code"]) : value;
      const same = sameAsEngine(mine, engine);
      return same
        ? []
        : [
            `${cell.sheet}!${cell.address}: cached ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(engine)}`,
          ];
    });
    expect(mismatches).toEqual([]);
    expect(formulas.length).toBeGreaterThan(100);
  });
});

describe("how a cached value is written", () => {
  const spec = (rows: CellBlock["rows"]): WorkbookSpec => oneSheetSpec([{ address: "A1", rows }]);

  test("numbers equal to 15 digits compare equal, as in Excel (a case mix summing to 0.9999999999999999)", () => {
    const calculated = calculateWorkbook(
      spec([[0.7, 0.2, 0.1, formula("A1+B1+C1=1"), formula("A1+B1+C1<1")]]),
    );
    expect(calculated.cell("S", "D1")).toEqual({ ok: true, value: true });
    expect(calculated.cell("S", "E1")).toEqual({ ok: true, value: false });
  });

  test("numbers, text, booleans and errors with their cell types; an uncalculated formula has none", async () => {
    const bytes = await xlsxBytes(
      spec([
        [formula("1+2"), formula('"a"&"b"'), formula("1=1")],
        [formula("1/0"), formula("VLOOKUP(1,A1:A2,1,FALSE)"), 5],
      ]),
      ExcelJS,
    );
    const xml = await new JSZip()
      .loadAsync(bytes)
      .then((zip) => zip.file("xl/worksheets/sheet1.xml")!.async("string"));
    const cell = (address: string) => new RegExp(`<c r="${address}"[^>]*>.*?</c>`).exec(xml)?.[0];
    expect(cell("A1")).toMatch(/^<c r="A1"(?![^>]*t=)[^>]*><f>1\+2<\/f><v>3<\/v><\/c>$/);
    expect(cell("B1")).toMatch(/t="str".*<v>ab<\/v>/);
    expect(cell("C1")).toMatch(/t="b".*<v>1<\/v>/);
    expect(cell("A2")).toMatch(/t="e".*<v>#DIV\/0!<\/v>/);
    expect(cell("B2")).toMatch(/<f>VLOOKUP\(1,A1:A2,1,FALSE\)<\/f><\/c>$/);
  });
});
