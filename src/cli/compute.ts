import { computeRateModel, parseRateModel, type RateModelResult } from "../core";
import { MODEL_FILE } from "./readFile";
import { MAX_JSON_NESTING, readJsonFile } from "./readJson";

export const COMPUTE_HELP = `Usage: case-rate compute MODEL.json

Reads a rate-setting model and prints its results as JSON (all figures unrounded).

MODEL.json:
  enrollees        number   members covered, e.g. 30000
  penetrationRate  number   share of enrollees expected to need care, 0-1 (0.10 = 10%)
  ratePerHour      number   dollars per service hour, e.g. 158.62
  levels           list     one per level of care:
    id             text     short unique id, e.g. "A"
    name           text     optional description
    caseMix        number   share of cases at this level, 0-1; the shares sum to 1
    averageHours   number   average service hours per episode
    ratePerHour    number   optional: this level's own dollars per hour
  provider         object   optional: a provider serving consumers at these case rates
    consumers          number   consumers served a year, e.g. 1000
    directHoursPerFte  number   direct-service hours one FTE delivers a year
    caseMix            object   optional: share per level id, e.g. {"A": 0.2, ...}; default the model's

Output: totalCases, levels[] (id, name, caseMix, cases, averageHours, ratePerHour, caseRate,
totalCost), totalBudget, pmpm (budget per enrollee per month over 12 months), and with a provider
section provider.fteNeed, provider.caseload (consumers per FTE at the mix), provider.revenue.

MODEL.json is JSON saved as UTF-8, at most ${MODEL_FILE.maxMegabytes} MB and nested at most ${MAX_JSON_NESTING} deep.

Exit codes: 0 done; 2 the file or a field is unusable (one line on stderr says which).
Example: case-rate compute examples/toolkit.json
`;

/** `case-rate compute MODEL.json`: the model's results as pretty JSON. */
export function compute(modelPath: string): RateModelResult {
  return computeRateModel(parseRateModel(readJsonFile(modelPath)));
}
