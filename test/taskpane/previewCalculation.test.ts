/**
 * The browser preview calculates the starter workbook's formulas itself (src/taskpane/preview). Here
 * the same descriptions are recalculated by LibreOffice, and every cell must agree: the preview
 * shows what Excel will show, or it says it did not calculate a cell.
 */
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { calculateWorkbook, ExcelError } from "../../src/workbook/calc";
import { formatValue } from "../../src/taskpane/preview/numberFormat";
import { sheetGrid } from "../../src/taskpane/preview/sheetGrid";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { type CellBlock, formula, type WorkbookSpec } from "../../src/workbook/spec";
import type { ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { oneSheetSpec } from "../helpers/oneSheet";
import { readFile, tempDir, writeSpec } from "../helpers/starterFiles";
import { sameAsEngine, STARTER_VARIANTS } from "../helpers/starterVariants";

const CASES = STARTER_VARIANTS;
const same = sameAsEngine;

describeWithLibreOffice("the preview's calculation agrees with LibreOffice", (soffice) => {
  const specs = CASES.map(([, choice]) => describeStarterWorkbook(starterOptions(choice)));
  let engines: ReadWorkbook[];

  beforeAll(async () => {
    const dir = tempDir("preview");
    const paths = await Promise.all(specs.map((spec, i) => writeSpec(spec, dir, `case${i}`)));
    engines = await Promise.all((await recalculateWithLibreOffice(soffice, paths)).map(readFile));
  }, 120_000);

  test.each(CASES.map(([label], i) => [label, i] as const))("%s: every cell", (_label, i) => {
    const preview = calculateWorkbook(specs[i]);
    expect(preview.notCalculated).toEqual([]);
    expect(preview.formulaCount).toBeGreaterThan(100);
    const mismatches: string[] = [];
    let compared = 0;
    for (const cell of engines[i].cells()) {
      const mine = preview.cell(cell.sheet, cell.address);
      if (!mine.ok) continue;
      compared++;
      if (!same(mine.value, cell.value))
        mismatches.push(
          `${cell.sheet}!${cell.address}: preview ${String(mine.value)}, LibreOffice ${JSON.stringify(cell.value)}`,
        );
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(300);
    // The preview calculated every formula the engine did.
    expect(preview.formulaCount).toBe(engines[i].cells().filter((c) => c.formula !== undefined).length);
  });

  test("the example's total budget shows as the toolkit prints it", () => {
    const preview = calculateWorkbook(specs[0]);
    const [total] = preview.named("TotalBudget") ?? [];
    expect(total.ok && formatValue(total.value, '"$"#,##0')).toBe("$24,030,535");
    const grid = sheetGrid(
      specs[0].sheets.find((s) => s.name === "Case Rates")!,
      preview,
    );
    const cell = grid.rows.flatMap((r) => r.cells).find((c) => c.address === "H19");
    expect(cell?.text).toBe("$24,030,535");
    expect(cell?.kind).toBe("formula");
  });
});

describe("what the preview does not calculate, it says so", () => {
  const sheet = (blocks: readonly CellBlock[]): WorkbookSpec => oneSheetSpec(blocks);

  test("an unknown function, and every cell that depends on it", () => {
    const spec = sheet([
      { address: "A1", rows: [[formula("VLOOKUP(1,B1:B2,1,FALSE)")], [formula("A1+1")], [2]] },
    ]);
    const calc = calculateWorkbook(spec);
    expect(calc.notCalculated.map((c) => c.address)).toEqual(["A1", "A2"]);
    expect(calc.notCalculated[0].reason).toMatch(/VLOOKUP/);
    const grid = sheetGrid(spec.sheets[0], calc);
    expect(grid.rows[0].cells[0]).toMatchObject({
      kind: "not-calculated",
      text: "=VLOOKUP(1,B1:B2,1,FALSE)",
    });
    expect(grid.rows[2].cells[0]).toMatchObject({ kind: "constant", text: "2" });
  });

  test("a circular reference", () => {
    const calc = calculateWorkbook(sheet([{ address: "A1", rows: [[formula("A2")], [formula("A1")]] }]));
    expect(calc.notCalculated).toHaveLength(2);
    expect(calc.notCalculated[0].reason).toMatch(/circular|not calculated/);
  });

  test("text constants: a doubled quote is a quote; text left open is not calculated", () => {
    const calc = calculateWorkbook(
      sheet([{ address: "A1", rows: [[formula('"say ""hi"""&1'), formula('"open&1')]] }]),
    );
    expect(calc.cell("S", "A1")).toEqual({ ok: true, value: 'say "hi"1' });
    expect(calc.notCalculated.map((c) => [c.address, c.reason])).toEqual([
      ["B1", expect.stringMatching(/unterminated text at character 8/)],
    ]);
  });

  test("Excel's rules for errors, blanks and text", () => {
    const calc = calculateWorkbook(
      sheet([
        {
          address: "A1",
          rows: [
            [formula("1/0"), formula("B3+1")],
            [formula('"a"&1&TRUE'), formula('IF("x",1,2)')],
            [formula("-2^2"), null],
          ],
        },
      ]),
    );
    const value = (a: string) => {
      const c = calc.cell("S", a);
      return c.ok ? c.value : c.reason;
    };
    expect(value("A1")).toEqual(new ExcelError("#DIV/0!"));
    expect(value("B1")).toBe(1);
    expect(value("A2")).toBe("a1TRUE");
    expect(value("B2")).toEqual(new ExcelError("#VALUE!"));
    expect(value("A3")).toBe(4);
  });
});

describe("number formats", () => {
  test.each([
    [24030535.4, '"$"#,##0', "$24,030,535"],
    [158.615, '"$"#,##0.00', "$158.62"],
    [-1234.5, '"$"#,##0', "-$1,235"],
    [0.1, "0.0%", "10.0%"],
    [0.37, "0%", "37%"],
    [30.128, "#,##0.0", "30.1"],
    [3000, "#,##0", "3,000"],
    [1 / 3, "General", "0.3333333333"],
    [12, undefined, "12"],
  ])("%p as %p shows %p", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });
});
