import { CASE_MIX_TOLERANCE, computeRateModel, parseRateModel, type RateModelResult } from "../core";
import { rateModelWarnings } from "../core/caseMixWarning";
import { describeNumber } from "../core/format";
import { MODEL_KEYS, type KeySpec, type Section } from "../core/modelSchema";
import { inModelTerms } from "./modelPaths";
import { MODEL_FILE } from "./readFile";
import { MAX_JSON_NESTING, readJsonFile } from "./readJson";

/** Width of the type column in the model's key list. */
const TYPE_WIDTH = 9;

/** Each key of a section and of its nested sections, with its depth, in --help order. */
function flatten(keys: Section, depth = 0): { spec: KeySpec; depth: number }[] {
  return keys.flatMap((spec) => [{ spec, depth }, ...(spec.keys ? flatten(spec.keys, depth + 1) : [])]);
}

/** The model's keys as --help lists them, read from the one declaration the parser reads. */
export function describeModelKeys(keys: Section = MODEL_KEYS): string {
  const rows = flatten(keys);
  const typeColumn = Math.max(...rows.map(({ spec, depth }) => 2 * depth + spec.key.length)) + 2;
  return rows
    .map(({ spec, depth }) => {
      const key = `${" ".repeat(2 * depth)}${spec.key}`.padEnd(typeColumn);
      return `  ${key}${spec.type.padEnd(TYPE_WIDTH)}${spec.required ? "" : "optional: "}${spec.doc}\n`;
    })
    .join("");
}

export const COMPUTE_HELP = `Usage: case-rate compute MODEL.json

Reads a rate-setting model and prints its results as JSON (all figures unrounded).

MODEL.json (any other key is refused):
${describeModelKeys()}
Output: totalCases, levels[] (id, name, caseMix, cases, averageHours, ratePerHour, caseRate,
totalCost), totalBudget, pmpm (budget per enrollee per month over 12 months), and with a provider
section provider.fteNeed, provider.caseload (consumers per FTE at the mix), provider.revenue, and
the provider's directCostPerHour, fixedCosts and otherRevenue as given. The risk keys
(hoursDistribution, penetrationScenarios, risk) are read by 'case-rate risk', the contract key by
'case-rate contract'; history is a record of what 'case-rate history' found, not computed.

MODEL.json is JSON saved as UTF-8, at most ${MODEL_FILE.maxMegabytes} MB and nested at most ${MAX_JSON_NESTING} deep.
A case mix within ${describeNumber(CASE_MIX_TOLERANCE * 100)} percentage point of 100% but not exactly 100% is used as
typed (never rescaled), with a warning on stderr; the exit code is still 0.

Exit codes: 0 done; 2 the file or a field is unusable (one line on stderr says which).
Example: case-rate compute examples/toolkit.json
`;

/** What `compute` gives: the model's results and the warnings it deserves (each one line). */
export interface ComputeOutput {
  readonly result: RateModelResult;
  readonly warnings: readonly string[];
}

/** `case-rate compute MODEL.json`: the model's results, and its warnings for stderr. */
export function compute(modelPath: string): ComputeOutput {
  const model = parseRateModel(readJsonFile(modelPath));
  try {
    return { result: computeRateModel(model), warnings: rateModelWarnings(model) };
  } catch (error) {
    // The parser names the file's keys already; the arithmetic names its inputs by id.
    throw inModelTerms(error, model);
  }
}
