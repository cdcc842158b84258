import { NUMBER_FORMATS } from "../styles";
import type { Check } from "../starter/checks";
import type { StarterContext } from "../starter/context";
import { LADDER_STEPS, ladderName } from "./contractSheet";
import { UNKNOWN_LEVEL } from "./settlementSheet";

/**
 * The Contract's and Settlement's checks: every closed case has a level of care, the weights of
 * the withhold and of the bonus sum to 100%, each ladder runs from its easiest step to its hardest.
 */
export function contractChecks(ctx: StarterContext): Check[] {
  const { n } = ctx;
  const weights = (label: string, weights: string, given: string): Check => ({
    label,
    units: "% of weight",
    value: `SUM(${weights})`,
    numberFormat: "0.00%",
    passes: (value) => `IF(${given},ABS(${value}-1)<=${n.CaseMixTolerance},TRUE)`,
  });
  const atMost = `(${n.MeasureDirections}="atMost")`;
  const steps = Array.from({ length: LADDER_STEPS - 1 }, (_, k) => {
    const lower = n[ladderName(k + 1, "Thresholds")];
    const upper = n[ladderName(k + 2, "Thresholds")];
    return `SUMPRODUCT(ISNUMBER(${upper})*(${atMost}*(${upper}>${lower})+(1-${atMost})*(${upper}<${lower})))`;
  });
  return [
    {
      label: "Every closed case on Settlement has a cost and a level of care the model has",
      units: "cases without",
      value: `COUNTIF(${n.CaseRatesOfCases},"${UNKNOWN_LEVEL}")+SUMPRODUCT((${n.CaseLevels}<>"")*(1-ISNUMBER(${n.CaseCosts})))`,
      numberFormat: NUMBER_FORMATS.count,
      passes: (value) => `IF(${n.InputsComplete},${value}=0,TRUE)`,
    },
    weights(
      "The withhold's measure weights sum to 100%",
      n.WithholdWeights,
      `ISNUMBER(${n.WithholdPercent})`,
    ),
    weights(
      "The quality bonus's measure weights sum to 100%",
      n.BonusWeights,
      `COUNT(${n.QualityBonusPool},${n.QualityBonusPoolPercent})>0`,
    ),
    {
      label: "Each measure's ladder runs from its easiest step to its hardest (Contract)",
      units: "steps",
      value: steps.join("+"),
      numberFormat: NUMBER_FORMATS.count,
      passes: (value) => `${value}=0`,
    },
  ];
}
