import { buildAuditReport, type FigureResult, gridOf, locateFields, matches } from "../../src/audit";
import { TOOLKIT_RATE_PER_HOUR } from "../../src/core/toolkit/example";
import { outputsAt, STARTER_NAMES, starterGrid } from "./starterGrid";

function audit(...args: Parameters<typeof starterGrid>): Map<string, FigureResult> {
  const { grid, locations } = starterGrid(...args);
  const report = buildAuditReport({ grid, locations, calculation: { engine: "excel" } });
  return new Map(report.figures.map((f) => [f.figure, f]));
}

describe("verdicts", () => {
  test("the example at the toolkit's rate passes every figure, each with a sentence of its own numbers", () => {
    const figures = audit();
    expect([...figures.values()].filter((f) => f.verdict !== "pass")).toEqual([]);
    expect(figures.size).toBe(27);
    expect(figures.get("step7.caseRate.C")!.explanation).toBe(
      "80 h × $158.61739 = $12,689.39, which prints as the published $12,689; the printed $158.62 would give $12,689.60, which prints as $12,690.",
    );
    expect(figures.get("step7.budget.total")!.explanation).toBe(
      "Levels A, B, C and D sum to $24,030,534.59, which prints as the published $24,030,535; the printed total is $1 more than the sum of its printed rows, $24,030,534, because each row was rounded on its own.",
    );
    expect(figures.get("step4.mix.B")!.explanation).toContain(
      `the prose's "27% at a low-medium level of care" is a typo in the source: with 27% the shares sum to 90%, with the table's 37% to 100%`,
    );
    expect(figures.get("step7.budget.total")).toMatchObject({ published: 24030535, difference: -0.415 });
    expect(figures.get("step7.pmpm")).toMatchObject({ published: null, difference: 0 });
  });

  test("a workbook at the printed $158.62 differs only by the toolkit's rounding, and says which rates would not", () => {
    const figures = audit({}, { rate: 158.62 });
    const verdicts = Object.fromEntries([...figures].map(([id, f]) => [id, f.verdict]));
    expect(verdicts).toMatchObject({
      "step6.ratePerHour": "rounding",
      "step7.caseRate.A": "pass",
      "step7.caseRate.B": "pass",
      "step7.caseRate.C": "rounding",
      "step7.caseRate.D": "pass",
      "step7.budget.A": "rounding",
      "step7.budget.total": "rounding",
      "step7.pmpm": "pass",
    });
    expect(figures.get("step7.caseRate.C")!.explanation).toBe(
      "80 h × $158.62 = $12,689.60 prints as $12,690, not $12,689; the toolkit computed with an unrounded rate: any rate from $158.617390 to $158.617392 reproduces every printed figure.",
    );
    expect(figures.get("step6.ratePerHour")!.explanation).toBe(
      "$158.62 prints as the published $158.62, but this rounded rate misses the case rate of level C, the total costs of levels A, B, C and D and the total budget: the toolkit computed with an unrounded rate, and any rate from $158.617390 to $158.617392 reproduces every printed figure.",
    );
  });

  test("a rate per hour that is not the toolkit's fails the figures it drives, and says so", () => {
    const figures = audit({}, { rate: 150 });
    expect(figures.get("step6.ratePerHour")!.verdict).toBe("fail");
    expect(figures.get("step7.caseRate.C")).toMatchObject({ verdict: "fail" });
    expect(figures.get("step7.caseRate.C")!.explanation).toBe(
      "80 h × $150.00 = $12,000.00, as the core computes, but it prints as $12,000, not the published $12,689: the workbook's rate per hour, $150.00, is not the toolkit's (see step6.ratePerHour).",
    );
  });

  test("the total of rounded rows differs from the printed total only by the toolkit's rounding", () => {
    const rows = outputsAt(TOOLKIT_RATE_PER_HOUR).LevelBudgets.map((v) => Math.round(v));
    const figures = audit({ TotalBudget: [rows.reduce((a, b) => a + b, 0)] });
    const total = figures.get("step7.budget.total")!;
    expect(total).toMatchObject({ verdict: "rounding", workbook: 24030534, difference: -1 });
    expect(total.explanation).toMatch(
      /^\$24,030,534 is the sum of the level budgets rounded to whole dollars, as the toolkit prints its rows; /,
    );
  });

  test("never loosened: 2e-9 off the core is not a pass, though it prints the same", () => {
    const rates = outputsAt(TOOLKIT_RATE_PER_HOUR).CaseRates;
    const off = rates[0] * (1 + 2e-9);
    expect(matches(off, rates[0])).toBe(false);
    const figures = audit({ CaseRates: [off, ...rates.slice(1)] });
    expect(figures.get("step7.caseRate.A")!.verdict).toBe("fail");
  });

  test("an output that is a typed number fails even when it is the printed figure", () => {
    const rates = outputsAt(TOOLKIT_RATE_PER_HOUR).CaseRates;
    const figures = audit(
      { CaseRates: [rates[0], rates[1], 12689, rates[3]] },
      { constants: ["CaseRates[2]"] },
    );
    expect(figures.get("step7.caseRate.C")!.verdict).toBe("fail");
    expect(figures.get("step7.caseRate.C")!.explanation).toMatch(
      /^'Case Rates'!\w+ holds the typed number \$12,689, not a formula, so the case rate of level C cannot follow the inputs/,
    );
  });

  test("text or an error where a figure should be fails, naming what the cell shows", () => {
    const figures = audit({ TotalBudget: ["enter inputs"], PMPM: [{ error: "#DIV/0!" }] });
    expect(figures.get("step7.budget.total")!.explanation).toMatch(
      /shows "enter inputs" instead of the total budget/,
    );
    expect(figures.get("step7.pmpm")!.explanation).toMatch(
      /shows #DIV\/0! instead of the budget per member per month/,
    );
    expect(figures.get("step7.pmpm")!.difference).toBeNull();
  });

  test("a total that leaves a level out names the level", () => {
    const rows = outputsAt(TOOLKIT_RATE_PER_HOUR).LevelBudgets;
    const figures = audit({ TotalBudget: [rows[0] + rows[1] + rows[3]] });
    expect(figures.get("step7.budget.total")!.explanation).toMatch(
      /it adds up levels A, B and D only and leaves out level C \(\$12,562,497\.29\)/,
    );
  });

  test("a figure computed from a failing one says where the fault starts", () => {
    const out = outputsAt(TOOLKIT_RATE_PER_HOUR);
    const caseRates = [...out.CaseRates];
    caseRates[1] = 30 * 158;
    const budgets = out.LevelCases.map((c, i) => c * caseRates[i]);
    const figures = audit({
      CaseRates: caseRates,
      LevelBudgets: budgets,
      TotalBudget: [budgets.reduce((a, b) => a + b, 0)],
    });
    expect(figures.get("step7.caseRate.B")!.explanation).toMatch(/it is not average hours × rate per hour/);
    expect(figures.get("step7.budget.B")!.explanation).toMatch(
      /follows from the case rate of level B, which fails/,
    );
    expect(figures.get("step7.budget.total")!.explanation).toMatch(
      /follows from the total costs of level B, which fails/,
    );
  });
});

