/**
 * ExcelJS and JSZip, loaded when a command first needs them: they are most of the command line's
 * start-up (about half a second), which compute, risk, history and contract never use.
 */
import type ExcelJSModule from "exceljs";
import type JSZipModule from "jszip";

/** The ExcelJS module (audit reads workbooks with it, starter writes them). */
export async function loadExcelJS(): Promise<typeof ExcelJSModule> {
  return (await import("exceljs")).default;
}

/** The JSZip module (audit reads a package's workbook.xml before ExcelJS does). */
export async function loadJSZip(): Promise<typeof JSZipModule> {
  return (await import("jszip")).default;
}
