import { WORKED_EXAMPLE } from "../../core/toolkit/example";
import {
  ASSUMPTION_SOURCES,
  PROVIDER_ILLUSTRATION,
  PROVIDER_PRODUCTIVITY,
} from "../../core/toolkit/providerExample";
import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN, type SheetBuilder } from "../layout";
import type { CellContent, SheetSpec, Validation } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext, StarterName } from "../starter/context";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";

/** The provider's consumer scenarios, in column order. */
export const PROVIDER_SCENARIOS = ["Low", "Base", "High"] as const;

/** Where Provider Inputs put what the provider's calculation sheets reference cell by cell. */
export interface ProviderInputsLayout {
  readonly scenarioNameRow: number;
  readonly consumersRow: number;
  readonly caseMixRow: number;
  readonly guidelineLowRow: number;
  readonly guidelineHighRow: number;
  readonly plannedHoursRow: number;
}

type ExampleLevel = keyof typeof WORKED_EXAMPLE.provider.um_guidelines_hours;

function validation(range: string, what: string, max?: number): Validation {
  return {
    range,
    kind: "decimal",
    min: 0,
    ...(max === undefined ? {} : { max }),
    promptTitle: what,
    prompt: max === undefined ? `${what}: zero or more.` : `${what}: a share from 0% to 100%.`,
    error: max === undefined ? `${what} cannot be negative.` : `${what} must be a share from 0% to 100%.`,
  };
}

/**
 * The Provider Inputs sheet: the clinical-financial model's assumptions, section by section as the
 * toolkit lists them. Figures the toolkit does not give are labelled illustrative beside them.
 */
