import type JSZip from "jszip";
import { escapeXml, NS, unescapeXml, XML_DECLARATION } from "./xml";

/**
 * Editing an .xlsx package (Open Packaging Conventions): relationships parts, content types, part
 * names and targets, and a worksheet's <drawing> element. Knows nothing of charts' contents.
 */

export const RELATIONSHIP_TYPES = {
  worksheet: `${NS.relationships}/worksheet`,
  drawing: `${NS.relationships}/drawing`,
  chart: `${NS.relationships}/chart`,
} as const;

export const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

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

export async function readPart(zip: JSZip, part: string): Promise<string | null> {
  const file = zip.file(part);
  return file ? file.async("string") : null;
}

export async function requirePart(zip: JSZip, part: string): Promise<string> {
  const text = await readPart(zip, part);
  if (text === null) throw new Error(`The .xlsx has no ${part}`);
  return text;
}

/** The next free number N of parts named `${prefix}N.xml`. */
export function nextPartNumber(zip: JSZip, prefix: string): number {
  let n = 0;
  for (const path of Object.keys(zip.files)) {
    const match = new RegExp(`^${prefix.replace(/[/.]/g, "\\$&")}(\\d+)\\.xml$`).exec(path);
    if (match) n = Math.max(n, Number(match[1]));
  }
  return n + 1;
}
