import type JSZip from "jszip";
import { parseCell, parseSheetReference } from "../a1";
import type { ChartSpec, SheetSpec } from "../spec";

/**
 * Native charts for the .xlsx writer. ExcelJS cannot write charts, so after it has written the
 * package we add the DrawingML parts ourselves: per sheet with charts one drawing (a two-cell
 * anchor per chart), per chart one chart part whose series are formulas (no cached values: Excel
 * and LibreOffice compute them from the references), and the links between them.
 */

const NS = {
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
} as const;

export const RELATIONSHIP_TYPES = {
  worksheet: `${NS.relationships}/worksheet`,
  drawing: `${NS.relationships}/drawing`,
  chart: `${NS.relationships}/chart`,
} as const;

export const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data or an attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The text of an attribute value or character data (the five entities and character references). */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] ?? "";
  });
}

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

/** A relationships part holding `relationships`. */
export function relationshipsXml(
  relationships: readonly { readonly id: string; readonly type: string; readonly target: string }[],
): string {
  const items = relationships.map(
    (r) =>
      `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`,
  );
  return (
    XML_DECLARATION + `<Relationships xmlns="${NS.packageRelationships}">${items.join("")}</Relationships>`
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
 * A chart part: one clustered bar chart, one series per `chart.series`, every series on the same
 * categories. Bars list their categories top to bottom in the order of the cells (the category
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
    `<c:numFmt formatCode="General" sourceLinked="1"/>` +
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
    `<c:varyColors val="0"/>${series.join("")}<c:gapWidth val="80"/>` +
    `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/></c:barChart>` +
    categoryAxis +
    valueAxis +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/** An element directly under the root of an XML document: its name and where its tag starts. */
interface TopLevelElement {
  readonly name: string;
  readonly start: number;
}

/**
 * The root element's name, its direct children and where its closing tag starts. A small scanner
 * (no DOM in every runtime we write from): skips declarations, comments and CDATA, and counts depth.
 */
export function topLevelElements(xml: string): {
  root: string;
  rootTagEnd: number;
  children: TopLevelElement[];
  rootClose: number;
} {
  const tag =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  const children: TopLevelElement[] = [];
  let root = "";
  let rootTagEnd = -1;
  let depth = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const [text, closing, name, rest] = match;
    if (name === undefined) continue;
    const selfClosing = rest.endsWith("/");
    if (closing) {
      depth--;
      if (depth === 0) return { root, rootTagEnd, children, rootClose: match.index };
      continue;
    }
    if (depth === 0) {
      root = name;
      rootTagEnd = match.index + text.length;
    } else if (depth === 1) children.push({ name, start: match.index });
    if (!selfClosing) depth++;
  }
  throw new Error("Not a well-formed XML document: the root element is not closed");
}

/** Worksheet children that the schema (CT_Worksheet) places after <drawing>. */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * The worksheet XML with `<drawing r:id="…"/>` where CT_Worksheet wants it: after pageSetup,
 * headerFooter, breaks and the like, before legacyDrawing, tableParts and extLst.
 */
export function insertDrawingElement(sheetXml: string, rId: string): string {
  const { root, rootTagEnd, children, rootClose } = topLevelElements(sheetXml);
  if (children.some((child) => localName(child.name) === "drawing"))
    throw new Error("The worksheet already has a drawing");
  const prefix = root.includes(":") ? root.slice(0, root.indexOf(":") + 1) : "";
  const rootTag = sheetXml.slice(0, rootTagEnd);
  const declared = new RegExp(
    `xmlns:([\\w.-]+)\\s*=\\s*["']${NS.relationships.replace(/\./g, "\\.")}["']`,
  ).exec(rootTag.slice(rootTag.lastIndexOf(`<${root}`)));
  const element = declared
    ? `<${prefix}drawing ${declared[1]}:id="${escapeXml(rId)}"/>`
    : `<${prefix}drawing xmlns:r="${NS.relationships}" r:id="${escapeXml(rId)}"/>`;
  const before = children.find((child) => AFTER_DRAWING.has(localName(child.name)));
  const at = before ? before.start : rootClose;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** An attribute's value in a start tag (`name` is a regular expression source), or undefined. */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[1] ?? match[2]) : undefined;
}

/** The relationships of a .rels part: id, type and target of each. */
export function readRelationships(relsXml: string): { id: string; type: string; target: string }[] {
  return [...relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map(([tag]) => ({
    id: attribute(tag, "Id") ?? "",
    type: attribute(tag, "Type") ?? "",
    target: attribute(tag, "Target") ?? "",
  }));
}

/** `relsXml` (or a new relationships part) with one more relationship; returns it and its new id. */
export function addRelationship(
  relsXml: string | null,
  type: string,
  target: string,
): { xml: string; id: string } {
  const xml = relsXml ?? relationshipsXml([]);
  const taken = new Set(readRelationships(xml).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const item = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  const close = xml.lastIndexOf("</Relationships>");
  if (close >= 0) return { xml: xml.slice(0, close) + item + xml.slice(close), id };
  // An empty <Relationships/> element.
  return {
    xml: xml.replace(/<Relationships\b([^>]*?)\s*\/>/, `<Relationships$1>${item}</Relationships>`),
    id,
  };
}

/** [Content_Types].xml with an Override for each part that lacks one. */
export function addContentTypeOverrides(
  contentTypesXml: string,
  overrides: readonly { readonly partName: string; readonly contentType: string }[],
): string {
  const missing = overrides.filter((o) => !contentTypesXml.includes(`PartName="${escapeXml(o.partName)}"`));
  const items = missing.map(
    (o) => `<Override PartName="${escapeXml(o.partName)}" ContentType="${escapeXml(o.contentType)}"/>`,
  );
  const close = contentTypesXml.lastIndexOf("</Types>");
  if (close < 0) throw new Error("[Content_Types].xml has no </Types>");
  return contentTypesXml.slice(0, close) + items.join("") + contentTypesXml.slice(close);
}

/** Part names are paths from the package root without the leading "/". */
function directoryOf(part: string): string {
  return part.includes("/") ? part.slice(0, part.lastIndexOf("/")) : "";
}

/** The part a relationship target points at, from the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const segments = target.startsWith("/") ? [] : directoryOf(sourcePart).split("/").filter(Boolean);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** A relative target from `sourcePart` to `targetPart`. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = directoryOf(sourcePart).split("/").filter(Boolean);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

/** The .rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPartOf(part: string): string {
  const dir = directoryOf(part);
  const file = part.slice(dir.length === 0 ? 0 : dir.length + 1);
  return `${dir === "" ? "" : `${dir}/`}_rels/${file}.rels`;
}

/** Each sheet's part by its name, from xl/workbook.xml and its relationships (never assumed). */
export function worksheetParts(
  workbookPart: string,
  workbookXml: string,
  workbookRelsXml: string,
): Map<string, string> {
  const targets = new Map(
    readRelationships(workbookRelsXml)
      .filter((r) => r.type === RELATIONSHIP_TYPES.worksheet)
      .map((r) => [r.id, resolveTarget(workbookPart, r.target)]),
  );
  const parts = new Map<string, string>();
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attribute(tag, "name");
    const rId = attribute(tag, "[\\w.-]+:id");
    const part = rId === undefined ? undefined : targets.get(rId);
    if (name !== undefined && part !== undefined) parts.set(name, part);
  }
  return parts;
}

async function readPart(zip: JSZip, part: string): Promise<string | null> {
  const file = zip.file(part);
  return file ? file.async("string") : null;
}

async function requirePart(zip: JSZip, part: string): Promise<string> {
  const text = await readPart(zip, part);
  if (text === null) throw new Error(`The .xlsx has no ${part}`);
  return text;
}

/** The next free number N of parts named `${prefix}N.xml`. */
function nextPartNumber(zip: JSZip, prefix: string): number {
  let n = 0;
  for (const path of Object.keys(zip.files)) {
    const match = new RegExp(`^${prefix.replace(/[/.]/g, "\\$&")}(\\d+)\\.xml$`).exec(path);
    if (match) n = Math.max(n, Number(match[1]));
  }
  return n + 1;
}

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
