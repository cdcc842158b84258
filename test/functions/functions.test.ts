/**
 * The VBP functions through their adapters, with arguments shaped as Excel passes them: the
 * toolkit's worked example, then a table of bad arguments with the error Excel would show.
 */
import { excelRound } from "../../src/core/round";
import { TOOLKIT_RATE_PER_HOUR, WORKED_EXAMPLE } from "../../src/core/toolkit/example";
import {
  averageHours,
  BUDGET_TABLE_HEADER,
  blendedRate,
  caseloadSize,
  caseRates,
  cases,
  casemixBudget,
  casemixCases,
  fteNeeded,
  impliedRate,
  perMemberPerMonth,
  withinRange,
} from "../../src/functions/functions";
import { excelErrorOf, installStandIn, StandInError } from "./standIn";

installStandIn();

const payor = WORKED_EXAMPLE.payor;
const LEVELS = ["A", "B", "C", "D"] as const;
const column = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
const row = (values: readonly unknown[]): unknown[][] => [[...values]];
/** The adapters are typed as Excel declares them; the tests also pass what Excel really sends. */
const asRange = (values: unknown[][]) => values as number[][];

const MIX = column(LEVELS.map((l) => payor.step4_case_mix[l]));
const HOURS = column(LEVELS.map((l) => payor.step5_hours_per_episode[l].average));
const PUBLISHED_CASE_RATES = payor.step7_case_rates.rows.map((r) => r.case_rate);

