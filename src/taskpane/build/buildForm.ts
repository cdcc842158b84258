/**
 * The Build section's form, without the DOM: what the user chose, turned into the starter
 * workbook's options by the core (starterOptions), whose refusals are shown beside the field they
 * are about. The pane itself only reads what the core cannot see: how the count of levels was typed.
 */
import { CaseRateInputError } from "../../core/errors";
import type { FieldId } from "../../core/fields";
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

/** The form field beside which each input the core names by id is shown; any other is the form's. */
const FORM_FIELDS: Readonly<Partial<Record<FieldId, BuildField>>> = {
  levels: "levels",
  scenario: "scenario",
};

/** Which form field a core error is about, from the id the core names it by (never its words). */
export function fieldOf(error: CaseRateInputError): BuildField {
  return (error.fieldRef && FORM_FIELDS[error.fieldRef.id]) ?? "form";
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
      field === "levels" && form.levelsMode === "custom" ? levelsNamedBy(error, trimmed) : [];
    return { errors: { [field]: sentence(error.message) }, invalidLevels, invalidCount: false };
  }
}

/** The core's messages start lower case ("levels of care lists …"): shown alone, they read as a sentence. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The custom rows an error is about: the level the core names by entry, and for a repeated id
 * every row that holds it; none when it is about the list as a whole.
 */
export function levelsNamedBy(error: CaseRateInputError, levels: readonly StarterLevel[]): number[] {
  const index = error.fieldRef?.entry?.index;
  if (index === undefined) return [];
  if (error.problem !== "duplicate-id") return [index];
  return levels.flatMap((level, i) => (level.id === levels[index].id ? [i] : []));
}
