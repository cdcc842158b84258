import { CaseRateInputError } from "./errors";
import { describeNumber, describePercent } from "./format";

/** How far a case mix may stray from 100% before it is refused: 0.01 percentage point. */
export const CASE_MIX_TOLERANCE = 0.0001;

/** A finite number, or a typed error naming the field. Blank (null/undefined/"") is its own problem. */
export function requireNumber(field: string, value: unknown): number {
  if (value === null || value === undefined || value === "") {
    throw new CaseRateInputError(field, "blank", `${field} is blank; enter a number.`);
  }
  if (typeof value !== "number") {
    throw new CaseRateInputError(field, "not-a-number", `${field} must be a number, not "${String(value)}".`);
  }
  if (!Number.isFinite(value)) {
    throw new CaseRateInputError(field, "not-a-number", `${field} must be a finite number, not ${value}.`);
  }
  return value;
}

/** A number ≥ 0: counts, hours, rates and dollars are never negative. */
export function requireNonNegative(field: string, value: unknown): number {
  const number = requireNumber(field, value);
  if (number < 0) {
    throw new CaseRateInputError(
      field,
      "negative",
      `${field} is ${describeNumber(number)}; it cannot be negative.`,
    );
  }
  return number;
}

/** A number > 0, for divisors such as enrollees or hours per FTE. */
export function requirePositive(field: string, value: unknown): number {
  const number = requireNonNegative(field, value);
  if (number === 0) {
    throw new CaseRateInputError(field, "division-by-zero", `${field} is 0; it must be more than 0.`);
  }
  return number;
}

/** A whole number ≥ 1, such as a count of months. */
export function requireWholePositive(field: string, value: unknown): number {
  const number = requirePositive(field, value);
  if (!Number.isInteger(number)) {
    throw new CaseRateInputError(
      field,
      "not-a-whole-number",
      `${field} is ${describeNumber(number)}; enter a whole number.`,
    );
  }
  return number;
}

/**
 * A share between 0 and 1 (0.10 = 10%). A value above 1 is refused; where it looks like a percentage
 * typed as a whole number (10 for 10%), the message says so.
 */
export function requireShare(field: string, value: unknown): number {
  const share = requireNonNegative(field, value);
  if (share > 1) {
    const hint =
      share <= 100
        ? ` If you meant ${describeNumber(share)}%, enter ${describeNumber(share)}% or ${describeNumber(share / 100)}.`
        : "";
    throw new CaseRateInputError(
      field,
      "share-above-one",
      `${field} is ${describePercent(share)}; a share cannot exceed 100%.${hint}`,
    );
  }
  return share;
}

/** A non-empty list; `what` names one item ("level of care") for the message. */
export function requireNonEmpty<T>(field: string, values: readonly T[], what: string): readonly T[] {
  if (values.length === 0) {
    throw new CaseRateInputError(field, "empty", `${field} is empty; enter at least one ${what}.`);
  }
  return values;
}

/** Two parallel lists of the same length, e.g. cases and average hours per level; `item` names one entry. */
export function requireSameLength(
  firstField: string,
  first: readonly unknown[],
  secondField: string,
  second: readonly unknown[],
  item = "level",
): void {
  if (first.length !== second.length) {
    throw new CaseRateInputError(
      secondField,
      "length-mismatch",
      `${firstField} has ${first.length} values but ${secondField} has ${second.length}; give one per ${item}.`,
    );
  }
}

/**
 * Shares that each lie in [0, 1] and together make 100% within CASE_MIX_TOLERANCE.
 * `labels` name each share in messages ("case mix for level B"); by default, "level 1", "level 2"….
 */
export function requireCaseMix(
  field: string,
  shares: readonly unknown[],
  labels?: readonly string[],
): number[] {
  requireNonEmpty(field, shares, "share");
  const mix = shares.map((share, index) =>
    requireShare(`${field} for ${labels?.[index] ?? `level ${index + 1}`}`, share),
  );
  const total = mix.reduce((sum, share) => sum + share, 0);
  if (Math.abs(total - 1) > CASE_MIX_TOLERANCE) {
    throw new CaseRateInputError(
      field,
      "mix-not-100",
      `${field} sums to ${describePercent(total)}, not 100%.`,
    );
  }
  return mix;
}

/** Level ids that are non-blank and unique, so results can be matched back to levels. */
export function requireUniqueIds(field: string, ids: readonly string[]): void {
  requireNonEmpty(field, ids, "level of care");
  const seen = new Set<string>();
  for (const id of ids) {
    if (id.trim() === "") {
      throw new CaseRateInputError(
        field,
        "blank",
        `${field} has a level with a blank id; give every level an id.`,
      );
    }
    if (seen.has(id)) {
      throw new CaseRateInputError(
        field,
        "duplicate-id",
        `${field} lists level "${id}" twice; each level id must be unique.`,
      );
    }
    seen.add(id);
  }
}

/** Most decimals a rounding may ask for, either side of the point (Excel keeps 15 significant digits). */
export const MAX_ROUNDING_DIGITS = 15;

/**
 * Decimals to round to, as ROUND's num_digits: a whole number from −15 to 15; 0 rounds to whole
 * dollars and a negative number rounds left of the point (−3 to thousands).
 */
export function requireDecimals(field: string, value: unknown): number {
  const digits = requireNumber(field, value);
  if (!Number.isInteger(digits)) {
    throw new CaseRateInputError(
      field,
      "not-a-whole-number",
      `${field} is ${describeNumber(digits)}; enter a whole number of decimals.`,
    );
  }
  if (Math.abs(digits) > MAX_ROUNDING_DIGITS) {
    throw new CaseRateInputError(
      field,
      "out-of-range",
      `${field} is ${describeNumber(digits)}; enter a whole number of decimals from -${MAX_ROUNDING_DIGITS} to ${MAX_ROUNDING_DIGITS}.`,
    );
  }
  return digits;
}
