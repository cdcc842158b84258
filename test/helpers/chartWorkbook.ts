import { sheetReference } from "../../src/workbook/a1";
import { IDENTITY_NAMING, type Naming } from "../../src/workbook/freeNames";
import { PAGE_SETUP, SheetBuilder } from "../../src/workbook/layout";
import { SHEET_FONT } from "../../src/workbook/styles";
import { formula, type SheetSpec, type WorkbookSpec } from "../../src/workbook/spec";

/** The sheets of the chart workbook: charts on the third, reading data on the second and itself. */
export const CHART_SHEETS = ["Notes", "Model Data", "Dashboard"] as const;

/** What LibreOffice must compute for each series (formulas included). */
export const CHART_VALUES = {
  levels: ["Low", "Moderate", "High", "Intensive"],
  now: [120, 300, 220, 80],
  then: [180, 360, 110, 160],
  drivers: ["Penetration", "Hours", "Rate", "Case mix", "Reserve"],
  swing: [50, 40, 30, 20, 10],
} as const;

export const COLUMN_TITLE = "Cases by level & scenario <now vs. then>";

function plainSheet(name: string, blocks: SheetSpec["blocks"]): SheetSpec {
  return {
    name,
    tabColor: "4472C4",
    columnWidths: [4, 16, 12, 12],
    freeze: { rows: 0, columns: 0 },
    showGridlines: false,
    pageSetup: PAGE_SETUP,
    font: SHEET_FONT,
    printArea: "A1:D6",
    blocks,
    formats: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

/**
 * A small described workbook with a column chart (two series, data on another sheet whose name
 * needs quotes, one series computed by formulas) and a bar chart (a tornado over its own sheet).
 */
export function describeChartWorkbook(naming: Naming = IDENTITY_NAMING): WorkbookSpec {
  const data = naming.sheet("Model Data");
  const dashboard = naming.sheet("Dashboard");
  const v = CHART_VALUES;
  const model = plainSheet(data, [
    {
      address: "B2",
      rows: [
        ["Level", "Now", "Then"],
        ...v.levels.map((level, i) => [level, v.now[i], formula(`C${i + 3}*${v.then[i] / v.now[i]}`)]),
      ],
    },
  ]);
  const sheet = new SheetBuilder(dashboard, "70AD47", [4, 16, 12], { rows: 0, columns: 0 });
  sheet.putTable(2, [
    ["Driver", "Swing"],
    ...v.drivers.map((driver, i) => [
      driver,
      i === 1 ? formula(`C2-${v.swing[0] - v.swing[1]}`) : v.swing[i],
    ]),
  ]);
  sheet.chart({
    kind: "column",
    title: COLUMN_TITLE,
    from: "E2",
    to: "L18",
    categories: sheetReference(data, "$B$3:$B$6"),
    series: [
      { name: "Now", values: sheetReference(data, "$C$3:$C$6"), color: "4472C4" },
      { name: "Then & later", values: sheetReference(data, "$D$3:$D$6"), color: "ED7D31" },
    ],
    overlap: 0,
    gapWidth: 80,
    valueAxisFormat: '#,##0" cases"',
  });
  sheet.chart({
    kind: "bar",
    title: "What moves the budget",
    from: "B20",
    to: "H36",
    categories: sheetReference(dashboard, "$B$2:$B$6"),
    series: [{ name: "Swing", values: sheetReference(dashboard, "$C$2:$C$6"), color: "1F4E79" }],
    overlap: 100,
    gapWidth: 50,
    valueAxisFormat: '"$"#,##0',
  });
  return {
    sheets: [plainSheet(naming.sheet("Notes"), [{ address: "A1", rows: [["Notes"]] }]), model, sheet.build()],
    names: [],
  };
}
