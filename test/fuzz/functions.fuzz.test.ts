/**
 * Fuzzing every VBP custom function with random argument shapes and values (fast-check, seeded so a
 * failure replays). Invariant: a finite result, non-negative unless signed (every cell of a spill), or Excel's
 * error — #VALUE! with a one-line message, #DIV/0!, or #NUM! — and never another exception, NaN,
 * Infinity or undefined.
 */
import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { installStandIn, StandInError } from "../functions/standIn";

installStandIn();

/** Fixed, so a failure replays; fast-check prints the counterexample and its path. */
const SEED = 20261201;
const RUNS = 300;

/** Numbers at the edges: ±0, subnormal, tiny, huge, the largest, and non-finite ones. */
const edgeNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.1,
  1.0001,
  100,
  5e-324,
  -5e-324,
  1e-300,
  1e-10,
  1e10,
  1e154,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);
const number = fc.oneof(edgeNumber, fc.double(), fc.integer({ min: -1000, max: 100_000 }));
/** A plausible non-negative figure, so some calls get past the checks to the arithmetic. */
const plausible = fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0, 1e-300, 1e308));

/** What Excel or a caller may put in one cell: numbers, blanks, text, TRUE/FALSE. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: number },
  { weight: 3, arbitrary: plausible },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, "", "37%", "n/a", "a\nb", true, false) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

/** A rectangular block of `rows` × `columns` cells drawn from `of`. */
const block = (of: fc.Arbitrary<unknown>, rows: number, columns: number) =>
  fc.array(fc.array(of, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });

/** Shares that sum to 1, as a column, a row or a single cell: a case mix the checks accept. */
const caseMix = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 })
  .filter((weights) => weights.some((w) => w > 0))
  .chain((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => w / total);
    return fc.constantFrom(
      shares.map((s) => [s]),
      [shares],
    );
  });

/** Any argument shape: a scalar, a 1×1, 1×n, n×1 or m×n range, a ragged or empty one, or nested junk. */
const argument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: cell },
  { weight: 2, arbitrary: block(cell, 1, 1) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }).chain((n) => block(cell, 1, n)) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }).chain((n) => block(cell, n, 1)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([m, n]) => block(cell, m, n)),
  },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }).chain((n) => block(plausible, n, 1)) },
  { weight: 2, arbitrary: caseMix },
  { weight: 1, arbitrary: fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 }) }, // ragged or empty
  { weight: 1, arbitrary: fc.constantFrom([], [[]], [1, 2], [[[1]]], { x: 1 }) },
);

/** An optional argument: often omitted (Excel passes null), else any argument. */
const optional = fc.oneof(fc.constant(null), fc.constant(undefined), argument);

/** A figure at any magnitude a valid argument can take: 0, subnormal, tiny, everyday, huge. */
const magnitude = fc.oneof(
  plausible,
  fc.constantFrom(0, 5e-324, 1e-300, 1e-10, 1, 12, 1e10, 1e154, 1e308, Number.MAX_VALUE),
);
const column = (n: number) => block(magnitude, n, 1);
/** n shares summing to 1, as a column. */
const mixOf = (n: number) =>
  fc
    .array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n })
    .filter((weights) => weights.some((w) => w > 0))
    .map((weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      return weights.map((w) => [w / total]);
    });

/**
 * The risk functions' arguments for n levels of up to four cohorts: episodes whole, the rest at
 * sizes a year's distribution can be computed at within the suite's time (bigger ones are refused
 * as a grid too long, at once), and rows that may end in blanks, the same in both tables.
 */
const riskTables = (n: number) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    )
    .chain(([columns, blanks]) => {
      const filled = blanks.map((b) => Math.max(1, columns - b));
      const table = (of: fc.Arbitrary<unknown>) =>
        fc.tuple(
          ...filled.map((count) =>
            fc
              .array(of, { minLength: count, maxLength: count })
              .map((row) => [...row, ...new Array<null>(columns - count).fill(null)]),
          ),
        );
      return fc.tuple(
        table(fc.integer({ min: 0, max: 500 })),
        table(fc.oneof(fc.integer({ min: 0, max: 80 }), fc.double({ min: 0, max: 80, noNaN: true }))),
      );
    });
const riskCases = (n: number) => block(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(1e-300)), n, 1);
const riskRates = (n: number) =>
  fc.oneof(
    block(fc.constantFrom(1, 55.5, 158.61739, 260.36), 1, 1),
    block(fc.constantFrom(55.5, 158.61739, 260.36), n, 1),
    magnitude,
  );
const riskArgs = (n: number, confidence: boolean) =>
  fc
    .tuple(
      riskCases(n),
      riskTables(n),
      riskRates(n),
      magnitude,
      fc.constantFrom(null, 0.5, 0.9, 0.95, 0.995, 0, 1, 95),
    )
    .map(([cases, [episodes, hours], rates, budget, level]) => {
      const args = [cases, episodes, hours, rates, budget];
      return confidence ? [...args, level] : args;
    });

