/** Puts the pane together on the page: the sections and the status line. */
import { type PaneController, describeError } from "../controller";
import { bindAuditSection } from "./auditSection";
import { bindBuildSection } from "./buildSection";
import { byId } from "./dom";
import { bindFunctionsSection } from "./functionsSection";
import { setupTabs } from "./tabs";

/** What a mode adds to the pane: the preview offers a download and draws its workbook. */
export interface PaneExtras {
  /** The built workbook as an .xlsx file, offered as "Download the starter workbook (.xlsx)". */
  readonly xlsx?: () => Promise<{ fileName: string; bytes: Uint8Array }>;
  /** Runs once the sections are bound. */
  readonly onMount?: () => void;
  /** Loads and binds the History section (its own chunk), the first time its tab opens. */
  readonly history?: () => Promise<void>;
}

/** Saves bytes as a file through a blob: URL (no server round trip, nothing leaves the machine). */
function saveFile(fileName: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function mountPane(controller: PaneController, extras: PaneExtras = {}): void {
  document.body.dataset.mode = controller.state.mode;
  const status = byId("status");
  const showStatus = () => {
    status.textContent = controller.state.status.text;
    status.dataset.kind = controller.state.status.kind;
  };
  controller.subscribe((state, previous) => {
    if (state.status !== previous.status) showStatus();
  });
  showStatus();

  let history: Promise<void> | undefined;
  setupTabs(byId("section-tabs"), (tab) => {
    if (tab !== "tab-history" || history || !extras.history) return;
    history = extras.history().catch((error: unknown) => {
      byId("history-loading").textContent = `The History section did not load: ${describeError(error)}`;
    });
  });
  const xlsx = extras.xlsx;
  bindBuildSection(controller, {
    download: xlsx
      ? async () => {
          controller.announce("Writing the .xlsx file…");
          try {
            const { fileName, bytes } = await xlsx();
            saveFile(fileName, bytes);
            controller.announce(
              `Downloaded ${fileName}. Open it in Excel: it recalculates every formula.`,
              "success",
            );
          } catch (error) {
            controller.announce(`The download failed: ${describeError(error)}`, "error");
          }
        }
      : undefined,
  });
  bindFunctionsSection(controller);
  bindAuditSection(controller);
  extras.onMount?.();
  void controller.loadFunctions();
}
