/**
 * A number as Excel shows it under a cell's number format. Only the format codes the workbook
 * descriptions use are understood ("$"#,##0.00, 0.0%, #,##0 …, and a second section for negative
 * numbers, as in "$"#,##0;("$"#,##0)); anything else falls back to General, so an unknown code
 * changes how a number looks, never which number it is.
 */
import { fixedDecimals, groupThousands } from "../core/format";

interface Pattern {
  readonly prefix: string;
  readonly suffix: string;
  readonly grouping: boolean;
  readonly decimals: number;
  readonly percent: boolean;
}

const unquote = (text: string) => text.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");

/** A format's sections, split at the semicolons outside quoted text. */
const sections = (code: string) => code.match(/(?:"[^"]*"|\\.|[^;"\\])+/g) ?? [];

/** Parses one section of a simple number format: literal prefix, #,##0.00 and %, literal suffix. */
function parsePattern(code: string): Pattern | null {
  const match = /^((?:"[^"]*"|\\.|[$\s(])*)([#0,]*0)(?:\.(0+))?(%?)((?:"[^"]*"|\\.|[\s)])*)$/.exec(code);
  if (!match) return null;
  return {
    prefix: unquote(match[1]),
    grouping: match[2].includes(","),
    decimals: match[3]?.length ?? 0,
    percent: match[4] === "%",
    suffix: unquote(match[5]),
  };
}

/** Excel's General format: up to 10 significant digits, no trailing zeros. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const text = Number(value.toPrecision(10)).toString();
  return text.includes("e") ? value.toExponential(5).replace("e+", "E+").replace("e-", "E-") : text;
}

/**
 * The text a number shows under an Excel number format code (General when none).
 * @example formatNumber(24030534.585, '"$"#,##0') // "$24,030,535"
 * @example formatNumber(-1234.5, '"$"#,##0;("$"#,##0)') // "($1,235)"
 */
export function formatNumber(value: number, numberFormat?: string): string {
  const parts = numberFormat && numberFormat !== "General" ? sections(numberFormat) : [];
  const [positive, negative] = parts.length <= 2 ? parts.map(parsePattern) : [];
  if (!positive || negative === null) return general(value);
  // A negative section shows the number without its sign: "($1,235)" for -1234.5.
  if (negative && value < 0) return formatWith(negative, -value);
  return formatWith(positive, value);
}

/** The text of a number under one parsed section, a minus sign in front when negative. */
function formatWith(pattern: Pattern, value: number): string {
  const fixed = fixedDecimals(pattern.percent ? value * 100 : value, pattern.decimals);
  const negative = fixed.startsWith("-");
  const unsigned = negative ? fixed.slice(1) : fixed;
  const digits = pattern.grouping ? groupThousands(unsigned) : unsigned;
  return `${negative ? "-" : ""}${pattern.prefix}${digits}${pattern.percent ? "%" : ""}${pattern.suffix}`;
}
