/** The history model: compute and risk accept it, its keys are the schema's, and what is missing is named. */
import { computeRateModel, parseRateModel } from "../../../src/core";
import { analyzeEpisodes } from "../../../src/core/history/analysis";
import type { EpisodeSummary } from "../../../src/core/history/episodeSummary";
import { historyModel, missingModelInputs } from "../../../src/core/history/historyModel";
import { riskInputOfModel, riskOfYear } from "../../../src/core/risk";

/** Two levels: A at 2, 4 and 6 hours ($100 an hour), B at 10 and 20 hours ($150 an hour). */
const EPISODES: EpisodeSummary[] = [
  { clientId: "1", level: "A", episodeStart: 20089, services: 2, hours: 2, amount: 200 },
  { clientId: "2", level: "A", episodeStart: 20089, services: 4, hours: 4, amount: 400 },
  { clientId: "3", level: "A", episodeStart: 20100, services: 6, hours: 6, amount: 600 },
  { clientId: "1", level: "B", episodeStart: 20200, services: 10, hours: 10, amount: 1500 },
  { clientId: "4", level: "B", episodeStart: 20089, services: 20, hours: 20, amount: 3000 },
];

/** The model as `case-rate history` prints it: through JSON, as compute would read it from a file. */
function printed(options: Parameters<typeof analyzeEpisodes>[1]): Record<string, unknown> {
  const model = historyModel(analyzeEpisodes(EPISODES, options), { gapDays: 90, episodeDays: 182 });
  return JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
}

describe("the history model", () => {
  test("compute reads it: the case rates of the history's hours at its rate", () => {
    const model = parseRateModel(printed({ hasAmount: true, enrollees: 50 }));
    const result = computeRateModel(model);
    expect(result.totalCases).toBe(5); // 50 enrollees × 5 / 50
    const rate = 5700 / 42;
    expect(result.levels.map((level) => level.caseRate)).toEqual([4 * rate, 15 * rate]);
    expect(result.levels[0]).not.toHaveProperty("minHours");
  });

  test("risk reads its 1-hour histograms as the levels' cohort tables", () => {
    const model = parseRateModel(printed({ hasAmount: true, enrollees: 50 }));
    const year = riskOfYear({ ...riskInputOfModel(model, computeRateModel(model)), simulationYears: 200 });
    expect(year.levels.map((level) => level.spread)).toEqual(["cohorts", "cohorts"]);
    const means = year.levels.map((level) => level.averageHoursOfDistribution);
    expect(means[0]).toBeCloseTo(4, 12);
    expect(means[1]).toBeCloseTo(15, 12);
  });

  test("its keys are in the schema's order, and a missing input is named", () => {
    const full = printed({ hasAmount: true, enrollees: 50 });
    expect(Object.keys(full)).toEqual(["enrollees", "penetrationRate", "ratePerHour", "levels", "history"]);
    expect(Object.keys(full.history as object)).toEqual([
      "clients",
      "episodes",
      "gapDays",
      "episodeDays",
      "levels",
    ]);
    expect(
      missingModelInputs(historyModel(analyzeEpisodes(EPISODES, { hasAmount: true, enrollees: 50 }))),
    ).toEqual([]);
    expect(missingModelInputs(historyModel(analyzeEpisodes(EPISODES, { hasAmount: false })))).toEqual([
      "enrollees",
      "penetrationRate",
      "ratePerHour",
    ]);
  });
});
