import { fastFaults } from "./fast";
import {
  AUDIT_FIELDS,
  type AuditField,
  exampleWrites,
  type FieldLocations,
  fieldSpec,
  type OutputField,
  missingRequiredInputs,
} from "./fields";
import { auditFigures } from "./figures";
import { count, grouped, hoursText, money, rate, share } from "./format";
import { sourceNotes } from "./source";
import { table, TEXT_WIDTH, wrap } from "./textLayout";
import {
  type AuditGrid,
  type AuditReport,
  type AuditSummary,
  type AuditValue,
  type Calculation,
  cellName,
  type Fault,
  type FigureResult,
  type FaultKind,
  type FigureUnit,
} from "./types";

/** The title of the Audit sheet; a sheet that starts with it is an earlier report, not a model. */
export const AUDIT_SHEET_TITLE = "Audit against the Case Rate Toolkit";

/** What one audit run read: the recalculated workbook, where its fields are, and how it was calculated. */
export interface AuditRun {
  readonly grid: AuditGrid;
  readonly locations: FieldLocations;
  readonly calculation: Calculation;
  /** Notes the adapter adds (the cached inputs that differ from the example…). */
  readonly notes?: readonly string[];
}

/** Sheets of earlier audit reports, left out of the FAST checks. */
function reportSheets(grid: AuditGrid): Set<string> {
  return new Set(
    grid.sheetNames.filter((sheet) =>
      grid
        .cells()
        .some(
          (cell) => cell.sheet === sheet && cell.value === AUDIT_SHEET_TITLE && /^[AB]1$/.test(cell.address),
        ),
    ),
  );
}

/** The sheets where typed numbers belong: those holding the inputs, and any named like inputs. */
function inputSheets(grid: AuditGrid, locations: FieldLocations): Set<string> {
  const sheets = new Set<string>();
  for (const location of locations.found.values()) {
    if (fieldSpec(location.field).kind === "input") location.cells.forEach((cell) => sheets.add(cell.sheet));
  }
  for (const sheet of grid.sheetNames) if (/input|assumption/i.test(sheet)) sheets.add(sheet);
  return sheets;
}

/** The cells that show an error value (#NAME?, #REF!, …), as "Guide!C2 #NAME?", from the faults. */
function errorCells(grid: AuditGrid, faults: readonly Fault[]): string[] {
  return faults
    .filter((fault) => fault.kind === "error-value")
    .map((fault) => {
      const value = grid.cell(fault.sheet, fault.cell)?.value;
      const shown = typeof value === "object" && value !== null ? ` ${value.error}` : "";
      return `${cellName({ sheet: fault.sheet, address: fault.cell })}${shown}`;
    });
}

/**
 * A figure named as the toolkit does, by its step: "Step 2 · cases at the low penetration rate".
 * The Level B cohorts are step 5's source of Level B's hours. The id stays for --json.
 */
export function figureName(figure: Pick<FigureResult, "figure" | "label">): string {
  const step = /^step(\d+)\./.exec(figure.figure)?.[1] ?? (figure.figure.startsWith("cohorts.") ? "5" : null);
  return step === null ? figure.label : `Step ${step} · ${figure.label}`;
}

/** The first few of a list, then "…". */
function firstFew(items: readonly string[]): string {
  return items.length > 4 ? `${items.slice(0, 4).join(", ")}, …` : items.join(", ");
}

/**
 * The summary: the audit fails when a figure fails (a required one missing included) or when any
 * cell shows an error value; other modelling faults are reported without failing it.
 */
function summarize(
  figures: readonly FigureResult[],
  faults: number,
  errors: readonly string[],
): AuditSummary {
  const tally = (verdict: FigureResult["verdict"]) => figures.filter((f) => f.verdict === verdict).length;
  const pass = tally("pass");
  const rounding = tally("rounding");
  const fail = tally("fail");
  const faultText =
    faults === 0 ? "no modelling faults" : `${faults} modelling fault${faults === 1 ? "" : "s"}`;
  const errorText =
    errors.length === 0
      ? ""
      : `${errors.length} cell${errors.length === 1 ? " shows" : "s show"} an error value (${firstFew(errors)})`;
  let line: string;
  if (figures.length === 0)
    line = `FAIL: the workbook has none of the figures the audit reads; ${faultText}.`;
  else if (fail > 0) {
    const failing = figures.filter((f) => f.verdict === "fail").map(figureName);
    line = `FAIL: ${fail} of ${figures.length} figures fail (${firstFew(failing)}); ${pass} pass, ${rounding} differ only by the toolkit's rounding; ${faultText}${errorText ? `; ${errorText}` : ""}.`;
  } else if (errors.length > 0) {
    line = `FAIL: ${errorText}; ${figures.length} figures: ${pass} pass, ${rounding} differ only by the toolkit's rounding; ${faultText}.`;
  } else if (rounding > 0) {
    line = `PASS: ${figures.length} figures: ${pass} match the toolkit's worked example and ${rounding} differ only by the toolkit's rounding; ${faultText}.`;
  } else line = `PASS: all ${figures.length} figures match the toolkit's worked example; ${faultText}.`;
  return {
    result: fail > 0 || figures.length === 0 || errors.length > 0 ? "fail" : "pass",
    figures: figures.length,
    pass,
    rounding,
    fail,
    faults,
    errors: errors.length,
    line,
  };
}

