import type { StyleName } from "./spec";

/** How a style looks; colours are RGB hex without "#". */
export interface StyleLook {
  readonly fontColor: string;
  readonly fill?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly topBorder?: boolean;
}

/** The colour key (FAST convention): inputs blue on light yellow, calculations black. */
export const STYLE_LOOKS: Record<StyleName, StyleLook> = {
  title: { fontColor: "1F3864", bold: true, size: 16 },
  subtitle: { fontColor: "595959", italic: true },
  section: { fontColor: "FFFFFF", fill: "1F4E79", bold: true },
  header: { fontColor: "1F3864", fill: "DDEBF7", bold: true, horizontal: "center", wrap: true },
  label: { fontColor: "000000" },
  units: { fontColor: "595959", italic: true },
  input: { fontColor: "0000FF", fill: "FFF2CC" },
  calc: { fontColor: "000000" },
  total: { fontColor: "000000", bold: true, topBorder: true },
  check: { fontColor: "000000", bold: true, horizontal: "center" },
  // Notes overflow into the empty cells to their right rather than wrap: rows keep one height.
  note: { fontColor: "595959", italic: true },
};

/** Fills of the checks' traffic light. */
export const CHECK_PASS_FILL = "C6EFCE";
export const CHECK_FAIL_FILL = "FFC7CE";

/** Number formats, in Excel's own codes. */
export const NUMBER_FORMATS = {
  dollars: '"$"#,##0',
  dollarsCents: '"$"#,##0.00',
  percent: "0.0%",
  percentWhole: "0%",
  hours: "#,##0.0",
  count: "#,##0",
  countDecimal: "#,##0.0",
  general: "General",
} as const;
