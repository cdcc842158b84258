/*
 * Task pane entry. It shares its runtime with the custom functions (taskpane.html loads both
 * bundles). In Excel the pane works on the open workbook; outside Office (`Office.onReady` gives
 * host null) the same pane runs as a browser preview against an in-browser workbook.
 */
import { PaneController } from "./controller";
import { type ExcelAudit, type ExcelRun, excelHost } from "./excel/excelHost";
import { asFunctionsCatalog, CATALOG_FILE, type FunctionsCatalog } from "./functions/catalog";
import { mountPane } from "./ui/mount";

/** The Functions list the build made from functions.json, served beside this page. */
async function loadCatalog(): Promise<FunctionsCatalog> {
  const response = await fetch(CATALOG_FILE);
  if (!response.ok) throw new Error(`${CATALOG_FILE} answered ${response.status}.`);
  return asFunctionsCatalog(await response.json());
}

async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/**
 * Outside Office, office.js still schedules a hidden frame to Microsoft's telemetry service
 * (telemetryservice.firstpartyapps.oaspapps.com, 3 s after it loads). The CSP blocks it, but each
 * block is a console error and there is no Office session to report on: mark the frame as made so
 * office.js never makes it. A no-op if office.js changes its internals.
 */
function withoutOfficeTelemetryFrame(): void {
  type Uls = { proxyFrame?: unknown } | null | undefined;
  const uls = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: Uls } } }).OSF?.Logger?.ulsEndpoint;
  if (uls && uls.proxyFrame == null) uls.proxyFrame = {};
}

/** What the pane says when office.js did not load (Microsoft's CDN unreachable: offline, blocked). */
const OFFICE_JS_MISSING =
  "Office.js could not be loaded (are you offline?), so the pane cannot work with Excel: reopen the add-in once connected. Meanwhile this is the browser preview.";

/** Starts the browser preview; `notice`, when given, replaces its greeting in the status line. */
function startPreview(notice?: string): void {
  withoutOfficeTelemetryFrame();
  import(/* webpackChunkName: "preview" */ "./preview/startPreview").then(
    ({ startPreviewPane }) => {
      startPreviewPane(loadCatalog, copyText);
      if (notice) showProblem(notice);
    },
    (error: unknown) => showProblem(`The preview did not load: ${String(error)}`),
  );
}

/** The audit of the open workbook (excel/audit.ts), loaded the first time it is used. */
const lazyExcelAudit: ExcelAudit = {
  audit: async (context) =>
    (await import(/* webpackChunkName: "audit" */ "./excel/audit")).excelAudit.audit(context),
  selectCell: async (context, sheet, address) =>
    (await import(/* webpackChunkName: "audit" */ "./excel/audit")).excelAudit.selectCell(
      context,
      sheet,
      address,
    ),
};

function startExcel(): void {
  const run: ExcelRun = (batch) => Excel.run(batch);
  const controller = new PaneController(excelHost(run, lazyExcelAudit), loadCatalog);
  mountPane(controller, {
    history: async () => {
      const { startExcelHistory } = await import(/* webpackChunkName: "history" */ "./history/startHistory");
      startExcelHistory(run, (text, kind) => controller.announce(text, kind));
    },
  });
}

function showProblem(text: string): void {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = text;
  status.dataset.kind = "error";
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, or blocked): say so; the preview still works.
  startPreview(OFFICE_JS_MISSING);
} else {
  void Office.onReady((info) => {
    if (!info.host) startPreview();
    else if (info.host === Office.HostType.Excel) startExcel();
    else showProblem(`Case Rate Workbench runs in Excel, not in ${String(info.host)}.`);
  });
}
