/**
 * The core's CaseRateInputError as Excel's CustomFunctions.Error. Nothing here touches the
 * `CustomFunctions` global until an error is converted, so the module loads outside Excel.
 */
import { type FieldNamer, isCaseRateInputError } from "../core/errors";
import type { FieldId } from "../core/fields";

/**
 * The error codes as the strings Excel defines them. Written out rather than read from
 * `CustomFunctions.ErrorCode`, an enum only CustomFunctionsRuntime 1.3 defines at run time;
 * `CustomFunctions.Error` itself needs 1.2.
 */
export const INVALID_VALUE = "#VALUE!" as CustomFunctions.ErrorCode;
export const DIVISION_BY_ZERO = "#DIV/0!" as CustomFunctions.ErrorCode;
export const INVALID_NUMBER = "#NUM!" as CustomFunctions.ErrorCode;

/**
 * One function's Excel argument names by the core's field id ({ caseMix: "case_mix" }): the
 * core's messages name its inputs by id, and the function's message names its arguments.
 */
export type ArgumentNames = Readonly<Partial<Record<FieldId, string>>>;

/**
 * Names a field the core refers to by id as the function's argument, keeping the core's words for
 * which entry ("case_mix for level 2"); a field with no argument of its own keeps the core's words.
 */
export function argumentNamer(names: ArgumentNames): FieldNamer {
  return (field) => {
    const argument = names[field.id] ?? field.label;
    return field.entry ? `${argument} ${field.entry.says}` : argument;
  };
}

/**
 * What Excel should show for an error: a zero divisor is #DIV/0! (which carries no message); a
 * result too large for a number, or a distribution too long for the core's grid, is #NUM!; every other input problem is #VALUE! with the core's
 * message in Excel's argument names. Anything else is a bug and is returned unchanged, so it is
 * not dressed up as the user's mistake.
 */
export function toExcelError(error: unknown, names: ArgumentNames | FieldNamer = {}): unknown {
  if (!isCaseRateInputError(error)) return error;
  if (error.problem === "division-by-zero") return new CustomFunctions.Error(DIVISION_BY_ZERO);
  const message = error.messageNaming(typeof names === "function" ? names : argumentNamer(names));
  // Excel shows a message only with #VALUE! and #N/A; #NUM! keeps it for the API and the record.
  const tooLarge = error.problem === "result-not-finite" || error.problem === "grid-too-long";
  const code = tooLarge ? INVALID_NUMBER : INVALID_VALUE;
  return new CustomFunctions.Error(code, message);
}

/**
 * Runs one function's conversion and arithmetic; an input error leaves as Excel's error, its
 * fields named by `names` (by id) or by a namer of the function's own.
 */
export function excelCall<T>(names: ArgumentNames | FieldNamer, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toExcelError(error, names);
  }
}
