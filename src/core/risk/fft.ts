/**
 * A radix-2 fast Fourier transform and the linear convolutions built on it. The twiddle factors
 * are computed one by one with Math.cos and Math.sin (no recurrence), so rounding stays near 1e-16
 * of the largest term whatever the length.
 */

const twiddleCache = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
  let table = twiddleCache.get(n);
  if (!table) {
    const cos = new Float64Array(n / 2);
    const sin = new Float64Array(n / 2);
    for (let k = 0; k < n / 2; k++) {
      cos[k] = Math.cos((2 * Math.PI * k) / n);
      sin[k] = Math.sin((2 * Math.PI * k) / n);
    }
    table = { cos, sin };
    twiddleCache.set(n, table);
  }
  return table;
}

/**
 * In-place FFT of (re, im), whose length is a power of two: X_k = Σ x_j e^(∓2πijk/n), the minus
 * sign forward; `inverse` also divides by n.
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n & (n - 1)) throw new RangeError(`fft length must be a power of two, not ${n}`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const r = re[i];
      re[i] = re[j];
      re[j] = r;
      const m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }
  const { cos, sin } = twiddles(n);
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size *= 2) {
    const half = size / 2;
    const stride = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * stride];
        const wi = sign * sin[k * stride];
        const a = start + k;
        const b = a + half;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] /= n;
      im[i] /= n;
    }
  }
}

function powerOfTwoAtLeast(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/**
 * The linear convolution (a ∗ b)ₖ = Σ aⱼ bₖ₋ⱼ of two probability vectors, by one complex FFT of
 * a + ib (the two real transforms are separated by symmetry) and one inverse FFT. Rounding leaves
 * values near ±1e-16 of the largest where the truth is 0: the negative ones are set to 0 here.
 * @example convolve(new Float64Array([0.5, 0.5]), new Float64Array([0.5, 0.5])) // [0.25, 0.5, 0.25]
 */
export function convolve(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 1) return b.map((value) => value * a[0]);
  const length = a.length + b.length - 1;
  const n = powerOfTwoAtLeast(length);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  re.set(a);
  im.set(b);
  fft(re, im);
  // With Z = FFT(a + ib): A_k = (Z_k + conj Z_{n−k})/2, B_k = (Z_k − conj Z_{n−k})/(2i); P = A·B.
  const pr = new Float64Array(n);
  const pi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const m = (n - k) & (n - 1);
    const ar = (re[k] + re[m]) / 2;
    const ai = (im[k] - im[m]) / 2;
    const br = (im[k] + im[m]) / 2;
    const bi = (re[m] - re[k]) / 2;
    pr[k] = ar * br - ai * bi;
    pi[k] = ar * bi + ai * br;
  }
  fft(pr, pi, true);
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) out[k] = pr[k] > 0 ? pr[k] : 0;
  return out;
}

/** a ∗ a, with one forward and one inverse FFT. */
export function convolveSelf(a: Float64Array): Float64Array {
  const length = 2 * a.length - 1;
  const n = powerOfTwoAtLeast(length);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  re.set(a);
  fft(re, im);
  for (let k = 0; k < n; k++) {
    const r = re[k];
    const i = im[k];
    re[k] = r * r - i * i;
    im[k] = 2 * r * i;
  }
  fft(re, im, true);
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) out[k] = re[k] > 0 ? re[k] : 0;
  return out;
}
