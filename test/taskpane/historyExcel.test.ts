/**
 * The History section in Excel mode, against office-addin-mock: a range over Excel on the web's
 * 5 MB limit read in chunks under it (one sync each), the same model as the core gives the CSV,
 * Cancel, the Encounter History sheet under a free name, and the inputs filled only after the
 * cells that change were shown.
 */
import { EncounterReader } from "../../src/core/history/encounterHistory";
import { EPISODE_DEFAULTS } from "../../src/core/history/episodeSettings";
import { modelOfExtract } from "../../src/core/history/extractModel";
import type { ServiceFigures } from "../../src/core/history/services";
import { excelHistory } from "../../src/taskpane/excel/excelHistory";
import { CHUNK_BUDGET_BYTES, EXCEL_PAYLOAD_LIMIT, SAMPLE_ROWS } from "../../src/taskpane/history/chunks";
import { HISTORY_DESCRIPTIONS } from "../../src/taskpane/history/descriptions";
import { HistoryController } from "../../src/taskpane/history/historyController";
import { serviceTableReference } from "../../src/taskpane/history/serviceTablePlan";
import { specLookup } from "../../src/taskpane/history/specCells";
import { parseSheetReference } from "../../src/workbook/a1";
import { describeStarterWorkbook, starterOptions, starterOptionsOfHistory } from "../../src/workbook/starter";
import { encounterCsv, toolkitFixture } from "../fixtures/history/generate";
import { historyMock, type HistoryMockOptions } from "./historyMock";

const csv = encounterCsv(toolkitFixture(), { shuffle: 3 });
/** The extract as a sheet's values: text, with minutes as numbers and dates as Excel serials. */
const grid: unknown[][] = csv
  .trim()
  .split("\n")
  .map((line, i) =>
    line.split(",").map((cell, column) => {
      if (i === 0) return cell;
      if (column === 2)
        return Date.UTC(+cell.slice(0, 4), +cell.slice(5, 7) - 1, +cell.slice(8, 10)) / 86_400_000 + 25569;
      if (column === 5 || column === 6) return Number(cell);
      return cell;
    }),
  );
const dataRows = grid.length - 1;

/** The core's model of the same extract read as a file's bytes. */
function modelOfCsv(
  enrollees?: number,
  rule = EPISODE_DEFAULTS,
  cohortCuts: number[] | undefined = undefined,
) {
  const reader = new EncounterReader({ columns: {}, rule, strict: false, holdAllRows: true });
  reader.push(new TextEncoder().encode(csv));
  return modelOfExtract(reader.end()!, rule, {
    ...(enrollees === undefined ? {} : { enrollees }),
    ...(cohortCuts === undefined ? {} : { cohortCuts }),
  });
}

/** A starter workbook's input names (a blank one's unless given), as the mock's defined names. */
function starterNames(
  spec = describeStarterWorkbook(starterOptions({})),
  more: string[] = [],
): HistoryMockOptions["names"] {
  const lookup = specLookup(spec);
  const names: NonNullable<HistoryMockOptions["names"]> = {};
  for (const name of [
    "LevelIds",
    "ScenarioNames",
    "PenetrationRates",
    "CaseMix",
    "MinimumHours",
    "MaximumHours",
    "AverageHours",
    "LevelRatesPerHour",
    "RatePerHour",
    ...more,
  ]) {
    const definition = spec.names.find((n) => n.name === name)!;
    names[name] = {
      reference: definition.reference,
      values: lookup(name)!.cells.map((c) => c.value ?? ""),
      numberFormat: "General",
    };
  }
  return names;
}

function section(options: Partial<HistoryMockOptions> = {}) {
  const excel = historyMock({ grid, tables: ["Encounters"], names: starterNames(), ...options });
  const report = { chunks: 0, syncs: 0 };
  const controller = new HistoryController(excelHistory(excel.run, HISTORY_DESCRIPTIONS, report));
  return { excel, report, controller };
}

