import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { chartData } from "../../src/taskpane/preview/chartData";
import { cellAddress, parseCell, parseSheetReference } from "../../src/workbook/a1";
import { calculateWorkbook } from "../../src/workbook/calc";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { resolveNaming } from "../../src/workbook/freeNames";
import { formatNumber } from "../../src/workbook/numberFormat";
import { SheetBuilder } from "../../src/workbook/layout";
import type { ChartSpec } from "../../src/workbook/spec";
import { addChartsToXlsx } from "../../src/workbook/xlsx/charts";
import { chartXml, drawingXml } from "../../src/workbook/xlsx/chartXml";
import {
  addRelationship,
  CONTENT_TYPES,
  insertDrawingElement,
  readRelationships,
  relativeTarget,
  relsPartOf,
  resolveTarget,
  topLevelElements,
  worksheetParts,
} from "../../src/workbook/xlsx/xlsxPackage";
import { escapeXml, unescapeXml } from "../../src/workbook/xlsx/xml";
import { xlsxBytes } from "../../src/workbook/xlsx/writeXlsx";
import { CHART_SHEETS, CHART_VALUES, COLUMN_TITLE, describeChartWorkbook } from "../helpers/chartWorkbook";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { tempDir } from "../helpers/starterFiles";
import { readXlsxCharts } from "../helpers/xlsxCharts";

const spec = describeChartWorkbook();
const described = (sheet: string): readonly ChartSpec[] =>
  spec.sheets.find((s) => s.name === sheet)?.charts ?? [];

/** The XML inside a chart part's c:catAx or c:valAx. */
const axis = (xml: string, name: "catAx" | "valAx") =>
  new RegExp(`<c:${name}>([\\s\\S]*?)</c:${name}>`).exec(xml)?.[1] ?? "";

/** Whether the first cell of `address` lies in `range` (both A1 style, "$" allowed). */
function rangesOverlap(range: string, address: string): boolean {
  const [first, last = first] = range.replace(/\$/g, "").split(":").map(parseCell);
  const cell = parseCell(address.replace(/\$/g, "").split(":")[0]);
  return (
    cell.row >= first.row && cell.row <= last.row && cell.column >= first.column && cell.column <= last.column
  );
}

async function partsOf(zip: JSZip): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  for (const path of Object.keys(zip.files).filter((p) => !zip.files[p].dir))
    parts.set(path, await zip.files[path].async("string"));
  return parts;
}

