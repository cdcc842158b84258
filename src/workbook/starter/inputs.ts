import { MONTHS_PER_YEAR } from "../../core/pmpm";
import { TOOLKIT_RATE_PER_HOUR, WORKED_EXAMPLE } from "../../core/toolkit/example";
import { CASE_MIX_TOLERANCE } from "../../core/validate";
import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN } from "../layout";
import type { SheetSpec, Validation } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext } from "./context";
import { SCENARIOS, type StarterLevel, type StarterOptions } from "./options";
import { type RiskInputsLayout, riskInputs } from "./riskInputs";
import { startSheet, TAB_COLORS } from "./sheetTop";
import type { StarterSheetBuilder } from "./starterSheet";

const payor = WORKED_EXAMPLE.payor;
type ExampleLevel = keyof typeof payor.step4_case_mix;

/** Where the Inputs sheet put what other sheets reference cell by cell. */
export interface InputsLayout {
  readonly levelIdRow: number;
  readonly caseMixRow: number;
  readonly averageHoursRow: number;
  readonly levelRateRow: number;
  readonly scenarioNameRow: number;
  readonly penetrationRateRow: number;
  /** Rows of the step 8 targets, one per performance measure. */
  readonly metricTargetRows: readonly number[];
  /** The Risk sheet's inputs: the spread of hours per case. */
  readonly risk: RiskInputsLayout;
}

/** Model settings every workbook needs, filled in even when the rest is blank. */
const CHECK_TOLERANCE_DOLLARS = 0.01;
/** The toolkit advises a risk reserve but names no figure: the example's is illustrative. */
export const ILLUSTRATIVE_RISK_RESERVE = 0.05;
/** How Case Rates sizes the risk reserve: Risk's Normal-Power reserve (the default) or the flat %. */
export const RESERVE_METHODS = ["Normal-Power", "Flat %"] as const;

/** What each step of the Inputs sheet writes with. */
interface InputsSteps {
  readonly sheet: StarterSheetBuilder;
  readonly options: StarterOptions;
  /** The example's value, looked up only when the example is wanted (custom levels have none). */
  readonly when: <T>(value: () => T) => T | null;
  /** Columns a section band spans. */
  readonly widest: number;
  /** A row's value cells, one per level of care. */
  readonly levelRange: (row: number) => string;
}

function shareValidation(range: string, what: string): Validation {
  return {
    range,
    kind: "decimal",
    min: 0,
    max: 1,
    promptTitle: what,
    prompt: "A share from 0% to 100%. Type 10% (or 0.1) for ten percent.",
    error: `${what} must be a share from 0% to 100%.`,
  };
}

function nonNegativeValidation(range: string, what: string, unit: string): Validation {
  return {
    range,
    kind: "decimal",
    min: 0,
    promptTitle: what,
    prompt: `${unit}; zero or more.`,
    error: `${what} cannot be negative.`,
  };
}

const exampleLevel = (level: StarterLevel) => level.id as ExampleLevel;

/** Step 1: the members the payor covers. */
function population({ sheet, options, when, widest }: InputsSteps): { enrolleesRow: number } {
  sheet.section("Step 1 · Population", widest);
  const enrolleesRow = sheet.inputLine({
    label: "Enrollees",
    units: "members",
    values: [options.inputs?.enrollees ?? when(() => payor.step1_population.medicaid_enrollees)],
    numberFormat: NUMBER_FORMATS.count,
    name: "Enrollees",
    comment: "Members the payor covers (step 1)",
  });
  sheet.validate(
    nonNegativeValidation(cellAddress(enrolleesRow, FIRST_VALUE_COLUMN), "Enrollees", "Members covered"),
  );
  return { enrolleesRow };
}

