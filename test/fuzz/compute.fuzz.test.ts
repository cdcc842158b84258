/**
 * Fuzzing `case-rate compute`'s reading and arithmetic (issue 10): random models and random JSON
 * junk through parseRateModel and computeRateModel. Each outcome is either a result whose every
 * number is finite and non-negative (every figure of a rate model is a count, a share, hours or
 * dollars) or a CaseRateInputError with a short one-line message: never another exception, NaN,
 * Infinity or undefined. Seeded with a fixed number of runs, so a failure replays as it was found.
 */
import fc from "fast-check";
import { CaseRateInputError, computeRateModel, parseRateModel } from "../../src/core";
import { rateModelWarnings } from "../../src/core/caseMixWarning";
import {
  COHORT_KEYS,
  CONTRACT_KEYS,
  CORRIDOR_BAND_KEYS,
  MEASURE_KEYS,
  OUTLIER_KEYS,
  WITHHOLD_KEYS,
  HOURS_DISTRIBUTION_KEYS,
  LEVEL_KEYS,
  MODEL_KEYS,
  PROVIDER_KEYS,
  RISK_KEYS,
  type Section,
} from "../../src/core/modelSchema";

const SEED = 20261201;
const RUNS = { seed: SEED, numRuns: 400 };

/** Longest message a user should read on one line. */
const MAX_MESSAGE = 300;

/** A one-line, short, non-empty message. */
function expectOneLine(message: string): void {
  expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
  expect(message.length).toBeGreaterThan(0);
  expect(message.length).toBeLessThan(MAX_MESSAGE);
}

/** Every leaf of a result: a finite, non-negative number or a text; nothing undefined. */
function expectFiniteResult(value: unknown, path: string): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => expectFiniteResult(item, `${path}[${i}]`));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) expectFiniteResult(item, `${path}.${key}`);
  } else if (typeof value !== "string") {
    throw new Error(`${path} is ${String(value)}`);
  }
}

/** The invariant: a finite result (and one-line warnings) or a typed error with a one-line message. */
function expectFiniteOrTypedError(input: unknown): void {
  let model;
  let result;
  try {
    model = parseRateModel(input);
    result = computeRateModel(model);
  } catch (error) {
    if (!(error instanceof CaseRateInputError)) throw error;
    expectOneLine(error.message);
    return;
  }
  expectFiniteResult(result, "result");
  rateModelWarnings(model).forEach(expectOneLine);
}

/** Every key the schema declares, and near misses of them: what a typing user adds. */
const allKeys = (keys: Section): string[] =>
  keys.flatMap((spec) => [spec.key, ...(spec.keys ? allKeys(spec.keys) : [])]);
const KEY_TYPOS = allKeys(MODEL_KEYS).flatMap((key) => [key.toLowerCase(), `${key}s`, key.slice(1)]);
const INHERITED = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];
const strayKey = fc.oneof(fc.constantFrom(...KEY_TYPOS, ...INHERITED), fc.string({ maxLength: 60 }));

/** JSON junk of any shape, where a value belongs. */
const junk = fc.jsonValue({ maxDepth: 3 });

/**
 * Numbers of the magnitudes a model holds (no result can overflow): 0, small and large positives,
 * negatives, and now and then junk of another type.
 */
const figure = fc.oneof(
  { weight: 30, arbitrary: fc.double({ min: 1e-3, max: 1e7, noNaN: true }) },
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, 2080, 992.64, 158.61739) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: -1e-3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant("30000") },
  { weight: 1, arbitrary: junk },
);

/** A share: mostly 0–1, sometimes a percentage typed as a whole number, negative or junk. */
const share = fc.oneof(
  { weight: 30, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 1, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -1, max: 0, noNaN: true }) },
  { weight: 1, arbitrary: junk },
);

const levelId = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom("A", "B", "C", "D", "Crisis", "Low", "High") },
  { weight: 1, arbitrary: fc.constantFrom(...INHERITED) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: junk },
);

/**
 * An object with the given keys, now and then one left out or a stray key added, and now and then
 * not an object at all: mostly complete, so that many models get as far as the arithmetic.
 */
function section(values: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const keys = Object.keys(values);
  const object = fc
    .tuple(
      fc.record(values),
      fc.oneof(
        { weight: 6, arbitrary: fc.constant<string[]>([]) },
        { weight: 1, arbitrary: fc.subarray(keys, { maxLength: 2 }) },
      ),
      fc.oneof(
        { weight: 8, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(strayKey, junk) },
      ),
    )
    .map(([record, dropped, stray]) => {
      const kept: Record<string, unknown> = Object.fromEntries(
        Object.entries(record).filter(([key]) => !dropped.includes(key)),
      );
      return stray === null ? kept : { ...kept, [stray[0]]: stray[1] };
    });
  return fc.oneof({ weight: 30, arbitrary: object }, { weight: 1, arbitrary: junk });
}

/** Exactly the schema's keys of a section get a generator: a test that the fuzz covers them all. */
function keysOf(
  keys: Section,
  values: Record<string, fc.Arbitrary<unknown>>,
): Record<string, fc.Arbitrary<unknown>> {
  expect(Object.keys(values).sort()).toEqual(keys.map((spec) => spec.key).sort());
  return values;
}

