/** One test per message the core gives for unusable input: its class, `problem`, `field` and exact text. */
import {
  CaseRateInputError,
  type InputProblem,
  blendedRatePerHour,
  caseMixBudget,
  casesPerLevel,
  clinicianMixRatePerHour,
  computeRateModel,
  consistentRateInterval,
  expectedCases,
  impliedRatePerHour,
  isCaseRateInputError,
  parseRateModel,
  pmpm,
  type RateModel,
  rateIntervalFor,
  requireDecimals,
  weightedAverageHours,
} from "../../src/core";
import {
  requireCaseMix,
  requireNonEmpty,
  requireNonNegative,
  requireNumber,
  requirePositive,
  requireSameLength,
  requireShare,
  requireUniqueIds,
  requireWholePositive,
} from "../../src/core/validate";

/** Runs `action`, expects a CaseRateInputError, and checks what it says. */
function expectInputError(
  action: () => unknown,
  expected: { field: string; problem: InputProblem; message: string },
): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CaseRateInputError);
  expect(isCaseRateInputError(thrown)).toBe(true);
  const error = thrown as CaseRateInputError;
  expect(error.name).toBe("CaseRateInputError");
  expect({ field: error.field, problem: error.problem, message: error.message }).toEqual(expected);
}

const MODEL: RateModel = {
  enrollees: 30000,
  penetrationRate: 0.1,
  ratePerHour: 158.62,
  levels: [
    { id: "A", name: "Recovery", caseMix: 0.2, averageHours: 10 },
    { id: "B", name: "Low intensity", caseMix: 0.37, averageHours: 30 },
    { id: "C", name: "High intensity", caseMix: 0.33, averageHours: 80 },
    { id: "D", name: "Wraparound", caseMix: 0.1, averageHours: 110 },
  ],
};

function withLevel(index: number, change: Record<string, unknown>): RateModel {
  return {
    ...MODEL,
    levels: MODEL.levels.map((level, i) => (i === index ? { ...level, ...change } : level)),
  };
}

