/**
 * The toolkit's worked example, figure by figure: every figure the Case Rate Toolkit publishes for
 * steps 2, 4, 5, 6 (the rate) and 7, and for the Level B utilization cohorts, reproduced at the
 * rounding it is printed with (Excel's ROUND, `excelRound`).
 *
 * The expected values are read from the shared transcription, shared/toolkit/worked-example.json
 * (override its folder with TOOLKIT_DIR). Where the toolkit's own arithmetic does not reproduce a
 * printed figure (it prints $158.62 per hour but computed step 7 with an unrounded rate), the test's
 * name says so and the test finds the interval of rates that does reproduce it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  CaseRateInputError,
  casesByScenario,
  casesPerLevel,
  caseRate,
  computeRateModel,
  consistentRateInterval,
  excelRound,
  expectedCases,
  impliedRatePerHour,
  type PrintedFigure,
  type RateInterval,
  rateIntervalFor,
  reproducesPrinted,
  simplestDecimalIn,
  weightedAverageHours,
} from "../../src/core";
import {
  TOOLKIT_LEVELS,
  TOOLKIT_RATE_FIGURES,
  TOOLKIT_RATE_MODEL,
  TOOLKIT_RATE_PER_HOUR,
  WORKED_EXAMPLE,
} from "../../src/core/toolkit/example";
import { requireCaseMix } from "../../src/core/validate";

type WorkedExample = typeof WORKED_EXAMPLE;
type LevelId = keyof WorkedExample["payor"]["step4_case_mix"];

const SHARED_DIR = process.env.TOOLKIT_DIR ?? path.resolve(__dirname, "../../../shared/toolkit");
const SHARED_FILE = path.join(SHARED_DIR, "worked-example.json");

/** The shared transcription, or null when this checkout has no shared/ folder beside it. */
function loadShared(): WorkedExample | null {
  if (!existsSync(SHARED_FILE)) return null;
  return JSON.parse(readFileSync(SHARED_FILE, "utf8")) as WorkedExample;
}

const shared = loadShared();
if (shared === null && process.env.CI !== "true") {
  console.warn(
    `SKIPPING the worked-example figures: ${SHARED_FILE} is missing. ` +
      "Set TOOLKIT_DIR to the folder holding worked-example.json to run them.",
  );
}
/** Names come from the published figures; when the shared file is missing they come from the repo's copy. */
const published: WorkedExample = shared ?? WORKED_EXAMPLE;
const payor = published.payor;
const describeShared = shared === null ? describe.skip : describe;

if (shared === null && process.env.CI === "true") {
  test("the shared worked example is present (required on CI)", () => {
    throw new Error(`${SHARED_FILE} is missing; the worked-example figures cannot be checked.`);
  });
}

/** $1,586 / $12,689.60: dollars as the toolkit prints them. */
function money(amount: number, decimals = 0): string {
  return `$${amount.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`;
}
const count = (n: number): string => n.toLocaleString("en-US");
const percent = (share: number): string => `${excelRound(share * 100, 2)}%`;

const PRINTED_RATE = 158.62;

function hoursOf(level: string): number {
  return payor.step5_hours_per_episode[level as LevelId].average;
}

function inInterval(rate: number, interval: RateInterval): boolean {
  return rate >= interval.low && rate < interval.high;
}

/** The step 7 figures the rate per hour drives, built here from the shared file (not from the core). */
function step7Figures(example: WorkedExample): PrintedFigure[] {
  const p = example.payor;
  const hours = (level: string) => p.step5_hours_per_episode[level as LevelId].average;
  return [
    { label: "rate per hour", printed: p.step7_case_rates.rate_per_hour, multiplier: 1, decimals: 2 },
    ...p.step7_case_rates.rows.map((row) => ({
      label: `case rate of level ${row.level}`,
      printed: row.case_rate,
      multiplier: row.average_hours,
      decimals: 0,
    })),
    ...p.step7_budget.rows.map((row) => ({
      label: `total costs of level ${row.level}`,
      printed: row.total_costs,
      multiplier: row.cases * hours(row.level),
      decimals: 0,
    })),
    {
      label: "total budget",
      printed: p.step7_budget.total_costs,
      multiplier: p.step7_budget.rows.reduce((sum, row) => sum + row.cases * hours(row.level), 0),
      decimals: 0,
    },
  ];
}