const text = fc.oneof(
  { weight: 10, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: junk },
);

/** A cohort table, a family with its cv, or both or neither (refused): what risk reads. */
const hoursDistribution = section(
  keysOf(HOURS_DISTRIBUTION_KEYS, {
    cohorts: fc.oneof(
      fc.array(section(keysOf(COHORT_KEYS, { episodes: figure, averageHours: figure })), { maxLength: 5 }),
      junk,
    ),
    family: fc.oneof(fc.constantFrom("gamma", "lognormal", "weibull"), junk),
    cv: fc.oneof(share, figure),
  }),
);

/** A level whose shares, when valid, sum to 100% or near it (so many models compute). */
const level = section(
  keysOf(LEVEL_KEYS, {
    id: levelId,
    name: text,
    caseMix: share,
    averageHours: figure,
    ratePerHour: figure,
    hoursDistribution,
    minHours: figure,
    maxHours: figure,
  }),
);

/** Levels whose case mix sums to exactly, nearly, or not 100%. */
const levels = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(1, 1.00009, 0.99995, 1.02),
        fc.array(level, { maxLength: 6 }),
      )
      .map(([weights, total, extras]) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        return weights.map((weight, i) => ({
          ...(typeof extras[i] === "object" && extras[i] !== null && !Array.isArray(extras[i])
            ? (extras[i] as object)
            : {}),
          id: `L${i}`,
          caseMix: (weight / sum) * total,
          averageHours: (extras[i] as { averageHours?: unknown } | undefined)?.averageHours ?? 10 * (i + 1),
        }));
      }),
  },
  { weight: 2, arbitrary: fc.array(level, { maxLength: 6 }) },
  { weight: 1, arbitrary: junk },
);

const provider = section(
  keysOf(PROVIDER_KEYS, {
    consumers: figure,
    directHoursPerFte: figure,
    caseMix: fc.oneof(fc.dictionary(levelId.map(String), share, { maxKeys: 7 }), junk),
    directCostPerHour: figure,
    fixedCosts: figure,
    otherRevenue: figure,
  }),
);

const scenarioName = fc.oneof(
  fc.constantFrom("Low", "Medium", "High", ...INHERITED),
  fc.string({ maxLength: 20 }),
);

const risk = section(
  keysOf(RISK_KEYS, {
    frequency: fc.oneof(fc.constantFrom("poisson", "fixed", "binomial"), junk),
    confidence: share,
    gridHours: figure,
    simulationYears: figure,
    seed: figure,
    scenarioWeights: fc.oneof(fc.dictionary(scenarioName, share, { maxKeys: 4 }), junk),
  }),
);

/** Contract terms: bands, an outlier term and a withhold with measures, others as figures or junk. */
const bands = fc.oneof(
  fc.array(section(keysOf(CORRIDOR_BAND_KEYS, { upTo: share, payorShare: share })), { maxLength: 4 }),
  junk,
);
const measure = section(
  keysOf(MEASURE_KEYS, {
    id: fc.oneof(fc.constantFrom("withinRange", "followUp7Day"), text),
    weight: share,
    target: share,
    direction: fc.oneof(fc.constantFrom("atLeast", "atMost", "up"), junk),
    scoring: fc.oneof(fc.constantFrom("gate", "stairs"), junk),
  }),
);
const contract = section(
  keysOf(CONTRACT_KEYS, {
    about: text,
    arrangement: fc.oneof(fc.constantFrom("caseRate", "sharedSavings", "capitation"), junk),
    outlier: section(
      keysOf(OUTLIER_KEYS, {
        thresholdMultiple: figure,
        thresholdCost: fc.oneof(figure, fc.dictionary(levelId.map(String), figure, { maxKeys: 4 })),
        payorShare: share,
      }),
    ),
    corridors: bands,
    gainCorridors: bands,
    corridorTarget: figure,
    costPerHour: figure,
    stopLoss: share,
    stopGain: share,
    withhold: section(
      keysOf(WITHHOLD_KEYS, {
        percent: share,
        measures: fc.oneof(fc.array(measure, { maxLength: 3 }), junk),
      }),
    ),
    qualityBonus: junk,
    sharedSavings: junk,
    feeForService: junk,
    expectedMeasures: fc.oneof(fc.dictionary(text.map(String), share, { maxKeys: 3 }), junk),
  }),
);

const model = section(
  keysOf(MODEL_KEYS, {
    about: text,
    enrollees: figure,
    penetrationRate: share,
    ratePerHour: figure,
    levels,
    provider,
    penetrationScenarios: fc.oneof(fc.dictionary(scenarioName, share, { maxKeys: 4 }), junk),
    risk,
    history: junk,
    contract,
  }),
);

