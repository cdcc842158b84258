/**
 * The VBP worksheet functions (the namespace comes from the manifest). Each is a thin adapter over
 * src/core: Excel's arguments in (excelArgs.ts), the core's arithmetic, the core's errors out as
 * Excel's (excelErrors.ts). The JSDoc below is the single source of functions.json, of the functions
 * reference page and of docs/functions.md (scripts/functions-reference.js). Write each example tag
 * as "<what it shows>: =VBP.NAME(constants) → result"; the tests evaluate every example, so a wrong
 * one fails them.
 */
import { caseMixBudget } from "../core/budget";
import { casesPerLevel } from "../core/caseMix";
import { caseRate } from "../core/caseRate";
import { blendedRatePerHour } from "../core/costPerHour";
import { impliedRatePerHour } from "../core/impliedRate";
import { expectedCases } from "../core/penetration";
import { pmpm } from "../core/pmpm";
import { excelRound } from "../core/round";
import { caseload, fteNeed, shareWithinRange } from "../core/staffing";
import { sum } from "../core/sums";
import { weightedAverageHours } from "../core/utilization";
import { requireDecimals } from "../core/validate";
import {
  atCell,
  gridArg,
  listArg,
  matchingArg,
  numberArg,
  optionalBooleanArg,
  optionalNumberArg,
  reshape,
} from "./excelArgs";
import { type ArgumentNames, excelCall, toExcelError } from "./excelErrors";

const CASE_MIX_BLANK = "enter 0% if the level has no cases";

/** The header row of CASEMIX_BUDGET's detail table. */
export const BUDGET_TABLE_HEADER = ["Level", "Case mix", "Cases", "Case rate", "Total cost"] as const;

/**
 * Expected cases: enrollees × penetration rate (toolkit step 2).
 * @customfunction CASES
 * @helpurl https://localhost:3000/functions-reference.html#CASES
 * @param enrollees Members covered by the plan, a count of people (the toolkit's 30,000 Medicaid enrollees).
 * @param penetration_rate Share of enrollees expected to need care in the year, as % (10% or 0.10).
 * @returns Expected cases in the year.
 * @example Step 2, medium penetration rate: =VBP.CASES(30000, 10%) → 3000
 * @example Step 2, low penetration rate: =VBP.CASES(30000, 9%) → 2700
 */
export function cases(enrollees: number, penetration_rate: number): number {
  const args = { enrollees: "enrollees", penetrationRate: "penetration_rate" } satisfies ArgumentNames;
  return excelCall(args, () =>
    expectedCases(numberArg(args.enrollees, enrollees), numberArg(args.penetrationRate, penetration_rate)),
  );
}

/**
 * Cases at each level of care: total cases × case mix (step 4). Spills in the shape of case_mix.
 * @customfunction CASEMIX_CASES
 * @helpurl https://localhost:3000/functions-reference.html#CASEMIX_CASES
 * @param total_cases Total cases in the year, a count (the toolkit's 3,000).
 * @param case_mix Share of cases at each level of care, as %; one row or column that sums to 100%.
 * @returns {number[][]} Cases at each level, in the order and orientation of case_mix.
 * @example Step 4, the toolkit's case mix: =VBP.CASEMIX_CASES(3000, {0.2;0.37;0.33;0.1}) → {600;1110;990;300}
 * @example A row of shares spills a row: =VBP.CASEMIX_CASES(1000, {0.2,0.37,0.33,0.1}) → {200,370,330,100}
 */
export function casemixCases(total_cases: number, case_mix: number[][]): number[][] {
  const args = { totalCases: "total_cases", caseMix: "case_mix" } satisfies ArgumentNames;
  return excelCall(args, () => {
    const mix = listArg(args.caseMix, case_mix, CASE_MIX_BLANK);
    return reshape(casesPerLevel(numberArg(args.totalCases, total_cases), mix.values), mix.shape);
  });
}

/**
 * Weighted average service hours per episode of utilization cohorts: Σ clients × hours ÷ Σ clients.
 * @customfunction AVERAGE_HOURS
 * @helpurl https://localhost:3000/functions-reference.html#AVERAGE_HOURS
 * @param clients Number of clients in each utilization cohort, a count; one row or column.
 * @param average_hours Average service hours per episode of each cohort, in the same order as clients.
 * @returns Average service hours per episode across the cohorts.
 * @example Level B's four utilization cohorts ("What case rates are NOT"): =VBP.AVERAGE_HOURS({239;418;251;202}, {8;20;40;65}) → 30.1
 */
