import { CaseRateInputError } from "./errors";
import { describeNumber } from "./format";
import { caseload, fteNeed } from "./staffing";
import { sumProduct } from "./sums";
import {
  requireCaseMix,
  requireNonNegative,
  requirePositive,
  requireSameLength,
  requireShare,
} from "./validate";

/**
 * The provider's side of the toolkit ("How to manage under case rates"): caseloads, FTEs, costs,
 * revenue and margin for a year of consumers served under the payor's case rates.
 */

/** What one full-time clinician's year yields in direct service; the toolkit leaves these implicit. */
export interface ProductivityAssumptions {
  /** Paid hours per FTE per year: 52 weeks × 40 hours = 2,080. */
  readonly paidHoursPerFte: number;
  /** Paid time off and training hours per FTE per year. */
  readonly timeOffAndTrainingHours: number;
  /** Share of the hours at work spent scheduled in direct service (CMHCs commonly expect 60–65%). */
  readonly productivity: number;
  /** Share of scheduled direct-service hours lost to no-shows. */
  readonly noShowRate: number;
}

/** Direct-service hours one FTE delivers a year: (paid − time off and training) × productivity × (1 − no-show rate). */
export function directHoursPerFte(assumptions: ProductivityAssumptions): number {
  const paid = requireNonNegative("paid hours per FTE", assumptions.paidHoursPerFte);
  const away = requireNonNegative("time off and training hours", assumptions.timeOffAndTrainingHours);
  if (away > paid) {
    throw new CaseRateInputError(
      "time off and training hours",
      "out-of-range",
      `time off and training hours are ${describeNumber(away)}, more than the ${describeNumber(paid)} paid hours per FTE.`,
    );
  }
  const productivity = requireShare("productivity", assumptions.productivity);
  const noShowRate = requireShare("no-show rate", assumptions.noShowRate);
  return (paid - away) * productivity * (1 - noShowRate);
}

/** A provider's year: consumers by level, planned hours, the payor's case rates, staff and costs. */
export interface ProviderModel {
  readonly consumers: number;
  /** Share of consumers at each level of care (sums to 100%). */
  readonly caseMix: readonly number[];
  /** Planned average service hours per episode at each level. */
  readonly averageHours: readonly number[];
  /** The payor's case rate for each level, in dollars. */
  readonly caseRates: readonly number[];
  readonly directHoursPerFte: number;
  readonly fteOnPayroll: number;
  /** Salary of one direct-service FTE, plus benefits and payroll taxes as shares of salary. */
  readonly directSalaryPerFte: number;
  readonly benefitsPct: number;
  readonly payrollTaxPct: number;
  /** Salaries of supervisors, administration and other staff (benefits and taxes added on top). */
  readonly otherStaffSalaries: number;
  readonly contractorFees: number;
  /** Occupancy, supplies, travel, training, depreciation, working capital. */
  readonly overhead: number;
  /** Fee-for-service from other payors, grants, fundraising and other revenue. */
  readonly otherRevenue: number;
}

/** The model's results, unrounded. */
export interface ProviderResult {
  readonly consumersByLevel: number[];
  readonly hoursNeeded: number;
  readonly fteNeed: number;
  readonly fteGap: number;
  /** Consumers one FTE carries at the blended mix. */
  readonly caseload: number;
  readonly loadedCostPerFte: number;
  /** Cost of one direct-service hour: loaded cost per FTE ÷ direct hours per FTE. */
  readonly costPerDirectHour: number;
  readonly directStaffCost: number;
  readonly otherStaffCost: number;
  readonly caseRateRevenue: number;
  readonly totalRevenue: number;
  readonly totalExpense: number;
  readonly margin: number;
  /** Margin ÷ total revenue; NaN when there is no revenue. */
  readonly marginPct: number;
  /** Case-rate revenue minus the cost of the care delivered, per level. */
  readonly valueBonusByLevel: number[];
  /** The factor on every level's hours at which revenue equals expense; null when none exists. */
  readonly breakEvenHoursFactor: number | null;
  /** The productivity at which revenue equals expense; null when none exists or it is above 100%. */
  readonly breakEvenProductivity: (productivity: number) => number | null;
}

