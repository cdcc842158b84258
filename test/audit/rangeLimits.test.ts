/**
 * Ranges are counted from their corners before any cell is listed: a defined name or a --map range
 * covering A1:XFD1048576 (17,179,869,184 cells) once made the audit run out of memory. The limits:
 * a field's range has exactly the cells the field needs (at most 4), and a workbook's defined names
 * cover at most 1,048,576 cells in all (one full column). Both are refused with exit 2.
 */
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import {
  AuditInputError,
  cellsOfRange,
  checkDefinedNameSizes,
  locateFields,
  rangeSize,
  referenceSize,
} from "../../src/audit";
import { auditWorkbook } from "../../src/taskpane/excel/audit";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { tempDir, writeSpec } from "../helpers/starterFiles";
import { contentsOf, FakeWorkbook } from "./officeWorkbook";
import { STARTER_NAMES } from "./starterGrid";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");
const WHOLE_SHEET = "'Case Rates'!$A$1:$XFD$1048576";
const spec = describeStarterWorkbook(starterOptions({ example: true }));

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI with a small heap: listing the cells of a whole sheet would exhaust it at once. */
function caseRate(args: string[]): Promise<Run> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ["--max-old-space-size=512", BIN, ...args],
      { cwd: ROOT, env: { ...process.env, LIBREOFFICE_PATH: "/nonexistent/soffice" }, encoding: "utf8" },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** A copy of the workbook at `from` with defined name `name` pointing at `reference` (workbook.xml edited). */
async function renamed(from: string, to: string, name: string, reference: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(from));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const pattern = new RegExp(`(<definedName name="${name}"[^>]*>)[^<]*(</definedName>)`);
  if (!pattern.test(xml)) throw new Error(`no defined name ${name}`);
  const escaped = reference.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  zip.file(
    "xl/workbook.xml",
    xml.replace(pattern, (_, open: string, close: string) => `${open}${escaped}${close}`),
  );
  writeFileSync(to, await zip.generateAsync({ type: "nodebuffer" }));
  return to;
}

describe("range sizes are counted from the corners", () => {
  test("sizes of ranges and name references, without listing them", () => {
    expect(rangeSize("A1:XFD1048576")).toBe(17_179_869_184);
    expect(rangeSize("G12:D12")).toBe(4);
    expect(referenceSize("Inputs!$D$5:$G$5,Inputs!$D$9")).toBe(5);
    expect(referenceSize("Inputs!$A:$A")).toBe(0);
    expect(() => cellsOfRange("S", "A1:XFD1048576")).toThrow(
      "S!A1:XFD1048576 covers 17,179,869,184 cells; the audit lists at most 1,048,576 cells of a range (one full column).",
    );
  });

  test("defined names over the limit are refused, naming the largest", () => {
    expect(() =>
      checkDefinedNameSizes([
        { name: "CaseRates", reference: "'Case Rates'!$D$12:$G$12" },
        { name: "Everything", reference: WHOLE_SHEET },
      ]),
    ).toThrow(
      new AuditInputError(
        `its defined name Everything covers 17,179,869,184 cells (${WHOLE_SHEET}); the audit reads workbooks whose defined names cover at most 1,048,576 cells in all (one full column), and a field needs at most 4.`,
      ),
    );
    expect(() =>
      checkDefinedNameSizes([{ name: "Column", reference: "Data!$A$1:$A$1048576" }]),
    ).not.toThrow();
  });

  test("a mapped range larger than its field is refused before its cells are listed", () => {
    const sheets = ["Inputs", "Case Rates"];
    expect(() =>
      locateFields({ caseRates: "'Case Rates'!A1:XFD1048576" }, sheets, (n) => STARTER_NAMES.get(n)),
    ).toThrow(
      "'Case Rates'!A1:XFD1048576 has 17,179,869,184 cells for the case rate of each level of care; the toolkit's worked example has 4, so the audit cannot use this workbook as it is.",
    );
  });

  test("the task pane refuses a workbook with a whole-sheet name before reading any cell", async () => {
    const names = [
      ...spec.names.map((n) => ({ name: n.name, reference: n.reference })),
      { name: "Everything", reference: "'Case Rates'!$A$1:$B$1000000" },
    ];
    const book = new FakeWorkbook(contentsOf(spec), names);
    const failure = auditWorkbook(book.context);
    await expect(failure).rejects.toThrow(AuditInputError);
    await expect(failure).rejects.toThrow(/defined name Everything covers 2,000,000 cells/);
    expect(book.syncs).toBe(1);
  });
});

describe("case-rate audit with a whole-sheet range", () => {
  let dir = "";
  let example = "";
  beforeAll(async () => {
    dir = tempDir("audit-ranges");
    example = await writeSpec(spec, dir, "example");
  });
  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  test("a defined name covering A1:XFD1048576: exit 2, one line naming the name", async () => {
    const file = await renamed(example, path.join(dir, "whole-sheet.xlsx"), "CaseRates", WHOLE_SHEET);
    const run = await caseRate(["audit", file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `case-rate: ${file}: its defined name CaseRates covers 17,179,869,184 cells (${WHOLE_SHEET}); the audit reads workbooks whose defined names cover at most 1,048,576 cells in all (one full column), and a field needs at most 4.\n`,
    );
  }, 60_000);

  test("a --map range covering A1:XFD1048576: exit 2, one line naming the range", async () => {
    const map = path.join(dir, "whole-sheet.json");
    writeFileSync(map, JSON.stringify({ caseRates: "'Case Rates'!A1:XFD1048576" }));
    const run = await caseRate(["audit", example, "--map", map]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^case-rate: .*example\.xlsx: 'Case Rates'!A1:XFD1048576 has 17,179,869,184 cells for the case rate of each level of care; .*\n$/,
    );
  }, 60_000);
});
