/**
 * Cohort tables as the worksheet functions give them, turned into the risk model: the levels'
 * hours, rates and grid, the reserve and probability alone, and the inputs' messages naming each field by id so an adapter can name
 * it its own way.
 */
import { type CaseRateInputError } from "../../../src/core/errors";
import {
  cohortTableRiskInput,
  exactProbabilityOverBudget,
  exactRisk,
  exactRiskReserve,
} from "../../../src/core/risk";
import { TOOLKIT_RISK_INPUT } from "../../../src/core/risk/toolkitExample";
import { WORKED_EXAMPLE } from "../../../src/core/toolkit/example";
import { inputError } from "../../helpers/inputError";

const cohorts = WORKED_EXAMPLE.utilization_cohorts_level_b.rows;
const LEVEL_B = {
  cases: [1110],
  episodes: [cohorts.map((row) => row.clients)],
  averageHours: [cohorts.map((row) => row.average_hours)],
  ratePerHour: 158.61739,
  budget: 5_281_959,
};

/** The error a call raises, its fields named as an adapter names them. */
function messageNamed(call: () => unknown, names: Record<string, string>): string {
  try {
    call();
  } catch (error) {
    return (error as CaseRateInputError).messageNaming((field) => {
      const name = names[field.id] ?? field.label;
      return field.entry ? `${name} ${field.entry.says}` : name;
    });
  }
  throw new Error("expected an error");
}

describe("a risk model from cohort tables", () => {
  test("Level B's table: Poisson cases, its cohorts, the table's 30.128 hours as the case rate's", () => {
    const input = cohortTableRiskInput(LEVEL_B);
    expect(input.ratePerHour).toBe(158.61739);
    expect(input.budget).toBe(5_281_959);
    expect(input.levels).toHaveLength(1);
    const [level] = input.levels;
    expect(level).toMatchObject({ id: "1", expectedCases: 1110, ratePerHour: 158.61739 });
    expect(level.averageHours).toBeCloseTo(30.127927927927928, 12);
    expect(level.hoursDistribution).toEqual({
      cohorts: [
        { episodes: 239, averageHours: 8 },
        { episodes: 418, averageHours: 20 },
        { episodes: 251, averageHours: 40 },
        { episodes: 202, averageHours: 65 },
      ],
    });
    // The same distribution as the toolkit's Level B in the core's own example.
    const toolkitB = TOOLKIT_RISK_INPUT.levels.find((l) => l.id === "B");
    expect(level.hoursDistribution).toEqual(toolkitB?.hoursDistribution);
  });

  test("levels of unequal cohort counts; one cohort is no spread; per-level rates grid at the smallest", () => {
    const input = cohortTableRiskInput({
      cases: [20, 5],
      episodes: [[3, 1], [7]],
      averageHours: [[10, 30], [12]],
      ratePerHour: [150, 120],
      budget: 40_000,
      confidence: 0.9,
    });
    expect(input.ratePerHour).toBe(120);
    expect(input.confidence).toBe(0.9);
    expect(input.levels.map((l) => [l.id, l.averageHours, l.ratePerHour])).toEqual([
      ["1", 15, 150],
      ["2", 12, 120],
    ]);
    const risk = exactRisk(input);
    expect(risk.levels[1].standardDeviation).toBeCloseTo(Math.sqrt(5) * 12 * 120, 6);
    expect(risk.levels[1].shareOfCasesOverRate).toBe(0);
  });

  test("mismatched counts and bad values are refused naming the field by id", () => {
    const names = {
      cases: "cases",
      episodes: "episodes",
      averageHours: "average_hours",
      confidence: "confidence",
    };
    expect(messageNamed(() => cohortTableRiskInput({ ...LEVEL_B, cases: [1110, 5] }), names)).toBe(
      "cases has 2 values but episodes has 1; give one per level.",
    );
    expect(
      messageNamed(() => cohortTableRiskInput({ ...LEVEL_B, ratePerHour: [100, 120] }), {
        ...names,
        ratePerHour: "rate_per_hour",
      }),
    ).toBe("cases has 1 values but rate_per_hour has 2; give one per level.");
    expect(
      messageNamed(() => cohortTableRiskInput({ ...LEVEL_B, episodes: [[239, -1, 251, 202]] }), names),
    ).toBe("episodes of level 1 cohort 2 is -1; it cannot be negative.");
    expect(
      messageNamed(
        () => exactRisk(cohortTableRiskInput({ ...LEVEL_B, episodes: [[239, 0.5, 251, 202]] })),
        names,
      ),
    ).toBe("episodes for level 1: episodes must be whole numbers ≥ 0.");
    expect(messageNamed(() => exactRisk(cohortTableRiskInput({ ...LEVEL_B, cases: [-3] })), names)).toBe(
      "cases for level 1 is -3; it cannot be negative.",
    );
    expect(messageNamed(() => exactRisk(cohortTableRiskInput({ ...LEVEL_B, confidence: 1 })), names)).toBe(
      "confidence: must be at least 0.5 and below 1 (0.95 = 95%), not 1.",
    );
    expect(inputError(() => cohortTableRiskInput({ ...LEVEL_B, episodes: [[0, 0, 0, 0]] })).problem).toBe(
      "division-by-zero",
    );
  });

  test("the core's own words are unchanged where no adapter names the fields", () => {
    expect(inputError(() => exactRisk(cohortTableRiskInput({ ...LEVEL_B, cases: [-3] })))).toEqual({
      field: "expected cases for level 1",
      problem: "negative",
      message: "expected cases for level 1 is -3; it cannot be negative.",
    });
    expect(inputError(() => exactRisk(cohortTableRiskInput({ ...LEVEL_B, confidence: 0.4 }))).message).toBe(
      "risk confidence: must be at least 0.5 and below 1 (0.95 = 95%), not 0.4.",
    );
  });

  test("a grid too long to compute is its own problem, so Excel can show #NUM!", () => {
    expect(inputError(() => exactRisk(cohortTableRiskInput({ ...LEVEL_B, cases: [1e9] }))).problem).toBe(
      "grid-too-long",
    );
  });
});

test("the functions' two figures alone equal exactRisk's, on the toolkit's four levels", () => {
  const risk = exactRisk(TOOLKIT_RISK_INPUT);
  expect(exactRiskReserve(TOOLKIT_RISK_INPUT)).toBe(risk.riskReserve);
  expect(exactProbabilityOverBudget(TOOLKIT_RISK_INPUT)).toBe(risk.probabilityOverBudget);
  // The doc comment's "about $1.04 million".
  expect(Math.round(risk.riskReserve / 1e4) / 100).toBe(1.04);
});
