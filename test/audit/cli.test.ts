/**
 * `case-rate audit` on real .xlsx files recalculated by LibreOffice: the example starter workbook
 * audits clean, broken workbooks are caught by figure and fault, the exit codes, the JSON, and the
 * audited file is never touched. Every workbook the in-process audits need is recalculated in one
 * LibreOffice call; the spawned commands run side by side.
 */
import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  type AuditReport,
  cellsOfRange,
  type FigureResult,
  parseReference,
  renderText,
} from "../../src/audit";
import { auditXlsxFiles } from "../../src/cli/audit";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { MAIN_HELP, run } from "../../src/cli/main";
import { parseCell } from "../../src/workbook/a1";
import { isFormula } from "../../src/workbook/spec";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { editedCopy, tempDir, writeSpec } from "../helpers/starterFiles";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");
const spec = describeStarterWorkbook(starterOptions({ example: true }));
const reference = (name: string) => spec.names.find((n) => n.name === name)!.reference;
/** "'Case Rates'!$D$12:$G$12" → sheet and the cells' addresses. */
function cellsOf(name: string): { sheet: string; addresses: string[] } {
  const parsed = parseReference(reference(name));
  if (parsed === null || parsed.kind !== "range") throw new Error(name);
  return { sheet: parsed.sheet, addresses: cellsOfRange(parsed.sheet, parsed.range).map((c) => c.address) };
}