/** A share 0–1, and the corridor bands as a range of two columns (the last row's upper end blank). */
const share = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1));
const bands = (n: number) =>
  fc
    .tuple(
      fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: n - 1, maxLength: n - 1 }),
      fc.array(share, { minLength: n, maxLength: n }),
    )
    .map(([steps, shares]) => {
      let upTo = 0;
      const ends = steps.map((step) => (upTo += step));
      return shares.map((payorShare, k) => [k < ends.length ? ends[k] : null, payorShare]);
    });
/** n gate measures' values, targets and weights (summing to 1), and maybe their directions. */
const measureArgs = (n: number) =>
  fc.tuple(
    magnitude,
    block(share, n, 1),
    block(share, n, 1),
    mixOf(n),
    fc.oneof(fc.constant(null), block(fc.constantFrom("atLeast", "atMost"), n, 1)),
    // Ladders: a row per measure, two steps of threshold and share earned, or a blank row (a gate).
    fc.oneof(fc.constant(null), block(fc.oneof(share, fc.constant("")), n, 4)),
  );

type Call = (...args: unknown[]) => unknown;
interface Fuzzed {
  readonly fn: Call;
  /** Any argument of any shape, in the function's arity. */
  readonly args: fc.Arbitrary<unknown>[];
  /** Arguments of the right shapes and lengths (n per level) at any magnitude, to reach the arithmetic. */
  readonly wellFormed: (n: number) => fc.Arbitrary<unknown>[];
  /** Or, for functions whose arguments depend on each other, the whole argument list. */
  readonly wellFormedArgs?: (n: number) => fc.Arbitrary<unknown[]>;
}
/** Every custom function with the arguments to generate, in order. */
const FUZZED: Record<string, Fuzzed> = {
  CASES: {
    fn: functions.cases as Call,
    args: [argument, argument],
    wellFormed: () => [magnitude, magnitude],
  },
  CASEMIX_CASES: {
    fn: functions.casemixCases as Call,
    args: [argument, argument],
    wellFormed: (n) => [magnitude, mixOf(n)],
  },
  AVERAGE_HOURS: {
    fn: functions.averageHours as Call,
    args: [argument, argument],
    wellFormed: (n) => [column(n), column(n)],
  },
  BLENDED_RATE: {
    fn: functions.blendedRate as Call,
    args: [argument, argument],
    wellFormed: (n) => [column(n), column(n)],
  },
  CASERATE: {
    fn: functions.caseRates as Call,
    args: [argument, argument, optional],
    wellFormed: (n) => [column(n), fc.oneof(column(n), column(1)), fc.constantFrom(null, 0, 2, -3, 15)],
  },
  CASEMIX_BUDGET: {
    fn: functions.casemixBudget as Call,
    args: [argument, argument, argument, optional],
    wellFormed: (n) => [magnitude, mixOf(n), column(n), fc.constantFrom(null, true, false)],
  },
  PMPM: {
    fn: functions.perMemberPerMonth as Call,
    args: [argument, argument, optional],
    wellFormed: () => [magnitude, magnitude, fc.constantFrom(null, 1, 6, 12)],
  },
  IMPLIED_RATE: {
    fn: functions.impliedRate as Call,
    args: [argument, argument, argument],
    wellFormed: (n) => [magnitude, column(n), column(n)],
  },
  FTE_NEED: {
    fn: functions.fteNeeded as Call,
    args: [argument, argument, argument],
    wellFormed: (n) => [column(n), column(n), magnitude],
  },
  CASELOAD: {
    fn: functions.caseloadSize as Call,
    args: [argument, argument, argument],
    wellFormed: (n) => [magnitude, mixOf(n), column(n)],
  },
  WITHIN_RANGE: {
    fn: functions.withinRange as Call,
    args: [argument, argument, argument],
    wellFormed: (n) => [column(n), fc.oneof(column(n), magnitude), fc.oneof(column(n), magnitude)],
  },
  RISK_RESERVE: {
    fn: functions.riskReserve as Call,
    args: [argument, argument, argument, argument, argument, optional],
    wellFormed: () => [],
    wellFormedArgs: (n) => riskArgs(n, true),
  },
  LOSS_PROBABILITY: {
    fn: functions.lossProbability as Call,
    args: [argument, argument, argument, argument, argument],
    wellFormed: () => [],
    wellFormedArgs: (n) => riskArgs(n, false),
  },
  OUTLIER_PAYMENT: {
    fn: functions.outlierPayments as Call,
    args: [argument, argument, argument],
    wellFormed: (n) => [column(n), fc.oneof(column(n), magnitude), share],
  },
  CORRIDOR: {
    fn: functions.corridor as Call,
    args: [argument, argument, argument, optional, optional],
    wellFormed: (n) => [
      magnitude,
      magnitude,
      bands(n),
      fc.oneof(fc.constant(null), fc.constantFrom(0.65, 1, 1e-300, 1e10)),
      fc.oneof(fc.constant(null), bands(n)),
    ],
  },
  WITHHOLD_EARNED: {
    fn: functions.withholdEarnedBack as Call,
    args: [argument, argument, argument, argument, optional, optional],
    wellFormed: () => [],
    wellFormedArgs: measureArgs,
  },
  SHARED_SAVINGS: {
    fn: functions.sharedSavingsOf as Call,
    args: [argument, argument, argument, optional, optional, optional, optional, optional, optional],
    wellFormed: () => [
      magnitude,
      magnitude,
      share,
      fc.oneof(fc.constant(null), share),
      fc.oneof(fc.constant(null), magnitude),
      fc.constantFrom(null, true, false),
      fc.oneof(fc.constant(null), share),
      fc.oneof(fc.constant(null), share),
      fc.oneof(fc.constant(null), magnitude),
    ],
  },
};

