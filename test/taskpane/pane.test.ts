/**
 * The pane's logic in Excel mode, against office-addin-mock (no Excel.run: the host takes a runner),
 * and in preview mode against the in-browser workbook: the same controller the DOM drives.
 */
import ExcelJS from "exceljs";
import { readReference } from "../../scripts/functions-reference";
import { functionsCatalog } from "../../scripts/taskpane-functions";
import { validateBuild, DEFAULT_FORM } from "../../src/taskpane/build/buildForm";
import { PaneController } from "../../src/taskpane/controller";
import { excelHost, splitAreas } from "../../src/taskpane/excel/excelHost";
import type { FunctionsCatalog } from "../../src/taskpane/functions/catalog";
import { exampleResultText, FORMATTED_FUNCTIONS } from "../../src/taskpane/functions/exampleResult";
import { PreviewHost } from "../../src/taskpane/preview/previewHost";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { paneMock } from "./paneMock";

let catalog: FunctionsCatalog;

beforeAll(async () => {
  const reference = await readReference();
  catalog = functionsCatalog(reference.metadata, reference);
}, 60_000);

const loadCatalog = async () => catalog;

describe("Excel mode (office-addin-mock)", () => {
  test("Build writes the starter workbook, reports progress, and summarises what it made", async () => {
    const excel = paneMock({ namedText: { TotalBudget: "$24,030,535", CheckStatus: "All checks pass" } });
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    const steps: string[] = [];
    pane.subscribe((state) => {
      if (state.build.phase === "building" && state.build.step) steps.push(state.build.step);
    });
    expect(pane.state.validation.options).toBeDefined();
    expect(await pane.build()).toBe(true);

    const spec = describeStarterWorkbook(starterOptions({ example: true }));
    expect(excel.addedSheets).toEqual(spec.sheets.map((s) => s.name));
    expect(excel.addedNames.map((n) => n.name)).toEqual(spec.names.map((n) => n.name));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps.some((s) => /Writing \d+ sheets/.test(s))).toBe(true);
    const result = pane.state.build.result!;
    expect(pane.state.build.phase).toBe("done");
    expect(result.sheets).toEqual(spec.sheets.map((s) => s.name));
    expect(result.keyFigures).toContainEqual({ label: "Total budget", text: "$24,030,535" });
    expect(result.keyFigures).toContainEqual({ label: "Checks", text: "All checks pass" });
    expect(pane.state.status).toEqual({ kind: "success", text: expect.stringMatching(/^Built 9 sheets/) });

    await pane.showSheet("Case Rates");
    expect(excel.shown).toEqual(["Case Rates"]);
  });

  test("changing an option after a build marks the summary as the previous build, until they match again", async () => {
    const excel = paneMock({ namedText: { TotalBudget: "$24,030,535", CheckStatus: "All checks pass" } });
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    await pane.build();
    expect(pane.state.build).toMatchObject({ phase: "done", stale: false });
    const built = pane.state.build.result;
    pane.setScenario("High");
    expect(pane.state.build).toMatchObject({ stale: true, result: built });
    pane.setProvider(true);
    pane.setExample(false);
    expect(pane.state.build.stale).toBe(true);
    pane.setExample(true);
    pane.setProvider(false);
    pane.setScenario("Medium");
    expect(pane.state.build.stale).toBe(false);
    pane.setLevelsMode("custom");
    expect(pane.state.build.stale).toBe(true);
    pane.setLevelsMode("toolkit");
    await pane.build();
    expect(pane.state.build).toMatchObject({ phase: "done", stale: false });
  });

  test("a workbook that already has an Inputs sheet keeps it; the summary says what was renamed", async () => {
    const excel = paneMock({ existingSheets: ["Inputs"], existingNames: ["Enrollees"] });
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    await pane.build();
    const result = pane.state.build.result!;
    expect(result.sheets).toContain("Inputs (2)");
    expect(result.renamed).toEqual(
      expect.arrayContaining([
        { kind: "sheet", wanted: "Inputs", used: "Inputs (2)" },
        { kind: "name", wanted: "Enrollees", used: "Enrollees_2" },
      ]),
    );
    expect(pane.state.status.text).toMatch(/already in use got another/);
  });

  test("a failing Excel is reported in words", async () => {
    const pane = new PaneController(
      excelHost(async () => {
        throw new Error("The workbook is protected.");
      }),
      loadCatalog,
    );
    expect(await pane.build()).toBe(false);
    expect(pane.state.build.phase).toBe("failed");
    expect(pane.state.status).toEqual({
      kind: "error",
      text: "The workbook was not built: The workbook is protected.",
    });
  });

  test("Insert puts the function in the active cell with the selected cells as its arguments", async () => {
    const excel = paneMock({ selection: "Sheet1!D5, Sheet1!D9, Sheet1!H5", activeCell: "Sheet1!H5" });
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    await pane.loadFunctions();
    expect(await pane.insert("CASES")).toBe(true);
    expect(excel.activeCell.formulas).toEqual([["=VBP.CASES(D5,D9)"]]);
    expect(pane.state.functions.message).toEqual({ kind: "success", text: "Put =VBP.CASES(D5,D9) in H5." });
  });

  test("Insert with only the active cell selected puts the worked example there", async () => {
    const excel = paneMock({ selection: "Sheet1!B2", activeCell: "Sheet1!B2" });
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    await pane.loadFunctions();
    expect(await pane.insert("CASEMIX_CASES")).toBe(true);
    // Array constants cannot hold 20%: the example's shares are written as decimals.
    expect(excel.activeCell.formulas).toEqual([["=VBP.CASEMIX_CASES(3000, {0.2;0.37;0.33;0.1})"]]);
  });

  test("Insert never overwrites a cell, and says why", async () => {
    const excel = paneMock({ selection: "Sheet1!B2", activeCell: "Sheet1!B2", activeFormula: "=1+1" });
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    await pane.loadFunctions();
    expect(await pane.insert("CASES")).toBe(false);
    expect(excel.activeCell.formulas).toEqual([["=1+1"]]);
    expect(pane.state.functions.message?.kind).toBe("error");
    expect(pane.state.functions.message?.text).toMatch(/^B2 is not empty/);
  });

  test("a range where one value is wanted is refused in words", async () => {
    const excel = paneMock({ selection: "Sheet1!D5:D6, Sheet1!D9, Sheet1!H5", activeCell: "Sheet1!H5" });
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    await pane.loadFunctions();
    expect(await pane.insert("CASES")).toBe(false);
    expect(pane.state.functions.message?.text).toMatch(/^enrollees takes one cell, but D5:D6 is a range/);
    expect(excel.activeCell.formulas).toEqual([[""]]);
  });

  test("Insert explains a selection that does not fit, and writes nothing", async () => {
    const cases: [string, string, RegExp][] = [
      [
        "Sheet1!D5, Sheet1!H5",
        "CASES",
        /^VBP\.CASES also needs penetration_rate: you selected 1 of its 2 required arguments\./,
      ],
      [
        "Sheet1!A1, Sheet1!A2, Sheet1!A3, Sheet1!H5",
        "CASES",
        /^VBP\.CASES takes at most 2 arguments \(enrollees and penetration_rate\); you selected 3 ranges besides H5\./,
      ],
      [
        "Sheet1!D5, Sheet1!H4:H6",
        "CASES",
        /^The formula would go in H5, which is inside H4:H6, one of its own arguments\./,
      ],
    ];
    for (const [selection, id, message] of cases) {
      const excel = paneMock({ selection, activeCell: "Sheet1!H5" });
      const pane = new PaneController(excelHost(excel.run), loadCatalog);
      await pane.loadFunctions();
      expect(await pane.insert(id)).toBe(false);
      expect(pane.state.functions.message?.text).toMatch(message);
      expect(pane.state.functions.message?.text).toMatch(/Ctrl\+click/);
      expect(excel.activeCell.formulas).toEqual([[""]]);
    }
  });

  test("a range argument takes a range: CASERATE over a row of hours and one rate", async () => {
    const excel = paneMock({ selection: "Sheet1!D10:G10, Sheet1!D11, Sheet1!D12", activeCell: "Sheet1!D12" });
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    await pane.loadFunctions();
    expect(await pane.insert("CASERATE")).toBe(true);
    expect(excel.activeCell.formulas).toEqual([["=VBP.CASERATE(D10:G10,D11)"]]);
  });

  test("RangeAreas addresses split on commas outside quoted sheet names", () => {
    expect(splitAreas("Sheet1!D5, 'My, sheet'!D9:G9,Sheet1!H5")).toEqual([
      "Sheet1!D5",
      "'My, sheet'!D9:G9",
      "Sheet1!H5",
    ]);
  });
});