/** Step 2: a penetration rate per scenario, and the scenario that drives the model. */
function penetration({ sheet, options, when, widest }: InputsSteps): {
  scenarioNameRow: number;
  penetrationRateRow: number;
  scenarioRow: number;
} {
  sheet.section("Step 2 · Penetration rate", widest);
  const scenarioNameRow = sheet.line("Scenario", "", [...SCENARIOS], { style: "header" });
  sheet.define(
    "ScenarioNames",
    rangeAddress(scenarioNameRow, FIRST_VALUE_COLUMN, scenarioNameRow, FIRST_VALUE_COLUMN + 2, true),
    "Names of the penetration scenarios",
  );
  const penetrationRateRow = sheet.inputLine({
    label: "Penetration rate",
    units: "% of enrollees",
    values: SCENARIOS.map(
      (name, k) =>
        options.inputs?.penetrationRates[k] ??
        when(() => payor.step2_penetration.scenarios.find((s) => s.name === name)?.rate ?? null),
    ),
    numberFormat: NUMBER_FORMATS.percent,
    name: "PenetrationRates",
    comment: "Share of enrollees expected to need care, per scenario (step 2)",
  });
  sheet.validate(
    shareValidation(
      rangeAddress(penetrationRateRow, FIRST_VALUE_COLUMN, penetrationRateRow, FIRST_VALUE_COLUMN + 2),
      "Penetration rate",
    ),
  );
  const review = options.inputs?.notes.penetration;
  if (review !== undefined) sheet.note(review);
  const scenarioRow = sheet.inputLine({
    label: "Scenario that drives the model",
    units: "Low / Medium / High",
    values: [options.scenario],
    numberFormat: NUMBER_FORMATS.general,
    name: "Scenario",
    comment: "The penetration scenario the case rates and budget use",
  });
  sheet.validate({
    range: cellAddress(scenarioRow, FIRST_VALUE_COLUMN),
    kind: "list",
    values: SCENARIOS,
    promptTitle: "Scenario",
    prompt: "Which penetration rate drives the case rates and budget.",
    error: "Choose Low, Medium or High.",
  });
  return { scenarioNameRow, penetrationRateRow, scenarioRow };
}

/** Step 3: the continuum of care and how each category is paid. */
function categoriesOfCare({ sheet, when, widest }: InputsSteps): { firstCategoryRow: number } {
  sheet.section("Step 3 · Categories of care", widest);
  // The number stands apart, in the first value column: beside the payment method's text it
  // would butt against it.
  sheet.heading(["Continuum of care", "Payment method", "#"]);
  const firstCategoryRow = sheet.putTable(
    LABEL_COLUMN,
    payor.step3_categories_of_care.map((c) => [
      when(() => c.category),
      when(() => c.payment_method),
      when(() => c.n),
    ]),
    { style: "input" },
  );
  return { firstCategoryRow };
}

/** Step 3's levels of care: their descriptions (one a row, where a long one has room), ids and LOCUS crosswalk. */
function levelsOfCare({ sheet, options, when, widest }: InputsSteps): { levelIdRow: number } {
  const { levels } = options;
  sheet.section("Steps 3–5 · Levels of care", widest);
  sheet.heading(["Description", "Level of care"]);
  const firstDescriptionRow = sheet.putTable(
    LABEL_COLUMN,
    levels.map((level) => [level.name, level.id]),
    { style: "input" },
  );
  sheet.format(
    rangeAddress(
      firstDescriptionRow,
      LABEL_COLUMN + 1,
      firstDescriptionRow + levels.length - 1,
      LABEL_COLUMN + 1,
    ),
    "label",
  );
  sheet.skip();
  const levelIdRow = sheet.line(
    "Level of care",
    "",
    levels.map((level) => level.id),
    { style: "header" },
  );
  sheet.define(
    "LevelIds",
    rangeAddress(levelIdRow, FIRST_VALUE_COLUMN, levelIdRow, FIRST_VALUE_COLUMN + levels.length - 1, true),
    "Level of care ids",
  );
  sheet.inputLine({
    label: "LOCUS crosswalk",
    units: "LOCUS level",
    values: levels.map((level) =>
      when(() => payor.levels_of_care.find((l) => l.level === level.id)?.locus ?? null),
    ),
    numberFormat: NUMBER_FORMATS.count,
  });
  return { levelIdRow };
}

/** Step 4: the share of cases at each level. */
function caseMix({ sheet, options, when, levelRange }: InputsSteps): { caseMixRow: number } {
  const caseMixRow = sheet.inputLine({
    label: "Case mix (step 4)",
    units: "% of cases",
    values: options.levels.map(
      (level, i) => options.inputs?.caseMix[i] ?? when(() => payor.step4_case_mix[exampleLevel(level)]),
    ),
    numberFormat: NUMBER_FORMATS.percentWhole,
    name: "CaseMix",
    comment: "Share of cases at each level of care (step 4)",
  });
  sheet.validate(shareValidation(levelRange(caseMixRow), "Case mix"));
  return { caseMixRow };
}

