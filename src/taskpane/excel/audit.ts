/**
 * The audit of the open workbook through Office.js: the worked example's inputs go into the
 * workbook's input cells, Excel recalculates, the outputs and formulas are read, and the user's
 * inputs (formulas and values) are put back, even when a step fails. Then the report is written as
 * a new Audit sheet. Five `context.sync()` calls, whatever the workbook's size.
 */
import {
  AUDIT_SHEET,
  type AuditCell,
  AuditInputError,
  type AuditMapping,
  type AuditReport,
  type AuditValue,
  auditSheetSpec,
  buildAuditReport,
  type CellRef,
  type CellValueType,
  cellName,
  checkDefinedNameSizes,
  exampleWrites,
  fieldSpec,
  gridOf,
  type InputWrite,
  locateFields,
  parseReference,
  cellsOfRange,
  restoreFormulas,
  shapeOf,
} from "../../audit";
import { cellAddress, parseCell } from "../../workbook/a1";
import { resolveNaming } from "../../workbook/freeNames";
import { type AuditView, reportFindings } from "../audit/auditView";
import { queueSheet } from "./writeWorkbook";

/** Where a failing figure is, for the pane to select on a click. */
export interface FailingFigure {
  readonly figure: string;
  readonly sheet: string;
  readonly address: string;
}

export interface WorkbookAuditResult {
  readonly report: AuditReport;
  /** The sheet the report went to: "Audit", or the next free name ("Audit (2)"). */
  readonly sheet: string;
  /** `context.sync()` calls made: a constant. */
  readonly syncs: number;
  readonly failing: readonly FailingFigure[];
}

export interface WorkbookAuditOptions {
  /** Shown under the Audit sheet's title, e.g. new Date().toLocaleString(). */
  readonly auditedAt?: string;
}

/** Raised when the user's inputs could not be put back; the message lists what they were. */
export class RestoreError extends Error {
  override readonly name = "RestoreError";
}

/** One input range as the user had it, loaded before anything is written. */
interface Original {
  readonly write: InputWrite;
  readonly range: Excel.Range;
}

function rangeOf(context: Excel.RequestContext, cells: readonly CellRef[]): Excel.Range {
  const first = cells[0];
  const last = cells[cells.length - 1];
  const address = first.address === last.address ? first.address : `${first.address}:${last.address}`;
  return context.workbook.worksheets.getItem(first.sheet).getRange(address);
}

/** The example's values laid out as the range is: one row, or one column. */
function laidOut(write: InputWrite): (string | number)[][] {
  const { rows } = shapeOf(write.cells);
  const values = write.values.map((value) => (value === null ? "" : value));
  return rows > 1 ? values.map((value) => [value]) : [values];
}

/** A cell's value as the audit reads it, from Office.js's values and valueTypes. */
function auditValue(value: unknown, type: CellValueType | undefined): AuditValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** The cells of a loaded used range. */
function cellsOfUsedRange(range: Excel.Range): AuditCell[] {
  const parsed = parseReference(range.address);
  if (parsed === null || parsed.kind !== "range") return [];
  const origin = parseCell(parsed.range.split(":")[0]);
  const values = range.values as unknown[][];
  const types = range.valueTypes as CellValueType[][];
  const cells: AuditCell[] = [];
  (range.formulas as unknown[][]).forEach((row, r) =>
    row.forEach((formula, c) => {
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      const value = auditValue(values[r]?.[c], types[r]?.[c]);
      if (!isFormula && value === null) return;
      cells.push({
        sheet: parsed.sheet,
        address: cellAddress(origin.row + r, origin.column + c),
        ...(isFormula ? { formula: (formula as string).slice(1) } : {}),
        value,
      });
    }),
  );
  return cells;
}

/** What the user's inputs were, for a message when they could not be put back. */
function describeOriginals(originals: readonly Original[]): string {
  return originals
    .map(({ write, range }) => {
      const formulas = (range.formulas as unknown[][]).flat().map((f) => (f === "" ? "(empty)" : String(f)));
      return `${cellName(write.cells[0])}${write.cells.length > 1 ? `…` : ""}: ${formulas.join(", ")}`;
    })
    .join("; ");
}

/**
 * Audits the open workbook against the toolkit's worked example and writes the report as a new
 * sheet. `mapping` says where a workbook of the user's own making keeps each field; fields it leaves
 * out are found by the starter workbook's defined names. The user's inputs are restored exactly,
 * also when reading the outputs fails (the error is then rethrown after the restore).
 */