export function averageHours(clients: number[][], average_hours: number[][]): number {
  const args = { clients: "clients", averageHours: "average_hours" } satisfies ArgumentNames;
  return excelCall(args, () =>
    weightedAverageHours(
      listArg(args.clients, clients, "enter 0 if the cohort has no clients").values,
      listArg(args.averageHours, average_hours).values,
    ),
  );
}

/**
 * Volume-weighted cost per hour of service (step 6): Σ hours × rate ÷ Σ hours.
 * @customfunction BLENDED_RATE
 * @helpurl https://localhost:3000/functions-reference.html#BLENDED_RATE
 * @param hours Service hours delivered for each service code or clinician type; one row or column.
 * @param rate_per_hour Cost of each service in dollars per hour, in the same order as hours.
 * @returns The average cost per hour in dollars, weighted by hours.
 * @example Two of step 6's service codes (90801 at $260.36, H0036 at $55.50) at illustrative volumes of 100 and 300 hours: =VBP.BLENDED_RATE({100;300}, {260.36;55.5}) → 106.715
 */
export function blendedRate(hours: number[][], rate_per_hour: number[][]): number {
  const args = { serviceHours: "hours", ratePerHour: "rate_per_hour" } satisfies ArgumentNames;
  return excelCall(args, () =>
    blendedRatePerHour(
      listArg(args.serviceHours, hours, "enter 0 if the service had no hours").values,
      listArg(args.ratePerHour, rate_per_hour).values,
    ),
  );
}

/**
 * Case rate: average service hours per episode × rate per hour (step 7). A range of hours spills one case rate per level.
 * @customfunction CASERATE
 * @helpurl https://localhost:3000/functions-reference.html#CASERATE
 * @param average_hours Average service hours per episode; one cell, or a row or column with one per level of care.
 * @param rate_per_hour Cost of service in dollars per hour; one rate for every level, or one per cell of average_hours.
 * @param [round_to] Optional: decimals to round to, as ROUND does (0 for whole dollars); omit for the unrounded case rate.
 * @returns {number[][]} The case rate in dollars per episode, one per cell of average_hours.
 * @example Step 7's case rates in whole dollars: =VBP.CASERATE({10;30;80;110}, 158.61739, 0) → {1586;4759;12689;17448}
 * @example Level B at the printed $158.62, unrounded: =VBP.CASERATE(30, 158.62) → 4758.6
 */
export function caseRates(
  average_hours: number[][],
  rate_per_hour: number[][],
  round_to?: number,
): number[][] {
  const args = { averageHours: "average_hours", ratePerHour: "rate_per_hour" } satisfies ArgumentNames;
  return excelCall(args, () => {
    const hours = gridArg(args.averageHours, average_hours);
    const rates = matchingArg(args.ratePerHour, rate_per_hour, args.averageHours, hours.shape);
    const digits = optionalNumberArg("round_to", round_to);
    const decimals = digits === undefined ? undefined : requireDecimals("round_to", digits);
    const out: number[] = new Array(hours.values.length);
    for (let i = 0; i < out.length; i++) {
      const scalarRate = typeof rates === "number";
      let value: number;
      try {
        value = caseRate(hours.values[i], scalarRate ? rates : rates[i]);
      } catch (error) {
        const at = atCell(hours.shape, i);
        throw toExcelError(error, {
          averageHours: `${args.averageHours}${at}`,
          ratePerHour: `${args.ratePerHour}${scalarRate ? "" : at}`,
        });
      }
      out[i] = decimals === undefined ? value : excelRound(value, decimals);
    }
    return reshape(out, hours.shape);
  });
}

