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
  const toolkitIds = TOOLKIT_STARTER_LEVELS.map((level) => level.id).join(",");
  if (example && levels.map((level) => level.id).join(",") !== toolkitIds) {
    throw new CaseRateInputError(
      LEVELS,
      "out-of-range",
      "the toolkit's example has its own four levels of care (A, B, C, D); build it without custom levels.",
    );
  }
  return { example, scenario, levels, provider: choice.provider ?? false };
}