export async function auditWorkbook(
  context: Excel.RequestContext,
  mapping: AuditMapping = {},
  options: WorkbookAuditOptions = {},
): Promise<WorkbookAuditResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const workbook = context.workbook;

  // 1. What the workbook has: sheets, defined names, the calculation mode.
  const worksheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name,items/type,items/formula");
  const application = workbook.application.load("calculationMode");
  await sync();
  const sheetNames = worksheets.items.map((sheet) => sheet.name);
  // Counted from the corners before any name's cells are listed: A1:XFD1048576 is refused.
  checkDefinedNameSizes(
    names.items.map((item) => ({
      name: item.name,
      reference: typeof item.formula === "string" ? item.formula.replace(/^=/, "") : "",
    })),
  );
  const namedCells = new Map<string, CellRef[]>();
  for (const item of names.items) {
    const parsed = typeof item.formula === "string" ? parseReference(item.formula) : null;
    if (parsed?.kind === "range")
      namedCells.set(item.name.toLowerCase(), cellsOfRange(parsed.sheet, parsed.range));
  }
  const locations = locateFields(mapping, sheetNames, (name) => namedCells.get(name.toLowerCase()));
  if (![...locations.found.keys()].some((field) => fieldSpec(field).kind === "output")) {
    throw new AuditInputError(
      "this workbook has none of the cells the audit reads (no CaseRates, LevelBudgets, TotalBudget… names): map them first.",
    );
  }
  const writes = exampleWrites(locations.found);
  const manual = application.calculationMode === "Manual";

  // 2. The user's inputs as they are, formulas and values, before anything is written.
  const originals: Original[] = writes.map((write) => ({
    write,
    range: rangeOf(context, write.cells).load("address,formulas,values,valueTypes"),
  }));
  await sync();

  // 3. The example in, Excel recalculates, every sheet's cells read; 4. the user's inputs back.
  let report: AuditReport | undefined;
  let failure: unknown;
  try {
    for (const { write, range } of originals) range.values = laidOut(write);
    if (manual) workbook.application.calculate("Recalculate");
    const used = sheetNames.map((name) =>
      workbook.worksheets.getItem(name).getUsedRangeOrNullObject().load("address,formulas,values,valueTypes"),
    );
    await sync();
    const cells = used.filter((range) => !range.isNullObject).flatMap(cellsOfUsedRange);
    report = buildAuditReport({
      grid: gridOf(sheetNames, cells, namedCells),
      locations,
      calculation: { engine: "excel" },
    });
  } catch (error) {
    failure = error;
  }
  try {
    for (const { range } of originals) {
      range.formulas = restoreFormulas(range.formulas as unknown[][], range.valueTypes as CellValueType[][]);
    }
    if (manual) workbook.application.calculate("Recalculate");
    await sync();
  } catch (error) {
    throw new RestoreError(
      `The audit could not put your inputs back (${(error as Error).message}); they were ${describeOriginals(originals)}.`,
    );
  }
  if (failure !== undefined || report === undefined) throw failure;

  // 5. The report as a new sheet, never over one of the user's.
  const sheet = resolveNaming(sheetNames, [], [AUDIT_SHEET], []).sheet(AUDIT_SHEET);
  const added = workbook.worksheets.add(sheet);
  queueSheet(added, auditSheetSpec(report, sheet, { auditedAt: options.auditedAt }));
  added.activate();
  await sync();

  const failing = report.figures.flatMap((figure) =>
    figure.verdict === "fail" && figure.cell
      ? [{ figure: figure.figure, sheet: figure.cell.sheet, address: figure.cell.address }]
      : [],
  );
  return { report, sheet, syncs, failing };
}

/** Shows a cell: activates its sheet and selects it (the pane calls this on a click). */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}

/** The report as the pane's Audit section shows it: its findings (reportFindings), then where the report is. */
export function auditView(result: WorkbookAuditResult): AuditView {
  const { report } = result;
  return {
    summary: `${report.summary.line} Report: sheet ${result.sheet}.`,
    ok: report.summary.result === "pass",
    findings: [
      ...reportFindings(report),
      {
        severity: "info",
        title: "Report",
        detail: `The full report is on sheet ${result.sheet}.`,
        sheet: result.sheet,
        address: "A1",
      },
    ],
  };
}

/** The audit as the pane's Excel host takes it (excelHost(run, excelAudit)). */
export const excelAudit = {
  async audit(context: Excel.RequestContext, mapping?: AuditMapping): Promise<AuditView> {
    return auditView(await auditWorkbook(context, mapping, { auditedAt: new Date().toLocaleString() }));
  },
  selectCell,
};
