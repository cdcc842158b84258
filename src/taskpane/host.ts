/**
 * What the pane needs from a workbook. Two hosts implement it: Excel (excel/excelHost.ts, through
 * Office.js) and the browser preview (preview/previewHost.ts, an in-browser workbook). The pane's
 * logic (controller.ts) only talks to this interface, so the same code runs in both, and in jest.
 */
import type { StarterOptions } from "../workbook/starter/options";
import type { AuditView } from "./audit/auditView";
import type { CatalogFunction } from "./functions/catalog";

/** A figure the summary shows after a build, e.g. the total budget, as the workbook displays it. */
export interface KeyFigure {
  readonly label: string;
  readonly text: string;
}

export interface BuildResult {
  /** The sheets created, by the names they got. */
  readonly sheets: readonly string[];
  /** How many defined names were created. */
  readonly names: number;
  /** Sheets and names that got another name because the workbook already had them. */
  readonly renamed: readonly {
    readonly kind: "sheet" | "name";
    readonly wanted: string;
    readonly used: string;
  }[];
  readonly keyFigures: readonly KeyFigure[];
}

export interface WorkbookHost {
  readonly mode: "excel" | "preview";
  /** Builds the starter workbook; `progress` reports each step in words. */
  build(options: StarterOptions, progress: (step: string) => void): Promise<BuildResult>;
  /** Shows a sheet: activates it in Excel, or its table in the preview. */
  showSheet(name: string): Promise<void>;
  /** Inserts a function's formula (see functions/catalog.ts planInsert); answers what happened. */
  insertFunction(fn: CatalogFunction, namespace: string): Promise<{ ok: boolean; message: string }>;
  /** Runs the audit of the open workbook. */
  audit(): Promise<AuditView>;
  /** Selects a cell the audit points at. */
  selectCell(sheet: string, address: string): Promise<void>;
}
