import { compare, compared } from "./coerce";
import { type CellValue, isError } from "./values";

/**
 * COUNTIF's criterion as a test: a value matches equal cells (text without regard to case, with
 * * and ? wildcards); text such as ">0" or "<>done" compares with an operator.
 */
export function criterion(wanted: CellValue): (value: CellValue) => boolean {
  if (isError(wanted)) return (value) => isError(value) && value.code === wanted.code;
  if (typeof wanted === "number" || typeof wanted === "boolean" || wanted === null)
    return (value) => value === (wanted ?? 0);
  const [, op = "=", operand] = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(wanted) as RegExpExecArray;
  const number = operand.trim() !== "" && Number.isFinite(Number(operand)) ? Number(operand) : null;
  if (number !== null) {
    return (value) => {
      if (typeof value !== "number") return op === "<>";
      return compared(op, value < number ? -1 : value > number ? 1 : 0);
    };
  }
  if (op === "=" || op === "<>") {
    const pattern = new RegExp(
      `^${operand
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, "[\\s\\S]*")
        .replace(/\?/g, "[\\s\\S]")}$`,
      "i",
    );
    const equal = (value: CellValue) =>
      operand === "" ? value === null || value === "" : typeof value === "string" && pattern.test(value);
    return op === "=" ? equal : (value) => !equal(value);
  }
  return (value) => typeof value === "string" && compared(op, compare(value, operand));
}
