import type { SheetSpec } from "../spec";
import { chartXml, drawingXml } from "./chartXml";
import {
  addContentTypeOverrides,
  addRelationship,
  CONTENT_TYPES,
  insertDrawingElement,
  nextPartNumber,
  readPart,
  readRelationships,
  RELATIONSHIP_TYPES,
  relationshipsXml,
  relativeTarget,
  relsPartOf,
  requirePart,
  resolveTarget,
  worksheetParts,
} from "./xlsxPackage";
import { NS } from "./xml";

/**
 * Native charts for the .xlsx writer. ExcelJS cannot write charts, so after it has written the
 * package the chart parts (chartXml.ts) are added to it (xlsxPackage.ts): per sheet with charts one
 * drawing, per chart one chart part, and the links between them.
 */

/**
 * Adds the sheets' charts to an .xlsx package written by ExcelJS: a drawing per sheet with charts,
 * a chart part per chart, the sheet's <drawing> element and relationship, and content types.
 * Returns the bytes unchanged when no sheet has a chart.
 */
export async function addChartsToXlsx(bytes: Uint8Array, sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const withCharts = sheets.filter((sheet) => sheet.charts.length > 0);
  if (withCharts.length === 0) return bytes;
  // Loaded only when a workbook has charts; in the browser this is a separate chunk.
  const { default: Zip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  const zip = await Zip.loadAsync(bytes);

  const rootRels = readRelationships(await requirePart(zip, "_rels/.rels"));
  const officeDocument = rootRels.find((r) => r.type === `${NS.relationships}/officeDocument`);
  const workbookPart = resolveTarget("", officeDocument?.target ?? "xl/workbook.xml");
  const parts = worksheetParts(
    workbookPart,
    await requirePart(zip, workbookPart),
    await requirePart(zip, relsPartOf(workbookPart)),
  );

  const overrides: { partName: string; contentType: string }[] = [];
  let drawingNumber = nextPartNumber(zip, "xl/drawings/drawing");
  let chartNumber = nextPartNumber(zip, "xl/charts/chart");
  for (const sheet of withCharts) {
    const sheetPart = parts.get(sheet.name);
    if (!sheetPart) throw new Error(`The .xlsx has no worksheet named ${sheet.name}`);
    const drawingPart = `xl/drawings/drawing${drawingNumber++}.xml`;

    const drawingRels: { id: string; type: string; target: string }[] = [];
    for (const chart of sheet.charts) {
      const chartPart = `xl/charts/chart${chartNumber++}.xml`;
      zip.file(chartPart, chartXml(chart));
      overrides.push({ partName: `/${chartPart}`, contentType: CONTENT_TYPES.chart });
      drawingRels.push({
        id: `rId${drawingRels.length + 1}`,
        type: RELATIONSHIP_TYPES.chart,
        target: relativeTarget(drawingPart, chartPart),
      });
    }
    zip.file(
      drawingPart,
      drawingXml(
        sheet.charts,
        drawingRels.map((r) => r.id),
      ),
    );
    zip.file(relsPartOf(drawingPart), relationshipsXml(drawingRels));
    overrides.push({ partName: `/${drawingPart}`, contentType: CONTENT_TYPES.drawing });

    const sheetRelsPart = relsPartOf(sheetPart);
    const sheetRels = addRelationship(
      await readPart(zip, sheetRelsPart),
      RELATIONSHIP_TYPES.drawing,
      relativeTarget(sheetPart, drawingPart),
    );
    zip.file(sheetRelsPart, sheetRels.xml);
    zip.file(sheetPart, insertDrawingElement(await requirePart(zip, sheetPart), sheetRels.id));
  }
  zip.file(
    "[Content_Types].xml",
    addContentTypeOverrides(await requirePart(zip, "[Content_Types].xml"), overrides),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