/**
 * Every step 7 figure reproduced (or not) with the printed $158.62, worked out by hand:
 * rate × multiplier before rounding, and what that prints as.
 */
const CASE_RATE_CLAIMS: Record<string, { at15862: number; reproduced: boolean }> = {
  A: { at15862: 1586.2, reproduced: true },
  B: { at15862: 4758.6, reproduced: true },
  C: { at15862: 12689.6, reproduced: false },
  D: { at15862: 17448.2, reproduced: true },
};
/** Budget rows: cases × printed case rate, and cases × hours × $158.62; neither gives the printed total costs. */
const BUDGET_CLAIMS: Record<string, { casesTimesPrintedRate: number; at15862: number }> = {
  A: { casesTimesPrintedRate: 951_600, at15862: 951_720 },
  B: { casesTimesPrintedRate: 5_282_490, at15862: 5_282_046 },
  C: { casesTimesPrintedRate: 12_562_110, at15862: 12_562_704 },
  D: { casesTimesPrintedRate: 5_234_400, at15862: 5_234_460 },
};

describe("the repo's copy of the worked example", () => {
  (shared === null ? test.skip : test)(
    "src/core/toolkit/worked-example.json deep-equals shared/toolkit/worked-example.json (no drift)",
    () => {
      expect(WORKED_EXAMPLE).toEqual(shared);
    },
  );
});

describeShared("step 2: penetration rate and cases for 30,000 enrollees", () => {
  const enrollees = payor.step1_population.medicaid_enrollees;
  for (const scenario of payor.step2_penetration.scenarios) {
    test(`step 2: ${scenario.name.toLowerCase()} penetration ${percent(scenario.rate)} of ${count(enrollees)} enrollees gives ${count(scenario.cases)} cases`, () => {
      expect(excelRound(expectedCases(enrollees, scenario.rate), 0)).toBe(scenario.cases);
      const [byScenario] = casesByScenario(enrollees, [
        { name: scenario.name, penetrationRate: scenario.rate },
      ]);
      expect(excelRound(byScenario.cases, 0)).toBe(scenario.cases);
    });
  }

  test(`step 2: the example carries the ${payor.step2_penetration.used_for_remainder.toLowerCase()} rate (${count(payor.step7_budget.total_cases)} cases) into steps 4-7`, () => {
    const used = payor.step2_penetration.scenarios.find(
      (s) => s.name === payor.step2_penetration.used_for_remainder,
    );
    expect(used?.cases).toBe(payor.step7_budget.total_cases);
    expect(TOOLKIT_RATE_MODEL.enrollees).toBe(enrollees);
    expect(TOOLKIT_RATE_MODEL.penetrationRate).toBe(used?.rate);
  });
});

