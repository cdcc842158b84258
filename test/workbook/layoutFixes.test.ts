/**
 * The layout defects of issue 12 a modeller would otherwise fix by hand, each held by a test on the
 * sheets as the preview draws them (the description calculated, values under their formats).
 */
import { calculateWorkbook } from "../../src/workbook/calc";
import { formatNumber } from "../../src/workbook/numberFormat";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { NUMBER_FORMATS } from "../../src/workbook/styles";
import { type SheetGrid, workbookGrids } from "../../src/taskpane/preview/sheetGrid";

const grids = (spec: WorkbookSpec) => workbookGrids(spec, calculateWorkbook(spec));
const sheetOf = (spec: WorkbookSpec, name: string): SheetGrid => grids(spec).find((g) => g.name === name)!;
/** A sheet's rows as the texts of their cells, from column A. */
const texts = (grid: SheetGrid) => grid.rows.map((row) => row.cells.map((cell) => cell.text));
/** The texts of the row whose label (column B) reads `label`, the nth such row. */
const rowLabelled = (grid: SheetGrid, label: string, nth = 0) =>
  texts(grid).filter((cells) => cells[1] === label)[nth];

const example = describeStarterWorkbook(starterOptions({ example: true }));
const provider = describeStarterWorkbook(starterOptions({ example: true, provider: true }));
const blankProvider = describeStarterWorkbook(starterOptions({ provider: true }));

describe("Case Rates", () => {
  test('a "Total" header sits only over a column with totals below it', () => {
    const rows = texts(sheetOf(example, "Case Rates"));
    const orphans = rows.flatMap((cells, r) =>
      cells.flatMap((text, c) =>
        text === "Total" && (rows[r + 1]?.[c] ?? "") === "" ? [`row ${r + 1}`] : [],
      ),
    );
    expect(orphans).toEqual([]);
    expect(rows.filter((cells) => cells.includes("Total"))).toHaveLength(1);
  });

  test("with the example loaded, the volume-weighted rate says once why it is missing", () => {
    const grid = sheetOf(example, "Case Rates");
    expect(rowLabelled(grid, "Volume-weighted cost per hour")[3]).toBe(
      "the toolkit prints no service hours: enter yours on Inputs",
    );
    expect(rowLabelled(grid, "Difference from the rate the model uses")[3]).toBe("—");
    expect(
      texts(grid)
        .flat()
        .filter((text) => /enter service hours/.test(text)),
    ).toEqual([]);
  });
});

describe("Monitoring", () => {
  test.each([
    ["the example", provider],
    ["the blank model", blankProvider],
  ])("with no actuals (%s), month cells stay empty and each block asks once", (_label, spec) => {
    const grid = sheetOf(spec, "Monitoring");
    const shown = texts(grid).flat();
    expect(shown.filter((text) => text === "enter actuals")).toEqual([]);
    // One band per level, then hours, costs and the step 8 share.
    expect(shown.filter((text) => text === "enter actuals on the Actuals sheet")).toHaveLength(4 + 3);
    const variance = rowLabelled(grid, "Costs, variance");
    expect(variance.slice(3)).toEqual(variance.slice(3).map(() => ""));
  });
});

describe("money in accounting style", () => {
  test("negative amounts show in parentheses, positive ones plain", () => {
    expect(formatNumber(-1234.5, NUMBER_FORMATS.dollars)).toBe("($1,235)");
    expect(formatNumber(1234.5, NUMBER_FORMATS.dollars)).toBe("$1,235");
    expect(formatNumber(-158.615, NUMBER_FORMATS.dollarsCents)).toBe("($158.62)");
    expect(formatNumber(0, NUMBER_FORMATS.dollarsCents)).toBe("$0.00");
  });

  test.each([
    ["payor", example],
    ["provider", provider],
  ])("every amount of money (%s) uses one of the two money formats", (_label, spec) => {
    const money = new Set<string>([NUMBER_FORMATS.dollars, NUMBER_FORMATS.dollarsCents]);
    const others = spec.sheets.flatMap((sheet) =>
      sheet.formats
        .filter((format) => format.numberFormat?.includes("$") && !money.has(format.numberFormat))
        .map((format) => `${sheet.name}!${format.range} ${format.numberFormat}`),
    );
    expect(others).toEqual([]);
  });

  test("the Sensitivity sheet's falls in margin read in parentheses", () => {
    const shown = texts(sheetOf(provider, "Sensitivity")).flat();
    expect(shown.some((text) => /^\(\$[\d,]+\)$/.test(text))).toBe(true);
    expect(shown.filter((text) => text.startsWith("-$"))).toEqual([]);
  });
});

describe("Dashboard", () => {
  const grid = sheetOf(provider, "Dashboard");
  const labels = texts(grid).map((cells) => cells[1]);

  test("reads as a P&L: revenue lines, total revenue, expense lines, total expense, margin", () => {
    const pnl = [
      "Case-rate revenue",
      "Other revenue",
      "Total revenue",
      "Direct-service staff",
      "Other staff",
      "Contractors",
      "Overhead",
      "Total expense",
      "Margin",
    ];
    const first = labels.indexOf(pnl[0]);
    expect(labels.slice(first, first + pnl.length)).toEqual(pnl);
  });

  test("says what the value bonus is, and bridges it to the margin with native formulas", () => {
    expect(labels).toContain(
      "Value bonus = case-rate revenue − the direct-service staff cost of the care delivered,",
    );
    const calculated = calculateWorkbook(provider);
    const one = (name: string) => {
      const [cell] = calculated.named(name)!;
      if (!cell.ok || typeof cell.value !== "number") throw new Error(`${name} is not a number`);
      return cell.value;
    };
    const bridge =
      one("ValueBonus") +
      one("OtherRevenue") -
      one("OtherStaffCost") -
      one("ContractorFees") -
      one("Overhead");
    expect(one("BridgedMargin")).toBeCloseTo(one("Margin"), 6);
    expect(bridge).toBeCloseTo(one("Margin"), 6);
    expect(rowLabelled(grid, "Less overhead")[3]).toMatch(/^\(\$[\d,]+\)$/);
  });
});
