/**
 * The corridors, the stop-loss and the stop-gain in expectation before signing, in closed form,
 * when the corridor ratio r = (C − target × P) ÷ P is taken as Normal (a year of many cases) and
 * the payments sit at their expectation P̄: every figure is a sum of E[(R − a)⁺] over the bands.
 */
import { normalCdf } from "../risk/specialFunctions";
import { requireNonNegative, requireNumber } from "../validate";
import type { ContractTerms, CorridorBand } from "./terms";

/** r as Normal: its mean and standard deviation, as shares of P̄. */
export interface NormalCorridorRatio {
  readonly mean: number;
  readonly sd: number;
}

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/**
 * E[(R − a)⁺] for R Normal(mean, sd²): sd·φ(z) + (mean − a)·Φ(z), z = (mean − a) ÷ sd; (mean − a)⁺
 * when sd is 0, and 0 when a is +∞ (a band without an end).
 * At a = the mean: sd × φ(0) = sd ÷ √(2π).
 * @example normalExcessMean({ mean: 0, sd: 1 }, 0) // 0.3989422804014327
 */
export function normalExcessMean(ratio: NormalCorridorRatio, a: number): number {
  if (a === Infinity) return 0;
  const d = ratio.mean - a;
  if (ratio.sd === 0) return Math.max(0, d);
  const z = d / ratio.sd;
  return ratio.sd * (Math.exp(-0.5 * z * z) / SQRT_TWO_PI) + d * normalCdf(z);
}

/** The loss bands and the gain bands as settle() takes them (the gain bands default to the loss bands). */
function bandsOf(terms: ContractTerms): { loss: readonly CorridorBand[]; gain: readonly CorridorBand[] } {
  return { loss: terms.corridors ?? [], gain: terms.gainCorridors ?? terms.corridors ?? [] };
}

/** −R: a gain seen as a loss. */
const mirrored = (ratio: NormalCorridorRatio): NormalCorridorRatio => ({ mean: -ratio.mean, sd: ratio.sd });

/** Σ payorShareₖ × E[part of R⁺ inside band k] = Σ payorShareₖ × (E(R − uₖ₋₁)⁺ − E(R − uₖ)⁺). */
function expectedBandShare(bands: readonly CorridorBand[], ratio: NormalCorridorRatio): number {
  let lower = 0;
  let share = 0;
  for (const band of bands) {
    const upper = band.upTo ?? Infinity;
    share += band.payorShare * (normalExcessMean(ratio, lower) - normalExcessMean(ratio, upper));
    if (upper === Infinity) break;
    lower = upper;
  }
  return share;
}

/** E[g(R)], g(r) the corridor adjustment ÷ P: the loss bands' share of R⁺ less the gain bands' of (−R)⁺. */
function expectedCorridorShare(
  loss: readonly CorridorBand[],
  gain: readonly CorridorBand[],
  ratio: NormalCorridorRatio,
): number {
  return expectedBandShare(loss, ratio) - expectedBandShare(gain, mirrored(ratio));
}

/** A stretch of r on which h(r) = r − g(r), the result's loss beyond the corridors, rises at one slope. */
interface Stretch {
  readonly from: number;
  readonly to: number;
  /** 1 − the band's payor share: 0 where the payor takes the whole of it. */
  readonly slope: number;
}

/** One side's stretches in |r| from 0: each band's, then slope 1 beyond a last band with an end. */
function sideStretches(bands: readonly CorridorBand[]): Stretch[] {
  const stretches: Stretch[] = [];
  let lower = 0;
  for (const band of bands) {
    const upper = band.upTo ?? Infinity;
    stretches.push({ from: lower, to: upper, slope: 1 - band.payorShare });
    lower = upper;
    if (upper === Infinity) return stretches;
  }
  stretches.push({ from: lower, to: Infinity, slope: 1 });
  return stretches;
}

/** The whole line of r, ascending: the gain bands mirrored below 0, the loss bands above. */
function stretchesOf(loss: readonly CorridorBand[], gain: readonly CorridorBand[]): Stretch[] {
  const below = sideStretches(gain).map((s) => ({ from: -s.to, to: -s.from, slope: s.slope }));
  return [...below.reverse(), ...sideStretches(loss)];
}

/**
 * E[(h(R) − K)⁺] for h(r) = r − g(r), continuous, piecewise linear and nondecreasing: with r* where
 * h passes K, ∫ over r > r* of h′(r)·P(R > r) dr = Σ slope × [E(R − max(a, r*))⁺ − E(R − max(b, r*))⁺]
 * over the stretches [a, b). When h stays above K (a flat tail below), it is E[h(R)] − K; when h
 * never passes K (a flat tail above), 0.
 */