/** Step 5: the fewest, most and average service hours per episode at each level. */
function hoursPerEpisode({ sheet, options, when, levelRange }: InputsSteps): {
  minimumHoursRow: number;
  maximumHoursRow: number;
  averageHoursRow: number;
} {
  const fromInputs = { min: "minimumHours", max: "maximumHours", average: "averageHours" } as const;
  const hours = (key: "min" | "max" | "average") =>
    options.levels.map(
      (level, i) =>
        options.inputs?.[fromInputs[key]][i] ??
        when(() => payor.step5_hours_per_episode[exampleLevel(level)][key]),
    );
  const hoursRows = [
    sheet.inputLine({
      label: "Minimum hours (step 5)",
      units: "hours per episode",
      values: hours("min"),
      numberFormat: NUMBER_FORMATS.count,
      name: "MinimumHours",
      comment: "Fewest service hours per episode at each level",
    }),
    sheet.inputLine({
      label: "Maximum hours (step 5)",
      units: "hours per episode",
      values: hours("max"),
      numberFormat: NUMBER_FORMATS.count,
      name: "MaximumHours",
      comment: "Most service hours per episode at each level",
    }),
    sheet.inputLine({
      label: "Average hours (step 5)",
      units: "hours per episode",
      values: hours("average"),
      numberFormat: NUMBER_FORMATS.hours,
      name: "AverageHours",
      comment: "Average service hours per episode at each level (step 5)",
    }),
  ];
  for (const row of hoursRows)
    sheet.validate(nonNegativeValidation(levelRange(row), "Hours", "Service hours per episode"));
  const [minimumHoursRow, maximumHoursRow, averageHoursRow] = hoursRows;
  return { minimumHoursRow, maximumHoursRow, averageHoursRow };
}

/** The note to step 6: a level's own rate per hour, where its service mix differs. */
function levelRates({ sheet, options, levelRange }: InputsSteps): { levelRateRow: number } {
  const levelRateRow = sheet.inputLine({
    label: "Rate per hour for this level (optional)",
    units: "$ per hour",
    values: options.levels.map(() => null),
    numberFormat: NUMBER_FORMATS.dollarsCents,
    name: "LevelRatesPerHour",
    comment: "A level's own rate per hour, where its service mix differs (note to step 6)",
  });
  sheet.validate(
    nonNegativeValidation(
      levelRange(levelRateRow),
      "Rate per hour",
      "Dollars per hour; leave blank to use the model's rate",
    ),
  );
  sheet.note(
    "Leave a level's rate blank to use the rate per hour below; set one where that level's service mix differs.",
  );
  if (options.history)
    sheet.note("The Encounter History sheet shows each level's own rate per hour in the encounter history.");
  return { levelRateRow };
}

/** Step 6: the average cost per service hour the model uses. */
function ratePerHour({ sheet, options, when, widest }: InputsSteps): { rateRow: number } {
  sheet.section("Step 6 · Cost per unit of service", widest);
  const rateRow = sheet.inputLine({
    label: "Rate per hour the model uses",
    units: "$ per hour",
    values: [options.inputs?.ratePerHour ?? when(() => TOOLKIT_RATE_PER_HOUR)],
    numberFormat: NUMBER_FORMATS.dollarsCents,
    name: "RatePerHour",
    comment: "Average cost per service hour (step 6)",
  });
  sheet.validate(
    nonNegativeValidation(
      cellAddress(rateRow, FIRST_VALUE_COLUMN),
      "Rate per hour",
      "Dollars per service hour",
    ),
  );
  if (options.example) {
    sheet.note(
      `The toolkit prints $158.62 but computed its case rates and budget with an unrounded rate; ${TOOLKIT_RATE_PER_HOUR} reproduces every printed figure and shows as $158.62.`,
    );
  }
  return { rateRow };
}

