/**
 * The History section's fields beside enrollees, as typed: the episode rule's gap and episode
 * length, and the cohort cut points, each checked by the core as it checks the command line's
 * --gap-days, --episode-days and --cohorts (episodeSettings, the cut points' check).
 */
import { EpisodeTally } from "../../core/history/analysis";
import { EPISODE_DEFAULTS, type EpisodeSettings, episodeSettings } from "../../core/history/episodeSettings";
import { describeError } from "../controller";

/** The fields beside enrollees: the episode rule's two settings and the cohort cut points. */
export type SettingField = "gapDays" | "episodeDays" | "cohorts";
export const SETTING_FIELDS: readonly SettingField[] = ["gapDays", "episodeDays", "cohorts"];

/** What the fields give the core: the episode rule and the cut points (undefined: quartiles). */
export interface AnalysisSettings {
  readonly rule: EpisodeSettings;
  readonly cohortCuts?: readonly number[];
}

/** "90" as days; undefined for blank; NaN for anything but a number (the core judges the number). */
function daysOf(text: string): number | undefined {
  const plain = text.trim();
  if (plain === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN;
}

/** "10, 30, 50" as cut points; undefined for blank; a part that is no number is NaN, for the core to name. */
function cutsOf(text: string): number[] | undefined {
  if (text.trim() === "") return undefined;
  return text.split(",").map((part) => (/^\s*-?\d+(\.\d+)?\s*$/.test(part) ? Number(part) : NaN));
}

/**
 * The settings typed, checked by the core (episodeSettings, the cohort cut points' check): the
 * settings, or what is wrong with each field.
 */
export function analysisSettings(
  typed: Readonly<Record<SettingField, string>>,
):
  | { settings: AnalysisSettings; errors?: undefined }
  | { settings?: undefined; errors: Partial<Record<SettingField, string>> } {
  const errors: Partial<Record<SettingField, string>> = {};
  const days: { -readonly [K in keyof EpisodeSettings]?: number } = {};
  for (const field of ["gapDays", "episodeDays"] as const) {
    const value = daysOf(typed[field]);
    if (value === undefined) continue;
    if (Number.isNaN(value)) {
      errors[field] =
        `"${typed[field]}" is not a number: type a whole number of days, such as ${EPISODE_DEFAULTS[field]}.`;
      continue;
    }
    try {
      days[field] = episodeSettings({ [field]: value })[field];
    } catch (error) {
      errors[field] = describeError(error);
    }
  }
  const cohortCuts = cutsOf(typed.cohorts);
  try {
    // The core checks what it takes; made here, it refuses before any row is read.
    if (cohortCuts !== undefined) new EpisodeTally({ cohortCuts, hasAmount: false });
  } catch (error) {
    errors.cohorts = describeError(error);
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    settings: { rule: episodeSettings(days), ...(cohortCuts === undefined ? {} : { cohortCuts }) },
  };
}
