import { writeWorkbook } from "../../src/taskpane/excel/writeWorkbook";
import { isFormula } from "../../src/workbook/spec";
import {
  describeStarterWorkbook,
  STARTER_NAMES,
  STARTER_SHEETS,
  starterOptions,
} from "../../src/workbook/starter";
import { excelMock } from "../helpers/excelMock";

const wanted = { sheets: STARTER_SHEETS, names: STARTER_NAMES };
const describeExample = starterOptions({ example: true });

describe("Office.js writer", () => {
  test("writes the whole starter workbook in two syncs, never one per cell", async () => {
    const excel = excelMock();
    const report = await writeWorkbook(excel.context, wanted, (naming) =>
      describeStarterWorkbook(describeExample, naming),
    );
    expect(excel.syncs()).toBe(2);
    expect(report.syncs).toBe(2);
    const spec = describeStarterWorkbook(describeExample);
    const blocks = spec.sheets.reduce((n, sheet) => n + sheet.blocks.length, 0);
    const cells = spec.sheets.reduce(
      (n, sheet) =>
        n + sheet.blocks.reduce((m, block) => m + block.rows.reduce((k, row) => k + row.length, 0), 0),
      0,
    );
    const formulaWrites = excel.ranges.filter((range) => Array.isArray(range.mock.formulas));
    expect(formulaWrites).toHaveLength(blocks);
    expect(blocks).toBeLessThan(cells / 2);
  });

  test("every cell of the description reaches Excel, formulas with their =", async () => {
    const excel = excelMock();
    await writeWorkbook(excel.context, wanted, (naming) => describeStarterWorkbook(describeExample, naming));
    const written = new Map(
      excel.ranges
        .filter((r) => Array.isArray(r.mock.formulas))
        .map((r) => [`${r.sheet}!${r.address.split(":")[0]}`, r.mock.formulas as unknown[][]]),
    );
    for (const sheet of describeStarterWorkbook(describeExample).sheets) {
      for (const block of sheet.blocks) {
        const cells = written.get(`${sheet.name}!${block.address}`);
        expect(cells).toBeDefined();
        block.rows.forEach((row, r) =>
          row.forEach((content, c) => {
            const expected = content === null ? "" : isFormula(content) ? `=${content.formula}` : content;
            expect(cells?.[r][c]).toBe(expected);
          }),
        );
      }
    }
  });

  test("adds the sheets and workbook-scoped names, and opens the Guide", async () => {
    const excel = excelMock();
    const report = await writeWorkbook(excel.context, wanted, (naming) =>
      describeStarterWorkbook(describeExample, naming),
    );
    expect(excel.addedSheets).toEqual([...STARTER_SHEETS]);
    expect(excel.addedNames.map((n) => n.name).sort()).toEqual([...STARTER_NAMES].sort());
    expect(excel.addedNames.find((n) => n.name === "Enrollees")?.reference).toMatch(/^=Inputs!\$D\$\d+$/);
    expect(excel.activated).toEqual(["Guide"]);
    expect(report.renamed).toEqual([]);
  });

  test("never overwrites: a taken sheet or name gets the next free one and formulas follow", async () => {
    const excel = excelMock(["Inputs", "Case Rates", "case rates (2)"], ["Enrollees"]);
    const report = await writeWorkbook(excel.context, wanted, (naming) =>
      describeStarterWorkbook(describeExample, naming),
    );
    expect(excel.addedSheets).toEqual([
      "Guide",
      "Inputs (2)",
      "Case Rates (3)",
      "Scenarios",
      "Metrics",
      "Checks",
    ]);
    expect(report.renamed).toEqual([
      { kind: "sheet", wanted: "Inputs", used: "Inputs (2)" },
      { kind: "sheet", wanted: "Case Rates", used: "Case Rates (3)" },
      { kind: "name", wanted: "Enrollees", used: "Enrollees_2" },
    ]);
    const formulas = excel.ranges.flatMap((r) =>
      Array.isArray(r.mock.formulas) ? (r.mock.formulas as unknown[][]).flat() : [],
    );
    const text = formulas.filter((f): f is string => typeof f === "string" && f.startsWith("=")).join("\n");
    expect(text).toContain("Enrollees_2*");
    expect(text).toContain("'Inputs (2)'!");
    expect(text).not.toMatch(/(^|[^_\w])Enrollees\*/m);
    expect(text).not.toMatch(/(^|[^'])Inputs!/m);
    expect(excel.addedNames.find((n) => n.name === "TotalCases")?.reference).toMatch(/^='Case Rates \(3\)'!/);
  });

  test("inputs get validation with an input message; checks get a green/red highlight", async () => {
    const excel = excelMock();
    await writeWorkbook(excel.context, wanted, (naming) => describeStarterWorkbook(describeExample, naming));
    const validated = excel.ranges.filter(
      (r) => (r.mock.dataValidation as Record<string, unknown>).rule !== undefined,
    );
    expect(validated.length).toBeGreaterThan(5);
    for (const range of validated) {
      const validation = range.mock.dataValidation as { prompt: { showPrompt: boolean; message: string } };
      expect(validation.prompt.showPrompt).toBe(true);
      expect(validation.prompt.message.length).toBeGreaterThan(10);
    }
  });
});