describe("the worked example through the adapters", () => {
  test("CASES: step 2's three penetration scenarios", () => {
    for (const scenario of payor.step2_penetration.scenarios) {
      expect(excelRound(cases(payor.step1_population.medicaid_enrollees, scenario.rate), 6)).toBe(
        scenario.cases,
      );
    }
  });

  test("CASEMIX_CASES spills step 4's cases in the shape of case_mix", () => {
    const published = payor.step7_budget.rows.map((r) => r.cases);
    const asColumn = casemixCases(3000, asRange(MIX));
    expect(asColumn.map((r) => r.length)).toEqual([1, 1, 1, 1]);
    expect(asColumn.flat().map((v) => excelRound(v, 6))).toEqual(published);
    const asRow = casemixCases(3000, asRange(row(LEVELS.map((l) => payor.step4_case_mix[l]))));
    expect(asRow.length).toBe(1);
    expect(asRow[0].map((v) => excelRound(v, 6))).toEqual(published);
    expect(casemixCases(3000, [[1]])).toEqual([[3000]]);
  });

  test("AVERAGE_HOURS: Level B's cohorts average 30.1 hours", () => {
    const cohorts = WORKED_EXAMPLE.utilization_cohorts_level_b;
    const result = averageHours(
      asRange(column(cohorts.rows.map((r) => r.clients))),
      asRange(column(cohorts.rows.map((r) => r.average_hours))),
    );
    expect(excelRound(result, 1)).toBe(cohorts.published_average_hours);
    // A row of clients beside a column of hours is the same list.
    expect(
      averageHours(
        asRange(row(cohorts.rows.map((r) => r.clients))),
        asRange(column(cohorts.rows.map((r) => r.average_hours))),
      ),
    ).toBe(result);
  });

  test("BLENDED_RATE: one service gives its own rate; hours weight the average", () => {
    expect(blendedRate([[10]], [[158.62]])).toBe(158.62);
    expect(blendedRate(asRange(column([100, 300])), asRange(column([260.36, 55.5])))).toBeCloseTo(
      106.715,
      10,
    );
  });

  test("CASERATE spills step 7's case rates, rounded to whole dollars with round_to 0", () => {
    expect(caseRates([[10], [30], [80], [110]], [[158.61739]], 0)).toEqual([
      [1586],
      [4759],
      [12689],
      [17448],
    ]);
    expect(caseRates(asRange(HOURS), [[TOOLKIT_RATE_PER_HOUR]], 0).flat()).toEqual(PUBLISHED_CASE_RATES);
    // A row spills a row; round_to omitted (null) is unrounded.
    const unrounded = caseRates([[10, 30, 80, 110]], [[158.62]], null as unknown as number);
    expect(unrounded.length).toBe(1);
    expect(unrounded[0]).toEqual([10, 30, 80, 110].map((h) => h * 158.62));
    // A rate per level, paired cell by cell; a single cell is a single case rate.
    expect(caseRates([[10], [30]], [[100], [200]])).toEqual([[1000], [6000]]);
    expect(caseRates([[30]], [[158.62]], 2)).toEqual([[4758.6]]);
    expect(caseRates([[30]], [[158.62]], -2)).toEqual([[4800]]);
  });

  test("CASEMIX_BUDGET gives the published total and, with detail, the published table", () => {
    const rates = caseRates(asRange(HOURS), [[TOOLKIT_RATE_PER_HOUR]]);
    const total = casemixBudget(3000, [[0.2], [0.37], [0.33], [0.1]], rates);
    expect(total.length).toBe(1);
    expect(excelRound(total[0][0], 0)).toBe(payor.step7_budget.total_costs);
    expect(casemixBudget(3000, asRange(MIX), rates, false)).toEqual(total);

    const table = casemixBudget(3000, [[0.2], [0.37], [0.33], [0.1]], rates, true);
    expect(table[0]).toEqual([...BUDGET_TABLE_HEADER]);
    const printed = table
      .slice(1)
      .map((line) =>
        line.map((cell: unknown, i: number) =>
          typeof cell === "number" && i !== 1 ? excelRound(cell, 0) : cell,
        ),
      );
    expect(printed).toEqual([
      ...payor.step7_budget.rows.map((r, i) => [
        `Level ${i + 1}`,
        r.case_mix,
        r.cases,
        r.case_rate,
        r.total_costs,
      ]),
      ["Total", expect.closeTo(1, 12), 3000, "", payor.step7_budget.total_costs],
    ]);
    // Case rates as a row beside a column of shares: the same table.
    expect(casemixBudget(3000, asRange(MIX), [rates.flat()], true)).toEqual(table);
  });

  test("PMPM: the budget per enrollee per month, months defaulting to 12", () => {
    const budget = payor.step7_budget.total_costs;
    expect(perMemberPerMonth(budget, 30000, null as unknown as number)).toBeCloseTo(budget / 360000, 10);
    expect(perMemberPerMonth(budget, 30000)).toBe(perMemberPerMonth(budget, 30000, 12));
    expect(perMemberPerMonth(budget, 30000, 6)).toBeCloseTo(budget / 180000, 10);
  });

  test("IMPLIED_RATE: the published budget implies $158.6174 per hour, not the printed $158.62", () => {
    const casesColumn = column(payor.step7_budget.rows.map((r) => r.cases));
    expect(
      excelRound(impliedRate(payor.step7_budget.total_costs, asRange(casesColumn), asRange(HOURS)), 4),
    ).toBe(158.6174);
  });

  test("FTE_NEED: Σ cases × hours ÷ direct hours per FTE", () => {
    const casesColumn = column(payor.step7_budget.rows.map((r) => r.cases));
    // 151,500 hours a year at 1,500 direct-service hours per FTE.
    expect(fteNeeded(asRange(casesColumn), asRange(HOURS), 1500)).toBeCloseTo(101, 10);
    expect(fteNeeded([[200, 370, 330, 100]], asRange(HOURS), 1200)).toBeCloseTo(50500 / 1200, 10);
  });

  test("CASELOAD: direct hours ÷ hours per case at the mix", () => {
    expect(caseloadSize(1200, asRange(MIX), asRange(HOURS))).toBeCloseTo(1200 / 50.5, 10);
    expect(caseloadSize(1200, [[0], [0], [1], [0]], asRange(HOURS))).toBe(15);
    expect(caseloadSize(1200, [[1, 0, 0, 0]], asRange(HOURS))).toBe(120);
  });

  test("WITHIN_RANGE: the share within the level's hours, bounds included", () => {
    const guideline = WORKED_EXAMPLE.provider.um_guidelines_hours.B;
    expect(withinRange([[8], [20], [40], [65]], [[guideline.low]], [[guideline.high]])).toBe(0.5);
    expect(withinRange([[10], [50], [9], [51]], [[10]], [[50]])).toBe(0.5);
    const ums = WORKED_EXAMPLE.provider.um_guidelines_hours;
    const lows = column(LEVELS.map((l) => ums[l].low));
    const highs = column(LEVELS.map((l) => ums[l].high));
    expect(withinRange([[12], [45], [90], [150]], asRange(lows), asRange(highs))).toBe(0.75);
    // A block of consumers against one range.
    expect(
      withinRange(
        [
          [5, 15],
          [4, 16],
        ],
        [[5]],
        [[15]],
      ),
    ).toBe(0.5);
  });
});

