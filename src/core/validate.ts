import { CaseRateInputError } from "./errors";
import { entryOf, type Field } from "./fields";
import { describeNumber, describePercent, describeText } from "./format";

/** How far a case mix may stray from 100% before it is refused: 0.01 percentage point. */
export const CASE_MIX_TOLERANCE = 0.0001;

/**
 * A finite number, or a typed error naming the field. Blank (null/undefined/"") is its own problem.
 * @example requireNumber("enrollees", 30000) // 30000
 */
export function requireNumber(field: Field, value: unknown): number {
  if (value === null || value === undefined || value === "") {
    throw new CaseRateInputError(field, "blank", (name) => `${name(field)} is blank; enter a number.`);
  }
  if (typeof value !== "number") {
    // Only callers outside a spreadsheet or a JSON file pass a list or an object here.
    const shown =
      typeof value === "string"
        ? describeText(value)
        : typeof value === "object"
          ? Array.isArray(value)
            ? "a list"
            : "an object"
          : `"${String(value)}"`;
    throw new CaseRateInputError(
      field,
      "not-a-number",
      (name) => `${name(field)} must be a number, not ${shown}.`,
    );
  }
  if (!Number.isFinite(value)) {
    throw new CaseRateInputError(
      field,
      "not-a-number",
      (name) => `${name(field)} must be a finite number, not ${value}.`,
    );
  }
  return value;
}

/** A number ≥ 0: counts, hours, rates and dollars are never negative. */
export function requireNonNegative(field: Field, value: unknown): number {
  const number = requireNumber(field, value);
  if (number < 0) {
    throw new CaseRateInputError(
      field,
      "negative",
      (name) => `${name(field)} is ${describeNumber(number)}; it cannot be negative.`,
    );
  }
  return number;
}

/** A number > 0, for divisors such as enrollees or hours per FTE. */
export function requirePositive(field: Field, value: unknown): number {
  const number = requireNonNegative(field, value);
  if (number === 0) {
    throw new CaseRateInputError(
      field,
      "division-by-zero",
      (name) => `${name(field)} is 0; it must be more than 0.`,
    );
  }
  return number;
}

/** A whole number ≥ 1, such as a count of months. */
export function requireWholePositive(field: Field, value: unknown): number {
  const number = requirePositive(field, value);
  if (!Number.isInteger(number)) {
    throw new CaseRateInputError(
      field,
      "not-a-whole-number",
      (name) => `${name(field)} is ${describeNumber(number)}; enter a whole number.`,
    );
  }
  return number;
}

/**
 * A share between 0 and 1 (0.10 = 10%). A value above 1 is refused; where it looks like a percentage
 * typed as a whole number (10 for 10%), the message says so, with the share that percentage is.
 */
export function requireShare(field: Field, value: unknown): number {
  const share = requireNonNegative(field, value);
  if (share > 1) {
    const typed = describeNumber(share);
    // Only a hint that quotes the number exactly as typed, and its exact share (1.0001% is 0.010001).
    const hint =
      share <= 100 && Number(typed) === share
        ? ` If you meant ${typed}%, enter ${typed}% or ${Number((share / 100).toPrecision(12))}.`
        : "";
    throw new CaseRateInputError(
      field,
      "share-above-one",
      (name) => `${name(field)} is ${describePercent(share)}; a share cannot exceed 100%.${hint}`,
    );
  }
  return share;
}

/** A non-empty list; `what` names one item ("level of care") for the message. */
export function requireNonEmpty<T>(field: Field, values: readonly T[], what: string): readonly T[] {
  if (values.length === 0) {
    throw new CaseRateInputError(
      field,
      "empty",
      (name) => `${name(field)} is empty; enter at least one ${what}.`,
    );
  }
  return values;
}

/** Two parallel lists of the same length, e.g. cases and average hours per level; `item` names one entry. */
export function requireSameLength(
  firstField: Field,
  first: readonly unknown[],
  secondField: Field,
  second: readonly unknown[],
  item = "level",
): void {
  if (first.length !== second.length) {
    throw new CaseRateInputError(
      secondField,
      "length-mismatch",
      (name) =>
        `${name(firstField)} has ${first.length} values but ${name(secondField)} has ${second.length}; give one per ${item}.`,
    );
  }
}

/**
 * Shares that each lie in [0, 1] and together make 100% within CASE_MIX_TOLERANCE.
 * `labels` name each share in messages ("case mix for level B"); by default, "level 1", "level 2"….
 */
export function requireCaseMix(
  field: Field,
  shares: readonly unknown[],
  labels?: readonly string[],
): number[] {
  requireNonEmpty(field, shares, "share");
  const mix = shares.map((share, index) =>
    requireShare(entryOf(field, index, `for ${labels?.[index] ?? `level ${index + 1}`}`), share),
  );
  const total = mix.reduce((sum, share) => sum + share, 0);
  if (Math.abs(total - 1) > CASE_MIX_TOLERANCE) {
    throw new CaseRateInputError(
      field,
      "mix-not-100",
      (name) => `${name(field)} sums to ${describePercent(total)}, not 100%.`,
    );
  }
  return mix;
}

/** Level ids that are non-blank and unique, so results can be matched back to levels. */
export function requireUniqueIds(field: Field, ids: readonly string[]): void {
  requireNonEmpty(field, ids, "level of care");
  // A field named by id carries which level is at fault (the repeat); a name in words stays as given.
  const at = (index: number): Field =>
    typeof field === "string" ? field : entryOf(field, index, `(level ${index + 1})`);
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (id.trim() === "") {
      throw new CaseRateInputError(
        at(index),
        "blank",
        (name) => `${name(field)} has a level with a blank id; give every level an id.`,
      );
    }
    if (seen.has(id)) {
      throw new CaseRateInputError(
        at(index),
        "duplicate-id",
        (name) => `${name(field)} lists level "${id}" twice; each level id must be unique.`,
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
 * @example requireDecimals("round_to", -3) // -3
 */
export function requireDecimals(field: Field, value: unknown): number {
  const digits = requireNumber(field, value);
  if (!Number.isInteger(digits)) {
    throw new CaseRateInputError(
      field,
      "not-a-whole-number",
      (name) => `${name(field)} is ${describeNumber(digits)}; enter a whole number of decimals.`,
    );
  }
  if (Math.abs(digits) > MAX_ROUNDING_DIGITS) {
    throw new CaseRateInputError(
      field,
      "out-of-range",
      (name) =>
        `${name(field)} is ${describeNumber(digits)}; enter a whole number of decimals from -${MAX_ROUNDING_DIGITS} to ${MAX_ROUNDING_DIGITS}.`,
    );
  }
  return digits;
}

/** "a", "a and b", "a, b and c". */
function listOf(names: readonly string[]): string {
  return names.length <= 1
    ? names.join("")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * A computed result, or a typed error when it is not a finite number: valid inputs can still
 * overflow (1e308 × 10 is Infinity, and Infinity − Infinity is NaN). `what` names the result as
 * a sentence's subject ("the budget"); `inputs` are the fields to check.
 * @example requireFiniteResult("the budget", 3000 * 1586, ["cases", "case rates"]) // 4758000
 */
export function requireFiniteResult(what: string, value: number, inputs: readonly Field[]): number {
  if (Number.isFinite(value)) return value;
  throw new CaseRateInputError(
    inputs[0] ?? what,
    "result-not-finite",
    (name) => `${what} is too large to compute (over 1.8e308); check ${listOf(inputs.map(name))}.`,
  );
}
