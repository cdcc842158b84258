/**
 * The year's cost against R's actuar, the actuaries' reference: per model, one case's cost on the
 * grid against actuar's discretize(), the year's distribution against aggregateDist() (recursive
 * for Poisson counts, convolution for fixed ones) within 1e-9, quantiles equal to actuar's, CTE,
 * the normal and Normal-Power approximations, and the seeded simulation within three standard errors.
 *
 * actuar gets the core's grid probabilities of each case cost (checked against its own
 * discretize() first), so the comparison of the year's distribution is one of the aggregation
 * alone. With Poisson counts R picks its own halvings k (λ(1 − f₀)/2ᵏ ≤ 500), runs actuar's
 * recursion on λ/2ᵏ and convolves k times by R's fft: this is what aggregateDist's `convolve`
 * argument does, without its cap of the recursion's tolerance at 1 − √ε (about 1e-8 per copy,
 * too coarse for a 1e-9 comparison), and without its direct convolution, which takes seconds.
 * The recursion's tolerance is 1e-15 with `maxit` at the mean + 20 standard deviations: a running
 * sum near 1 stops growing once the terms fall below 1e-16, so a tolerance alone may never be met.
 */
import {
  type ExactRisk,
  type RiskInput,
  type RiskOfYear,
  caseCostLaw,
  cumulative,
  incompleteGamma,
  normalQuantile,
  riskOfYear,
  validateRiskInput,
} from "../../../src/core/risk";
import { RISK_CASES } from "./models";
import { describeWithActuar, rVector, runR } from "./rscript";

const PS = [0.5, 0.75, 0.9, 0.95, 0.99, 0.995];

/** R's side for one model: prints cdf, quantile, cte, over, normal, npower and each continuous level's discretization. */
export function referenceScript(tag: string, input: RiskInput, exact: ExactRisk): string {
  const valid = validateRiskInput(input);
  const h = exact.gridDollars;
  const lines = [
    `h <- ${h}`,
    `sev <- list(${exact.distribution.caseCosts.map(rVector).join(", ")})`,
    `w <- ${rVector(valid.scenarios.map((s) => s.weight))}`,
    `cases <- list(${valid.scenarios.map((s) => rVector(s.expectedCases)).join(", ")})`,
    `ps <- ${rVector(PS)}`,
  ];
  if (valid.frequency === "poisson") {
    lines.push(
      "parts <- lapply(seq_along(w), function(s) {",
      "  L <- sum(cases[[s]]); n <- max(lengths(sev))",
      "  fx <- Reduce(`+`, Map(function(f, l) l * pad(f, n), sev, cases[[s]])) / L",
      "  k <- max(0, ceiling(log2(L * (1 - fx[1]) / 500)))",
      "  j <- 0:(n - 1); mu <- L / 2^k * sum(j * fx); s2 <- L / 2^k * sum(j^2 * fx)",
      "  maxit <- ceiling(mu + 20 * sqrt(s2)) + 2 * n",
      '  Fs <- suppressWarnings(aggregateDist("recursive", model.freq = "poisson", lambda = L / 2^k,',
      "                       model.sev = fx, x.scale = h, tol = 1e-15, maxit = maxit))",
      '  fs <- get("fs", environment(Fs))',
      "  for (i in seq_len(k)) fs <- conv(fs, fs)",
      "  fs",
      "})",
    );
  } else {
    lines.push(
      "parts <- lapply(seq_along(w), function(s) Reduce(conv, Map(function(f, n) {",
      "  if (n == 0) return(1)",
      '  get("fs", environment(aggregateDist("convolution", model.freq = c(rep(0, n), 1), model.sev = f, x.scale = h)))',
      "}, sev, cases[[s]])))",
    );
  }
  lines.push(
    "m <- max(lengths(parts))",
    "fs <- Reduce(`+`, Map(function(p, wi) wi * pad(p, m), parts, w))",
    "Fs <- aggregateOf(fs, h)",
    // Only where the distribution function is between 1e-13 and 1 − 1e-13.
    "F <- cumsum(fs); inside <- which(F > 1e-13 & F < 1 - 1e-13)",
    `out("${tag}/cdfStart", min(inside) - 1)`,
    `out("${tag}/cdf", F[min(inside):max(inside)])`,
    `out("${tag}/quantile", quantile(Fs, ps, names = FALSE))`,
    `out("${tag}/cte", CTE(Fs, ps, names = FALSE))`,
    `out("${tag}/over", 1 - Fs(${input.budget}))`,
    `mom <- c(${exact.expectedCost}, ${exact.standardDeviation ** 2}, ${exact.skewness})`,
    `out("${tag}/normal", quantile(aggregateDist("normal", moments = mom), ps, names = FALSE))`,
    `out("${tag}/npower", quantile(aggregateDist("npower", moments = mom), ps, names = FALSE))`,
  );
  valid.levels.forEach((level, i) => {
    const d = level.hoursDistribution;
    if (d === undefined || !("family" in d)) return;
    const mean = caseCostLaw(level).mean;
    const [p, lev, args] =
      d.family === "gamma"
        ? ["pgamma", "levgamma", `shape = ${1 / d.cv ** 2}, scale = ${mean / (1 / d.cv ** 2)}`]
        : [
            "plnorm",
            "levlnorm",
            `meanlog = log(${mean}) - log(1 + ${d.cv}^2) / 2, sdlog = sqrt(log(1 + ${d.cv}^2))`,
          ];
    lines.push(
      `x <- (0:(2 * length(sev[[${i + 1}]]) + 10)) * h`,
      `M <- x[which(${p}(x, ${args}, lower.tail = FALSE) < 1e-12)[1]]`,
      `out("${tag}/discretize${i}", discretize(${p}(x, ${args}), method = "unbiased", lev = ${lev}(x, ${args}), from = 0, to = M, step = h))`,
      `out("${tag}/beyond${i}", ${p}(M, ${args}, lower.tail = FALSE))`,
    );
  });
  return `local({\n${lines.join("\n")}\n})`;
}

