/**
 * The Risk sheet recalculated by LibreOffice: its native figures are the core's closed forms, its
 * exact labelled values the core's exactRisk, its currency check turns FALSE once an input changes,
 * and the reserve method on Inputs switches Case Rates' reserve.
 */
import type ExcelJS from "exceljs";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { computeRateModel } from "../../src/core/model";
import { exactRisk, providerRisk, TOOLKIT_RISK_INPUT } from "../../src/core/risk";
import { approximateQuantiles } from "../../src/core/risk/moments";
import { TOOLKIT_RATE_MODEL } from "../../src/core/toolkit/example";
import { calculateWorkbook } from "../../src/workbook/calc";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { ILLUSTRATIVE_RISK_RESERVE } from "../../src/workbook/starter/inputs";
import { DISTRIBUTION_BARS } from "../../src/workbook/starter/riskFigures";
import type { ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { editedCopy, numbersOf, readFile, tempDir, writeSpec } from "../helpers/starterFiles";

const budget = computeRateModel(TOOLKIT_RATE_MODEL).totalBudget;
const core = exactRisk({ ...TOOLKIT_RISK_INPUT, budget });
const moments = {
  mean: core.expectedCost,
  variance: core.standardDeviation ** 2,
  third: core.skewness * core.standardDeviation ** 3,
};

/** Equal within 1e-9 relative. */
function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/** The value beside a label on a sheet (the first value column). */
function labelled(book: ReadWorkbook, label: string, sheet = "Risk"): unknown {
  const cell = book.cells().find((c) => c.sheet === sheet && c.value === label);
  if (!cell) throw new Error(`${sheet} has no line "${label}"`);
  const row = Number(/\d+$/.exec(cell.address)?.[0]);
  return book.cell(sheet, `D${row}`)?.value;
}

/** Sets a named input's first cell in a copy of the file. */
const setting = (book: ReadWorkbook, name: string, value: number | string) => (edit: ExcelJS.Workbook) => {
  const [cell] = book.named(name) ?? [];
  edit.getWorksheet(cell.sheet)!.getCell(cell.address).value = value;
};

describe("the exact figures are the core's, written when the workbook is built", () => {
  const spec = describeStarterWorkbook(starterOptions({ example: true }));
  const risk = spec.sheets.find((sheet) => sheet.name === "Risk")!;

  test("the chart of the year's cost draws the exact distribution's bars, budget and reserve marked", () => {
    expect(risk.charts).toHaveLength(1);
    const [chart] = risk.charts;
    expect(chart.series.map((series) => series.name)).toEqual([
      "Within the budget",
      "Within the reserve",
      "Beyond the reserve",
    ]);
    const data = risk.blocks.find((block) => block.rows.length === DISTRIBUTION_BARS)!;
    const mass = data.rows.flatMap((row) => row.slice(2)).reduce<number>((sum, v) => sum + Number(v ?? 0), 0);
    // The bars span the 0.05% to 99.95% quantiles.
    expect(mass).toBeGreaterThan(0.998);
    expect(mass).toBeLessThanOrEqual(1 + 1e-12);
  });

  test("the Dashboard's probability of loss and reserve to cover are the core's providerRisk", () => {
    const provider = describeStarterWorkbook(starterOptions({ example: true, provider: true }));
    const calc = calculateWorkbook(provider);
    const one = (name: string) => {
      const [cell] = calc.named(name)!;
      return cell.ok ? (cell.value as number) : NaN;
    };
    const mix = calc.named("ProviderCaseMix")!.map((cell) => (cell.ok ? (cell.value as number) : NaN));
    const planned = calc.named("PlannedHours")!.map((cell) => (cell.ok ? (cell.value as number) : NaN));
    const expected = providerRisk({
      levels: TOOLKIT_RISK_INPUT.levels.map((level, i) => ({
        id: level.id,
        consumers: one("ConsumersPerYear") * mix[i],
        averageHours: planned[i],
        hoursDistribution: level.hoursDistribution,
      })),
      directCostPerHour: one("CostPerDirectHour"),
      fixedCosts: one("TotalExpense") - one("DirectStaffCost"),
      revenue: one("TotalRevenue"),
    });
    const dashboard = provider.sheets.find((sheet) => sheet.name === "Dashboard")!;
    const beside = (label: string) => {
      for (const block of dashboard.blocks)
        for (const [r, row] of block.rows.entries())
          if (row[0] === label) {
            const at = /^([A-Z]+)(\d+)$/.exec(block.address)!;
            return calc.cell("Dashboard", `D${Number(at[2]) + r}`);
          }
      throw new Error(`no line ${label}`);
    };
    expect(beside("Probability of a loss (expense above revenue)")).toEqual({
      ok: true,
      value: expected.probabilityOfLoss,
    });
    expect(beside("Reserve to cover a loss at the confidence")).toEqual({
      ok: true,
      value: expected.reserveToCover,
    });
    expect(calc.named("ProviderRiskCurrent")).toEqual([{ ok: true, value: true }]);
  });

  test("a blank build has no exact figures and says so", () => {
    const blank = describeStarterWorkbook(starterOptions({ example: false }));
    const sheet = blank.sheets.find((s) => s.name === "Risk")!;
    expect(sheet.charts).toHaveLength(0);
    const texts = sheet.blocks.flatMap((block) => block.rows.flat());
    expect(texts).toContain("Not computed: build the workbook again once every input is in.");
  });
});

describeWithLibreOffice("the Risk sheet recalculated by LibreOffice", (soffice) => {
  let fresh: ReadWorkbook;
  let stale: ReadWorkbook;
  let flat: ReadWorkbook;
  let providerStale: ReadWorkbook;

  beforeAll(async () => {
    const dir = tempDir("risk");
    const example = await writeSpec(
      describeStarterWorkbook(starterOptions({ example: true })),
      dir,
      "example",
    );
    const written = await readFile(example);
    const edited = await editedCopy(example, dir, "stale", setting(written, "HoursCV", 0.7));
    const flatPct = await editedCopy(example, dir, "flat", setting(written, "RiskReserveMethod", "Flat %"));
    const provider = await writeSpec(
      describeStarterWorkbook(starterOptions({ example: true, provider: true })),
      dir,
      "provider",
    );
    const contractors = await editedCopy(
      provider,
      dir,
      "contractors",
      setting(await readFile(provider), "ContractorFees", 300_000),
    );
    [fresh, stale, flat, providerStale] = await Promise.all(
      (await recalculateWithLibreOffice(soffice, [example, edited, flatPct, contractors])).map(readFile),
    );
  }, 180_000);

  test("the native moments and Normal-Power figures are the core's closed forms", () => {
    const one = (name: string) => numbersOf(fresh, name)[0];
    close(one("RiskExpectedCost"), core.expectedCost);
    close(one("RiskStandardDeviation"), core.standardDeviation);
    close(one("RiskSkewness"), core.skewness);
    close(one("NormalQuantile"), core.approximations.normal["0.95"]);
    close(one("NormalPowerQuantile"), core.approximations.normalPower["0.95"]);
    close(one("NormalPowerReserve"), Math.max(0, core.approximations.normalPower["0.95"] - budget));
    numbersOf(fresh, "ShareOverCaseRate").forEach((share, i) =>
      close(share, core.levels[i].shareOfCasesOverRate),
    );
    // The Normal-Power probability over budget: the Normal-Power quantile at 1 − it is the budget.
    const over = one("NormalPowerProbabilityOverBudget");
    close(approximateQuantiles(moments, 1 - over).normalPower, budget);
  });

  test("the exact labelled values are exactRisk's", () => {
    close(labelled(fresh, "Exact risk reserve, max(0, quantile − budget)") as number, core.riskReserve);
    close(
      labelled(fresh, "Exact probability the year costs more than the budget") as number,
      core.probabilityOverBudget,
    );
    for (const [p, label] of [
      ["0.5", "50%"],
      ["0.95", "95%"],
      ["0.995", "99.5%"],
    ])
      close(labelled(fresh, `Exact quantile at ${label}`) as number, core.quantiles[p]);
  });

  test("the currency check is TRUE as built and FALSE once an input the figures used has changed", () => {
    expect(fresh.named("RiskExactCurrent")?.[0].value).toBe(true);
    expect(fresh.named("MasterCheck")?.[0].value).toBe(true);
    expect(stale.named("RiskExactCurrent")?.[0].value).toBe(false);
    // The native figures follow the edit; the exact ones stay as written.
    expect(numbersOf(stale, "RiskStandardDeviation")[0]).not.toBeCloseTo(core.standardDeviation, 0);
    close(labelled(stale, "Exact risk reserve, max(0, quantile − budget)") as number, core.riskReserve);
    const notice = stale
      .cells()
      .find((cell) => cell.sheet === "Checks" && String(cell.value).startsWith("The exact figures on Risk"));
    const row = Number(/\d+$/.exec(notice!.address)?.[0]);
    expect(stale.cell("Checks", `E${row}`)?.value).toBe(false);
  });

  test("the Dashboard's currency check turns FALSE once a provider cost has changed", () => {
    expect(providerStale.named("RiskExactCurrent")?.[0].value).toBe(true);
    expect(providerStale.named("ProviderRiskCurrent")?.[0].value).toBe(false);
  });

  test("Case Rates' reserve is the Normal-Power reserve by default, the flat % when chosen", () => {
    close(numbersOf(fresh, "RiskReserve")[0], numbersOf(fresh, "NormalPowerReserve")[0]);
    close(numbersOf(flat, "RiskReserve")[0], budget * ILLUSTRATIVE_RISK_RESERVE);
  });
});
