/** One input cell's change as "Use as the model's inputs" shows it: old and new, as the cells show them. */
import type { InputChange } from "./historyHost";
import type { NamedCells } from "./inputsPlan";

type Cell = NamedCells["cells"][number];

/**
 * The change from `old` to the history's `cell`; undefined when the value is the same (a blank and
 * "" are the same).
 * @example changeOf("Case mix (step 4), level A", "Inputs", { address: "D20", value: null, text: "" }, { address: "D20", value: 0.2, text: "20%" })?.newText // "20%"
 */
export function changeOf(label: string, sheet: string, old: Cell, cell: Cell): InputChange | undefined {
  const value = cell.value === "" ? null : cell.value;
  if (value === (old.value === "" ? null : old.value)) return undefined;
  return {
    label,
    sheet,
    address: old.address,
    oldText: old.text === "" ? "(blank)" : old.text,
    // Values that differ beyond the digits shown are told apart by the value itself.
    newText:
      value === null ? "(blank)" : cell.text === old.text ? `${cell.text} (${String(value)})` : cell.text,
    value: typeof value === "boolean" ? String(value) : value,
  };
}