/** Notes on what the audit wrote and what the workbook lacks. */
function runNotes(locations: FieldLocations): string[] {
  const notes: string[] = [];
  const writes = exampleWrites(locations.found);
  if (writes.length > 0) {
    notes.push(
      `The worked example's inputs went into ${writes.map((w) => locations.found.get(w.field)?.reference ?? w.field).join(", ")}; your workbook's own inputs are left as they were.`,
    );
  }
  const required = missingRequiredInputs(locations.found);
  if (required.length > 0) {
    notes.push(
      `Not found, so the workbook kept its own values: ${required.join("; ")}. Map them to audit this workbook against the example.`,
    );
  }
  if (locations.absent.length > 0) {
    notes.push(
      `Missing, so their figures fail: ${locations.absent.map((field) => `${field} (defined name ${fieldSpec(field).definedName})`).join(", ")}; the starter workbook has every one of them.`,
    );
  }
  const missingOutputs = locations.missing.filter(
    (field) => fieldSpec(field).kind === "output" && !locations.absent.includes(field as OutputField),
  );
  const cohortFields: AuditField[] = ["cohortAverageHours"];
  const plain = missingOutputs.filter((field) => !cohortFields.includes(field));
  if (plain.length > 0) {
    notes.push(
      `Not audited, as the workbook has no cells for them (no defined name or --map entry): ${plain.map((field) => `${fieldSpec(field).describe} (${fieldSpec(field).definedName ?? `--map ${field}`})`).join("; ")}.`,
    );
  }
  if (missingOutputs.includes("cohortAverageHours")) {
    notes.push(
      "The workbook has no Level B utilization cohorts (no CohortAverageHours name), so their weighted average hours is left out; the toolkit's own figure for it is checked below.",
    );
  }
  return notes;
}

/** Audits what one run read: figures against the toolkit and the core, FAST faults, source notes. */
export function buildAuditReport(run: AuditRun): AuditReport {
  const faults = fastFaults(run.grid, {
    inputSheets: inputSheets(run.grid, run.locations),
    skipSheets: reportSheets(run.grid),
  });
  const figures = auditFigures({
    grid: run.grid,
    found: run.locations.found,
    faults,
    absent: run.locations.absent,
  });
  return {
    summary: summarize(figures, faults.length, errorCells(run.grid, faults)),
    calculation: run.calculation,
    figures,
    faults,
    sourceNotes: sourceNotes(),
    notes: [
      ...(run.calculation.note ? [run.calculation.note] : []),
      ...(run.notes ?? []),
      ...runNotes(run.locations),
    ],
  };
}

/** A figure's value as a table shows it: every decimal the workbook carries, in the figure's unit. */
export function displayValue(unit: FigureUnit, value: AuditValue, decimals?: number): string {
  if (value === null) return "(empty)";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return JSON.stringify(value);
  switch (unit) {
    case "dollars":
      return decimals === undefined ? `$${grouped(value, 6)}` : money(value, decimals);
    case "ratePerHour":
      return decimals === undefined ? rate(value) : money(value, decimals);
    case "share":
      return share(value);
    case "hours":
      return decimals === undefined ? grouped(value, 6) : hoursText(value);
    case "cases":
      return decimals === undefined ? grouped(value, 6) : count(value);
  }
}

/** The difference in the figure's unit, signed: "+$1", "-0.415", "0". */
function displayDifference(unit: FigureUnit, difference: number | null): string {
  if (difference === null) return "";
  if (difference === 0) return "0";
  const sign = difference > 0 ? "+" : "-";
  const size = Math.abs(difference);
  if (unit === "share") return `${sign}${grouped(size * 100, 6)} pts`;
  const prefix = unit === "dollars" || unit === "ratePerHour" ? "$" : "";
  return `${sign}${prefix}${grouped(size, 6)}`;
}

/**
 * Each figure as text cells: name, printed, workbook, core (the toolkit's arithmetic unrounded),
 * difference, verdict and explanation, as the text report and the Audit sheet show them.
 */
