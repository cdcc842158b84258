import { MAX_GRID_POINTS, caseCostLaw, caseCostOnGrid, requireGridPoints } from "./caseCost";
import { convolutionPower, convolveAll } from "./convolutionPowers";
import { fromZero, spanOf, weightedSum } from "./gridVector";
import { type RiskInput, type ValidRiskInput, validateRiskInput } from "./inputs";
import { levelYearMoments, sumMoments } from "./moments";
import { compoundPoisson } from "./panjer";

/** The exact distribution of the year's cost on the dollar grid 0, h, 2h, …. */
export interface YearCostDistribution {
  /** h, the grid step in dollars: gridHours × the model's rate per hour. */
  readonly gridDollars: number;
  /** P(S = kh), k = 0, 1, …; they sum to 1 within 1e-10 and none is negative. */
  readonly probabilities: Float64Array;
  /** One case's cost on the grid, per level. */
  readonly caseCosts: readonly Float64Array[];
  /** Per scenario, how many times Panjer's λ was halved (0 with fixed counts). */
  readonly halvings: readonly number[];
}

/** Standard deviations beyond the mean the grid is sized for, before it is refused as too long. */
const GRID_SPAN_SDS = 20;

/**
 * The exact distribution of the year's cost S: with Poisson counts one compound Poisson per
 * scenario (λ = Σ levels' λ, the severity their λ-weighted mixture), with fixed counts the
 * convolution of each level's convolution power; scenarios mixed by their weights.
 * @example aggregateCostDistribution(input).probabilities // P(S = 0), P(S = h), …
 */
export function aggregateCostDistribution(input: RiskInput): YearCostDistribution {
  return exactDistribution(validateRiskInput(input));
}

/** aggregateCostDistribution for input already validated. */
export function exactDistribution(input: ValidRiskInput): YearCostDistribution {
  const h = input.gridDollars;
  const laws = input.levels.map(caseCostLaw);
  // The year's span from its moments, checked before any grid is built, so a grid too fine is
  // refused at once.
  const spans = input.scenarios.map(({ expectedCases }) => {
    const year = sumMoments(
      laws.map((law, i) => levelYearMoments(law.rawMoments, expectedCases[i], input.frequency)),
    );
    return (year.mean + GRID_SPAN_SDS * Math.sqrt(year.variance)) / h;
  });
  requireGridPoints(Math.max(...spans), "the year's cost", input.gridHours);
  const caseCosts = laws.map((law, i) =>
    caseCostOnGrid(law, h, input.gridHours, `one case's cost at level ${input.levels[i].id}`),
  );
  const widest = Math.max(...caseCosts.map((f) => f.length));
  requireGridPoints(Math.max(...spans) + widest, "the year's cost", input.gridHours);
  const halvings: number[] = [];
  const perScenario = input.scenarios.map(({ expectedCases }) => {
    if (input.frequency === "fixed") {
      halvings.push(0);
      return fromZero(convolveAll(caseCosts.map((f, i) => convolutionPower(spanOf(f), expectedCases[i]))));
    }
    const lambda = expectedCases.reduce((sum, cases) => sum + cases, 0);
    if (lambda === 0) {
      halvings.push(0);
      return new Float64Array([1]);
    }
    const severity = weightedSum(
      expectedCases.map((cases) => cases / lambda),
      caseCosts,
    );
    const compound = compoundPoisson(lambda, severity, MAX_GRID_POINTS);
    halvings.push(compound.halvings);
    return fromZero(compound.span);
  });
  const probabilities =
    perScenario.length === 1
      ? perScenario[0]
      : weightedSum(
          input.scenarios.map((scenario) => scenario.weight),
          perScenario,
        );
  return { gridDollars: h, probabilities, caseCosts, halvings };
}