describe("History in Excel: reading a range in chunks", () => {
  test("the extract's range is over 5 MB as one response; it is read in chunks each under it, one sync a chunk", async () => {
    const whole = new TextEncoder().encode(JSON.stringify(grid.slice(1))).length;
    expect(whole).toBeGreaterThan(EXCEL_PAYLOAD_LIMIT);
    const { excel, report, controller } = section();
    await controller.loadSources();
    expect(controller.state.sources.map((s) => s.id)).toEqual(["table:Encounters", "selection"]);
    await controller.chooseSource("table:Encounters");
    expect(controller.state.extract?.rows).toBe(dataRows);
    expect(controller.state.columnErrors).toEqual({});
    const progress: number[] = [];
    controller.subscribe((state) => state.progress && progress.push(state.progress.done));
    controller.setEnrollees("30,000");
    expect(await controller.analyze()).toBe(true);

    const reads = excel.reads;
    expect(reads.reduce((sum, read) => sum + read.rows, 0)).toBe(dataRows);
    expect(reads[0].rows).toBe(SAMPLE_ROWS);
    expect(Math.max(...reads.map((read) => read.bytes))).toBeLessThanOrEqual(CHUNK_BUDGET_BYTES);
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(whole / EXCEL_PAYLOAD_LIMIT) + 1);
    expect(report.chunks).toBe(reads.length);
    // One sync to locate the range, one per chunk: a constant per chunk, whatever the size.
    expect(report.syncs).toBe(1 + reads.length);
    expect(progress.at(-1)).toBe(dataRows);
    // The same core: the range's rows give the model the CSV's bytes give.
    expect(controller.state.model).toEqual(modelOfCsv(30_000));
    expect(controller.state.model?.levels.map((l) => l.caseMix)).toEqual([0.2, 0.37, 0.33, 0.1]);
    expect(excel.addedSheets).toEqual(["Encounter History"]);
    expect(controller.state.summary).toMatch(
      new RegExp(
        `^${dataRows.toLocaleString("en-US")} rows read in ${reads.length} chunks, 0 refused; 3,000 episodes`,
      ),
    );
  });

  test("the Encounter History sheet records where the rows came from: the table's name or the range's address, and the rows", async () => {
    /** The History sheet's rows as written: label and value, by the label column. */
    const recordOf = (excel: ReturnType<typeof section>["excel"]) => {
      const rows = excel.ranges
        .filter((r) => r.sheet === "Encounter History" && Array.isArray(r.mock.formulas))
        .flatMap((r) => r.mock.formulas as unknown[][]);
      return Object.fromEntries(rows.map((row) => [row[1], row[3]]));
    };
    const table = section();
    await table.controller.chooseSource("table:Encounters");
    await table.controller.analyze();
    expect(recordOf(table.excel)).toMatchObject({ "Excel table": "Encounters", "Data rows": dataRows });
    expect(recordOf(table.excel)).not.toHaveProperty("SHA-256");
    const selection = section();
    await selection.controller.chooseSource("selection");
    await selection.controller.analyze();
    expect(recordOf(selection.excel)).toMatchObject({
      "Excel range": `Encounters!A1:G${grid.length}`,
      "Data rows": dataRows,
    });
  });

  test("a read Excel refuses for its size is read again in halves, never lost", async () => {
    const { excel, controller } = section({ payloadLimit: 400_000 });
    await controller.chooseSource("selection");
    expect(await controller.analyze()).toBe(true);
    expect(excel.refused()).toBeGreaterThan(0);
    expect(excel.reads.reduce((sum, read) => sum + read.rows, 0)).toBe(dataRows);
    expect(Math.max(...excel.reads.map((read) => read.bytes))).toBeLessThanOrEqual(400_000);
    expect(controller.state.model?.history.rows).toBe(dataRows);
  });

  test("Cancel stops the reading between chunks, and nothing is written", async () => {
    const { excel, controller } = section();
    await controller.chooseSource("table:Encounters");
    controller.subscribe((state) => {
      if (state.progress && state.progress.done > 0) controller.cancel();
    });
    expect(await controller.analyze()).toBe(false);
    expect(excel.reads.reduce((sum, read) => sum + read.rows, 0)).toBeLessThan(dataRows);
    expect(excel.addedSheets).toEqual([]);
    expect(controller.state.phase).toBe("idle");
    expect(controller.state.message).toEqual({
      kind: "info",
      text: "Analysis cancelled: nothing was written.",
    });
  });

  test("a workbook with an Encounter History sheet keeps it: the new one gets a free name", async () => {
    const { excel, controller } = section({ existingSheets: ["Encounters", "Inputs", "Encounter History"] });
    await controller.chooseSource("table:Encounters");
    await controller.analyze();
    expect(excel.addedSheets).toEqual(["Encounter History (2)"]);
    expect(controller.state.sheet).toBe("Encounter History (2)");
    expect(controller.state.summary).toMatch(/"Encounter History \(2\)" \("Encounter History" is taken\)\.$/);
  });

  test("a missing column is named beside its dropdown, and Analyze reads nothing", async () => {
    const renamed = grid.map((row, i) =>
      i === 0 ? row.map((c) => (c === "minutes" ? "Duration" : c)) : row,
    );
    const { excel, controller } = section({ grid: renamed });
    await controller.chooseSource("table:Encounters");
    expect(controller.state.columnErrors).toEqual({
      minutes: "Choose the column that holds minutes: the analysis needs it.",
    });
    expect(await controller.analyze()).toBe(false);
    expect(excel.reads).toEqual([]);
    controller.setColumn("minutes", "Duration");
    expect(controller.state.columnErrors).toEqual({});
    expect(await controller.analyze()).toBe(true);
  });
});

