/**
 * The browser preview's start, in its own chunk: only a page opened outside Office loads the
 * in-browser workbook, its calculation and its tables.
 */
import { PaneController } from "../controller";
import type { FunctionsCatalog } from "../functions/catalog";
import { byId } from "../ui/dom";
import { mountPane } from "../ui/mount";
import { bindPreviewSection } from "../ui/previewSection";
import { PreviewHost } from "./previewHost";

export function startPreviewPane(
  loadCatalog: () => Promise<FunctionsCatalog>,
  copy: (text: string) => Promise<void>,
): void {
  const preview = new PreviewHost({ copy });
  const controller = new PaneController(preview, loadCatalog);
  mountPane(controller, {
    xlsx: () => preview.xlsx(),
    history: async () => {
      const { startPreviewHistory } = await import(
        /* webpackChunkName: "history" */ "../history/startHistory"
      );
      startPreviewHistory(preview, (text, kind) => controller.announce(text, kind));
    },
    onMount: () => {
      byId("mode-badge").hidden = false;
      bindPreviewSection(preview, (name) => void controller.showSheet(name));
    },
  });
}
