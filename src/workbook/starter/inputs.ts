import { TOOLKIT_RATE_PER_HOUR, WORKED_EXAMPLE } from "../../core/toolkit/example";
import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN, type SheetBuilder } from "../layout";
import type { CellContent, SheetSpec, Validation } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext, StarterName } from "./context";
import { SCENARIOS } from "./options";
import { startSheet, TAB_COLORS } from "./sheetTop";

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
}

/** Model settings every workbook needs, filled in even when the rest is blank. */
const MONTHS_PER_YEAR = 12;
const CASE_MIX_TOLERANCE = 0.0001;
const CHECK_TOLERANCE_DOLLARS = 0.01;
/** The toolkit advises a risk reserve but names no figure: the example's is illustrative. */
export const ILLUSTRATIVE_RISK_RESERVE = 0.05;

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

/** Writes an input line (blue on yellow) and names its value cells; returns the row. */
function inputLine(
  ctx: StarterContext,
  sheet: SheetBuilder,
  label: string,
  units: string,
  values: readonly CellContent[],
  numberFormat: string,
  name?: StarterName,
  comment = label,
): number {
  const row = sheet.line(label, units, values, { style: "input", numberFormat });
  if (name) {
    const range = rangeAddress(row, FIRST_VALUE_COLUMN, row, FIRST_VALUE_COLUMN + values.length - 1, true);
    ctx.define(name, "Inputs", range, comment);
  }
  return row;
}

