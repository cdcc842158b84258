import { WORKED_EXAMPLE } from "../../core/toolkit/example";
import {
  ASSUMPTION_SOURCES,
  PROVIDER_ILLUSTRATION,
  PROVIDER_PRODUCTIVITY,
} from "../../core/toolkit/providerExample";
import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN } from "../layout";
import type { SheetSpec, Validation } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext, StarterName } from "../starter/context";
import type { StarterOptions } from "../starter/options";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";
import type { InputLine, StarterSheetBuilder } from "../starter/starterSheet";

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
const illustration = PROVIDER_ILLUSTRATION;

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

/** A provider input: always named, validated from 0 (to `max` for a share), with its source. */
interface ProviderInput extends InputLine {
  readonly name: StarterName;
  readonly comment: string;
  /** 1 for a share; none for a figure of zero or more. */
  readonly max?: number;
  /** Where the example's figure comes from, shown beside it. */
  readonly source?: string;
}

/** What each section of Provider Inputs writes with. */
interface ProviderSteps {
  readonly sheet: StarterSheetBuilder;
  readonly options: StarterOptions;
  /** The example's value, looked up only when the example is wanted. */
  readonly when: <T>(value: () => T) => T | null;
  /** Columns a section band spans, to the source column. */
  readonly width: number;
  /** The column of the sources beside the example's figures. */
  readonly sourceColumn: number;
  /** Writes a provider input line; returns its row. */
  readonly input: (line: ProviderInput) => number;
}