/** The formula the starter workbook writes in a cell, without "=". */
function specFormula(sheet: string, address: string): string {
  const target = parseCell(address);
  for (const block of spec.sheets.find((s) => s.name === sheet)!.blocks) {
    const origin = parseCell(block.address);
    const content = block.rows[target.row - origin.row]?.[target.column - origin.column];
    if (content !== undefined && content !== null && isFormula(content)) return content.formula;
  }
  throw new Error(`${sheet}!${address} holds no formula`);
}

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function caseRate(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describeWithLibreOffice("case-rate audit (LibreOffice)", (soffice) => {
  let dir = "";
  let example = "";
  const reports = new Map<string, AuditReport>();
  const runs = new Map<string, Run>();
  let exampleBefore: { bytes: Buffer; mtimeMs: number };

  const figure = (file: string, id: string): FigureResult => {
    const found = reports.get(file)!.figures.find((f) => f.figure === id);
    if (!found) throw new Error(`${file} has no figure ${id}`);
    return found;
  };

  beforeAll(async () => {
    dir = tempDir("audit");
    example = await writeSpec(spec, dir, "example");
    const caseRates = cellsOf("CaseRates");
    const budgets = cellsOf("LevelBudgets");
    const total = cellsOf("TotalBudget");
    const caseRatesSheet = (book: ExcelJS.Workbook) => book.getWorksheet(caseRates.sheet)!;
    const files = {
      example,
      blank: await writeSpec(describeStarterWorkbook(starterOptions({ example: false })), dir, "blank"),
      typedOver: await editedCopy(example, dir, "typed-over", (book) => {
        caseRatesSheet(book).getCell(caseRates.addresses[2]).value = 12689;
      }),
      wrongRange: await editedCopy(example, dir, "wrong-range", (book) => {
        caseRatesSheet(book).getCell(total.addresses[0]).value = {
          formula: `IF(InputsComplete,SUM(${budgets.addresses[0]}:${budgets.addresses[2]}),"enter inputs")`,
        } as ExcelJS.CellFormulaValue;
      }),
      typed158: await editedCopy(example, dir, "typed-158", (book) => {
        const formula = specFormula(caseRates.sheet, caseRates.addresses[2]);
        caseRatesSheet(book).getCell(caseRates.addresses[2]).value = {
          formula: formula.replace(/\*([A-Z]+\d+)/, "*158"),
        } as ExcelJS.CellFormulaValue;
      }),
      rounded: await editedCopy(example, dir, "rounded", (book) => {
        for (const address of caseRates.addresses) {
          const formula = specFormula(caseRates.sheet, address);
          caseRatesSheet(book).getCell(address).value = {
            formula: formula.replace(
              /^IF\(InputsComplete,(.*),"enter inputs"\)$/,
              'IF(InputsComplete,ROUND($1,0),"enter inputs")',
            ),
          } as ExcelJS.CellFormulaValue;
        }
      }),
    };
    const mapping = path.join(dir, "mapping.json");
    // Outputs read from the wrong row: the average hours row, three above the case rates.
    const hoursRow = Number(caseRates.addresses[0].slice(1)) - 2;
    writeFileSync(
      mapping,
      JSON.stringify({
        enrollees: reference("Enrollees"),
        caseRates: `'${caseRates.sheet}'!D${hoursRow}:G${hoursRow}`,
      }),
    );
    const badMapping = path.join(dir, "bad-mapping.json");
    writeFileSync(badMapping, JSON.stringify({ caseRate: "Inputs!D5" }));
    const notXlsx = path.join(dir, "notes.xlsx");
    writeFileSync(notXlsx, "not a workbook");
    const unnamed = new ExcelJS.Workbook();
    unnamed.addWorksheet("Sheet1").getCell("A1").value = 1;
    const plain = path.join(dir, "plain.xlsx");
    await unnamed.xlsx.writeFile(plain);

    const stat = statSync(example);
    exampleBefore = { bytes: readFileSync(example), mtimeMs: stat.mtimeMs };

    // One LibreOffice call for every in-process audit, one for the cached-values copy.
    const [audited, [recalculated]] = await Promise.all([
      auditXlsxFiles(
        [
          ...Object.values(files).map((file) => ({ path: file })),
          { path: example, mapping: JSON.parse(readFileSync(mapping, "utf8")) },
        ],
        soffice,
      ),
      recalculateWithLibreOffice(soffice, [example]),
    ]);
    Object.keys(files).forEach((key, i) => reports.set(key, audited[i].report));
    reports.set("mapped", audited[audited.length - 1].report);
    const saved = path.join(dir, "saved-by-libreoffice.xlsx");
    writeFileSync(saved, readFileSync(recalculated));
    rmSync(path.dirname(path.dirname(recalculated)), { recursive: true, force: true });

    // A file a program wrote with formulas only, never calculated: the starter's, its values dropped.
    const uncalculated = new ExcelJS.Workbook();
    await uncalculated.xlsx.readFile(example);
    uncalculated.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula)
            cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const neverCalculated = path.join(dir, "never-calculated.xlsx");
    await uncalculated.xlsx.writeFile(neverCalculated);

    const none = { LIBREOFFICE_PATH: path.join(dir, "no-soffice-here") };
    const commands: [string, string[], Record<string, string>?][] = [
      ["json", ["audit", example, "--json"]],
      ["text", ["audit", files.typedOver]],
      ["missing", ["audit", path.join(dir, "missing.xlsx")]],
      ["notXlsx", ["audit", notXlsx]],
      ["readme", ["audit", "README.md"]],
      ["plain", ["audit", plain]],
      ["badMapping", ["audit", example, "--map", badMapping]],
      ["twoFiles", ["audit", example, example]],
      ["cachedSaved", ["audit", saved], none],
      ["cachedFresh", ["audit", example], none],
      ["cachedNever", ["audit", neverCalculated, "--json"], none],
    ];
    const results = await Promise.all(commands.map(([, args, env]) => caseRate(args, env)));
    commands.forEach(([key], i) => runs.set(key, results[i]));
  }, 180_000);

  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  test("the example starter workbook audits clean: every figure passes, no modelling faults", () => {
    const report = reports.get("example")!;
    expect(report.calculation).toEqual({ engine: "libreoffice" });
    expect(
      report.figures.filter((f) => f.verdict !== "pass").map((f) => `${f.figure}: ${f.explanation}`),
    ).toEqual([]);
    expect(report.faults).toEqual([]);
    expect(report.summary.line).toBe(
      "PASS: all 27 figures match the toolkit's worked example; no modelling faults.",
    );
  });

  test("no line of the text report is over 100 characters: the example, a blank workbook, failing ones", () => {
    expect(reports.get("blank")!.summary.result).toBe("pass");
    for (const key of ["example", "blank", "typedOver", "wrongRange", "typed158", "mapped"]) {
      const text = renderText(reports.get(key)!, path.join(dir, `${key}.xlsx`));
      expect(text.split("\n").filter((line) => line.length > 100)).toEqual([]);
    }
    expect(
      runs
        .get("text")!
        .stdout.split("\n")
        .filter((line) => line.length > 100),
    ).toEqual([]);
  });

  test("a case rate typed over with a number: that figure fails, and the typed-over cell is the fault", () => {
    const report = reports.get("typedOver")!;
    const c = cellsOf("CaseRates");
    expect(figure("typedOver", "step7.caseRate.C")).toMatchObject({ verdict: "fail", workbook: 12689 });
    expect(figure("typedOver", "step7.caseRate.C").explanation).toMatch(
      /holds the typed number \$12,689, not a formula/,
    );
    expect(figure("typedOver", "step7.budget.C").explanation).toMatch(
      /follows from the case rate of level C, which fails/,
    );
    expect(report.faults).toEqual([
      expect.objectContaining({ sheet: c.sheet, cell: c.addresses[2], kind: "number-over-formula" }),
    ]);
  });

  test("a budget total summing the wrong range: the total fails naming the level left out, and the row's fault", () => {
    const report = reports.get("wrongRange")!;
    const total = figure("wrongRange", "step7.budget.total");
    expect(total.verdict).toBe("fail");
    expect(total.explanation).toMatch(
      /it adds up levels A, B and C only and leaves out level D \(\$5,234,373\.87\)/,
    );
    expect(report.figures.filter((f) => f.verdict === "fail").map((f) => f.figure)).toEqual([
      "step7.budget.total",
      "step7.pmpm",
    ]);
    expect(report.faults).toEqual([
      expect.objectContaining({ cell: cellsOf("TotalBudget").addresses[0], kind: "inconsistent-row" }),
    ]);
  });

  test("a rate of 158 typed inside a formula: the case rate fails, and the number and the row are the faults", () => {
    const report = reports.get("typed158")!;
    const cell = cellsOf("CaseRates").addresses[2];
    expect(figure("typed158", "step7.caseRate.C")).toMatchObject({ verdict: "fail", workbook: 12640 });
    expect(report.faults.map((f) => `${f.cell} ${f.kind}`)).toEqual([
      `${cell} number-in-formula`,
      `${cell} inconsistent-row`,
    ]);
    expect(report.faults[0].explanation).toContain("has 158 typed inside");
  });

  test("case rates rounded to whole dollars differ only by the toolkit's rounding", () => {
    const report = reports.get("rounded")!;
    expect(report.summary.result).toBe("pass");
    expect(figure("rounded", "step7.caseRate.C")).toMatchObject({ verdict: "rounding", workbook: 12689 });
    expect(figure("rounded", "step7.budget.C")).toMatchObject({ verdict: "rounding", workbook: 12562110 });
    expect(report.faults).toEqual([]);
  });

  test("a mapping says where the fields are; outputs mapped to the wrong row fail", () => {
    const report = reports.get("mapped")!;
    expect(report.notes[0]).toContain(`went into ${reference("Enrollees")}, PenetrationRates`);
    expect(figure("mapped", "step7.caseRate.A")).toMatchObject({ verdict: "fail", workbook: 10 });
  });

  test("exit 0 and the JSON: summary, and per figure figure, published, workbook, core, difference, verdict, explanation", () => {
    const run = runs.get("json")!;
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.file).toBe("example.xlsx");
    expect(json.summary).toMatchObject({
      result: "pass",
      figures: 27,
      pass: 27,
      rounding: 0,
      fail: 0,
      faults: 0,
    });
    expect(json.calculation).toEqual({ engine: "libreoffice" });
    expect(json.faults).toEqual([]);
    for (const f of json.figures) {
      expect(typeof f.figure).toBe("string");
      expect(f.published === null || typeof f.published === "number").toBe(true);
      expect(typeof f.workbook).toBe("number");
      expect(typeof f.core).toBe("number");
      expect(typeof f.difference).toBe("number");
      expect(f.verdict).toBe("pass");
      expect(f.explanation).toMatch(/\.$/);
    }
    expect(json.figures.find((f: { figure: string }) => f.figure === "step7.budget.total")).toMatchObject({
      published: 24030535,
      workbook: 24030534.585,
      core: 24030534.585,
      difference: -0.415,
    });
  });

  test("the audited file is byte-identical afterwards, and its modification time unchanged", () => {
    const stat = statSync(example);
    expect(readFileSync(example).equals(exampleBefore.bytes)).toBe(true);
    expect(stat.mtimeMs).toBe(exampleBefore.mtimeMs);
  });

  test("exit 1 when a figure fails: the summary line first names it", () => {
    const run = runs.get("text")!;
    expect(run.status).toBe(1);
    const summary = run.stdout.replace(/\n +/g, " ").split("\n")[0];
    expect(summary).toMatch(
      /^FAIL: 4 of 27 figures fail \(Step 7 · case rate of level C, Step 7 · total costs of level C, Step 7 · total budget, Step 7 · budget per member per month \(PMPM\)\)/,
    );
    expect(run.stdout).toMatch(/^Figure\s+Toolkit\s+Workbook\s+Difference\s+Verdict$/m);
    expect(run.stdout).toContain("Faults in the formulas (the FAST Standard's modelling faults): 1.");
  });

  test.each([
    ["missing", /^case-rate: .*missing\.xlsx: no such file\.\n$/],
    ["notXlsx", /^case-rate: .*notes\.xlsx is not an Excel workbook \(\.xlsx\)\.\n$/],
    ["readme", /^case-rate: README\.md is not an Excel workbook \(\.xlsx\)\.\n$/],
    [
      "plain",
      /^case-rate: .*plain\.xlsx: none of the cells the audit reads were found .*--map MAPPING\.json.*\n$/,
    ],
    [
      "badMapping",
      /^case-rate: .*bad-mapping\.json: the mapping has an unknown field "caseRate"; fields are .*\.\n$/,
    ],
    ["twoFiles", /^case-rate: audit takes one FILE\.xlsx; see 'case-rate audit --help'\.\n$/],
  ])("exit 2 on unusable input (%s): one line on stderr", (key, message) => {
    const run = runs.get(key)!;
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });

  test("without LibreOffice it says so plainly and audits the values the file last saved", () => {
    const saved = runs.get("cachedSaved")!;
    expect(saved.status).toBe(0);
    expect(saved.stderr).toMatch(/^case-rate: LibreOffice is not installed .* nothing was recalculated/);
    expect(saved.stdout.split("\n")[0]).toBe(
      "PASS: all 27 figures match the toolkit's worked example; no modelling faults.",
    );
    expect(saved.stdout).toContain("Note: LibreOffice is not installed");
    expect(saved.stdout).toContain(
      "The file's inputs are the example's, so its saved values can be compared.",
    );

    // The starter writes each formula's value, so its own file audits clean without LibreOffice.
    const fresh = runs.get("cachedFresh")!;
    expect(fresh.status).toBe(0);
    expect(fresh.stdout.split("\n")[0]).toBe(
      "PASS: all 27 figures match the toolkit's worked example; no modelling faults.",
    );
    expect(fresh.stdout).not.toMatch(/no saved value/);

    const never = runs.get("cachedNever")!;
    expect(never.status).toBe(1);
    const json = JSON.parse(never.stdout);
    expect(json.calculation.engine).toBe("cached");
    expect(json.notes.join(" ")).toMatch(
      /formulas have no saved value: the file was written by a program and never calculated/,
    );
  });
});

test("the audit command is listed in the main help and has its own", async () => {
  expect(MAIN_HELP).toContain("audit FILE.xlsx [--json]");
  let out = "";
  const code = await run(["audit", "--help"], { out: (t) => (out += t), err: () => undefined });
  expect(code).toBe(0);
  expect(out).toMatch(/^Usage: case-rate audit FILE\.xlsx \[--json\] \[--map MAPPING\.json\]/);
  expect(out).toContain(
    "Exit codes: 0 every figure is pass or rounding; 1 a figure fails; 2 FILE or the mapping is unusable.",
  );
});
