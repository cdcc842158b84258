import { convolve, convolveSelf } from "./fft";
import { type Span, dropNoise, trimSpan } from "./gridVector";

/** The distribution of the sum of two independent costs. */
export function convolveSpans(a: Span, b: Span): Span {
  return trimSpan({ offset: a.offset + b.offset, p: dropNoise(convolve(a.p, b.p)) });
}

/**
 * f^{∗n}, the distribution of the sum of n independent costs each distributed as f, by binary
 * powering: about 2 log₂ n FFT convolutions.
 * @example convolutionPower(spanOf(new Float64Array([0.5, 0.5])), 2).p // [0.25, 0.5, 0.25]
 */
export function convolutionPower(f: Span, n: number): Span {
  let result: Span = { offset: 0, p: new Float64Array([1]) };
  let power = f;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) result = convolveSpans(result, power);
    if (rest > 1) power = trimSpan({ offset: 2 * power.offset, p: dropNoise(convolveSelf(power.p)) });
  }
  return result;
}

/** The distribution of a sum of independent parts. */
export function convolveAll(parts: readonly Span[]): Span {
  return parts.reduce(convolveSpans, { offset: 0, p: new Float64Array([1]) });
}