describe("validate.ts", () => {
  test("blank (null, undefined, empty text): 'enrollees is blank; enter a number.'", () => {
    for (const blank of [null, undefined, ""]) {
      expectInputError(() => requireNumber("enrollees", blank), {
        field: "enrollees",
        problem: "blank",
        message: "enrollees is blank; enter a number.",
      });
    }
  });

  test("non-number: 'enrollees must be a number, not \"thirty thousand\".'", () => {
    expectInputError(() => requireNumber("enrollees", "thirty thousand"), {
      field: "enrollees",
      problem: "not-a-number",
      message: 'enrollees must be a number, not "thirty thousand".',
    });
    expectInputError(() => requireNumber("enrollees", true), {
      field: "enrollees",
      problem: "not-a-number",
      message: 'enrollees must be a number, not "true".',
    });
  });

  test("non-finite: 'rate per hour must be a finite number, not NaN.' (and Infinity, -Infinity)", () => {
    for (const [value, text] of [
      [Number.NaN, "NaN"],
      [Number.POSITIVE_INFINITY, "Infinity"],
      [Number.NEGATIVE_INFINITY, "-Infinity"],
    ] as const) {
      expectInputError(() => requireNumber("rate per hour", value), {
        field: "rate per hour",
        problem: "not-a-number",
        message: `rate per hour must be a finite number, not ${text}.`,
      });
    }
  });

  test("negative: 'average hours is -5; it cannot be negative.' (at most 4 decimals shown)", () => {
    expectInputError(() => requireNonNegative("average hours", -5), {
      field: "average hours",
      problem: "negative",
      message: "average hours is -5; it cannot be negative.",
    });
    expectInputError(() => requireNonNegative("average hours", -0.123456), {
      field: "average hours",
      problem: "negative",
      message: "average hours is -0.1235; it cannot be negative.",
    });
    expect(requireNonNegative("average hours", 0)).toBe(0);
  });

  test("zero divisor: 'enrollees is 0; it must be more than 0.'", () => {
    expectInputError(() => requirePositive("enrollees", 0), {
      field: "enrollees",
      problem: "division-by-zero",
      message: "enrollees is 0; it must be more than 0.",
    });
  });

  test("months not whole: 'months is 1.5; enter a whole number.'", () => {
    expectInputError(() => requireWholePositive("months", 1.5), {
      field: "months",
      problem: "not-a-whole-number",
      message: "months is 1.5; enter a whole number.",
    });
  });

  test("share above 1 that looks like a percentage: '… If you meant 10%, enter 10% or 0.1.'", () => {
    expectInputError(() => requireShare("penetration rate", 10), {
      field: "penetration rate",
      problem: "share-above-one",
      message: "penetration rate is 1000%; a share cannot exceed 100%. If you meant 10%, enter 10% or 0.1.",
    });
    expectInputError(() => requireShare("penetration rate", 1.5), {
      field: "penetration rate",
      problem: "share-above-one",
      message:
        "penetration rate is 150%; a share cannot exceed 100%. If you meant 1.5%, enter 1.5% or 0.015.",
    });
    expect(requireShare("penetration rate", 1)).toBe(1);
  });

  test("share above 100: no hint, 'penetration rate is 15000%; a share cannot exceed 100%.'", () => {
    expectInputError(() => requireShare("penetration rate", 150), {
      field: "penetration rate",
      problem: "share-above-one",
      message: "penetration rate is 15000%; a share cannot exceed 100%.",
    });
  });

  test("mix not 100%: 'case mix sums to 97%, not 100%.'", () => {
    expectInputError(() => requireCaseMix("case mix", [0.2, 0.37, 0.3, 0.1]), {
      field: "case mix",
      problem: "mix-not-100",
      message: "case mix sums to 97%, not 100%.",
    });
    expectInputError(() => requireCaseMix("case mix", [0.5, 0.5, 0.0002]), {
      field: "case mix",
      problem: "mix-not-100",
      message: "case mix sums to 100.02%, not 100%.",
    });
    // within the tolerance of 0.01 percentage point
    expect(() => requireCaseMix("case mix", [0.5, 0.5, 0.00009])).not.toThrow();
  });

  test("ranges of different lengths: 'case mix has 2 values but case rates has 3; give one per level.'", () => {
    expectInputError(() => requireSameLength("case mix", [0.5, 0.5], "case rates", [1, 2, 3]), {
      field: "case rates",
      problem: "length-mismatch",
      message: "case mix has 2 values but case rates has 3; give one per level.",
    });
  });

  test("empty list: 'levels is empty; enter at least one level of care.'", () => {
    expectInputError(() => requireNonEmpty("levels", [], "level of care"), {
      field: "levels",
      problem: "empty",
      message: "levels is empty; enter at least one level of care.",
    });
  });

  test("duplicate level ids: 'levels lists level \"A\" twice; each level id must be unique.'", () => {
    expectInputError(() => requireUniqueIds("levels", ["A", "B", "A"]), {
      field: "levels",
      problem: "duplicate-id",
      message: 'levels lists level "A" twice; each level id must be unique.',
    });
  });

  test("blank level id: 'levels has a level with a blank id; give every level an id.'", () => {
    expectInputError(() => requireUniqueIds("levels", ["A", "  "]), {
      field: "levels",
      problem: "blank",
      message: "levels has a level with a blank id; give every level an id.",
    });
  });

  test("decimals not whole: 'decimals is 1.5; enter a whole number of decimals.'", () => {
    expectInputError(() => requireDecimals("decimals", 1.5), {
      field: "decimals",
      problem: "not-a-whole-number",
      message: "decimals is 1.5; enter a whole number of decimals.",
    });
  });

  test("decimals out of range: 'decimals is 16; enter a whole number of decimals from -15 to 15.'", () => {
    expectInputError(() => requireDecimals("decimals", 16), {
      field: "decimals",
      problem: "out-of-range",
      message: "decimals is 16; enter a whole number of decimals from -15 to 15.",
    });
    expect(requireDecimals("decimals", -15)).toBe(-15);
  });
});