describe(".xlsx writer: native charts as DrawingML parts", () => {
  let bytes: Uint8Array;
  let parts: Map<string, string>;

  beforeAll(async () => {
    bytes = await xlsxBytes(spec, ExcelJS);
    parts = await partsOf(await JSZip.loadAsync(bytes));
  });

  test("adds one drawing for the sheet with charts and one chart part per chart", () => {
    const names = [...parts.keys()];
    expect(names.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toEqual([
      "xl/drawings/drawing1.xml",
    ]);
    expect(names.filter((p) => /^xl\/drawings\/_rels\//.test(p))).toEqual([
      "xl/drawings/_rels/drawing1.xml.rels",
    ]);
    expect(names.filter((p) => /^xl\/charts\//.test(p)).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ]);
  });

  test("every part is well-formed XML (xmllint)", () => {
    const dir = tempDir("chart-parts");
    const files = [...parts.entries()]
      .filter(([path]) => /\.(xml|rels)$/.test(path))
      .map(([path, xml]) => {
        const file = join(dir, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, xml);
        return file;
      });
    expect(files.length).toBeGreaterThan(10);
    // Throws (failing the test) with xmllint's message when any file is not well-formed.
    execFileSync("xmllint", ["--noout", ...files], { stdio: "pipe" });
  });

  test("every relationship resolves to a part, and every r:id to a relationship of its part", () => {
    for (const [path, xml] of parts) {
      if (!path.endsWith(".rels")) continue;
      const source = path.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
      for (const rel of readRelationships(xml)) {
        expect({ rel: `${path} ${rel.id}`, exists: parts.has(resolveTarget(source, rel.target)) }).toEqual({
          rel: `${path} ${rel.id}`,
          exists: true,
        });
      }
    }
    for (const [path, xml] of parts) {
      if (path.endsWith(".rels")) continue;
      const ids = [...xml.matchAll(/\sr:id="([^"]+)"/g)].map((m) => m[1]);
      if (ids.length === 0) continue;
      const rels = readRelationships(parts.get(relsPartOf(path)) ?? "").map((r) => r.id);
      for (const id of ids)
        expect({ path, id, resolves: rels.includes(id) }).toEqual({ path, id, resolves: true });
    }
  });

  test("[Content_Types].xml gives the drawing and the charts their content types", () => {
    const types = parts.get("[Content_Types].xml") ?? "";
    expect(types).toContain(
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CONTENT_TYPES.drawing}"/>`,
    );
    for (const chart of ["chart1", "chart2"])
      expect(types).toContain(
        `<Override PartName="/xl/charts/${chart}.xml" ContentType="${CONTENT_TYPES.chart}"/>`,
      );
    // Each override once.
    expect(types.match(/PartName="\/xl\/charts\/chart1\.xml"/g)).toHaveLength(1);
  });

  test("the charts are on the sheet that describes them, found through workbook.xml, not by position", async () => {
    const sheetParts = worksheetParts(
      "xl/workbook.xml",
      parts.get("xl/workbook.xml")!,
      parts.get("xl/_rels/workbook.xml.rels")!,
    );
    expect([...sheetParts.keys()]).toEqual([...CHART_SHEETS]);
    const charts = await readXlsxCharts(bytes);
    expect(charts.get("Notes")).toEqual([]);
    expect(charts.get("Model Data")).toEqual([]);
    const dashboard = charts.get("Dashboard") ?? [];
    expect(dashboard.map((c) => c.barDir)).toEqual(["col", "bar"]);
    described("Dashboard").forEach((chart, i) => {
      expect(dashboard[i].title).toBe(chart.title);
      expect(
        dashboard[i].series.map(({ name, categories, values }) => ({ name, categories, values })),
      ).toEqual(chart.series.map((s) => ({ name: s.name, categories: chart.categories, values: s.values })));
      // No cached values: the spreadsheet computes them from the references.
      expect(dashboard[i].xml).not.toMatch(/<c:(num|str)Cache>/);
    });
  });

  test("titles and series names are escaped XML", async () => {
    const column = (await readXlsxCharts(bytes)).get("Dashboard")![0];
    expect(column.title).toBe(COLUMN_TITLE);
    expect(column.xml).toContain("Cases by level &amp; scenario &lt;now vs. then&gt;");
    expect(column.xml).toContain("<c:v>Then &amp; later</c:v>");
    expect(column.xml).toContain("<c:f>&apos;Model Data&apos;!$B$3:$B$6</c:f>");
  });

  test("the anchors cover the described cells", () => {
    const drawing = parts.get("xl/drawings/drawing1.xml")!;
    const corner = (tag: "from" | "to") =>
      [
        ...drawing.matchAll(
          new RegExp(
            `<xdr:${tag}><xdr:col>(\\d+)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>(\\d+)</xdr:row>`,
            "g",
          ),
        ),
      ].map((m) => [Number(m[1]), Number(m[2])]);
    // E2 → zero-based column 4, row 1; L18 covered → its far edge, column 12, row 18.
    expect(corner("from")).toEqual([
      [4, 1],
      [1, 19],
    ]);
    expect(corner("to")).toEqual([
      [12, 18],
      [8, 36],
    ]);
  });

  test("<drawing> sits where CT_Worksheet wants it: after pageSetup, once", () => {
    const sheetXml = parts.get("xl/worksheets/sheet3.xml")!;
    const children = topLevelElements(sheetXml).children.map((c) => c.name);
    expect(children.filter((name) => name === "drawing")).toHaveLength(1);
    expect(children.indexOf("drawing")).toBeGreaterThan(children.indexOf("pageSetup"));
    expect(children.indexOf("drawing")).toBeGreaterThan(children.indexOf("pageMargins"));
    for (const path of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
      expect(parts.get(path)).not.toContain("<drawing");
  });

  test("a bar chart lists categories top to bottom as in the sheet; a column chart left to right", async () => {
    const [column, bar] = (await readXlsxCharts(bytes)).get("Dashboard")!;
    expect(axis(bar.xml, "catAx")).toContain('<c:orientation val="maxMin"/>');
    expect(axis(bar.xml, "valAx")).toContain('<c:crosses val="max"/>');
    expect(axis(column.xml, "catAx")).toContain('<c:orientation val="minMax"/>');
  });

  test("a workbook without charts is ExcelJS's package, untouched", async () => {
    const plain = { ...spec, sheets: spec.sheets.map((s) => ({ ...s, charts: [] })) };
    const raw = new Uint8Array(1);
    await expect(addChartsToXlsx(raw, plain.sheets)).resolves.toBe(raw);
    const names = Object.keys((await JSZip.loadAsync(await xlsxBytes(plain, ExcelJS))).files);
    expect(names.filter((p) => /drawings|charts/.test(p))).toEqual([]);
  });

  test("sheet names that need quotes and renamed sheets reach the chart references", async () => {
    const naming = resolveNaming(["Dashboard"], [], CHART_SHEETS, []);
    const renamed = describeChartWorkbook(naming);
    const charts = await readXlsxCharts(await xlsxBytes(renamed, ExcelJS));
    const bar = charts.get("Dashboard (2)")![1];
    expect(bar.series[0].values).toBe("'Dashboard (2)'!$C$2:$C$6");
  });
});

describe("chart part helpers", () => {
  const chart: ChartSpec = {
    kind: "column",
    title: "T",
    from: "A1",
    to: "C3",
    categories: "S!$A$1:$A$2",
    series: [{ name: "N", values: "S!$B$1:$B$2", color: "112233" }],
    legend: "bottom",
    overlap: 0,
    gapWidth: 80,
    valueAxisFormat: "General",
  };

  test("<drawing> goes before legacyDrawing, tableParts and extLst, not before a nested extLst", () => {
    const sheet =
      '<?xml version="1.0"?><worksheet xmlns="m" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetData/><conditionalFormatting sqref="A1"><cfRule type="x"><extLst><ext uri="u"/></extLst></cfRule></conditionalFormatting>' +
      '<pageSetup/><headerFooter><oddHeader>a &gt; b</oddHeader></headerFooter><legacyDrawing r:id="rId1"/><tableParts count="0"/><extLst/></worksheet>';
    const out = insertDrawingElement(sheet, "rId7");
    expect(out).toContain('</headerFooter><drawing r:id="rId7"/><legacyDrawing');
    expect(topLevelElements(out).children.map((c) => c.name)).toEqual([
      "sheetData",
      "conditionalFormatting",
      "pageSetup",
      "headerFooter",
      "drawing",
      "legacyDrawing",
      "tableParts",
      "extLst",
    ]);
  });

  test("<drawing> goes last when nothing follows it, declaring r: when the root does not", () => {
    const out = insertDrawingElement(
      '<x:worksheet xmlns:x="m"><x:sheetData/><!-- </x:worksheet> --></x:worksheet>',
      "rId1",
    );
    expect(out).toBe(
      '<x:worksheet xmlns:x="m"><x:sheetData/><!-- </x:worksheet> --><x:drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:worksheet>',
    );
  });

  test("a sheet that already has a drawing is refused", () => {
    expect(() => insertDrawingElement('<worksheet><drawing r:id="rId1"/></worksheet>', "rId2")).toThrow(
      /already/,
    );
  });

  test("a new relationship gets a free id, in a new or an existing part", () => {
    const fresh = addRelationship(null, "t", "../drawings/drawing1.xml");
    expect(fresh.id).toBe("rId1");
    expect(readRelationships(fresh.xml)).toEqual([
      { id: "rId1", type: "t", target: "../drawings/drawing1.xml" },
    ]);
    const taken = addRelationship(
      '<Relationships xmlns="p"><Relationship Id="rId2" Type="a" Target="x"/><Relationship Id="rId1" Type="a" Target="y"/></Relationships>',
      "t",
      "z",
    );
    expect(taken.id).toBe("rId3");
    expect(readRelationships(taken.xml).map((r) => r.id)).toEqual(["rId2", "rId1", "rId3"]);
    expect(addRelationship('<Relationships xmlns="p"/>', "t", "z").xml).toBe(
      '<Relationships xmlns="p"><Relationship Id="rId1" Type="t" Target="z"/></Relationships>',
    );
  });

  test("targets resolve and relativise between parts", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe(
      "xl/drawings/drawing1.xml",
    );
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml")).toBe(
      "../drawings/drawing1.xml",
    );
    expect(relativeTarget("xl/drawings/drawing1.xml", "xl/charts/chart1.xml")).toBe("../charts/chart1.xml");
    expect(relsPartOf("xl/worksheets/sheet1.xml")).toBe("xl/worksheets/_rels/sheet1.xml.rels");
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
  });

  test("XML text is escaped and unescaped", () => {
    const text = `Tom's "A&B" <1>`;
    expect(escapeXml(text)).toBe("Tom&apos;s &quot;A&amp;B&quot; &lt;1&gt;");
    expect(unescapeXml(escapeXml(text))).toBe(text);
    expect(unescapeXml("&#65;&#x42;")).toBe("AB");
  });

  test("sheet-qualified references split into sheet and address", () => {
    expect(parseSheetReference("Dashboard!$B$10:$B$14")).toEqual({
      sheet: "Dashboard",
      address: "$B$10:$B$14",
    });
    expect(parseSheetReference("'Bob''s Data'!C3")).toEqual({ sheet: "Bob's Data", address: "C3" });
    expect(() => parseSheetReference("$B$10:$B$14")).toThrow(/sheet-qualified/);
  });

  test("a chart with no series is refused; the drawing numbers its frames", () => {
    expect(() => chartXml({ ...chart, series: [] })).toThrow(/no series/);
    expect(() => chartXml({ ...chart, categories: "$A$1:$A$2" })).toThrow(/sheet-qualified/);
    const drawing = drawingXml([chart, { ...chart, title: "U" }], ["rId1", "rId2"]);
    expect([...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1])).toEqual(["2", "3"]);
  });

  test("SheetBuilder keeps its charts and prints them", () => {
    const sheet = new SheetBuilder("S", "000000", [10], { rows: 0, columns: 0 });
    sheet.put(1, 2, ["x"]);
    expect(sheet.build().charts).toEqual([]);
    sheet.chart({ ...chart, from: "B3", to: "J20" });
    const built = sheet.build();
    expect(built.charts).toHaveLength(1);
    expect(built.printArea).toBe("A1:J20");
  });
});

