import { CaseRateInputError } from "./errors";
import { entryOf, type Field, field } from "./fields";
import { describeNumber } from "./format";
import { caseload, fteNeed } from "./staffing";
import { sumProduct } from "./sums";
import {
  requireCaseMix,
  requireFiniteResult,
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

const PAID_HOURS = field("paidHoursPerFte");
const AWAY_HOURS = field("timeOffAndTrainingHours");

/**
 * Direct-service hours one FTE delivers a year: (paid − time off and training) × productivity × (1 − no-show rate).
 * Never more than the paid hours, so always finite.
 * @example directHoursPerFte({ paidHoursPerFte: 2080, timeOffAndTrainingHours: 200, productivity: 0.6, noShowRate: 0.12 }) // 992.64
 */
export function directHoursPerFte(assumptions: ProductivityAssumptions): number {
  const paid = requireNonNegative(PAID_HOURS, assumptions.paidHoursPerFte);
  const away = requireNonNegative(AWAY_HOURS, assumptions.timeOffAndTrainingHours);
  if (away > paid) {
    throw new CaseRateInputError(
      AWAY_HOURS,
      "out-of-range",
      (name) =>
        `${name(AWAY_HOURS)} are ${describeNumber(away)}, more than the ${describeNumber(paid)} ${name(PAID_HOURS)}.`,
    );
  }
  const productivity = requireShare(field("productivity"), assumptions.productivity);
  const noShowRate = requireShare(field("noShowRate"), assumptions.noShowRate);
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

const CONSUMERS = field("consumers");
const CASE_MIX = field("caseMix");
const AVERAGE_HOURS = field("averageHours");
const CASE_RATE = field("caseRate");
const CASE_RATES = field("caseRate", "case rates");
const DIRECT_HOURS_PER_FTE = field("directHoursPerFte");
const SALARY = field("directSalaryPerFte");
const BENEFITS = field("benefitsPct");
const PAYROLL_TAXES = field("payrollTaxPct");
const OTHER_STAFF = field("otherStaffSalaries");
const CONTRACTOR_FEES = field("contractorFees");
const OVERHEAD = field("overhead");
const OTHER_REVENUE = field("otherRevenue");

/** A list's entries checked as non-negative, named "average hours of level 2". */
function levelValues(list: Field, values: readonly number[]): number[] {
  return values.map((value, i) => requireNonNegative(entryOf(list, i, `of level ${i + 1}`), value));
}

/**
 * Runs the provider model. Direct-service staff are planned at the FTEs the hours need (not rounded),
 * so expense is linear in hours and in 1 ÷ productivity: break-even has a closed form. Every figure
 * is finite except the margin % without revenue, which no input defines (NaN).
 * @example computeProviderModel({ consumers: 1000, caseMix: [1], averageHours: [10], caseRates: [2000], directHoursPerFte: 1000, fteOnPayroll: 8, directSalaryPerFte: 50000, benefitsPct: 0, payrollTaxPct: 0, otherStaffSalaries: 0, contractorFees: 0, overhead: 0, otherRevenue: 0 }).margin // 1500000
 */
export function computeProviderModel(model: ProviderModel): ProviderResult {
  const consumers = requireNonNegative(CONSUMERS, model.consumers);
  requireSameLength(CASE_MIX, model.caseMix, AVERAGE_HOURS, model.averageHours);
  requireSameLength(CASE_MIX, model.caseMix, CASE_RATES, model.caseRates);
  const mix = requireCaseMix(CASE_MIX, model.caseMix);
  // Each level's consumers are a share of the (finite) consumers: finite.
  const consumersByLevel = mix.map((share) => consumers * share);
  const hours = levelValues(AVERAGE_HOURS, model.averageHours);
  const rates = levelValues(CASE_RATE, model.caseRates);
  const perFte = requirePositive(DIRECT_HOURS_PER_FTE, model.directHoursPerFte);
  const need = fteNeed(consumersByLevel, hours, perFte);
  const onPayroll = requireNonNegative(field("fteOnPayroll"), model.fteOnPayroll);
  const loadOnSalary =
    1 +
    requireNonNegative(BENEFITS, model.benefitsPct) +
    requireNonNegative(PAYROLL_TAXES, model.payrollTaxPct);
  const loadedCostPerFte = requireFiniteResult(
    "the loaded cost per FTE",
    requireNonNegative(SALARY, model.directSalaryPerFte) * loadOnSalary,
    [SALARY, BENEFITS, PAYROLL_TAXES],
  );
  const staffing = [CONSUMERS, AVERAGE_HOURS, DIRECT_HOURS_PER_FTE, SALARY];
  const directStaffCost = requireFiniteResult("the direct staff cost", need * loadedCostPerFte, staffing);
  const otherStaffCost = requireFiniteResult(
    "the other staff cost",
    requireNonNegative(OTHER_STAFF, model.otherStaffSalaries) * loadOnSalary,
    [OTHER_STAFF, BENEFITS, PAYROLL_TAXES],
  );
  const fixedCosts = requireFiniteResult(
    "the fixed costs",
    otherStaffCost +
      requireNonNegative(CONTRACTOR_FEES, model.contractorFees) +
      requireNonNegative(OVERHEAD, model.overhead),
    [OTHER_STAFF, CONTRACTOR_FEES, OVERHEAD],
  );
  const caseRateRevenue = requireFiniteResult(
    "the case-rate revenue",
    sumProduct(CONSUMERS, consumersByLevel, CASE_RATES, rates),
    [CONSUMERS, CASE_RATES],
  );
  const totalRevenue = requireFiniteResult(
    "the total revenue",
    caseRateRevenue + requireNonNegative(OTHER_REVENUE, model.otherRevenue),
    [CONSUMERS, CASE_RATES, OTHER_REVENUE],
  );
  const totalExpense = requireFiniteResult("the total expense", directStaffCost + fixedCosts, [
    ...staffing,
    OTHER_STAFF,
    OVERHEAD,
  ]);
  const costPerDirectHour = requireFiniteResult("the cost per direct hour", loadedCostPerFte / perFte, [
    SALARY,
    DIRECT_HOURS_PER_FTE,
  ]);
  // Differences of two finite non-negative figures: finite.
  const room = totalRevenue - fixedCosts;
  const margin = totalRevenue - totalExpense;
  const breakEvenHoursFactor = directStaffCost > 0 && room > 0 ? room / directStaffCost : null;
  return {
    consumersByLevel,
    hoursNeeded: requireFiniteResult(
      "the hours needed",
      sumProduct(CONSUMERS, consumersByLevel, AVERAGE_HOURS, hours),
      [CONSUMERS, AVERAGE_HOURS],
    ),
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
    margin,
    marginPct:
      totalRevenue === 0
        ? Number.NaN
        : requireFiniteResult("the margin %", margin / totalRevenue, [CONSUMERS, CASE_RATES, OTHER_REVENUE]),
    valueBonusByLevel: consumersByLevel.map((n, i) =>
      requireFiniteResult("the value bonus", n * (rates[i] - hours[i] * costPerDirectHour), [
        CONSUMERS,
        CASE_RATES,
        AVERAGE_HOURS,
        SALARY,
      ]),
    ),
    breakEvenHoursFactor:
      breakEvenHoursFactor === null
        ? null
        : requireFiniteResult("the break-even hours factor", breakEvenHoursFactor, staffing),
    breakEvenProductivity: (productivity) => {
      const share = requireShare(field("productivity"), productivity);
      // A tiny room makes the ratio overflow to Infinity, which the ≤ 1 test turns into null.
      const needed = directStaffCost > 0 && room > 0 ? (share * directStaffCost) / room : null;
      return needed !== null && needed <= 1 ? needed : null;
    },
  };
}

/**
 * Consumers' case-rate revenue: Σ consumers × mix × case rate (used by the CLI's provider section).
 * @example caseRateRevenue(10, [0.5, 0.5], [1000, 3000]) // 20000
 */
export function caseRateRevenue(
  consumers: number,
  caseMix: readonly number[],
  caseRates: readonly number[],
): number {
  const mix = requireCaseMix(CASE_MIX, caseMix);
  const rates = levelValues(CASE_RATE, caseRates);
  return requireFiniteResult(
    "the case-rate revenue",
    requireNonNegative(CONSUMERS, consumers) * sumProduct(CASE_MIX, mix, CASE_RATES, rates),
    [CONSUMERS, CASE_RATES],
  );
}
