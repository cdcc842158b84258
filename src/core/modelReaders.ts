/**
 * The readers every part of the model's parser shares (the levels', the risk and provider
 * sections', the contract's, the actuals'): kept apart from parse.ts so that a section's parser
 * can use them without importing the parser that imports it.
 */
import { cutText, describeValue } from "./describeValue";
import { CaseRateInputError } from "./errors";
import { type KeySpec, type Section, type SectionValues } from "./modelSchema";
import { nearestWord } from "./nearest";
import { ownValue } from "./own";

/**
 * A plain object (JSON object), or a typed error naming where one was expected.
 * @example requireObject("risk", { seed: 1 }) // { seed: 1 }
 */
export function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CaseRateInputError(field, "wrong-type", `${field} must be an object with named fields.`);
  }
  return value as Record<string, unknown>;
}

/**
 * The error for a required key that is not there.
 * @example missing("enrollees").message // "enrollees is missing."
 */
export function missing(field: string): CaseRateInputError {
  return new CaseRateInputError(field, "blank", `${field} is missing.`);
}

/** A key's full name in messages: "enrollees", "levels[2].caseMix", "provider.caseMix.A". */
export function fieldName(where: string, key: string): string {
  return where === "" ? key : `${where}.${key}`;
}

/** Refuses a key the section does not declare, naming the declared key it most likely meant. */
function refuseUnknownKeys(object: Readonly<Record<string, unknown>>, keys: Section, where: string): void {
  const known = keys.map((spec) => spec.key);
  const unknown = Object.keys(object).find((key) => !known.includes(key));
  if (unknown === undefined) return;
  const near = nearestWord(unknown, known);
  throw new CaseRateInputError(
    fieldName(where, cutText(unknown)),
    "out-of-range",
    `unknown key '${cutText(unknown)}' in ${where === "" ? "the model" : where}${near === undefined ? "." : `; did you mean '${near}'?`}`,
  );
}

/**
 * A number, or a typed error saying what the file holds instead; range checks belong to the arithmetic.
 * @example requireNumberValue("enrollees", 30000) // 30000
 */
export function requireNumberValue(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new CaseRateInputError(
      field,
      "not-a-number",
      `${field} must be a number, not ${describeValue(value)}.`,
    );
  }
  return value;
}

/** A value of the type its key declares; lists and objects are read further by their parser. */
function requireDeclaredType(spec: KeySpec, field: string, value: unknown): unknown {
  switch (spec.type) {
    case "number":
      return requireNumberValue(field, value);
    case "text":
      if (typeof value !== "string" || value.trim() === "")
        throw new CaseRateInputError(
          field,
          "wrong-type",
          `${field} must be a non-blank text, not ${describeValue(value)}.`,
        );
      return value;
    case "list":
      if (!Array.isArray(value))
        throw new CaseRateInputError(
          field,
          "wrong-type",
          `${field} must be a list of ${spec.items ?? "values"}.`,
        );
      return value;
    case "object":
      return requireObject(field, value);
  }
}

/**
 * Reads one object of the model against its declared keys: refuses unknown keys, requires the
 * required ones (own properties only) and checks each value's type.
 * @example readSection({ cv: 0.6 }, [{ key: "cv", type: "number", required: true, doc: "" }], "x") // { cv: 0.6 }
 */
export function readSection<S extends Section>(value: unknown, keys: S, where: string): SectionValues<S> {
  const object = requireObject(where === "" ? "model" : where, value);
  refuseUnknownKeys(object, keys, where);
  const values: Record<string, unknown> = {};
  for (const spec of keys) {
    const field = fieldName(where, spec.key);
    const found = ownValue(object, spec.key);
    if (found === undefined) {
      if (spec.required) throw missing(field);
      continue;
    }
    values[spec.key] = requireDeclaredType(spec, field, found);
  }
  return values as SectionValues<S>;
}
