/**
 * The corridors, stop-loss and stop-gain in expectation under the Normal approximation of r:
 * hand-computed cases, the closed forms against a numerical integration of the real settlement
 * pieces (corridorAdjustment, stopLossAdjustment) over the Normal, and against the seeded
 * simulation of a year of many cases where the Normal is apt.
 */
import { CaseRateInputError } from "../../../src/core";
import {
  type ContractTerms,
  type NormalCorridorRatio,
  corridorAdjustment,
  expectedCorridorAdjustment,
  expectedStopGainAdjustment,
  expectedStopLossAdjustment,
  normalExcessMean,
  priceContract,
  stopLossAdjustment,
} from "../../../src/core/contract";
import { ILLUSTRATIVE_TERMS } from "../../../src/workbook/contract/example";

const P = 1_000_000;
const PHI0 = 1 / Math.sqrt(2 * Math.PI);

/** The three figures at once. */
function closedForms(terms: ContractTerms, ratio: NormalCorridorRatio, payments = P) {
  return {
    corridor: expectedCorridorAdjustment(terms, payments, ratio),
    stopLoss: expectedStopLossAdjustment(terms, payments, ratio),
    stopGain: expectedStopGainAdjustment(terms, payments, ratio),
  };
}

/** The settlement's corridor and stop adjustments of a year whose ratio is r (C = P × (r + target)). */
function settledAt(terms: ContractTerms, r: number, payments = P) {
  const target = terms.corridorTarget ?? 1;
  const cost = payments * (r + target);
  const corridor =
    terms.corridors === undefined && terms.gainCorridors === undefined
      ? 0
      : corridorAdjustment(
          cost,
          payments,
          target,
          terms.corridors ?? [],
          terms.gainCorridors ?? terms.corridors,
        );
  const stop = stopLossAdjustment(payments + corridor - cost, payments, terms.stopLoss, terms.stopGain);
  return { corridor, stopLoss: Math.max(0, stop), stopGain: Math.min(0, stop) };
}

const INTERVALS = 40_000;

/**
 * Simpson's error on a piecewise linear integrand: the smooth stretches' is O(step⁴); each kink
 * (at most 10: the bands' ends on both sides and where h passes the cap, each |Δslope| ≤ 1) adds
 * at most step² × the density's peak φ(0) ÷ sd, in dollars × P.
 */
function integrationError(ratio: NormalCorridorRatio, payments = P, intervals = INTERVALS): number {
  const step = (24 * ratio.sd) / intervals;
  return 10 * step * step * (PHI0 / ratio.sd) * payments;
}

/**
 * E[f(R)] and E[f(R)²] for each settled figure, by Simpson's rule over mean ± 12 sd (the mass
 * beyond is below 1e-32) on `intervals` steps: the integrands are piecewise linear, so the error
 * comes from the few steps holding a kink, each O(step²).
 */
function integrated(terms: ContractTerms, ratio: NormalCorridorRatio, payments = P, intervals = INTERVALS) {
  const lo = ratio.mean - 12 * ratio.sd;
  const step = (24 * ratio.sd) / intervals;
  const keys = ["corridor", "stopLoss", "stopGain"] as const;
  const first = { corridor: 0, stopLoss: 0, stopGain: 0 };
  const second = { corridor: 0, stopLoss: 0, stopGain: 0 };
  for (let i = 0; i <= intervals; i++) {
    const r = lo + i * step;
    const z = (r - ratio.mean) / ratio.sd;
    const weight = ((i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2) * step) / 3;
    const density = (PHI0 * Math.exp(-0.5 * z * z)) / ratio.sd;
    const settled = settledAt(terms, r, payments);
    for (const key of keys) {
      first[key] += weight * density * settled[key];
      second[key] += weight * density * settled[key] * settled[key];
    }
  }
  return { first, second };
}

