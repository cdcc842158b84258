/** The model's keys declared once (modelSchema): unknown keys, own-property lookups, echoed values. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { COMPUTE_HELP } from "../../src/cli/compute";
import { computeProviderSection, computeRateModel, parseRateModel } from "../../src/core";
import { describeValue, MAX_ECHOED_TEXT } from "../../src/core/describeValue";
import {
  COHORT_KEYS,
  HOURS_DISTRIBUTION_KEYS,
  LEVEL_KEYS,
  MODEL_KEYS,
  PROVIDER_KEYS,
  RISK_KEYS,
  type Section,
} from "../../src/core/modelSchema";
import { nearestWord } from "../../src/core/nearest";
import { inputError } from "../helpers/inputError";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const PROVIDER = JSON.parse(readFileSync(path.join(EXAMPLES, "provider.json"), "utf8")) as {
  levels: Record<string, unknown>[];
  provider: Record<string, unknown>;
} & Record<string, unknown>;

/** examples/provider.json with level `index` changed by `change`. */
function withLevel(index: number, change: (level: Record<string, unknown>) => unknown): unknown {
  return { ...PROVIDER, levels: PROVIDER.levels.map((level, i) => (i === index ? change(level) : level)) };
}

describe("unknown keys are refused with the nearest known one", () => {
  test.each([
    [
      "a level's rateperhour",
      withLevel(2, (level) => ({ ...level, rateperhour: 165 })),
      "levels[2].rateperhour",
      "unknown key 'rateperhour' in levels[2]; did you mean 'ratePerHour'?",
    ],
    [
      "provider.casemix",
      { ...PROVIDER, provider: { ...PROVIDER.provider, casemix: { A: 1 } } },
      "provider.casemix",
      "unknown key 'casemix' in provider; did you mean 'caseMix'?",
    ],
    [
      "a top-level penetrationrate",
      { ...PROVIDER, penetrationrate: 0.1 },
      "penetrationrate",
      "unknown key 'penetrationrate' in the model; did you mean 'penetrationRate'?",
    ],
    [
      "a typo two edits away",
      { ...PROVIDER, enrolees: 30000 },
      "enrolees",
      "unknown key 'enrolees' in the model; did you mean 'enrollees'?",
    ],
    [
      "swapped letters",
      withLevel(0, (level) => ({ ...level, nmae: "x" })),
      "levels[0].nmae",
      "unknown key 'nmae' in levels[0]; did you mean 'name'?",
    ],
    [
      "a key like none",
      { ...PROVIDER, budgetYear: 2026 },
      "budgetYear",
      "unknown key 'budgetYear' in the model.",
    ],
  ])("%s", (_label, model, field, message) => {
    expect(inputError(() => parseRateModel(model))).toEqual({ field, problem: "out-of-range", message });
  });

  test("an inherited name as a key ('constructor', '__proto__') is unknown too", () => {
    const model = JSON.parse('{"__proto__": {"enrollees": 1}, "enrollees": 30000}') as unknown;
    expect(inputError(() => parseRateModel(model)).message).toBe("unknown key '__proto__' in the model.");
    expect(inputError(() => parseRateModel({ ...PROVIDER, constructor: 1 })).message).toBe(
      "unknown key 'constructor' in the model.",
    );
  });

  test("a very long unknown key is cut in the message", () => {
    const message = inputError(() => parseRateModel({ ...PROVIDER, ["k".repeat(100_000)]: 1 })).message;
    expect(message).toBe(`unknown key '${"k".repeat(MAX_ECHOED_TEXT)}…' in the model.`);
  });

  test("a provider case mix naming a level in the wrong case suggests the level", () => {
    const model = {
      ...PROVIDER,
      provider: { ...PROVIDER.provider, caseMix: { A: 0.2, b: 0.37, C: 0.33, D: 0.1 } },
    };
    expect(inputError(() => parseRateModel(model)).message).toBe(
      'provider.caseMix names level "b", which is not among the levels (A, B, C, D); did you mean "B"?',
    );
  });
});

describe("nearestWord", () => {
  const known = ["enrollees", "penetrationRate", "ratePerHour", "levels", "id"];
  test.each([
    ["RATEPERHOUR", "ratePerHour"],
    ["ratePerHuor", "ratePerHour"],
    ["level", "levels"],
    ["ID", "id"],
    ["ib", undefined],
    ["x", undefined],
    ["hours", undefined],
    ["", undefined],
  ])("%p → %p", (typed, expected) => {
    expect(nearestWord(typed, known)).toBe(expected);
  });

  test("a case-insensitive match wins over a closer spelling", () => {
    expect(nearestWord("ab", ["aB", "ab1"])).toBe("aB");
    expect(nearestWord("AB", ["ab1", "ab"])).toBe("ab");
  });
});

