/**
 * The .xlsx libraries, loaded when a command first needs them: loading ExcelJS takes about a
 * third of a CPU second, which `case-rate history` and `compute`, needing none, would pay on
 * every run.
 */
export const loadExcelJs = async () => (await import("exceljs")).default;
export const loadJsZip = async () => (await import("jszip")).default;