describeWithLibreOffice(".xlsx charts read by LibreOffice", (soffice) => {
  let converted: Uint8Array;

  beforeAll(async () => {
    const dir = tempDir("charts");
    const path = join(dir, "charts.xlsx");
    writeFileSync(path, await xlsxBytes(spec, ExcelJS));
    const [out] = await recalculateWithLibreOffice(soffice, [path]);
    converted = new Uint8Array(readFileSync(out));
  }, 120_000);

  test("its own .xlsx still has both charts, on the same sheet, over the same references", async () => {
    const charts = await readXlsxCharts(converted);
    const dashboard = charts.get("Dashboard") ?? [];
    expect(dashboard.map((c) => c.barDir)).toEqual(["col", "bar"]);
    described("Dashboard").forEach((chart, i) => {
      expect(dashboard[i].title).toBe(chart.title);
      expect(
        dashboard[i].series.map(({ name, categories, values }) => ({ name, categories, values })),
      ).toEqual(chart.series.map((s) => ({ name: s.name, categories: chart.categories, values: s.values })));
    });
    expect(charts.get("Notes")).toEqual([]);
  });

  test("it computed every series from the cells, formulas included", async () => {
    const [column, bar] = (await readXlsxCharts(converted)).get("Dashboard")!;
    expect(column.series.map((s) => s.cachedValues)).toEqual([[...CHART_VALUES.now], [...CHART_VALUES.then]]);
    expect(column.series[0].cachedCategories).toEqual([...CHART_VALUES.levels]);
    expect(bar.series[0].cachedValues).toEqual([...CHART_VALUES.swing]);
    expect(bar.series[0].cachedCategories).toEqual([...CHART_VALUES.drivers]);
  });

  test("it kept each series' colour, the bars' overlap and gap, and the value axis's format", async () => {
    const [column, bar] = (await readXlsxCharts(converted)).get("Dashboard")!;
    const [columnSpec, barSpec] = described("Dashboard");
    expect(column.series.map((s) => s.color)).toEqual(columnSpec.series.map((s) => s.color));
    expect(bar.series.map((s) => s.color)).toEqual(barSpec.series.map((s) => s.color));
    expect([bar.overlap, bar.gapWidth]).toEqual([100, 50]);
    // LibreOffice may spell a format its own way ("$" as \$): the same numbers must read the same.
    const shown = (format: string) => [-1234567, 0, 9000000].map((n) => formatNumber(n, format));
    expect([column.valueAxisFormat, bar.valueAxisFormat].map(shown)).toEqual(
      [columnSpec.valueAxisFormat, barSpec.valueAxisFormat].map(shown),
    );
    expect(shown(bar.valueAxisFormat)).toEqual(["-$1,234,567", "$0", "$9,000,000"]);
  });

  test("it kept the bar chart's top-to-bottom order", async () => {
    const bar = (await readXlsxCharts(converted)).get("Dashboard")![1];
    expect(axis(bar.xml, "catAx")).toContain('<c:orientation val="maxMin"/>');
    expect(axis(bar.xml, "valAx")).toContain('<c:crosses val="max"/>');
  });
});

