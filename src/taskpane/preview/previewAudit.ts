/**
 * The audit in the browser preview: the same audit Excel runs (src/audit), on the in-browser
 * workbook. As in Excel, the worked example's inputs go into the input cells and the formulas are
 * recalculated, here by workbook/calc; the report says so. Loaded on demand (its own chunk).
 */
import {
  type AuditCell,
  type AuditReport,
  type AuditValue,
  buildAuditReport,
  cellsOfRange,
  exampleWrites,
  gridOf,
  locateFields,
} from "../../audit";
import { cellAddress, parseCell, parseSheetReference } from "../../workbook/a1";
import { type CellBlock, isFormula, type WorkbookSpec } from "../../workbook/spec";
import { type AuditFinding, type AuditView, reportFindings } from "../audit/auditView";
import { calculateWorkbook, ExcelError } from "../../workbook/calc";

/** Says how the preview's audit was calculated, in every report it gives. */
export const PREVIEW_CALCULATION_NOTE =
  "Calculated in the browser preview by the pane's own formula evaluator, not by Excel: download the workbook and audit it in Excel to check it there.";

/** The description with the example's inputs written over its input cells. */
function withInputs(spec: WorkbookSpec, writes: ReturnType<typeof exampleWrites>): WorkbookSpec {
  const extra = new Map<string, CellBlock[]>();
  for (const write of writes) {
    write.cells.forEach((cell, i) => {
      const blocks = extra.get(cell.sheet) ?? [];
      blocks.push({ address: cell.address, rows: [[write.values[i] ?? null]] });
      extra.set(cell.sheet, blocks);
    });
  }
  return {
    ...spec,
    sheets: spec.sheets.map((sheet) => ({
      ...sheet,
      blocks: [...sheet.blocks, ...(extra.get(sheet.name) ?? [])],
    })),
  };
}

/** Audits a described workbook; throws AuditInputError (in words) when it cannot. */
export function auditDescription(spec: WorkbookSpec): AuditReport {
  const sheetNames = spec.sheets.map((sheet) => sheet.name);
  const namedCells = new Map(
    spec.names.map((name) => {
      const { sheet, address } = parseSheetReference(name.reference);
      return [name.name.toLowerCase(), cellsOfRange(sheet, address)] as const;
    }),
  );
  const locations = locateFields({}, sheetNames, (name) => namedCells.get(name.toLowerCase()));
  const audited = withInputs(spec, exampleWrites(locations.found));
  const calculation = calculateWorkbook(audited);
  const cells: AuditCell[] = [];
  for (const sheet of audited.sheets) {
    const addresses = new Set<string>();
    for (const block of sheet.blocks) {
      const origin = parseCell(block.address);
      block.rows.forEach((row, r) =>
        row.forEach((_, c) => addresses.add(cellAddress(origin.row + r, origin.column + c))),
      );
    }
    for (const address of addresses) {
      const content = calculation.content(sheet.name, address);
      if (content === undefined || content === null) continue;
      const result = calculation.cell(sheet.name, address);
      // A formula the preview cannot calculate is reported as an error, never as a made-up value.
      const value: AuditValue = !result.ok
        ? { error: "#N/A" }
        : result.value instanceof ExcelError
          ? { error: result.value.code }
          : result.value;
      const formula = isFormula(content) ? content.formula : undefined;
      cells.push({ sheet: sheet.name, address, ...(formula !== undefined ? { formula } : {}), value });
    }
  }
  return buildAuditReport({
    grid: gridOf(sheetNames, cells, namedCells),
    locations,
    calculation: { engine: "cached", note: PREVIEW_CALCULATION_NOTE },
  });
}

/** The report as the Audit section shows it: its findings (reportFindings), then how it was calculated. */
export function previewAuditView(report: AuditReport): AuditView {
  const notes: AuditFinding[] = report.notes.map((note) => ({ severity: "info", title: "", detail: note }));
  return {
    summary: report.summary.line,
    ok: report.summary.result === "pass",
    findings: [...reportFindings(report), ...notes],
  };
}
