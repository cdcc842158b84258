/**
 * The pane's workbook outside Excel: the starter workbook built in the browser from the same
 * description Excel gets, its formulas calculated by workbook/calc, shown as tables, and
 * offered as an .xlsx download (exceljs loads only then, from its own chunk).
 */
import { parseSheetReference } from "../../workbook/a1";
import { type Naming, resolveNaming } from "../../workbook/freeNames";
import type { Scalar, SheetSpec, WorkbookSpec } from "../../workbook/spec";
import type { StarterOptions } from "../../workbook/starter/options";
import type { ExcelJsModule } from "../../workbook/xlsx/writeXlsx";
import type { AuditView } from "../audit/auditView";
import { type CatalogFunction, excelFormula } from "../functions/catalog";
import type { BuildResult, KeyFigure, WorkbookHost } from "../host";
import { type CalculatedWorkbook, calculateWorkbook } from "../../workbook/calc";
import { type SheetGrid, workbookGrids } from "./sheetGrid";

export interface PreviewWorkbook {
  readonly options: StarterOptions;
  readonly spec: WorkbookSpec;
  readonly calculation: CalculatedWorkbook;
  readonly grids: readonly SheetGrid[];
}

export interface PreviewState {
  readonly workbook: PreviewWorkbook | null;
  readonly activeSheet: string | null;
  /** A cell to point at (an audit finding), on the active sheet. */
  readonly selected: { readonly sheet: string; readonly address: string } | null;
}

/** Loads exceljs on demand: webpack puts `import("exceljs")` in its own chunk. */
export async function loadExcelJs(): Promise<ExcelJsModule> {
  const module = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as {
    default?: ExcelJsModule;
  } & Partial<ExcelJsModule>;
  const excelJs = module.Workbook ? (module as ExcelJsModule) : module.default;
  if (!excelJs?.Workbook) throw new Error("the .xlsx writer did not load.");
  return excelJs;
}

const KEY_FIGURES: readonly { name: string; label: string }[] = [
  { name: "TotalBudget", label: "Total budget" },
  { name: "PMPM", label: "Per member per month" },
  { name: "CheckStatus", label: "Checks" },
];

export interface PreviewHostOptions {
  /** Copies text to the clipboard; rejects when the browser refuses. */
  readonly copy?: (text: string) => Promise<void>;
  readonly excelJs?: () => Promise<ExcelJsModule>;
}

export class PreviewHost implements WorkbookHost {
  readonly mode = "preview" as const;
  private current: PreviewState = { workbook: null, activeSheet: null, selected: null };
  private readonly listeners = new Set<(state: PreviewState) => void>();

  constructor(private readonly options: PreviewHostOptions = {}) {}

  get state(): PreviewState {
    return this.current;
  }