describe("History in Excel: the episode rule and the cohorts", () => {
  test("each field is checked by the core as it is typed, its error beside it; Analyze refuses and reads nothing", async () => {
    const { excel, controller } = section();
    await controller.chooseSource("table:Encounters");
    controller.setSetting("gapDays", "-1");
    controller.setSetting("episodeDays", "six months");
    controller.setSetting("cohorts", "30, 10");
    expect(controller.state.settingErrors).toEqual({
      gapDays: "gapDays is -1; it must be a whole number of days from 0 to 36500.",
      episodeDays: '"six months" is not a number: type a whole number of days, such as 182.',
      cohorts: "cohort cut points must rise: 10 comes after 30.",
    });
    controller.setSetting("cohorts", "10, x");
    expect(controller.state.settingErrors.cohorts).toBe("cohort cut point 2 is not a number.");
    expect(await controller.analyze()).toBe(false);
    expect(controller.state.message?.text).toBe(
      "Not analyzed: gapDays is -1; it must be a whole number of days from 0 to 36500.",
    );
    expect(excel.reads).toEqual([]);
  });

  test("the settings typed are the analysis's: the same model as the core's with them", async () => {
    const { controller } = section();
    await controller.chooseSource("table:Encounters");
    controller.setSetting("gapDays", "30");
    controller.setSetting("episodeDays", "91");
    controller.setSetting("cohorts", "10, 30, 50");
    expect(controller.state.settingErrors).toEqual({});
    expect(await controller.analyze()).toBe(true);
    const model = controller.state.model!;
    expect(model).toEqual(modelOfCsv(undefined, { gapDays: 30, episodeDays: 91 }, [10, 30, 50]));
    expect([model.history.gapDays, model.history.episodeDays]).toEqual([30, 91]);
    // Shorter episodes: more of them than the default rule's 3,000.
    expect(model.history.episodes).toBeGreaterThan(3000);
    expect(model.history.levels[1].cohorts.at(-1)!.fromHours).toBeGreaterThan(50);
  });
});