test("a workbook with the Level B utilization cohorts has them audited against the printed 30.1", () => {
  const { grid: starter } = starterGrid();
  const cohortCells = {
    CohortClients: ["D3", "E3", "F3", "G3"],
    CohortHours: ["D4", "E4", "F4", "G4"],
    CohortAverageHours: ["D5"],
  };
  const values = {
    CohortClients: [239, 418, 251, 202],
    CohortHours: [8, 20, 40, 65],
    CohortAverageHours: [33442 / 1110],
  };
  const cells = [
    ...starter.cells(),
    ...Object.entries(cohortCells).flatMap(([name, addresses]) =>
      addresses.map((address, i) => ({
        sheet: "Cohorts",
        address,
        value: values[name as keyof typeof values][i],
        ...(name === "CohortAverageHours" ? { formula: "SUMPRODUCT(D3:G3,D4:G4)/SUM(D3:G3)" } : {}),
      })),
    ),
  ];
  const names = new Map([
    ...[...STARTER_NAMES],
    ...Object.entries(cohortCells).map(
      ([name, addresses]) => [name, addresses.map((address) => ({ sheet: "Cohorts", address }))] as const,
    ),
  ]);
  const sheets = [...starter.sheetNames, "Cohorts"];
  const grid = gridOf(sheets, cells, names);
  const report = buildAuditReport({
    grid,
    locations: locateFields({}, sheets, (name) => names.get(name)),
    calculation: { engine: "excel" },
  });
  expect(report.figures.at(-1)).toMatchObject({
    figure: "cohorts.B.averageHours",
    published: 30.1,
    decimals: 1,
    verdict: "pass",
    explanation:
      "Σ clients × hours ÷ Σ clients = 33,442 ÷ 1,110 = 30.13 h, which prints as the published 30.1.",
  });
  expect(report.notes.join(" ")).not.toContain("no Level B utilization cohorts");
});