/** Helpers defined once for every model's script. */
export const R_HELPERS = `
pad <- function(f, n) c(f, rep(0, n - length(f)))
# Linear convolution by R's fft, zero-padded to a power of two.
conv <- function(a, b) {
  n <- length(a) + length(b) - 1; N <- 2^ceiling(log2(n))
  Re(fft(fft(pad(a, N)) * fft(pad(b, N)), inverse = TRUE))[1:n] / N
}
# The object actuar's panjer() and exact() build around their probabilities, so that actuar's
# quantile(), CTE() and the distribution function apply to a convolved or mixed result.
aggregateOf <- function(fs, h) {
  FUN <- approxfun((0:(length(fs) - 1)) * h, pmin(cumsum(fs), 1), method = "constant",
                   yleft = 0, yright = 1, f = 0, ties = "ordered")
  class(FUN) <- c("aggregateDist", "ecdf", "stepfun", class(FUN))
  assign("fs", fs, envir = environment(FUN)); assign("x.scale", h, envir = environment(FUN))
  comment(FUN) <- "Recursive method approximation"
  FUN
}
`;

/**
 * The largest |core − reference| over the grid, the reference given from index `start` on and
 * taken as 0 before it and 1 after it (where it is within 1e-13 of those); past its end the
 * core's distribution function is 1.
 */
function largestGap(core: Float64Array, start: number, reference: readonly number[]): number {
  let gap = 0;
  for (let k = 0; k < Math.max(core.length, start + reference.length + 1); k++) {
    const expected = k < start ? 0 : k < start + reference.length ? reference[k - start] : 1;
    gap = Math.max(gap, Math.abs((k < core.length ? core[k] : 1) - expected));
  }
  return gap;
}

