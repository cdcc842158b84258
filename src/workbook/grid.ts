import { cellAddress, parseCell, rangeAddress } from "./a1";
import { isFormula, type SheetSpec, type StyleName } from "./spec";
import { asText } from "./text";

/**
 * A sheet's cells resolved into rectangles, for writers that write a whole sheet at once: every
 * cell's content and number format (the last format to name a cell wins, as if applied in order),
 * and, for each style, the runs of cells in a row that end up with it.
 */
export interface SheetGrid {
  /** "A1:<last>": the rectangle the grids cover. */
  readonly address: string;
  /** Range.formulas-style rows: formulas with "=", constants as text (asText), "" where empty. */
  readonly formulas: (string | number | boolean)[][];
  /** Number formats, "General" where none is given. */
  readonly numberFormats: string[][];
  /** Per style, the row runs ("D5:G5", "B7") whose cells end up in it. */
  readonly styleRuns: ReadonlyMap<StyleName, readonly string[]>;
}

const GENERAL = "General";

/** Resolves a sheet's blocks and formats into grids; both writers apply formats the same way. */
export function sheetGrid(sheet: SheetSpec): SheetGrid {
  let lastRow = 1;
  let lastColumn = 1;
  const cover = (row: number, column: number) => {
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  };
  const formatCells = sheet.formats.map((format) => {
    const [first, last = first] = format.range.split(":").map(parseCell);
    cover(last.row, last.column);
    return { format, first, last };
  });
  for (const block of sheet.blocks) {
    const origin = parseCell(block.address);
    block.rows.forEach((cells, r) => cover(origin.row + r, origin.column + Math.max(cells.length, 1) - 1));
  }
  const formulas = Array.from({ length: lastRow }, () =>
    Array<string | number | boolean>(lastColumn).fill(""),
  );
  const numberFormats = Array.from({ length: lastRow }, () => Array<string>(lastColumn).fill(GENERAL));
  const styles = Array.from({ length: lastRow }, () =>
    Array<StyleName | undefined>(lastColumn).fill(undefined),
  );
  for (const block of sheet.blocks) {
    const origin = parseCell(block.address);
    block.rows.forEach((cells, r) =>
      cells.forEach((content, c) => {
        if (content !== null) {
          formulas[origin.row + r - 1][origin.column + c - 1] = isFormula(content)
            ? `=${content.formula}`
            : typeof content === "string"
              ? asText(content)
              : content;
        }
      }),
    );
  }
  for (const { format, first, last } of formatCells) {
    for (let row = first.row; row <= last.row; row++) {
      for (let column = first.column; column <= last.column; column++) {
        if (format.style) styles[row - 1][column - 1] = format.style;
        if (format.numberFormat) numberFormats[row - 1][column - 1] = format.numberFormat;
      }
    }
  }
  const styleRuns = new Map<StyleName, string[]>();
  styles.forEach((cells, r) => {
    for (let c = 0; c < cells.length;) {
      const style = cells[c];
      let end = c;
      while (end + 1 < cells.length && cells[end + 1] === style) end++;
      if (style)
        styleRuns.set(style, [...(styleRuns.get(style) ?? []), rangeAddress(r + 1, c + 1, r + 1, end + 1)]);
      c = end + 1;
    }
  });
  return { address: `A1:${cellAddress(lastRow, lastColumn)}`, formulas, numberFormats, styleRuns };
}