/** Step 6's service codes: who delivers each, its billed rate and the hours delivered. */
function serviceCodes({ sheet, options }: InputsSteps): { firstCodeRow: number; lastCodeRow: number } {
  const clinicians = clinicianColumns(options);
  sheet.heading(["Service", "Code", ...clinicians, "Billed per hour", "Service hours"]);
  const codeRows = options.inputs
    ? options.inputs.serviceCodes.map((service) => [
        service.description === "" ? null : service.description,
        service.code,
        ...service.clinicianShares,
        service.billedPerHour,
        service.hours,
      ])
    : payor.step6_service_codes.rows.map(([code, description, prescriber, rn, masters, below, billed]) =>
        options.example
          ? [description, code, prescriber, rn, masters, below, billed, null]
          : [null, null, null, null, null, null, null, null],
      );
  const firstCodeRow = sheet.putTable(LABEL_COLUMN, codeRows, { style: "input" });
  const lastCodeRow = firstCodeRow + codeRows.length - 1;
  /** The code rows of the value column `offset` columns right of the first (to `lastOffset`). */
  const columns = (offset: number, lastOffset = offset, absolute = false) =>
    rangeAddress(
      firstCodeRow,
      FIRST_VALUE_COLUMN + offset,
      lastCodeRow,
      FIRST_VALUE_COLUMN + lastOffset,
      absolute,
    );
  const billed = clinicians.length;
  if (billed > 0) {
    sheet.format(columns(0, billed - 1), undefined, NUMBER_FORMATS.percentWhole);
    sheet.validate(shareValidation(columns(0, billed - 1), "Clinician-type share"));
  }
  sheet.format(columns(billed), undefined, NUMBER_FORMATS.dollarsCents);
  sheet.format(columns(billed + 1), undefined, NUMBER_FORMATS.count);
  sheet.define(
    "BilledRatesPerHour",
    columns(billed, billed, true),
    "Billed dollars per hour of each service code",
  );
  sheet.define(
    "ServiceHours",
    columns(billed + 1, billed + 1, true),
    "Hours of each service code delivered (for the volume-weighted rate)",
  );
  sheet.validate(
    nonNegativeValidation(
      columns(billed, billed + 1),
      "Billed rate or hours",
      "Dollars per hour, or hours delivered",
    ),
  );
  sheet.note(
    options.inputs
      ? "From the encounter history: each code's dollars paid per hour, its hours, and its clinicians' shares of them."
      : "Fill the service hours from your claims data to see the volume-weighted cost per hour on Case Rates.",
  );
  return { firstCodeRow, lastCodeRow };
}

/** The step 6 table's clinician-type columns: the history's types, else the toolkit's four. */
function clinicianColumns(options: StarterOptions): readonly string[] {
  return options.inputs?.clinicianTypes ?? ["Prescriber", "RN", "Masters level", "Below masters level"];
}

/** Value columns the Inputs sheet lays out: one per level, and room for step 6's table (at least 6). */
function valueColumnCount(options: StarterOptions): number {
  return Math.max(options.levels.length, clinicianColumns(options).length + 2, 6);
}

/** Step 8: the target of each performance measure. */
function performanceTargets({ sheet, when, widest }: InputsSteps): { metricTargetRows: number[] } {
  sheet.section("Step 8 · Performance targets", widest);
  const metrics = payor.step8_performance_metrics;
  // Each measure on a line of its own, where it runs on over the empty cells; its target below.
  const metricTargetRows = metrics.map((metric) => {
    sheet.note(metric.measure);
    return sheet.inputLine({
      label: "Target",
      units: "% of cases",
      values: [when(() => ("target" in metric ? (metric.target ?? null) : null))],
      numberFormat: NUMBER_FORMATS.percentWhole,
      comment: metric.measure,
    });
  });
  const rangeShareMetric = metrics.findIndex((metric) => metric.measure.startsWith("Services align"));
  sheet.define(
    "RangeShareTarget",
    cellAddress(metricTargetRows[rangeShareMetric], FIRST_VALUE_COLUMN, true),
    "Target share of consumers whose hours lie within their level's range (step 8)",
  );
  const targets = (absolute = false) =>
    rangeAddress(
      metricTargetRows[0],
      FIRST_VALUE_COLUMN,
      metricTargetRows[metricTargetRows.length - 1],
      FIRST_VALUE_COLUMN,
      absolute,
    );
  sheet.define("MetricTargets", targets(true), "Targets of the step 8 performance measures");
  sheet.validate(shareValidation(targets(), "Target"));
  return { metricTargetRows };
}

