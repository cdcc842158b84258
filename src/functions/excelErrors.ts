/**
 * The core's CaseRateInputError as Excel's CustomFunctions.Error. Nothing here touches the
 * `CustomFunctions` global until an error is converted, so the module loads outside Excel.
 */
import { isCaseRateInputError } from "../core/errors";

/**
 * The error codes as the strings Excel defines them. Written out rather than read from
 * `CustomFunctions.ErrorCode`, an enum only CustomFunctionsRuntime 1.3 defines at run time;
 * `CustomFunctions.Error` itself needs 1.2.
 */
export const INVALID_VALUE = "#VALUE!" as CustomFunctions.ErrorCode;
export const DIVISION_BY_ZERO = "#DIV/0!" as CustomFunctions.ErrorCode;

/**
 * How one function's Excel arguments are named in the core's messages: the core's field name (in
 * its words, "case mix") → the argument's name in Excel ("case_mix").
 */
export type FieldNames = Readonly<Record<string, string>>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The message with each core field name replaced by the Excel argument's name, whole words only and
 * longest name first, so "case rates" is not read as "case rate" + "s".
 */
export function renameFields(message: string, names: FieldNames): string {
  const fields = Object.keys(names)
    .filter((field) => field !== names[field])
    .sort((a, b) => b.length - a.length);
  if (fields.length === 0) return message;
  const pattern = new RegExp(`\\b(?:${fields.map(escapeRegExp).join("|")})\\b`, "g");
  return message.replace(pattern, (field) => names[field]);
}

/**
 * What Excel should show for an error: a zero divisor is #DIV/0! (which carries no message); every
 * other input problem is #VALUE! with the core's message in Excel's argument names. Anything else
 * is a bug and is returned unchanged, so it is not dressed up as the user's mistake.
 */
export function toExcelError(error: unknown, names: FieldNames = {}): unknown {
  if (!isCaseRateInputError(error)) return error;
  if (error.problem === "division-by-zero") return new CustomFunctions.Error(DIVISION_BY_ZERO);
  return new CustomFunctions.Error(INVALID_VALUE, renameFields(error.message, names));
}

/** Runs one function's conversion and arithmetic; an input error leaves as Excel's error. */
export function excelCall<T>(names: FieldNames, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toExcelError(error, names);
  }
}