describe("hand-computed", () => {
  test("E[(R − a)⁺]: sd × φ(0) at the mean, the mean's excess with no spread, 0 past an open end", () => {
    expect(normalExcessMean({ mean: 0.1, sd: 0.02 }, 0.1)).toBeCloseTo(0.02 * PHI0, 15);
    expect(normalExcessMean({ mean: 0.1, sd: 0 }, 0.04)).toBeCloseTo(0.06, 15);
    expect(normalExcessMean({ mean: 0.1, sd: 0 }, 0.14)).toBe(0);
    expect(normalExcessMean({ mean: 0.1, sd: 0.02 }, Infinity)).toBe(0);
    // Far below the mean: the whole mean excess.
    expect(normalExcessMean({ mean: 0.1, sd: 0.02 }, -1)).toBeCloseTo(1.1, 12);
  });

  test("no bands, or bands with no share: the corridor moves nothing", () => {
    const ratio = { mean: 0.03, sd: 0.05 };
    expect(closedForms({}, ratio)).toEqual({ corridor: 0, stopLoss: 0, stopGain: 0 });
    expect(expectedCorridorAdjustment({ corridors: [{ payorShare: 0 }] }, P, ratio)).toBe(0);
    expect(
      expectedCorridorAdjustment({ corridors: [{ upTo: 0.05, payorShare: 0 }, { payorShare: 0 }] }, P, ratio),
    ).toBe(0);
  });

  test("one band with share 1 from 0: the payor takes all of r, P × E[R]; with no gain share, P × E[R⁺]", () => {
    expect(
      expectedCorridorAdjustment({ corridors: [{ payorShare: 1 }] }, P, { mean: 0.03, sd: 0.05 }),
    ).toBeCloseTo(P * 0.03, 8);
    const lossOnly: ContractTerms = { corridors: [{ payorShare: 1 }], gainCorridors: [{ payorShare: 0 }] };
    expect(expectedCorridorAdjustment(lossOnly, P, { mean: 0, sd: 0.05 })).toBeCloseTo(P * 0.05 * PHI0, 8);
    // A gain band only: the payor recovers 40% of E[(−R)⁺].
    const gainOnly: ContractTerms = { corridors: [{ payorShare: 0 }], gainCorridors: [{ payorShare: 0.4 }] };
    expect(expectedCorridorAdjustment(gainOnly, P, { mean: 0, sd: 0.05 })).toBeCloseTo(
      -P * 0.4 * 0.05 * PHI0,
      8,
    );
  });

  test("no spread: the settlement of the one year r = mean", () => {
    const ratio = { mean: 0.1, sd: 0 };
    expect(closedForms(ILLUSTRATIVE_TERMS, ratio)).toEqual({
      corridor: expect.closeTo(settledAt(ILLUSTRATIVE_TERMS, 0.1).corridor, 6),
      stopLoss: 0,
      stopGain: 0,
    });
    // Of a 10% loss: 50% of 3–8% and 90% of 8–10%, as corridorAdjustment's example.
    expect(closedForms(ILLUSTRATIVE_TERMS, ratio).corridor).toBeCloseTo(P * 0.043, 6);
  });

  test("a stop-loss without corridors: h(r) = r, so P × E[(R − K)⁺] with K = stopLoss + 1 − target", () => {
    // K = 0.05 + 1 − 0.9 = 0.15; r centred on it.
    const terms: ContractTerms = { stopLoss: 0.05, corridorTarget: 0.9 };
    expect(expectedStopLossAdjustment(terms, P, { mean: 0.15, sd: 0.04 })).toBeCloseTo(P * 0.04 * PHI0, 8);
    // A stop-gain at 10% and target 1: K′ = −0.1, so −P × E[(−0.1 − R)⁺].
    expect(expectedStopGainAdjustment({ stopGain: 0.1 }, P, { mean: -0.1, sd: 0.04 })).toBeCloseTo(
      -P * 0.04 * PHI0,
      8,
    );
  });

  test("every band at share 1: h is flat at 0, so the stops move the whole gap to K, or nothing, in every year", () => {
    const all: ContractTerms = { corridors: [{ upTo: 0.05, payorShare: 1 }, { payorShare: 1 }] };
    const ratio = { mean: 0.02, sd: 0.08 };
    // Target 1.3 and a 10% stop-loss: K = −0.2 < 0 = h, the payor pays 0.2 × P whatever r.
    expect(expectedStopLossAdjustment({ ...all, stopLoss: 0.1, corridorTarget: 1.3 }, P, ratio)).toBeCloseTo(
      0.2 * P,
      6,
    );
    // Target 1: K = 0.1 > 0 = h, never reached.
    expect(expectedStopLossAdjustment({ ...all, stopLoss: 0.1 }, P, ratio)).toBe(0);
    // Target 0.5 and a 20% stop-gain: K′ = 0.3 > 0 = h, the payor recovers 0.3 × P whatever r.
    expect(expectedStopGainAdjustment({ ...all, stopGain: 0.2, corridorTarget: 0.5 }, P, ratio)).toBeCloseTo(
      -0.3 * P,
      6,
    );
    expect(expectedStopGainAdjustment({ ...all, stopGain: 0.2 }, P, ratio)).toBe(0);
  });

  test("a stop at the edge of a flat band: h = 0 up to 5%, so a 0 stop-loss starts paying at r = 5%", () => {
    const terms: ContractTerms = {
      corridors: [{ upTo: 0.05, payorShare: 1 }, { payorShare: 0 }],
      stopLoss: 0,
      stopGain: 0,
    };
    expect(expectedStopLossAdjustment(terms, P, { mean: 0.05, sd: 0.03 })).toBeCloseTo(P * 0.03 * PHI0, 8);
    expect(expectedStopGainAdjustment(terms, P, { mean: -0.05, sd: 0.03 })).toBeCloseTo(-P * 0.03 * PHI0, 8);
  });

  test("bad input: a typed error", () => {
    expect(() => expectedStopLossAdjustment({ stopLoss: 0.1 }, P, { mean: 0, sd: -0.01 })).toThrow(
      CaseRateInputError,
    );
    expect(() => expectedCorridorAdjustment({}, -1, { mean: 0, sd: 0.01 })).toThrow(CaseRateInputError);
    expect(() => expectedCorridorAdjustment({}, P, { mean: Number.NaN, sd: 0.01 })).toThrow(
      CaseRateInputError,
    );
  });
});

