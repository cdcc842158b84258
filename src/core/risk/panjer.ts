import { convolveSelf } from "./fft";
import { NEGLIGIBLE_TAIL, type Span, dropNoise, spanOf, trimSpan } from "./gridVector";

/**
 * Panjer's recursion starts at e^(−λ(1 − f₀)); it is run on λ/2ᵏ with k the fewest halvings that
 * keep λ(1 − f₀)/2ᵏ at most this (e^−16 ≈ 1.1e-7, far above double
 * underflow; more halvings make the recursion, n × severity width, shorter for a few cheap FFTs).
 */
export const PANJER_MAX_EXPONENT = 16;

/** The compound Poisson distribution on the grid and the halvings k its recursion took. */
export interface CompoundPoisson {
  readonly span: Span;
  readonly halvings: number;
}

/**
 * The distribution of S = X₁ + … + X_N, N Poisson(λ), the X iid with probabilities `severity` on
 * the grid: Panjer's recursion g_k = (λ/k) Σⱼ j fⱼ g_{k−j} on λ/2ᵏ (as actuar's `convolve`
 * argument), then k self-convolutions by FFT.
 * @example compoundPoisson(3000, severity, MAX_GRID_POINTS).halvings // 8 when f₀ ≈ 0: 3000/2⁸ ≈ 11.7 ≤ 16
 */
export function compoundPoisson(lambda: number, severity: Float64Array, maxPoints: number): CompoundPoisson {
  const exponent = lambda * (1 - severity[0]);
  let halvings = 0;
  while (exponent / 2 ** halvings > PANJER_MAX_EXPONENT) halvings++;
  let span = spanOf(panjerPoisson(lambda / 2 ** halvings, severity, maxPoints));
  for (let i = 0; i < halvings; i++) {
    span = trimSpan({ offset: 2 * span.offset, p: dropNoise(convolveSelf(span.p)) });
  }
  return { span, halvings };
}

/**
 * Panjer's recursion for a compound Poisson whose start e^(−λ(1 − f₀)) does not underflow. It
 * stops past the mean once the last severity-width of terms (all the next term depends on) holds
 * less than NEGLIGIBLE_TAIL (1e-18).
 */
function panjerPoisson(lambda: number, severity: Float64Array, maxPoints: number): Float64Array {
  const m = severity.length;
  const weighted = new Float64Array(m);
  let meanIndex = 0;
  for (let j = 0; j < m; j++) {
    weighted[j] = j * severity[j];
    meanIndex += weighted[j];
  }
  meanIndex *= lambda;
  let g = new Float64Array(Math.max(1024, Math.ceil(2 * meanIndex) + m));
  g[0] = Math.exp(-lambda * (1 - severity[0]));
  if (m === 1 || lambda === 0) return g.slice(0, 1);
  let window = g[0];
  for (let k = 1; ; k++) {
    if (k >= g.length) {
      if (g.length >= maxPoints) throw new Error(`Panjer's recursion passed ${maxPoints} grid points`);
      const longer = new Float64Array(Math.min(maxPoints, 2 * g.length));
      longer.set(g);
      g = longer;
    }
    const top = Math.min(k, m - 1);
    let sum = 0;
    for (let j = 1; j <= top; j++) sum += weighted[j] * g[k - j];
    g[k] = (lambda * sum) / k;
    window += g[k] - (k >= m ? g[k - m] : 0);
    // The running sum drifts by rounding (up to about 1e-16 of the largest window per step), so it
    // is summed afresh every m steps, and afresh before it decides to stop.
    if (k % m === 0 || (k > meanIndex && window < 1e-15)) {
      window = 0;
      for (let j = Math.max(0, k - m + 1); j <= k; j++) window += g[j];
      if (k > meanIndex && window < NEGLIGIBLE_TAIL) return g.slice(0, k + 1);
    }
  }
}
