/**
 * The risk core without R: its inputs' messages, the generator against the reference C code,
 * the samplers' moments, the FFT convolutions, the discretizations, Panjer with halvings against
 * the Poisson law, quantiles, and what the toolkit's example reports per level.
 */
import {
  type RiskInput,
  Sampler,
  Xoshiro128,
  caseCostLaw,
  convolve,
  exactRisk,
  lnGamma,
  normalCdf,
  normalQuantile,
  quantileIndex,
  riskOfYear,
  validateRiskInput,
} from "../../../src/core/risk";
import { convolutionPower } from "../../../src/core/risk/convolutionPowers";
import { discretizeUnbiased, splitPointMasses } from "../../../src/core/risk/discretize";
import { spanOf } from "../../../src/core/risk/gridVector";
import { compoundPoisson } from "../../../src/core/risk/panjer";
import { TOOLKIT_RISK_INPUT } from "../../../src/core/risk/toolkitExample";
import { inputError } from "../../helpers/inputError";

const small: RiskInput = {
  ratePerHour: 100,
  budget: 50_000,
  levels: [
    {
      id: "A",
      expectedCases: 10,
      averageHours: 10,
      ratePerHour: 100,
      hoursDistribution: { family: "gamma", cv: 0.5 },
    },
    { id: "B", expectedCases: 5, averageHours: 20, ratePerHour: 100 },
  ],
};
const withLevel = (change: object): RiskInput => ({
  ...small,
  levels: [{ ...small.levels[0], ...change }, small.levels[1]],
});

describe("risk inputs", () => {
  test("a cohort table's episodes must be whole numbers ≥ 0", () => {
    const bad = withLevel({ hoursDistribution: { cohorts: [{ episodes: 2.5, averageHours: 8 }] } });
    expect(inputError(() => validateRiskInput(bad))).toEqual({
      field: "hoursDistribution for level A",
      problem: "not-a-whole-number",
      message: "hoursDistribution for level A: episodes must be whole numbers ≥ 0.",
    });
  });

  test("a family needs a cv above 0 and a known family name", () => {
    expect(
      inputError(() => validateRiskInput(withLevel({ hoursDistribution: { family: "gamma", cv: 0 } })))
        .message,
    ).toBe(
      "hoursDistribution for level A: cv (the coefficient of variation) must be a number above 0 and at most 10, not 0.",
    );
    expect(
      inputError(() => validateRiskInput(withLevel({ hoursDistribution: { family: "weibull", cv: 1 } })))
        .message,
    ).toBe('hoursDistribution for level A: family must be "gamma" or "lognormal", not "weibull".');
  });

  test("fixed counts must be whole", () => {
    expect(
      inputError(() => validateRiskInput({ ...withLevel({ expectedCases: 10.5 }), frequency: "fixed" }))
        .message,
    ).toBe(
      "expected cases for level A: with fixed frequency the number of cases must be a whole number, not 10.5.",
    );
  });

  test("confidence, scenario weights and seed are range-checked", () => {
    expect(inputError(() => validateRiskInput({ ...small, confidence: 95 })).message).toBe(
      "risk confidence: must be at least 0.5 and below 1 (0.95 = 95%), not 95.",
    );
    const scenarios = [
      { name: "Low", weight: 0.5, expectedCases: [9, 4] },
      { name: "High", weight: 0.4, expectedCases: [11, 6] },
    ];
    expect(inputError(() => validateRiskInput({ ...small, scenarios })).message).toBe(
      "risk scenarioWeights: the weights sum to 0.9, not 1.",
    );
    expect(inputError(() => validateRiskInput({ ...small, seed: -1 })).problem).toBe("negative");
  });

  test("a grid too fine for the model is refused with what to do", () => {
    expect(inputError(() => exactRisk({ ...TOOLKIT_RISK_INPUT, gridHours: 0.01 })).message).toMatch(
      /^risk gridHours: .* would need about [\d,]+ grid points at 0.01 hours a step, more than 4,194,304; use a larger gridHours\.$/,
    );
  });
});

