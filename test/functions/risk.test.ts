/**
 * VBP.RISK_RESERVE and VBP.LOSS_PROBABILITY through their adapters, with arguments shaped as Excel
 * passes them: the toolkit's Level B alone and a two-level table against the core called directly,
 * the tables' shapes (rows or columns of cases, blank cells ending a level's row), and the errors.
 */
import { cohortTableRiskInput, exactRisk } from "../../src/core/risk";
import { WORKED_EXAMPLE } from "../../src/core/toolkit/example";
import { lossProbability, riskReserve } from "../../src/functions/functions";
import { installStandIn, rejectionOf } from "./standIn";

installStandIn();

/** The adapters are typed as Excel declares them; the tests also pass what Excel really sends. */
const asRange = (values: unknown[][]) => values as number[][];
const cohorts = WORKED_EXAMPLE.utilization_cohorts_level_b.rows;
const B_EPISODES = [cohorts.map((row) => row.clients)];
const B_HOURS = [cohorts.map((row) => row.average_hours)];
const RATE = 158.61739;
/** Level B's line of the step 7 budget: 1,110 cases at $4,759. */
const B_BUDGET = WORKED_EXAMPLE.payor.step7_budget.rows[1].total_costs;

describe("Level B alone", () => {
  const core = exactRisk(
    cohortTableRiskInput({
      cases: [1110],
      episodes: B_EPISODES,
      averageHours: B_HOURS,
      ratePerHour: RATE,
      budget: B_BUDGET,
    }),
  );

  test("the reserve and the probability are the core's", async () => {
    expect(B_BUDGET).toBe(5_281_959);
    expect(await riskReserve([[1110]], B_EPISODES, B_HOURS, [[RATE]], B_BUDGET)).toBe(core.riskReserve);
    expect(await lossProbability([[1110]], B_EPISODES, B_HOURS, [[RATE]], B_BUDGET)).toBe(
      core.probabilityOverBudget,
    );
    // The budget is at step 5's 30 hours, the cohorts average 30.128: more likely over than under.
    expect(core.probabilityOverBudget).toBeGreaterThan(0.5);
    expect(core.riskReserve).toBeGreaterThan(0);
  });

  test("the confidence moves the reserve; omitted it is 95%", async () => {
    const at = (confidence: number | null) =>
      riskReserve([[1110]], B_EPISODES, B_HOURS, [[RATE]], B_BUDGET, confidence as number);
    expect(await at(null)).toBe(await at(0.95));
    const at99 = exactRisk(
      cohortTableRiskInput({
        cases: [1110],
        episodes: B_EPISODES,
        averageHours: B_HOURS,
        ratePerHour: RATE,
        budget: B_BUDGET,
        confidence: 0.99,
      }),
    ).riskReserve;
    expect(await at(0.99)).toBe(at99);
    expect(at99).toBeGreaterThan(await at(0.95));
  });

  test("a budget at the 99% quantile needs no reserve at 95%", async () => {
    const quantile99 = core.quantiles["0.99"];
    expect(await riskReserve([[1110]], B_EPISODES, B_HOURS, [[RATE]], quantile99)).toBe(0);
    expect(await lossProbability([[1110]], B_EPISODES, B_HOURS, [[RATE]], quantile99)).toBeLessThanOrEqual(
      0.01,
    );
  });
});

describe("a two-level table", () => {
  // Level 1 Level B's four cohorts, level 2 two cohorts: its row ends in blanks.
  const episodes = [
    [239, 418, 251, 202],
    [30, 10, null, ""],
  ];
  const hours = [
    [8, 20, 40, 65],
    [60, 150, null, null],
  ];
  const table = {
    cases: [1110, 300],
    episodes: [
      [239, 418, 251, 202],
      [30, 10],
    ],
    averageHours: [
      [8, 20, 40, 65],
      [60, 150],
    ],
    budget: 9_000_000,
  };

  test("one rate: equal to the core, cases as a column or a row", async () => {
    const core = exactRisk(cohortTableRiskInput({ ...table, ratePerHour: RATE }));
    const args: [number[][], number[][], number[][], number] = [
      asRange(episodes),
      asRange(hours),
      [[RATE]],
      table.budget,
    ];
    expect(await riskReserve([[1110], [300]], ...args)).toBe(core.riskReserve);
    expect(await riskReserve([[1110, 300]], ...args)).toBe(core.riskReserve);
    expect(await lossProbability([[1110], [300]], ...args)).toBe(core.probabilityOverBudget);
    expect(core.riskReserve).toBeGreaterThan(0);
    expect(core.probabilityOverBudget).toBeGreaterThan(0);
    expect(core.probabilityOverBudget).toBeLessThan(1);
  });

  test("one rate per level, at 90%: equal to the core", async () => {
    const core = exactRisk(cohortTableRiskInput({ ...table, ratePerHour: [RATE, 120], confidence: 0.9 }));
    const rates = [[RATE], [120]];
    expect(
      await riskReserve([[1110], [300]], asRange(episodes), asRange(hours), rates, table.budget, 0.9),
    ).toBe(core.riskReserve);
    expect(
      await lossProbability([[1110], [300]], asRange(episodes), asRange(hours), rates, table.budget),
    ).toBe(core.probabilityOverBudget);
  });
});

