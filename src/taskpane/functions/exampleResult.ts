/**
 * A worked example's stated result ("24030535", "{1586;4759}") as Excel would show it in a cell
 * formatted for what the function returns ($24,030,535, {$1,586;$4,759}), through the workbook's
 * one number formatter.
 */
import { formatNumber } from "../../workbook/numberFormat";

/** What each function returns, which decides its cell's number format. */
type ResultKind = "dollars" | "count" | "share";

const RESULT_KINDS: Readonly<Record<string, ResultKind>> = {
  CASES: "count",
  CASEMIX_CASES: "count",
  AVERAGE_HOURS: "count",
  BLENDED_RATE: "dollars",
  CASERATE: "dollars",
  CASEMIX_BUDGET: "dollars",
  PMPM: "dollars",
  IMPLIED_RATE: "dollars",
  FTE_NEED: "count",
  CASELOAD: "count",
  WITHIN_RANGE: "share",
  RISK_RESERVE: "dollars",
  LOSS_PROBABILITY: "share",
  OUTLIER_PAYMENT: "dollars",
  CORRIDOR: "dollars",
  WITHHOLD_EARNED: "dollars",
  SHARED_SAVINGS: "dollars",
};

/** The functions whose results have a kind: the pane's test holds it to the catalog. */
export const FORMATTED_FUNCTIONS: readonly string[] = Object.keys(RESULT_KINDS);

/**
 * The number format of a result written as `written` ("158.6174", "50%"): grouped, with the
 * decimals it was written with (dollars at least to the cent), "$" before dollars.
 */
function formatFor(kind: ResultKind, written: string): string {
  const decimals = /\.(\d+)/.exec(written)?.[1].length ?? 0;
  const shown = kind === "dollars" && decimals > 0 ? Math.max(decimals, 2) : decimals;
  const digits = `#,##0${shown > 0 ? `.${"0".repeat(shown)}` : ""}`;
  if (kind === "share") return `${digits.replace("#,##", "")}%`;
  return kind === "dollars" ? `"$"${digits}` : digits;
}

/**
 * The stated result as Excel shows it: each number of a single result or of an array of numbers
 * in the function's format. A table mixing text and columns of different kinds stays as written.
 * @example exampleResultText("CASEMIX_BUDGET", "24030535") // "$24,030,535"
 */
export function exampleResultText(functionId: string, result: string): string {
  const kind = RESULT_KINDS[functionId];
  if (kind === undefined || result.includes('"')) return result;
  return result.replace(/-?\d+(?:\.\d+)?%?/g, (written) => {
    const value = written.endsWith("%") ? Number(written.slice(0, -1)) / 100 : Number(written);
    return formatNumber(value, formatFor(kind, written));
  });
}