function expectedExcessOverCap(
  loss: readonly CorridorBand[],
  gain: readonly CorridorBand[],
  ratio: NormalCorridorRatio,
  cap: number,
): number {
  const stretches = stretchesOf(loss, gain);
  // h at each stretch's start and end, from h(0) = 0 outward.
  const zero = stretches.findIndex((s) => s.from === 0);
  const start = new Array<number>(stretches.length);
  start[zero] = 0;
  for (let i = zero; i + 1 < stretches.length; i++)
    start[i + 1] = start[i] + stretches[i].slope * (stretches[i].to - stretches[i].from);
  for (let i = zero - 1; i > 0; i--)
    start[i] = start[i + 1] - stretches[i].slope * (stretches[i].to - stretches[i].from);
  // The stretch from −∞: h falls without end unless it is flat.
  if (zero > 0) start[0] = stretches[0].slope > 0 ? -Infinity : start[1];
  const end = (i: number) =>
    i + 1 < stretches.length ? start[i + 1] : stretches[i].slope > 0 ? Infinity : start[i];
  const crossing = stretches.findIndex((_, i) => end(i) > cap);
  if (crossing < 0) return 0;
  const s = stretches[crossing];
  if (start[crossing] > cap) return ratio.mean - expectedCorridorShare(loss, gain, ratio) - cap;
  const rStar =
    s.to < Infinity ? s.to - (end(crossing) - cap) / s.slope : s.from + (cap - start[crossing]) / s.slope;
  return stretches.reduce(
    (sum, t) =>
      sum +
      t.slope *
        (normalExcessMean(ratio, Math.max(t.from, rStar)) - normalExcessMean(ratio, Math.max(t.to, rStar))),
    0,
  );
}

/** The payments and r checked: P̄ ≥ 0, a mean and a standard deviation ≥ 0. */
function checked(payments: number, ratio: NormalCorridorRatio): NormalCorridorRatio {
  requireNonNegative("expected payments", payments);
  return {
    mean: requireNumber("the mean of r", ratio.mean),
    sd: requireNonNegative("the standard deviation of r", ratio.sd),
  };
}

/**
 * The expected corridor adjustment, P̄ × E[g(R)] (positive: paid to the provider), each band's
 * share × E[part of |R| inside it] under the Normal approximation.
 * A loss band with share 1 from 0 on both sides moves all of r: P̄ × E[R].
 * @example expectedCorridorAdjustment({ corridors: [{ payorShare: 1 }] }, 1000, { mean: 0.02, sd: 0.05 }) // 20
 */
export function expectedCorridorAdjustment(
  terms: ContractTerms,
  payments: number,
  ratio: NormalCorridorRatio,
): number {
  const r = checked(payments, ratio);
  const { loss, gain } = bandsOf(terms);
  return payments * expectedCorridorShare(loss, gain, r);
}

/**
 * The expected stop-loss adjustment (paid to the provider, ≥ 0): with M ÷ P = 1 − target − h(r),
 * h(r) = r − g(r), the payor pays P̄ × E[(h(R) − K)⁺], K = stopLoss + 1 − target; 0 without a stop-loss.
 * No corridors, a 20% stop-loss at target 1 and r centred on it: 1000 × 0.05 × φ(0).
 * @example expectedStopLossAdjustment({ stopLoss: 0.2 }, 1000, { mean: 0.2, sd: 0.05 }) // 19.947114020071634
 */
export function expectedStopLossAdjustment(
  terms: ContractTerms,
  payments: number,
  ratio: NormalCorridorRatio,
): number {
  const r = checked(payments, ratio);
  if (terms.stopLoss === undefined) return 0;
  const { loss, gain } = bandsOf(terms);
  const cap = terms.stopLoss + 1 - (terms.corridorTarget ?? 1);
  return payments * expectedExcessOverCap(loss, gain, r, cap);
}

/**
 * The expected stop-gain adjustment (recovered from the provider, ≤ 0): −P̄ × E[(K′ − h(R))⁺],
 * K′ = 1 − target − stopGain, computed as a stop-loss on −r with the loss and gain bands swapped
 * (−h(−x) is that h); 0 without a stop-gain.
 * @example expectedStopGainAdjustment({ stopGain: 0.2 }, 1000, { mean: -0.2, sd: 0.05 }) // -19.947114020071634
 */
export function expectedStopGainAdjustment(
  terms: ContractTerms,
  payments: number,
  ratio: NormalCorridorRatio,
): number {
  const r = checked(payments, ratio);
  if (terms.stopGain === undefined) return 0;
  const { loss, gain } = bandsOf(terms);
  const cap = (terms.corridorTarget ?? 1) + terms.stopGain - 1;
  return 0 - payments * expectedExcessOverCap(gain, loss, mirrored(r), cap);
}