/** The Inputs sheet: steps 1–6 and the step 8 targets, every user-set figure in one place. */
export function inputsSheet(ctx: StarterContext): { spec: SheetSpec; layout: InputsLayout } {
  const { example, levels, scenario } = ctx.options;
  const levelCount = levels.length;
  /** The example's value, looked up only when the example is wanted (custom levels have none). */
  const when = <T>(value: () => T): T | null => (example ? value() : null);
  const sheet = startSheet(
    ctx,
    "Inputs",
    "Steps 1–6 of the toolkit. Blue on yellow cells are inputs: every other sheet computes from them.",
    TAB_COLORS.inputs,
    [2, 46, 18, ...Array<number>(Math.max(levelCount, 6)).fill(17), 40],
  );
  const widest = Math.max(levelCount, 6) + 2;
  const lastLevelColumn = FIRST_VALUE_COLUMN + levelCount - 1;
  const levelRange = (row: number) => rangeAddress(row, FIRST_VALUE_COLUMN, row, lastLevelColumn);

  sheet.section("Step 1 · Population", widest);
  const enrolleesRow = inputLine(
    ctx,
    sheet,
    "Enrollees",
    "members",
    [when(() => payor.step1_population.medicaid_enrollees)],
    NUMBER_FORMATS.count,
    "Enrollees",
    "Members the payor covers (step 1)",
  );
  sheet.validate(
    nonNegativeValidation(cellAddress(enrolleesRow, FIRST_VALUE_COLUMN), "Enrollees", "Members covered"),
  );

  sheet.section("Step 2 · Penetration rate", widest);
  const scenarioNameRow = sheet.line("Scenario", "", [...SCENARIOS], { style: "header" });
  ctx.define(
    "ScenarioNames",
    "Inputs",
    rangeAddress(scenarioNameRow, FIRST_VALUE_COLUMN, scenarioNameRow, FIRST_VALUE_COLUMN + 2, true),
    "Names of the penetration scenarios",
  );
  const rates = SCENARIOS.map((name) =>
    when(() => payor.step2_penetration.scenarios.find((s) => s.name === name)?.rate ?? null),
  );
  const penetrationRateRow = inputLine(
    ctx,
    sheet,
    "Penetration rate",
    "% of enrollees",
    rates,
    NUMBER_FORMATS.percent,
    "PenetrationRates",
    "Share of enrollees expected to need care, per scenario (step 2)",
  );
  sheet.validate(
    shareValidation(
      rangeAddress(penetrationRateRow, FIRST_VALUE_COLUMN, penetrationRateRow, FIRST_VALUE_COLUMN + 2),
      "Penetration rate",
    ),
  );
  const scenarioRow = inputLine(
    ctx,
    sheet,
    "Scenario that drives the model",
    "Low / Medium / High",
    [scenario],
    NUMBER_FORMATS.general,
    "Scenario",
    "The penetration scenario the case rates and budget use",
  );
  sheet.validate({
    range: cellAddress(scenarioRow, FIRST_VALUE_COLUMN),
    kind: "list",
    values: SCENARIOS,
    promptTitle: "Scenario",
    prompt: "Which penetration rate drives the case rates and budget.",
    error: "Choose Low, Medium or High.",
  });

  sheet.section("Step 3 · Categories of care", widest);
  sheet.heading(["Continuum of care", "#", "Payment method"]);
  const categories = payor.step3_categories_of_care;
  sheet.putTable(
    LABEL_COLUMN,
    categories.map((c) => [when(() => c.category), when(() => c.n), when(() => c.payment_method)]),
    { style: "input" },
  );

  sheet.section("Steps 3–5 · Levels of care", widest);
  const levelIdRow = sheet.line(
    "Level of care",
    "",
    levels.map((level) => level.id),
    { style: "header" },
  );
  ctx.define(
    "LevelIds",
    "Inputs",
    rangeAddress(levelIdRow, FIRST_VALUE_COLUMN, levelIdRow, lastLevelColumn, true),
    "Level of care ids",
  );
  const exampleLevel = (level: { id: string }) => level.id as ExampleLevel;
  inputLine(
    ctx,
    sheet,
    "Description",
    "text",
    levels.map((level) => level.name),
    NUMBER_FORMATS.general,
  );
  inputLine(
    ctx,
    sheet,
    "LOCUS crosswalk",
    "LOCUS level",
    levels.map((level) => when(() => payor.levels_of_care.find((l) => l.level === level.id)?.locus ?? null)),
    NUMBER_FORMATS.count,
  );
  const caseMixRow = inputLine(
    ctx,
    sheet,
    "Case mix (step 4)",
    "% of cases",
    levels.map((level) => when(() => payor.step4_case_mix[exampleLevel(level)])),
    NUMBER_FORMATS.percentWhole,
    "CaseMix",
    "Share of cases at each level of care (step 4)",
  );
  sheet.validate(shareValidation(levelRange(caseMixRow), "Case mix"));
  const hours = (key: "min" | "max" | "average") =>
    levels.map((level) => when(() => payor.step5_hours_per_episode[exampleLevel(level)][key]));
  const hoursRows = [
    inputLine(
      ctx,
      sheet,
      "Minimum hours (step 5)",
      "hours per episode",
      hours("min"),
      NUMBER_FORMATS.count,
      "MinimumHours",
      "Fewest service hours per episode at each level",
    ),
    inputLine(
      ctx,
      sheet,
      "Maximum hours (step 5)",
      "hours per episode",
      hours("max"),
      NUMBER_FORMATS.count,
      "MaximumHours",
      "Most service hours per episode at each level",
    ),
    inputLine(
      ctx,
      sheet,
      "Average hours (step 5)",
      "hours per episode",
      hours("average"),
      NUMBER_FORMATS.hours,
      "AverageHours",
      "Average service hours per episode at each level (step 5)",
    ),
  ];
  for (const row of hoursRows)
    sheet.validate(nonNegativeValidation(levelRange(row), "Hours", "Service hours per episode"));
  const averageHoursRow = hoursRows[2];
  const levelRateRow = inputLine(
    ctx,
    sheet,
    "Rate per hour for this level (optional)",
    "$ per hour",
    levels.map(() => null),
    NUMBER_FORMATS.dollarsCents,
    "LevelRatesPerHour",
    "A level's own rate per hour, where its service mix differs (note to step 6)",
  );
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

  sheet.section("Step 6 · Cost per unit of service", widest);
  const rateRow = inputLine(
    ctx,
    sheet,
    "Rate per hour the model uses",
    "$ per hour",
    [when(() => TOOLKIT_RATE_PER_HOUR)],
    NUMBER_FORMATS.dollarsCents,
    "RatePerHour",
    "Average cost per service hour (step 6)",
  );
  sheet.validate(
    nonNegativeValidation(
      cellAddress(rateRow, FIRST_VALUE_COLUMN),
      "Rate per hour",
      "Dollars per service hour",
    ),
  );
  if (example) {
    sheet.note(
      `The toolkit prints $158.62 but computed its case rates and budget with an unrounded rate; ${TOOLKIT_RATE_PER_HOUR} reproduces every printed figure and shows as $158.62.`,
    );
  }
  const codes = payor.step6_service_codes.rows;
  sheet.heading([
    "Service",
    "Code",
    "Prescriber",
    "RN",
    "Masters level",
    "Below masters level",
    "Billed per hour",
    "Service hours",
  ]);
  const codeRows = codes.map(([code, description, prescriber, rn, masters, below, billed]) =>
    example
      ? [description, code, prescriber, rn, masters, below, billed, null]
      : [null, null, null, null, null, null, null, null],
  );
  const firstCodeRow = sheet.putTable(LABEL_COLUMN, codeRows, { style: "input" });
  const lastCodeRow = firstCodeRow + codeRows.length - 1;
  sheet.format(
    rangeAddress(firstCodeRow, FIRST_VALUE_COLUMN, lastCodeRow, FIRST_VALUE_COLUMN + 3),
    undefined,
    NUMBER_FORMATS.percentWhole,
  );
  sheet.format(
    rangeAddress(firstCodeRow, FIRST_VALUE_COLUMN + 4, lastCodeRow, FIRST_VALUE_COLUMN + 4),
    undefined,
    NUMBER_FORMATS.dollarsCents,
  );
  sheet.format(
    rangeAddress(firstCodeRow, FIRST_VALUE_COLUMN + 5, lastCodeRow, FIRST_VALUE_COLUMN + 5),
    undefined,
    NUMBER_FORMATS.count,
  );
  ctx.define(
    "BilledRatesPerHour",
    "Inputs",
    rangeAddress(firstCodeRow, FIRST_VALUE_COLUMN + 4, lastCodeRow, FIRST_VALUE_COLUMN + 4, true),
    "Billed dollars per hour of each service code",
  );
  ctx.define(
    "ServiceHours",
    "Inputs",
    rangeAddress(firstCodeRow, FIRST_VALUE_COLUMN + 5, lastCodeRow, FIRST_VALUE_COLUMN + 5, true),
    "Hours of each service code delivered (for the volume-weighted rate)",
  );
  sheet.validate(
    shareValidation(
      rangeAddress(firstCodeRow, FIRST_VALUE_COLUMN, lastCodeRow, FIRST_VALUE_COLUMN + 3),
      "Clinician-type share",
    ),
  );
  sheet.validate(
    nonNegativeValidation(
      rangeAddress(firstCodeRow, FIRST_VALUE_COLUMN + 4, lastCodeRow, FIRST_VALUE_COLUMN + 5),
      "Billed rate or hours",
      "Dollars per hour, or hours delivered",
    ),
  );
  sheet.note(
    "Fill the service hours from your claims data to see the volume-weighted cost per hour on Case Rates.",
  );

  sheet.section("Step 8 · Performance targets", widest);
  const metricTargetRows = payor.step8_performance_metrics.map((metric) =>
    inputLine(
      ctx,
      sheet,
      metric.measure,
      "% of cases",
      [when(() => ("target" in metric ? (metric.target ?? null) : null))],
      NUMBER_FORMATS.percentWhole,
    ),
  );
  const rangeShareMetric = payor.step8_performance_metrics.findIndex((metric) =>
    metric.measure.startsWith("Services align"),
  );
  ctx.define(
    "RangeShareTarget",
    "Inputs",
    cellAddress(metricTargetRows[rangeShareMetric], FIRST_VALUE_COLUMN, true),
    "Target share of consumers whose hours lie within their level's range (step 8)",
  );
  ctx.define(
    "MetricTargets",
    "Inputs",
    rangeAddress(
      metricTargetRows[0],
      FIRST_VALUE_COLUMN,
      metricTargetRows[metricTargetRows.length - 1],
      FIRST_VALUE_COLUMN,
      true,
    ),
    "Targets of the step 8 performance measures",
  );
  sheet.validate(
    shareValidation(
      rangeAddress(
        metricTargetRows[0],
        FIRST_VALUE_COLUMN,
        metricTargetRows[metricTargetRows.length - 1],
        FIRST_VALUE_COLUMN,
      ),
      "Target",
    ),
  );
  for (const row of metricTargetRows) sheet.format(cellAddress(row, LABEL_COLUMN), "note");

  sheet.section("Model settings", widest);
  const reserveRow = inputLine(
    ctx,
    sheet,
    "Risk reserve on top of the budget",
    "% of budget",
    [when(() => ILLUSTRATIVE_RISK_RESERVE)],
    NUMBER_FORMATS.percent,
    "RiskReservePct",
    "Reserve the payor holds on top of the budget, as a share of it",
  );
  sheet.validate(shareValidation(cellAddress(reserveRow, FIRST_VALUE_COLUMN), "Risk reserve"));
  if (example) sheet.note("Illustrative: the toolkit advises a risk reserve but names no percentage.");
  inputLine(
    ctx,
    sheet,
    "Months per year",
    "months",
    [MONTHS_PER_YEAR],
    NUMBER_FORMATS.count,
    "MonthsPerYear",
    "Months the budget covers, for PMPM",
  );
  inputLine(
    ctx,
    sheet,
    "Case mix tolerance",
    "% points",
    [CASE_MIX_TOLERANCE],
    "0.00%",
    "CaseMixTolerance",
    "How far the case mix may stray from 100%",
  );
  inputLine(
    ctx,
    sheet,
    "Check tolerance",
    "$",
    [CHECK_TOLERANCE_DOLLARS],
    NUMBER_FORMATS.dollarsCents,
    "CheckTolerance",
    "How far a total may differ from the sum of its parts",
  );

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
    },
  };
}