describe("History in Excel: Use as the model's inputs", () => {
  test("shows each cell that changes, old and new, and writes only those, only on confirmation", async () => {
    const { excel, controller } = section();
    await controller.chooseSource("table:Encounters");
    controller.setEnrollees("30000");
    await controller.analyze();
    expect(await controller.planInputs()).toBe(true);
    const plan = controller.state.plan!;
    expect(excel.written).toEqual([]);
    const byLabel = Object.fromEntries(plan.map((c) => [c.label, `${c.oldText} → ${c.newText}`]));
    expect(byLabel).toMatchObject({
      "Penetration rate (step 2), Low": "(blank) → 9.0%",
      "Penetration rate (step 2), Medium": "(blank) → 10.0%",
      "Penetration rate (step 2), High": "(blank) → 11.0%",
      "Case mix (step 4), level A": "(blank) → 20%",
      "Case mix (step 4), level B": "(blank) → 37%",
      "Average hours (step 5), level D": "(blank) → 110.0",
    });
    expect(Object.keys(byLabel).filter((label) => label.startsWith("Rate per hour (step 6)"))).toEqual([
      "Rate per hour (step 6)",
    ]);
    // Keep: nothing written.
    controller.dismissPlan();
    expect(excel.written).toEqual([]);
    await controller.planInputs();
    expect(await controller.confirmInputs()).toBe(true);
    expect(excel.written.map((w) => w.address)).toEqual(plan.map((c) => `${c.sheet}!${c.address}`));
    expect(excel.written.find((w) => w.address === plan[0].sheet + "!" + plan[0].address)?.values).toEqual([
      [0.1 * 0.9], // the history's rate × 0.9, unrounded
    ]);
  });

  test("a workbook whose levels are not the history's is refused in words, nothing written", async () => {
    const names = starterNames()!;
    names.LevelIds = { ...names.LevelIds, values: ["A", "B", "C", "E"] };
    const { excel, controller } = section({ names });
    await controller.chooseSource("table:Encounters");
    await controller.analyze();
    expect(await controller.planInputs()).toBe(false);
    expect(controller.state.message?.text).toBe(
      "The inputs were not filled: the workbook's levels of care (A, B, C, E) are not the history's (A, B, C, D): build the starter workbook with the history's levels first (Build › My own levels).",
    );
    expect(excel.written).toEqual([]);
  });
});

describe("History in Excel: step 6's service-code table", () => {
  /** A starter built from the fixture's history, with one more code than the history has (a stale row). */
  function staleStarter() {
    const model = modelOfCsv(30_000);
    const services = model.history.services as ServiceFigures[];
    const stale = {
      ...model,
      history: { ...model.history, services: [...services, { ...services[0], code: "99999" }] },
    };
    const spec = describeStarterWorkbook(starterOptions(starterOptionsOfHistory(stale)));
    const lookup = specLookup(spec);
    const reference = serviceTableReference(lookup)!;
    const cells: NonNullable<HistoryMockOptions["cells"]> = {};
    const { sheet } = parseSheetReference(reference);
    for (const cell of lookup(reference)!.cells)
      cells[`${sheet}!${cell.address}`] = { value: cell.value ?? "" };
    return {
      names: starterNames(spec, ["BilledRatesPerHour", "ServiceHours"]),
      cells,
      rows: services.length,
    };
  }

  test('the table is read by its block, its stale row cleared ("" in Excel) only on confirmation', async () => {
    const { names, cells, rows } = staleStarter();
    const { excel, controller } = section({ names, cells });
    await controller.chooseSource("table:Encounters");
    controller.setEnrollees("30000");
    await controller.analyze();
    expect(await controller.planInputs()).toBe(true);
    expect(controller.state.planRefused).toBeUndefined();
    const table = controller.state.plan!.filter(
      (c) => c.label.includes("(step 6), ") && c.label.startsWith("Service code"),
    );
    // The history's codes are the workbook's already; the stale row's cells (its description blank) are cleared.
    const columns = [
      "Code",
      "Below masters",
      "Masters",
      "Prescriber",
      "RN",
      "Billed per hour",
      "Service hours",
    ];
    expect(table.map((c) => [c.label, c.newText])).toEqual(
      columns.map((column) => [
        `Service code table (step 6), row ${rows + 1}, ${column}: cleared (the history has ${rows} codes)`,
        "(blank)",
      ]),
    );
    const cleared = table;
    expect(await controller.confirmInputs()).toBe(true);
    for (const change of cleared) {
      expect(excel.written.find((w) => w.address === `Inputs!${change.address}`)?.values).toEqual([[""]]);
    }
  });
});