  subscribe(listener: (state: PreviewState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(change: Partial<PreviewState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }

  /** A defined name's first cell as the preview table shows it. */
  shownText(name: string): string | undefined {
    const workbook = this.current.workbook;
    const definition = workbook?.spec.names.find((n) => n.name === name);
    if (!workbook || !definition) return undefined;
    const { sheet, address } = parseSheetReference(definition.reference);
    const first = address.replace(/\$/g, "").split(":")[0];
    const grid = workbook.grids.find((g) => g.name === sheet);
    return grid?.rows.flatMap((row) => row.cells).find((cell) => cell.address === first)?.text;
  }

  async build(options: StarterOptions, progress: (step: string) => void): Promise<BuildResult> {
    progress("Describing the sheets…");
    const { describeStarterWorkbook } = await import(
      /* webpackChunkName: "workbook" */ "../../workbook/starter"
    );
    const spec = describeStarterWorkbook(options);
    progress("Calculating the formulas in the browser…");
    const calculation = calculateWorkbook(spec);
    const grids = workbookGrids(spec, calculation);
    this.set({
      workbook: { options, spec, calculation, grids },
      activeSheet: spec.sheets[0]?.name ?? null,
      selected: null,
    });
    const keyFigures: KeyFigure[] = KEY_FIGURES.flatMap(({ name, label }) => {
      const text = this.shownText(name);
      return text === undefined ? [] : [{ label, text }];
    });
    return { sheets: spec.sheets.map((s) => s.name), names: spec.names.length, renamed: [], keyFigures };
  }

  /**
   * Adds a sheet (the History sheet) described under a free name (never over a sheet already
   * here), recalculates and shows it; without a built workbook, the sheet alone. Answers its name.
   */
  addSheet(describe: (naming: Naming) => SheetSpec, wanted: string, options: StarterOptions): string {
    const workbook = this.current.workbook;
    const taken = workbook?.spec.sheets.map((sheet) => sheet.name) ?? [];
    const sheet = describe(resolveNaming(taken, [], [wanted], []));
    const spec = { sheets: [...(workbook?.spec.sheets ?? []), sheet], names: workbook?.spec.names ?? [] };
    this.recalculate(workbook?.options ?? options, spec, sheet.name);
    return sheet.name;
  }

  /** Puts constants in cells (the starter's inputs), recalculating every formula that reads them. */
  setCells(cells: readonly { sheet: string; address: string; value: Scalar }[]): void {
    const workbook = this.current.workbook;
    if (!workbook) throw new Error("build the starter workbook first.");
    const sheets = workbook.spec.sheets.map((sheet) => {
      const mine = cells.filter((cell) => cell.sheet === sheet.name);
      if (mine.length === 0) return sheet;
      // A later block wins over earlier ones, in the calculation as in both writers.
      return {
        ...sheet,
        blocks: [...sheet.blocks, ...mine.map((c) => ({ address: c.address, rows: [[c.value]] }))],
      };
    });
    this.recalculate(workbook.options, { ...workbook.spec, sheets }, this.current.activeSheet);
  }

  private recalculate(options: StarterOptions, spec: WorkbookSpec, active: string | null): void {
    const calculation = calculateWorkbook(spec);
    this.set({
      workbook: { options, spec, calculation, grids: workbookGrids(spec, calculation) },
      activeSheet: active,
      selected: null,
    });
  }

  async showSheet(name: string): Promise<void> {
    if (!this.current.workbook?.grids.some((g) => g.name === name))
      throw new Error(`there is no sheet ${name}.`);
    this.set({ activeSheet: name, selected: null });
  }

  async insertFunction(fn: CatalogFunction, namespace: string): Promise<{ ok: boolean; message: string }> {
    const example = fn.examples[0];
    const formula = example ? excelFormula(example.formula) : `=${namespace}.${fn.name}()`;
    const inExcel = `In Excel, Insert puts ${namespace}.${fn.name} in the active cell, with the selected cells as its arguments.`;
    try {
      if (!this.options.copy) throw new Error("no clipboard");
      await this.options.copy(formula);
      return { ok: true, message: `${inExcel} Copied the worked example ${formula} to the clipboard.` };
    } catch {
      return { ok: true, message: `${inExcel} The worked example to copy: ${formula}` };
    }
  }

  /** The same audit Excel runs, on the in-browser workbook (the audit loads on demand). */
  async audit(): Promise<AuditView> {
    const workbook = this.current.workbook;
    if (!workbook)
      throw new Error("build the starter workbook first: the preview audits the workbook it built.");
    const { auditDescription, previewAuditView } = await import(
      /* webpackChunkName: "preview-audit" */ "./previewAudit"
    );
    return previewAuditView(auditDescription(workbook.spec));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.showSheet(sheet);
    this.set({ selected: { sheet, address } });
  }

  /** The built workbook as .xlsx bytes and a file name for the download. */
  async xlsx(): Promise<{ fileName: string; bytes: Uint8Array }> {
    const workbook = this.current.workbook;
    if (!workbook) throw new Error("build the starter workbook first.");
    const [{ xlsxBytes }, excelJs] = await Promise.all([
      import(/* webpackChunkName: "exceljs" */ "../../workbook/xlsx/writeXlsx"),
      (this.options.excelJs ?? loadExcelJs)(),
    ]);
    const bytes = await xlsxBytes(workbook.spec, excelJs);
    const fileName = workbook.options.example ? "case-rate-starter-example.xlsx" : "case-rate-starter.xlsx";
    return { fileName, bytes };
  }
}
