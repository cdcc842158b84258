import { rangeAddress } from "../workbook/a1";
import { LABEL_COLUMN, SheetBuilder } from "../workbook/layout";
import type { CellContent, SheetSpec } from "../workbook/spec";
import { NUMBER_FORMATS } from "../workbook/styles";
import { asText as text } from "../workbook/text";
import { AUDIT_SHEET_TITLE, figureName } from "./report";
import { type AuditReport, type AuditValue, cellName, type FigureResult } from "./types";

/** The sheet name the audit asks for; a taken name becomes "Audit (2)" (resolveNaming). */
export const AUDIT_SHEET = "Audit";

/** Tab colour of the report: red-brown, apart from the model's sheets. */
const AUDIT_TAB_COLOR = "C55A11";

function cellValue(value: AuditValue): CellContent {
  if (value === null) return null;
  if (typeof value === "object") return value.error;
  return typeof value === "string" ? text(value) : value;
}

/** Number format for a figure's values: as the toolkit prints it, with the decimals that matter. */
function figureFormat(figure: FigureResult, exact: boolean): string {
  switch (figure.unit) {
    case "share":
      return exact ? "0.00%" : NUMBER_FORMATS.percentWhole;
    case "dollars":
      return exact || figure.decimals > 0 ? NUMBER_FORMATS.dollarsCents : NUMBER_FORMATS.dollars;
    case "ratePerHour":
      return exact ? '"$"#,##0.00000' : NUMBER_FORMATS.dollarsCents;
    case "hours":
      return exact ? "#,##0.00" : figure.decimals > 0 ? NUMBER_FORMATS.hours : NUMBER_FORMATS.count;
    case "cases":
      return exact ? "#,##0.00" : NUMBER_FORMATS.count;
  }
}

export interface AuditSheetOptions {
  /** When the audit ran, shown under the title (the caller's clock: this module reads none). */
  readonly auditedAt?: string;
  /** What was audited: the file name, or the workbook's. */
  readonly source?: string;
}

/**
 * The report as a sheet described as data: the summary at the top, then figure, printed value,
 * workbook value, core value, difference, verdict and explanation, then the FAST faults and the
 * source notes. Constants only: the sheet never recalculates and holds nothing to audit.
 */
export function auditSheetSpec(
  report: AuditReport,
  name: string,
  options: AuditSheetOptions = {},
): SheetSpec {
  const sheet = new SheetBuilder(name, AUDIT_TAB_COLOR, [2, 26, 14, 16, 16, 14, 10, 120], {
    rows: 3,
    columns: 0,
  });
  sheet.heading([AUDIT_SHEET_TITLE], "title");
  sheet.heading([text(report.summary.line)], "total");
  const about = [
    options.source ? `Workbook: ${options.source}` : null,
    options.auditedAt ? `Audited ${options.auditedAt}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join(" · ");
  sheet.heading(
    [text(about || "The workbook's formulas checked against the Case Rate Toolkit's worked example.")],
    "subtitle",
  );

  const width = 7;
  sheet.section("Summary", width);
  const count = (label: string, value: number | string) =>
    sheet.line(label, "", [value], { style: "calc", numberFormat: NUMBER_FORMATS.general });
  count("Result", report.summary.result.toUpperCase());
  count("Figures audited", report.summary.figures);
  count("Pass", report.summary.pass);
  count("Rounding (the toolkit's own)", report.summary.rounding);
  count("Fail", report.summary.fail);
  count("Modelling faults (FAST)", report.summary.faults);
  count("Cells showing an error value", report.summary.errors);
  count(
    "Calculated by",
    report.calculation.engine === "cached"
      ? "cached values (not recalculated)"
      : report.calculation.engine === "libreoffice"
        ? "LibreOffice"
        : "Excel",
  );
  for (const note of report.notes) sheet.note(text(note));

  sheet.section("Figures", width);
  sheet.heading(["Figure", "Printed", "Workbook", "Core", "Difference", "Verdict", "Explanation"]);
  for (const figure of report.figures) {
    const row = sheet.row;
    sheet.put(row, LABEL_COLUMN, [figureName(figure)], { style: "label" });
    sheet.put(row, LABEL_COLUMN + 1, [figure.published ?? "(none)"], {
      style: "calc",
      numberFormat: figureFormat(figure, false),
    });
    sheet.put(row, LABEL_COLUMN + 2, [cellValue(figure.workbook), figure.core, figure.difference], {
      style: "calc",
      numberFormat: figureFormat(figure, true),
    });
    sheet.put(row, LABEL_COLUMN + 5, [figure.verdict], {
      style: figure.verdict === "fail" ? "total" : "calc",
    });
    sheet.put(row, LABEL_COLUMN + 6, [text(figure.explanation)], { style: "note" });
    sheet.skip();
  }
  sheet.note(
    "Printed: the toolkit's figure as it prints it. Workbook and Core: unrounded. Difference: workbook − printed (− core where the toolkit prints none).",
  );

  sheet.section("Modelling faults (FAST)", width);
  if (report.faults.length === 0) sheet.note("None found.");
  else {
    sheet.heading(["Cell", "Kind", "Explanation"]);
    const first = sheet.putTable(
      LABEL_COLUMN,
      report.faults.map((fault) => [
        cellName({ sheet: fault.sheet, address: fault.cell }),
        fault.kind,
        text(fault.explanation),
      ]),
      { style: "calc" },
    );
    sheet.format(rangeAddress(first, LABEL_COLUMN + 2, sheet.row - 1, LABEL_COLUMN + 2), "note");
  }

  sheet.section("Source notes: the toolkit's own figures", width);
  for (const note of report.sourceNotes) {
    const row = sheet.row;
    sheet.put(row, LABEL_COLUMN, [note.id], { style: "label" });
    sheet.put(row, LABEL_COLUMN + 1, [text(note.note)], { style: "note" });
    sheet.skip();
  }
  return sheet.build();
}
