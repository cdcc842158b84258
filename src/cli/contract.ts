import { computeRateModel, isCaseRateInputError, parseRateModel } from "../core";
import { rateModelWarnings } from "../core/caseMixWarning";
import {
  type ContractPricing,
  type Settlement,
  MARGIN_QUANTILES,
  PAYOR_COST_QUANTILES,
  contractPricingInputOfModel,
  feeForServiceOfModel,
  parseActuals,
  priceContract,
  settleYear,
  settlementLevelsOf,
} from "../core/contract";
import { MODEL_KEYS, type Section } from "../core/modelSchema";
import { ACTUALS_KEYS } from "../core/contract/parseActuals";
import { type ArgSpec, parseArgs } from "./args";
import { describeModelKeys } from "./compute";
import { UsageError } from "./io";
import { inModelTerms } from "./modelPaths";
import type { FileKind } from "./readFile";
import { readJsonFile } from "./readJson";

/** The year's actuals: JSON like a model, and as large as one. */
const ACTUALS_FILE: FileKind = { noun: "an actuals file", maxMegabytes: 16 };

export const CONTRACT_ARGS: ArgSpec = { flags: [], valued: ["--actuals"] };

const CONTRACT_MODEL_KEYS: Section = MODEL_KEYS.filter((spec) => spec.key === "contract");

export const CONTRACT_HELP = `Usage: case-rate contract MODEL.json [--actuals ACTUALS.json]

Reads a rate-setting model with a contract section (the keys of 'case-rate compute --help' and
of 'case-rate risk --help') and prints, as JSON, what the contract's terms are worth before
signing: each year of the risk command's seeded simulation settled with and without the terms.
With --actuals it also settles the year that happened.

The model's contract keys (shares are fractions: 0.03 = 3%; any other key is refused):
${describeModelKeys(CONTRACT_MODEL_KEYS)}
ACTUALS.json:
${describeModelKeys(ACTUALS_KEYS)}
A simulated case costs its hours x provider.directCostPerHour when the model gives one (the
provider's consumers at fixed counts by its mix), else x its level's rate per hour; the measures
take contract.expectedMeasures (default each at its target).

Settlement order: outlier payments -> P = case-rate payments + outlier payments -> corridors on
r = (cost of care - corridorTarget x P) / P -> stop-loss/stop-gain on M = P + corridor - cost,
based on P -> withhold and what is earned back -> quality bonus -> shared savings.

Output (dollars, unrounded):
  withoutTerms, withTerms: expectedProviderMargin, probabilityOfLoss, marginQuantiles
  (keyed "${MARGIN_QUANTILES.join('", "')}"), expectedPayorCost,
  payorCostQuantiles ("${PAYOR_COST_QUANTILES.join('", "')}");
  withTerms.terms: each term's expected value (outlierPayments, corridorAdjustment,
  stopLossAdjustment, withheld, withholdEarned, qualityBonus, sharedSavings);
  exact.outlierPayments (closed form); simulation (years, seed, standardErrors);
  with feeForService: feeForService.levels[] (id, caseRate, feeForServicePerCase, breakEvenHours);
  with --actuals: settlement (caseRatePayments, outlierPayments, corridorAdjustment (positive:
  paid to the provider), stopLossAdjustment, withheld, withholdEarned, qualityBonus,
  feeForServicePayments, sharedSavings, netToProvider, costOfCare, providerMargin, lines[]).

Exit codes: 0 done; 2 a file or a field is unusable (one line on stderr says which).
Example: case-rate contract examples/contract.json --actuals examples/actuals.json
`;

/** What `contract` prints. */
export type ContractReport = ReturnType<typeof reportOf>;

function reportOf(
  pricing: ContractPricing,
  fees: ReturnType<typeof feeForServiceOfModel>,
  settlement?: Settlement,
) {
  return {
    withoutTerms: pricing.withoutTerms,
    withTerms: pricing.withTerms,
    exact: pricing.exact,
    simulation: pricing.simulation,
    ...(fees === undefined ? {} : { feeForService: fees }),
    ...(settlement === undefined ? {} : { settlement: statementOf(settlement) }),
  };
}

/** The statement's fixed keys, in the order a settlement statement reads. */
function statementOf(s: Settlement) {
  return {
    caseRatePayments: s.caseRatePayments,
    outlierPayments: s.outlierPayments,
    corridorAdjustment: s.corridorAdjustment,
    stopLossAdjustment: s.stopLossAdjustment,
    withheld: s.withheld,
    withholdEarned: s.withholdEarned,
    qualityBonus: s.qualityBonus,
    feeForServicePayments: s.feeForServicePayments,
    sharedSavings: s.sharedSavings,
    netToProvider: s.netToProvider,
    costOfCare: s.costOfCare,
    providerMargin: s.providerMargin,
    lines: s.lines,
  };
}

/** Runs `work`, naming `path` before any input error it raises (one line, as compute's). */
function inFile<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isCaseRateInputError(error)) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/** The model read and computed (its arithmetic's errors named by its keys, as compute's) and its contract priced. */
function priced(modelPath: string) {
  const model = parseRateModel(readJsonFile(modelPath));
  let result;
  try {
    result = computeRateModel(model);
  } catch (error) {
    throw inModelTerms(error, model);
  }
  return { model, result, pricing: priceContract(contractPricingInputOfModel(model, result)) };
}

/** `case-rate contract MODEL.json [--actuals ACTUALS.json]`: the contract priced, and the year settled. */
export function contract(args: readonly string[]): {
  modelPath: string;
  report: ContractReport;
  warnings: readonly string[];
} {
  const { values, positionals } = parseArgs("contract", args, CONTRACT_ARGS);
  if (positionals.length !== 1) {
    throw new UsageError("contract takes one MODEL.json file; see 'case-rate contract --help'.");
  }
  const modelPath = positionals[0];
  const { model, result, pricing } = inFile(modelPath, () => priced(modelPath));
  const terms = model.contract ?? {};
  const actualsPath = values.get("--actuals");
  const settlement =
    actualsPath === undefined
      ? undefined
      : inFile(actualsPath, () =>
          settleYear(
            terms,
            settlementLevelsOf(result),
            parseActuals(readJsonFile(actualsPath, ACTUALS_FILE)),
          ),
        );
  return {
    modelPath,
    report: reportOf(pricing, feeForServiceOfModel(terms, result), settlement),
    warnings: rateModelWarnings(model),
  };
}
