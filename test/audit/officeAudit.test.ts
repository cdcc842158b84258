import { AUDIT_SHEET_TITLE, AuditInputError, cellsOfRange, parseReference } from "../../src/audit";
import { TOOLKIT_RATE_PER_HOUR } from "../../src/core/toolkit/example";
import { auditView, auditWorkbook, RestoreError, selectCell } from "../../src/taskpane/excel/audit";
import { describeStarterWorkbook, SCENARIOS, starterOptions } from "../../src/workbook/starter";
import { type Content, contentsOf, FakeWorkbook, type FakeOptions } from "./officeWorkbook";

const spec = describeStarterWorkbook(starterOptions({ example: true }));
const names = spec.names.map((n) => ({ name: n.name, reference: n.reference }));

/** The cells of a starter name: sheet and address. */
function cellsOf(name: string) {
  const parsed = parseReference(names.find((n) => n.name === name)!.reference);
  if (!parsed || parsed.kind !== "range") throw new Error(name);
  return cellsOfRange(parsed.sheet, parsed.range);
}

/** Excel's recalculation of the starter workbook's outputs, for the fake. */
function starterEngine(book: FakeWorkbook): void {
  const numbers = (name: string) => book.named(name).map((v) => (typeof v === "number" ? v : Number.NaN));
  const enrollees = numbers("Enrollees")[0];
  const rates = numbers("PenetrationRates");
  const rate = rates[SCENARIOS.indexOf(String(book.named("Scenario")[0]) as (typeof SCENARIOS)[number])];
  const mix = numbers("CaseMix");
  const hours = numbers("AverageHours");
  const levelRates = book.named("LevelRatesPerHour");
  const perHour = numbers("RatePerHour")[0];
  const total = enrollees * rate;
  const cases = mix.map((m) => total * m);
  const caseRates = hours.map(
    (h, i) => h * (typeof levelRates[i] === "number" ? (levelRates[i] as number) : perHour),
  );
  book.setNamed(
    "ScenarioCases",
    rates.map((r) => enrollees * r),
  );
  book.setNamed("TotalCases", [total]);
  book.setNamed("LevelCases", cases);
  book.setNamed("CaseRates", caseRates);
  // A case rate typed over a formula keeps its number: the budget uses what the cell shows.
  const shown = book.named("CaseRates").map((v) => v as number);
  const budgets = cases.map((c, i) => c * shown[i]);
  book.setNamed("LevelBudgets", budgets);
  const budget = budgets.reduce((a, b) => a + b, 0);
  book.setNamed("TotalBudget", [budget]);
  book.setNamed("PMPM", [budget / (enrollees * numbers("MonthsPerYear")[0])]);
}

/** The starter workbook's cells as a user left them: their own inputs, one of them a formula. */
function usersContents(change?: (sheets: Map<string, Map<string, Content>>) => void) {
  const sheets = contentsOf(spec);
  const set = (name: string, values: (Content | null)[]) =>
    cellsOf(name).forEach((cell, i) => {
      const value = values[i];
      if (value === null) sheets.get(cell.sheet)!.delete(cell.address);
      else sheets.get(cell.sheet)!.set(cell.address, value);
    });
  set("Enrollees", ["=30000"]);
  set("Scenario", ["High"]);
  set("RatePerHour", [150]);
  set("CaseMix", [0.25, 0.35, 0.3, 0.1]);
  set("LevelRatesPerHour", [null, null, null, 175]);
  change?.(sheets);
  return sheets;
}

function usersWorkbook(
  options: FakeOptions = {},
  change?: (sheets: Map<string, Map<string, Content>>) => void,
) {
  return new FakeWorkbook(usersContents(change), names, { engine: starterEngine, ...options });
}

/** Every sheet but the ones the audit added. */
function userSheets(book: FakeWorkbook, snapshot = book.snapshot()) {
  for (const { name } of book.addedSheets) snapshot.delete(name);
  return snapshot;
}

