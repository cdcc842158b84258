import { RISK_DEFAULTS, TOOLKIT_ILLUSTRATIVE_CV } from "../../core/risk";
import { WORKED_EXAMPLE } from "../../core/toolkit/example";
import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN } from "../layout";
import { NUMBER_FORMATS } from "../styles";
import type { StarterOptions } from "./options";
import type { StarterSheetBuilder } from "./starterSheet";

/** Cohorts the table has room for at each level (the toolkit's Level B table has four). */
export const RISK_COHORTS = 6;
/** The Normal-Power approximation's divisor: the 6 in μ + σ(z + γ(z² − 1)/6). */
const NORMAL_POWER_DIVISOR = 6;
/** How far, relative, a live figure may differ from the one the exact figures were computed at. */
const CURRENT_TOLERANCE = 1e-9;

/** The level B cohorts of the toolkit ("What case rates are NOT"). */
const LEVEL_B_COHORTS = WORKED_EXAMPLE.utilization_cohorts_level_b.rows;

/** Where Inputs put the spread of hours per case, for the Risk sheet's formulas. */
export interface RiskInputsLayout {
  readonly cvRow: number;
  readonly episodeRows: readonly number[];
  readonly hourRows: readonly number[];
}

/**
 * The Risk sheet's inputs, on Inputs: each level's spread of hours per case (a gamma coefficient
 * of variation, or a cohort table: the toolkit's Level B table in the example, A, C and D gamma
 * with cv 0.6 as an illustrative assumption), and the risk settings.
 */
export function riskInputs(
  sheet: StarterSheetBuilder,
  options: StarterOptions,
  widest: number,
): RiskInputsLayout {
  const levelCount = options.levels.length;
  const lastLevelColumn = FIRST_VALUE_COLUMN + levelCount - 1;
  const levelsRange = (row: number) => rangeAddress(row, FIRST_VALUE_COLUMN, row, lastLevelColumn);
  const levelB = (i: number) => options.example && options.levels[i].id === "B";
  sheet.section("Risk · Spread of hours per case", widest);
  if (options.example) {
    sheet.note(
      "Level B: the toolkit's cohort table (What case rates are NOT). Levels A, C and D: gamma with a",
    );
    sheet.note(
      "coefficient of variation of 0.6, an illustrative assumption: the toolkit gives only their averages.",
    );
  }
  if (options.inputs) {
    sheet.note("The cohorts: each level's cohort table in the encounter history (see Encounter History).");
    if (options.inputs.notes.cohorts !== undefined) sheet.note(options.inputs.notes.cohorts);
  }
  sheet.note(
    "A level with a coefficient of variation is gamma; else its cohorts; with neither, every case costs its rate.",
  );
  sheet.line(
    "Level of care",
    "",
    options.levels.map((level) => level.id),
    { style: "header" },
  );
  const cvRow = sheet.inputLine({
    label: "Coefficient of variation (gamma)",
    units: "sd ÷ mean of hours",
    values: options.levels.map((_, i) => (options.example && !levelB(i) ? TOOLKIT_ILLUSTRATIVE_CV : null)),
    numberFormat: "0.00",
    name: "HoursCV",
    comment: "Coefficient of variation of hours per case at each gamma level",
  });
  sheet.validate({
    range: levelsRange(cvRow),
    kind: "decimal",
    min: 0,
    promptTitle: "Coefficient of variation",
    prompt: "Standard deviation ÷ mean of a case's hours, more than 0; leave blank to use the cohorts.",
    error: "A coefficient of variation cannot be negative.",
  });
  const cohortRows = (what: "episodes" | "hours") =>
    Array.from({ length: RISK_COHORTS }, (_, k) =>
      sheet.inputLine({
        label: `Cohort ${k + 1} · ${what === "episodes" ? "episodes" : "average hours"}`,
        units: what === "episodes" ? "episodes" : "hours per episode",
        values: options.levels.map((_, i) => {
          const fromInputs = options.inputs?.riskCohorts[i][k];
          if (fromInputs !== undefined)
            return what === "episodes" ? fromInputs.episodes : fromInputs.averageHours;
          const cohort = levelB(i) ? LEVEL_B_COHORTS[k] : undefined;
          if (cohort === undefined) return null;
          return what === "episodes" ? cohort.clients : cohort.average_hours;
        }),
        numberFormat: what === "episodes" ? NUMBER_FORMATS.count : NUMBER_FORMATS.hours,
      }),
    );
  const episodeRows = cohortRows("episodes");
  const hourRows = cohortRows("hours");
  const block = (rows: readonly number[], absolute = false) =>
    rangeAddress(rows[0], FIRST_VALUE_COLUMN, rows[rows.length - 1], lastLevelColumn, absolute);
  sheet.define("RiskCohortEpisodes", block(episodeRows, true), "Episodes of each cohort, per level");
  sheet.define("RiskCohortHours", block(hourRows, true), "Average hours of each cohort, per level");
  sheet.validate({
    range: block([...episodeRows, ...hourRows]),
    kind: "decimal",
    min: 0,
    promptTitle: "Cohort",
    prompt: "Episodes in the cohort, or their average hours; zero or more.",
    error: "Episodes and hours cannot be negative.",
  });
  riskSettings(sheet, widest);
  return { cvRow, episodeRows, hourRows };
}

/** The risk settings: the confidence, the Normal-Power divisor and the exact figures' tolerance. */
function riskSettings(sheet: StarterSheetBuilder, widest: number): void {
  sheet.section("Risk · Settings", widest);
  const confidenceRow = sheet.inputLine({
    label: "Confidence the reserve covers the year",
    units: "probability",
    values: [RISK_DEFAULTS.confidence],
    numberFormat: NUMBER_FORMATS.percent,
    name: "RiskConfidence",
    comment: "The probability the budget plus the reserve covers the year's cost",
  });
  sheet.validate({
    range: cellAddress(confidenceRow, FIRST_VALUE_COLUMN),
    kind: "decimal",
    min: 0.5,
    max: 0.9999,
    promptTitle: "Confidence",
    prompt: "A probability from 50% to 99.99%, such as 95%.",
    error: "The confidence must be a probability from 50% to 99.99%.",
  });
  sheet.inputLine({
    label: "Normal-Power divisor (the 6 in γ(z² − 1)/6)",
    units: "",
    values: [NORMAL_POWER_DIVISOR],
    numberFormat: NUMBER_FORMATS.count,
    name: "NormalPowerDivisor",
    comment: "The Normal-Power approximation's constant 6",
  });
  sheet.inputLine({
    label: "Tolerance: the exact risk figures are current",
    units: "relative",
    values: [CURRENT_TOLERANCE],
    numberFormat: "0.0000000%",
    name: "RiskCurrentTolerance",
    comment: "How far, relative, the inputs may move before the exact figures read as out of date",
  });
}
