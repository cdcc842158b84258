/**
 * `case-rate starter --history`: the starter built from fixture (a) (the toolkit's 3,000 episodes,
 * 30,000 enrollees), recalculated by LibreOffice, shows the toolkit's case rates and budget; its
 * History sheet holds the history command's figures; the audit passes; bad combinations of options.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { excelRound } from "../../src/core";
import { WORKED_EXAMPLE } from "../../src/core/toolkit/example";
import { run } from "../../src/cli/main";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { readXlsx, type ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { encounterCsv, toolkitFixture } from "../fixtures/history/generate";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { scratchFolder } from "./scratchFolder";

// The toolkit's extract is a few hundred thousand rows: read in seconds, more on a loaded machine.
jest.setTimeout(300_000);
const payor = WORKED_EXAMPLE.payor;
const folder = scratchFolder("starter-history");
const extract = path.join(folder, "toolkit.csv");
writeFileSync(extract, encounterCsv(toolkitFixture()));

async function caseRate(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const readWorkbook = (file: string) => readXlsx(new Uint8Array(readFileSync(file)), ExcelJS);
const numbers = (workbook: ReadWorkbook, name: string) =>
  (workbook.named(name) ?? []).map((cell) => cell.value);

/** The History sheet's rows by the text in column B: the values to their right (C onwards). */
function historyRows(workbook: ReadWorkbook): Map<string, (number | string | boolean | null)[][]> {
  const rows = new Map<number, Map<number, unknown>>();
  for (const cell of workbook.cells().filter((c) => c.sheet === "Encounter History")) {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(cell.address) as RegExpExecArray;
    const column = letters.charCodeAt(0) - 64;
    const row = rows.get(Number(digits)) ?? new Map();
    row.set(column, cell.value);
    rows.set(Number(digits), row);
  }
  const byLabel = new Map<string, (number | string | boolean | null)[][]>();
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(row) as Map<number, unknown>;
    const label = cells.get(2);
    if (typeof label !== "string") continue;
    const last = Math.max(...cells.keys());
    const values = Array.from({ length: last - 2 }, (_, k) => (cells.get(k + 3) ?? null) as number | null);
    byLabel.set(label, [...(byLabel.get(label) ?? []), values]);
  }
  return byLabel;
}

describe("case-rate starter --history: options", () => {
  it.each([
    [["--enrollees", "5"], "--enrollees reads an encounter extract: give it with --history ENCOUNTERS.csv."],
    [["--strict"], "--strict reads an encounter extract"],
    [["--history", extract, "--example"], "--example and --history each fill the inputs; choose one."],
    [["--history", path.join(folder, "missing.csv")], "missing.csv"],
  ])("refuses %j in one line, exit 2", async (options, message) => {
    const result = await caseRate("starter", ...options, "-o", path.join(folder, "refused.xlsx"));
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/^case-rate: [^\n]+\n$/);
    expect(result.err).toContain(message);
  });

  it("refuses an extract with more levels of care than the starter lays out, naming the file's problem", async () => {
    const header = "client_id,level,service_date,service_code,minutes\n";
    const rows = Array.from({ length: 11 }, (_, k) => `c${k},L${k},2025-01-02,90834,60\n`).join("");
    const many = path.join(folder, "eleven.csv");
    writeFileSync(many, header + rows);
    const result = await caseRate("starter", "--history", many, "-o", path.join(folder, "eleven.xlsx"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^case-rate: [^\n]*11 levels; build with 1 to 10\.\n$/);
  });
});

