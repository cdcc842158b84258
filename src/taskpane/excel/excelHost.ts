/**
 * The pane's workbook in Excel, through Office.js. `run` is Excel.run in the add-in and a mock's
 * runner in tests (office-addin-mock has no Excel.run), so this code is the code that is tested.
 */
import type { StarterOptions } from "../../workbook/starter/options";
import type { AuditView } from "../audit/auditView";
import { type CatalogFunction, planInsert } from "../functions/catalog";
import type { BuildResult, KeyFigure, WorkbookHost } from "../host";

/** Excel.run's shape: a batch of work against one request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The audit, supplied by excel/audit.ts once it exists (see taskpane.ts). */
export type ExcelAudit = {
  audit(context: Excel.RequestContext): Promise<AuditView>;
  selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void>;
};

/** Figures read back after a build, by the defined names the starter workbook gives them. */
const KEY_FIGURES: readonly { name: string; label: string }[] = [
  { name: "TotalBudget", label: "Total budget" },
  { name: "PMPM", label: "Per member per month" },
  { name: "CheckStatus", label: "Checks" },
];

/** Splits RangeAreas.address ("Sheet1!D5, 'My, sheet'!D9:G9") into its areas. */
export function splitAreas(address: string): string[] {
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

export function excelHost(run: ExcelRun, audit?: ExcelAudit): WorkbookHost {
  return {
    mode: "excel",

    async build(options: StarterOptions, progress): Promise<BuildResult> {
      // The description and the writer load on demand (their own chunk), keeping the pane's
      // first load small.
      const [{ describeStarterWorkbook, starterWanted }, { writeWorkbook }] = await Promise.all([
        import(/* webpackChunkName: "workbook" */ "../../workbook/starter"),
        import(/* webpackChunkName: "workbook" */ "./writeWorkbook"),
      ]);
      // The sheets and names wanted (options may add sheets), without pricing the contract twice.
      const wanted = starterWanted(options);
      progress(
        `Writing ${wanted.sheets.length} sheets and ${wanted.names.length} defined names to your workbook…`,
      );
      const report = await run((context) =>
        writeWorkbook(context, wanted, (naming) => describeStarterWorkbook(options, naming)),
      );
      progress("Reading the results Excel calculated…");
      const used = (name: string) =>
        report.renamed.find((r) => r.kind === "name" && r.wanted === name)?.used ?? name;
      let keyFigures: KeyFigure[] = [];
      try {
        keyFigures = await run(async (context) => {
          const ranges = KEY_FIGURES.filter(({ name }) => wanted.names.includes(name)).map(
            ({ name, label }) => {
              const range = context.workbook.names.getItem(used(name)).getRange();
              range.load("text");
              return { label, range };
            },
          );
          await context.sync();
          return ranges.map(({ label, range }) => ({ label, text: String(range.text[0][0]) }));
        });
      } catch {
        // The figures are a courtesy; the workbook is built either way.
      }
      return { sheets: report.sheets, names: wanted.names.length, renamed: report.renamed, keyFigures };
    },

    async showSheet(name: string): Promise<void> {
      await run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    },

    async insertFunction(fn: CatalogFunction, namespace: string) {
      return run(async (context) => {
        const areas = context.workbook.getSelectedRanges();
        areas.load("address");
        const active = context.workbook.getActiveCell();
        active.load("address,formulas");
        await context.sync();
        const plan = planInsert(fn, namespace, {
          areas: splitAreas(areas.address),
          activeCell: active.address,
          activeCellEmpty: active.formulas[0][0] === "",
        });
        if (!plan.ok) return plan;
        active.formulas = [[plan.formula]];
        await context.sync();
        return plan;
      });
    },

    async audit(): Promise<AuditView> {
      if (!audit) throw new Error("this version of the add-in has no audit yet.");
      return run((context) => audit.audit(context));
    },

    async selectCell(sheet: string, address: string): Promise<void> {
      if (!audit) throw new Error("this version of the add-in has no audit yet.");
      await run((context) => audit.selectCell(context, sheet, address));
    },
  };
}
