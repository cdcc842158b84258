import type { RateModel } from "./model";
import { ownValue } from "./own";
import { CASE_MIX_TOLERANCE } from "./validate";

/**
 * How far a sum of shares may stray from 1 and still be exactly 100%: the binary rounding of
 * adding typed decimals (0.2 + 0.37 + 0.33 + 0.1 is 1.0000000000000002), which a spreadsheet's
 * "=" also ignores (LibreOffice compares to 2^-48 relative; Excel to 15 significant digits).
 */
const EXACT = 2 ** -48;

/** A total as a percentage with as many decimals as it takes not to read as 100%: "100.009%". */
function percentNot100(total: number): string {
  const percent = total * 100;
  for (let decimals = 4; decimals <= 12; decimals++) {
    const shown = Number(percent.toFixed(decimals));
    if (shown !== 100) return `${shown}%`;
  }
  return `${percent}%`;
}

/**
 * The warning a case mix deserves when it sums to within CASE_MIX_TOLERANCE of 100% (so it is
 * accepted) but not exactly 100%: the shares are used as typed, never rescaled. Null otherwise,
 * including a mix the arithmetic refuses. `field` names the mix, `user` what uses it.
 */
export function caseMixWarning(field: string, shares: readonly number[], user: string): string | null {
  const total = shares.reduce((sum, share) => sum + share, 0);
  const gap = Math.abs(total - 1);
  if (!(gap > EXACT && gap <= CASE_MIX_TOLERANCE)) return null;
  return `${field} sums to ${percentNot100(total)}, not exactly 100%; ${user} uses the shares as typed.`;
}

/** Every warning a model that computes deserves: its case mix and the provider's own, if any. */
export function rateModelWarnings(model: RateModel): string[] {
  const ownMix = model.provider?.caseMix;
  const warnings = [
    caseMixWarning(
      "case mix",
      model.levels.map((level) => level.caseMix),
      "the budget",
    ),
    ownMix === undefined
      ? null
      : caseMixWarning(
          "provider case mix",
          model.levels.map((level) => ownValue(ownMix, level.id) ?? Number.NaN),
          "the provider section",
        ),
  ];
  return warnings.filter((warning): warning is string => warning !== null);
}