describeWithLibreOffice("case-rate starter --history on the toolkit's extract (LibreOffice)", (soffice) => {
  const output = path.join(folder, "history.xlsx");
  let written: ReadWorkbook;
  let recalculated: ReadWorkbook;
  let model: {
    enrollees: number;
    ratePerHour: number;
    history: Record<string, unknown> & {
      levels: Record<string, unknown>[];
      services: Record<string, unknown>[];
    };
  };
  let starterRun: { code: number; out: string; err: string };

  beforeAll(async () => {
    starterRun = await caseRate("starter", "--history", extract, "--enrollees", "30000", "-o", output);
    const history = await caseRate("history", extract, "--enrollees", "30000");
    model = JSON.parse(history.out);
    written = await readWorkbook(output);
    const [copy] = await recalculateWithLibreOffice(soffice, [output]);
    recalculated = await readWorkbook(copy);
  });

  it("writes the workbook, with the history's notes on stderr", () => {
    expect(starterRun.code).toBe(0);
    expect(starterRun.out).toBe(`Wrote ${output}\n`);
    expect(starterRun.err).toMatch(/^case-rate: note: \d+ rows repeat an earlier row exactly/);
  });

  it("shows the toolkit's cases, case rates, level budgets and $24,030,535 budget", () => {
    expect(excelRound(numbers(recalculated, "TotalCases")[0] as number, 0)).toBe(3000);
    expect(numbers(recalculated, "CaseRates").map((v) => excelRound(v as number, 0))).toEqual(
      payor.step7_case_rates.rows.map((row) => row.case_rate),
    );
    expect(numbers(recalculated, "LevelBudgets").map((v) => excelRound(v as number, 0))).toEqual(
      payor.step7_budget.rows.map((row) => row.total_costs),
    );
    expect(excelRound(numbers(recalculated, "TotalBudget")[0] as number, 0)).toBe(24_030_535);
    expect(recalculated.named("MasterCheck")?.[0].value).toBe(true);
  });

  it("fills steps 1, 2, 4, 5 and 6 from the history: Medium its rate, Low and High 0.9x and 1.1x", () => {
    expect(numbers(written, "Enrollees")).toEqual([30000]);
    expect(numbers(written, "PenetrationRates")).toEqual([0.1 * 0.9, 0.1, 0.1 * 1.1]);
    expect(numbers(written, "CaseMix")).toEqual([0.2, 0.37, 0.33, 0.1]);
    expect(numbers(written, "AverageHours")).toEqual([10, 30, 80, 110]);
    expect(numbers(written, "MinimumHours")).toEqual([1, 15, 20, 50]);
    expect(numbers(written, "MaximumHours")).toEqual([30, 100, 160, 240]);
    expect(numbers(written, "RatePerHour")).toEqual([model.ratePerHour]);
    expect(numbers(written, "ServiceHours")).toEqual(model.history.services.map((s) => s.hours));
    expect(numbers(written, "BilledRatesPerHour")).toEqual(model.history.services.map((s) => s.ratePerHour));
    const review = written
      .cells()
      .find(
        (cell) => cell.sheet === "Inputs" && String(cell.value).startsWith("Review: Medium is the history"),
      );
    expect(review).toBeDefined();
  });

  it("fills the Risk cohorts with each level's cohort table", () => {
    const episodes = numbers(written, "RiskCohortEpisodes");
    const levels = model.history.levels as { cohorts: { episodes: number }[] }[];
    // Row-major: cohort k's row holds every level's k-th cohort.
    levels.forEach((level, i) =>
      level.cohorts.forEach((cohort, k) => expect(episodes[k * levels.length + i]).toBe(cohort.episodes)),
    );
  });

  it("records on the History sheet the history command's figures, the file's name, rows and SHA-256", () => {
    const rows = historyRows(written);
    const one = (label: string) => rows.get(label)?.[0];
    expect(one("File")?.[1]).toBe("toolkit.csv");
    expect(one("SHA-256")?.[1]).toBe(createHash("sha256").update(readFileSync(extract)).digest("hex"));
    expect(one("Data rows")?.[1]).toBe(model.history.rows);
    expect(one("Rows used")?.[1]).toBe(model.history.validRows);
    expect(one("Longest gap within a run")?.[1]).toBe(model.history.gapDays);
    expect(one("Episode length")?.[1]).toBe(model.history.episodeDays);
    expect(one("Possible duplicates (rows repeating an earlier row)")?.[1]).toBe(model.history.duplicateRows);
    expect(one("Clients with overlapping levels")?.[1]).toBe(model.history.clientsWithOverlappingLevels);
    expect(one("Episodes")?.[1]).toBe(model.history.episodes);
    const levels = model.history.levels;
    const statistic = (label: string, key: string) =>
      expect(one(label)?.slice(1, 1 + levels.length)).toEqual(levels.map((level) => level[key]));
    statistic("Average", "averageHours");
    statistic("Median", "medianHours");
    statistic("10th percentile", "p10Hours");
    statistic("25th percentile", "p25Hours");
    statistic("75th percentile", "p75Hours");
    statistic("90th percentile", "p90Hours");
    statistic("Standard deviation", "sdHours");
    statistic("Minimum", "minHours");
    statistic("Maximum", "maxHours");
    statistic("Hours", "hours");
    statistic("Clients", "clients");
    statistic("Rate per hour (the level's own)", "ratePerHour");
    const cohorts = levels.flatMap((level) =>
      (level.cohorts as Record<string, number>[]).map((c) => [
        c.fromHours,
        c.toHours,
        c.episodes,
        c.averageHours,
      ]),
    );
    const cohortRows = [...rows.entries()]
      .filter(([label]) => label.startsWith("Cohort "))
      .flatMap(([, values]) => values.map((v) => v.slice(1, 5)));
    expect(cohortRows.sort()).toEqual(cohorts.sort());
    for (const service of model.history.services) {
      const [row] = rows.get(service.code as string) ?? [];
      const mix = service.clinicianMix as Record<string, number>;
      const types = Object.keys(mix).sort();
      expect(row?.slice(0, 4)).toEqual([service.rows, service.hours, service.amount, service.ratePerHour]);
      expect(row?.slice(4).filter((share) => share !== 0)).toEqual(
        types.map((type) => mix[type]).filter((share) => share !== 0),
      );
    }
  });

  it("passes the audit", async () => {
    const audit = await caseRate("audit", output);
    expect(audit.err).toBe("");
    expect(audit.code).toBe(0);
  });
});
