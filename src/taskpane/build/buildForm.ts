/**
 * The Build section's form, without the DOM: what the user chose, turned into the starter
 * workbook's options by the core (starterOptions), whose refusals are shown beside the field they
 * are about. The pane itself only reads what the core cannot see: how the count of levels was typed.
 */
import { CaseRateInputError } from "../../core/errors";
// The options alone, not the sheet builders: the description loads when Build is pressed.
import {
  MAX_LEVELS,
  requireLevelCount,
  SCENARIOS,
  type StarterLevel,
  type StarterOptions,
  starterOptions,
  TOOLKIT_STARTER_LEVELS,
} from "../../workbook/starter/options";

/** The fields errors can be shown beside; "form" is a message for the form as a whole. */
export type BuildField = "source" | "provider" | "scenario" | "levels" | "form";

export interface LevelDraft {
  readonly id: string;
  readonly name: string;
}

export interface BuildForm {
  /** Fill the inputs with the toolkit's worked example, or leave them blank. */
  readonly example: boolean;
  /** Include the provider model. */
  readonly provider: boolean;
  readonly scenario: string;
  readonly levelsMode: "toolkit" | "custom";
  /** As typed. */
  readonly levelCount: string;
  /** Drafts for custom levels; may run longer than the count, so shrinking it loses no typing. */
  readonly customLevels: readonly LevelDraft[];
}

export const DEFAULT_FORM: BuildForm = {
  example: true,
  provider: false,
  scenario: "Medium",
  levelsMode: "toolkit",
  levelCount: String(TOOLKIT_STARTER_LEVELS.length),
  customLevels: TOOLKIT_STARTER_LEVELS.map(({ id, name }) => ({ id, name })),
};

export const SCENARIO_CHOICES: readonly string[] = SCENARIOS;

/** The next unused letter id for a new custom level: A, B, … Z, then L11, L12 …. */
function nextId(used: readonly string[], index: number): string {
  for (let i = 0; i < 26; i++) {
    const letter = String.fromCharCode(65 + i);
    if (!used.includes(letter)) return letter;
  }
  return `L${index + 1}`;
}

/**
 * Updates the count as typed, growing the drafts so each level has a row to fill in; a count above
 * MAX_LEVELS adds no rows (the core refuses it, and the message shows beside the field).
 */
export function withLevelCount(form: BuildForm, typed: string): BuildForm {
  const count = parseCount(typed);
  const drafts = [...form.customLevels];
  if (typeof count === "number" && count <= MAX_LEVELS) {
    while (drafts.length < count)
      drafts.push({
        id: nextId(
          drafts.map((d) => d.id),
          drafts.length,
        ),
        name: "",
      });
  }
  return { ...form, levelCount: typed, customLevels: drafts };
}

export function withLevel(form: BuildForm, index: number, change: Partial<LevelDraft>): BuildForm {
  const drafts = form.customLevels.map((draft, i) => (i === index ? { ...draft, ...change } : draft));
  return { ...form, customLevels: drafts };
}

/** The count as typed, read as a number (digits only), or the message saying what to type. */
function parseCount(typed: string): number | string {
  const text = typed.trim();
  const message = `Enter how many levels of care, a whole number from 1 to ${MAX_LEVELS}.`;
  if (!/^\d+$/.test(text)) return text === "" ? `The number of levels is blank. ${message}` : message;
  return Number(text);
}

export interface BuildValidation {
  /** The options to build with, when the form is valid. */
  readonly options?: StarterOptions;
  /** One message per field, in words. */
  readonly errors: Partial<Record<BuildField, string>>;
  /** Which custom level rows (0-based) the levels message is about. */
  readonly invalidLevels: readonly number[];
  /** Whether the count field itself is the problem. */
  readonly invalidCount: boolean;
}

/** Which form field a core error is about, from its `field` (the input in the user's words). */
export function fieldOf(error: CaseRateInputError): BuildField {
  const field = error.field.toLowerCase();
  if (field.includes("scenario")) return "scenario";
  if (field.includes("level")) return "levels";
  if (field.includes("provider")) return "provider";
  if (field.includes("example")) return "source";
  return "form";
}

/**
 * The form's current levels: the toolkit's, or the custom drafts up to the count; else why the
 * count cannot be used (as typed, or the core's refusal of the number), as a sentence.
 */
export function chosenLevels(form: BuildForm): readonly LevelDraft[] | string {
  if (form.levelsMode === "toolkit") return TOOLKIT_STARTER_LEVELS;
  const count = parseCount(form.levelCount);
  if (typeof count === "string") return count;
  try {
    // Asked of the number before the drafts are cut to it: a count typed far too large lists nothing.
    requireLevelCount(count);
  } catch (error) {
    if (!(error instanceof CaseRateInputError)) throw error;
    return sentence(error.message);
  }
  return form.customLevels.slice(0, count);
}

export function validateBuild(form: BuildForm): BuildValidation {
  const levels = chosenLevels(form);
  if (typeof levels === "string") {
    return { errors: { levels }, invalidLevels: [], invalidCount: true };
  }
  const trimmed: StarterLevel[] = levels.map((level) => ({ id: level.id.trim(), name: level.name.trim() }));
  const choice: Partial<StarterOptions> = {
    example: form.example,
    scenario: form.scenario as StarterOptions["scenario"],
    provider: form.provider,
    ...(form.levelsMode === "custom" ? { levels: trimmed } : {}),
  };
  try {
    return {
      options: starterOptions(choice),
      errors: {},
      invalidLevels: [],
      invalidCount: false,
    };
  } catch (error) {
    if (!(error instanceof CaseRateInputError)) throw error;
    const field = fieldOf(error);
    const invalidLevels =
      field === "levels" && form.levelsMode === "custom" ? levelsNamedIn(error.message, trimmed) : [];
    return { errors: { [field]: sentence(error.message) }, invalidLevels, invalidCount: false };
  }
}

/** The core's messages start lower case ("levels of care lists …"): shown alone, they read as a sentence. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The custom rows a message names: by id ("level "B" twice"), by position ("level 3 has no name")
 * or by a blank id; none for the rest.
 */
function levelsNamedIn(message: string, levels: readonly StarterLevel[]): number[] {
  const quoted = [...message.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const positions = [...message.matchAll(/\blevel (\d+)\b/g)].map((m) => Number(m[1]) - 1);
  const rows = levels
    .map((level, i) =>
      (level.id === "" && /blank id/.test(message)) || quoted.includes(level.id) || positions.includes(i)
        ? i
        : -1,
    )
    .filter((i) => i >= 0);
  return rows;
}