/** The model's settings: the risk reserve, months per year and the checks' tolerances. */
function modelSettings({ sheet, options, when, widest }: InputsSteps): { reserveRow: number } {
  sheet.section("Model settings", widest);
  const reserveRow = sheet.inputLine({
    label: "Risk reserve on top of the budget",
    units: "% of budget",
    values: [when(() => ILLUSTRATIVE_RISK_RESERVE)],
    numberFormat: NUMBER_FORMATS.percent,
    name: "RiskReservePct",
    comment: "Reserve the payor holds on top of the budget, as a share of it",
  });
  sheet.validate(shareValidation(cellAddress(reserveRow, FIRST_VALUE_COLUMN), "Risk reserve"));
  if (options.example)
    sheet.note("Illustrative: the toolkit advises a risk reserve but names no percentage.");
  const methodRow = sheet.inputLine({
    label: "Risk reserve method",
    units: RESERVE_METHODS.join(" / "),
    values: [RESERVE_METHODS[0]],
    numberFormat: NUMBER_FORMATS.general,
    name: "RiskReserveMethod",
    comment: "How Case Rates sizes the reserve: Risk's Normal-Power reserve, or the flat % of the budget",
  });
  sheet.validate({
    range: cellAddress(methodRow, FIRST_VALUE_COLUMN),
    kind: "list",
    values: RESERVE_METHODS,
    promptTitle: "Risk reserve method",
    prompt:
      "Normal-Power: the reserve the Risk sheet computes at its confidence. Flat %: the percentage above.",
    error: "Choose Normal-Power or Flat %.",
  });
  sheet.inputLine({
    label: "Months per year",
    units: "months",
    values: [MONTHS_PER_YEAR],
    numberFormat: NUMBER_FORMATS.count,
    name: "MonthsPerYear",
    comment: "Months the budget covers, for PMPM",
  });
  sheet.inputLine({
    label: "Case mix tolerance",
    units: "% points",
    values: [CASE_MIX_TOLERANCE],
    numberFormat: "0.00%",
    name: "CaseMixTolerance",
    comment: "How far the case mix may stray from 100%",
  });
  sheet.inputLine({
    label: "Check tolerance",
    units: "$",
    values: [CHECK_TOLERANCE_DOLLARS],
    numberFormat: NUMBER_FORMATS.dollarsCents,
    name: "CheckTolerance",
    comment: "How far a total may differ from the sum of its parts",
  });
  return { reserveRow };
}

/** The Inputs sheet: steps 1–6 and the step 8 targets, every user-set figure in one place. */
export function inputsSheet(ctx: StarterContext): { spec: SheetSpec; layout: InputsLayout } {
  const { options } = ctx;
  const levelCount = options.levels.length;
  const sheet = startSheet(
    ctx,
    "Inputs",
    "Steps 1–6 of the toolkit. Blue on yellow cells are inputs: every other sheet computes from them.",
    TAB_COLORS.inputs,
    // Value columns fit the service codes' widest header ("Below masters level") on one line.
    [2, 46, 22, ...Array<number>(valueColumnCount(options)).fill(21), 40],
  );
  const steps: InputsSteps = {
    sheet,
    options,
    when: (value) => (options.example ? value() : null),
    widest: valueColumnCount(options) + 2,
    levelRange: (row) => rangeAddress(row, FIRST_VALUE_COLUMN, row, FIRST_VALUE_COLUMN + levelCount - 1),
  };
  population(steps);
  const { scenarioNameRow, penetrationRateRow } = penetration(steps);
  categoriesOfCare(steps);
  const { levelIdRow } = levelsOfCare(steps);
  const { caseMixRow } = caseMix(steps);
  const { averageHoursRow } = hoursPerEpisode(steps);
  const { levelRateRow } = levelRates(steps);
  ratePerHour(steps);
  serviceCodes(steps);
  const { metricTargetRows } = performanceTargets(steps);
  modelSettings(steps);
  const risk = riskInputs(sheet, options, steps.widest);
  return {
    spec: sheet.build(),
    layout: {
      levelIdRow,
      caseMixRow,
      averageHoursRow,
      levelRateRow,
      scenarioNameRow,
      penetrationRateRow,
      metricTargetRows,
      risk,
    },
  };
}
