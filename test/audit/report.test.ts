import {
  AUDIT_SHEET_TITLE,
  auditSheetSpec,
  buildAuditReport,
  figureRows,
  renderText,
  reportJson,
  locateFields,
} from "../../src/audit";
import { resolveNaming } from "../../src/workbook/freeNames";
import { isFormula } from "../../src/workbook/spec";
import { outputsAt, STARTER_NAMES, starterGrid } from "./starterGrid";

const clean = (() => {
  const { grid, locations } = starterGrid();
  return buildAuditReport({ grid, locations, calculation: { engine: "libreoffice" } });
})();
const broken = (() => {
  const rates = outputsAt(158.61739).CaseRates;
  const { grid, locations } = starterGrid(
    { CaseRates: [rates[0], rates[1], 12000, rates[3]] },
    { constants: ["CaseRates[2]"] },
  );
  return buildAuditReport({
    grid,
    locations,
    calculation: { engine: "cached", note: "LibreOffice is not installed: cached values." },
  });
})();

describe("the report", () => {
  test("text: the summary line first, then notes, the figures table, faults and source notes", () => {
    const text = renderText(clean, "book.xlsx");
    const lines = text.split("\n");
    expect(lines[0]).toBe("PASS: all 27 figures match the toolkit's worked example; no modelling faults.");
    expect(lines[1]).toBe("Workbook: book.xlsx");
    expect(text).toMatch(/^Figure\s+Toolkit\s+Workbook\s+Difference\s+Verdict$/m);
    expect(text).toMatch(
      /^Step 7 · total budget\s+\$24,030,535\s+\$24,030,534\.585\s+-\$0\.415\s+pass\n {4}Levels A/m,
    );
    expect(text).toMatch(/^Step 2 · cases at the low penetration rate\s+2,700\s+2,700\s+0\s+pass$/m);
    expect(text).toContain("Faults in the formulas (the FAST Standard's modelling faults): none");
    expect(text).toContain("- Step 4's prose gives level B 27%");
    // The ids are the JSON's: the text names each figure as the toolkit does.
    expect(text).not.toMatch(/step\d\.|cohorts\.B|\bCore\b|the command line|\(FAST\)/);
  });

  test("a failing audit says which figures fail in its first line, and the fallback plainly", () => {
    expect(broken.summary).toMatchObject({ result: "fail", fail: 1, faults: 1 });
    const text = renderText(broken);
    expect(text.split("\n")[0]).toBe(
      "FAIL: 1 of 27 figures fail (Step 7 · case rate of level C); 26 pass, 0 differ only by the toolkit's",
    );
    expect(broken.summary.line).toBe(
      "FAIL: 1 of 27 figures fail (Step 7 · case rate of level C); 26 pass, 0 differ only by the toolkit's rounding; 1 modelling fault.",
    );
    expect(text).toMatch(
      /^- 'Case Rates'!F12, a number typed over a formula: It holds the typed number 12,000 among formulas/m,
    );
    expect(text.split("\n")[2]).toBe("Note: LibreOffice is not installed: cached values.");
  });

  test("the text fits 100 columns: a clean report, a failing one, one missing names, a long path", () => {
    const { grid } = starterGrid({ TotalBudget: [{ error: "#REF!" }] });
    const named = (name: string) => (name === "CaseRates" ? undefined : STARTER_NAMES.get(name));
    const missing = buildAuditReport({
      grid,
      locations: locateFields({}, grid.sheetNames, named),
      calculation: { engine: "cached", note: "LibreOffice is not installed: cached values." },
    });
    expect(missing.summary.fail).toBeGreaterThan(4);
    const file = `/a/very/long/folder/name/${"x".repeat(120)}/book.xlsx`;
    for (const report of [clean, broken, missing]) {
      const lines = renderText(report, file).split("\n");
      expect(lines.filter((line) => line.length > 100)).toEqual([]);
    }
  });

  test("JSON: per figure its id, printed, workbook and core values, difference, verdict and explanation", () => {
    const json = reportJson(clean, "book.xlsx") as { figures: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual([
      "file",
      "summary",
      "calculation",
      "figures",
      "faults",
      "sourceNotes",
      "notes",
    ]);
    for (const figure of json.figures) {
      expect(Object.keys(figure)).toEqual(
        expect.arrayContaining([
          "figure",
          "published",
          "workbook",
          "core",
          "difference",
          "verdict",
          "explanation",
        ]),
      );
    }
    expect(json.figures.find((f) => f.figure === "step7.caseRate.C")).toMatchObject({
      published: 12689,
      workbook: 12689.3912,
      difference: 0.3912,
      verdict: "pass",
      cell: "'Case Rates'!F12",
    });
  });

  test("the Audit sheet: summary at the top, then every figure and its explanation; constants only", () => {
    const name = resolveNaming(["Inputs", "Audit"], [], ["Audit"], []).sheet("Audit");
    expect(name).toBe("Audit (2)");
    const sheet = auditSheetSpec(broken, name, { auditedAt: "1 Jan 2027, 09:00" });
    expect(sheet.name).toBe("Audit (2)");
    const cells = sheet.blocks.flatMap((block) => block.rows.flat());
    expect(cells.some((c) => c !== null && isFormula(c))).toBe(false);
    const texts = cells.filter((c): c is string => typeof c === "string");
    expect(texts.slice(0, 3)).toEqual([AUDIT_SHEET_TITLE, broken.summary.line, "Audited 1 Jan 2027, 09:00"]);
    const rows = figureRows(broken);
    for (const [figure, , , , , verdict, explanation] of rows) {
      expect(texts).toContain(figure);
      expect(texts).toContain(verdict);
      expect(texts).toContain(explanation);
    }
    expect(texts.indexOf("Figure")).toBeLessThan(texts.indexOf("Step 2 · cases at the low penetration rate"));
    expect(texts.lastIndexOf("Modelling faults (FAST)")).toBeGreaterThan(
      texts.indexOf("Step 7 · budget per member per month (PMPM)"),
    );
    expect(texts.lastIndexOf("number-over-formula")).toBeGreaterThan(
      texts.lastIndexOf("Modelling faults (FAST)"),
    );
    expect(sheet.printArea).toMatch(/^A1:H\d+$/);
  });
});