/** A provider case mix naming the model's own levels, so the provider section often computes. */
const modelWithMatchingProvider = fc
  .tuple(model, fc.array(share, { maxLength: 6 }), figure, figure)
  .map(([base, shares, consumers, directHoursPerFte]) => {
    if (typeof base !== "object" || base === null || Array.isArray(base)) return base;
    const ids = Array.isArray((base as { levels?: unknown }).levels)
      ? ((base as { levels: unknown[] }).levels.map((l) => (l as { id?: unknown } | null)?.id) as unknown[])
      : [];
    const caseMix = Object.fromEntries(ids.map((id, i) => [String(id), shares[i] ?? 0]));
    return { ...base, provider: { consumers, directHoursPerFte, caseMix } };
  });

/**
 * A model that computes, or nearly: realistic figures, a case mix summing to exactly, nearly or
 * not quite 100%, and often a provider with its own mix by the levels' ids.
 */
const validModel = fc
  .record({
    about: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { nil: undefined }),
    enrollees: fc.integer({ min: 1, max: 5_000_000 }),
    penetrationRate: fc.double({ min: 0, max: 1, noNaN: true }),
    ratePerHour: fc.double({ min: 0, max: 1000, noNaN: true }),
    weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
    total: fc.constantFrom(1, 1, 1.00009, 0.99995),
    // 0 or at least 1e-3 hours: subnormal hours (5e-324) overflow the caseload, a non-finite result
    // the core is to refuse with a typed error (issue 10, "Numbers"); until then they stay out.
    hours: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 500, noNaN: true })), {
      minLength: 6,
      maxLength: 6,
    }),
    ownRate: fc.array(fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined }), {
      minLength: 6,
      maxLength: 6,
    }),
    ids: fc.constantFrom(
      ["A", "B", "C", "D", "E", "F"],
      ["constructor", "toString", "__proto__", "x", "y", "z"],
    ),
    provider: fc.option(
      fc.record({
        consumers: fc.integer({ min: 0, max: 100_000 }),
        directHoursPerFte: fc.double({ min: 1, max: 2080, noNaN: true }),
        ownMix: fc.boolean(),
      }),
      { nil: undefined },
    ),
  })
  .map(({ about, weights, total, hours, ownRate, ids, provider, ...figures }) => {
    const sum = weights.reduce((a, b) => a + b, 0);
    const mix = weights.map((weight) => (weight / sum) * total);
    return {
      ...(about === undefined ? {} : { about }),
      ...figures,
      levels: mix.map((caseMix, i) => ({
        id: ids[i],
        caseMix,
        averageHours: hours[i],
        ...(ownRate[i] === undefined ? {} : { ratePerHour: ownRate[i] }),
      })),
      ...(provider === undefined
        ? {}
        : {
            provider: {
              consumers: provider.consumers,
              directHoursPerFte: provider.directHoursPerFte,
              ...(provider.ownMix
                ? { caseMix: Object.fromEntries(mix.map((share, i) => [ids[i], share])) }
                : {}),
            },
          }),
    };
  });

/** A model that computes with one thing changed: a key removed, set to junk, or a stray one added. */
const mutatedModel = fc
  .tuple(
    validModel,
    fc.constantFrom("model", "level", "provider"),
    fc.oneof(strayKey, fc.constantFrom(...allKeys(MODEL_KEYS))),
    fc.option(junk, { nil: undefined }),
  )
  .map(([base, where, key, value]) => {
    const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown> & {
      levels: Record<string, unknown>[];
    };
    const target: Record<string, unknown> | undefined =
      where === "model"
        ? copy
        : where === "level"
          ? copy.levels[0]
          : (copy.provider as Record<string, unknown> | undefined);
    if (target === undefined) return copy;
    if (value === undefined) delete target[key];
    else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });

/** Every kind of model input the fuzz tries. */
const anyModel = fc.oneof(
  { weight: 3, arbitrary: validModel },
  { weight: 3, arbitrary: mutatedModel },
  { weight: 1, arbitrary: model },
  { weight: 1, arbitrary: modelWithMatchingProvider },
);

describe("compute's parser and arithmetic under random input (fast-check, seeded)", () => {
  test("random models of realistic magnitudes: a finite result or a one-line typed error", () => {
    fc.assert(fc.property(anyModel, expectFiniteOrTypedError), RUNS);
  });

  test("random JSON junk, whole or in the model's keys: a one-line typed error, never a crash", () => {
    const junkModel = fc.record(
      Object.fromEntries(MODEL_KEYS.map((spec) => [spec.key, fc.jsonValue({ maxDepth: 4 })])),
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), junkModel), expectFiniteOrTypedError),
      RUNS,
    );
  });

  test("the fuzz reaches both outcomes: results and refusals (it is not refusing everything)", () => {
    const outcomes = fc.sample(anyModel, { seed: SEED, numRuns: RUNS.numRuns }).map((input) => {
      try {
        return computeRateModel(parseRateModel(input)).provider ? "provider" : "result";
      } catch {
        return "error";
      }
    });
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    // One input in twenty at least: with and without a provider, and refused.
    expect(count("result")).toBeGreaterThan(RUNS.numRuns / 20);
    expect(count("provider")).toBeGreaterThan(RUNS.numRuns / 20);
    expect(count("error")).toBeGreaterThan(RUNS.numRuns / 20);
  });
});