describe("the schema is the one declaration: parser and --help read it", () => {
  const all = (keys: Section): string[] =>
    keys.flatMap((spec) => [spec.key, ...(spec.keys ? all(spec.keys) : [])]);

  test("every declared key is in compute --help with its type and documentation", () => {
    for (const keys of [
      MODEL_KEYS,
      LEVEL_KEYS,
      PROVIDER_KEYS,
      RISK_KEYS,
      HOURS_DISTRIBUTION_KEYS,
      COHORT_KEYS,
    ] as Section[]) {
      for (const spec of keys) {
        const optional = spec.required ? "" : "optional: ";
        expect(COMPUTE_HELP).toMatch(new RegExp(`^ +${spec.key} +${spec.type} +${optional}`, "m"));
        expect(COMPUTE_HELP).toContain(spec.doc);
      }
    }
  });

  test("--help lists no key the schema does not declare", () => {
    const listed = [...COMPUTE_HELP.matchAll(/^ {2,}(\w+) +(number|text|list|object) /gm)].map((m) => m[1]);
    expect(listed).toEqual(all(MODEL_KEYS));
  });

  test("a model with every declared key parses (the examples' about included)", () => {
    const full = {
      about: "every key",
      enrollees: 30000,
      penetrationRate: 0.1,
      ratePerHour: 158.62,
      levels: [
        {
          id: "A",
          name: "All",
          caseMix: 1,
          averageHours: 10,
          ratePerHour: 165,
          hoursDistribution: { family: "gamma", cv: 0.6 },
        },
      ],
      provider: {
        consumers: 1000,
        directHoursPerFte: 992.64,
        caseMix: { A: 1 },
        directCostPerHour: 103.45,
        fixedCosts: 3187275,
        otherRevenue: 510000,
      },
      penetrationScenarios: { Low: 0.09, High: 0.11 },
      risk: {
        frequency: "poisson",
        confidence: 0.9,
        gridHours: 2,
        simulationYears: 100,
        seed: 3,
        scenarioWeights: { Low: 0.5, High: 0.5 },
      },
    };
    const cohort = { episodes: 239, averageHours: 8 };
    expect(Object.keys(full)).toEqual(MODEL_KEYS.map((spec) => spec.key));
    expect(Object.keys(full.levels[0])).toEqual(LEVEL_KEYS.map((spec) => spec.key));
    expect(Object.keys(full.provider)).toEqual(PROVIDER_KEYS.map((spec) => spec.key));
    expect(Object.keys(full.risk)).toEqual(RISK_KEYS.map((spec) => spec.key));
    expect(Object.keys(cohort)).toEqual(COHORT_KEYS.map((spec) => spec.key));
    expect(["cohorts", ...Object.keys(full.levels[0].hoursDistribution)]).toEqual(
      HOURS_DISTRIBUTION_KEYS.map((spec) => spec.key),
    );
    const { about: _about, ...parsed } = full;
    expect(parseRateModel(full)).toEqual(parsed);
    const withCohorts = {
      ...full,
      levels: [{ ...full.levels[0], hoursDistribution: { cohorts: [cohort] } }],
    };
    expect(parseRateModel(withCohorts).levels[0].hoursDistribution).toEqual({ cohorts: [cohort] });
  });

  test.each(["toolkit.json", "provider.json", "risk.json"])("examples/%s uses declared keys only", (file) => {
    const model = JSON.parse(readFileSync(path.join(EXAMPLES, file), "utf8")) as unknown;
    expect(() => computeRateModel(parseRateModel(model))).not.toThrow();
  });

  test("a required key is read as an own property only", () => {
    const inherited = Object.create({ enrollees: 30000 }) as Record<string, unknown>;
    Object.assign(inherited, { penetrationRate: 0.1, ratePerHour: 1, levels: [] });
    expect(inputError(() => parseRateModel(inherited)).message).toBe("enrollees is missing.");
  });
});