describeShared("step 4: case mix", () => {
  for (const [level, share] of Object.entries(payor.step4_case_mix)) {
    test(`step 4: level ${level} takes ${percent(share)} of the cases`, () => {
      const modelLevel = TOOLKIT_LEVELS.find((l) => l.id === level);
      expect(modelLevel?.caseMix).toBe(share);
      expect(excelRound(share * 100, 0)).toBe(excelRound(share * 100, 2));
    });
  }

  test("step 4: the case mix 20% + 37% + 33% + 10% prints a total of 100%", () => {
    const mix = Object.values(payor.step4_case_mix);
    expect(excelRound(mix.reduce((sum, share) => sum + share, 0) * 100, 0)).toBe(100);
    expect(requireCaseMix("case mix", mix)).toEqual(mix);
  });

  test("step 4: the prose's \"27% at a low-medium level\" is a typo for the table's 37%: 20+27+33+10 = 90% is refused", () => {
    const prose = [0.2, 0.27, 0.33, 0.1];
    expect(() => requireCaseMix("case mix", prose)).toThrow(CaseRateInputError);
    expect(() => requireCaseMix("case mix", prose)).toThrow("case mix sums to 90%, not 100%.");
    const table = [
      payor.step4_case_mix.A,
      payor.step4_case_mix.B,
      payor.step4_case_mix.C,
      payor.step4_case_mix.D,
    ];
    expect(table).toEqual([0.2, 0.37, 0.33, 0.1]);
    expect(() => requireCaseMix("case mix", table)).not.toThrow();
  });

  for (const row of payor.step7_budget.rows) {
    test(`step 4: ${percent(row.case_mix)} of ${count(payor.step7_budget.total_cases)} cases puts ${count(row.cases)} cases at level ${row.level}`, () => {
      const ids = payor.step7_budget.rows.map((r) => r.level);
      const cases = casesPerLevel(
        payor.step7_budget.total_cases,
        payor.step7_budget.rows.map((r) => r.case_mix),
        ids,
      );
      expect(row.case_mix).toBe(payor.step4_case_mix[row.level as LevelId]);
      expect(excelRound(cases[ids.indexOf(row.level)], 0)).toBe(row.cases);
    });
  }
});

describeShared("step 5: average hours per level of care", () => {
  for (const [level, hours] of Object.entries(payor.step5_hours_per_episode)) {
    test(`step 5: level ${level} averages ${hours.average} hours per episode, within its ${hours.min}-${hours.max} range`, () => {
      expect(TOOLKIT_LEVELS.find((l) => l.id === level)?.averageHours).toBe(hours.average);
      expect(hours.min).toBeLessThanOrEqual(hours.average);
      expect(hours.average).toBeLessThanOrEqual(hours.max);
    });
  }
});

describeShared("step 6: the rate per hour", () => {
  const step6 = payor.step6_service_codes;
  const billed = step6.rows.map((row) => row[row.length - 1] as number);

  test(`step 6: the average cost per hour prints ${money(step6.published_average_cost_per_hour, 2)} and is step 7's rate per hour`, () => {
    expect(step6.published_average_cost_per_hour).toBe(PRINTED_RATE);
    expect(payor.step7_case_rates.rate_per_hour).toBe(step6.published_average_cost_per_hour);
    for (const row of payor.step7_case_rates.rows) expect(row.rate).toBe(PRINTED_RATE);
  });

  test("step 6: billed rates range from $55.50 to $331.30, and $158.62 lies between them", () => {
    expect(Math.min(...billed)).toBe(55.5);
    expect(Math.max(...billed)).toBe(331.3);
    expect(PRINTED_RATE).toBeGreaterThan(55.5);
    expect(PRINTED_RATE).toBeLessThan(331.3);
  });

  test("step 6: every service code's clinician-type shares make 100%", () => {
    for (const row of step6.rows) {
      const shares = row.slice(2, 6) as number[];
      expect(() => requireCaseMix(`clinician mix of ${row[0]}`, shares)).not.toThrow();
    }
  });

  test(`step 6: the example's rate ${TOOLKIT_RATE_PER_HOUR} prints as ${money(PRINTED_RATE, 2)} at 2 decimals`, () => {
    expect(TOOLKIT_RATE_PER_HOUR).toBe(158.61739);
    expect(excelRound(TOOLKIT_RATE_PER_HOUR, 2)).toBe(PRINTED_RATE);
  });
});

