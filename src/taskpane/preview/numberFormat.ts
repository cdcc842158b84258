/**
 * Shows a calculated value the way Excel would under the cell's number format. Only the format
 * codes the workbook descriptions use are understood ("$"#,##0.00, 0.0%, #,##0 …); anything else
 * falls back to General, so an unknown code changes how a number looks, never which number it is.
 */
import { ExcelError, type CellValue } from "../../workbook/calc";

interface Pattern {
  readonly prefix: string;
  readonly suffix: string;
  readonly grouping: boolean;
  readonly decimals: number;
  readonly percent: boolean;
}

const unquote = (text: string) => text.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");

/** Parses one section of a simple number format: literal prefix, #,##0.00 and %, literal suffix. */
function parsePattern(code: string): Pattern | null {
  const match = /^((?:"[^"]*"|\\.|[$\s])*)([#0,]*0)(?:\.(0+))?(%?)((?:"[^"]*"|\\.|\s)*)$/.exec(code);
  if (!match) return null;
  return {
    prefix: unquote(match[1]),
    grouping: match[2].includes(","),
    decimals: match[3]?.length ?? 0,
    percent: match[4] === "%",
    suffix: unquote(match[5]),
  };
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** Rounds half away from zero at `decimals`, as Excel displays (toFixed rounds 1.005 down). */
function fixed(value: number, decimals: number): string {
  const scaled = Math.round(Math.abs(value) * 10 ** decimals + 1e-9) / 10 ** decimals;
  return scaled.toFixed(decimals);
}

/** Excel's General format: up to 10 significant digits, no trailing zeros. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const text = Number(value.toPrecision(10)).toString();
  return text.includes("e") ? value.toExponential(5).replace("e+", "E+").replace("e-", "E-") : text;
}

export function formatValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (value instanceof ExcelError) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const pattern = numberFormat && numberFormat !== "General" ? parsePattern(numberFormat) : null;
  if (!pattern) return general(value);
  const shown = pattern.percent ? value * 100 : value;
  const [whole, fraction] = fixed(shown, pattern.decimals).split(".");
  const digits = (pattern.grouping ? group(whole) : whole) + (fraction ? `.${fraction}` : "");
  const negative = shown < 0 && Number(fixed(shown, pattern.decimals)) !== 0;
  return `${negative ? "-" : ""}${pattern.prefix}${digits}${pattern.percent ? "%" : ""}${pattern.suffix}`;
}
