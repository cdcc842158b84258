/**
 * manifest.xml and the production manifest: Microsoft's XSDs through xmllint (offline), then the
 * checks an XSD can't make (test/helpers/manifestChecks.ts), each also shown to reject bad input.
 */
import * as fs from "fs";
import * as path from "path";
import { checkManifest, hasXmllint, pngSize, xsdProblems } from "./helpers/manifestChecks";
import { DEFAULT_ADDIN_URL, resolveAddinUrl, rewriteManifestUrls } from "../scripts/production-manifest";
import { SIZES, draw } from "../scripts/make-icons";

const ROOT = path.resolve(__dirname, "..");
const SCHEMAS_DIR = process.env.OFFICE_SCHEMAS_DIR ?? path.resolve(__dirname, "../../shared/office-schemas");
const DEV_URL = "https://localhost:3000/";
const PROD_URL = "https://addin.example.org/case-rate/";
const devXml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const prodXml = rewriteManifestUrls(devXml, PROD_URL);
const dev = { baseUrl: DEV_URL, rootDir: ROOT };
const prod = { baseUrl: PROD_URL, rootDir: ROOT, production: true };

/** devXml with one edit; fails loudly if the edit no longer matches the manifest. */
function edit(from: string | RegExp, to: string): string {
  const out = devXml.replace(from, to);
  if (out === devXml) throw new Error(`edit found nothing to change: ${String(from)}`);
  return out;
}
const misspeltRuntimes = () => edit(/<(\/?)Runtimes>/g, "<$1Runtims>");

// The schemas live in shared/, beside the repo: CI must have them; a lone clone may not.
const missing = [
  fs.existsSync(path.join(SCHEMAS_DIR, "OfficeAppManifestV1_1.xsd")) ? "" : `no XSDs in ${SCHEMAS_DIR}`,
  hasXmllint() ? "" : "no xmllint (Debian package libxml2-utils)",
].filter(Boolean);
const skipXsd = missing.length > 0 && process.env.CI !== "true";
if (skipXsd) {
  console.warn(
    `\n!!! SKIPPING the manifest's XSD validation: ${missing.join("; ")}. Set OFFICE_SCHEMAS_DIR. !!!\n`,
  );
}

(skipXsd ? describe.skip : describe)("XSD validation (xmllint)", () => {
  test("xmllint and the schemas are available", () => {
    expect(missing).toEqual([]);
  });
  test("manifest.xml validates", () => {
    expect(xsdProblems(devXml, SCHEMAS_DIR)).toEqual([]);
  });
  test("the production manifest validates", () => {
    expect(xsdProblems(prodXml, SCHEMAS_DIR)).toEqual([]);
  });
  test("a misspelt <Runtimes> is rejected", () => {
    expect(xsdProblems(misspeltRuntimes(), SCHEMAS_DIR).join("\n")).toMatch(/Runtims/);
  });
});