describe("the Build form", () => {
  test("the provider model is always offered, and the choice reaches the starter options", () => {
    const pane = new PaneController(excelHost(paneMock().run), loadCatalog);
    expect(pane.state.validation.options?.provider).toBe(false);
    pane.setProvider(true);
    expect(pane.state.validation.options).toEqual(
      starterOptions({ example: true, scenario: "Medium", provider: true }),
    );
  });

  test("a scenario the core refuses: its message beside the scenario, by the field's id", () => {
    const pane = new PaneController(excelHost(paneMock().run), loadCatalog);
    pane.setScenario("Extreme");
    const { errors, options } = pane.state.validation;
    expect(options).toBeUndefined();
    expect(errors).toEqual({ scenario: 'Scenario is "Extreme"; choose Low, Medium or High.' });
  });

  test("the toolkit's example with other levels: the core's message, beside the levels", () => {
    const pane = new PaneController(excelHost(paneMock().run), loadCatalog);
    pane.setLevelsMode("custom");
    // The toolkit's own four, renamed, are still the example's levels.
    pane.setLevel(0, { name: "Maintenance" });
    expect(pane.state.validation.options?.levels[0]).toEqual({ id: "A", name: "Maintenance" });
    pane.setLevelCount("3");
    const { errors, options } = pane.state.validation;
    expect(options).toBeUndefined();
    expect(Object.keys(errors)).toEqual(["levels"]);
    expect(errors.levels).toBe(
      "The toolkit's example has its own four levels of care (A, B, C, D); build it without custom levels.",
    );
  });

  test("custom levels: count, names and ids, checked in words", () => {
    const pane = new PaneController(excelHost(paneMock().run), loadCatalog);
    pane.setExample(false);
    pane.setLevelsMode("custom");
    expect(pane.state.validation.options?.levels.map((l) => l.id)).toEqual(["A", "B", "C", "D"]);

    pane.setLevelCount("two");
    expect(pane.state.validation.errors.levels).toBe(
      "Enter how many levels of care, a whole number from 1 to 10.",
    );
    expect(pane.state.validation.invalidCount).toBe(true);
    pane.setLevelCount("");
    expect(pane.state.validation.errors.levels).toMatch(/^The number of levels is blank/);
    // A number the workbook cannot lay out: the core's message, beside the count, and no rows added.
    pane.setLevelCount("12");
    expect(pane.state.validation.errors.levels).toBe("Levels of care has 12 levels; build with 1 to 10.");
    expect(pane.state.validation.invalidCount).toBe(true);
    expect(pane.state.form.customLevels).toHaveLength(4);
    pane.setLevelCount("0");
    expect(pane.state.validation.errors.levels).toBe("Levels of care has 0 levels; build with 1 to 10.");
    expect(pane.state.validation.invalidCount).toBe(true);

    pane.setLevelCount("6");
    expect(pane.state.form.customLevels.map((l) => l.id)).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(pane.state.validation.errors.levels).toBe("Level 5 has no name; give every level of care a name.");
    expect(pane.state.validation.invalidLevels).toEqual([4]);

    pane.setLevel(4, { name: "Crisis" });
    pane.setLevel(5, { id: "B", name: "Respite" });
    expect(pane.state.validation.errors.levels).toBe(
      'Levels of care lists level "B" twice; each level id must be unique.',
    );
    expect(pane.state.validation.invalidLevels).toEqual([1, 5]);

    pane.setLevel(5, { id: "F" });
    const options = pane.state.validation.options!;
    expect(options.levels).toHaveLength(6);
    expect(options.levels[4]).toEqual({ id: "E", name: "Crisis" });
    // Lowering the count keeps what was typed beyond it.
    pane.setLevelCount("3");
    expect(pane.state.validation.options?.levels).toHaveLength(3);
    pane.setLevelCount("6");
    expect(pane.state.validation.options?.levels[5]).toEqual({ id: "F", name: "Respite" });
  });

  test("Build with errors builds nothing and says what to fix", async () => {
    const excel = paneMock();
    const pane = new PaneController(excelHost(excel.run), loadCatalog);
    pane.setLevelsMode("custom");
    pane.setLevelCount("3");
    expect(await pane.build()).toBe(false);
    expect(excel.runs()).toBe(0);
    expect(pane.state.build.attempted).toBe(true);
    expect(pane.state.status.kind).toBe("error");
    expect(pane.state.status.text).toMatch(/^Not built: one field needs attention\. The toolkit's example/);
  });

  test("the default form is the toolkit's example, driven by Medium", () => {
    expect(validateBuild(DEFAULT_FORM).options).toEqual(
      starterOptions({ example: true, scenario: "Medium" }),
    );
  });
});

describe("the Functions list", () => {
  test("lists functions.json's functions, in its order, each with a description and a worked example", async () => {
    const reference = await readReference();
    const pane = new PaneController(new PreviewHost(), loadCatalog);
    await pane.loadFunctions();
    const views = pane.state.functions.views;
    expect(views.map((v) => v.id)).toEqual(reference.metadata.functions.map((f) => f.id));
    expect(views.map((v) => v.description)).toEqual(reference.metadata.functions.map((f) => f.description));
    for (const view of views) {
      expect(view.syntax).toMatch(new RegExp(`^VBP\\.${view.id}\\(`));
      expect(view.example?.formula).toMatch(new RegExp(`^=VBP\\.${view.id}\\(`));
    }
  });
});

describe("the Functions list's worked results, as Excel formats them", () => {
  test("each function's result is shown in its cell's format: dollars, counts, shares", async () => {
    const pane = new PaneController(new PreviewHost(), loadCatalog);
    await pane.loadFunctions();
    const views = pane.state.functions.views;
    expect([...FORMATTED_FUNCTIONS].sort()).toEqual(views.map((v) => v.id).sort());
    const shown = Object.fromEntries(
      views.map((v) => [v.id, exampleResultText(v.id, v.example?.result ?? "")]),
    );
    expect(shown).toMatchObject({
      CASES: "3,000",
      CASEMIX_CASES: "{600;1,110;990;300}",
      AVERAGE_HOURS: "30.1",
      BLENDED_RATE: "$106.715",
      CASERATE: "{$1,586;$4,759;$12,689;$17,448}",
      CASEMIX_BUDGET: "$24,030,535",
      PMPM: "$66.75",
      IMPLIED_RATE: "$158.6174",
      FTE_NEED: "42.08",
      WITHIN_RANGE: "50%",
      RISK_RESERVE: "$337,697",
      LOSS_PROBABILITY: "54.4%",
    });
    // A table of text and columns of different kinds stays as the reference writes it.
    const table = catalog.functions.find((fn) => fn.id === "CASEMIX_BUDGET")!.examples[1].result;
    expect(exampleResultText("CASEMIX_BUDGET", table)).toBe(table);
    expect(exampleResultText("CASERATE", "4758.6")).toBe("$4,758.60");
  });
});

describe("preview mode (the in-browser workbook)", () => {
  test("Build calculates the example: the total budget as the toolkit prints it", async () => {
    const preview = new PreviewHost({ excelJs: async () => ExcelJS });
    const pane = new PaneController(preview, loadCatalog);
    expect(await pane.build()).toBe(true);
    expect(pane.state.build.result?.keyFigures).toContainEqual({
      label: "Total budget",
      text: "$24,030,535",
    });
    expect(preview.state.activeSheet).toBe("Guide");
    await pane.showSheet("Scenarios");
    expect(preview.state.activeSheet).toBe("Scenarios");
    expect(preview.state.workbook?.calculation.notCalculated).toEqual([]);
  });

  test("the download is the same description written as .xlsx", async () => {
    const preview = new PreviewHost({ excelJs: async () => ExcelJS });
    await new PaneController(preview, loadCatalog).build();
    const { fileName, bytes } = await preview.xlsx();
    expect(fileName).toBe("case-rate-starter-example.xlsx");
    const read = await readXlsx(bytes, ExcelJS);
    expect(read.sheetNames).toEqual(preview.state.workbook?.spec.sheets.map((s) => s.name));
    expect(read.named("TotalBudget")?.[0].formula).toBeDefined();
  });

  test("Insert copies the worked example and says what it does in Excel", async () => {
    const copied: string[] = [];
    const pane = new PaneController(new PreviewHost({ copy: async (t) => void copied.push(t) }), loadCatalog);
    await pane.loadFunctions();
    await pane.insert("CASES");
    expect(copied).toEqual(["=VBP.CASES(30000, 10%)"]);
    expect(pane.state.functions.message?.text).toMatch(
      /^In Excel, Insert puts VBP\.CASES in the active cell/,
    );
  });
});

describe("cell text is never parsed as HTML", () => {
  test("no pane source writes HTML: no innerHTML, outerHTML, insertAdjacentHTML or document.write", () => {
    const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
    const path = jest.requireActual<typeof import("node:path")>("node:path");
    const root = path.join(__dirname, "../../src/taskpane");
    const files: string[] = [];
    const visit = (dir: string) =>
      fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (full.endsWith(".ts")) files.push(full);
      });
    visit(root);
    const offenders = files.filter((file) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(fs.readFileSync(file, "utf8")),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
