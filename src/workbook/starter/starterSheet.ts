import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN, SheetBuilder, type ValueLook } from "../layout";
import { type CellContent, formula } from "../spec";
import type { StarterContext, StarterName, StarterSheet } from "./context";

/** A line with one formula, named workbook-wide (e.g. TotalCases on Case Rates). */
export interface NamedLine {
  readonly name: StarterName;
  readonly label: string;
  readonly units: string;
  readonly expression: string;
  readonly look: ValueLook;
  /** The defined name's comment, shown in Excel's Name Manager. */
  readonly comment: string;
}

/** An input line (blue on yellow); with a name, its value cells are named workbook-wide. */
export interface InputLine {
  readonly label: string;
  readonly units: string;
  readonly values: readonly CellContent[];
  readonly numberFormat: string;
  readonly name?: StarterName;
  /** The name's comment; the label unless given. */
  readonly comment?: string;
}

/** The layout arguments of a SheetBuilder after its name (tab colour, widths, freeze). */
type SheetLayout = ConstructorParameters<typeof SheetBuilder> extends [string, ...infer Rest] ? Rest : never;

/** A starter sheet's builder: it knows which sheet it is, so its lines name cells on it. */
export class StarterSheetBuilder extends SheetBuilder {
  constructor(
    private readonly ctx: StarterContext,
    readonly id: StarterSheet,
    ...layout: SheetLayout
  ) {
    super(ctx.sheet(id), ...layout);
  }

  /** Records a workbook-scoped name for an absolute address on this sheet. */
  define(name: StarterName, absoluteAddress: string, comment: string): void {
    this.ctx.define(name, this.id, absoluteAddress, comment);
  }

  /** A line with one formula in the first value column, named workbook-wide; returns its row. */
  namedLine({ name, label, units, expression, look, comment }: NamedLine): number {
    const row = this.line(label, units, [formula(expression)], look);
    this.define(name, cellAddress(row, FIRST_VALUE_COLUMN, true), comment);
    return row;
  }

  /** Writes an input line and, when it has a name, names its value cells; returns the row. */
  inputLine({ label, units, values, numberFormat, name, comment = label }: InputLine): number {
    const row = this.line(label, units, values, { style: "input", numberFormat });
    if (name) {
      const last = FIRST_VALUE_COLUMN + values.length - 1;
      this.define(name, rangeAddress(row, FIRST_VALUE_COLUMN, row, last, true), comment);
    }
    return row;
  }
}