describe("bad arguments", () => {
  const cases: [string, () => unknown, string, string | RegExp | undefined][] = [
    [
      "tables of different shapes",
      () => riskReserve([[1110]], B_EPISODES, [[8, 20, 40]], [[RATE]], B_BUDGET),
      "#VALUE!",
      "average_hours is 1 row × 3 columns but episodes is 1 row × 4 columns; give both in the same shape, a row per level and a column per cohort.",
    ],
    [
      "blanks in one table but not the other",
      () => riskReserve([[1110]], B_EPISODES, asRange([[8, 20, 40, null]]), [[RATE]], B_BUDGET),
      "#VALUE!",
      "average_hours has 3 cohorts in row 1 but episodes has 4; fill the same cells in both.",
    ],
    [
      "a blank before a filled cohort",
      () => riskReserve([[1110]], asRange([[239, null, 251, 202]]), B_HOURS, [[RATE]], B_BUDGET),
      "#VALUE!",
      "episodes has a blank cell at position 2; enter 0 if the cohort has no episodes.",
    ],
    [
      "a level with no cohort",
      () =>
        lossProbability(
          [[1110], [5]],
          asRange([B_EPISODES[0], [null, null, null, null]]),
          asRange([B_HOURS[0], [null, null, null, null]]),
          [[RATE]],
          B_BUDGET,
        ),
      "#VALUE!",
      "episodes has no filled cell in row 2; give each level at least one cohort.",
    ],
    [
      "more cases than rows of the tables",
      () => riskReserve([[1110], [300]], B_EPISODES, B_HOURS, [[RATE]], B_BUDGET),
      "#VALUE!",
      "cases has 2 values but episodes has 1; give one per level.",
    ],
    [
      "a cohort column given for one level",
      () =>
        riskReserve(
          [[1110]],
          B_EPISODES[0].map((v) => [v]),
          B_HOURS[0].map((v) => [v]),
          [[RATE]],
          B_BUDGET,
        ),
      "#VALUE!",
      "cases has 1 values but episodes has 4; give one per level.",
    ],
    [
      "negative episodes",
      () => riskReserve([[1110]], [[239, -418, 251, 202]], B_HOURS, [[RATE]], B_BUDGET),
      "#VALUE!",
      "episodes of level 1 cohort 2 is -418; it cannot be negative.",
    ],
    [
      "fractional episodes",
      () => lossProbability([[1110]], [[239, 41.8, 251, 202]], B_HOURS, [[RATE]], B_BUDGET),
      "#VALUE!",
      "episodes for level 1: episodes must be whole numbers ≥ 0.",
    ],
    [
      "negative cases",
      () => riskReserve([[-1110]], B_EPISODES, B_HOURS, [[RATE]], B_BUDGET),
      "#VALUE!",
      "cases for level 1 is -1110; it cannot be negative.",
    ],
    [
      "two rates for one level",
      () => riskReserve([[1110]], B_EPISODES, B_HOURS, [[RATE, 120]], B_BUDGET),
      "#VALUE!",
      "cases has 1 values but rate_per_hour has 2; give one per level.",
    ],
    [
      "a confidence of 100%",
      () => riskReserve([[1110]], B_EPISODES, B_HOURS, [[RATE]], B_BUDGET, 1),
      "#VALUE!",
      "confidence: must be at least 0.5 and below 1 (0.95 = 95%), not 1.",
    ],
    [
      "a confidence of 0",
      () => riskReserve([[1110]], B_EPISODES, B_HOURS, [[RATE]], B_BUDGET, 0),
      "#VALUE!",
      "confidence: must be at least 0.5 and below 1 (0.95 = 95%), not 0.",
    ],
    [
      "a negative budget",
      () => lossProbability([[1110]], B_EPISODES, B_HOURS, [[RATE]], -1),
      "#VALUE!",
      "budget is -1; it cannot be negative.",
    ],
    [
      "text for the budget",
      () => lossProbability([[1110]], B_EPISODES, B_HOURS, [[RATE]], "n/a" as unknown as number),
      "#VALUE!",
      'budget must be a number, not "n/a".',
    ],
    [
      "a level with no episodes at all",
      () => riskReserve([[1110]], [[0, 0, 0, 0]], B_HOURS, [[RATE]], B_BUDGET),
      "#DIV/0!",
      undefined,
    ],
    [
      "so many cases the grid would be too long",
      () => riskReserve([[1e9]], B_EPISODES, B_HOURS, [[RATE]], B_BUDGET),
      "#NUM!",
      /^risk gridHours: the year's cost would need about [\d,]+ grid points/,
    ],
  ];

  test.each(cases)("%s: a rejected promise", async (_, call, code, message) => {
    const error = await rejectionOf(call);
    expect(error.code).toBe(code);
    if (message instanceof RegExp) expect(error.message).toMatch(message);
    else expect(error.message).toBe(message);
  });
});
