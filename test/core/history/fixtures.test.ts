/**
 * The seeded fixtures give the toolkit's figures back: fixture (a)'s mix, step-5 hours and step-6
 * codes, and fixture (b)'s Level B cohort table, through the analysis of their built episodes.
 */
import { computeRateModel, parseRateModel } from "../../../src/core";
import { analyzeEpisodes } from "../../../src/core/history/analysis";
import { historyModel } from "../../../src/core/history/historyModel";
import { WORKED_EXAMPLE } from "../../../src/core/toolkit/example";
import {
  encounterCsv,
  levelBCohortFixture,
  toolkitFixture,
  TOOLKIT_PAIRS,
} from "../../fixtures/history/generate";
import { builtSummaries } from "../../helpers/episodeSummaries";

const toolkit = toolkitFixture();
const levelB = levelBCohortFixture();

describe("fixture (a): the toolkit's 3,000 episodes", () => {
  const analysis = analyzeEpisodes(builtSummaries(toolkit), { hasAmount: true, enrollees: 30_000 });

  test("step 2 and 4: 3,000 episodes of 30,000 enrollees, the mix 600 / 1,110 / 990 / 300", () => {
    expect(analysis.penetrationRate).toBe(0.1);
    expect(analysis.history.episodes).toBe(3000);
    expect(analysis.history.levels.map((level) => level.episodes)).toEqual([600, 1110, 990, 300]);
    expect(analysis.levels.map((level) => level.caseMix)).toEqual(
      Object.values(WORKED_EXAMPLE.payor.step4_case_mix),
    );
  });

  test("step 5: each level's minimum, maximum and average hours", () => {
    const step5 = WORKED_EXAMPLE.payor.step5_hours_per_episode;
    expect(
      analysis.levels.map(({ id, minHours, maxHours, averageHours }) => ({
        id,
        minHours,
        maxHours,
        averageHours,
      })),
    ).toEqual(
      Object.entries(step5).map(([id, hours]) => ({
        id,
        minHours: hours.min,
        maxHours: hours.max,
        averageHours: hours.average,
      })),
    );
  });

  test("clients: 2,800, some with two episodes (two levels, after a gap, a run cut in two)", () => {
    const pairs = TOOLKIT_PAIRS.twoLevels + TOOLKIT_PAIRS.afterGap + TOOLKIT_PAIRS.cutRun;
    expect(analysis.history.clients).toBe(3000 - pairs);
    expect(analysis.history.levels.map((level) => level.clients)).toEqual([
      600,
      1110 - TOOLKIT_PAIRS.afterGap,
      990,
      300 - TOOLKIT_PAIRS.cutRun,
    ]);
  });

  test("step 6: the rate is inside the toolkit's interval, so its case rates come back", () => {
    expect(analysis.ratePerHour).toBeGreaterThanOrEqual(158.6173894);
    expect(analysis.ratePerHour).toBeLessThan(158.6173927);
    const rate = analysis.ratePerHour!;
    expect(analysis.levels.map((level) => Math.round(level.averageHours * rate))).toEqual(
      WORKED_EXAMPLE.payor.step7_case_rates.rows.map((row) => row.case_rate),
    );
  });

  test("step 7: compute on the history model gives the toolkit's printed budget, row by row", () => {
    const model = parseRateModel(JSON.parse(JSON.stringify(historyModel(analysis))));
    const result = computeRateModel(model);
    const budget = WORKED_EXAMPLE.payor.step7_budget;
    expect(result.levels.map((level) => Math.round(level.totalCost))).toEqual(
      budget.rows.map((row) => row.total_costs),
    );
    expect(Math.round(result.totalBudget)).toBe(budget.total_costs);
  });

  test("the rows carry the step-6 codes with the toolkit's clinician mix, one hour a service", () => {
    const hours = new Map<string, Map<string, number>>();
    expect(toolkit.rows.filter((row) => row.minutes !== 60)).toEqual([]);
    for (const row of toolkit.rows) {
      const byClinician = hours.get(row.code) ?? new Map<string, number>();
      byClinician.set(row.clinician, (byClinician.get(row.clinician) ?? 0) + 1);
      hours.set(row.code, byClinician);
    }
    const columns = ["Prescriber", "RN", "Masters", "Below masters"];
    for (const [code, , ...shares] of WORKED_EXAMPLE.payor.step6_service_codes.rows as [
      string,
      string,
      ...number[],
    ][]) {
      const byClinician = hours.get(code)!;
      const total = [...byClinician.values()].reduce((a, b) => a + b, 0);
      expect(columns.map((clinician) => (byClinician.get(clinician) ?? 0) / total)).toEqual(
        shares.slice(0, 4),
      );
    }
    expect(toolkit.rows).toHaveLength(151_500);
  });

  test("the CSV is sorted by client, level and date, and the same seed gives the same file", () => {
    const csv = encounterCsv(toolkit);
    const lines = csv.trimEnd().split("\n").slice(1);
    const keys = lines.map((line) => line.split(",").slice(0, 3).join(","));
    expect(keys.findIndex((key, i) => i > 0 && key < keys[i - 1])).toBe(-1);
    expect(encounterCsv(toolkitFixture()) === csv).toBe(true);
    expect(encounterCsv(toolkit, { shuffle: 1 }) === csv).toBe(false);
  });
});

describe("fixture (b): Level B's 1,110 episodes in the toolkit's cohorts", () => {
  const table = WORKED_EXAMPLE.utilization_cohorts_level_b;

  test("cut at 10, 30 and 50 hours they give the toolkit's cohort table back, and 30.1 hours", () => {
    const analysis = analyzeEpisodes(builtSummaries(levelB), { hasAmount: true, cohortCuts: [10, 30, 50] });
    const [level] = analysis.history.levels;
    expect(level.cohorts).toEqual(
      table.rows.map((row) => ({
        fromHours: row.min_hours,
        toHours: row.max_hours,
        episodes: row.clients,
        averageHours: row.average_hours,
      })),
    );
    expect(level.episodes).toBe(table.total_clients);
    expect(level.averageHours).toBe(33_442 / 1110);
    expect(Math.round(level.averageHours * 10) / 10).toBe(table.published_average_hours);
    expect(level.ratePerHour).toBeCloseTo(144.21, 10);
  });
});
