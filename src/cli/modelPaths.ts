/**
 * The core's inputs named where MODEL.json holds them ("levels[2].ratePerHour", "provider.consumers"),
 * so an error raised by the arithmetic says which key of the file to fix, as the parser's do.
 */
import { CaseRateInputError, type FieldNamer, isCaseRateInputError } from "../core/errors";
import { type FieldId, type FieldRef, labelOf } from "../core/fields";
import type { RateModel } from "../core/model";

/** A key of MODEL.json for a field the core names by id, given the model it read. */
type PathOf = (field: FieldRef, model: RateModel) => string;

/** A key of each level: one level's by its index in `levels`; else `whole`, by default all the levels'. */
const levelKey =
  (key: string, whole = `the levels' ${key}`): PathOf =>
  (field) =>
    field.entry ? `levels[${field.entry.index}].${key}` : whole;

/** Each model key by the id the core names it by; results the file does not hold keep the core's words. */
const MODEL_PATHS: Readonly<Partial<Record<FieldId, PathOf>>> = {
  enrollees: () => "enrollees",
  penetrationRate: () => "penetrationRate",
  // The model's rate, or a level's own where the core says which level.
  ratePerHour: levelKey("ratePerHour", "ratePerHour"),
  caseMix: levelKey("caseMix"),
  averageHours: levelKey("averageHours"),
  consumers: () => "provider.consumers",
  directHoursPerFte: () => "provider.directHoursPerFte",
  // The provider's mix is keyed by level id, as the parser names it.
  providerCaseMix: (field, model) =>
    field.entry ? `provider.caseMix.${model.levels[field.entry.index].id}` : "provider.caseMix",
};

/** Names each field the core refers to by id as its key in `model`'s file. */
export function modelPathNamer(model: RateModel): FieldNamer {
  return (field) => MODEL_PATHS[field.id]?.(field, model) ?? labelOf(field);
}

/**
 * The error with its fields named as MODEL.json's keys (anything but an input error is returned
 * unchanged, a bug not to be dressed up as the user's mistake).
 */
export function inModelTerms(error: unknown, model: RateModel): unknown {
  if (!isCaseRateInputError(error)) return error;
  const name = modelPathNamer(model);
  return new CaseRateInputError(
    error.fieldRef ? name(error.fieldRef) : error.field,
    error.problem,
    error.messageNaming(name),
  );
}