describe("xoshiro128** and the samplers", () => {
  test("the generator's outputs are the reference C code's from the state (1, 2, 3, 4)", () => {
    const random = new Xoshiro128(1, 2, 3, 4);
    const first = Array.from({ length: 6 }, () => random.nextUint32());
    expect(first).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
    for (let i = 0; i < 994; i++) random.nextUint32();
    expect(random.nextUint32()).toBe(136054147);
  });

  test("a seed's state is splitmix32's first four outputs", () => {
    const seeded = Xoshiro128.fromSeed(1);
    const explicit = new Xoshiro128(2527132011, 314344336, 2535364964, 2041432039);
    expect(Array.from({ length: 5 }, () => seeded.nextUint32())).toEqual(
      Array.from({ length: 5 }, () => explicit.nextUint32()),
    );
  });

  const N = 100_000;
  /** Sample mean and variance of n draws. */
  function moments(draw: () => number): { mean: number; variance: number } {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < N; i++) {
      const x = draw();
      sum += x;
      squares += x * x;
    }
    const mean = sum / N;
    return { mean, variance: squares / N - mean * mean };
  }

  test.each([
    ["normal", (s: Sampler) => s.normal(), 0, 1],
    ["gamma(2.78)", (s: Sampler) => s.gamma(2.78), 2.78, 2.78],
    ["gamma(0.6), shape below 1", (s: Sampler) => s.gamma(0.6), 0.6, 0.6],
    ["Poisson(3) by inversion", (s: Sampler) => s.poisson(3), 3, 3],
    ["Poisson(1110) by PTRS", (s: Sampler) => s.poisson(1110), 1110, 1110],
  ])(
    "%s has its mean within 4 standard errors and its variance within 2%%",
    (_name, draw, mean, variance) => {
      const sampler = new Sampler(Xoshiro128.fromSeed(42));
      const m = moments(() => draw(sampler));
      expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
      expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.02);
    },
  );

  test("the same seed gives the same simulation; another seed another", () => {
    const a = riskOfYear({ ...small, simulationYears: 500, seed: 9 }).simulation;
    const b = riskOfYear({ ...small, simulationYears: 500, seed: 9 }).simulation;
    const c = riskOfYear({ ...small, simulationYears: 500, seed: 10 }).simulation;
    expect(b).toEqual(a);
    expect(c.expectedCost).not.toBe(a.expectedCost);
  });
});

describe("special functions", () => {
  test("ln Γ, Φ and Φ⁻¹ at known values", () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(Math.abs(normalCdf(1.959963984540054) - 0.975)).toBeLessThan(1e-15);
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.25)).toBe(-normalQuantile(0.75));
  });

  test("Φ(Φ⁻¹(p)) = p over the range the figures use", () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-15 + 1e-13 * p);
    }
  });
});

