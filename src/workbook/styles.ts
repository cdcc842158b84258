import type { StyleName } from "./spec";

/** How a style looks; colours are RGB hex without "#". The font's name is the sheet's (SheetSpec). */
export interface StyleLook {
  readonly fontColor: string;
  readonly fill?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical: "top" | "center" | "bottom";
  /** A thin black line above the cell. */
  readonly topBorder?: boolean;
}

/** Every look's text sits at the top of its cell (rows of wrapped headers stay aligned). */
const top = (look: Omit<StyleLook, "vertical">): StyleLook => ({ ...look, vertical: "top" });

/** The colour key (FAST convention): inputs blue on light yellow, calculations black. */
export const STYLE_LOOKS: Record<StyleName, StyleLook> = {
  title: top({ fontColor: "1F3864", bold: true, size: 16 }),
  subtitle: top({ fontColor: "595959", italic: true }),
  section: top({ fontColor: "FFFFFF", fill: "1F4E79", bold: true }),
  header: top({ fontColor: "1F3864", fill: "DDEBF7", bold: true, horizontal: "center", wrap: true }),
  label: top({ fontColor: "000000" }),
  units: top({ fontColor: "595959", italic: true }),
  input: top({ fontColor: "0000FF", fill: "FFF2CC" }),
  calc: top({ fontColor: "000000" }),
  total: top({ fontColor: "000000", bold: true, topBorder: true }),
  check: top({ fontColor: "000000", bold: true, horizontal: "center" }),
  // Notes overflow into the empty cells to their right rather than wrap: rows keep one height.
  note: top({ fontColor: "595959", italic: true }),
};

/** The font of the workbook's cells. */
export const SHEET_FONT = { name: "Calibri", size: 11 } as const;

/** Fills of the checks' traffic light. */
export const CHECK_PASS_FILL = "C6EFCE";
export const CHECK_FAIL_FILL = "FFC7CE";

/** Money in accounting style: a negative amount in parentheses, "($1,235)", never "-$1,235". */
const money = (digits: string) => `"$"${digits};("$"${digits})`;

/** Number formats, in Excel's own codes; every amount of money uses one of the two money formats. */
export const NUMBER_FORMATS = {
  dollars: money("#,##0"),
  dollarsCents: money("#,##0.00"),
  percent: "0.0%",
  percentWhole: "0%",
  hours: "#,##0.0",
  count: "#,##0",
  countDecimal: "#,##0.0",
  general: "General",
} as const;
