/**
 * A starter workbook with a deleted defined name or an error value fails the audit: deleting
 * CaseRates, PMPM or MasterCheck once gave "PASS" with exit 0 while every sheet showed #NAME?.
 * The CLI on real files recalculated by LibreOffice; the same rule on grids without an engine.
 */
import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildAuditReport, gridOf, locateFields } from "../../src/audit";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { editedCopy, tempDir, writeSpec } from "../helpers/starterFiles";
import { STARTER_NAMES, starterGrid } from "./starterGrid";

/** The text report with its wrapped lines joined again: a paragraph per line. */
const unwrapped = (text: string) => text.replace(/\n +/g, " ");

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function caseRate(args: string[]): Promise<Run> {
  return new Promise((resolve) =>
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** Removes a workbook-scoped defined name, as deleting it in Excel's Name Manager does. */
const withoutName = (name: string) => (book: ExcelJS.Workbook) => {
  const names = book.definedNames as unknown as { model: { name: string }[] };
  names.model = names.model.filter((n) => n.name !== name);
};

describeWithLibreOffice("case-rate audit of a workbook with a deleted name or an error value", () => {
  let dir = "";
  const runs = new Map<string, Run>();

  beforeAll(async () => {
    dir = tempDir("audit-broken");
    const example = await writeSpec(
      describeStarterWorkbook(starterOptions({ example: true })),
      dir,
      "example",
    );
    const totalCases = STARTER_NAMES.get("TotalCases")![0];
    const files: Record<string, string> = {
      CaseRates: await editedCopy(example, dir, "no-case-rates", withoutName("CaseRates")),
      PMPM: await editedCopy(example, dir, "no-pmpm", withoutName("PMPM")),
      MasterCheck: await editedCopy(example, dir, "no-master-check", withoutName("MasterCheck")),
      errorInFigure: await editedCopy(example, dir, "ref-error", (book) => {
        book.getWorksheet(totalCases.sheet)!.getCell(totalCases.address).value = {
          formula: "#REF!*2",
        } as ExcelJS.CellFormulaValue;
      }),
    };
    const keys = Object.keys(files);
    const results = await Promise.all(keys.map((key) => caseRate(["audit", files[key]])));
    keys.forEach((key, i) => runs.set(key, results[i]));
  }, 180_000);

  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  test("without CaseRates: exit 1, the four case rates fail, naming the name", () => {
    const run = runs.get("CaseRates")!;
    expect(run.status).toBe(1);
    expect(unwrapped(run.stdout).split("\n")[0]).toMatch(
      /^FAIL: 4 of 27 figures fail \(Step 7 · case rate of level A, Step 7 · case rate of level B, Step 7 · case rate of level C, Step 7 · case rate of level D\);.* cells show an error value \(.*#NAME\?/,
    );
    expect(run.stdout).toMatch(
      /^Step 7 · case rate of level A .* fail\n {4}The workbook has no defined name CaseRates, /m,
    );
  });

  test("without PMPM: exit 1, the PMPM fails, naming the name", () => {
    const run = runs.get("PMPM")!;
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^FAIL: 1 of 27 figures fail \(Step 7 · budget per member per month \(PMPM\)\)/,
    );
    expect(unwrapped(run.stdout)).toContain("The workbook has no defined name PMPM, ");
  });

  test("without MasterCheck: every figure still matches, but the cells showing #NAME? fail the audit", () => {
    const run = runs.get("MasterCheck")!;
    expect(run.status).toBe(1);
    expect(unwrapped(run.stdout).split("\n")[0]).toMatch(
      /^FAIL: \d+ cells show an error value \(Guide!C2 #NAME\?, .*\); 27 figures: 27 pass,/,
    );
    expect(unwrapped(run.stdout)).toMatch(/, an error value: It shows #NAME\? \(=MasterCheck\)\./);
  });

  test("an error value in a checked cell: exit 1, naming the figure and its cell", () => {
    const run = runs.get("errorInFigure")!;
    const cell = STARTER_NAMES.get("TotalCases")![0];
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n")[0]).toMatch(/^FAIL: \d+ of 27 figures fail \(Step 2 · total cases, /);
    expect(unwrapped(run.stdout)).toContain(
      `'${cell.sheet}'!${cell.address} shows #REF! instead of the total cases`,
    );
  });
});

describe("the same rule without a spreadsheet engine", () => {
  test("a starter workbook without its CaseRates name fails those figures; with a mapping they are left out", () => {
    const { grid } = starterGrid();
    const names = new Map([...STARTER_NAMES].filter(([name]) => name !== "CaseRates"));
    const named = (name: string) => names.get(name);
    const report = buildAuditReport({
      grid,
      locations: locateFields({}, grid.sheetNames, named),
      calculation: { engine: "excel" },
    });
    expect(report.summary).toMatchObject({ result: "fail", figures: 27, fail: 4 });
    expect(report.figures.find((f) => f.figure === "step7.caseRate.B")).toMatchObject({
      verdict: "fail",
      cell: null,
      workbook: null,
    });
    expect(report.notes.join(" ")).toContain(
      "Missing, so their figures fail: caseRates (defined name CaseRates)",
    );

    const mapped = buildAuditReport({
      grid,
      locations: locateFields({ enrollees: "Enrollees" }, grid.sheetNames, named),
      calculation: { engine: "excel" },
    });
    expect(mapped.summary).toMatchObject({ result: "pass", figures: 23 });
  });

  test("an error value in any formula cell fails the audit, though every figure passes", () => {
    const { grid, locations } = starterGrid();
    const cells = [
      ...grid.cells(),
      { sheet: "Checks", address: "D16", formula: "AND(DeletedCheck)", value: { error: "#NAME?" } },
    ];
    const broken = gridOf(grid.sheetNames, cells, STARTER_NAMES);
    const report = buildAuditReport({ grid: broken, locations, calculation: { engine: "excel" } });
    expect(report.figures.filter((f) => f.verdict !== "pass")).toEqual([]);
    expect(report.summary).toMatchObject({ result: "fail", errors: 1 });
    expect(report.summary.line).toBe(
      "FAIL: 1 cell shows an error value (Checks!D16 #NAME?); 27 figures: 27 pass, 0 differ only by the toolkit's rounding; 1 modelling fault.",
    );
  });
});
