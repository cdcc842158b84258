import { cutText, describeValue, grouped, quoteText } from "./describeValue";
import { CaseRateInputError } from "./errors";
import type { LevelOfCare, ProviderSection, RateModel } from "./model";
import {
  LEVEL_KEYS,
  MAX_LEVEL_ID_LENGTH,
  MODEL_KEYS,
  PROVIDER_KEYS,
  type KeySpec,
  type Section,
  type SectionValues,
} from "./modelSchema";
import { nearestWord } from "./nearest";
import { ownValue } from "./own";

/** Longest list of level ids a message shows; past that it gives their count. */
const MAX_LISTED_IDS_LENGTH = 80;

/** A plain object (JSON object), or a typed error naming where one was expected. */
function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CaseRateInputError(field, "wrong-type", `${field} must be an object with named fields.`);
  }
  return value as Record<string, unknown>;
}

/** The error for a required key that is not there. */
function missing(field: string): CaseRateInputError {
  return new CaseRateInputError(field, "blank", `${field} is missing.`);
}

/** A key's full name in messages: "enrollees", "levels[2].caseMix", "provider.caseMix.A". */
function fieldName(where: string, key: string): string {
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

/** A number, or a typed error saying what the file holds instead; range checks belong to the arithmetic. */
function requireNumberValue(field: string, value: unknown): number {
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
 */
function readSection<S extends Section>(value: unknown, keys: S, where: string): SectionValues<S> {
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

/** A level id: one short line, since messages and labels name the level by it. */
function requireShortId(field: string, id: string): string {
  if (id.length > MAX_LEVEL_ID_LENGTH || /[\p{Cc}\u2028\u2029]/u.test(id)) {
    throw new CaseRateInputError(
      field,
      "out-of-range",
      `${field} is ${quoteText(id)}; a level id is one line of up to ${MAX_LEVEL_ID_LENGTH} characters.`,
    );
  }
  return id;
}

function parseLevel(value: unknown, index: number): LevelOfCare {
  const where = `levels[${index}]`;
  const level = readSection(value, LEVEL_KEYS, where);
  const id = requireShortId(`${where}.id`, level.id);
  return {
    id,
    name: level.name ?? id,
    caseMix: level.caseMix,
    averageHours: level.averageHours,
    ...(level.ratePerHour === undefined ? {} : { ratePerHour: level.ratePerHour }),
  };
}

/**
 * Reads a rate-setting model from parsed JSON, checking that every field is there and of the right
 * type and that no key is unknown; the arithmetic checks ranges and the case mix when it runs.
 */
export function parseRateModel(input: unknown): RateModel {
  const model = readSection(input, MODEL_KEYS, "");
  const levels = model.levels.map(parseLevel);
  return {
    enrollees: model.enrollees,
    penetrationRate: model.penetrationRate,
    ratePerHour: model.ratePerHour,
    levels,
    ...(model.provider === undefined ? {} : { provider: parseProvider(model.provider, levels) }),
  };
}

/** Refuses a provider case mix key that names no level, suggesting the level it most likely meant. */
function refuseUnknownLevels(mix: Readonly<Record<string, unknown>>, ids: readonly string[]): void {
  const known = new Set(ids);
  const unknown = Object.keys(mix).find((id) => !known.has(id));
  if (unknown === undefined) return;
  const near = nearestWord(unknown, ids);
  const listed = ids.join(", ");
  const among =
    listed.length <= MAX_LISTED_IDS_LENGTH ? `the levels (${listed})` : `the ${grouped(ids.length)} levels`;
  throw new CaseRateInputError(
    `provider.caseMix.${cutText(unknown)}`,
    "out-of-range",
    `provider.caseMix names level ${quoteText(unknown)}, which is not among ${among}${near === undefined ? "." : `; did you mean "${near}"?`}`,
  );
}

/** The optional provider section: consumers, direct hours per FTE, and a case mix by level id. */
function parseProvider(value: unknown, levels: readonly LevelOfCare[]): ProviderSection {
  const provider = readSection(value, PROVIDER_KEYS, "provider");
  const section = { consumers: provider.consumers, directHoursPerFte: provider.directHoursPerFte };
  if (provider.caseMix === undefined) return section;
  const mix = provider.caseMix;
  const ids = levels.map((level) => level.id);
  refuseUnknownLevels(mix, ids);
  return {
    ...section,
    caseMix: Object.fromEntries(
      ids.map((id) => {
        const field = `provider.caseMix.${id}`;
        const share = ownValue(mix, id);
        if (share === undefined) throw missing(field);
        return [id, requireNumberValue(field, share)];
      }),
    ),
  };
}
