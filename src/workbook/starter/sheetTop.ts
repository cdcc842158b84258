import { cellAddress } from "../a1";
import { LABEL_COLUMN } from "../layout";
import { formula } from "../spec";
import type { StarterContext, StarterSheet } from "./context";
import { StarterSheetBuilder } from "./starterSheet";

/** Tab colours: inputs yellow, calculations blue, checks green, documentation grey. */
export const TAB_COLORS = { docs: "808080", inputs: "FFC000", calcs: "2F75B5", checks: "70AD47" } as const;

/** Rows every sheet starts with: the title, the master check, and what the sheet is for. */
export const TOP_ROWS = 3;

/** A sheet with its title, the master check's status (row 2) and a one-line purpose. */
export function startSheet(
  ctx: StarterContext,
  sheet: StarterSheet,
  purpose: string,
  tabColor: string,
  columnWidths: readonly number[],
  freezeColumns = 0,
): StarterSheetBuilder {
  const builder = new StarterSheetBuilder(ctx, sheet, tabColor, columnWidths, {
    rows: TOP_ROWS,
    columns: freezeColumns,
  });
  builder.heading([sheet], "title");
  const statusRow = builder.heading(["Master check"], "label");
  builder.put(statusRow, LABEL_COLUMN + 1, [formula(ctx.n.MasterCheck)], { style: "check" });
  builder.put(statusRow, LABEL_COLUMN + 2, [formula(ctx.n.CheckStatus)], { style: "note" });
  builder.highlightCheck(cellAddress(statusRow, LABEL_COLUMN + 1));
  builder.heading([purpose], "subtitle");
  return builder;
}