describe("History in Excel: the Settlement sheet's closed cases from the episodes", () => {
  /** A small extract as a sheet's values: three episodes, with amounts. */
  const small: unknown[][] = [
    ["client_id", "level", "service_date", "service_code", "clinician_type", "minutes", "amount"],
    ["1", "A", 45659, "90834", "Masters", 60, 120],
    ["1", "A", 45666, "90834", "Masters", 60, 120.5],
    ["2", "B", 45689, "90862", "Prescriber", 30, 90],
    ["3", "D", 45717, "90862", "RN", 90, 150],
  ];
  const settlementNames = () =>
    starterNames(describeStarterWorkbook(starterOptions({ example: true })), [
      "CaseLevels",
      "CaseCosts",
      "CasesPaid",
      "ContractCostPerHour",
      "RiskLevelRates",
    ]);

  test("shows where the cases go, how each was costed and what it overwrites; writes the three columns only on confirmation", async () => {
    const { excel, controller } = section({ grid: small, names: settlementNames() });
    await controller.chooseSource("table:Encounters");
    expect(await controller.analyze()).toBe(true);
    const before = excel.syncs();
    expect(await controller.planSettlement()).toBe(true);
    expect(excel.syncs() - before).toBe(2);
    const plan = controller.state.settlement!;
    expect(plan.where).toMatch(/^3 closed cases, one per episode, into Settlement!D\d+:E\d+/);
    expect(plan.costBasis).toBe(
      "each case's cost is its episode's amount, the dollars paid for its services (the extract has amounts).",
    );
    expect(plan.overwrites).toMatch(
      /^\d+ cells that are not blank will be overwritten or cleared: Settlement!D/,
    );
    expect(excel.written).toEqual([]);
    controller.dismissSettlement();
    expect(excel.written).toEqual([]);
    await controller.planSettlement();
    expect(await controller.confirmSettlement()).toBe(true);
    const names = settlementNames()!;
    const column = (name: string) => names[name].reference.replace(/\$/g, "");
    expect(excel.written.map((w) => w.address)).toEqual([
      column("CaseLevels"),
      column("CaseCosts"),
      column("CasesPaid"),
    ]);
    const [levels, costs, paid] = excel.written.map((w) => (w.values as unknown[][]).map((row) => row[0]));
    expect(levels.slice(0, 4)).toEqual(["A", "B", "D", ""]);
    expect(costs.slice(0, 4)).toEqual([240.5, 90, 150, ""]);
    expect(levels).toHaveLength(400);
    expect(paid.every((value) => value === "")).toBe(true);
    expect(controller.state.message?.text).toBe(
      "Filled the Settlement sheet's closed cases: 3 cases from the history's episodes.",
    );
  });

  test("more episodes than the table's rows is refused in words, nothing written", async () => {
    const { excel, controller } = section({ names: settlementNames() });
    await controller.chooseSource("table:Encounters");
    await controller.analyze();
    expect(await controller.planSettlement()).toBe(false);
    expect(controller.state.message?.text).toBe(
      "The Settlement sheet was not filled: the history has 3,000 episodes and the Settlement sheet's closed-cases table has 400 rows: it cannot hold them all, so nothing was filled (settle a year this size with case-rate contract --episodes).",
    );
    expect(excel.written).toEqual([]);
  });
});
