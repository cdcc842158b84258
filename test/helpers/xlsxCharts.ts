import JSZip from "jszip";
import { cellAddress } from "../../src/workbook/a1";
import {
  readRelationships,
  relsPartOf,
  RELATIONSHIP_TYPES,
  resolveTarget,
  worksheetParts,
} from "../../src/workbook/xlsx/xlsxPackage";
import { unescapeXml } from "../../src/workbook/xlsx/xml";

/** One series of a chart part as written: its name, references and any cached values. */
export interface ReadSeries {
  readonly name: string;
  readonly categories: string;
  readonly values: string;
  /** The values cached in the part (LibreOffice writes them; our writer leaves them out). */
  readonly cachedValues: number[];
  readonly cachedCategories: string[];
  /** The series' solid fill, RRGGBB in capitals (LibreOffice writes small letters), "" without one. */
  readonly color: string;
}

export interface ReadChart {
  readonly part: string;
  readonly barDir: string;
  readonly title: string;
  readonly series: ReadSeries[];
  /** The legend's c:legendPos ("b", "r"…), or "" without a legend. */
  readonly legendPosition: string;
  /** The bar group's c:overlap and c:gapWidth (Excel's defaults, 0 and 150, when absent). */
  readonly overlap: number;
  readonly gapWidth: number;
  /** The value axis's number format ("" when linked to the source cells). */
  readonly valueAxisFormat: string;
  /** The cells the drawing's two-cell anchor covers, "B40" to "H58" (set by readXlsxCharts). */
  readonly anchor: { readonly from: string; readonly to: string };
  readonly xml: string;
}

const first = (xml: string, pattern: RegExp) => pattern.exec(xml)?.[1];

function cachePoints(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const points: string[] = [];
  for (const [, idx, value] of xml.matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g))
    points[Number(idx)] = unescapeXml(value);
  return points;
}

function readSeries(ser: string): ReadSeries {
  const tx = first(ser, /<c:tx>([\s\S]*?)<\/c:tx>/) ?? "";
  const cat = first(ser, /<c:cat>([\s\S]*?)<\/c:cat>/) ?? "";
  const val = first(ser, /<c:val>([\s\S]*?)<\/c:val>/) ?? "";
  return {
    name: unescapeXml(first(tx, /<c:v>([^<]*)<\/c:v>/) ?? ""),
    categories: unescapeXml(first(cat, /<c:f>([^<]*)<\/c:f>/) ?? ""),
    values: unescapeXml(first(val, /<c:f>([^<]*)<\/c:f>/) ?? ""),
    cachedValues: cachePoints(first(val, /<c:numCache>([\s\S]*?)<\/c:numCache>/)).map(Number),
    cachedCategories: cachePoints(first(cat, /<c:(?:str|num)Cache>([\s\S]*?)<\/c:(?:str|num)Cache>/)),
    color:
      first(first(ser, /<c:spPr>([\s\S]*?)<\/c:spPr>/) ?? "", /<a:srgbClr val="(\w+)"/)?.toUpperCase() ?? "",
  };
}

/** A chart part read back. */
export function readChart(part: string, xml: string): ReadChart {
  const title = first(xml, /<c:title>([\s\S]*?)<\/c:title>/) ?? "";
  return {
    part,
    barDir: first(xml, /<c:barDir val="(\w+)"\/>/) ?? "",
    title: unescapeXml([...title.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("")),
    series: [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => readSeries(m[1])),
    legendPosition: first(xml, /<c:legendPos val="(\w+)"\/>/) ?? "",
    overlap: Number(first(xml, /<c:overlap val="(-?\d+)"\/>/) ?? 0),
    gapWidth: Number(first(xml, /<c:gapWidth val="(\d+)"\/>/) ?? 150),
    valueAxisFormat: unescapeXml(
      first(
        first(xml, /<c:valAx>([\s\S]*?)<\/c:valAx>/) ?? "",
        /<c:numFmt formatCode="([^"]*)" sourceLinked="0"/,
      ) ?? "",
    ),
    anchor: { from: "", to: "" },
    xml,
  };
}

async function text(zip: JSZip, part: string): Promise<string | null> {
  const file = zip.file(part);
  return file ? file.async("string") : null;
}

/**
 * The charts of an .xlsx by sheet name, followed the way Excel does: workbook → sheet → its
 * drawing relationship → the drawing's chart relationships → chart parts.
 */
export async function readXlsxCharts(bytes: Uint8Array): Promise<Map<string, ReadChart[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookPart = "xl/workbook.xml";
  const sheets = worksheetParts(
    workbookPart,
    (await text(zip, workbookPart)) ?? "",
    (await text(zip, relsPartOf(workbookPart))) ?? "",
  );
  const charts = new Map<string, ReadChart[]>();
  for (const [sheet, sheetPart] of sheets) {
    const found: ReadChart[] = [];
    const sheetRels = readRelationships((await text(zip, relsPartOf(sheetPart))) ?? "");
    for (const drawing of sheetRels.filter((r) => r.type === RELATIONSHIP_TYPES.drawing)) {
      const drawingPart = resolveTarget(sheetPart, drawing.target);
      const drawingXml = (await text(zip, drawingPart)) ?? "";
      const drawingRels = readRelationships((await text(zip, relsPartOf(drawingPart))) ?? "");
      // In the order the drawing anchors them.
      for (const [anchor] of drawingXml.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)) {
        const rId = first(anchor, /<c:chart\b[^>]*\sr:id="([^"]+)"/);
        const rel = drawingRels.find((r) => r.id === rId && r.type === RELATIONSHIP_TYPES.chart);
        if (!rel) continue;
        const chartPart = resolveTarget(drawingPart, rel.target);
        // Zero-based corners: from is the first cell's top-left, to the last cell's bottom-right.
        const corner = (edge: string, shift: number) => {
          const part = first(anchor, new RegExp(`<xdr:${edge}>([\\s\\S]*?)</xdr:${edge}>`)) ?? "";
          const at = (tag: string) => Number(first(part, new RegExp(`<xdr:${tag}>(\\d+)</xdr:${tag}>`)));
          return cellAddress(at("row") + shift, at("col") + shift);
        };
        const read = readChart(chartPart, (await text(zip, chartPart)) ?? "");
        found.push({ ...read, anchor: { from: corner("from", 1), to: corner("to", 0) } });
      }
    }
    charts.set(sheet, found);
  }
  return charts;
}