describe("checks an XSD can't make", () => {
  test("manifest.xml passes", () => {
    expect(checkManifest(devXml, dev)).toEqual([]);
  });
  test("the production manifest passes", () => {
    expect(checkManifest(prodXml, prod)).toEqual([]);
  });

  test.each<[string, () => string, RegExp]>([
    ["a misspelt <Runtimes>", misspeltRuntimes, /<Runtimes> must be the first child/],
    [
      "a non-https URL",
      () => edit(`${DEV_URL}functions.js`, "http://localhost:3000/functions.js"),
      /not https/,
    ],
    ["a relative URL", () => edit(`${DEV_URL}functions.json`, "functions.json"), /not an absolute https URL/],
    [
      "an unresolved resid",
      () => edit('<Namespace resid="Functions.Namespace"', '<Namespace resid="Functions.Ns"'),
      /resolves to no resource/,
    ],
    [
      "a resid of the wrong kind",
      () => edit('<LearnMoreUrl resid="Support.Url"', '<LearnMoreUrl resid="GetStarted.Title"'),
      /should name a bt:Url/,
    ],
    [
      "a FunctionFile outside the shared runtime",
      () => edit('<FunctionFile resid="Taskpane.Url"', '<FunctionFile resid="Support.Url"'),
      /shared runtime/,
    ],
    ["a short-lived runtime", () => edit('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    ["an Id that is not a GUID", () => edit(/<Id>[^<]*<\/Id>/, "<Id>case-rate-workbench</Id>"), /GUID/],
    [
      "read-only permissions",
      () => edit("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument"),
      /ReadWriteDocument/,
    ],
    [
      "another namespace",
      () => edit('DefaultValue="VBP"', 'DefaultValue="CONTOSO"'),
      /namespace must be VBP/,
    ],
    [
      "an icon of the wrong size",
      () =>
        edit(
          `id="Icon.16x16" DefaultValue="${DEV_URL}assets/icon-16.png"`,
          `id="Icon.16x16" DefaultValue="${DEV_URL}assets/icon-32.png"`,
        ),
      /must be 16x16 px/,
    ],
    [
      "a missing icon file",
      () => edit(`${DEV_URL}assets/icon-64.png`, `${DEV_URL}assets/icon-65.png`),
      /file is missing/,
    ],
    [
      "an icon from elsewhere",
      () => edit(`${DEV_URL}assets/icon-80.png`, "https://cdn.example.org/icon-80.png"),
      /not served by the add-in/,
    ],
  ])("rejects %s", (_name, make, problem) => {
    expect(checkManifest(make(), dev).join("\n")).toMatch(problem);
  });

  test("rejects localhost in a production manifest", () => {
    expect(checkManifest(devXml, { ...dev, production: true }).join("\n")).toMatch(/mentions localhost/);
  });
});

describe("rewriteManifestUrls", () => {
  test("replaces every occurrence", () => {
    const before = devXml.split(DEV_URL).length - 1;
    expect(before).toBeGreaterThan(5);
    expect(prodXml.split(PROD_URL).length - 1).toBe(before);
    expect(prodXml).not.toMatch(/localhost/i);
    expect(rewriteManifestUrls(`a ${DEV_URL}x b ${DEV_URL}y`, PROD_URL)).toBe(
      `a ${PROD_URL}x b ${PROD_URL}y`,
    );
  });
  test("takes the URL literally ($ is not a replacement pattern)", () => {
    expect(rewriteManifestUrls(`${DEV_URL}x`, "https://example.org/$$/")).toBe("https://example.org/$$/x");
  });
  test.each([
    "http://addin.example.org/case-rate/",
    "https://addin.example.org/case-rate",
    "addin.example.org/case-rate/",
    "https://addin.example.org/?v=1/",
    "https://localhost:8443/",
    "https://addin.example.org/a&b/",
  ])("rejects %s", (url) => {
    expect(() => rewriteManifestUrls(devXml, url)).toThrow(/ADDIN_URL/);
  });
  test("refuses a manifest with nothing to rewrite, or with localhost left over", () => {
    expect(() => rewriteManifestUrls("<x/>", PROD_URL)).toThrow(/nothing|no https/);
    expect(() => rewriteManifestUrls(`${DEV_URL} http://localhost:3000/`, PROD_URL)).toThrow(/localhost/);
  });
  test("resolveAddinUrl: ADDIN_URL, else the .invalid placeholder", () => {
    expect(resolveAddinUrl({})).toEqual({ url: DEFAULT_ADDIN_URL, isDefault: true });
    expect(DEFAULT_ADDIN_URL).toMatch(/^https:\/\/[^/]+\.invalid\/$/);
    expect(resolveAddinUrl({ ADDIN_URL: ` ${PROD_URL} ` })).toEqual({ url: PROD_URL, isDefault: false });
    expect(() => resolveAddinUrl({ ADDIN_URL: "http://x.org/" })).toThrow(/https/);
  });
});

describe("icons", () => {
  test.each(SIZES)("assets/icon-%i.png is that size and matches scripts/make-icons.js", (size) => {
    const file = path.join(ROOT, "assets", `icon-${size}.png`);
    expect(pngSize(file)).toEqual({ width: size, height: size });
    expect(fs.readFileSync(file).equals(draw(size))).toBe(true);
  });
});
