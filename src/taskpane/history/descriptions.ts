/**
 * The workbook's own builders for the History section: the Encounter History sheet
 * (workbook/starter/historySheet.ts) and the starter's inputs for a history
 * (starterOptionsOfHistory), so the pane lays out nothing itself.
 */
import { describeStarterWorkbook, starterOptions, starterOptionsOfHistory } from "../../workbook/starter";
import { StarterContext } from "../../workbook/starter/context";
import { historySheet } from "../../workbook/starter/historySheet";
import type { HistoryDescriptions } from "./historyHost";
import { specLookup } from "./specCells";

export const HISTORY_DESCRIPTIONS: HistoryDescriptions = {
  historySheet(model, source, naming) {
    const options = starterOptions(starterOptionsOfHistory(model));
    return historySheet(new StarterContext(options, naming), { model, source });
  },
  inputsOf(model) {
    const { levels, inputs } = starterOptionsOfHistory(model);
    return specLookup(describeStarterWorkbook(starterOptions({ levels, inputs })));
  },
  optionsOf(model) {
    const { levels } = starterOptionsOfHistory(model);
    return starterOptions({ levels });
  },
};