describe("own-property lookups: a level named like Object.prototype's properties", () => {
  test.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "a level %p left out of provider.caseMix: 'provider.caseMix.%s is missing.'",
    (id) => {
      const model = JSON.parse(JSON.stringify(withLevel(0, (level) => ({ ...level, id })))) as {
        provider: Record<string, unknown>;
      };
      model.provider.caseMix = { B: 0.37, C: 0.33, D: 0.3 };
      expect(inputError(() => parseRateModel(model))).toEqual({
        field: `provider.caseMix.${id}`,
        problem: "blank",
        message: `provider.caseMix.${id} is missing.`,
      });
    },
  );

  test("a level 'constructor' given in provider.caseMix computes", () => {
    const model = JSON.parse(JSON.stringify(withLevel(0, (level) => ({ ...level, id: "constructor" })))) as {
      provider: Record<string, unknown>;
    };
    model.provider.caseMix = JSON.parse('{"constructor": 0.2, "B": 0.37, "C": 0.33, "D": 0.1}') as unknown;
    expect(computeRateModel(parseRateModel(model)).provider?.revenue).toBeCloseTo(8_010_178.195, 3);
  });

  test("the core's provider section reads the own mix only: blank, not Object's constructor", () => {
    const levels = computeRateModel(
      parseRateModel(withLevel(0, (level) => ({ ...level, id: "constructor" }))),
    ).levels;
    expect(
      inputError(() =>
        computeProviderSection(
          { consumers: 1000, directHoursPerFte: 992.64, caseMix: { B: 0.37, C: 0.33, D: 0.3 } },
          levels,
        ),
      ),
    ).toEqual({
      field: "provider case mix for level constructor",
      problem: "blank",
      message: "provider case mix for level constructor is blank; enter a number.",
    });
  });
});

describe("echoed values are capped", () => {
  test.each([
    ["a list of 2,000,000 numbers", () => Array<number>(2_000_000).fill(1), "a list of 2,000,000 numbers"],
    [
      "a text of 1,234,567 characters",
      () => "x".repeat(1_234_567),
      `"${"x".repeat(40)}…" (a text of 1,234,567 characters)`,
    ],
    [
      "an object with 12 keys",
      () => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`key${i}`, i])),
      "an object with 12 keys",
    ],
    ["a list of 50 texts", () => Array<string>(50).fill("ab"), "a list of 50 texts"],
    ["a mixed list", () => [1, "a", null, ...Array<number>(20).fill(1)], "a list of 23 values"],
    ["a list of 21 objects", () => Array(21).fill({ a: 1 }), "a list of 21 objects"],
    ["an object holding a long text", () => ({ only: "x".repeat(100) }), "an object with 1 key"],
    ["a short text, quoted", () => "30000", '"30000"'],
    ["a short list, as JSON", () => [1, 2], "[1,2]"],
    ["a short object, as JSON", () => ({ a: 1 }), '{"a":1}'],
    ["null", () => null, "null"],
    ["true", () => true, "true"],
    ["NaN (from code)", () => Number.NaN, "NaN"],
    ["nothing", () => undefined, "nothing"],
    ["a line break, escaped", () => "line\nbreak", '"line\\nbreak"'],
  ])("%s", (_label, value, described) => {
    expect(describeValue(value())).toBe(described);
  });

  test("a list nested 100,000 deep is described without running out of stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(describeValue(deep)).toBe("a list of 1 list");
  });

  test("a 2,000,000-element list where a number belongs gives a short one-line message", () => {
    const model = { ...PROVIDER, enrollees: Array<number>(2_000_000).fill(30000) };
    expect(inputError(() => parseRateModel(model)).message).toBe(
      "enrollees must be a number, not a list of 2,000,000 numbers.",
    );
  });

  test("a long text where a number belongs is cut", () => {
    const message = inputError(() =>
      parseRateModel(withLevel(1, (level) => ({ ...level, averageHours: "9".repeat(1_234_567) }))),
    ).message;
    expect(message).toBe(
      `levels[1].averageHours must be a number, not "${"9".repeat(40)}…" (a text of 1,234,567 characters).`,
    );
  });

  test("a level id is one short line, since messages name the level by it", () => {
    expect(
      inputError(() => parseRateModel(withLevel(0, (level) => ({ ...level, id: "A".repeat(41) })))),
    ).toEqual({
      field: "levels[0].id",
      problem: "out-of-range",
      message: `levels[0].id is "${"A".repeat(40)}…" (a text of 41 characters); a level id is one line of up to 40 characters.`,
    });
    expect(
      inputError(() => parseRateModel(withLevel(0, (level) => ({ ...level, id: "A\nB" })))).message,
    ).toBe('levels[0].id is "A\\nB"; a level id is one line of up to 40 characters.');
  });
});
