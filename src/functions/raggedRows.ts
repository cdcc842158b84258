/**
 * Tables of Excel cells whose rows may end early (the risk functions' cohort tables: a row per
 * level, a column per cohort, trailing blanks for a level with fewer cohorts). Apart from
 * excelArgs.ts because only the risk functions, loaded on demand, read them.
 */
import { CaseRateInputError } from "../core/errors";
import {
  type Shape,
  asRange,
  cellNumber,
  cellPosition,
  DEFAULT_BLANK_HINT,
  describeShape,
  filledLength,
  sameShape,
} from "./excelArgs";

/** A table whose rows may end early: each row's numbers up to its last filled cell, and the table's shape. */
export interface RaggedRows {
  readonly rows: number[][];
  readonly shape: Shape;
}

/**
 * A table with one row per level and one column per cohort, where a row's trailing blank cells
 * are cohorts the level does not have. A blank before a filled cell is refused with `blankHint`;
 * a row with no filled cell is refused: every level needs a cohort.
 */
export function raggedRowsArg(arg: string, value: unknown, blankHint = DEFAULT_BLANK_HINT): RaggedRows {
  const range = asRange(arg, value);
  const shape = { rows: range.length, columns: range[0].length };
  const rows = range.map((row, r) => {
    const end = filledLength(row);
    if (end === 0) {
      throw new CaseRateInputError(
        arg,
        "blank",
        `${arg} has no filled cell in row ${r + 1}; give each level at least one cohort.`,
      );
    }
    return row
      .slice(0, end)
      .map((cell, c) => cellNumber(arg, cell, cellPosition(shape, r * shape.columns + c), blankHint));
  });
  return { rows, shape };
}

/**
 * A table that pairs cell by cell with `like`: the same shape and the same cells filled in each
 * row (episodes with average hours); returns its rows as `raggedRowsArg` does.
 */
export function matchingRowsArg(
  arg: string,
  value: unknown,
  likeArg: string,
  like: RaggedRows,
  blankHint = DEFAULT_BLANK_HINT,
): number[][] {
  const table = raggedRowsArg(arg, value, blankHint);
  if (!sameShape(table.shape, like.shape)) {
    throw new CaseRateInputError(
      arg,
      "length-mismatch",
      `${arg} is ${describeShape(table.shape)} but ${likeArg} is ${describeShape(like.shape)}; give both in the same shape, a row per level and a column per cohort.`,
    );
  }
  table.rows.forEach((row, r) => {
    const expected = like.rows[r].length;
    if (row.length !== expected) {
      throw new CaseRateInputError(
        arg,
        "length-mismatch",
        `${arg} has ${row.length} cohort${row.length === 1 ? "" : "s"} in row ${r + 1} but ${likeArg} has ${expected}; fill the same cells in both.`,
      );
    }
  });
  return table.rows;
}
