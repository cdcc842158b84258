/** Properties of the rate model over generated models (fast-check). */
import fc from "fast-check";
import {
  CASE_MIX_TOLERANCE,
  CaseRateInputError,
  computeRateModel,
  type LevelOfCare,
  type RateModel,
  type RateModelResult,
} from "../../src/core";

const RUNS = { numRuns: 150 };

/** |a − b| within `relative` of the larger magnitude (exact when both are 0). */
function expectRelativelyClose(actual: number, expected: number, relative: number): void {
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * scale);
}

/**
 * 0 or a number from 1e-6 to `max`: the magnitudes a model holds. (Subnormal values such as 1e-323
 * underflow to 0 when multiplied, where no relative tolerance holds; they are no rates or hours.)
 */
const nonNegative = (max: number) =>
  fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max, noNaN: true, noDefaultInfinity: true }));

/**
 * A valid model: 1–8 levels with unique ids; the case mix from positive weights normalised to sum
 * to 1 (within floating-point error, far inside the tolerance); some levels with their own rate.
 */
const validModel: fc.Arbitrary<RateModel> = fc
  .record({
    enrollees: fc.oneof(
      fc.integer({ min: 1, max: 5_000_000 }),
      fc.double({ min: 0.5, max: 1e7, noNaN: true }),
    ),
    penetrationRate: nonNegative(1),
    ratePerHour: nonNegative(1000),
    levels: fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 1000 }),
        averageHours: nonNegative(500),
        ratePerHour: fc.option(nonNegative(1000), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ levels, ...rest }) => {
    const totalWeight = levels.reduce((sum, level) => sum + level.weight, 0);
    return {
      ...rest,
      levels: levels.map((level, i): LevelOfCare => ({
        id: String.fromCharCode(65 + i),
        name: `Level ${String.fromCharCode(65 + i)}`,
        caseMix: level.weight / totalWeight,
        averageHours: level.averageHours,
        ...(level.ratePerHour === undefined ? {} : { ratePerHour: level.ratePerHour }),
      })),
    };
  });

test("the generated case mix sums to 1 within the tolerance", () => {
  fc.assert(
    fc.property(validModel, (model) => {
      const total = model.levels.reduce((sum, level) => sum + level.caseMix, 0);
      expect(Math.abs(total - 1)).toBeLessThanOrEqual(CASE_MIX_TOLERANCE);
    }),
    RUNS,
  );
});

test("the budget equals the sum over levels of cases × case rate, computed independently (relative 1e-12)", () => {
  fc.assert(
    fc.property(validModel, (model) => {
      const result = computeRateModel(model);
      let independent = 0;
      for (const level of model.levels) {
        const cases = model.enrollees * model.penetrationRate * level.caseMix;
        independent += cases * level.averageHours * (level.ratePerHour ?? model.ratePerHour);
      }
      expectRelativelyClose(result.totalBudget, independent, 1e-12);
      const sumOfLevels = result.levels.reduce((sum, level) => sum + level.totalCost, 0);
      expectRelativelyClose(result.totalBudget, sumOfLevels, 1e-12);
      const sumOfCases = result.levels.reduce((sum, level) => sum + level.cases, 0);
      expectRelativelyClose(sumOfCases, result.totalCases, 1e-9);
    }),
    RUNS,
  );
});

test("scaling enrollees by k scales the budget by k; the PMPM stays the same", () => {
  fc.assert(
    fc.property(validModel, fc.double({ min: 0.01, max: 1000, noNaN: true }), (model, k) => {
      const base = computeRateModel(model);
      const scaled = computeRateModel({ ...model, enrollees: model.enrollees * k });
      expectRelativelyClose(scaled.totalBudget, k * base.totalBudget, 1e-12);
      expectRelativelyClose(scaled.totalCases, k * base.totalCases, 1e-12);
      expectRelativelyClose(scaled.pmpm, base.pmpm, 1e-12);
    }),
    RUNS,
  );
});

test("reordering the levels changes nothing: per-level results equal, totals within 1e-9", () => {
  const modelAndOrder = validModel.chain((model) =>
    fc
      .shuffledSubarray([...model.levels], { minLength: model.levels.length, maxLength: model.levels.length })
      .map((levels) => ({ model, reordered: { ...model, levels } })),
  );
  fc.assert(
    fc.property(modelAndOrder, ({ model, reordered }) => {
      const a = computeRateModel(model);
      const b = computeRateModel(reordered);
      const byId = (result: RateModelResult) => new Map(result.levels.map((level) => [level.id, level]));
      const bById = byId(b);
      for (const level of a.levels) expect(bById.get(level.id)).toEqual(level);
      expect(b.totalCases).toBe(a.totalCases);
      expectRelativelyClose(b.totalBudget, a.totalBudget, 1e-9);
      expectRelativelyClose(b.pmpm, a.pmpm, 1e-9);
    }),
    RUNS,
  );
});

