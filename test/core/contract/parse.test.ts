/** The model's contract section: read against the schema, checked with typed errors naming the key. */
import { CaseRateInputError, parseRateModel } from "../../../src/core";

const BASE = {
  enrollees: 30000,
  penetrationRate: 0.1,
  ratePerHour: 158.62,
  levels: [
    { id: "A", caseMix: 0.5, averageHours: 10 },
    { id: "B", caseMix: 0.5, averageHours: 30 },
  ],
};

const withContract = (contract: unknown) => () => parseRateModel({ ...BASE, contract });

/** The typed error a model with `contract` raises. */
function refused(contract: unknown): CaseRateInputError {
  try {
    withContract(contract)();
  } catch (error) {
    if (error instanceof CaseRateInputError) return error;
    throw error;
  }
  throw new Error("expected a CaseRateInputError");
}

const GATE = { id: "followUp", weight: 1, target: 0.7, direction: "atLeast" };

test("every term of the example parses, with the scoring's ladder in the measure's direction", () => {
  const model = parseRateModel({
    ...BASE,
    contract: {
      about: "illustrative",
      outlier: { thresholdCost: { A: 3000, B: 9000 }, payorShare: 0.8 },
      corridors: [{ upTo: 0.03, payorShare: 0 }, { payorShare: 0.5 }],
      gainCorridors: [{ payorShare: 0.25 }],
      corridorTarget: 0.9,
      stopLoss: 0.2,
      stopGain: 0.2,
      withhold: {
        percent: 0.02,
        measures: [
          {
            ...GATE,
            weight: 0.5,
            scoring: {
              ladder: [
                { atLeast: 0.6, earn: 0.5 },
                { atLeast: 0.7, earn: 1 },
              ],
            },
          },
          { id: "noShows", weight: 0.5, target: 0.1, direction: "atMost", scoring: "gate" },
        ],
      },
      qualityBonus: { pool: 50000, measures: [GATE] },
      feeForService: {
        services: [{ code: "90804", billedPerHour: 151.25, hoursShare: 1 }],
        billableShare: 0.8,
      },
      expectedMeasures: { followUp: 0.65 },
    },
  });
  expect(model.contract?.withhold?.measures[0].scoring).toEqual({
    ladder: [
      { threshold: 0.6, earn: 0.5 },
      { threshold: 0.7, earn: 1 },
    ],
  });
  expect(model.contract?.withhold?.measures[1].scoring).toBe("gate");
  expect(model.contract?.outlier?.thresholdCost).toEqual({ A: 3000, B: 9000 });
  expect(model.contract?.qualityBonus?.measures[0].scoring).toBe("gate");
});

test.each([
  [
    { outlier: { payorShare: 0.8 } },
    "contract.outlier needs exactly one of thresholdMultiple and thresholdCost.",
  ],
  [
    { outlier: { thresholdMultiple: 2, thresholdCost: 100, payorShare: 0.8 } },
    "contract.outlier needs exactly one of thresholdMultiple and thresholdCost, not both.",
  ],
  [
    { outlier: { thresholdCost: { A: 3000 }, payorShare: 0.8 } },
    "contract.outlier.thresholdCost.B is missing; give a threshold for every level.",
  ],
  [
    { outlier: { thresholdMultiple: 2, payorShare: 80 } },
    "contract.outlier.payorShare is 8000%; a share cannot exceed 100%.",
  ],
  [{ corridors: [{ upTo: 0.03, payorShare: 0 }] }, "contract.corridors[0].upTo is given on the last band"],
  [{ corridors: [{ payorShare: 0 }, { payorShare: 0.5 }] }, "contract.corridors[0].upTo is missing"],
  [
    { corridors: [{ upTo: 0.05, payorShare: 0 }, { upTo: 0.03, payorShare: 0.5 }, { payorShare: 1 }] },
    "contract.corridors[1].upTo is 0.03; each band's upTo must be above the one before",
  ],
  [{ corridorTarget: 0 }, "contract.corridorTarget is 0"],
  [{ costPerHour: -103.45 }, "contract.costPerHour is -103.45"],
  [
    { withhold: { percent: 0.02, measures: [{ ...GATE, weight: 0.9 }] } },
    "contract.withhold.measures weights sums to 90%, not 100%.",
  ],
  [{ withhold: { percent: 0.02, measures: [GATE, GATE] } }, "names measure followUp twice"],
  [
    { withhold: { percent: 0.02, measures: [{ ...GATE, direction: "up" }] } },
    'contract.withhold.measures[0].direction must be "atLeast" or "atMost", not "up".',
  ],
  [
    { withhold: { percent: 0.02, measures: [{ ...GATE, scoring: { ladder: [{ atMost: 0.5, earn: 1 }] } }] } },
    "contract.withhold.measures[0].scoring.ladder[0] gives atMost, but the measure is atLeast",
  ],
  [
    { withhold: { percent: 0.02, measures: [{ ...GATE, scoring: "stairs" }] } },
    'must be "gate" or {"ladder": [...]}, not "stairs".',
  ],
  [
    { qualityBonus: { measures: [GATE] } },
    "contract.qualityBonus needs exactly one of pool and poolPercent.",
  ],
  [
    { sharedSavings: { sharingRate: 0.5, lossCap: 0.05 } },
    "contract.sharedSavings.lossCap is given without lossSharingRate",
  ],
  [
    { arrangement: "sharedSavings", sharedSavings: { sharingRate: 0.5 }, stopLoss: 0.2 },
    'contract.stopLoss is a case-rate term, but the arrangement is sharedSavings (fee-for-service against a benchmark); remove it or set arrangement to "caseRate".',
  ],
  [
    { arrangement: "sharedSavings" },
    "contract.sharedSavings is missing; the sharedSavings arrangement needs its terms.",
  ],
  [
    { arrangement: "capitation" },
    'contract.arrangement must be "caseRate" or "sharedSavings", not "capitation".',
  ],
  [{ feeForService: {} }, "contract.feeForService needs exactly one of ratePerHour and services."],
  [
    { feeForService: { services: [{ code: "90804", billedPerHour: 151.25, hoursShare: 0.6 }] } },
    "contract.feeForService.services hoursShare sums to 60%, not 100%.",
  ],
  [{ feeForService: { ratePerHour: 150, billableShare: 0 } }, "contract.feeForService.billableShare is 0"],
  [{ expectedMeasures: { followUp: 0.7 } }, "contract.expectedMeasures.followUp names no measure"],
  [{ stopLos: 0.2 }, "unknown key 'stopLos' in contract; did you mean 'stopLoss'?"],
  [
    { outlier: { thresholdMultiple: "2", payorShare: 0.8 } },
    "contract.outlier.thresholdMultiple must be a number",
  ],
])("refused: %j", (contract, message) => {
  const error = refused(contract);
  expect(error.message).toContain(message);
});

test("the errors of the terms name their input by a field id", () => {
  expect(refused({ stopLoss: -1 }).fieldRef).toEqual({ id: "stopLoss", label: "contract.stopLoss" });
  expect(refused({ outlier: { payorShare: 0.5 } }).fieldRef?.id).toBe("outlier");
  const beside = refused({
    arrangement: "sharedSavings",
    sharedSavings: { sharingRate: 0.5 },
    withhold: { percent: 0.02, measures: [GATE] },
  });
  expect(beside.fieldRef).toEqual({ id: "contract", label: "contract.withhold" });
  expect(beside.problem).toBe("wrong-type");
});
