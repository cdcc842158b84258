import { CaseRateInputError } from "../errors";
import { describeNumber } from "../format";

/** The episode rule's two settings (the history issue's definition of an episode). */
export interface EpisodeSettings {
  /** A gap between consecutive service days longer than this starts a new run. */
  readonly gapDays: number;
  /** A run is cut into episodes of this many days from its first service. */
  readonly episodeDays: number;
}

/** 90 days of gap; 182 days an episode, the toolkit's "six months". */
export const EPISODE_DEFAULTS: EpisodeSettings = { gapDays: 90, episodeDays: 182 };

function requireWholeDays(field: string, value: number, least: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < least || value > 36_500) {
    throw new CaseRateInputError(
      field,
      "out-of-range",
      `${field} is ${typeof value === "number" ? describeNumber(value) : String(value)}; it must be a whole number of days from ${least} to 36500.`,
    );
  }
  return value;
}

/**
 * The settings checked: gapDays a whole number from 0, episodeDays from 1 (up to a century each),
 * the defaults for those left out.
 * @example episodeSettings({ gapDays: 60 }) // { gapDays: 60, episodeDays: 182 }
 */
export function episodeSettings(settings: Partial<EpisodeSettings> = {}): EpisodeSettings {
  return {
    gapDays: requireWholeDays("gapDays", settings.gapDays ?? EPISODE_DEFAULTS.gapDays, 0),
    episodeDays: requireWholeDays("episodeDays", settings.episodeDays ?? EPISODE_DEFAULTS.episodeDays, 1),
  };
}