describe("convolutions", () => {
  const direct = (a: Float64Array, b: Float64Array) => {
    const out = new Float64Array(a.length + b.length - 1);
    a.forEach((x, i) => b.forEach((y, j) => (out[i + j] += x * y)));
    return out;
  };

  test("the FFT convolution is the direct sum within 1e-16", () => {
    const a = Float64Array.from({ length: 300 }, (_, i) => ((i * 7919) % 101) / 15_000);
    const b = Float64Array.from({ length: 77 }, (_, i) => ((i * 104_729) % 37) / 1_500);
    const fast = convolve(a, b);
    const slow = direct(a, b);
    expect(fast.length).toBe(slow.length);
    expect(Math.max(...fast.map((x, i) => Math.abs(x - slow[i])))).toBeLessThan(1e-16);
  });

  test("a convolution power of a coin is the binomial law", () => {
    const n = 37;
    const power = convolutionPower(spanOf(new Float64Array([0.7, 0.3])), n);
    const binomial = (k: number) =>
      Math.exp(
        lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + k * Math.log(0.3) + (n - k) * Math.log(0.7),
      );
    power.p.forEach((p, i) => expect(Math.abs(p - binomial(power.offset + i))).toBeLessThan(1e-14));
  });

  test("Panjer with 8 halvings gives the Poisson(3000) law when every case costs one grid step", () => {
    const { span, halvings } = compoundPoisson(3000, new Float64Array([0, 1]), 1 << 22);
    expect(halvings).toBe(8);
    const poisson = (k: number) => Math.exp(-3000 + k * Math.log(3000) - lnGamma(k + 1));
    const gap = Math.max(...Array.from(span.p, (p, i) => Math.abs(p - poisson(span.offset + i))));
    expect(gap).toBeLessThan(1e-13);
    expect(Math.abs(span.p.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-12);
  });
});

describe("discretization", () => {
  test("a point mass between grid points is shared so the mean is kept", () => {
    const grid = splitPointMasses([{ dollars: 250, probability: 1 }], 100);
    expect(Array.from(grid)).toEqual([0, 0, 0.5, 0.5]);
  });

  test("the unbiased discretization of a gamma sums to 1 and keeps the mean of min(X, last point)", () => {
    const law = caseCostLaw({
      id: "C",
      expectedCases: 1,
      averageHours: 80,
      ratePerHour: 100,
      hoursDistribution: { family: "gamma", cv: 0.6 },
    });
    const grid = discretizeUnbiased(law, 100, 400);
    const mean = grid.reduce((sum, p, k) => sum + p * k * 100, 0);
    expect(Math.abs(grid.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-14);
    expect(Math.abs(mean - (8000 - law.excessMean(40_000)))).toBeLessThan(1e-9);
    expect(grid.every((p) => p >= 0)).toBe(true);
  });
});

describe("drawing a case from cohorts", () => {
  test("picks, for each uniform, the first cohort whose cumulative share reaches it, as a linear scan does", () => {
    // A history's 1-hour bins: hundreds of cohorts of uneven sizes, with rounding in the running sum.
    const cohorts = Array.from({ length: 240 }, (_, k) => ({
      episodes: 1 + ((k * 7919) % 13),
      averageHours: k + 0.5,
    }));
    const law = caseCostLaw({
      id: "D",
      expectedCases: 1,
      averageHours: 110,
      ratePerHour: 100,
      hoursDistribution: { cohorts },
    });
    const total = cohorts.reduce((sum, cohort) => sum + cohort.episodes, 0);
    let running = 0;
    const cdf = cohorts.map((cohort) => (running += cohort.episodes / total));
    const uniforms = new Sampler(Xoshiro128.fromSeed(7));
    const scanned = Array.from({ length: 20_000 }, () => {
      const u = uniforms.uniform();
      let k = 0;
      while (k < cdf.length - 1 && u > cdf[k]) k++;
      return cohorts[k].averageHours * 100;
    });
    const sampler = new Sampler(Xoshiro128.fromSeed(7));
    expect(Array.from({ length: 20_000 }, () => law.draw(sampler))).toEqual(scanned);
    // At the edges: a uniform on a cumulative share takes that cohort, one above all takes the last.
    const at = (u: number) => law.draw({ uniform: () => u } as unknown as Sampler);
    expect(at(cdf[0])).toBe(50);
    expect(at(cdf[9])).toBe(950);
    expect(at(2)).toBe(23_950);
  });
});

describe("quantiles and the toolkit's levels", () => {
  test("rounding in the running sum does not move a quantile", () => {
    const cdf = new Float64Array([0.2, 0.95 - 1e-13, 1]);
    expect(quantileIndex(cdf, 0.95)).toBe(1);
    expect(quantileIndex(new Float64Array([0.2, 0.95 - 1e-11, 1]), 0.95)).toBe(2);
  });

  test("Level B's cohort table has 30.128 hours on average against the case rate's 30", () => {
    const { levels } = exactRisk(TOOLKIT_RISK_INPUT);
    const b = levels.find((level) => level.id === "B")!;
    expect(b.averageHoursOfDistribution).toBeCloseTo(33_442 / 1110, 12);
    // Cohorts at 40 and 65 hours (453 of 1,110 episodes) cost more than the 30-hour case rate.
    expect(b.shareOfCasesOverRate).toBeCloseTo(453 / 1110, 15);
    expect(b.spread).toBe("cohorts");
  });

  test("a level without a distribution has no spread: no case over its rate, no excess", () => {
    const level = exactRisk(small).levels[1];
    expect(level).toMatchObject({ spread: "none", shareOfCasesOverRate: 0, expectedExcessPerCase: 0 });
    expect(level.standardDeviation).toBeCloseTo(Math.sqrt(5) * 2000, 9);
  });

  test("the reserve is the quantile at the confidence above the budget, never below 0", () => {
    const risk = exactRisk(TOOLKIT_RISK_INPUT);
    expect(risk.riskReserve).toBe(risk.quantiles["0.95"] - risk.budget);
    expect(exactRisk({ ...TOOLKIT_RISK_INPUT, budget: 30_000_000 }).riskReserve).toBe(0);
  });
});
