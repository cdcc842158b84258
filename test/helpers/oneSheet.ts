import { PAGE_SETUP } from "../../src/workbook/layout";
import type { CellBlock, DefinedName, WorkbookSpec } from "../../src/workbook/spec";
import { SHEET_FONT } from "../../src/workbook/styles";

/** A description of one plain sheet "S" holding `blocks`, with the given defined names. */
export function oneSheetSpec(
  blocks: readonly CellBlock[],
  { printArea = "A1:B3", names = [] }: { printArea?: string; names?: readonly DefinedName[] } = {},
): WorkbookSpec {
  return {
    sheets: [
      {
        name: "S",
        tabColor: "000000",
        columnWidths: [10],
        freeze: { rows: 0, columns: 0 },
        showGridlines: false,
        printArea,
        pageSetup: PAGE_SETUP,
        font: SHEET_FONT,
        blocks,
        formats: [],
        validations: [],
        conditionalFormats: [],
        charts: [],
      },
    ],
    names,
  };
}
