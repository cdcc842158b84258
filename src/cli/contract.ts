import {
  type RateModel,
  type RateModelResult,
  computeRateModel,
  isCaseRateInputError,
  parseRateModel,
} from "../core";
import { rateModelWarnings } from "../core/caseMixWarning";
import {
  type ContractPricing,
  type ContractTerms,
  type Settlement,
  type YearActuals,
  MARGIN_QUANTILES,
  PAYOR_COST_QUANTILES,
  contractPricingInputOfModel,
  EpisodeYear,
  feeForServiceOfModel,
  measureIds,
  parseActuals,
  priceContract,
  settleYear,
  settlementLevelsOf,
} from "../core/contract";
import { MODEL_KEYS, type Section } from "../core/modelSchema";
import { ACTUALS_KEYS } from "../core/contract/parseActuals";
import { EpisodeFile } from "../core/history/episodeFile";
import { type ArgSpec, parseArgs } from "./args";
import { describeModelKeys } from "./compute";
import { readEpisodeFile } from "./historyEpisodes";
import { UsageError } from "./io";
import { inModelTerms } from "./modelPaths";
import type { FileKind } from "./readFile";
import { readJsonFile } from "./readJson";

/** The year's actuals: JSON like a model, and as large as one. */
const ACTUALS_FILE: FileKind = { noun: "an actuals file", maxMegabytes: 16 };

export const CONTRACT_ARGS: ArgSpec = { flags: [], valued: ["--actuals", "--episodes"] };

const CONTRACT_MODEL_KEYS: Section = MODEL_KEYS.filter((spec) => spec.key === "contract");

export const CONTRACT_HELP = `Usage: case-rate contract MODEL.json [--actuals ACTUALS.json] [--episodes EPISODES.csv]

Reads a rate-setting model with a contract section (the keys of 'case-rate compute --help' and
of 'case-rate risk --help') and prints, as JSON, what the contract's terms are worth before
signing: each year of the risk command's seeded simulation settled with and without the terms.
With --actuals it also settles the year that happened; with --episodes it settles the year's
episodes, the history command's episode summaries ('case-rate history --sql' makes them).

The model's contract keys (shares are fractions: 0.03 = 3%; any other key is refused):
${describeModelKeys(CONTRACT_MODEL_KEYS)}
ACTUALS.json:
${describeModelKeys(ACTUALS_KEYS)}
EPISODES.csv: the columns client_id, level, episode_start, services, hours and amount (may be
blank throughout). An episode's cost is its hours x provider.directCostPerHour when the model
gives one, else its amount; what fee-for-service paid for it is its amount (else its cost). With
--episodes, --actuals gives only the measures' values ("cases": []).

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
  with --actuals or --episodes: settlement (caseRatePayments, outlierPayments,
  corridorAdjustment (positive: paid to the provider), stopLossAdjustment, withheld,
  withholdEarned, qualityBonus, feeForServicePayments, sharedSavings, netToProvider, costOfCare,
  providerMargin, lines[]).

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

/** The measures a year needs besides its cases: refuses terms that need them when none are given. */
function requireMeasures(terms: ContractTerms, actuals: YearActuals | undefined): YearActuals["measures"] {
  const ids = measureIds(terms);
  if (actuals === undefined && ids.length > 0) {
    throw new UsageError(
      `the contract's measures (${ids.join(", ")}) need the year's values: give --actuals ACTUALS.json with "cases": [] and "measures" beside --episodes.`,
    );
  }
  return actuals?.measures ?? {};
}

/** The year settled on the episode file's episodes, the measures from the actuals file when given. */
async function settleEpisodes(
  episodesPath: string,
  actualsPath: string | undefined,
  actuals: YearActuals | undefined,
  model: RateModel,
  result: RateModelResult,
): Promise<Settlement> {
  if (actualsPath !== undefined && actuals !== undefined && actuals.cases.length > 0) {
    throw new UsageError(
      `${actualsPath}: gives cases, and so does --episodes; give the year's cases once (with --episodes, "cases": []).`,
    );
  }
  const terms = model.contract ?? {};
  const measures = requireMeasures(terms, actuals);
  const year = new EpisodeYear(terms, settlementLevelsOf(result), result.provider?.directCostPerHour);
  try {
    await readEpisodeFile(episodesPath, new EpisodeFile({}, (episode, line) => year.add(episode, line)));
  } catch (error) {
    if (isCaseRateInputError(error)) throw new UsageError(`${episodesPath}: ${error.message}`);
    throw error;
  }
  return inFile(actualsPath ?? episodesPath, () => year.settle(measures));
}

/**
 * `case-rate contract MODEL.json [--actuals ACTUALS.json] [--episodes EPISODES.csv]`: the contract
 * priced, and the year settled.
 */
export async function contract(args: readonly string[]): Promise<{
  modelPath: string;
  report: ContractReport;
  warnings: readonly string[];
}> {
  const { values, positionals } = parseArgs("contract", args, CONTRACT_ARGS);
  if (positionals.length !== 1) {
    throw new UsageError("contract takes one MODEL.json file; see 'case-rate contract --help'.");
  }
  const modelPath = positionals[0];
  const { model, result, pricing } = inFile(modelPath, () => priced(modelPath));
  const terms = model.contract ?? {};
  const actualsPath = values.get("--actuals");
  const episodesPath = values.get("--episodes");
  const actuals =
    actualsPath === undefined
      ? undefined
      : inFile(actualsPath, () => parseActuals(readJsonFile(actualsPath, ACTUALS_FILE)));
  let settlement: Settlement | undefined;
  if (episodesPath !== undefined) {
    settlement = await settleEpisodes(episodesPath, actualsPath, actuals, model, result);
  } else if (actualsPath !== undefined && actuals !== undefined) {
    settlement = inFile(actualsPath, () => settleYear(terms, settlementLevelsOf(result), actuals));
  }
  return {
    modelPath,
    report: reportOf(pricing, feeForServiceOfModel(terms, result), settlement),
    warnings: rateModelWarnings(model),
  };
}
