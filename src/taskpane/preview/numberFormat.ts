/** Shows a calculated value the way Excel would under the cell's number format. */
import { ExcelError, type CellValue } from "../../workbook/calc";
import { formatNumber } from "../../workbook/numberFormat";

/** A preview cell's text: numbers under their format, errors by code, booleans as Excel writes them. */
export function formatValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (value instanceof ExcelError) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  return formatNumber(value, numberFormat);
}