export function providerInputsSheet(ctx: StarterContext): { spec: SheetSpec; layout: ProviderInputsLayout } {
  const { example, levels } = ctx.options;
  const when = <T>(value: () => T): T | null => (example ? value() : null);
  const levelCount = levels.length;
  const sourceColumn = FIRST_VALUE_COLUMN + Math.max(levelCount, PROVIDER_SCENARIOS.length);
  const sheet: SheetBuilder = startSheet(
    ctx,
    "Provider Inputs",
    "The provider's clinical-financial model: consumers, hours, productivity, staff, overhead and other revenue.",
    TAB_COLORS.inputs,
    [2, 46, 20, ...Array<number>(Math.max(levelCount, 3)).fill(15), 60],
  );
  const width = sourceColumn - LABEL_COLUMN + 1;
  /** An input line whose value cells get a name, a validation and, where given, a source note. */
  const input = (
    label: string,
    units: string,
    values: readonly CellContent[],
    numberFormat: string,
    name: StarterName,
    comment: string,
    check: { max?: number },
    source?: string,
  ): number => {
    const row = sheet.line(label, units, values, { style: "input", numberFormat });
    const range = rangeAddress(row, FIRST_VALUE_COLUMN, row, FIRST_VALUE_COLUMN + values.length - 1);
    ctx.define(
      name,
      "Provider Inputs",
      rangeAddress(row, FIRST_VALUE_COLUMN, row, FIRST_VALUE_COLUMN + values.length - 1, true),
      comment,
    );
    sheet.validate(validation(range, label, check.max));
    if (source && example) sheet.put(row, sourceColumn, [source], { style: "note" });
    return row;
  };
  const illustration = PROVIDER_ILLUSTRATION;

  sheet.section("1 · Consumers and consumer mix", width);
  const scenarioNameRow = sheet.line("Scenario", "", [...PROVIDER_SCENARIOS], { style: "header" });
  ctx.define(
    "ProviderScenarioNames",
    "Provider Inputs",
    rangeAddress(scenarioNameRow, FIRST_VALUE_COLUMN, scenarioNameRow, FIRST_VALUE_COLUMN + 2, true),
    "Names of the provider's consumer scenarios",
  );
  const consumersRow = input(
    "Consumers per year",
    "consumers",
    PROVIDER_SCENARIOS.map((name) => when(() => illustration.consumerScenarios[name])),
    NUMBER_FORMATS.count,
    "ConsumerScenarios",
    "Consumers served a year in each scenario",
    {},
    "Base: the toolkit's 1,000 a year; Low and High illustrative",
  );
  const scenarioRow = sheet.line("Scenario that drives the dashboard", "Low / Base / High", ["Base"], {
    style: "input",
  });
  ctx.define(
    "ProviderScenario",
    "Provider Inputs",
    cellAddress(scenarioRow, FIRST_VALUE_COLUMN, true),
    "The consumer scenario the dashboard shows",
  );
  sheet.validate({
    range: cellAddress(scenarioRow, FIRST_VALUE_COLUMN),
    kind: "list",
    values: PROVIDER_SCENARIOS,
    promptTitle: "Scenario",
    prompt: "Which consumer scenario the dashboard, sensitivity and monitoring use.",
    error: "Choose Low, Base or High.",
  });
  input(
    "Market share",
    "% of the payor's cases",
    [when(() => illustration.marketShare)],
    NUMBER_FORMATS.percentWhole,
    "MarketShare",
    "Share of the payor's cases the provider serves",
    { max: 1 },
    "the toolkit: a 33% share",
  );
  sheet.line(
    "Level of care",
    "",
    levels.map((level) => level.id),
    { style: "header" },
  );
  const caseMixRow = input(
    "Consumer mix",
    "% of consumers",
    levels.map((level) =>
      when(
        () =>
          WORKED_EXAMPLE.payor.step4_case_mix[level.id as keyof typeof WORKED_EXAMPLE.payor.step4_case_mix],
      ),
    ),
    NUMBER_FORMATS.percentWhole,
    "ProviderCaseMix",
    "Share of the provider's consumers at each level",
    { max: 1 },
    "illustrative: the payor's case mix",
  );

  sheet.section("2 · Service hours (utilization-management guidelines)", width);
  const guideline = (key: "low" | "high" | "average") =>
    levels.map((level) =>
      when(() => WORKED_EXAMPLE.provider.um_guidelines_hours[level.id as ExampleLevel][key]),
    );
  const guidelineLowRow = input(
    "Low end of the guideline",
    "hours per episode",
    guideline("low"),
    NUMBER_FORMATS.count,
    "GuidelineLow",
    "Fewest hours the guideline expects per episode",
    {},
    "the toolkit's guideline table",
  );
  const guidelineHighRow = input(
    "High end of the guideline",
    "hours per episode",
    guideline("high"),
    NUMBER_FORMATS.count,
    "GuidelineHigh",
    "Most hours the guideline expects per episode",
    {},
    "the toolkit's guideline table",
  );
  const plannedHoursRow = input(
    "Planned average hours",
    "hours per episode",
    guideline("average"),
    NUMBER_FORMATS.hours,
    "PlannedHours",
    "Average hours per episode the provider plans at each level",
    {},
    "the toolkit's guideline table",
  );

  sheet.section("3–4 · Productivity and FTEs", width);
  const p = PROVIDER_PRODUCTIVITY;
  input(
    "Paid hours per FTE",
    "hours a year",
    [when(() => p.paidHoursPerFte)],
    NUMBER_FORMATS.count,
    "PaidHoursPerFte",
    "Paid hours of one full-time equivalent a year",
    {},
    ASSUMPTION_SOURCES.paidHoursPerFte,
  );
  input(
    "Paid time off and training",
    "hours a year",
    [when(() => p.timeOffAndTrainingHours)],
    NUMBER_FORMATS.count,
    "TimeOffAndTrainingHours",
    "Paid hours away from service: leave, holidays, training",
    {},
    ASSUMPTION_SOURCES.timeOffAndTrainingHours,
  );
  input(
    "Productivity",
    "% of hours at work",
    [when(() => p.productivity)],
    NUMBER_FORMATS.percentWhole,
    "Productivity",
    "Share of hours at work scheduled in direct service",
    { max: 1 },
    ASSUMPTION_SOURCES.productivity,
  );
  input(
    "No-show rate",
    "% of scheduled hours",
    [when(() => p.noShowRate)],
    NUMBER_FORMATS.percentWhole,
    "NoShowRate",
    "Share of scheduled direct-service hours lost to no-shows",
    { max: 1 },
    ASSUMPTION_SOURCES.noShowRate,
  );
  input(
    "FTEs on payroll",
    "direct-service FTEs",
    [when(() => illustration.fteOnPayroll)],
    NUMBER_FORMATS.countDecimal,
    "FteOnPayroll",
    "Direct-service FTEs the provider employs today",
    {},
    ASSUMPTION_SOURCES.salaries,
  );

  sheet.section("5 · Staffing costs", width);
  input(
    "Direct-service salary per FTE",
    "$ a year",
    [when(() => illustration.directSalaryPerFte)],
    NUMBER_FORMATS.dollars,
    "DirectSalaryPerFte",
    "Average salary of a direct-service FTE",
    {},
    ASSUMPTION_SOURCES.salaries,
  );
  input(
    "Benefits",
    "% of salary",
    [when(() => illustration.benefitsPct)],
    NUMBER_FORMATS.percent,
    "BenefitsPct",
    "Benefits as a share of salary",
    { max: 1 },
    ASSUMPTION_SOURCES.salaries,
  );
  input(
    "Payroll taxes",
    "% of salary",
    [when(() => illustration.payrollTaxPct)],
    "0.00%",
    "PayrollTaxPct",
    "Payroll taxes as a share of salary",
    { max: 1 },
    "FICA 7.65%",
  );
  input(
    "Other staff salaries",
    "$ a year",
    [when(() => illustration.otherStaffSalaries)],
    NUMBER_FORMATS.dollars,
    "OtherStaffSalaries",
    "Salaries of supervisors, administration and support staff",
    {},
    ASSUMPTION_SOURCES.salaries,
  );
  input(
    "Contractor fees",
    "$ a year",
    [when(() => illustration.contractorFees)],
    NUMBER_FORMATS.dollars,
    "ContractorFees",
    "Fees of contracted clinicians and services",
    {},
    ASSUMPTION_SOURCES.salaries,
  );

  sheet.section("6 · Overhead", width);
  const overhead = illustration.overhead;
  const overheadLines: [string, number][] = [
    ["Occupancy", overhead.occupancy],
    ["Supplies", overhead.supplies],
    ["Travel", overhead.travel],
    ["Training", overhead.training],
    ["Depreciation", overhead.depreciation],
    ["Working capital", overhead.workingCapital],
  ];
  const firstOverhead = sheet.row;
  for (const [label, value] of overheadLines)
    sheet.line(label, "$ a year", [when(() => value)], {
      style: "input",
      numberFormat: NUMBER_FORMATS.dollars,
    });
  const overheadRange = rangeAddress(firstOverhead, FIRST_VALUE_COLUMN, sheet.row - 1, FIRST_VALUE_COLUMN);
  ctx.define(
    "OverheadItems",
    "Provider Inputs",
    rangeAddress(firstOverhead, FIRST_VALUE_COLUMN, sheet.row - 1, FIRST_VALUE_COLUMN, true),
    "Non-staff costs a year",
  );
  sheet.validate(validation(overheadRange, "Overhead"));
  if (example) sheet.put(firstOverhead, sourceColumn, [ASSUMPTION_SOURCES.overhead], { style: "note" });

  sheet.section("7 · Other revenue", width);
  const revenue = illustration.otherRevenue;
  const revenueLines: [string, number][] = [
    ["Fee-for-service from other payors", revenue.feeForService],
    ["Grants", revenue.grants],
    ["Fundraising", revenue.fundraising],
    ["Other revenue", revenue.other],
  ];
  const firstRevenue = sheet.row;
  for (const [label, value] of revenueLines)
    sheet.line(label, "$ a year", [when(() => value)], {
      style: "input",
      numberFormat: NUMBER_FORMATS.dollars,
    });
  ctx.define(
    "OtherRevenueItems",
    "Provider Inputs",
    rangeAddress(firstRevenue, FIRST_VALUE_COLUMN, sheet.row - 1, FIRST_VALUE_COLUMN, true),
    "Revenue besides the case rates, a year",
  );
  sheet.validate(
    validation(rangeAddress(firstRevenue, FIRST_VALUE_COLUMN, sheet.row - 1, FIRST_VALUE_COLUMN), "Revenue"),
  );
  if (example) sheet.put(firstRevenue, sourceColumn, [ASSUMPTION_SOURCES.otherRevenue], { style: "note" });

  sheet.section("Sensitivity", width);
  input(
    "Move each driver by",
    "± % of its value",
    [illustration.sensitivityStep],
    NUMBER_FORMATS.percentWhole,
    "SensitivityStep",
    "How far each driver moves in the sensitivity table",
    { max: 1 },
  );

  return {
    spec: sheet.build(),
    layout: { scenarioNameRow, consumersRow, caseMixRow, guidelineLowRow, guidelineHighRow, plannedHoursRow },
  };
}
