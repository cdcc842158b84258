/**
 * History → risk (the risk issue's composition): `case-rate history` on fixture (b), Level B's
 * 1,110 episodes in the toolkit's four cohorts, gives a model whose risk is the cohort table's:
 * the same expected cost as risk on the model carrying the toolkit's Level B cohort table
 * directly, and a spread at least the table's (the history keeps the spread inside each cohort).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WORKED_EXAMPLE } from "../../src/core/toolkit/example";
import { encounterCsv, levelBCohortFixture } from "../fixtures/history/generate";
import { caseRateInProcess as caseRate } from "../helpers/caseRateCli";
import { scratchFolder } from "./scratchFolder";

const folder = scratchFolder("history-risk");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Risk {
  expectedCost: number;
  standardDeviation: number;
  quantiles: Record<string, number>;
}

test("history on fixture (b) → risk: the toolkit's Level B cohort table's distribution", async () => {
  const extract = path.join(folder, "levelB.csv");
  writeFileSync(extract, encounterCsv(levelBCohortFixture()));
  const modelPath = path.join(folder, "levelB.json");
  const written = await caseRate("history", extract, "--enrollees", "11100", "-o", modelPath);
  expect(written.code).toBe(0);
  const model = JSON.parse(readFileSync(modelPath, "utf8")) as Record<string, unknown> & {
    levels: Record<string, unknown>[];
  };
  const withTable = structuredClone(model);
  withTable.levels[0].hoursDistribution = {
    cohorts: WORKED_EXAMPLE.utilization_cohorts_level_b.rows.map((row) => ({
      episodes: row.clients,
      averageHours: row.average_hours,
    })),
  };
  const riskOf = async (name: string, value: unknown): Promise<Risk> => {
    const file = path.join(folder, name);
    writeFileSync(file, JSON.stringify(value));
    const result = await caseRate("risk", file);
    expect(result.code).toBe(0);
    return JSON.parse(result.out) as Risk;
  };
  const fromHistory = await riskOf("from-history.json", model);
  const fromTable = await riskOf("from-table.json", withTable);
  expect(model.levels).toHaveLength(1);
  expect(fromHistory.expectedCost).toBeCloseTo(fromTable.expectedCost, 6);
  expect(fromHistory.standardDeviation).toBeGreaterThanOrEqual(fromTable.standardDeviation);
  // The spread inside the cohorts adds little to a year of 1,110 cases: the quantiles agree within 1%.
  for (const [p, value] of Object.entries(fromTable.quantiles)) {
    expect(Math.abs(fromHistory.quantiles[p] / value - 1)).toBeLessThan(0.01);
  }
}, 120_000);
