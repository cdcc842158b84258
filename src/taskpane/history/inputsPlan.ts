/**
 * "Use as the model's inputs": which of the starter's input cells of steps 2, 4, 5 and 6 the
 * history changes, cell by cell, old and new. The new values are the starter's own for the
 * history (the workbook described from it); the old are the open workbook's at the same names.
 */
import type { InputChange } from "./historyHost";
import { changeOf } from "./inputChange";
import { planServiceTable } from "./serviceTablePlan";

/** A defined name's cells in row-major order: value, and the text the cell shows. */
export interface NamedCells {
  readonly sheet: string;
  readonly cells: readonly {
    readonly address: string;
    readonly value: number | string | boolean | null;
    readonly text: string;
  }[];
}

/**
 * A defined name's cells, or a reference's ("Inputs!B40:J48", for a block found from names), or
 * undefined when the workbook does not define the name.
 */
export type NamedLookup = (name: string) => NamedCells | undefined;

/** What "Use as the model's inputs" would change, and what it refuses to fill, in words. */
export interface InputsPlan {
  readonly changes: readonly InputChange[];
  readonly refused?: string;
}

/** The inputs filled, by the starter's defined names, and how each cell is labelled. */
export const HISTORY_INPUTS: readonly { name: string; label: string; by: "scenario" | "level" | "one" }[] = [
  { name: "PenetrationRates", label: "Penetration rate (step 2)", by: "scenario" },
  { name: "CaseMix", label: "Case mix (step 4)", by: "level" },
  { name: "MinimumHours", label: "Minimum hours (step 5)", by: "level" },
  { name: "MaximumHours", label: "Maximum hours (step 5)", by: "level" },
  { name: "AverageHours", label: "Average hours (step 5)", by: "level" },
  { name: "LevelRatesPerHour", label: "Rate per hour for the level (step 6)", by: "level" },
  { name: "RatePerHour", label: "Rate per hour (step 6)", by: "one" },
];

const texts = (cells: NamedCells | undefined) => cells?.cells.map((cell) => cell.text) ?? [];

/**
 * The cells to change: every input cell whose value the history gives (a blank, such as the
 * penetration rate without enrollees, changes nothing) and differs from the workbook's. Refused in
 * words when the workbook is not a starter workbook or its levels of care are not the history's.
 */
export function planInputChanges(target: NamedLookup, source: NamedLookup): InputChange[] {
  const targetLevels = texts(target("LevelIds"));
  const sourceLevels = texts(source("LevelIds"));
  if (targetLevels.length === 0) {
    throw new Error(
      "this workbook has no starter workbook's inputs (no LevelIds name): build the starter workbook first (Build), then use the history as its inputs.",
    );
  }
  if (targetLevels.join("\u0000") !== sourceLevels.join("\u0000")) {
    throw new Error(
      `the workbook's levels of care (${targetLevels.join(", ")}) are not the history's (${sourceLevels.join(", ")}): build the starter workbook with the history's levels first (Build › My own levels).`,
    );
  }
  const scenarios = texts(source("ScenarioNames"));
  const changes: InputChange[] = [];
  for (const { name, label, by } of HISTORY_INPUTS) {
    const from = source(name);
    if (from === undefined) continue;
    const to = target(name);
    if (to === undefined || to.cells.length !== from.cells.length) {
      throw new Error(
        `this workbook's ${name} is not the starter's (${label}); build the starter workbook again.`,
      );
    }
    from.cells.forEach((cell, i) => {
      // A blank the history leaves (no enrollees, no amounts) keeps the workbook's figure.
      if (cell.value === null || cell.value === "") return;
      const which =
        by === "level" ? `, level ${sourceLevels[i]}` : by === "scenario" ? `, ${scenarios[i]}` : "";
      const change = changeOf(`${label}${which}`, to.sheet, to.cells[i], cell);
      if (change) changes.push(change);
    });
  }
  return changes;
}

/**
 * Everything "Use as the model's inputs" fills: the named inputs of steps 2, 4, 5 and 6, and step
 * 6's service-code table (or, where its shape is not the history's, why not).
 */
export function planHistoryInputs(target: NamedLookup, source: NamedLookup): InputsPlan {
  const named = planInputChanges(target, source);
  const table = planServiceTable(target, source);
  return { changes: [...named, ...table.changes], ...(table.refused ? { refused: table.refused } : {}) };
}
