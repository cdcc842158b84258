/**
 * The History section's start, in its own chunk: loaded the first time the History tab opens, so
 * the pane's first load carries none of it (the core's reader, the builders, the Office.js reads).
 */
import type { StatusKind } from "../controller";
import { excelHistory } from "../excel/excelHistory";
import type { ExcelRun } from "../excel/excelHost";
import { openFile, previewHistory } from "../preview/previewHistory";
import type { PreviewHost } from "../preview/previewHost";
import { bindHistorySection } from "../ui/historySection";
import { HISTORY_DESCRIPTIONS } from "./descriptions";
import { HistoryController } from "./historyController";

type Announce = (text: string, kind: StatusKind) => void;

/** In Excel: the workbook's tables and the selection, read in chunks. */
export function startExcelHistory(run: ExcelRun, announce: Announce): HistoryController {
  const controller = new HistoryController(excelHistory(run, HISTORY_DESCRIPTIONS), announce);
  bindHistorySection(controller);
  void controller.loadSources();
  return controller;
}

/** In the browser preview: a CSV file, and the in-browser workbook. */
export function startPreviewHistory(preview: PreviewHost, announce: Announce): HistoryController {
  const controller = new HistoryController(previewHistory(preview, HISTORY_DESCRIPTIONS), announce);
  bindHistorySection(controller, (file) => void controller.opened(() => openFile(file)));
  return controller;
}
