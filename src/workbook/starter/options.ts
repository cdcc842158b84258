import type { HistoryModel } from "../../core/history/historyModel";
import { CaseRateInputError } from "../../core/errors";
import { entryOf, field } from "../../core/fields";
import { TOOLKIT_LEVELS } from "../../core/toolkit/example";
import { requireNonEmpty, requireUniqueIds } from "../../core/validate";

/** The penetration scenarios of step 2, in column order. */
export const SCENARIOS = ["Low", "Medium", "High"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** A level of care as the starter workbook lays it out. */
export interface StarterLevel {
  readonly id: string;
  readonly name: string;
}

/** One service code of step 6 as the Inputs sheet lays it out. */
export interface StarterServiceCode {
  readonly code: string;
  /** The service's description; blank ("") when none is known. */
  readonly description: string;
  /** Share of the code's hours by clinician type, in the order of `clinicianTypes`. */
  readonly clinicianShares: readonly number[];
  /** Dollars paid per hour of the code; null without amounts. */
  readonly billedPerHour: number | null;
  readonly hours: number;
}

/** A cohort of the Risk sheet's table: its episodes and their mean hours. */
export interface StarterCohort {
  readonly episodes: number;
  readonly averageHours: number;
}

/**
 * Input values that fill steps 1, 2, 4, 5 and 6 and the Risk cohorts (from an encounter history);
 * the levels' arrays follow `levels`. A null is a cell left blank, to be filled in.
 */
export interface StarterInputs {
  readonly enrollees: number | null;
  /** Low, Medium, High. */
  readonly penetrationRates: readonly (number | null)[];
  readonly caseMix: readonly number[];
  readonly minimumHours: readonly number[];
  readonly maximumHours: readonly number[];
  readonly averageHours: readonly number[];
  readonly ratePerHour: number | null;
  /** The step 6 table's clinician columns, e.g. ["Masters", "Prescriber"]. */
  readonly clinicianTypes: readonly string[];
  readonly serviceCodes: readonly StarterServiceCode[];
  /** Per level, at most RISK_COHORTS cohorts. */
  readonly riskCohorts: readonly (readonly StarterCohort[])[];
  /** Notes the Inputs sheet shows beside what they are about (what to review, what was merged). */
  readonly notes: { readonly penetration?: string; readonly cohorts?: string };
}

/** What the user chooses before building the starter workbook. */
export interface StarterOptions {
  /** Fill the inputs with the toolkit's worked example (else blank, marked to be filled). */
  readonly example: boolean;
  /** The penetration scenario that drives the model; the toolkit uses Medium. */
  readonly scenario: ScenarioName;
  /** The levels of care; the toolkit's four unless the user names their own. */
  readonly levels: readonly StarterLevel[];
  /** Add the provider's clinical-financial model (caseloads, FTEs, costs, revenue, dashboard, monitoring). */
  readonly provider: boolean;
  /** Input values to fill (from an encounter history); absent: the example's, or blank. */
  readonly inputs?: StarterInputs;
  /** The encounter history behind `inputs`, recorded on the Encounter History sheet. */
  readonly history?: StarterHistory;
}

/** The encounter file an analysis read, as the Encounter History sheet records it. */
/** Where the History sheet's rows came from: a file (its name and SHA-256), or an Excel table or range. */
export type HistorySource =
  | {
      readonly name: string;
      /** SHA-256 of the file's bytes, hex. */
      readonly sha256: string;
    }
  | {
      readonly excel: "table" | "range";
      /** The table's name, or the range's address. */
      readonly name: string;
    };

/** What the Encounter History sheet records: the history command's model and the file it read. */
export interface StarterHistory {
  readonly model: HistoryModel;
  readonly source?: HistorySource;
}

/** Most levels of care the starter workbook lays out. */
export const MAX_LEVELS = 10;

/** The field the levels' messages are about, by id ("levels of care" in the core's words). */
const LEVELS = field("levels");
const SCENARIO = field("scenario");

/**
 * A number of levels of care the starter workbook can lay out: a whole number from 1 to MAX_LEVELS.
 * The task pane asks it of the count as typed, before it has a level to list for each.
 */
export function requireLevelCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_LEVELS) {
    throw new CaseRateInputError(
      LEVELS,
      "out-of-range",
      (name) => `${name(LEVELS)} has ${count} levels; build with 1 to ${MAX_LEVELS}.`,
    );
  }
}

export const TOOLKIT_STARTER_LEVELS: readonly StarterLevel[] = TOOLKIT_LEVELS.map(({ id, name }) => ({
  id,
  name,
}));

/** Fills in defaults and refuses options the workbook cannot honour, in words. */
export function starterOptions(choice: Partial<StarterOptions> = {}): StarterOptions {
  const levels = choice.levels ?? TOOLKIT_STARTER_LEVELS;
  requireNonEmpty(LEVELS, levels, "level of care");
  requireLevelCount(levels.length);
  levels.forEach((level, index) => {
    if (level.name.trim() === "") {
      throw new CaseRateInputError(
        entryOf(LEVELS, index, `(level ${index + 1})`),
        "blank",
        `level ${index + 1} has no name; give every level of care a name.`,
      );
    }
  });
  requireUniqueIds(
    LEVELS,
    levels.map((level) => level.id),
  );
  const scenario = choice.scenario ?? "Medium";
  if (!SCENARIOS.includes(scenario)) {
    throw new CaseRateInputError(
      SCENARIO,
      "out-of-range",
      (name) => `${name(SCENARIO)} is "${scenario}"; choose Low, Medium or High.`,
    );
  }
  const example = choice.example ?? false;
  if (example && (choice.inputs !== undefined || choice.history !== undefined)) {
    throw new CaseRateInputError(
      LEVELS,
      "out-of-range",
      "the toolkit's example has its own inputs; build it without an encounter history.",
    );
  }
  const toolkitIds = TOOLKIT_STARTER_LEVELS.map((level) => level.id).join(",");
  if (example && levels.map((level) => level.id).join(",") !== toolkitIds) {
    throw new CaseRateInputError(
      LEVELS,
      "out-of-range",
      "the toolkit's example has its own four levels of care (A, B, C, D); build it without custom levels.",
    );
  }
  if (choice.inputs !== undefined) requireInputsPerLevel(choice.inputs, levels.length);
  return {
    example,
    scenario,
    levels,
    provider: choice.provider ?? false,
    ...(choice.inputs === undefined ? {} : { inputs: choice.inputs }),
    ...(choice.history === undefined ? {} : { history: choice.history }),
  };
}

/** Input values have one entry per level of care: a mismatch is the caller's defect. */
function requireInputsPerLevel(inputs: StarterInputs, levelCount: number): void {
  const perLevel = [
    inputs.caseMix,
    inputs.minimumHours,
    inputs.maximumHours,
    inputs.averageHours,
    inputs.riskCohorts,
  ];
  if (perLevel.some((values) => values.length !== levelCount) || inputs.penetrationRates.length !== 3)
    throw new Error("The starter's input values do not match its levels of care.");
}
