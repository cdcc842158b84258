import { CaseRateInputError } from "./errors";
import { field } from "./fields";
import { excelRound } from "./round";
import { requireFiniteResult, requireNonNegative, requirePositive } from "./validate";

/** A figure as printed (rounded to `decimals`) that equals rate per hour × `multiplier` before rounding. */
export interface PrintedFigure {
  readonly printed: number;
  /** What the rate per hour is multiplied by: hours for a case rate, cases × hours for a budget. */
  readonly multiplier: number;
  /** Decimals the figure is printed to: 0 for whole dollars, 2 for cents. */
  readonly decimals: number;
  /** What the figure is, for explanations ("case rate of level C"). */
  readonly label?: string;
}

/** A half-open interval [low, high) of rates per hour. */
export interface RateInterval {
  readonly low: number;
  readonly high: number;
}

/**
 * The rates per hour that reproduce one printed figure at its rounding: printed p at multiplier m
 * with half-unit h = ½·10^−decimals constrains the rate to [(p − h)/m, (p + h)/m).
 * @example rateIntervalFor({ printed: 1586, multiplier: 10, decimals: 0 }) // { low: 158.55, high: 158.65 }
 */
export function rateIntervalFor(figure: PrintedFigure): RateInterval {
  const printedField = field("printed", `printed ${figure.label ?? "figure"}`);
  const multiplierField = field("multiplier", `multiplier of ${figure.label ?? "figure"}`);
  const printed = requireNonNegative(printedField, figure.printed);
  const multiplier = requirePositive(multiplierField, figure.multiplier);
  const halfUnit = 0.5 * 10 ** -figure.decimals;
  const bound = (value: number) =>
    requireFiniteResult("the rate per hour", value, [printedField, multiplierField, "decimals"]);
  return { low: bound((printed - halfUnit) / multiplier), high: bound((printed + halfUnit) / multiplier) };
}

/**
 * The rates per hour that reproduce every printed figure at its rounding, or null when none does.
 * @example consistentRateInterval([{ printed: 1586, multiplier: 10, decimals: 0 }, { printed: 4759, multiplier: 30, decimals: 0 }]) // { low: 158.61666666666667, high: 158.65 }
 */
export function consistentRateInterval(figures: readonly PrintedFigure[]): RateInterval | null {
  if (figures.length === 0) {
    const figuresField = field("printedFigures");
    throw new CaseRateInputError(
      figuresField,
      "empty",
      (name) => `${name(figuresField)} is empty; give at least one figure.`,
    );
  }
  const intervals = figures.map(rateIntervalFor);
  const low = Math.max(...intervals.map((interval) => interval.low));
  const high = Math.min(...intervals.map((interval) => interval.high));
  return low < high ? { low, high } : null;
}

/**
 * True when rate × multiplier, rounded as Excel's ROUND does, gives the printed figure.
 * @example reproducesPrinted(158.61739, { printed: 4759, multiplier: 30, decimals: 0 }) // true
 */
export function reproducesPrinted(ratePerHour: number, figure: PrintedFigure): boolean {
  return excelRound(ratePerHour * figure.multiplier, figure.decimals) === figure.printed;
}

/**
 * The number with the fewest decimals inside [low, high): the plainest rate a model can type in
 * that still reproduces every printed figure (158.61739 for the toolkit's example).
 * @example simplestDecimalIn({ low: 158.6166, high: 158.65 }) // 158.62
 */
export function simplestDecimalIn(interval: RateInterval): number {
  for (let decimals = 0; decimals <= 15; decimals++) {
    const scale = 10 ** decimals;
    const candidate = Math.ceil(interval.low * scale) / scale;
    if (candidate >= interval.low && candidate < interval.high) return candidate;
  }
  return requireFiniteResult("the rate per hour", interval.low, ["the interval's low end"]);
}