/** Terms and r's law that reach every band, both stops, flat stretches and flat tails; K of either sign. */
const INTEGRATED: [string, ContractTerms, NormalCorridorRatio][] = [
  ["the example's terms, r spread wide enough to reach both stops", ILLUSTRATIVE_TERMS, { mean: 0.1, sd: 3 }],
  ["the example's terms, near the corridor target", ILLUSTRATIVE_TERMS, { mean: 0.002, sd: 0.0086 }],
  [
    "gain bands of their own with a flat band between, K ≥ 0 and K′ < 0",
    {
      corridors: [{ upTo: 0.02, payorShare: 0 }, { upTo: 0.05, payorShare: 1 }, { payorShare: 0.5 }],
      gainCorridors: [{ upTo: 0.03, payorShare: 0.25 }, { payorShare: 0.6 }],
      stopLoss: 0.03,
      stopGain: 0.02,
    },
    { mean: 0.01, sd: 0.04 },
  ],
  [
    "a flat gain tail above a negative K (target 1.1): the stop-loss pays in every year",
    {
      corridors: [{ upTo: 0.02, payorShare: 0 }, { upTo: 0.05, payorShare: 1 }, { payorShare: 0.5 }],
      gainCorridors: [{ upTo: 0.03, payorShare: 0.25 }, { payorShare: 1 }],
      corridorTarget: 1.1,
      stopLoss: 0.01,
      stopGain: 0.02,
    },
    { mean: -0.01, sd: 0.04 },
  ],
  [
    "a flat loss tail: a stop-loss beyond it never pays, a stop-gain below a positive K′ in every year",
    {
      corridors: [{ upTo: 0.04, payorShare: 0.5 }, { payorShare: 1 }],
      corridorTarget: 0.7,
      stopLoss: 0.01,
      stopGain: 0.25,
    },
    { mean: 0.03, sd: 0.05 },
  ],
  ["stops without corridors", { stopLoss: 0.04, stopGain: 0.06 }, { mean: -0.01, sd: 0.05 }],
  [
    "a last loss band with an end: slope 1 again beyond it",
    {
      corridors: [
        { upTo: 0.02, payorShare: 0.5 },
        { upTo: 0.06, payorShare: 0.8 },
      ],
      stopLoss: 0.03,
      stopGain: 0.01,
    },
    { mean: 0.01, sd: 0.05 },
  ],
];

