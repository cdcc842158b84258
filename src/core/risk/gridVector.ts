/**
 * Probability vectors over the grid 0, h, 2h, …, kept as a span: the probabilities from grid
 * index `offset` on, so that convolutions skip the negligible ends (the year's cost with 3,000
 * cases has almost nothing below two-thirds of its mean).
 */

/** P(S = (offset + k)h) = p[k]; outside the span the probability is (negligibly close to) 0. */
export interface Span {
  readonly offset: number;
  readonly p: Float64Array;
}

/** Mass an end of a span may lose when it is trimmed. */
export const NEGLIGIBLE_TAIL = 1e-18;

/**
 * Values below this fraction of the largest are FFT rounding (about 1e-16 of the largest times
 * log₂ n) and set to 0 before trimming; the true mass so dropped is below n × 1e-14 × max.
 */
export const FFT_NOISE = 1e-14;

/** A span from a whole vector starting at grid index 0. */
export function spanOf(p: Float64Array): Span {
  return trimSpan({ offset: 0, p });
}

/** The span without its ends, each holding less than NEGLIGIBLE_TAIL (one entry kept at least). */
export function trimSpan(span: Span): Span {
  const p = span.p;
  let end = p.length;
  let tail = 0;
  while (end > 1 && tail + p[end - 1] < NEGLIGIBLE_TAIL) tail += p[--end];
  let start = 0;
  let head = 0;
  while (start < end - 1 && head + p[start] < NEGLIGIBLE_TAIL) head += p[start++];
  return start === 0 && end === p.length ? span : { offset: span.offset + start, p: p.slice(start, end) };
}

/** Sets FFT rounding noise (values below FFT_NOISE × the largest) to 0, in place. */
export function dropNoise(p: Float64Array): Float64Array {
  let largest = 0;
  for (let k = 0; k < p.length; k++) if (p[k] > largest) largest = p[k];
  const floor = FFT_NOISE * largest;
  for (let k = 0; k < p.length; k++) if (p[k] < floor) p[k] = 0;
  return p;
}

/** The span as a whole vector from grid index 0. */
export function fromZero(span: Span): Float64Array {
  if (span.offset === 0) return span.p;
  const out = new Float64Array(span.offset + span.p.length);
  out.set(span.p, span.offset);
  return out;
}

/** Σ wᵢ vᵢ, the vectors padded with zeros to the longest. */
export function weightedSum(weights: readonly number[], vectors: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(Math.max(...vectors.map((v) => v.length)));
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.length; k++) out[k] += weights[i] * v[k];
  });
  return out;
}

/** The running sum F_k = Σ_{j ≤ k} p_j. */
export function cumulative(p: Float64Array): Float64Array {
  const out = new Float64Array(p.length);
  let sum = 0;
  for (let k = 0; k < p.length; k++) out[k] = sum += p[k];
  return out;
}
