/**
 * Samplers driven by a Xoshiro128 stream, each a published exact method:
 * - normal: Marsaglia's polar method (no trigonometry), the second value of each pair kept;
 * - gamma: Marsaglia and Tsang (2000), with shape < 1 boosted as gamma(a + 1) · U^(1/a);
 * - lognormal: exp(m + σZ), Z from the normal sampler;
 * - Poisson: inversion by sequential search for λ < 10, Hörmann's PTRS (transformed rejection
 *   with squeeze, 1993) for λ ≥ 10.
 */
import { Xoshiro128 } from "./prng";
import { lnGamma } from "./specialFunctions";

/** The random streams the simulation draws from. */
export class Sampler {
  private spare: number | null = null;

  constructor(private readonly random: Xoshiro128) {}

  /** U(0, 1), never 0 or 1. */
  uniform(): number {
    return this.random.uniform();
  }

  /** A standard normal value (Marsaglia's polar method). */
  normal(): number {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return value;
    }
    for (;;) {
      const u = 2 * this.random.uniform() - 1;
      const v = 2 * this.random.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * factor;
        return u * factor;
      }
    }
  }

  /** A gamma(shape, 1) value (Marsaglia–Tsang). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * this.random.uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const root = 1 + c * x;
      if (root <= 0) continue;
      const v = root * root * root;
      const u = this.random.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** A Poisson(λ) count. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    return lambda < 10 ? this.poissonInversion(lambda) : this.poissonPtrs(lambda);
  }

  private poissonInversion(lambda: number): number {
    const u = this.random.uniform();
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    // The bound guards against a u above the cdf's rounded limit.
    while (u > cdf && k < 1000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }

  /** PTRS, as W. Hörmann, "The transformed rejection method for generating Poisson random variables". */
  private poissonPtrs(lambda: number): number {
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.random.uniform() - 0.5;
      const v = this.random.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
        -lambda + k * loglam - lnGamma(k + 1)
      ) {
        return k;
      }
    }
  }
}