/**
 * Total case rate budget: total cases spread by case mix × each level's case rate (step 7). With detail TRUE, spills the budget table.
 * @customfunction CASEMIX_BUDGET
 * @helpurl https://localhost:3000/functions-reference.html#CASEMIX_BUDGET
 * @param total_cases Total cases in the year, a count (the toolkit's 3,000).
 * @param case_mix Share of cases at each level of care, as %; one row or column that sums to 100%.
 * @param case_rates Case rate of each level in dollars per episode, in the same order as case_mix.
 * @param [detail] Optional: TRUE spills the budget table (Level, Case mix, Cases, Case rate, Total cost; a row per level, then Total); FALSE or omitted gives the total budget.
 * @returns {any[][]} The total budget in dollars, or the budget table with levels numbered Level 1, Level 2… in case_mix order.
 * @example Step 7's total budget: =VBP.CASEMIX_BUDGET(3000, {0.2;0.37;0.33;0.1}, VBP.CASERATE({10;30;80;110}, 158.61739)) → 24030535
 * @example Step 7's budget table: =VBP.CASEMIX_BUDGET(3000, {0.2;0.37;0.33;0.1}, VBP.CASERATE({10;30;80;110}, 158.61739), TRUE) → {"Level","Case mix","Cases","Case rate","Total cost";"Level 1",20%,600,1586,951704;"Level 2",37%,1110,4759,5281959;"Level 3",33%,990,12689,12562497;"Level 4",10%,300,17448,5234374;"Total",100%,3000,"",24030535}
 */
export function casemixBudget(
  total_cases: number,
  case_mix: number[][],
  case_rates: number[][],
  detail?: boolean,
): any[][] {
  const args = {
    totalCases: "total_cases",
    // A level's cases, which the core names when its budget overflows, come from total_cases.
    cases: "total_cases",
    caseMix: "case_mix",
    caseRate: "case_rates",
  } satisfies ArgumentNames;
  return excelCall(args, () => {
    const budget = caseMixBudget(
      numberArg(args.totalCases, total_cases),
      listArg(args.caseMix, case_mix, CASE_MIX_BLANK).values,
      listArg(args.caseRate, case_rates).values,
    );
    if (!optionalBooleanArg("detail", detail)) return [[budget.totalBudget]];
    return [
      [...BUDGET_TABLE_HEADER],
      ...budget.lines.map((line, i) => [
        `Level ${i + 1}`,
        line.caseMix,
        line.cases,
        line.caseRate,
        line.totalCost,
      ]),
      ["Total", sum(budget.lines.map((line) => line.caseMix)), budget.totalCases, "", budget.totalBudget],
    ];
  });
}

/**
 * Per member per month: budget ÷ (enrollees × months), to set a case rate budget beside capitation.
 * @customfunction PMPM
 * @helpurl https://localhost:3000/functions-reference.html#PMPM
 * @param budget Budget in dollars for the months covered (the toolkit's $24,030,535 for a year).
 * @param enrollees Members covered by the plan, a count of people.
 * @param [months] Optional: months the budget covers, a whole number; 12 when omitted.
 * @returns Dollars per enrollee per month.
 * @example The step 7 budget over Admirable's 30,000 enrollees for a year: =VBP.PMPM(24030535, 30000) → 66.75
 * @example The same budget if it covered six months: =VBP.PMPM(24030535, 30000, 6) → 133.50
 */
export function perMemberPerMonth(budget: number, enrollees: number, months?: number): number {
  const args = { budget: "budget", enrollees: "enrollees", months: "months" } satisfies ArgumentNames;
  return excelCall(args, () =>
    pmpm(
      numberArg(args.budget, budget),
      numberArg(args.enrollees, enrollees),
      optionalNumberArg(args.months, months),
    ),
  );
}

/**
 * The rate per hour a published budget implies: total budget ÷ Σ cases × average hours.
 * @customfunction IMPLIED_RATE
 * @helpurl https://localhost:3000/functions-reference.html#IMPLIED_RATE
 * @param total_budget Total budget in dollars.
 * @param cases Cases at each level of care, a count; one row or column.
 * @param average_hours Average service hours per episode at each level, in the same order as cases.
 * @returns Dollars per hour.
 * @example The toolkit's $24,030,535 over 151,500 hours, not the printed $158.62: =VBP.IMPLIED_RATE(24030535, {600;1110;990;300}, {10;30;80;110}) → 158.6174
 */
export function impliedRate(total_budget: number, cases: number[][], average_hours: number[][]): number {
  const args = {
    totalBudget: "total_budget",
    cases: "cases",
    averageHours: "average_hours",
  } satisfies ArgumentNames;
  return excelCall(args, () =>
    impliedRatePerHour(
      numberArg(args.totalBudget, total_budget),
      listArg(args.cases, cases, "enter 0 if the level has no cases").values,
      listArg(args.averageHours, average_hours).values,
    ),
  );
}

