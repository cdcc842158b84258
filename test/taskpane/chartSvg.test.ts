/** The preview's chart drawing: the SVG layout from a chart's description and calculated values. */
import { chartData, type ChartData } from "../../src/taskpane/preview/chartData";
import { barSlots, chartSvg, type SvgNode, valueTicks } from "../../src/taskpane/preview/chartSvg";
import { calculateWorkbook } from "../../src/workbook/calc";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import type { ChartSpec } from "../../src/workbook/spec";

/** Every node of a tree, depth first. */
const nodes = (node: SvgNode): SvgNode[] => [node, ...(node.children ?? []).flatMap(nodes)];
const withClass = (node: SvgNode, name: string) =>
  nodes(node).filter((n) =>
    String(n.attributes.class ?? "")
      .split(" ")
      .includes(name),
  );
const texts = (node: SvgNode) =>
  nodes(node)
    .filter((n) => n.tag === "text")
    .map((n) => n.text);

const provider = describeStarterWorkbook(starterOptions({ example: true, provider: true }));
const calculation = calculateWorkbook(provider);
const chartOn = (sheet: string, i = 0) => provider.sheets.find((s) => s.name === sheet)!.charts[i];

describe("bar geometry as Excel places it", () => {
  test("overlap 100%: every series' bar on the same slot, the gap 50% of a bar", () => {
    const slots = barSlots(30, 2, 100, 50);
    expect(slots[0]).toEqual(slots[1]);
    expect(slots[0].width).toBeCloseTo(20);
    expect(slots[0].offset).toBeCloseTo(5);
  });

  test("overlap 0: side by side, centred in the band", () => {
    const [a, b] = barSlots(100, 2, 0, 50);
    expect(a.width).toBeCloseTo(40);
    expect(b.offset - a.offset).toBeCloseTo(40);
    expect(a.offset).toBeCloseTo(10);
  });

  test("ticks are round, cover every value and include zero", () => {
    expect(valueTicks([-1_200_000, 9_100_000])).toEqual([-2.5e6, 0, 2.5e6, 5e6, 7.5e6, 1e7]);
    expect(valueTicks([3, 7])).toEqual([0, 2, 4, 6, 8]);
    expect(valueTicks([])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe("the tornado drawn from the calculated Sensitivity sheet", () => {
  const data = chartData(chartOn("Sensitivity"), calculation);
  const svg = chartSvg(data);
  const rows = withClass(svg, "chart-row");

  test("one row per driver, top to bottom in the order of the cells, each with its down and up bar", () => {
    expect(rows.map((r) => r.attributes["data-category"])).toEqual(data.categories);
    const ys = rows.map((r) => Number(withClass(r, "chart-bar")[0].attributes.y));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    for (const row of rows) {
      const bars = withClass(row, "chart-bar");
      expect(bars.map((b) => b.attributes["data-series"])).toEqual(["Driver down", "Driver up"]);
      // Overlapped: one bar per driver, the two halves either side of the same zero line.
      expect(bars[0].attributes.y).toBe(bars[1].attributes.y);
      const [left, right] = [...bars].sort((a, b) => Number(a.attributes.x) - Number(b.attributes.x));
      expect(Number(left.attributes.x) + Number(left.attributes.width)).toBeCloseTo(
        Number(right.attributes.x),
        0,
      );
      expect(bars[0].attributes.fill).not.toBe(bars[1].attributes.fill);
    }
  });

  test("the value axis reads as the cells: dollars, never 9000000", () => {
    const labels = withClass(svg, "chart-tick").map((t) => texts(t)[0]);
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) expect(label).toMatch(/^\(?-?\$[\d,]+\)?$/);
    expect(labels).toContain("$0");
  });
});

describe("revenue and expense drawn as two series", () => {
  const data = chartData(chartOn("Dashboard"), calculation);
  const svg = chartSvg(data);

  test("one bar per category, in the colour of its series, and a legend naming both", () => {
    const bars = withClass(svg, "chart-bar");
    expect(bars.map((b) => b.attributes["data-series"])).toEqual([
      "Revenue",
      "Revenue",
      "Expense",
      "Expense",
      "Expense",
      "Expense",
    ]);
    const fills = new Map(bars.map((b) => [b.attributes["data-series"], b.attributes.fill]));
    expect(fills.get("Revenue")).not.toBe(fills.get("Expense"));
    expect(texts(withClass(svg, "chart-legend")[0])).toEqual(["Revenue", "Expense"]);
    // Columns stand on zero: every bar's bottom edge is the same line.
    const bottoms = new Set(
      bars.map((b) => Math.round(Number(b.attributes.y) + Number(b.attributes.height))),
    );
    expect(bottoms.size).toBe(1);
  });
});

test("text stays text: labels are text nodes and attributes, never markup", () => {
  const chart: ChartSpec = { ...chartOn("Dashboard", 1), title: 'Cases <script>alert("x")</script>' };
  const data: ChartData = {
    chart,
    categories: ["<b>Low</b>", "High & more"],
    series: [{ name: "A <i>", color: "112233", values: [1, null] }],
  };
  const svg = chartSvg(data);
  expect(svg.attributes["aria-label"]).toBe(chart.title);
  expect(texts(svg)).toEqual(expect.arrayContaining(["<b>Low</b>", "High & more", "A <i>"]));
  // Only known SVG tags, whatever the text: the text never becomes an element.
  expect(new Set(nodes(svg).map((n) => n.tag))).toEqual(
    new Set(["svg", "title", "text", "g", "line", "rect"]),
  );
  // An empty cell draws no bar.
  expect(withClass(svg, "chart-bar")).toHaveLength(1);
});