/** 1 · Consumers per scenario, the scenario shown, the market share and the consumer mix. */
function consumers({ sheet, options, when, input }: ProviderSteps): {
  scenarioNameRow: number;
  consumersRow: number;
  caseMixRow: number;
} {
  const scenarioNameRow = sheet.line("Scenario", "", [...PROVIDER_SCENARIOS], { style: "header" });
  sheet.define(
    "ProviderScenarioNames",
    rangeAddress(scenarioNameRow, FIRST_VALUE_COLUMN, scenarioNameRow, FIRST_VALUE_COLUMN + 2, true),
    "Names of the provider's consumer scenarios",
  );
  const consumersRow = input({
    label: "Consumers per year",
    units: "consumers",
    values: PROVIDER_SCENARIOS.map((name) => when(() => illustration.consumerScenarios[name])),
    numberFormat: NUMBER_FORMATS.count,
    name: "ConsumerScenarios",
    comment: "Consumers served a year in each scenario",
    source: "Base: the toolkit's 1,000 a year; Low and High illustrative",
  });
  const scenarioRow = sheet.line("Scenario that drives the dashboard", "Low / Base / High", ["Base"], {
    style: "input",
  });
  sheet.define(
    "ProviderScenario",
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
  input({
    label: "Market share",
    units: "% of the payor's cases",
    values: [when(() => illustration.marketShare)],
    numberFormat: NUMBER_FORMATS.percentWhole,
    name: "MarketShare",
    comment: "Share of the payor's cases the provider serves",
    max: 1,
    source: "the toolkit: a 33% share",
  });
  sheet.line(
    "Level of care",
    "",
    options.levels.map((level) => level.id),
    { style: "header" },
  );
  const caseMixRow = input({
    label: "Consumer mix",
    units: "% of consumers",
    values: options.levels.map((level) =>
      when(
        () =>
          WORKED_EXAMPLE.payor.step4_case_mix[level.id as keyof typeof WORKED_EXAMPLE.payor.step4_case_mix],
      ),
    ),
    numberFormat: NUMBER_FORMATS.percentWhole,
    name: "ProviderCaseMix",
    comment: "Share of the provider's consumers at each level",
    max: 1,
    source: "illustrative: the payor's case mix",
  });
  return { scenarioNameRow, consumersRow, caseMixRow };
}

/** 2 · Service hours per episode from the utilization-management guidelines. */
function serviceHours({ options, when, input }: ProviderSteps): {
  guidelineLowRow: number;
  guidelineHighRow: number;
  plannedHoursRow: number;
} {
  const guideline = (key: "low" | "high" | "average") =>
    options.levels.map((level) =>
      when(() => WORKED_EXAMPLE.provider.um_guidelines_hours[level.id as ExampleLevel][key]),
    );
  const source = "the toolkit's guideline table";
  const guidelineLowRow = input({
    label: "Low end of the guideline",
    units: "hours per episode",
    values: guideline("low"),
    numberFormat: NUMBER_FORMATS.count,
    name: "GuidelineLow",
    comment: "Fewest hours the guideline expects per episode",
    source,
  });
  const guidelineHighRow = input({
    label: "High end of the guideline",
    units: "hours per episode",
    values: guideline("high"),
    numberFormat: NUMBER_FORMATS.count,
    name: "GuidelineHigh",
    comment: "Most hours the guideline expects per episode",
    source,
  });
  const plannedHoursRow = input({
    label: "Planned average hours",
    units: "hours per episode",
    values: guideline("average"),
    numberFormat: NUMBER_FORMATS.hours,
    name: "PlannedHours",
    comment: "Average hours per episode the provider plans at each level",
    source,
  });
  return { guidelineLowRow, guidelineHighRow, plannedHoursRow };
}

/** 3–4 · What one FTE delivers (paid hours, time off, productivity, no-shows) and FTEs on payroll. */
function productivity({ when, input }: ProviderSteps): { firstRow: number; fteOnPayrollRow: number } {
  const p = PROVIDER_PRODUCTIVITY;
  const firstRow = input({
    label: "Paid hours per FTE",
    units: "hours a year",
    values: [when(() => p.paidHoursPerFte)],
    numberFormat: NUMBER_FORMATS.count,
    name: "PaidHoursPerFte",
    comment: "Paid hours of one full-time equivalent a year",
    source: ASSUMPTION_SOURCES.paidHoursPerFte,
  });
  input({
    label: "Paid time off and training",
    units: "hours a year",
    values: [when(() => p.timeOffAndTrainingHours)],
    numberFormat: NUMBER_FORMATS.count,
    name: "TimeOffAndTrainingHours",
    comment: "Paid hours away from service: leave, holidays, training",
    source: ASSUMPTION_SOURCES.timeOffAndTrainingHours,
  });
  input({
    label: "Productivity",
    units: "% of hours at work",
    values: [when(() => p.productivity)],
    numberFormat: NUMBER_FORMATS.percentWhole,
    name: "Productivity",
    comment: "Share of hours at work scheduled in direct service",
    max: 1,
    source: ASSUMPTION_SOURCES.productivity,
  });
  input({
    label: "No-show rate",
    units: "% of scheduled hours",
    values: [when(() => p.noShowRate)],
    numberFormat: NUMBER_FORMATS.percentWhole,
    name: "NoShowRate",
    comment: "Share of scheduled direct-service hours lost to no-shows",
    max: 1,
    source: ASSUMPTION_SOURCES.noShowRate,
  });
  const fteOnPayrollRow = input({
    label: "FTEs on payroll",
    units: "direct-service FTEs",
    values: [when(() => illustration.fteOnPayroll)],
    numberFormat: NUMBER_FORMATS.countDecimal,
    name: "FteOnPayroll",
    comment: "Direct-service FTEs the provider employs today",
    source: ASSUMPTION_SOURCES.salaries,
  });
  return { firstRow, fteOnPayrollRow };
}

/** 5 · Salaries, benefits, payroll taxes, other staff and contractors. */
function staffingCosts({ when, input }: ProviderSteps): { firstRow: number; lastRow: number } {
  const firstRow = input({
    label: "Direct-service salary per FTE",
    units: "$ a year",
    values: [when(() => illustration.directSalaryPerFte)],
    numberFormat: NUMBER_FORMATS.dollars,
    name: "DirectSalaryPerFte",
    comment: "Average salary of a direct-service FTE",
    source: ASSUMPTION_SOURCES.salaries,
  });
  input({
    label: "Benefits",
    units: "% of salary",
    values: [when(() => illustration.benefitsPct)],
    numberFormat: NUMBER_FORMATS.percent,
    name: "BenefitsPct",
    comment: "Benefits as a share of salary",
    max: 1,
    source: ASSUMPTION_SOURCES.salaries,
  });
  input({
    label: "Payroll taxes",
    units: "% of salary",
    values: [when(() => illustration.payrollTaxPct)],
    numberFormat: "0.00%",
    name: "PayrollTaxPct",
    comment: "Payroll taxes as a share of salary",
    max: 1,
    source: "FICA 7.65%",
  });
  input({
    label: "Other staff salaries",
    units: "$ a year",
    values: [when(() => illustration.otherStaffSalaries)],
    numberFormat: NUMBER_FORMATS.dollars,
    name: "OtherStaffSalaries",
    comment: "Salaries of supervisors, administration and support staff",
    source: ASSUMPTION_SOURCES.salaries,
  });
  const lastRow = input({
    label: "Contractor fees",
    units: "$ a year",
    values: [when(() => illustration.contractorFees)],
    numberFormat: NUMBER_FORMATS.dollars,
    name: "ContractorFees",
    comment: "Fees of contracted clinicians and services",
    source: ASSUMPTION_SOURCES.salaries,
  });
  return { firstRow, lastRow };
}

/**
 * A column of dollar lines a year named as one range (overhead items, other revenue), validated
 * from 0, with one source beside the first; returns its first and last rows.
 */
function dollarItems(
  { sheet, options, when, sourceColumn }: ProviderSteps,
  block: { name: StarterName; comment: string; what: string; source: string },
  lines: readonly [string, number][],
): { firstRow: number; lastRow: number } {
  const firstRow = sheet.row;
  for (const [label, value] of lines)
    sheet.line(label, "$ a year", [when(() => value)], {
      style: "input",
      numberFormat: NUMBER_FORMATS.dollars,
    });
  const lastRow = sheet.row - 1;
  const items = (absolute = false) =>
    rangeAddress(firstRow, FIRST_VALUE_COLUMN, lastRow, FIRST_VALUE_COLUMN, absolute);
  sheet.define(block.name, items(true), block.comment);
  sheet.validate(validation(items(), block.what));
  if (options.example) sheet.put(firstRow, sourceColumn, [block.source], { style: "note" });
  return { firstRow, lastRow };
}

/** 6 · Non-staff costs a year. */
function overhead(steps: ProviderSteps): { firstRow: number; lastRow: number } {
  const items = illustration.overhead;
  return dollarItems(
    steps,
    {
      name: "OverheadItems",
      comment: "Non-staff costs a year",
      what: "Overhead",
      source: ASSUMPTION_SOURCES.overhead,
    },
    [
      ["Occupancy", items.occupancy],
      ["Supplies", items.supplies],
      ["Travel", items.travel],
      ["Training", items.training],
      ["Depreciation", items.depreciation],
      ["Working capital", items.workingCapital],
    ],
  );
}

/** 7 · Revenue besides the case rates. */
function otherRevenue(steps: ProviderSteps): { firstRow: number; lastRow: number } {
  const revenue = illustration.otherRevenue;
  return dollarItems(
    steps,
    {
      name: "OtherRevenueItems",
      comment: "Revenue besides the case rates, a year",
      what: "Revenue",
      source: ASSUMPTION_SOURCES.otherRevenue,
    },
    [
      ["Fee-for-service from other payors", revenue.feeForService],
      ["Grants", revenue.grants],
      ["Fundraising", revenue.fundraising],
      ["Other revenue", revenue.other],
    ],
  );
}

/** How far the sensitivity table moves each driver. */
function sensitivityStep({ input }: ProviderSteps): { sensitivityStepRow: number } {
  const sensitivityStepRow = input({
    label: "Move each driver by",
    units: "± % of its value",
    values: [illustration.sensitivityStep],
    numberFormat: NUMBER_FORMATS.percentWhole,
    name: "SensitivityStep",
    comment: "How far each driver moves in the sensitivity table",
    max: 1,
  });
  return { sensitivityStepRow };
}

/**
 * The Provider Inputs sheet: the clinical-financial model's assumptions, section by section as the
 * toolkit lists them. Figures the toolkit does not give are labelled illustrative beside them.
 */
export function providerInputsSheet(ctx: StarterContext): { spec: SheetSpec; layout: ProviderInputsLayout } {
  const { options } = ctx;
  const levelCount = options.levels.length;
  // A narrow spacer column keeps the last value's number off the source's text.
  const sourceColumn = FIRST_VALUE_COLUMN + Math.max(levelCount, PROVIDER_SCENARIOS.length) + 1;
  const sheet = startSheet(
    ctx,
    "Provider Inputs",
    "The provider's clinical-financial model: consumers, hours, productivity, staff, overhead and other revenue.",
    TAB_COLORS.inputs,
    [2, 46, 24, ...Array<number>(Math.max(levelCount, 3)).fill(15), 2, 60],
  );
  const input = ({ max, source, ...line }: ProviderInput): number => {
    const row = sheet.inputLine(line);
    const last = FIRST_VALUE_COLUMN + line.values.length - 1;
    sheet.validate(validation(rangeAddress(row, FIRST_VALUE_COLUMN, row, last), line.label, max));
    if (source && options.example) sheet.put(row, sourceColumn, [source], { style: "note" });
    return row;
  };
  const steps: ProviderSteps = {
    sheet,
    options,
    when: (value) => (options.example ? value() : null),
    width: sourceColumn - LABEL_COLUMN + 1,
    sourceColumn,
    input,
  };
  const section = (title: string) => sheet.section(title, steps.width);

  section("1 · Consumers and consumer mix");
  const { scenarioNameRow, consumersRow, caseMixRow } = consumers(steps);
  section("2 · Service hours (utilization-management guidelines)");
  const { guidelineLowRow, guidelineHighRow, plannedHoursRow } = serviceHours(steps);
  section("3–4 · Productivity and FTEs");
  productivity(steps);
  section("5 · Staffing costs");
  staffingCosts(steps);
  section("6 · Overhead");
  overhead(steps);
  section("7 · Other revenue");
  otherRevenue(steps);
  section("Sensitivity");
  sensitivityStep(steps);
  return {
    spec: sheet.build(),
    layout: { scenarioNameRow, consumersRow, caseMixRow, guidelineLowRow, guidelineHighRow, plannedHoursRow },
  };
}
