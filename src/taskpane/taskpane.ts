/*
 * Task pane entry. It shares its runtime with the custom functions (taskpane.html loads both
 * bundles); the Build, Functions and Audit sections are filled by later work.
 */

export type StatusKind = "info" | "error";

/** Shows a message in the aria-live status region, so screen readers announce it too. */
export function setStatus(text: string, kind: StatusKind = "info"): void {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = text;
  status.dataset.kind = kind;
}

Office.onReady((info) => {
  // Outside Office, office.js resolves with host null: the page is a browser preview.
  if (!info.host) {
    setStatus("Browser preview: open this pane from Excel to work on a workbook.");
  } else if (info.host === Office.HostType.Excel) {
    setStatus("Ready.");
  } else {
    setStatus(`Case Rate Workbench runs in Excel, not in ${info.host}.`, "error");
  }
});