describe("messages of the arithmetic modules", () => {
  test("a case mix share names its level: 'case mix for level A is 120%; …'", () => {
    expectInputError(() => casesPerLevel(3000, [1.2, -0.2], ["A", "B"]), {
      field: "case mix for level A",
      problem: "share-above-one",
      message:
        "case mix for level A is 120%; a share cannot exceed 100%. If you meant 1.2%, enter 1.2% or 0.012.",
    });
  });

  test("penetration rate typed as a percentage: expectedCases(30000, 10) hints 10% or 0.1", () => {
    expectInputError(() => expectedCases(30000, 10), {
      field: "penetration rate",
      problem: "share-above-one",
      message: "penetration rate is 1000%; a share cannot exceed 100%. If you meant 10%, enter 10% or 0.1.",
    });
  });

  test("cohorts with no clients: 'clients total 0; at least one cohort needs some.'", () => {
    expectInputError(() => weightedAverageHours([0, 0], [8, 20]), {
      field: "clients",
      problem: "division-by-zero",
      message: "clients total 0; at least one cohort needs some.",
    });
  });

  test("services with no hours: 'service hours total 0; at least one service needs some.'", () => {
    expectInputError(() => blendedRatePerHour([0], [158.62]), {
      field: "service hours",
      problem: "division-by-zero",
      message: "service hours total 0; at least one service needs some.",
    });
  });

  test("a negative entry names its cohort: 'clients of cohort 2 is -3; it cannot be negative.'", () => {
    expectInputError(() => weightedAverageHours([239, -3], [8, 20]), {
      field: "clients of cohort 2",
      problem: "negative",
      message: "clients of cohort 2 is -3; it cannot be negative.",
    });
  });

  test("cohort lists of different lengths: '… give one per cohort.'", () => {
    expectInputError(() => weightedAverageHours([239, 418], [8, 20, 40]), {
      field: "average hours",
      problem: "length-mismatch",
      message: "clients has 2 values but average hours has 3; give one per cohort.",
    });
  });

  test("no cohorts: 'clients is empty; enter at least one cohort.'", () => {
    expectInputError(() => weightedAverageHours([], []), {
      field: "clients",
      problem: "empty",
      message: "clients is empty; enter at least one cohort.",
    });
  });

  test("clinician mix and costs of different lengths: '… give one per clinician type.'", () => {
    expectInputError(() => clinicianMixRatePerHour([0.25, 0.75], [200, 100, 50]), {
      field: "cost per hour",
      problem: "length-mismatch",
      message: "clinician mix has 2 values but cost per hour has 3; give one per clinician type.",
    });
  });

  test("a negative clinician cost names the type: 'cost per hour of prescriber is -1; it cannot be negative.'", () => {
    expectInputError(() => clinicianMixRatePerHour([0.25, 0.75], [-1, 100], ["prescriber", "masters"]), {
      field: "cost per hour of prescriber",
      problem: "negative",
      message: "cost per hour of prescriber is -1; it cannot be negative.",
    });
  });

  test("clinician mix not 100%: 'clinician mix sums to 90%, not 100%.'", () => {
    expectInputError(() => clinicianMixRatePerHour([0.25, 0.65], [200, 100]), {
      field: "clinician mix",
      problem: "mix-not-100",
      message: "clinician mix sums to 90%, not 100%.",
    });
  });

  test("budget with case rates of another length: 'case mix has 2 values but case rates has 1; give one per level.'", () => {
    expectInputError(() => caseMixBudget(3000, [0.5, 0.5], [1586]), {
      field: "case rates",
      problem: "length-mismatch",
      message: "case mix has 2 values but case rates has 1; give one per level.",
    });
  });

  test("implied rate with no hours: 'cases × average hours total 0; no rate per hour follows.'", () => {
    expectInputError(() => impliedRatePerHour(24030535, [0, 0], [10, 30]), {
      field: "cases",
      problem: "division-by-zero",
      message: "cases × average hours total 0; no rate per hour follows.",
    });
  });

  test("PMPM over no enrollees: 'enrollees is 0; it must be more than 0.'", () => {
    expectInputError(() => pmpm(24030535, 0), {
      field: "enrollees",
      problem: "division-by-zero",
      message: "enrollees is 0; it must be more than 0.",
    });
  });

  test("PMPM over part of a month: 'months is 1.5; enter a whole number.' and 0 months", () => {
    expectInputError(() => pmpm(24030535, 30000, 1.5), {
      field: "months",
      problem: "not-a-whole-number",
      message: "months is 1.5; enter a whole number.",
    });
    expectInputError(() => pmpm(24030535, 30000, 0), {
      field: "months",
      problem: "division-by-zero",
      message: "months is 0; it must be more than 0.",
    });
  });

  test("printed figure with no multiplier: 'multiplier of case rate of level C is 0; it must be more than 0.'", () => {
    expectInputError(
      () => rateIntervalFor({ label: "case rate of level C", printed: 12689, multiplier: 0, decimals: 0 }),
      {
        field: "multiplier of case rate of level C",
        problem: "division-by-zero",
        message: "multiplier of case rate of level C is 0; it must be more than 0.",
      },
    );
  });

  test("no printed figures: 'printed figures is empty; give at least one figure.'", () => {
    expectInputError(() => consistentRateInterval([]), {
      field: "printed figures",
      problem: "empty",
      message: "printed figures is empty; give at least one figure.",
    });
  });
});