/** Functions whose result is signed: positive is paid to (or earned by) the provider, negative by it. */
const SIGNED = ["CORRIDOR", "SHARED_SAVINGS"];

/** A spill's cell or a single result: a finite number, ≥ 0 unless signed (a count, rate, share or payment), or a label. */
function expectGoodCell(value: unknown, labels: boolean, signed = false): void {
  if (labels && typeof value === "string") return;
  expect(typeof value).toBe("number");
  expect(Number.isFinite(value)).toBe(true);
  if (!signed) expect(value as number).toBeGreaterThanOrEqual(0);
}

/** What a call gave: a result, or the code of Excel's error. */
type Outcome = "result" | "#VALUE!" | "#DIV/0!" | "#NUM!";

/** The functions Excel calls asynchronously: they answer with a promise, errors included. */
const ASYNC = [
  "RISK_RESERVE",
  "LOSS_PROBABILITY",
  "OUTLIER_PAYMENT",
  "CORRIDOR",
  "WITHHOLD_EARNED",
  "SHARED_SAVINGS",
];

async function expectGoodOutcome(name: string, call: () => unknown): Promise<Outcome> {
  let result: unknown;
  try {
    const answer = call();
    // An async function never throws at the call: Excel reads its error from the rejection.
    expect(answer instanceof Promise).toBe(ASYNC.includes(name));
    result = await answer;
  } catch (error) {
    // Anything but Excel's error is a bug that escaped.
    expect(error).toBeInstanceOf(StandInError);
    const { code, message } = error as StandInError;
    expect(["#VALUE!", "#DIV/0!", "#NUM!"]).toContain(code);
    if (code === "#VALUE!" || code === "#NUM!") {
      expect(typeof message).toBe("string");
      expect(message).toMatch(/^[^\n\r]+$/);
      // A message names what was wrong, never a JavaScript artefact.
      expect(message).not.toMatch(/undefined|\[object/);
    }
    return code as Outcome;
  }
  if (Array.isArray(result)) {
    expect(result.length).toBeGreaterThan(0);
    for (const row of result) {
      expect(Array.isArray(row)).toBe(true);
      // The budget table's labels and its blank total case rate are text.
      for (const value of row as unknown[]) expectGoodCell(value, name === "CASEMIX_BUDGET");
    }
  } else {
    expectGoodCell(result, false, SIGNED.includes(name));
  }
  return "result";
}

test("every custom function is fuzzed", () => {
  const exported = Object.entries(functions)
    .filter(([, value]) => typeof value === "function")
    .map(([, value]) => value);
  expect(
    Object.values(FUZZED)
      .map((f) => f.fn)
      .sort(),
  ).toEqual(exported.sort());
});

/** Functions whose result can pass the largest number although every argument is valid. */
const CAN_OVERFLOW = ["CASERATE", "CASEMIX_BUDGET", "PMPM", "IMPLIED_RATE", "FTE_NEED", "CASELOAD"];

describe.each(Object.entries(FUZZED))(
  "%s under random arguments",
  (name, { fn, args, wellFormed, wellFormedArgs }) => {
    test("a finite non-negative result or #VALUE!/#DIV/0!/#NUM!, nothing else", async () => {
      const seen = new Set<Outcome>();
      const anyArguments = fc.tuple(...args);
      const validShapes = fc
        .integer({ min: 1, max: 5 })
        .chain((n): fc.Arbitrary<unknown[]> => wellFormedArgs?.(n) ?? fc.tuple(...wellFormed(n)));
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyArguments, validShapes), async (values) => {
          seen.add(await expectGoodOutcome(name, () => fn(...values)));
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // The arguments reach the arithmetic, not only the checks.
      expect(seen).toContain("result");
      expect(seen).toContain("#VALUE!");
      if (CAN_OVERFLOW.includes(name)) expect(seen).toContain("#NUM!");
    });
  },
);
