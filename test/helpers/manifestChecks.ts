/**
 * Manifest checks that Microsoft's XSDs cannot make, plus an xmllint runner for the ones they can.
 * Regex over the text is enough: the manifest is ours, and the XSD pass guarantees its shape.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface CheckOptions {
  /** The base every add-in URL starts with: https://localhost:3000/ or ADDIN_URL. */
  baseUrl: string;
  /** Project root: the URL base maps to it for icon files (assets/icon-32.png). */
  rootDir: string;
  /** A production manifest must not mention localhost at all. */
  production?: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const stripComments = (xml: string): string => xml.replace(/<!--[\s\S]*?-->/g, "");
const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const all = (re: RegExp, text: string): RegExpExecArray[] => [...text.matchAll(re)];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const head = fs.readFileSync(file).subarray(0, 24);
  if (head.toString("latin1", 1, 4) !== "PNG" || head.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** Every problem found in the manifest text; an empty list means it passed. */
export function checkManifest(rawXml: string, options: CheckOptions): string[] {
  const problems: string[] = [];
  const xml = stripComments(rawXml);

  // Resources: id -> kind and value.
  const resources = new Map<string, { kind: string; value: string }>();
  for (const [tag, kind] of all(/<bt:(Url|String|Image)\b[^>]*>/g, xml)) {
    const id = attr(tag, "id");
    if (id === undefined) continue; // a <bt:Image size resid> reference, not a resource
    if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
    resources.set(id, { kind, value: attr(tag, "DefaultValue") ?? "" });
  }
  // Every resid resolves, to the right kind of resource.
  for (const [tag, element] of all(/<([\w:]+)\b[^>]*\sresid="[^"]*"[^>]*>/g, xml)) {
    const resid = attr(tag, "resid") as string;
    const found = resources.get(resid);
    const want =
      element === "bt:Image"
        ? "Image"
        : /^(SourceLocation|Runtime|FunctionFile|LearnMoreUrl)$/.test(element)
          ? "Url"
          : "String";
    if (!found) problems.push(`<${element} resid="${resid}"> resolves to no resource`);
    else if (found.kind !== want)
      problems.push(`<${element} resid="${resid}"> should name a bt:${want}, not a bt:${found.kind}`);
  }

  const id = /<Id>([^<]*)<\/Id>/.exec(xml)?.[1];
  if (!id || !GUID.test(id.trim())) problems.push(`<Id> must be a GUID, got "${id ?? ""}"`);
  const permissions = /<Permissions>([^<]*)<\/Permissions>/.exec(xml)?.[1]?.trim();
  if (permissions !== "ReadWriteDocument")
    problems.push(`<Permissions> must be ReadWriteDocument, got "${permissions ?? ""}"`);
  if (!/<Host\s+Name="Workbook"\s*\/>/.test(xml)) problems.push("<Hosts> must list Workbook");
  if (!/<Set\s+Name="SharedRuntime"\s+MinVersion="1\.1"\s*\/>/.test(xml))
    problems.push("requirement set SharedRuntime 1.1 is missing");
  if (!/<bt:Set\s+Name="CustomFunctionsRuntime"\s+MinVersion="1\.2"\s*\/>/.test(xml))
    problems.push("requirement set CustomFunctionsRuntime 1.2 (CustomFunctions.Error) is missing");

  // Shared runtime: <Runtimes> first in the Workbook host, and one resid for every page.
  if (!/<Host\s+xsi:type="Workbook"\s*>\s*<Runtimes>/.test(xml))
    problems.push('<Runtimes> must be the first child of <Host xsi:type="Workbook">');
  const runtime = /<Runtime\s[^>]*>/.exec(xml)?.[0];
  if (runtime && attr(runtime, "lifetime") !== "long") problems.push('<Runtime> needs lifetime="long"');
  const shared: Record<string, string | undefined> = {
    Runtime: runtime && attr(runtime, "resid"),
    "CustomFunctions Page": /<Page>\s*<SourceLocation\s+resid="([^"]+)"/.exec(xml)?.[1],
    FunctionFile: /<FunctionFile\s+resid="([^"]+)"/.exec(xml)?.[1],
  };
  const taskpanes = all(/<Action\s+xsi:type="ShowTaskpane"\s*>([\s\S]*?)<\/Action>/g, xml);
  if (taskpanes.length === 0) problems.push("no ShowTaskpane button");
  taskpanes.forEach(([, body], i) => {
    shared[`ShowTaskpane #${i + 1}`] = /<SourceLocation\s+resid="([^"]+)"/.exec(body)?.[1];
  });
  const residsSeen = new Set(Object.values(shared));
  if (residsSeen.size !== 1 || residsSeen.has(undefined)) {
    problems.push(`shared runtime needs one resid everywhere: ${JSON.stringify(shared)}`);
  }

  const namespace = /<Namespace\s+resid="([^"]+)"/.exec(xml)?.[1];
  const namespaceValue = namespace ? resources.get(namespace)?.value : undefined;
  if (namespaceValue !== "VBP")
    problems.push(`custom functions namespace must be VBP, got "${namespaceValue ?? ""}"`);

  // Every URL is https (xmlns values are names, not fetched) and every add-in URL is absolute.
  const withoutNamespaces = xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, "");
  for (const [url] of all(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"<]*/gi, withoutNamespaces)) {
    if (!url.toLowerCase().startsWith("https://")) problems.push(`URL is not https: ${url}`);
  }
  for (const [rid, { kind, value }] of resources) {
    if (kind !== "String" && !/^https:\/\//.test(value))
      problems.push(`bt:${kind} "${rid}" is not an absolute https URL: "${value}"`);
  }
  if (options.production && /localhost/i.test(rawXml))
    problems.push("production manifest mentions localhost");

  // Icons: served from the add-in's base, present in the project, at the size the manifest says.
  const icons: { url: string; size: number; where: string }[] = [];
  const iconUrl = (name: string) => new RegExp(`<${name}\\s+DefaultValue="([^"]+)"`).exec(xml)?.[1];
  for (const [name, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ] as const) {
    const url = iconUrl(name);
    if (url) icons.push({ url, size, where: `<${name}>` });
    else problems.push(`<${name}> is missing`);
  }
  for (const [tag] of all(/<bt:Image\s[^>]*\bresid="[^"]*"[^>]*>/g, xml)) {
    const resid = attr(tag, "resid") as string;
    const url = resources.get(resid)?.value;
    if (url) icons.push({ url, size: Number(attr(tag, "size")), where: `bt:Image "${resid}"` });
  }
  for (const { url, size, where } of icons) {
    if (!url.startsWith(options.baseUrl)) {
      problems.push(`${where} is not served by the add-in (${options.baseUrl}): ${url}`);
      continue;
    }
    const file = path.join(options.rootDir, ...url.slice(options.baseUrl.length).split("/"));
    if (!fs.existsSync(file)) {
      problems.push(`${where} file is missing: ${path.relative(options.rootDir, file)}`);
      continue;
    }
    const { width, height } = pngSize(file);
    if (width !== size || height !== size)
      problems.push(`${where} must be ${size}x${size} px, ${url} is ${width}x${height}`);
  }
  return problems;
}

/** Whether xmllint runs on this machine. */
export function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

/** Validates XML text against the root XSD with xmllint, offline; returns its complaints. */
export function xsdProblems(xml: string, schemasDir: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, xml);
    const schema = path.join(schemasDir, "OfficeAppManifestV1_1.xsd");
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
    if (run.error) throw run.error;
    return run.status === 0 ? [] : (run.stderr || `xmllint exited ${run.status}`).trim().split("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