/** [description, call, error code, message (undefined: #DIV/0! carries none)]. */
type BadCase = [string, () => unknown, string, string | undefined];
const VALUE = "#VALUE!";
const DIV0 = "#DIV/0!";

const badArguments: Record<string, BadCase[]> = {
  CASES: [
    [
      "text enrollees",
      () => cases("many" as unknown as number, 0.1),
      VALUE,
      'enrollees must be a number, not "many".',
    ],
    [
      "blank enrollees",
      () => cases(null as unknown as number, 0.1),
      VALUE,
      "enrollees is blank; enter a number.",
    ],
    ["negative enrollees", () => cases(-30000, 0.1), VALUE, "enrollees is -30000; it cannot be negative."],
    [
      "penetration rate above 100%",
      () => cases(30000, 10),
      VALUE,
      "penetration_rate is 1000%; a share cannot exceed 100%. If you meant 10%, enter 10% or 0.1.",
    ],
  ],
  CASEMIX_CASES: [
    [
      "mix not 100%",
      () => casemixCases(3000, [[0.2], [0.37], [0.3], [0.1]]),
      VALUE,
      "case_mix sums to 97%, not 100%.",
    ],
    [
      "blank share",
      () => casemixCases(3000, asRange([[0.2], [0.37], [null], [0.1]])),
      VALUE,
      "case_mix has a blank cell at position 3; enter 0% if the level has no cases.",
    ],
    [
      'blank share as ""',
      () => casemixCases(3000, asRange([[0.2, "", 0.33, 0.1]])),
      VALUE,
      "case_mix has a blank cell at position 2; enter 0% if the level has no cases.",
    ],
    [
      "text share",
      () => casemixCases(3000, asRange([[0.2], ["37%"], [0.33], [0.1]])),
      VALUE,
      'case_mix has text "37%" at position 2; enter a number.',
    ],
    [
      "share above 100%",
      () => casemixCases(3000, [[0.2], [37], [0.33], [0.1]]),
      VALUE,
      "case_mix for level 2 is 3700%; a share cannot exceed 100%. If you meant 37%, enter 37% or 0.37.",
    ],
    [
      "negative share",
      () => casemixCases(3000, [[0.3], [-0.1], [0.7], [0.1]]),
      VALUE,
      "case_mix for level 2 is -0.1; it cannot be negative.",
    ],
    [
      "two-dimensional mix",
      () =>
        casemixCases(3000, [
          [0.2, 0.37],
          [0.33, 0.1],
        ]),
      VALUE,
      "case_mix is 2 rows × 2 columns; select a single row or column.",
    ],
    ["negative total", () => casemixCases(-1, [[1]]), VALUE, "total_cases is -1; it cannot be negative."],
  ],
  AVERAGE_HOURS: [
    [
      "lists of different lengths",
      () => averageHours([[239], [418]], [[8], [20], [40]]),
      VALUE,
      "clients has 2 values but average_hours has 3; give one per cohort.",
    ],
    [
      "blank clients",
      () => averageHours(asRange([[239], [""]]), [[8], [20]]),
      VALUE,
      "clients has a blank cell at position 2; enter 0 if the cohort has no clients.",
    ],
    [
      "negative hours",
      () => averageHours([[239], [418]], [[8], [-20]]),
      VALUE,
      "average_hours of cohort 2 is -20; it cannot be negative.",
    ],
    ["no clients at all", () => averageHours([[0], [0]], [[8], [20]]), DIV0, undefined],
  ],
  BLENDED_RATE: [
    [
      "text rate",
      () => blendedRate([[10]], asRange([["$158.62"]])),
      VALUE,
      'rate_per_hour must be a number, not "$158.62".',
    ],
    ["no hours", () => blendedRate([[0], [0]], [[100], [200]]), DIV0, undefined],
    [
      "negative hours",
      () => blendedRate([[10], [-5]], [[100], [200]]),
      VALUE,
      "hours of service 2 is -5; it cannot be negative.",
    ],
  ],
  CASERATE: [
    [
      "negative hours in a range",
      () => caseRates([[10], [-30]], [[158.62]]),
      VALUE,
      "average_hours at position 2 is -30; it cannot be negative.",
    ],
    [
      "negative rate",
      () => caseRates([[10], [30]], [[-1]]),
      VALUE,
      "rate_per_hour is -1; it cannot be negative.",
    ],
    [
      "negative rate paired by cell",
      () => caseRates([[10, 30]], [[100, -1]]),
      VALUE,
      "rate_per_hour at position 2 is -1; it cannot be negative.",
    ],
    [
      "rates in the wrong shape",
      () => caseRates([[10], [30], [80], [110]], [[158.62, 158.62, 158.62, 158.62]]),
      VALUE,
      "rate_per_hour is 1 row × 4 columns but average_hours is 4 rows × 1 column; give one value, or one per cell of average_hours in the same shape.",
    ],
    [
      "blank hours",
      () => caseRates(asRange([[10], [null]]), [[158.62]]),
      VALUE,
      "average_hours has a blank cell at position 2; enter a number.",
    ],
    [
      "blank single cell",
      () => caseRates(asRange([[""]]), [[158.62]]),
      VALUE,
      "average_hours is blank; enter a number.",
    ],
    [
      "text in a block",
      () =>
        caseRates(
          asRange([
            [10, 30],
            [80, "n/a"],
          ]),
          [[1]],
        ),
      VALUE,
      'average_hours has text "n/a" at row 2, column 2; enter a number.',
    ],
    [
      "round_to not whole",
      () => caseRates([[10]], [[1]], 1.5),
      VALUE,
      "round_to is 1.5; enter a whole number of decimals.",
    ],
    [
      "round_to too large",
      () => caseRates([[10]], [[1]], 400),
      VALUE,
      "round_to is 400; enter a whole number of decimals from -15 to 15.",
    ],
    [
      "round_to text",
      () => caseRates([[10]], [[1]], "two" as unknown as number),
      VALUE,
      'round_to must be a number, not "two".',
    ],
  ],
  CASEMIX_BUDGET: [
    [
      "mix not 100%",
      () => casemixBudget(3000, [[0.2], [0.37], [0.3], [0.1]], [[1], [2], [3], [4]]),
      VALUE,
      "case_mix sums to 97%, not 100%.",
    ],
    [
      "fewer case rates than shares",
      () => casemixBudget(3000, [[0.5], [0.5]], [[1]]),
      VALUE,
      "case_mix has 2 values but case_rates has 1; give one per level.",
    ],
    [
      "negative case rate",
      () => casemixBudget(3000, [[0.5], [0.5]], [[1], [-2]]),
      VALUE,
      "case_rates for level 2 is -2; it cannot be negative.",
    ],
    [
      "blank case rate",
      () => casemixBudget(3000, [[0.5], [0.5]], asRange([[1], [null]])),
      VALUE,
      "case_rates has a blank cell at position 2; enter a number.",
    ],
    [
      "detail is text",
      () => casemixBudget(3000, [[1]], [[1]], "yes" as unknown as boolean),
      VALUE,
      'detail must be TRUE or FALSE, not text "yes".',
    ],
    [
      "text total",
      () => casemixBudget("3000 cases" as unknown as number, [[1]], [[1]]),
      VALUE,
      'total_cases must be a number, not "3000 cases".',
    ],
  ],
  PMPM: [
    ["zero enrollees", () => perMemberPerMonth(1000, 0), DIV0, undefined],
    ["zero months", () => perMemberPerMonth(1000, 10, 0), DIV0, undefined],
    [
      "months not whole",
      () => perMemberPerMonth(1000, 10, 1.5),
      VALUE,
      "months is 1.5; enter a whole number.",
    ],
    ["negative budget", () => perMemberPerMonth(-1, 10), VALUE, "budget is -1; it cannot be negative."],
    [
      "blank budget",
      () => perMemberPerMonth("" as unknown as number, 10),
      VALUE,
      "budget is blank; enter a number.",
    ],
  ],
  IMPLIED_RATE: [
    ["no hours", () => impliedRate(1000, [[0], [0]], [[10], [20]]), DIV0, undefined],
    [
      "negative budget",
      () => impliedRate(-5, [[1]], [[1]]),
      VALUE,
      "total_budget is -5; it cannot be negative.",
    ],
    [
      "lists of different lengths",
      () => impliedRate(5, [[1], [2]], [[1]]),
      VALUE,
      "cases has 2 values but average_hours has 1; give one per level.",
    ],
    [
      "blank cases",
      () => impliedRate(5, asRange([[1], [null]]), [[1], [2]]),
      VALUE,
      "cases has a blank cell at position 2; enter 0 if the level has no cases.",
    ],
  ],
  FTE_NEED: [
    ["zero direct hours", () => fteNeeded([[1]], [[10]], 0), DIV0, undefined],
    [
      "negative direct hours",
      () => fteNeeded([[1]], [[10]], -1200),
      VALUE,
      "direct_hours_per_fte is -1200; it cannot be negative.",
    ],
    [
      "negative cases",
      () => fteNeeded([[1], [-1]], [[10], [20]], 1200),
      VALUE,
      "cases of level 2 is -1; it cannot be negative.",
    ],
    [
      "lists of different lengths",
      () => fteNeeded([[1], [2]], [[10]], 1200),
      VALUE,
      "cases has 2 values but average_hours has 1; give one per level.",
    ],
    [
      "text hours",
      () => fteNeeded([[1]], asRange([["ten"]]), 1200),
      VALUE,
      'average_hours must be a number, not "ten".',
    ],
  ],
  CASELOAD: [
    [
      "mix not 100%",
      () => caseloadSize(1200, [[0.5], [0.4]], [[10], [20]]),
      VALUE,
      "case_mix sums to 90%, not 100%.",
    ],
    [
      "share above 100%",
      () => caseloadSize(1200, [[120]], [[10]]),
      VALUE,
      "case_mix for level 1 is 12000%; a share cannot exceed 100%.",
    ],
    ["no hours at the mix", () => caseloadSize(1200, [[1], [0]], [[0], [20]]), DIV0, undefined],
    [
      "negative direct hours",
      () => caseloadSize(-1, [[1]], [[10]]),
      VALUE,
      "direct_hours_per_fte is -1; it cannot be negative.",
    ],
    [
      "blank share",
      () => caseloadSize(1200, asRange([[1], [null]]), [[10], [20]]),
      VALUE,
      "case_mix has a blank cell at position 2; enter 0% if the level has no cases.",
    ],
    [
      "lists of different lengths",
      () => caseloadSize(1200, [[0.5], [0.5]], [[10]]),
      VALUE,
      "case_mix has 2 values but average_hours has 1; give one per level.",
    ],
  ],
  WITHIN_RANGE: [
    [
      "blank hours",
      () => withinRange(asRange([[10], [null]]), [[5]], [[15]]),
      VALUE,
      "hours has a blank cell at position 2; remove the consumer or enter their hours.",
    ],
    [
      "negative hours",
      () => withinRange([[10], [-1]], [[5]], [[15]]),
      VALUE,
      "hours of consumer 2 is -1; it cannot be negative.",
    ],
    [
      "low above high",
      () => withinRange([[10]], [[50]], [[10]]),
      VALUE,
      "high is 10 but low is 50; high must be at least low.",
    ],
    [
      "low above high for one consumer",
      () => withinRange([[10], [20]], [[5], [50]], [[15], [10]]),
      VALUE,
      "high is 10 but low is 50 for consumer 2; high must be at least low.",
    ],
    [
      "bounds in the wrong shape",
      () => withinRange([[10], [20]], [[5, 5]], [[15]]),
      VALUE,
      "low is 1 row × 2 columns but hours is 2 rows × 1 column; give one value, or one per cell of hours in the same shape.",
    ],
    [
      "text bound",
      () => withinRange([[10]], asRange([["five"]]), [[15]]),
      VALUE,
      'low must be a number, not "five".',
    ],
  ],
};

describe.each(Object.entries(badArguments))("%s refuses bad arguments", (_name, rows) => {
  test.each(rows)("%s", (_description, call, code, message) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

test("every function has bad-argument cases, and errors are CustomFunctions.Error", () => {
  expect(Object.keys(badArguments).sort()).toEqual(
    [
      "CASES",
      "CASEMIX_CASES",
      "AVERAGE_HOURS",
      "BLENDED_RATE",
      "CASERATE",
      "CASEMIX_BUDGET",
      "PMPM",
      "IMPLIED_RATE",
      "FTE_NEED",
      "CASELOAD",
      "WITHIN_RANGE",
    ].sort(),
  );
  expect(() => cases(-1, 0.1)).toThrow(StandInError);
});