export function figureRows(report: AuditReport): string[][] {
  return report.figures.map((f) => [
    figureName(f),
    f.published === null ? "(none)" : displayValue(f.unit, f.published, f.decimals),
    displayValue(f.unit, f.workbook),
    displayValue(f.unit, f.core),
    displayDifference(f.unit, f.difference),
    f.verdict,
    f.explanation,
  ]);
}

const MAX_FAULTS_SHOWN = 40;

/** Each modelling fault in words. */
const FAULT_WORDS: Record<FaultKind, string> = {
  "number-in-formula": "a number typed inside a formula",
  "inconsistent-row": "a formula unlike the rest of its row",
  "number-over-formula": "a number typed over a formula",
  "empty-reference": "a formula referring to an empty cell",
  "error-value": "an error value",
};

/** A list of notes, each wrapped with a hanging indent under its "- ". */
function bullets(notes: readonly string[]): string[] {
  return notes.flatMap((note) => wrap(note, TEXT_WIDTH, "- ", "  "));
}

/**
 * The report for a terminal, at most 100 characters a line: the summary first, the notes, each
 * figure by name with its values and one sentence of why, the formulas' faults, the toolkit's own.
 */
export function renderText(report: AuditReport, file?: string): string {
  const lines: string[] = wrap(report.summary.line, TEXT_WIDTH, "", "  ");
  if (file) lines.push(...wrap(`Workbook: ${file}`, TEXT_WIDTH, "", "  "));
  lines.push(...report.notes.flatMap((note) => wrap(`Note: ${note}`, TEXT_WIDTH, "", "  ")), "");

  const rows = figureRows(report);
  const [header, ...figures] = table(
    ["Figure", "Toolkit", "Workbook", "Difference", "Verdict"],
    rows.map(([name, printed, workbook, , difference, verdict]) => [
      name,
      printed,
      workbook,
      difference,
      verdict,
    ]),
  );
  lines.push(...header);
  figures.forEach((figureLines, i) => {
    lines.push(...figureLines, ...wrap(rows[i][6], TEXT_WIDTH, "    "));
  });
  lines.push(
    ...wrap(
      "Toolkit: the figure as the toolkit prints it. Workbook: the workbook's value, unrounded. Difference: workbook − toolkit (where the toolkit prints none, workbook − the toolkit's arithmetic, unrounded).",
    ),
    "",
  );

  if (report.faults.length === 0) {
    lines.push(
      ...wrap(
        "Faults in the formulas (the FAST Standard's modelling faults): none: no numbers typed inside or over formulas, no rows whose formulas differ, no references to empty cells, no error values.",
      ),
    );
  } else {
    lines.push(`Faults in the formulas (the FAST Standard's modelling faults): ${report.faults.length}.`);
    const shown = report.faults.slice(0, MAX_FAULTS_SHOWN);
    for (const fault of shown) {
      lines.push(
        ...wrap(
          `${cellName({ sheet: fault.sheet, address: fault.cell })}, ${FAULT_WORDS[fault.kind]}: ${fault.explanation}`,
          TEXT_WIDTH,
          "- ",
          "  ",
        ),
      );
    }
    if (report.faults.length > shown.length) {
      lines.push(`… and ${report.faults.length - shown.length} more (--json lists them all).`);
    }
  }
  lines.push("", "What the toolkit's own figures show:");
  lines.push(...bullets(report.sourceNotes.map((note) => note.note)));
  return `${lines.join("\n")}\n`;
}

/** The report as JSON: per figure figure, published, workbook, core, difference, verdict, explanation. */
export function reportJson(report: AuditReport, file?: string): unknown {
  return {
    ...(file ? { file } : {}),
    summary: report.summary,
    calculation: report.calculation,
    figures: report.figures.map((f) => ({
      figure: f.figure,
      label: f.label,
      published: f.published,
      decimals: f.decimals,
      workbook: f.workbook,
      core: f.core,
      difference: f.difference,
      verdict: f.verdict,
      explanation: f.explanation,
      cell: f.cell ? cellName(f.cell) : null,
    })),
    faults: report.faults,
    sourceNotes: report.sourceNotes,
    notes: report.notes,
  };
}

/** Every field the audit knows, for help texts: "enrollees (Enrollees): enrollees (step 1)". */
export function fieldsHelp(): string {
  return AUDIT_FIELDS.map(
    (spec) =>
      `  ${spec.field.padEnd(20)} ${(spec.definedName ?? "(mapping only)").padEnd(20)} ${spec.kind}, ${spec.cells} cell${spec.cells === 1 ? "" : "s"}: ${spec.describe}`,
  ).join("\n");
}