describeShared("step 7: the case-rate table", () => {
  for (const row of payor.step7_case_rates.rows) {
    const claim = CASE_RATE_CLAIMS[row.level];
    const figure: PrintedFigure = { printed: row.case_rate, multiplier: row.average_hours, decimals: 0 };
    const product = `${row.average_hours} h × ${money(PRINTED_RATE, 2)} = ${money(claim.at15862, 2)}`;

    if (claim.reproduced) {
      test(`step 7: case rate of level ${row.level} prints ${money(row.case_rate)}; the printed ${money(PRINTED_RATE, 2)} reproduces it (${product})`, () => {
        expect(row.average_hours).toBe(hoursOf(row.level));
        expect(caseRate(row.average_hours, PRINTED_RATE)).toBeCloseTo(claim.at15862, 9);
        expect(excelRound(caseRate(row.average_hours, PRINTED_RATE), 0)).toBe(row.case_rate);
        expect(reproducesPrinted(PRINTED_RATE, figure)).toBe(true);
      });
    } else {
      test(`step 7: case rate of level ${row.level} prints ${money(row.case_rate)}; the printed ${money(PRINTED_RATE, 2)} does NOT reproduce it (${product} → ${money(excelRound(claim.at15862, 0))}), a rate from its interval does`, () => {
        expect(row.average_hours).toBe(hoursOf(row.level));
        expect(caseRate(row.average_hours, PRINTED_RATE)).toBeCloseTo(claim.at15862, 9);
        expect(excelRound(caseRate(row.average_hours, PRINTED_RATE), 0)).not.toBe(row.case_rate);
        expect(reproducesPrinted(PRINTED_RATE, figure)).toBe(false);

        const interval = rateIntervalFor(figure);
        expect(inInterval(PRINTED_RATE, interval)).toBe(false);
        for (const rate of [interval.low, (interval.low + interval.high) / 2, simplestDecimalIn(interval)]) {
          expect(inInterval(rate, interval)).toBe(true);
          expect(excelRound(caseRate(row.average_hours, rate), 0)).toBe(row.case_rate);
        }
      });
    }
  }

  test("step 7: only level C's case rate ($12,689) is out of reach of the printed $158.62", () => {
    const unreproduced = payor.step7_case_rates.rows
      .filter(
        (row) =>
          !reproducesPrinted(PRINTED_RATE, {
            printed: row.case_rate,
            multiplier: row.average_hours,
            decimals: 0,
          }),
      )
      .map((row) => row.level);
    expect(unreproduced).toEqual(["C"]);
  });
});