describe("chart parts carry the looks of the description", () => {
  test("each series its colour; the bar group its overlap and gap; the value axis its number format", async () => {
    const [column, bar] = (await readXlsxCharts(await xlsxBytes(spec, ExcelJS))).get("Dashboard")!;
    const [columnSpec] = described("Dashboard");
    expect(column.series.map((s) => s.color)).toEqual(columnSpec.series.map((s) => s.color));
    expect(bar.series.map((s) => s.color)).toEqual(["1F4E79"]);
    expect([bar.overlap, bar.gapWidth]).toEqual([100, 50]);
    expect([column.overlap, column.gapWidth]).toEqual([0, 80]);
    // Not linked to the source cells: the axis reads as the description says, quotes escaped.
    expect(axis(column.xml, "valAx")).toContain(
      '<c:numFmt formatCode="#,##0&quot; cases&quot;" sourceLinked="0"/>',
    );
    expect(bar.valueAxisFormat).toBe('"$"#,##0');
  });
});

describe("the provider model's charts read at a glance", () => {
  const provider = describeStarterWorkbook(starterOptions({ example: true, provider: true }));
  const calculation = calculateWorkbook(provider);
  const chartsOf = (sheet: string) => provider.sheets.find((s) => s.name === sheet)?.charts ?? [];
  const [tornado] = chartsOf("Sensitivity");
  const [revenueExpense, ftes] = chartsOf("Dashboard");

  test("the tornado: one bar per driver (overlap 100%), down and up either side of zero, largest swing on top", () => {
    expect(tornado.kind).toBe("bar");
    expect([tornado.overlap, tornado.gapWidth]).toEqual([100, 50]);
    const data = chartData(tornado, calculation);
    expect(data.categories).toHaveLength(9);
    const [down, up] = data.series;
    expect(down.color).not.toBe(up.color);
    const swings = data.categories.map((_, i) => Math.abs(up.values[i]! - down.values[i]!));
    expect(swings.every((swing) => swing > 0)).toBe(true);
    // The sheet's rows are sorted largest first; bars list them top to bottom as the cells.
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // Each driver's two changes lie on opposite sides of the base margin: the bars meet at zero.
    data.categories.forEach((_, i) => expect(Math.sign(down.values[i]!)).toBe(-Math.sign(up.values[i]!)));
  });

  test("revenue and expense: two series named and coloured apart, each category one bar of its P&L line", () => {
    expect(revenueExpense.series.map((s) => s.name)).toEqual(["Revenue", "Expense"]);
    expect(revenueExpense.series[0].color).not.toBe(revenueExpense.series[1].color);
    expect(revenueExpense.overlap).toBe(100);
    const data = chartData(revenueExpense, calculation);
    expect(data.categories).toEqual([
      "Case-rate revenue",
      "Other revenue",
      "Direct-service staff",
      "Other staff",
      "Contractors",
      "Overhead",
    ]);
    const [revenue, expense] = data.series;
    expect(revenue.values.map((v) => v !== null)).toEqual([true, true, false, false, false, false]);
    expect(expense.values.map((v) => v !== null)).toEqual([false, false, true, true, true, true]);
    const total = (values: (number | null)[]) => values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    const named = (name: string) => {
      const [cell] = calculation.named(name)!;
      return cell.ok ? Number(cell.value) : NaN;
    };
    expect(total(revenue.values)).toBeCloseTo(named("TotalRevenue"), 6);
    expect(total(expense.values)).toBeCloseTo(named("TotalExpense"), 6);
  });

  test("every value axis is formatted as the cells it draws", () => {
    /** The number format the description gives a cell (the last format over it wins). */
    const formatOf = (sheet: string, cell: string) =>
      (provider.sheets.find((s) => s.name === sheet)?.formats ?? [])
        .filter((f) => f.numberFormat && rangesOverlap(f.range, cell))
        .map((f) => f.numberFormat)
        .pop();
    for (const sheet of provider.sheets)
      for (const chart of sheet.charts)
        for (const series of chart.series) {
          const { sheet: name, address } = parseSheetReference(series.values);
          const [first, last = first] = address.replace(/\$/g, "").split(":").map(parseCell);
          const filled: string[] = [];
          for (let row = first.row; row <= last.row; row++)
            for (let column = first.column; column <= last.column; column++)
              if (calculation.content(name, cellAddress(row, column)) !== undefined)
                filled.push(cellAddress(row, column));
          expect(filled.length).toBeGreaterThan(0);
          expect({
            chart: chart.title,
            formats: [...new Set(filled.map((cell) => formatOf(name, cell)))],
          }).toEqual({
            chart: chart.title,
            formats: [chart.valueAxisFormat],
          });
        }
    expect(ftes.valueAxisFormat).not.toBe("General");
  });
});