/**
 * Full-time equivalents needed: Σ cases × average hours ÷ direct-service hours per FTE per year.
 * @customfunction FTE_NEED
 * @helpurl https://localhost:3000/functions-reference.html#FTE_NEED
 * @param cases Cases (consumers served in the year) at each level of care, a count; one row or column.
 * @param average_hours Average service hours per episode at each level, in the same order as cases.
 * @param direct_hours_per_fte Direct-service hours one full-time clinician delivers in a year (your productivity standard).
 * @returns Full-time equivalents (FTEs) of direct-service staff needed.
 * @example Zontanos's 1,000 consumers at Admirable's case mix, assuming 1,200 direct-service hours per FTE: =VBP.FTE_NEED({200;370;330;100}, {10;30;80;110}, 1200) → 42.08
 */
export function fteNeeded(
  cases: number[][],
  average_hours: number[][],
  direct_hours_per_fte: number,
): number {
  const args = {
    cases: "cases",
    averageHours: "average_hours",
    directHoursPerFte: "direct_hours_per_fte",
  } satisfies ArgumentNames;
  return excelCall(args, () =>
    fteNeed(
      listArg(args.cases, cases, "enter 0 if the level has no cases").values,
      listArg(args.averageHours, average_hours).values,
      numberArg(args.directHoursPerFte, direct_hours_per_fte),
    ),
  );
}

/**
 * Caseload: consumers one FTE can carry at a case mix, direct-service hours ÷ Σ case mix × average hours.
 * @customfunction CASELOAD
 * @helpurl https://localhost:3000/functions-reference.html#CASELOAD
 * @param direct_hours_per_fte Direct-service hours one full-time clinician delivers in a year (your productivity standard).
 * @param case_mix Share of the caseload at each level of care, as %; one row or column that sums to 100%.
 * @param average_hours Average service hours per episode at each level, in the same order as case_mix.
 * @returns Consumers per full-time clinician in a year.
 * @example A caseload at Admirable's case mix, assuming 1,200 direct-service hours per FTE: =VBP.CASELOAD(1200, {0.2;0.37;0.33;0.1}, {10;30;80;110}) → 23.76
 * @example A caseload all at Level C (80 hours per average case): =VBP.CASELOAD(1200, {0;0;1;0}, {10;30;80;110}) → 15
 */
export function caseloadSize(
  direct_hours_per_fte: number,
  case_mix: number[][],
  average_hours: number[][],
): number {
  const args = {
    directHoursPerFte: "direct_hours_per_fte",
    caseMix: "case_mix",
    averageHours: "average_hours",
  } satisfies ArgumentNames;
  return excelCall(args, () =>
    caseload(
      numberArg(args.directHoursPerFte, direct_hours_per_fte),
      listArg(args.caseMix, case_mix, CASE_MIX_BLANK).values,
      listArg(args.averageHours, average_hours).values,
    ),
  );
}

/**
 * Share of consumers whose service hours fall within their level's range, bounds included (step 8: 75% within the LOC range).
 * @customfunction WITHIN_RANGE
 * @helpurl https://localhost:3000/functions-reference.html#WITHIN_RANGE
 * @param hours Service hours each consumer received in the episode; a cell, row, column or block with one cell per consumer.
 * @param low Low end of the level's range in service hours: one number for all, or one per consumer in the shape of hours.
 * @param high High end of the level's range in service hours: one number for all, or one per consumer in the shape of hours.
 * @returns Share of consumers within range, as % (0.75 = 75%).
 * @example Level B's cohort averages against Zontanos's Level B guideline of 10 to 50 hours: =VBP.WITHIN_RANGE({8;20;40;65}, 10, 50) → 50%
 * @example Four consumers at levels A to D, each against their level's guideline: =VBP.WITHIN_RANGE({12;45;90;150}, {5;10;50;80}, {15;50;110;140}) → 75%
 */
