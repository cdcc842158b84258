import { computeRateModel, excelRound } from "../../src/core";
import { TOOLKIT_RATE_MODEL, WORKED_EXAMPLE } from "../../src/core/toolkit/example";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { calculateWorkbook } from "../../src/workbook/calc";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import type { ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { changeInputs, numbersOf, readFile, tempDir, writeSpec } from "../helpers/starterFiles";

const payor = WORKED_EXAMPLE.payor;
const levels = payor.step7_budget.rows;

describeWithLibreOffice("starter workbook recalculated by LibreOffice", (soffice) => {
  let example: ReadWorkbook;
  let blank: ReadWorkbook;
  let changed: ReadWorkbook;
  let custom: ReadWorkbook;

  beforeAll(async () => {
    const dir = tempDir("starter");
    const examplePath = await writeSpec(
      describeStarterWorkbook(starterOptions({ example: true })),
      dir,
      "example",
    );
    const blankPath = await writeSpec(
      describeStarterWorkbook(starterOptions({ example: false })),
      dir,
      "blank",
    );
    const customPath = await writeSpec(
      describeStarterWorkbook(
        starterOptions({
          levels: [
            { id: "Low", name: "Low need" },
            { id: "High", name: "High need" },
          ],
        }),
      ),
      dir,
      "custom",
    );
    const changedPath = `${dir}/changed.xlsx`;
    await changeInputs(examplePath, changedPath, {
      PenetrationRates: [0.09, 0.11, 0.11],
      AverageHours: [10, 30, 90, 110],
    });
    [example, blank, changed, custom] = await Promise.all(
      (await recalculateWithLibreOffice(soffice, [examplePath, blankPath, changedPath, customPath])).map(
        readFile,
      ),
    );
  }, 120_000);

  const single = (workbook: ReadWorkbook, name: string) => numbersOf(workbook, name)[0];

  test.each(payor.step2_penetration.scenarios.map((s, i) => [s.name, s.rate, s.cases, i] as const))(
    "step 2: %s penetration %p gives the printed %p cases",
    (_name, _rate, cases, i) => {
      expect(excelRound(numbersOf(example, "ScenarioCases")[i], 0)).toBe(cases);
    },
  );

  test("step 2: the medium scenario drives 3,000 cases", () => {
    expect(excelRound(single(example, "TotalCases"), 0)).toBe(payor.step7_budget.total_cases);
  });

  test.each(levels.map((row, i) => [row.level, row.case_mix, row.cases, i] as const))(
    "step 4: level %s case mix %p gives the printed %p cases",
    (_level, mix, cases, i) => {
      expect(numbersOf(example, "CaseMix")[i]).toBe(mix);
      expect(excelRound(numbersOf(example, "LevelCases")[i], 0)).toBe(cases);
    },
  );

  test.each(
    Object.entries(payor.step5_hours_per_episode).map(
      ([level, h], i) => [level, h.min, h.max, h.average, i] as const,
    ),
  )("step 5: level %s hours run %p to %p, average %p", (_level, min, max, average, i) => {
    expect(numbersOf(example, "MinimumHours")[i]).toBe(min);
    expect(numbersOf(example, "MaximumHours")[i]).toBe(max);
    expect(numbersOf(example, "AverageHours")[i]).toBe(average);
  });

  test("step 6: the rate per hour shows as the printed $158.62", () => {
    expect(excelRound(single(example, "RatePerHour"), 2)).toBe(payor.step7_case_rates.rate_per_hour);
  });

  test.each(payor.step7_case_rates.rows.map((row, i) => [row.level, row.case_rate, i] as const))(
    "step 7: level %s case rate prints as $%p",
    (_level, caseRate, i) => {
      expect(excelRound(numbersOf(example, "CaseRates")[i], 0)).toBe(caseRate);
    },
  );

  test.each(levels.map((row, i) => [row.level, row.total_costs, i] as const))(
    "step 7: level %s total costs print as $%p",
    (_level, totalCosts, i) => {
      expect(excelRound(numbersOf(example, "LevelBudgets")[i], 0)).toBe(totalCosts);
    },
  );

  test("step 7: the total budget prints as $24,030,535", () => {
    expect(excelRound(single(example, "TotalBudget"), 0)).toBe(payor.step7_budget.total_costs);
  });

  test("the workbook's budget and PMPM equal the core's to the cent", () => {
    const core = computeRateModel(TOOLKIT_RATE_MODEL);
    expect(single(example, "TotalBudget")).toBeCloseTo(core.totalBudget, 6);
    expect(single(example, "PMPM")).toBeCloseTo(core.pmpm, 9);
  });

  test("with the example every check passes", () => {
    expect(example.named("MasterCheck")?.[0].value).toBe(true);
    expect(example.named("CheckStatus")?.[0].value).toBe("All checks pass");
  });

  test.each([
    ["the example", () => example],
    ["the blank workbook", () => blank],
    ["the changed example", () => changed],
    ["a blank workbook with two custom levels", () => custom],
  ])("no cell of %s evaluates to an error", (_label, workbook) => {
    const errors = workbook()
      .cells()
      .filter((cell) => typeof cell.value === "object" && cell.value !== null)
      .map((cell) => `${cell.sheet}!${cell.address} = ${JSON.stringify(cell.value)}`);
    expect(errors).toEqual([]);
  });

  test("every formula of the example has a calculated value", () => {
    // A formula whose value is empty text (a line that waits for its inputs) reads back as empty.
    const calculated = calculateWorkbook(describeStarterWorkbook(starterOptions({ example: true })));
    const emptyText = (sheet: string, address: string) => {
      const result = calculated.cell(sheet, address);
      return result.ok && result.value === "";
    };
    const uncalculated = example
      .cells()
      .filter(
        (cell) => cell.formula !== undefined && cell.value === null && !emptyText(cell.sheet, cell.address),
      )
      .map((cell) => `${cell.sheet}!${cell.address}`);
    expect(uncalculated).toEqual([]);
  });

  test("a blank workbook asks for inputs instead of showing errors", () => {
    expect(blank.named("TotalBudget")?.[0].value).toBe("enter inputs");
    expect(blank.named("CaseRates")?.map((cell) => cell.value)).toEqual([
      "enter inputs",
      "enter inputs",
      "enter inputs",
      "enter inputs",
    ]);
    expect(blank.named("MasterCheck")?.[0].value).toBe(false);
    expect(blank.named("CheckStatus")?.[0].value).toBe("Inputs missing: fill the yellow cells on Inputs");
  });

  test("outputs follow changed inputs: penetration 11% and level C at 90 hours", () => {
    const model = {
      ...TOOLKIT_RATE_MODEL,
      penetrationRate: 0.11,
      levels: TOOLKIT_RATE_MODEL.levels.map((level) =>
        level.id === "C" ? { ...level, averageHours: 90 } : level,
      ),
    };
    const core = computeRateModel(model);
    expect(single(changed, "TotalCases")).toBeCloseTo(core.totalCases, 9);
    expect(numbersOf(changed, "CaseRates")[2]).toBeCloseTo(core.levels[2].caseRate, 9);
    expect(single(changed, "TotalBudget")).toBeCloseTo(core.totalBudget, 6);
    expect(single(changed, "TotalBudget")).not.toBeCloseTo(single(example, "TotalBudget"), 0);
    expect(changed.named("MasterCheck")?.[0].value).toBe(true);
  });
});