describe("the closed forms are the Normal integral of the settlement's own pieces", () => {
  test.each(INTEGRATED)("%s", (_title, terms, ratio) => {
    const closed = closedForms(terms, ratio);
    const { first } = integrated(terms, ratio);
    const tolerance = integrationError(ratio);
    expect(Math.abs(closed.corridor - first.corridor)).toBeLessThan(tolerance);
    expect(Math.abs(closed.stopLoss - first.stopLoss)).toBeLessThan(tolerance);
    expect(Math.abs(closed.stopGain - first.stopGain)).toBeLessThan(tolerance);
  });

  test("the cases reach what they are named for", () => {
    const [wide, , own, flatGain, flatLoss] = INTEGRATED.map(([, terms, ratio]) => closedForms(terms, ratio));
    expect(wide.stopLoss).toBeGreaterThan(1e-3 * P);
    expect(wide.stopGain).toBeLessThan(-1e-3 * P);
    expect(own.stopLoss).toBeGreaterThan(1e-4 * P);
    expect(own.stopGain).toBeLessThan(-1e-4 * P);
    // K = 0.01 + 1 − 1.1 = −0.09, below h's floor of −0.0225: E[h(R)] − K.
    expect(flatGain.stopLoss).toBeGreaterThan(0.06 * P);
    // K = 0.01 + 0.3 = 0.31 > h's ceiling 0.02; K′ = 0.3 − 0.25 = 0.05 > 0.02.
    expect(flatLoss.stopLoss).toBe(0);
    expect(flatLoss.stopGain).toBeLessThan(-0.03 * P);
  });

  test("tiny payments: the settlement's pieces stay exact, so the integral scales with P", () => {
    const [, terms, ratio] = INTEGRATED[2];
    const tiny = 1e-300;
    const closed = closedForms(terms, ratio, tiny);
    const { first } = integrated(terms, ratio, tiny);
    const tolerance = integrationError(ratio, tiny);
    expect(Math.abs(closed.corridor - first.corridor)).toBeLessThan(tolerance);
    expect(Math.abs(closed.stopLoss - first.stopLoss)).toBeLessThan(tolerance);
    expect(closed.stopLoss).toBeGreaterThan(0);
  });
});

describe("the closed forms against the seeded simulation of a year of many cases", () => {
  // One level, a fixed 400 cases a year of gamma cost (mean $1,000, cv 0.2) paid $995 each: P
  // is fixed, so r = C ÷ P − 1 exactly, with mean 1000 ÷ 995 − 1 ≈ 0.005 and sd ≈ 0.2 ÷ √400.
  const cases = 400;
  const cv = 0.2;
  const years = 1000;
  const caseRate = 995;
  const payments = cases * caseRate;
  const ratio = { mean: 1000 / caseRate - 1, sd: (cv * 1000) / caseRate / Math.sqrt(cases) };
  const terms: ContractTerms = {
    corridors: [{ upTo: 0.005, payorShare: 0 }, { upTo: 0.01, payorShare: 0.5 }, { payorShare: 0.8 }],
    stopLoss: 0.008,
    stopGain: 0.008,
  };

  test("each term's simulated mean is the closed form within 3 standard errors and the Normal's bias", () => {
    const pricing = priceContract({
      risk: {
        levels: [
          {
            id: "A",
            expectedCases: cases,
            averageHours: 10,
            ratePerHour: 100,
            hoursDistribution: { family: "gamma", cv },
          },
        ],
        ratePerHour: 100,
        budget: payments,
        frequency: "fixed",
        simulationYears: years,
        seed: 11,
      },
      caseRates: [caseRate],
      terms,
    });
    const closed = closedForms(terms, ratio, payments);
    const { first, second } = integrated(terms, ratio, payments);
    // C is a gamma sum with skewness γ = 2 cv ÷ √n; Edgeworth's first term moves E[f(R)] by
    // (γ sd ÷ 6) × Σ over f's kinks of Δslope × z φ(z), |z φ(z)| ≤ φ(1) < 0.25, Σ |Δslope| ≤ 2.
    const skew = (2 * cv) / Math.sqrt(cases);
    const bias = ((skew * ratio.sd) / 6) * 2 * 0.25 * payments;
    const simulated = {
      corridor: pricing.withTerms.terms.corridorAdjustment,
      stop: pricing.withTerms.terms.stopLossAdjustment,
    };
    const se = (key: keyof typeof first) => Math.sqrt((second[key] - first[key] * first[key]) / years);
    expect(Math.abs(simulated.corridor - closed.corridor)).toBeLessThan(3 * se("corridor") + bias);
    // The settlement's one stop figure is the stop-loss plus the stop-gain; they never both move.
    const stopSe = Math.sqrt(se("stopLoss") ** 2 + se("stopGain") ** 2);
    expect(Math.abs(simulated.stop - (closed.stopLoss + closed.stopGain))).toBeLessThan(3 * stopSe + bias);
    // Both stops are reached in a good share of the years: the test tells them from 0.
    expect(closed.stopLoss).toBeGreaterThan(10 * se("stopLoss"));
    expect(-closed.stopGain).toBeGreaterThan(3 * se("stopGain"));
    expect(closed.corridor).toBeGreaterThan(3 * se("corridor"));
  });
});
