import { computeProviderModel, directHoursPerFte, type ProviderModel } from "../../src/core/provider";
import { computeRateModel } from "../../src/core/model";
import { TOOLKIT_RATE_MODEL } from "../../src/core/toolkit/example";
import {
  PROVIDER_DIRECT_HOURS_PER_FTE,
  PROVIDER_ILLUSTRATION as ILLUSTRATION,
  PROVIDER_PRODUCTIVITY,
} from "../../src/core/toolkit/providerExample";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import type { ReadCell, ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { changeInputs, numbersOf, readFile, tempDir, writeSpec } from "../helpers/starterFiles";

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/** The example provider model, as the core computes it (the Base scenario). */
function exampleProvider(change: Partial<ProviderModel> = {}): ProviderModel {
  const payor = computeRateModel(TOOLKIT_RATE_MODEL);
  return {
    consumers: ILLUSTRATION.consumerScenarios.Base,
    caseMix: TOOLKIT_RATE_MODEL.levels.map((level) => level.caseMix),
    averageHours: TOOLKIT_RATE_MODEL.levels.map((level) => level.averageHours),
    caseRates: payor.levels.map((level) => level.caseRate),
    directHoursPerFte: PROVIDER_DIRECT_HOURS_PER_FTE,
    fteOnPayroll: ILLUSTRATION.fteOnPayroll,
    directSalaryPerFte: ILLUSTRATION.directSalaryPerFte,
    benefitsPct: ILLUSTRATION.benefitsPct,
    payrollTaxPct: ILLUSTRATION.payrollTaxPct,
    otherStaffSalaries: ILLUSTRATION.otherStaffSalaries,
    contractorFees: ILLUSTRATION.contractorFees,
    overhead: sum(ILLUSTRATION.overhead),
    otherRevenue: sum(ILLUSTRATION.otherRevenue),
    ...change,
  };
}

/** The cells of a sheet's row whose label (column B) reads `label`, in order of appearance. */
function rowsLabelled(workbook: ReadWorkbook, sheet: string, label: string): number[] {
  return workbook
    .cells()
    .filter(
      (cell) =>
        cell.sheet === sheet &&
        cell.address.startsWith("B") &&
        /^B\d+$/.test(cell.address) &&
        cell.value === label,
    )
    .map((cell) => Number(cell.address.slice(1)));
}

const value = (workbook: ReadWorkbook, sheet: string, address: string): ReadCell["value"] =>
  workbook.cell(sheet, address)?.value ?? null;

describeWithLibreOffice("provider model recalculated by LibreOffice", (soffice) => {
  let example: ReadWorkbook;
  let blank: ReadWorkbook;
  let changed: ReadWorkbook;

  beforeAll(async () => {
    const dir = tempDir("provider");
    const examplePath = await writeSpec(
      describeStarterWorkbook(starterOptions({ example: true, provider: true })),
      dir,
      "example",
    );
    const blankPath = await writeSpec(
      describeStarterWorkbook(starterOptions({ provider: true })),
      dir,
      "blank",
    );
    const changedPath = `${dir}/changed.xlsx`;
    await changeInputs(examplePath, changedPath, {
      ConsumerScenarios: [900, 1200, 1100],
      Productivity: [0.65],
      // ActualConsumers and ActualHours are levels × 12 months, row by row: month 1 of each level.
      ActualConsumers: [20, ...Array(11).fill(""), 30, ...Array(11).fill(""), 30, ...Array(11).fill(""), 10],
      ActualHours: [
        100,
        ...Array(11).fill(""),
        900,
        ...Array(11).fill(""),
        4000,
        ...Array(11).fill(""),
        1000,
      ],
      ActualReviewed: [100],
      ActualWithinRange: [80],
      ActualDirectCost: [500_000],
      ActualOtherCost: [300_000],
    });
    [example, blank, changed] = await Promise.all(
      (await recalculateWithLibreOffice(soffice, [examplePath, blankPath, changedPath])).map(readFile),
    );
  }, 120_000);

  const one = (workbook: ReadWorkbook, name: string) => numbersOf(workbook, name)[0];

  test("direct-service hours per FTE follow the productivity assumptions", () => {
    expect(one(example, "DirectHoursPerFte")).toBeCloseTo(directHoursPerFte(PROVIDER_PRODUCTIVITY), 9);
  });

  test("the dashboard equals the core's provider model (base scenario) to the cent", () => {
    const core = computeProviderModel(exampleProvider());
    expect(one(example, "ConsumersPerYear")).toBe(1000);
    expect(one(example, "FteNeed")).toBeCloseTo(core.fteNeed, 9);
    expect(one(example, "FteGap")).toBeCloseTo(core.fteGap, 9);
    expect(one(example, "Caseload")).toBeCloseTo(core.caseload, 9);
    expect(one(example, "CaseRateRevenue")).toBeCloseTo(core.caseRateRevenue, 6);
    expect(one(example, "TotalRevenue")).toBeCloseTo(core.totalRevenue, 6);
    expect(one(example, "DirectStaffCost")).toBeCloseTo(core.directStaffCost, 6);
    expect(one(example, "TotalExpense")).toBeCloseTo(core.totalExpense, 6);
    expect(one(example, "Margin")).toBeCloseTo(core.margin, 6);
    expect(one(example, "MarginPct")).toBeCloseTo(core.marginPct, 12);
    expect(one(example, "CostPerDirectHour")).toBeCloseTo(core.costPerDirectHour, 9);
  });

  test("break-even hours and productivity match the core's closed form, and zero the margin", () => {
    const core = computeProviderModel(exampleProvider());
    const factor = one(example, "BreakEvenHoursFactor");
    expect(factor).toBeCloseTo(core.breakEvenHoursFactor!, 12);
    expect(one(example, "BreakEvenProductivity")).toBeCloseTo(
      core.breakEvenProductivity(PROVIDER_PRODUCTIVITY.productivity)!,
      12,
    );
    const atBreakEven = computeProviderModel(
      exampleProvider({ averageHours: exampleProvider().averageHours.map((h) => h * factor) }),
    );
    expect(Math.abs(atBreakEven.margin)).toBeLessThan(1e-6);
  });

  test("each sensitivity row equals the core's margin with that one driver moved ±10%", () => {
    const base = exampleProvider();
    const margin = (model: ProviderModel) => computeProviderModel(model).margin;
    const withProductivity = (s: number) =>
      directHoursPerFte({ ...PROVIDER_PRODUCTIVITY, productivity: PROVIDER_PRODUCTIVITY.productivity * s });
    const drivers: [string, (s: number) => ProviderModel][] = [
      ["Consumers per year", (s) => ({ ...base, consumers: base.consumers * s })],
      ["Average hours, every level", (s) => ({ ...base, averageHours: base.averageHours.map((h) => h * s) })],
      ["Case rates, every level", (s) => ({ ...base, caseRates: base.caseRates.map((r) => r * s) })],
      ["Productivity", (s) => ({ ...base, directHoursPerFte: withProductivity(s) })],
      ["Direct-service salary", (s) => ({ ...base, directSalaryPerFte: base.directSalaryPerFte * s })],
      ["Benefits", (s) => ({ ...base, benefitsPct: base.benefitsPct * s })],
      ["Other staff salaries", (s) => ({ ...base, otherStaffSalaries: base.otherStaffSalaries * s })],
      ["Overhead", (s) => ({ ...base, overhead: base.overhead * s })],
      ["Other revenue", (s) => ({ ...base, otherRevenue: base.otherRevenue * s })],
    ];
    for (const [label, scaled] of drivers) {
      const [row] = rowsLabelled(example, "Sensitivity", label);
      expect(value(example, "Sensitivity", `D${row}`)).toBeCloseTo(margin(scaled(0.9)) - margin(base), 6);
      expect(value(example, "Sensitivity", `E${row}`)).toBeCloseTo(margin(scaled(1.1)) - margin(base), 6);
    }
  });

  test("the tornado table is sorted by swing, largest first", () => {
    const [, firstSorted] = rowsLabelled(example, "Sensitivity", "Driver").map((row) => row + 1);
    const swings = Array.from({ length: 9 }, (_, i) => {
      const down = value(example, "Sensitivity", `D${firstSorted + i}`) as number;
      const up = value(example, "Sensitivity", `E${firstSorted + i}`) as number;
      return Math.abs(up - down);
    });
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(value(example, "Sensitivity", `B${firstSorted}`)).toBe("Case rates, every level");
  });

  test("with the example every check, the provider's included, passes", () => {
    expect(example.named("MasterCheck")?.[0].value).toBe(true);
    expect(example.named("ProviderInputsComplete")?.[0].value).toBe(true);
  });

  test.each([
    ["the example", () => example],
    ["the blank workbook", () => blank],
    ["the changed example", () => changed],
  ])("no cell of %s with the provider model evaluates to an error", (_label, workbook) => {
    const errors = workbook()
      .cells()
      .filter((cell) => typeof cell.value === "object" && cell.value !== null)
      .map((cell) => `${cell.sheet}!${cell.address} = ${JSON.stringify(cell.value)}`);
    expect(errors).toEqual([]);
  });

  test("a blank provider model asks for inputs", () => {
    expect(blank.named("Margin")?.[0].value).toBe("enter inputs");
    expect(blank.named("FteNeed")?.[0].value).toBe("enter inputs");
    expect(blank.named("ProviderInputsComplete")?.[0].value).toBe(false);
  });

  test("outputs follow changed inputs: 1,200 base consumers at 65% productivity", () => {
    const direct = directHoursPerFte({ ...PROVIDER_PRODUCTIVITY, productivity: 0.65 });
    const core = computeProviderModel(exampleProvider({ consumers: 1200, directHoursPerFte: direct }));
    expect(one(changed, "FteNeed")).toBeCloseTo(core.fteNeed, 9);
    expect(one(changed, "Margin")).toBeCloseTo(core.margin, 6);
    expect(one(changed, "Margin")).not.toBeCloseTo(one(example, "Margin"), 0);
  });

  test("the Dashboard bridges the value bonus to the margin, as the core computes both", () => {
    const core = computeProviderModel(exampleProvider());
    const bonus = core.valueBonusByLevel.reduce((a, b) => a + b, 0);
    expect(one(example, "ValueBonus")).toBeCloseTo(bonus, 6);
    expect(one(example, "BridgedMargin")).toBeCloseTo(core.margin, 6);
    expect(one(example, "BridgedMargin")).toBeCloseTo(one(example, "Margin"), 6);
  });

  test("monitoring sets month 1's actuals against the plan and lights what runs outside it", () => {
    const withinGuideline = rowsLabelled(changed, "Monitoring", "Hours per case within the guideline");
    // Level A: 100 hours over 20 consumers = 5, inside 5–15; level C: 4,000 over 30 = 133, above 110.
    expect(value(changed, "Monitoring", `D${withinGuideline[0]}`)).toBe(true);
    expect(value(changed, "Monitoring", `D${withinGuideline[2]}`)).toBe(false);
    expect(value(changed, "Monitoring", `E${withinGuideline[0]}`)).toBe(true);
    const [costsWithin] = rowsLabelled(changed, "Monitoring", "Costs to date within plan");
    expect(value(changed, "Monitoring", `D${costsWithin}`)).toBe(false);
    // A month without actuals stays empty (its block's band says once what to enter).
    expect(value(changed, "Monitoring", `E${costsWithin}`)).toBeNull();
    const [costVariance] = rowsLabelled(changed, "Monitoring", "Costs, variance");
    expect(value(changed, "Monitoring", `D${costVariance}`)).toBeCloseTo(
      800_000 - one(changed, "TotalExpense") / 12,
      6,
    );
    const [share] = rowsLabelled(changed, "Monitoring", "Share of reviewed consumers within range");
    expect(value(changed, "Monitoring", `D${share}`)).toBeCloseTo(0.8, 12);
    const [meets] = rowsLabelled(changed, "Monitoring", "Meets the target on Inputs");
    expect(value(changed, "Monitoring", `D${meets}`)).toBe(true);
  });
});
