import { PaneController } from "../../src/taskpane/controller";
import { excelHost } from "../../src/taskpane/excel/excelHost";
import type { FunctionsCatalog } from "../../src/taskpane/functions/catalog";
import { writeWorkbook } from "../../src/taskpane/excel/writeWorkbook";
import { isFormula } from "../../src/workbook/spec";
import { describeStarterWorkbook, starterOptions, starterWanted } from "../../src/workbook/starter";
import { parseCell, parseSheetReference } from "../../src/workbook/a1";
import { CHART_SHEETS, describeChartWorkbook } from "../helpers/chartWorkbook";
import { excelMock } from "../helpers/excelMock";

const describeExample = starterOptions({ example: true });
const wanted = starterWanted(describeExample);

describe("Office.js writer", () => {
  test("writes the whole starter workbook in two syncs, a sheet's cells in one range write", async () => {
    const excel = excelMock();
    const report = await writeWorkbook(excel.context, wanted, (naming) =>
      describeStarterWorkbook(describeExample, naming),
    );
    expect(excel.syncs()).toBe(2);
    expect(report.syncs).toBe(2);
    const spec = describeStarterWorkbook(describeExample);
    const formulaWrites = excel.ranges.filter((range) => Array.isArray(range.mock.formulas));
    expect(formulaWrites.map((range) => range.sheet)).toEqual(spec.sheets.map((sheet) => sheet.name));
    const formats = spec.sheets.reduce((n, sheet) => n + sheet.formats.length, 0);
    expect(report.rangeWrites).toBeLessThan(formats / 2);
  });

  test("every cell of the description reaches Excel, formulas with their =", async () => {
    const excel = excelMock();
    await writeWorkbook(excel.context, wanted, (naming) => describeStarterWorkbook(describeExample, naming));
    const written = new Map(
      excel.ranges
        .filter((r) => Array.isArray(r.mock.formulas))
        .map((r) => [r.sheet, { address: r.address, cells: r.mock.formulas as unknown[][] }]),
    );
    for (const sheet of describeStarterWorkbook(describeExample).sheets) {
      const grid = written.get(sheet.name);
      expect(grid?.address).toMatch(/^A1:[A-Z]+\d+$/);
      let checked = 0;
      for (const block of sheet.blocks) {
        const origin = parseCell(block.address);
        block.rows.forEach((row, r) =>
          row.forEach((content, c) => {
            const expected = content === null ? "" : isFormula(content) ? `=${content.formula}` : content;
            expect(grid?.cells[origin.row + r - 1][origin.column + c - 1]).toBe(expected);
            checked++;
          }),
        );
      }
      const nonEmpty = grid!.cells.flat().filter((cell) => cell !== "").length;
      expect(nonEmpty).toBeLessThanOrEqual(checked);
    }
  });

  test("number formats and styles land on the described cells, the last format winning", async () => {
    const excel = excelMock();
    await writeWorkbook(excel.context, wanted, (naming) => describeStarterWorkbook(describeExample, naming));
    const inputs = describeStarterWorkbook(describeExample).names.find((n) => n.name === "CaseMix")!;
    const caseMix = parseSheetReference(inputs.reference).address.replace(/\$/g, "").split(":")[0];
    const at = parseCell(caseMix);
    const grid = excel.ranges.find((r) => r.sheet === "Inputs" && Array.isArray(r.mock.numberFormat))!;
    expect((grid.mock.numberFormat as string[][])[at.row - 1][at.column - 1]).toBe("0%");
    const yellow = excel.ranges.filter(
      (r) =>
        r.sheet === "Inputs" &&
        ((r.mock.format as { fill: { color?: string } }).fill.color ?? "") === "#FFF2CC",
    );
    expect(yellow.some((r) => r.address.split(",").some((area) => area.startsWith(caseMix)))).toBe(true);
  });

  test("adds the sheets and workbook-scoped names, and opens the Guide", async () => {
    const excel = excelMock();
    const report = await writeWorkbook(excel.context, wanted, (naming) =>
      describeStarterWorkbook(describeExample, naming),
    );
    expect(excel.addedSheets).toEqual(wanted.sheets);
    expect(excel.addedNames.map((n) => n.name).sort()).toEqual([...wanted.names].sort());
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
      "Risk",
      "Metrics",
      "Contract",
      "Settlement",
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

describe("Office.js writer: native charts", () => {
  const chartSheets = { sheets: [...CHART_SHEETS], names: [] };

  test("adds each chart with its series, categories, colours, overlap, axis format, title and place, still in two syncs", async () => {
    const excel = excelMock();
    const report = await writeWorkbook(excel.context, chartSheets, (naming) => describeChartWorkbook(naming));
    expect(excel.syncs()).toBe(2);
    expect(report.syncs).toBe(2);
    const described = describeChartWorkbook().sheets.flatMap((sheet) => sheet.charts);
    expect(excel.charts).toHaveLength(described.length);
    excel.charts.forEach((chart, i) => {
      const spec = described[i];
      expect(chart.sheet).toBe("Dashboard");
      expect(chart.type).toBe(spec.kind === "bar" ? "BarClustered" : "ColumnClustered");
      // The default series Excel makes from the source goes first, then each described one.
      expect(chart.steps).toEqual(["delete 0", ...spec.series.map((s) => `add ${s.name}`)]);
      const unquoted = (reference: string) => {
        const { sheet, address } = parseSheetReference(reference);
        return `${sheet}!${address.replace(/\$/g, "")}`;
      };
      expect(chart.source).toBe(unquoted(spec.series[0].values));
      expect(chart.series).toEqual(
        spec.series.map((s) => ({
          name: s.name,
          values: unquoted(s.values),
          xAxisValues: unquoted(spec.categories),
          fill: `#${s.color}`,
          overlap: spec.overlap,
          gapWidth: spec.gapWidth,
        })),
      );
      expect((chart.mock.axes as { valueAxis: { numberFormat?: string } }).valueAxis.numberFormat).toBe(
        spec.valueAxisFormat,
      );
      expect((chart.mock.title as { text: string }).text).toBe(spec.title);
      expect(chart.position).toEqual({ from: spec.from, to: spec.to });
      expect((chart.mock.legend as { visible: boolean }).visible).toBe(true);
    });
  });

  test("a column of values makes one series by columns; a bar chart reads top to bottom", async () => {
    const excel = excelMock();
    await writeWorkbook(excel.context, chartSheets, (naming) => describeChartWorkbook(naming));
    const [column, bar] = excel.charts;
    expect(column.seriesBy).toBe("Columns");
    const axes = (chart: typeof bar) =>
      chart.mock.axes as { categoryAxis: { reversePlotOrder?: boolean; position?: string } };
    expect(axes(bar).categoryAxis).toMatchObject({ reversePlotOrder: true, position: "Maximum" });
    expect(axes(column).categoryAxis.reversePlotOrder).toBeUndefined();
  });

  test("charts come after every cell is written, and follow renamed sheets", async () => {
    const excel = excelMock(["Model Data"]);
    await writeWorkbook(excel.context, chartSheets, (naming) => describeChartWorkbook(naming));
    expect(excel.charts[0].series[1].values).toBe("Model Data (2)!D3:D6");
    const lastFormulaWrite = Math.max(
      ...excel.ranges.map((r, i) => (Array.isArray(r.mock.formulas) ? i : -1)),
    );
    const firstChartRange = excel.ranges.findIndex(
      (r) => `${r.sheet}!${r.address}` === excel.charts[0].source,
    );
    expect(firstChartRange).toBeGreaterThan(lastFormulaWrite);
  });

  test("a row of values makes its one series by rows; data on a sheet already there is found", async () => {
    const excel = excelMock(["Sheet1"]);
    await writeWorkbook(excel.context, { sheets: ["Chart"], names: [] }, () => ({
      sheets: [
        {
          ...describeChartWorkbook().sheets[0],
          name: "Chart",
          charts: [
            {
              kind: "column",
              title: "By month",
              from: "B2",
              to: "H12",
              categories: "Sheet1!$B$1:$M$1",
              series: [{ name: "Cases", values: "Sheet1!$B$2:$M$2", color: "4472C4" }],
              legend: "bottom",
              overlap: 0,
              gapWidth: 80,
              valueAxisFormat: "#,##0",
            },
          ],
        },
      ],
      names: [],
    }));
    expect(excel.charts[0]).toMatchObject({
      sheet: "Chart",
      seriesBy: "Rows",
      source: "Sheet1!B2:M2",
      series: [{ name: "Cases", values: "Sheet1!B2:M2", xAxisValues: "Sheet1!B1:M1" }],
    });
    expect(excel.syncs()).toBe(2);
  });
});

describe("Office.js writer: a failed build leaves nothing half-built", () => {
  const build = (excel: ReturnType<typeof excelMock>) =>
    writeWorkbook(excel.context, wanted, (naming) => describeStarterWorkbook(describeExample, naming));

  test("when the second sync fails, the sheets and names it added are removed, and it says so", async () => {
    const excel = excelMock(["Sheet1"], ["MyRate"], { failSync: 2, failure: "The workbook is full." });
    await expect(build(excel)).rejects.toThrow(
      "The build stopped (The workbook is full); the sheets and names it had added were removed, and your workbook is as it was.",
    );
    expect(excel.deletedSheets.sort()).toEqual([...wanted.sheets].sort());
    expect(excel.deletedNames.sort()).toEqual([...wanted.names].sort());
    // One sync to read what is taken, the failed one, one to read what is there, one to delete.
    expect(excel.syncs()).toBe(4);
  });

  test("never removes a sheet or name of the user's, even one the description wanted", async () => {
    const excel = excelMock(["Sheet1", "Inputs"], ["Enrollees", "MyRate"], { failSync: 2 });
    await expect(build(excel)).rejects.toThrow(/were removed/);
    expect(excel.deletedSheets).not.toContain("Inputs");
    expect(excel.deletedSheets).not.toContain("Sheet1");
    expect(excel.deletedSheets).toContain("Inputs (2)");
    expect(excel.deletedNames).not.toContain("Enrollees");
    expect(excel.deletedNames).not.toContain("MyRate");
    expect(excel.deletedNames).toContain("Enrollees_2");
  });

  test("when removing fails too, it says which sheets to delete by hand", async () => {
    const excel = excelMock(["Sheet1"], [], { failSync: 2 });
    const sync = excel.context.sync.bind(excel.context);
    let calls = 0;
    (excel.context as unknown as { sync: () => Promise<void> }).sync = async () => {
      calls++;
      if (calls === 4) throw new Error("The connection was lost.");
      await sync();
    };
    await expect(build(excel)).rejects.toThrow(
      /removing what it had added failed too \(The connection was lost\): delete the sheets "Guide", "Inputs"/,
    );
  });

  test("the pane tells the user the build was undone", async () => {
    const excel = excelMock(["Sheet1"], [], { failSync: 2, failure: "Quota exceeded." });
    const pane = new PaneController(
      excelHost(async (batch) => batch(excel.context)),
      // The Functions list is not loaded by a build.
      (): Promise<FunctionsCatalog> => Promise.reject(new Error("not needed")),
    );
    expect(await pane.build()).toBe(false);
    expect(pane.state.status).toEqual({
      kind: "error",
      text: "The workbook was not built: The build stopped (Quota exceeded); the sheets and names it had added were removed, and your workbook is as it was.",
    });
    expect(excel.deletedSheets.length).toBe(excel.addedSheets.length);
  });
});