test("every valid model gives finite, non-negative results", () => {
  fc.assert(
    fc.property(validModel, (model) => {
      const result = computeRateModel(model);
      const numbers = [
        result.totalCases,
        result.totalBudget,
        result.pmpm,
        ...result.levels.flatMap((level) => [
          level.cases,
          level.caseRate,
          level.totalCost,
          level.ratePerHour,
        ]),
      ];
      expect(numbers.filter((value) => !(Number.isFinite(value) && value >= 0))).toEqual([]);
      expect(result.levels.map((level) => level.id)).toEqual(model.levels.map((level) => level.id));
    }),
    RUNS,
  );
});

/** A value no number field accepts. */
const badNumber = fc.oneof(
  fc.double({ min: -1e9, max: -1e-9, noNaN: true }).map((value) => ({ kind: "negative", value })),
  fc.constant({ kind: "NaN", value: Number.NaN }),
  fc
    .constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)
    .map((value) => ({ kind: "infinite", value })),
  fc.constantFrom("10", "abc", "", null, undefined, true).map((value) => ({ kind: "text or blank", value })),
);

type Mutation = (model: RateModel, pick: number) => RateModel;

const levelField =
  (field: "caseMix" | "averageHours" | "ratePerHour", value: unknown): Mutation =>
  (model, pick) => {
    const index = pick % model.levels.length;
    return {
      ...model,
      levels: model.levels.map((level, i) => (i === index ? { ...level, [field]: value } : level)),
    };
  };

/** One field of a valid model made invalid. */
const invalidMutation: fc.Arbitrary<{ what: string; mutate: Mutation }> = fc.oneof(
  fc.tuple(fc.constantFrom("enrollees", "penetrationRate", "ratePerHour"), badNumber).map(([field, bad]) => ({
    what: `${field} ${bad.kind}`,
    mutate: (model: RateModel) => ({ ...model, [field]: bad.value }),
  })),
  fc
    .tuple(
      fc.constantFrom<"caseMix" | "averageHours" | "ratePerHour">("caseMix", "averageHours", "ratePerHour"),
      badNumber,
    )
    .filter(([field, bad]) => !(field === "ratePerHour" && bad.value === undefined)) // an absent level rate is allowed
    .map(([field, bad]) => ({ what: `level ${field} ${bad.kind}`, mutate: levelField(field, bad.value) })),
  fc.double({ min: 1.0001, max: 1e4, noNaN: true }).map((share) => ({
    what: "penetration rate above 100%",
    mutate: (model: RateModel) => ({ ...model, penetrationRate: share }),
  })),
  fc.double({ min: 1.0001, max: 1e4, noNaN: true }).map((share) => ({
    what: "a level's share above 100%",
    mutate: levelField("caseMix", share),
  })),
  fc.double({ min: 0.001, max: 0.5, noNaN: true }).map((delta) => ({
    what: "case mix not summing to 100%",
    mutate: (model: RateModel, pick: number) => {
      const index = pick % model.levels.length;
      const share = model.levels[index].caseMix;
      return levelField("caseMix", share + delta <= 1 ? share + delta : share - delta)(model, pick);
    },
  })),
  fc.constant({
    what: "mix scaled to 97%",
    mutate: (model: RateModel) => ({
      ...model,
      levels: model.levels.map((level) => ({ ...level, caseMix: level.caseMix * 0.97 })),
    }),
  }),
  fc.constant({
    what: "duplicate level ids",
    mutate: (model: RateModel) => ({ ...model, levels: [...model.levels, model.levels[0]] }),
  }),
  fc.constant({ what: "no levels", mutate: (model: RateModel) => ({ ...model, levels: [] }) }),
  fc.constantFrom("", "   ").map((id) => ({
    what: "blank level id",
    mutate: (model: RateModel, pick: number) => {
      const index = pick % model.levels.length;
      return { ...model, levels: model.levels.map((level, i) => (i === index ? { ...level, id } : level)) };
    },
  })),
  fc.constant({ what: "no enrollees", mutate: (model: RateModel) => ({ ...model, enrollees: 0 }) }),
);

test("every invalid model raises a CaseRateInputError and never returns a number", () => {
  fc.assert(
    fc.property(validModel, invalidMutation, fc.nat(), (model, { what, mutate }, pick) => {
      const invalid = mutate(model, pick);
      let returned: RateModelResult | undefined;
      let thrown: unknown;
      try {
        returned = computeRateModel(invalid);
      } catch (error) {
        thrown = error;
      }
      if (returned !== undefined) throw new Error(`${what}: returned ${JSON.stringify(returned)}`);
      expect(thrown).toBeInstanceOf(CaseRateInputError);
      expect((thrown as CaseRateInputError).message).not.toBe("");
    }),
    { numRuns: 300 },
  );
});
