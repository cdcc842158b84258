import type { ContractTerms } from "../../core/contract";
import settlementExample from "./settlementExample.json";

/**
 * The illustrative contract terms of examples/contract.json (not the toolkit's, not a signed
 * contract), as the example's Contract sheet holds them; a test holds the two equal.
 */
export const ILLUSTRATIVE_TERMS: ContractTerms = {
  outlier: { thresholdMultiple: 2, payorShare: 0.8 },
  corridors: [{ upTo: 0.03, payorShare: 0 }, { upTo: 0.08, payorShare: 0.5 }, { payorShare: 0.9 }],
  corridorTarget: 0.65,
  stopLoss: 0.2,
  stopGain: 0.45,
  withhold: {
    percent: 0.02,
    measures: [
      {
        id: "withinRange",
        weight: 0.4,
        target: 0.75,
        direction: "atLeast",
        scoring: {
          ladder: [
            { threshold: 0.6, earn: 0.5 },
            { threshold: 0.75, earn: 1 },
          ],
        },
      },
      { id: "followUp7Day", weight: 0.2, target: 0.7, direction: "atLeast", scoring: "gate" },
      { id: "accessStandard", weight: 0.2, target: 0.9, direction: "atLeast", scoring: "gate" },
      { id: "encounterSubmission", weight: 0.2, target: 0.95, direction: "atLeast", scoring: "gate" },
    ],
  },
  qualityBonus: {
    poolPercent: 0.01,
    measures: [
      { id: "followUp7Day", weight: 0.5, target: 0.7, direction: "atLeast", scoring: "gate" },
      { id: "accessStandard", weight: 0.5, target: 0.9, direction: "atLeast", scoring: "gate" },
    ],
  },
  expectedMeasures: { withinRange: 0.72, followUp7Day: 0.7, accessStandard: 0.9, encounterSubmission: 0.95 },
};

/**
 * The illustrative cost of a direct hour of care the example prices the contract at: the
 * provider's ($78,000 salary with benefits and taxes over 992.64 direct hours, examples/contract.json).
 */
export const ILLUSTRATIVE_COST_PER_HOUR = 103.45;

/** The example's closed cases (every fourth of examples/actuals.json's) and its measures' values. */
export const ILLUSTRATIVE_ACTUALS: {
  readonly about: string;
  readonly cases: readonly (readonly [string, number])[];
  readonly measures: Readonly<Record<string, number>>;
} = settlementExample as never;