export function withinRange(hours: number[][], low: number[][], high: number[][]): number {
  const args = { hours: "hours", low: "low", high: "high" } satisfies ArgumentNames;
  return excelCall(args, () => {
    const consumers = gridArg(args.hours, hours, "remove the consumer or enter their hours");
    return shareWithinRange(
      consumers.values,
      matchingArg(args.low, low, args.hours, consumers.shape),
      matchingArg(args.high, high, args.hours, consumers.shape),
    );
  });
}

/**
 * The contract functions' work (their arguments as the core's terms, checked as the model's
 * contract section is), loaded on the first contract call: its own chunk, like the risk functions',
 * keeps functions.js small. An error it throws, in Excel's form, rejects the call's promise.
 */
const contractFunctions = () => import(/* webpackChunkName: "contract" */ "./contractFunctions");

/**
 * Outlier payment: what the payor pays for a case on top of its case rate, payor share × (cost − threshold) when the cost is above the threshold, else 0. A range of costs spills one payment per case.
 * @customfunction OUTLIER_PAYMENT
 * @helpurl https://localhost:3000/functions-reference.html#OUTLIER_PAYMENT
 * @param cost Cost of care of the case in dollars; one cell, or a row, column or block with one cell per case.
 * @param threshold Outlier threshold in dollars (the contract's multiple × the level's case rate, or its threshold cost); one for every case, or one per cell of cost.
 * @param payor_share Share of the cost above the threshold the payor pays, as % (80% or 0.8).
 * @returns The outlier payment in dollars, one per cell of cost.
 * @example A Level B case costing $12,000 against twice the $4,758.52 case rate, 80% paid: =VBP.OUTLIER_PAYMENT(12000, 9517.04, 80%) → 1986.368
 * @example Four Level B cases, the same threshold: =VBP.OUTLIER_PAYMENT({5000;9517.04;12000;20000}, 9517.04, 80%) → {0;0;1986.368;8386.368}
 */
export async function outlierPayments(
  cost: number[][],
  threshold: number[][],
  payor_share: number,
): Promise<number[][]> {
  return (await contractFunctions()).outlierPaymentsOf(cost, threshold, payor_share);
}

/**
 * Risk corridor adjustment, signed (positive: paid to the provider; negative: recovered from it): with r = (cost of care − target × payments) ÷ payments, the payor pays each band's share of the part of a loss inside it, and recovers the gain bands' share of a gain likewise.
 * @customfunction CORRIDOR
 * @helpurl https://localhost:3000/functions-reference.html#CORRIDOR
 * @param cost_of_care The year's cost of care in dollars (the sum of the cases' costs).
 * @param payments Payments P in dollars: case-rate payments plus outlier payments.
 * @param bands The corridor bands, a range of two columns: each band's upper end as a share of payments, as % (blank on the last row, which reaches to any result), and the payor's share of the result inside it, as %.
 * @param [corridor_target] Optional: the ratio of cost of care to payments at which no money moves, above 0; 1 (100%) when omitted, below 1 when the cost of care counts only direct care.
 * @param [gain_bands] Optional: the bands for a gain, two columns like bands; bands when omitted.
 * @returns The corridor adjustment in dollars: positive is paid to the provider, negative is recovered from it.
 * @example A 10% loss on $100,000: 50% of the 3–8% part and 90% of the 8–10% part: =VBP.CORRIDOR(110000, 100000, {0.03,0;0.08,0.5;"",0.9}) → 4300
 * @example A 5% gain below a 65% target (direct care only): 50% of the 3–5% part recovered: =VBP.CORRIDOR(60000, 100000, {0.03,0;0.08,0.5;"",0.9}, 65%) → -1000
 */
export async function corridor(
  cost_of_care: number,
  payments: number,
  bands: number[][],
  corridor_target?: number,
  gain_bands?: number[][],
): Promise<number> {
  return (await contractFunctions()).corridorOf(cost_of_care, payments, bands, corridor_target, gain_bands);
}