describe("computeRateModel", () => {
  test("no levels: 'levels is empty; enter at least one level of care.'", () => {
    expectInputError(() => computeRateModel({ ...MODEL, levels: [] }), {
      field: "levels",
      problem: "empty",
      message: "levels is empty; enter at least one level of care.",
    });
  });

  test("duplicate level ids: 'levels lists level \"A\" twice; …'", () => {
    expectInputError(() => computeRateModel(withLevel(1, { id: "A" })), {
      field: "levels",
      problem: "duplicate-id",
      message: 'levels lists level "A" twice; each level id must be unique.',
    });
  });

  test("blank level id: 'levels has a level with a blank id; …'", () => {
    expectInputError(() => computeRateModel(withLevel(2, { id: "" })), {
      field: "levels",
      problem: "blank",
      message: "levels has a level with a blank id; give every level an id.",
    });
  });

  test("a level's negative hours: 'average hours for level B is -5; it cannot be negative.'", () => {
    expectInputError(() => computeRateModel(withLevel(1, { averageHours: -5 })), {
      field: "average hours for level B",
      problem: "negative",
      message: "average hours for level B is -5; it cannot be negative.",
    });
  });

  test("a level's own negative rate: 'rate per hour for level D is -1; it cannot be negative.'", () => {
    expectInputError(() => computeRateModel(withLevel(3, { ratePerHour: -1 })), {
      field: "rate per hour for level D",
      problem: "negative",
      message: "rate per hour for level D is -1; it cannot be negative.",
    });
  });

  test("the model's mix at 97%: 'case mix sums to 97%, not 100%.'", () => {
    expectInputError(() => computeRateModel(withLevel(2, { caseMix: 0.3 })), {
      field: "case mix",
      problem: "mix-not-100",
      message: "case mix sums to 97%, not 100%.",
    });
  });

  test("no enrollees: the PMPM refuses 'enrollees is 0; it must be more than 0.'", () => {
    expectInputError(() => computeRateModel({ ...MODEL, enrollees: 0 }), {
      field: "enrollees",
      problem: "division-by-zero",
      message: "enrollees is 0; it must be more than 0.",
    });
  });
});