describeShared("step 7: the budget table", () => {
  const budget = payor.step7_budget;
  const totalHours = budget.rows.reduce((sum, row) => sum + row.cases * hoursOf(row.level), 0);

  test(`step 7: the budget spreads ${count(budget.total_cases)} cases at ${percent(0.1)} penetration, and its rows add up to them`, () => {
    expect(excelRound(expectedCases(payor.step1_population.medicaid_enrollees, 0.1), 0)).toBe(
      budget.total_cases,
    );
    expect(budget.rows.reduce((sum, row) => sum + row.cases, 0)).toBe(budget.total_cases);
    expect(excelRound(budget.rows.reduce((sum, row) => sum + row.case_mix, 0) * 100, 0)).toBe(100);
  });

  for (const row of budget.rows) {
    test(`step 7: budget row ${row.level} repeats the case rate ${money(row.case_rate)} of the case-rate table`, () => {
      expect(payor.step7_case_rates.rows.find((r) => r.level === row.level)?.case_rate).toBe(row.case_rate);
    });
  }

  for (const row of budget.rows) {
    const claim = BUDGET_CLAIMS[row.level];
    const hours = hoursOf(row.level);
    test(`step 7: total costs of level ${row.level} print ${money(row.total_costs)}; NOT ${count(row.cases)} × printed case rate ${money(row.case_rate)} = ${money(claim.casesTimesPrintedRate)}, NOT reproduced by the printed ${money(PRINTED_RATE, 2)} (${money(claim.at15862)}); a rate from its interval does`, () => {
      const figure: PrintedFigure = { printed: row.total_costs, multiplier: row.cases * hours, decimals: 0 };
      expect(row.cases * row.case_rate).toBe(claim.casesTimesPrintedRate);
      expect(row.cases * row.case_rate).not.toBe(row.total_costs);
      expect(excelRound(row.cases * caseRate(hours, PRINTED_RATE), 0)).toBe(claim.at15862);
      expect(reproducesPrinted(PRINTED_RATE, figure)).toBe(false);

      const interval = rateIntervalFor(figure);
      expect(inInterval(PRINTED_RATE, interval)).toBe(false);
      for (const rate of [interval.low, (interval.low + interval.high) / 2, simplestDecimalIn(interval)]) {
        expect(inInterval(rate, interval)).toBe(true);
        expect(excelRound(row.cases * caseRate(hours, rate), 0)).toBe(row.total_costs);
      }
    });
  }

  test(`step 7: the total budget prints ${money(budget.total_costs)}; NOT reproduced by the printed ${money(PRINTED_RATE, 2)} (${count(totalHours)} h × $158.62 = $24,030,930); a rate from its interval does`, () => {
    const figure: PrintedFigure = { printed: budget.total_costs, multiplier: totalHours, decimals: 0 };
    expect(totalHours).toBe(151_500);
    expect(excelRound(totalHours * PRINTED_RATE, 0)).toBe(24_030_930);
    expect(reproducesPrinted(PRINTED_RATE, figure)).toBe(false);
    const interval = rateIntervalFor(figure);
    expect(inInterval(PRINTED_RATE, interval)).toBe(false);
    for (const rate of [interval.low, (interval.low + interval.high) / 2, simplestDecimalIn(interval)]) {
      expect(excelRound(totalHours * rate, 0)).toBe(budget.total_costs);
    }
  });

  test(`step 7: the printed total ${money(budget.total_costs)} is $1 more than the sum of the printed rows, $24,030,534 (the source rounded the total of unrounded rows)`, () => {
    const sumOfRows = budget.rows.reduce((sum, row) => sum + row.total_costs, 0);
    expect(sumOfRows).toBe(24_030_534);
    expect(budget.total_costs - sumOfRows).toBe(1);
  });

  test("step 7: the sum of cases × printed case rates, $24,030,600, is not the printed total either", () => {
    const sum = budget.rows.reduce((total, row) => total + row.cases * row.case_rate, 0);
    expect(sum).toBe(24_030_600);
    expect(sum).not.toBe(budget.total_costs);
  });
});

describeShared("step 7: one rate per hour behind every printed figure", () => {
  const figures = step7Figures(published);

  test("step 7: the core's list of printed figures is the one read from the shared file", () => {
    expect(TOOLKIT_RATE_FIGURES).toEqual(figures);
  });

  test("step 7: a single interval of rates reproduces every printed figure, and $158.62 lies outside it", () => {
    const interval = consistentRateInterval(figures);
    expect(interval).not.toBeNull();
    const { low, high } = interval as RateInterval;
    expect(low).toBeCloseTo(158.6173894389, 9);
    expect(high).toBeCloseTo(158.6173926768, 9);
    expect(inInterval(PRINTED_RATE, { low, high })).toBe(false);
    expect(inInterval(TOOLKIT_RATE_PER_HOUR, { low, high })).toBe(true);
    expect(simplestDecimalIn({ low, high })).toBe(TOOLKIT_RATE_PER_HOUR);
  });

  for (const figure of figures) {
    test(`step 7: the example's rate ${TOOLKIT_RATE_PER_HOUR} reproduces the ${figure.label} ${money(figure.printed, figure.decimals)}`, () => {
      expect(excelRound(TOOLKIT_RATE_PER_HOUR * figure.multiplier, figure.decimals)).toBe(figure.printed);
      expect(reproducesPrinted(TOOLKIT_RATE_PER_HOUR, figure)).toBe(true);
    });
  }

  test("step 7: the rate the printed total implies, $24,030,535 / 151,500 h ≈ $158.6173927, does NOT reproduce level C's $12,562,497 (it gives $12,562,497.505 → $12,562,498)", () => {
    const rows = payor.step7_budget.rows;
    const implied = impliedRatePerHour(
      payor.step7_budget.total_costs,
      rows.map((row) => row.cases),
      rows.map((row) => hoursOf(row.level)),
    );
    expect(implied).toBeCloseTo(158.6173927, 7);
    const levelC = rows.find((row) => row.level === "C");
    expect(levelC?.total_costs).toBe(12_562_497);
    const costC = 990 * 80 * implied;
    expect(costC).toBeCloseTo(12_562_497.505, 3);
    expect(excelRound(costC, 0)).toBe(12_562_498);
    expect(reproducesPrinted(implied, { printed: 12_562_497, multiplier: 990 * 80, decimals: 0 })).toBe(
      false,
    );
    expect(inInterval(implied, consistentRateInterval(figures) as RateInterval)).toBe(false);
  });
});