/**
 * Withhold earned back: the amount withheld × Σ weight × score, each measure scoring 1 when it meets its target (at least the target, or at most it for a measure where lower is better) and 0 otherwise, or, with a ladder, the share earned at the best step it meets.
 * @customfunction WITHHOLD_EARNED
 * @helpurl https://localhost:3000/functions-reference.html#WITHHOLD_EARNED
 * @param withheld The amount withheld in dollars (the withhold's % × case-rate payments).
 * @param values Each measure's value for the year, as % (78% within the level-of-care range); one row or column.
 * @param targets Each measure's target, in the same order as values (the toolkit's 75% within the level-of-care range).
 * @param weights Each measure's weight, as %, in the same order as values; they sum to 100%.
 * @param [directions] Optional: "atLeast" (higher is better) or "atMost" (lower is better) for each measure, in the same order as values; all "atLeast" when omitted.
 * @param [ladders] Optional: a row per measure, in the same order as values, of steps as pairs of cells: the threshold (as %), then the share of the measure's weight earned there (as %); a measure earns the share of the best step it meets, 0% if none; a blank row scores the measure on its target; all on their targets when omitted.
 * @returns The amount earned back in dollars, at most the amount withheld.
 * @example The toolkit's step 8 measures (illustrative targets and weights) on a 2% withhold of $1,000,000; 7-day follow-up missed: =VBP.WITHHOLD_EARNED(20000, {0.78;0.65;0.92;0.97}, {0.75;0.7;0.9;0.95}, {0.4;0.2;0.2;0.2}) → 16000
 * @example A no-show rate that must stay at most 10%, met, beside a missed access standard: =VBP.WITHHOLD_EARNED(20000, {0.08;0.85}, {0.1;0.9}, {0.5;0.5}, {"atMost";"atLeast"}) → 10000
 * @example 7-day follow-up on a ladder, half its weight earned from 60%, all from 70%; the other three measures on their targets: =VBP.WITHHOLD_EARNED(20000, {0.78;0.65;0.92;0.97}, {0.75;0.7;0.9;0.95}, {0.4;0.2;0.2;0.2}, , {"","","","";0.6,0.5,0.7,1;"","","","";"","","",""}) → 18000
 */
export async function withholdEarnedBack(
  withheld: number,
  values: number[][],
  targets: number[][],
  weights: number[][],
  directions?: string[][],
  ladders?: number[][],
): Promise<number> {
  return (await contractFunctions()).withholdEarnedOf(
    withheld,
    values,
    targets,
    weights,
    directions,
    ladders,
  );
}

/**
 * Shared savings, signed (positive: earned by the provider; negative: paid by it): with savings = benchmark − spending, min(sharing rate × savings, cap × benchmark) when the savings reach the minimum savings rate and the quality gate is met; two-sided, −min(loss sharing rate × loss, loss cap × benchmark) when the loss reaches the minimum loss rate.
 * @customfunction SHARED_SAVINGS
 * @helpurl https://localhost:3000/functions-reference.html#SHARED_SAVINGS
 * @param benchmark The benchmark in dollars (the case rates of the year's cases, or the contract's figure).
 * @param spending The year's fee-for-service spending in dollars.
 * @param sharing_rate The provider's share of the savings, as % (50% or 0.5).
 * @param [minimum_savings_rate] Optional: savings below this share of the benchmark are not shared, as %; 0% when omitted.
 * @param [cap] Optional: the most the provider earns, as % of the benchmark; no cap when omitted.
 * @param [quality_gate_met] Optional: FALSE when the quality gate's measures are not all met (no savings are shared); TRUE when omitted.
 * @param [loss_sharing_rate] Optional: the provider's share of a loss, as %, for a two-sided arrangement; one-sided (no loss shared) when omitted.
 * @param [minimum_loss_rate] Optional: a loss below this share of the benchmark is not shared, as %; 0% when omitted.
 * @param [loss_cap] Optional: the most the provider pays, as % of the benchmark; no cap when omitted.
 * @returns The shared savings in dollars: positive is earned by the provider, negative is paid by it.
 * @example 10% savings on a $1,000,000 benchmark, half shared, a 2% minimum and a 10% cap: =VBP.SHARED_SAVINGS(1000000, 900000, 50%, 2%, 10%) → 50000
 * @example 1% savings, below the 2% minimum: =VBP.SHARED_SAVINGS(1000000, 990000, 50%, 2%) → 0
 * @example Two-sided: a 10% loss, half shared, capped at 4% of the benchmark: =VBP.SHARED_SAVINGS(1000000, 1100000, 50%, 2%, 10%, TRUE, 50%, 2%, 4%) → -40000
 */
