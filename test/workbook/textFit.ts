/**
 * Does every cell's text fit where Excel draws it? A character-count heuristic, not a font
 * metric: a text of n characters needs n character widths (bold × 1.1, a larger font in
 * proportion to its size), and a column's width is in characters. Each sheet is rendered as the
 * preview draws it (the description calculated by src/workbook/calc, every value under its number
 * format), then each cell is judged as Excel lays text out:
 * - unwrapped text runs on over the empty cells beside it (right for left-aligned, both sides for
 *   centred, left for right-aligned); it is cut off where a non-empty cell stops it;
 * - a number that does not fit its own cell shows ##### (numbers never run on);
 * - wrapped text breaks at spaces into lines of the column's width; the description gives no row
 *   heights, so every row is one line tall and text needing more lines is cut off;
 * - a right-aligned number directly left of left-aligned text leaves no space between them;
 * - a chart hides the cells under it: text does not run on beneath one, nor sit beneath one.
 */
import type { CalculatedWorkbook } from "../../src/workbook/calc";
import { parseCell } from "../../src/workbook/a1";
import type { SheetSpec, WorkbookSpec } from "../../src/workbook/spec";
import { SHEET_FONT, STYLE_LOOKS } from "../../src/workbook/styles";
import { type GridCell, type SheetGrid, workbookGrids } from "../../src/taskpane/preview/sheetGrid";

/** Bold text is about a tenth wider than regular text. */
const BOLD_FACTOR = 1.1;

/** Character widths a cell's text needs, on one line. */
function needed(cell: GridCell, text = cell.text): number {
  const look = cell.style ? STYLE_LOOKS[cell.style] : undefined;
  const size = (look?.size ?? SHEET_FONT.size) / SHEET_FONT.size;
  return text.length * size * (look?.bold ? BOLD_FACTOR : 1);
}

/** Lines wrapped text takes in a column `width` characters wide: greedy breaks at spaces. */
function wrappedLines(cell: GridCell, width: number): number {
  let lines = 1;
  let line = "";
  for (const word of cell.text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && needed(cell, candidate) > width) {
      lines += 1;
      line = word;
    } else line = candidate;
  }
  // A word longer than the column breaks across lines of its own.
  const longWords = cell.text.split(" ").map((word) => Math.ceil(needed(cell, word) / width) - 1);
  return lines + longWords.reduce((sum, extra) => sum + Math.max(0, extra), 0);
}

function alignment(cell: GridCell): "left" | "center" | "right" {
  const look = cell.style ? STYLE_LOOKS[cell.style] : undefined;
  return look?.horizontal ?? (cell.numeric ? "right" : "left");
}

/** The width of the empty cells beside column `i` in the direction `step`, until a non-empty one. */
function room(
  cells: readonly GridCell[],
  widths: readonly number[],
  i: number,
  step: 1 | -1,
  underChart: (address: string) => boolean,
): { width: number; stoppedBy?: string } {
  let width = 0;
  for (let j = i + step; j >= 0 && j < cells.length; j += step) {
    if (cells[j].kind !== "empty") return { width, stoppedBy: cells[j].address };
    if (underChart(cells[j].address)) return { width, stoppedBy: `the chart over ${cells[j].address}` };
    width += widths[j];
  }
  // Past the last column drawn the sheet's cells are empty (beyond column A, room enough).
  return { width: step === 1 ? Infinity : width };
}

/** One sheet's defects, each "Sheet!A1 "text": what is wrong". */
function sheetDefects(grid: SheetGrid, sheet: SheetSpec): string[] {
  const widths = grid.columns.map((column) => column.width);
  const charts = sheet.charts.map((chart) => ({ from: parseCell(chart.from), to: parseCell(chart.to) }));
  const underChart = (address: string) => {
    const { row, column } = parseCell(address);
    return charts.some(
      ({ from, to }) => row >= from.row && row <= to.row && column >= from.column && column <= to.column,
    );
  };
  const defects: string[] = [];
  for (const { cells } of grid.rows) {
    cells.forEach((cell, i) => {
      if (cell.text === "") return;
      const where = `${grid.name}!${cell.address} "${cell.text}"`;
      if (underChart(cell.address)) defects.push(`${where}: hidden under a chart`);
      const look = cell.style ? STYLE_LOOKS[cell.style] : undefined;
      const width = widths[i];
      const need = needed(cell);
      if (look?.wrap) {
        const lines = wrappedLines(cell, width);
        if (lines > 1) defects.push(`${where}: wraps to ${lines} lines in a one-line row`);
      } else if (cell.numeric) {
        if (need > width) defects.push(`${where}: a number wider than its column shows #####`);
      } else if (need > width) {
        const align = alignment(cell);
        const right = room(cells, widths, i, 1, underChart);
        const left = room(cells, widths, i, -1, underChart);
        const over = need - width;
        const stoppedBy =
          align === "left"
            ? over > right.width && right.stoppedBy
            : align === "right"
              ? over > left.width && left.stoppedBy
              : (over / 2 > right.width && right.stoppedBy) || (over / 2 > left.width && left.stoppedBy);
        if (stoppedBy) defects.push(`${where}: cut off by ${stoppedBy}`);
      }
      const next = cells[i + 1];
      if (
        cell.numeric &&
        alignment(cell) === "right" &&
        next &&
        next.text !== "" &&
        alignment(next) === "left"
      )
        defects.push(`${where}: butts against ${next.address}`);
    });
  }
  return defects;
}

/** Every sheet's text that does not fit, for a description and its calculation. */
export function textFitDefects(spec: WorkbookSpec, workbook: CalculatedWorkbook): string[] {
  return workbookGrids(spec, workbook).flatMap((grid, i) => sheetDefects(grid, spec.sheets[i]));
}
