import { parseCell, parseSheetReference } from "../a1";
import type { ChartSpec } from "../spec";
import { escapeXml, NS, XML_DECLARATION } from "./xml";

/**
 * DrawingML for a sheet's native charts, from the description alone: a drawing part (a two-cell
 * anchor per chart) and a chart part per chart whose series are formulas (no cached values: Excel
 * and LibreOffice compute them from the references). Putting them in a package is charts.ts's job.
 */

/** A chart reference as c:f wants it: no leading "=". */
function chartFormula(reference: string): string {
  return escapeXml(reference.startsWith("=") ? reference.slice(1) : reference);
}

/** The zero-based cell corner of an anchor: `from` covers its cell's top-left, `to` its bottom-right. */
function anchorCorner(address: string, edge: "from" | "to"): string {
  const { row, column } = parseCell(address);
  const shift = edge === "from" ? 1 : 0;
  return (
    `<xdr:col>${column - shift}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row - shift}</xdr:row><xdr:rowOff>0</xdr:rowOff>`
  );
}

/** A sheet's drawing part: one two-cell anchor per chart, each pointing at its chart by `rIds[i]`. */
export function drawingXml(charts: readonly ChartSpec[], rIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const id = i + 2;
    return (
      `<xdr:twoCellAnchor>` +
      `<xdr:from>${anchorCorner(chart.from, "from")}</xdr:from>` +
      `<xdr:to>${anchorCorner(chart.to, "to")}</xdr:to>` +
      `<xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.chart}">` +
      `<c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.relationships}" r:id="${escapeXml(rIds[i])}"/>` +
      `</a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}">${anchors.join("")}</xdr:wsDr>`
  );
}

const CATEGORY_AXIS_ID = 507001;
const VALUE_AXIS_ID = 507002;

function richText(text: string, bold: boolean, size: number): string {
  const b = bold ? "1" : "0";
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${b}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${b}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`
  );
}

/**
 * A chart part: one clustered bar chart, one series per `chart.series` in its colour, every series
 * on the same categories, the bars overlapping and spaced as described, the value axis in the
 * described number format (not linked to the cells'). Bars list their categories top to bottom in the order of the cells (the category
 * axis runs max to min, and the value axis crosses it at its maximum, so it stays at the bottom).
 */
export function chartXml(chart: ChartSpec): string {
  if (chart.series.length === 0) throw new Error(`Chart "${chart.title}" has no series`);
  // Charts need sheet-qualified references (as the Office.js writer does): refuse any other.
  for (const reference of [chart.categories, ...chart.series.map((s) => s.values)])
    parseSheetReference(reference);
  const bar = chart.kind === "bar";
  const categories = chartFormula(chart.categories);
  const series = chart.series.map(
    (s, i) =>
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${escapeXml(s.color)}"/></a:solidFill></c:spPr>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${categories}</c:f></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${chartFormula(s.values)}</c:f></c:numRef></c:val>` +
      `</c:ser>`,
  );
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/>` +
    `<c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bar ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>` +
    `</c:catAx>`;
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/>` +
    `<c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(chart.valueAxisFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="${bar ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="between"/>` +
    `</c:valAx>`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.relationships}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx>${richText(chart.title, true, 1400)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${bar ? "bar" : "col"}"/><c:grouping val="clustered"/>` +
    `<c:varyColors val="0"/>${series.join("")}` +
    `<c:gapWidth val="${chart.gapWidth}"/><c:overlap val="${chart.overlap}"/>` +
    `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/></c:barChart>` +
    categoryAxis +
    valueAxis +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="${chart.legend === "bottom" ? "b" : "r"}"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}