/**
 * Runs the provider model. Direct-service staff are planned at the FTEs the hours need (not rounded),
 * so expense is linear in hours and in 1 ÷ productivity: break-even has a closed form.
 */
export function computeProviderModel(model: ProviderModel): ProviderResult {
  const consumers = requireNonNegative("consumers", model.consumers);
  requireSameLength("case mix", model.caseMix, "average hours", model.averageHours);
  requireSameLength("case mix", model.caseMix, "case rates", model.caseRates);
  const mix = requireCaseMix("case mix", model.caseMix);
  const consumersByLevel = mix.map((share) => consumers * share);
  const hours = model.averageHours.map((h, i) => requireNonNegative(`average hours of level ${i + 1}`, h));
  const rates = model.caseRates.map((r, i) => requireNonNegative(`case rate of level ${i + 1}`, r));
  const perFte = requirePositive("direct hours per FTE", model.directHoursPerFte);
  const need = fteNeed(consumersByLevel, hours, perFte);
  const onPayroll = requireNonNegative("FTEs on payroll", model.fteOnPayroll);
  const loadOnSalary =
    1 +
    requireNonNegative("benefits", model.benefitsPct) +
    requireNonNegative("payroll taxes", model.payrollTaxPct);
  const loadedCostPerFte = requireNonNegative("salary per FTE", model.directSalaryPerFte) * loadOnSalary;
  const directStaffCost = need * loadedCostPerFte;
  const otherStaffCost = requireNonNegative("other staff salaries", model.otherStaffSalaries) * loadOnSalary;
  const fixedCosts =
    otherStaffCost +
    requireNonNegative("contractor fees", model.contractorFees) +
    requireNonNegative("overhead", model.overhead);
  const caseRateRevenue = sumProduct("consumers", consumersByLevel, "case rates", rates);
  const totalRevenue = caseRateRevenue + requireNonNegative("other revenue", model.otherRevenue);
  const totalExpense = directStaffCost + fixedCosts;
  const costPerDirectHour = loadedCostPerFte / perFte;
  const room = totalRevenue - fixedCosts;
  return {
    consumersByLevel,
    hoursNeeded: sumProduct("consumers", consumersByLevel, "average hours", hours),
    fteNeed: need,
    fteGap: need - onPayroll,
    caseload: caseload(perFte, mix, hours),
    loadedCostPerFte,
    costPerDirectHour,
    directStaffCost,
    otherStaffCost,
    caseRateRevenue,
    totalRevenue,
    totalExpense,
    margin: totalRevenue - totalExpense,
    marginPct: totalRevenue === 0 ? Number.NaN : (totalRevenue - totalExpense) / totalRevenue,
    valueBonusByLevel: consumersByLevel.map((n, i) => n * (rates[i] - hours[i] * costPerDirectHour)),
    breakEvenHoursFactor: directStaffCost > 0 && room > 0 ? room / directStaffCost : null,
    breakEvenProductivity: (productivity) => {
      const share = requireShare("productivity", productivity);
      const needed = directStaffCost > 0 && room > 0 ? (share * directStaffCost) / room : null;
      return needed !== null && needed <= 1 ? needed : null;
    },
  };
}

/** Consumers' case-rate revenue: Σ consumers × mix × case rate (used by the CLI's provider section). */
export function caseRateRevenue(
  consumers: number,
  caseMix: readonly number[],
  caseRates: readonly number[],
): number {
  const mix = requireCaseMix("case mix", caseMix);
  const rates = caseRates.map((r, i) => requireNonNegative(`case rate of level ${i + 1}`, r));
  return requireNonNegative("consumers", consumers) * sumProduct("case mix", mix, "case rates", rates);
}
