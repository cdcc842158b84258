import { directHoursPerFte, type ProductivityAssumptions } from "../provider";
import { WORKED_EXAMPLE } from "./example";

/**
 * The toolkit's provider example (Zontanos Health and Wellness: 1,000 consumers a year, a 33% share
 * of the payor's market). The toolkit gives no salaries, productivity, overhead or payroll FTEs;
 * the figures marked illustrative below are assumptions for the starter workbook, labelled as such.
 */
const provider = WORKED_EXAMPLE.provider;

/** Where each assumption comes from, shown beside it in the workbook. */
export const ASSUMPTION_SOURCES = {
  paidHoursPerFte: "52 weeks × 40 hours",
  timeOffAndTrainingHours: "illustrative: about 4 weeks of leave, holidays and training",
  productivity: "illustrative: CMHCs commonly expect 60–65%",
  noShowRate: "illustrative",
  salaries: "illustrative",
  overhead: "illustrative",
  otherRevenue: "illustrative",
} as const;

export const PROVIDER_PRODUCTIVITY: ProductivityAssumptions = {
  paidHoursPerFte: 2080,
  timeOffAndTrainingHours: 200,
  productivity: 0.6,
  noShowRate: 0.12,
};

/** Illustrative costs and revenue of a mid-sized community mental health center. */
export const PROVIDER_ILLUSTRATION = {
  consumersPerYear: provider.consumers_per_year,
  marketShare: provider.market_share,
  /** Consumers a year in the low and high scenarios beside the toolkit's 1,000. */
  consumerScenarios: { Low: 900, Base: provider.consumers_per_year, High: 1100 },
  fteOnPayroll: 46,
  directSalaryPerFte: 78_000,
  benefitsPct: 0.24,
  payrollTaxPct: 0.0765,
  otherStaffSalaries: 1_350_000,
  contractorFees: 250_000,
  overhead: {
    occupancy: 700_000,
    supplies: 120_000,
    travel: 90_000,
    training: 80_000,
    depreciation: 110_000,
    workingCapital: 60_000,
  },
  otherRevenue: { feeForService: 300_000, grants: 150_000, fundraising: 40_000, other: 20_000 },
  /** How far each driver moves in the sensitivity table. */
  sensitivityStep: 0.1,
} as const;

/** Direct-service hours per FTE under the illustrative productivity: 992.64. */
export const PROVIDER_DIRECT_HOURS_PER_FTE = directHoursPerFte(PROVIDER_PRODUCTIVITY);