export async function sharedSavingsOf(
  benchmark: number,
  spending: number,
  sharing_rate: number,
  minimum_savings_rate?: number,
  cap?: number,
  quality_gate_met?: boolean,
  loss_sharing_rate?: number,
  minimum_loss_rate?: number,
  loss_cap?: number,
): Promise<number> {
  return (await contractFunctions()).sharedSavingsArgs(
    benchmark,
    spending,
    sharing_rate,
    minimum_savings_rate,
    cap,
    quality_gate_met,
    loss_sharing_rate,
    minimum_loss_rate,
    loss_cap,
  );
}

/**
 * The risk functions' work (their arguments as cohort tables, Panjer, FFT…), loaded on the first
 * risk call: webpack gives it its own chunk, so the functions.js every workbook loads at start
 * stays small. An error it throws, in Excel's form, rejects the call's promise.
 */
const riskFunctions = () => import(/* webpackChunkName: "risk" */ "./riskFunctions");

/**
 * Risk reserve: what to hold on top of the budget so the year's cost stays within budget + reserve at the confidence, max(0, quantile − budget). Exact: cases per level are Poisson, each case's hours drawn from its level's cohort table, on a 1-hour grid.
 * @customfunction RISK_RESERVE
 * @helpurl https://localhost:3000/functions-reference.html#RISK_RESERVE
 * @param cases Expected cases in the year at each level of care, a count (the Poisson means); one row or column, one per row of episodes.
 * @param episodes Episodes in each utilization cohort: a row per level, a column per cohort; leave a level's last cells blank when it has fewer cohorts, and give one cohort (its average hours) for a level with no spread.
 * @param average_hours Average service hours per episode of each cohort, in the shape of episodes with the same cells filled.
 * @param rate_per_hour Cost of service in dollars per hour; one rate for every level, or one per level.
 * @param budget The budget the year's cost is held against, in dollars (the case rates × expected cases).
 * @param [confidence] Optional: the probability the budget plus the reserve should cover, from 50% to below 100%; 95% when omitted.
 * @returns The risk reserve in dollars: 0 when the budget alone covers the year at the confidence.
 * @example Level B alone (1,110 cases, its four cohorts at step 7's rate) against its $5,281,959 budget: =VBP.RISK_RESERVE(1110, {239,418,251,202}, {8,20,40,65}, 158.61739, 5281959) → 337697
 * @example The same at 99% confidence: =VBP.RISK_RESERVE(1110, {239,418,251,202}, {8,20,40,65}, 158.61739, 5281959, 99%) → 470935
 */
export async function riskReserve(
  cases: number[][],
  episodes: number[][],
  average_hours: number[][],
  rate_per_hour: number[][],
  budget: number,
  confidence?: number,
): Promise<number> {
  return (await riskFunctions()).riskReserveOf(
    cases,
    episodes,
    average_hours,
    rate_per_hour,
    budget,
    confidence,
  );
}

/**
 * Probability that the year's cost exceeds the budget, P(cost > budget). Exact: cases per level are Poisson, each case's hours drawn from its level's cohort table, on a 1-hour grid.
 * @customfunction LOSS_PROBABILITY
 * @helpurl https://localhost:3000/functions-reference.html#LOSS_PROBABILITY
 * @param cases Expected cases in the year at each level of care, a count (the Poisson means); one row or column, one per row of episodes.
 * @param episodes Episodes in each utilization cohort: a row per level, a column per cohort; leave a level's last cells blank when it has fewer cohorts, and give one cohort (its average hours) for a level with no spread.
 * @param average_hours Average service hours per episode of each cohort, in the shape of episodes with the same cells filled.
 * @param rate_per_hour Cost of service in dollars per hour; one rate for every level, or one per level.
 * @param budget The budget the year's cost is held against, in dollars (the case rates × expected cases).
 * @returns The probability, as % (0.05 = 5%), that the year's cost is more than the budget.
 * @example Level B alone (1,110 cases, its four cohorts at step 7's rate) against its $5,281,959 budget: =VBP.LOSS_PROBABILITY(1110, {239,418,251,202}, {8,20,40,65}, 158.61739, 5281959) → 54.4%
 */
export async function lossProbability(
  cases: number[][],
  episodes: number[][],
  average_hours: number[][],
  rate_per_hour: number[][],
  budget: number,
): Promise<number> {
  return (await riskFunctions()).lossProbabilityOf(cases, episodes, average_hours, rate_per_hour, budget);
}