describeShared("step 7 end to end: computeRateModel(TOOLKIT_RATE_MODEL)", () => {
  const result = computeRateModel(TOOLKIT_RATE_MODEL);

  test(`step 7 end to end: ${count(payor.step7_budget.total_cases)} cases over levels A-D`, () => {
    expect(result.totalCases).toBe(payor.step7_budget.total_cases);
    expect(result.levels.map((level) => level.id)).toEqual(payor.step7_budget.rows.map((row) => row.level));
  });

  for (const row of payor.step7_budget.rows) {
    test(`step 7 end to end: level ${row.level} has ${count(row.cases)} cases at ${money(row.case_rate)}, total costs ${money(row.total_costs)}`, () => {
      const level = result.levels.find((l) => l.id === row.level);
      expect(level).toBeDefined();
      expect(excelRound(level?.cases ?? NaN, 0)).toBe(row.cases);
      expect(excelRound(level?.caseRate ?? NaN, 0)).toBe(row.case_rate);
      expect(excelRound(level?.totalCost ?? NaN, 0)).toBe(row.total_costs);
      expect(level?.ratePerHour).toBe(TOOLKIT_RATE_PER_HOUR);
    });
  }

  test(`step 7 end to end: the total budget prints ${money(payor.step7_budget.total_costs)} and the PMPM $66.75`, () => {
    expect(excelRound(result.totalBudget, 0)).toBe(payor.step7_budget.total_costs);
    expect(result.totalBudget).toBeCloseTo(24_030_534.585, 6);
    expect(result.pmpm).toBeCloseTo(result.totalBudget / (30_000 * 12), 12);
    expect(excelRound(result.pmpm, 2)).toBe(66.75);
  });
});

describeShared("Level B utilization cohorts", () => {
  const cohorts = published.utilization_cohorts_level_b;
  const clients = cohorts.rows.map((row) => row.clients);
  const hours = cohorts.rows.map((row) => row.average_hours);

  test(`Level B cohorts: ${clients.join(" + ")} clients total ${count(cohorts.total_clients)}`, () => {
    expect(clients.reduce((sum, n) => sum + n, 0)).toBe(cohorts.total_clients);
  });

  test(`Level B cohorts: the weighted average, 33,442 h / 1,110 clients = 30.13 h, prints ${cohorts.published_average_hours}`, () => {
    const average = weightedAverageHours(clients, hours);
    expect(average).toBeCloseTo(33_442 / 1_110, 12);
    expect(excelRound(average, 1)).toBe(cohorts.published_average_hours);
  });

  for (const row of cohorts.rows) {
    test(`Level B cohorts: ${row.cohort} averages ${row.average_hours.toFixed(1)} h, within its ${row.min_hours}-${row.max_hours} h range`, () => {
      expect(row.min_hours).toBeLessThanOrEqual(row.average_hours);
      expect(row.average_hours).toBeLessThanOrEqual(row.max_hours);
    });
  }

  test(`Level B cohorts: the ${count(cohorts.total_clients)} clients are level B's 37% of the 3,000 cases`, () => {
    expect(payor.step7_budget.rows.find((row) => row.level === "B")?.cases).toBe(cohorts.total_clients);
  });
});