describe("parse.ts", () => {
  const valid = {
    enrollees: 30000,
    penetrationRate: 0.1,
    ratePerHour: 158.62,
    levels: [{ id: "A", caseMix: 1, averageHours: 10 }],
  };

  test("not an object: 'model must be an object with named fields.'", () => {
    for (const input of [null, [], 42, "model", true]) {
      expectInputError(() => parseRateModel(input), {
        field: "model",
        problem: "wrong-type",
        message: "model must be an object with named fields.",
      });
    }
  });

  test("a level that is not an object: 'levels[1] must be an object with named fields.'", () => {
    expectInputError(() => parseRateModel({ ...valid, levels: [valid.levels[0], "B"] }), {
      field: "levels[1]",
      problem: "wrong-type",
      message: "levels[1] must be an object with named fields.",
    });
  });

  test("missing field: 'ratePerHour is missing.'", () => {
    const { ratePerHour: _omitted, ...withoutRate } = valid;
    expectInputError(() => parseRateModel(withoutRate), {
      field: "ratePerHour",
      problem: "blank",
      message: "ratePerHour is missing.",
    });
  });

  test("missing field of a level: 'levels[0].caseMix is missing.'", () => {
    expectInputError(() => parseRateModel({ ...valid, levels: [{ id: "A", averageHours: 10 }] }), {
      field: "levels[0].caseMix",
      problem: "blank",
      message: "levels[0].caseMix is missing.",
    });
  });

  test("missing levels: 'levels is missing.'", () => {
    const { levels: _omitted, ...withoutLevels } = valid;
    expectInputError(() => parseRateModel(withoutLevels), {
      field: "levels",
      problem: "blank",
      message: "levels is missing.",
    });
  });

  test("mistyped number: 'enrollees must be a number, not \"30000\".' (and null)", () => {
    expectInputError(() => parseRateModel({ ...valid, enrollees: "30000" }), {
      field: "enrollees",
      problem: "not-a-number",
      message: 'enrollees must be a number, not "30000".',
    });
    expectInputError(() => parseRateModel({ ...valid, enrollees: null }), {
      field: "enrollees",
      problem: "not-a-number",
      message: "enrollees must be a number, not null.",
    });
  });

  test("non-finite number from code: 'penetrationRate must be a number, not NaN.' (not 'null')", () => {
    expectInputError(() => parseRateModel({ ...valid, penetrationRate: Number.NaN }), {
      field: "penetrationRate",
      problem: "not-a-number",
      message: "penetrationRate must be a number, not NaN.",
    });
    expectInputError(() => parseRateModel({ ...valid, penetrationRate: Number.POSITIVE_INFINITY }), {
      field: "penetrationRate",
      problem: "not-a-number",
      message: "penetrationRate must be a number, not Infinity.",
    });
  });

  test("mistyped text: 'levels[0].id must be a non-blank text, not 5.' (and blank text)", () => {
    expectInputError(() => parseRateModel({ ...valid, levels: [{ ...valid.levels[0], id: 5 }] }), {
      field: "levels[0].id",
      problem: "wrong-type",
      message: "levels[0].id must be a non-blank text, not 5.",
    });
    expectInputError(() => parseRateModel({ ...valid, levels: [{ ...valid.levels[0], name: " " }] }), {
      field: "levels[0].name",
      problem: "wrong-type",
      message: 'levels[0].name must be a non-blank text, not " ".',
    });
  });

  test("levels not a list: 'levels must be a list of levels of care.'", () => {
    expectInputError(() => parseRateModel({ ...valid, levels: { A: { caseMix: 1, averageHours: 10 } } }), {
      field: "levels",
      problem: "wrong-type",
      message: "levels must be a list of levels of care.",
    });
  });

  test("a valid model parses, the name defaulting to the id and ratePerHour kept only when given", () => {
    expect(parseRateModel(valid)).toEqual({
      ...valid,
      levels: [{ id: "A", name: "A", caseMix: 1, averageHours: 10 }],
    });
    const withRate = parseRateModel({ ...valid, levels: [{ ...valid.levels[0], ratePerHour: 200 }] });
    expect(withRate.levels[0].ratePerHour).toBe(200);
  });
});
