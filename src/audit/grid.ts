import type { AuditCell, AuditGrid, CellRef } from "./types";

const key = (sheet: string, address: string) =>
  `${sheet.toLowerCase()}!${address.replace(/\$/g, "").toUpperCase()}`;

/** A grid over a list of cells and a table of defined names (name → cells). */
export function gridOf(
  sheetNames: readonly string[],
  cells: readonly AuditCell[],
  names: ReadonlyMap<string, readonly CellRef[]>,
): AuditGrid {
  const byKey = new Map(cells.map((cell) => [key(cell.sheet, cell.address), cell]));
  const byName = new Map([...names].map(([name, refs]) => [name.toLowerCase(), refs]));
  return {
    sheetNames,
    cell: (sheet, address) => byKey.get(key(sheet, address)),
    cells: () => cells,
    named: (name) => byName.get(name.toLowerCase()),
  };
}

/**
 * The workbook as audited when one engine gives the values and the file the formulas: each cell's
 * value from `values` (recalculated), its formula as the user wrote it in `structure`, except the
 * cells the audit wrote, which hold the example's constants.
 */
export function overlayGrid(structure: AuditGrid, values: AuditGrid, written: readonly CellRef[]): AuditGrid {
  const writtenKeys = new Set(written.map((ref) => key(ref.sheet, ref.address)));
  const seen = new Set<string>();
  const cells: AuditCell[] = [];
  const merge = (sheet: string, address: string): AuditCell | undefined => {
    const k = key(sheet, address);
    const valued = values.cell(sheet, address);
    const original = structure.cell(sheet, address);
    if (!valued && !original) return undefined;
    const base = valued ?? { ...original!, value: null };
    if (writtenKeys.has(k)) return { sheet: base.sheet, address: base.address, value: valued?.value ?? null };
    const formula = original?.formula ?? valued?.formula;
    return formula === undefined
      ? { sheet: base.sheet, address: base.address, value: base.value }
      : { sheet: base.sheet, address: base.address, formula, value: valued?.value ?? null };
  };
  for (const cell of [...values.cells(), ...structure.cells()]) {
    const k = key(cell.sheet, cell.address);
    if (seen.has(k)) continue;
    seen.add(k);
    const merged = merge(cell.sheet, cell.address);
    if (merged) cells.push(merged);
  }
  const byKey = new Map(cells.map((cell) => [key(cell.sheet, cell.address), cell]));
  return {
    sheetNames: values.sheetNames.length > 0 ? values.sheetNames : structure.sheetNames,
    cell: (sheet, address) => byKey.get(key(sheet, address)),
    cells: () => cells,
    named: (name) => structure.named(name) ?? values.named(name),
  };
}