describeWithActuar("the year's cost against R's actuar", () => {
  const results = new Map<string, RiskOfYear>();
  let reference = new Map<string, number[]>();
  const get = (tag: string, key: string): number[] => {
    const vector = reference.get(`${tag}/${key}`);
    if (!vector) throw new Error(`R printed no ${tag}/${key}`);
    return vector;
  };

  beforeAll(() => {
    RISK_CASES.forEach((c, i) => results.set(`m${i}`, riskOfYear(c.input)));
    const scripts = RISK_CASES.map((c, i) => referenceScript(`m${i}`, c.input, results.get(`m${i}`)!));
    reference = runR(`${R_HELPERS}\n${scripts.join("\n")}`);
  }, 180_000);

  describe.each(RISK_CASES.map((c, i) => ({ ...c, tag: `m${i}` })))("$name", ({ tag, input }) => {
    const result = () => results.get(tag)!;

    test("each continuous case cost on the grid is actuar's discretize(), with the mass beyond its last point kept there", () => {
      const valid = validateRiskInput(input);
      let checked = 0;
      valid.levels.forEach((_level, i) => {
        if (!reference.has(`${tag}/discretize${i}`)) return;
        const core = result().distribution.caseCosts[i];
        const actuar = get(tag, `discretize${i}`);
        const beyond = get(tag, `beyond${i}`)[0];
        expect(core.length).toBe(actuar.length);
        const last = actuar.length - 1;
        const gap = Math.max(
          ...actuar.map((value, k) => Math.abs(core[k] - (k === last ? value + beyond : value))),
        );
        expect(gap).toBeLessThan(1e-12);
        expect(beyond).toBeLessThan(1e-12);
        checked++;
      });
      const continuous = valid.levels.filter(
        (l) => l.hoursDistribution && "family" in l.hoursDistribution,
      ).length;
      expect(checked).toBe(continuous);
      expect(checked).toBeGreaterThan(0);
    });

    test("the distribution function on the grid is actuar's within 1e-9", () => {
      const start = get(tag, "cdfStart")[0];
      expect(
        largestGap(cumulative(result().distribution.probabilities), start, get(tag, "cdf")),
      ).toBeLessThan(1e-9);
    });

    test("the quantiles are actuar's, to the cent; the tail value at risk is CTE() within 1e-9 relative", () => {
      const r = result();
      expect(PS.map((p) => r.quantiles[String(p)])).toEqual(get(tag, "quantile"));
      get(tag, "cte").forEach((cte, i) =>
        expect(Math.abs(r.tailValueAtRisk[String(PS[i])] - cte)).toBeLessThan(1e-9 * cte),
      );
    });

    test("P(S > budget) is actuar's within 1e-9", () => {
      expect(Math.abs(result().probabilityOverBudget - get(tag, "over")[0])).toBeLessThan(1e-9);
    });

    test("the normal and Normal-Power quantiles are actuar's within 1e-12 relative", () => {
      const r = result();
      get(tag, "normal").forEach((q, i) =>
        expect(Math.abs(r.approximations.normal[String(PS[i])] - q)).toBeLessThan(1e-12 * q),
      );
      // actuar leaves the Normal-Power quantile undefined (NA) at p ≤ 0.5.
      const npower = get(tag, "npower");
      expect(npower.filter(Number.isNaN)).toHaveLength(1);
      npower.forEach((q, i) => {
        if (!Number.isNaN(q))
          expect(Math.abs(r.approximations.normalPower[String(PS[i])] - q)).toBeLessThan(1e-12 * q);
      });
    });

    test("the probabilities sum to 1 within 1e-10, none negative, and their mean is the closed form's", () => {
      const { probabilities, gridDollars } = result().distribution;
      let sum = 0;
      let mean = 0;
      probabilities.forEach((p, k) => {
        sum += p;
        mean += k * gridDollars * p;
      });
      expect(Math.abs(sum - 1)).toBeLessThan(1e-10);
      expect(probabilities.every((p) => p >= 0)).toBe(true);
      expect(Math.abs(mean - result().expectedCost)).toBeLessThan(1e-9 * result().expectedCost);
    });

    test("the simulation agrees with the exact figures within three standard errors (one grid step allowed a quantile)", () => {
      const r = result();
      const { simulation, gridDollars } = r;
      expect(Math.abs(simulation.expectedCost - r.expectedCost)).toBeLessThan(3 * simulation.standardError);
      for (const p of PS) {
        const { low, high } = simulation.quantileRanges[String(p)];
        expect(r.quantiles[String(p)]).toBeGreaterThanOrEqual(low - gridDollars);
        expect(r.quantiles[String(p)]).toBeLessThanOrEqual(high + gridDollars);
      }
    });
  });
});

describeWithActuar("the special functions against R", () => {
  const ps = [1e-12, 1e-6, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 1 - 1e-9];
  const points: [number, number][] = [
    [2.7777777777777777, 0.5],
    [2.7777777777777777, 3.5],
    [2.7777777777777777, 33],
    [0.591715976331361, 0.01],
    [0.591715976331361, 20],
    [0.5, 18],
    [100, 90],
    [100, 140],
  ];
  let reference = new Map<string, number[]>();
  beforeAll(() => {
    reference = runR(
      [
        `out("qnorm", qnorm(${rVector(ps)}))`,
        `out("lower", pgamma(${rVector(points.map((p) => p[1]))}, ${rVector(points.map((p) => p[0]))}))`,
        `out("upper", pgamma(${rVector(points.map((p) => p[1]))}, ${rVector(points.map((p) => p[0]))}, lower.tail = FALSE))`,
      ].join("\n"),
    );
  }, 60_000);

  test("Φ⁻¹ is qnorm within 2e-15 relative", () => {
    reference.get("qnorm")!.forEach((q, i) => {
      expect(Math.abs(normalQuantile(ps[i]) - q)).toBeLessThanOrEqual(2e-15 * Math.abs(q));
    });
  });

  test("P(a, x) and Q(a, x) are pgamma's within 1e-13 relative, each where it is small too", () => {
    points.forEach(([a, x], i) => {
      const { lower, upper } = incompleteGamma(a, x);
      const [rLower, rUpper] = [reference.get("lower")![i], reference.get("upper")![i]];
      expect(Math.abs(lower - rLower)).toBeLessThanOrEqual(1e-13 * rLower);
      expect(Math.abs(upper - rUpper)).toBeLessThanOrEqual(1e-13 * rUpper);
    });
  });
});