describe("auditWorkbook (Office.js, on office-addin-mock)", () => {
  test("puts the example in, reads the recalculated workbook, restores every input exactly, in five syncs", async () => {
    const book = usersWorkbook();
    const before = book.snapshot();
    const budgetBefore = book.named("TotalBudget")[0];
    const result = await auditWorkbook(book.context);

    expect(userSheets(book)).toEqual(before);
    expect(book.contents.get("Inputs")!.get(cellsOf("Enrollees")[0].address)).toBe("=30000");
    expect(book.named("TotalBudget")[0]).toBe(budgetBefore);
    expect(result.syncs).toBe(5);
    expect(book.syncs).toBe(5);

    // The example was in the cells when Excel recalculated (the third sync), and only then.
    const during = book.recalculations.find((r) => r.sync === 3)!.snapshot.get("Inputs")!;
    const at = (name: string) => cellsOf(name).map((cell) => during.get(cell.address));
    expect(at("Enrollees")).toEqual([30000]);
    expect(at("Scenario")).toEqual(["Medium"]);
    expect(at("RatePerHour")).toEqual([TOOLKIT_RATE_PER_HOUR]);
    expect(at("CaseMix")).toEqual([0.2, 0.37, 0.33, 0.1]);
    expect(at("LevelRatesPerHour")).toEqual([undefined, undefined, undefined, undefined]);

    expect(result.report.summary).toMatchObject({ result: "pass", figures: 27, fail: 0, faults: 0 });
    expect(result.report.calculation.engine).toBe("excel");
    expect(result.failing).toEqual([]);
    expect(result.sheet).toBe("Audit");
    expect(book.addedSheets.map((s) => s.name)).toEqual(["Audit"]);
    expect(book.activated).toEqual(["Audit"]);
  });

  test("writes the report on a new sheet: summary at the top, then the figures, never over a sheet of the user's", async () => {
    const book = usersWorkbook({}, (sheets) => sheets.set("Audit", new Map([["A1", "my own notes"]])));
    const result = await auditWorkbook(book.context);
    expect(result.sheet).toBe("Audit (2)");
    expect(book.contents.get("Audit")!.get("A1")).toBe("my own notes");
    const written = book.addedRanges.filter((r) => Array.isArray(r.mock.formulas));
    expect(written.map((r) => r.sheet)).toEqual(["Audit (2)"]);
    const cells = (written[0].mock.formulas as unknown[][]).flat().filter((v) => v !== "");
    expect(cells.slice(0, 2)).toEqual([AUDIT_SHEET_TITLE, result.report.summary.line]);
    expect(cells).toEqual(
      expect.arrayContaining([
        "Figure",
        "Printed",
        "Workbook",
        "Core",
        "Difference",
        "Verdict",
        "Explanation",
      ]),
    );
    expect(cells.indexOf("Figure")).toBeLessThan(cells.indexOf("step7.budget.total"));
    expect(cells.filter((v) => typeof v === "string" && v.startsWith("="))).toEqual([]); // the report never recalculates
  });

  test("when reading the outputs fails midway, the inputs are restored and the error comes through", async () => {
    const book = usersWorkbook({ failSync: 3 });
    const before = book.snapshot();
    await expect(auditWorkbook(book.context)).rejects.toThrow("sync 3 failed");
    expect(book.snapshot()).toEqual(before);
    expect(book.syncs).toBe(4);
    expect(book.addedSheets).toEqual([]);
  });

  test("when asking for the cells throws before Excel is reached, the queued example is undone in the same batch", async () => {
    const book = usersWorkbook({ throwOnUsedRange: true });
    const before = book.snapshot();
    await expect(auditWorkbook(book.context)).rejects.toThrow("used range unavailable");
    expect(book.snapshot()).toEqual(before);
    expect(book.syncs).toBe(3);
  });

  test("when the inputs cannot be put back, the error says what they were", async () => {
    const book = usersWorkbook({ failSync: 4 });
    const failure = auditWorkbook(book.context);
    await expect(failure).rejects.toThrow(RestoreError);
    await expect(failure).rejects.toThrow(/=30000/);
  });

  test("text that reads like a number goes back as text, and an error a formula shows is reported", async () => {
    const scenario = cellsOf("Scenario")[0];
    const budget = cellsOf("TotalBudget")[0];
    const engine = (b: FakeWorkbook) => {
      starterEngine(b);
      b.values.set(`${budget.sheet}!${budget.address}`, "#DIV/0!");
    };
    const book = new FakeWorkbook(
      usersContents((sheets) => sheets.get(scenario.sheet)!.set(scenario.address, "'2026")),
      names,
      { engine },
    );
    const before = book.snapshot();
    const result = await auditWorkbook(book.context);
    expect(book.contents.get(scenario.sheet)!.get(scenario.address)).toBe("'2026");
    expect(userSheets(book)).toEqual(before);
    const total = result.report.figures.find((f) => f.figure === "step7.budget.total")!;
    expect(total).toMatchObject({ verdict: "fail", workbook: { error: "#DIV/0!" } });
    expect(total.explanation).toMatch(/^'Case Rates'!H\d+ shows #DIV\/0! instead of the total budget/);
    expect(result.report.faults).toContainEqual(
      expect.objectContaining({ sheet: budget.sheet, cell: budget.address, kind: "error-value" }),
    );
  });

  test("in manual calculation the audit asks Excel to recalculate, and again after the restore", async () => {
    const book = usersWorkbook({ calculationMode: "Manual" });
    const budgetBefore = book.named("TotalBudget")[0];
    const result = await auditWorkbook(book.context);
    expect(result.report.summary.result).toBe("pass");
    expect(book.recalculations.map((r) => r.sync)).toEqual([3, 4]);
    expect(book.named("TotalBudget")[0]).toBe(budgetBefore);
  });

  test("a case rate typed over with a number fails, and the pane can select its cell", async () => {
    const caseRateC = cellsOf("CaseRates")[2];
    const book = usersWorkbook({}, (sheets) => sheets.get(caseRateC.sheet)!.set(caseRateC.address, 12000));
    const result = await auditWorkbook(book.context);
    expect(result.report.summary.result).toBe("fail");
    expect(result.failing[0]).toEqual({ figure: "step7.caseRate.C", ...caseRateC });
    expect(result.report.faults).toEqual([
      expect.objectContaining({
        sheet: caseRateC.sheet,
        cell: caseRateC.address,
        kind: "number-over-formula",
      }),
    ]);
    const view = auditView(result);
    expect(view.ok).toBe(false);
    expect(view.findings[0]).toMatchObject({
      severity: "fail",
      sheet: "Case Rates",
      address: caseRateC.address,
    });
    expect(view.summary).toMatch(/^FAIL: 4 of 27 figures fail/);

    const before = book.syncs;
    await selectCell(book.context, caseRateC.sheet, caseRateC.address);
    expect(book.syncs - before).toBe(1);
    expect(book.activated.at(-1)).toBe("Case Rates");
    expect(book.ranges.at(-1)).toMatchObject({
      sheet: "Case Rates",
      range: caseRateC.address,
      selected: true,
    });
  });

  test("a workbook of the user's own making is audited through a mapping", async () => {
    const mapping = Object.fromEntries(
      [
        ["enrollees", "Enrollees"],
        ["penetrationRates", "PenetrationRates"],
        ["scenario", "Scenario"],
        ["caseMix", "CaseMix"],
        ["averageHours", "AverageHours"],
        ["levelRatesPerHour", "LevelRatesPerHour"],
        ["ratePerHour", "RatePerHour"],
        ["monthsPerYear", "MonthsPerYear"],
        ["caseRates", "CaseRates"],
        ["levelBudgets", "LevelBudgets"],
        ["totalBudget", "TotalBudget"],
      ].map(([field, name]) => [field, names.find((n) => n.name === name)!.reference]),
    );
    // No defined names at all; the fake's engine still finds its cells by the starter's names.
    const recalc = (b: FakeWorkbook) => {
      b.names.push(...names);
      starterEngine(b);
      b.names.splice(0, b.names.length);
    };
    const mapped = new FakeWorkbook(usersContents(), [], { engine: recalc });
    const before = mapped.snapshot();
    const result = await auditWorkbook(mapped.context, mapping);
    expect(result.report.figures.map((f) => f.figure)).toEqual([
      ...["A", "B", "C", "D"].map((l) => `step4.mix.${l}`),
      ...["A", "B", "C", "D"].map((l) => `step5.hours.average.${l}`),
      "step6.ratePerHour",
      ...["A", "B", "C", "D"].map((l) => `step7.caseRate.${l}`),
      ...["A", "B", "C", "D"].map((l) => `step7.budget.${l}`),
      "step7.budget.total",
    ]);
    expect(result.report.summary.result).toBe("pass");
    expect(userSheets(mapped)).toEqual(before);
  });

  test("a mapping to a sheet the workbook lacks is refused before anything is written", async () => {
    const book = usersWorkbook();
    const before = book.snapshot();
    const failure = auditWorkbook(book.context, { caseRates: "'Rates'!D12:G12" });
    await expect(failure).rejects.toThrow(AuditInputError);
    await expect(failure).rejects.toThrow(
      `the mapping's caseRates points at sheet "Rates", which this workbook does not have.`,
    );
    expect(book.syncs).toBe(1);
    expect(book.snapshot()).toEqual(before);
  });
});
