import { parseCell, parseSheetReference } from "../../workbook/a1";
import type { ChartSpec } from "../../workbook/spec";

/** The range a sheet-qualified reference names: on a sheet being written, or one already there. */
export type RangeOf = (reference: string) => Excel.Range;

/**
 * Queues one chart: Excel makes a chart from a source range, so it gets the first series' values
 * (one series, by rows for a row of cells, by columns otherwise); that series is deleted and every
 * described series added with its own values, categories and colour, so the chart's data are
 * exactly the described references. Bars list their categories top to bottom in the order of the
 * cells; the bars overlap and are spaced as described; the value
 * axis shows the described number format. Every member used is in ExcelApi 1.8 or below.
 */
export function queueChart(worksheet: Excel.Worksheet, chart: ChartSpec, rangeOf: RangeOf): void {
  if (chart.series.length === 0) throw new Error(`Chart "${chart.title}" has no series`);
  const source = chart.series[0].values;
  const [first, last = first] = parseSheetReference(source).address.split(":").map(parseCell);
  const byRows = first.row === last.row && first.column !== last.column;
  const added = worksheet.charts.add(
    chart.kind === "bar" ? "BarClustered" : "ColumnClustered",
    rangeOf(source),
    byRows ? "Rows" : "Columns",
  );
  added.series.getItemAt(0).delete();
  for (const described of chart.series) {
    const series = added.series.add(described.name);
    series.setValues(rangeOf(described.values));
    series.setXAxisValues(rangeOf(chart.categories));
    series.format.fill.setSolidColor(`#${described.color}`);
    // Excel keeps one overlap and gap per bar group: every series says the same.
    series.overlap = chart.overlap;
    series.gapWidth = chart.gapWidth;
  }
  added.title.text = chart.title;
  added.legend.visible = true;
  added.legend.position = chart.legend === "bottom" ? "Bottom" : "Right";
  added.axes.valueAxis.numberFormat = chart.valueAxisFormat;
  if (chart.kind === "bar") {
    added.axes.categoryAxis.reversePlotOrder = true;
    // The value axis crosses at the last category, which reversed is the bottom.
    added.axes.categoryAxis.position = "Maximum";
  }
  added.setPosition(chart.from, chart.to);
}
