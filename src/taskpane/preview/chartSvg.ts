/**
 * The preview's drawing of a native chart as SVG: the same description Excel gets (kind, series
 * colours, overlap and gap, the value axis's number format, bars top to bottom in the order of the
 * cells) over the values the preview calculated. The layout is pure data (chartSvg), so it is
 * tested without a browser; renderSvg turns it into elements with DOM calls only, text through
 * textContent, so no cell text is ever parsed as markup (and no inline style meets the CSP).
 */
import { formatNumber } from "../../workbook/numberFormat";
import type { ChartData } from "./chartData";

/** An SVG element as data: its tag, attributes, and children or text. */
export interface SvgNode {
  readonly tag: "svg" | "g" | "rect" | "line" | "text" | "title";
  readonly attributes: Readonly<Record<string, string | number>>;
  readonly children?: readonly SvgNode[];
  readonly text?: string;
}

const WIDTH = 640;
const TITLE_HEIGHT = 36;
const LEGEND_HEIGHT = 28;
const AXIS_HEIGHT = 24;
const BAR_ROW_HEIGHT = 28;
const COLUMN_PLOT_HEIGHT = 220;
const TEXT = "#424242";
const GRID = "#d1d1d1";
const AXIS = "#616161";
/** About the width of a character of 12px text, to keep labels inside their room. */
const CHARACTER_PX = 6.5;

const round = (n: number) => Math.round(n * 10) / 10;

function text(x: number, y: number, content: string, extra: Record<string, string | number> = {}): SvgNode {
  return {
    tag: "text",
    attributes: { x: round(x), y: round(y), "font-size": 12, fill: TEXT, ...extra },
    text: content,
  };
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string): SvgNode {
  return { tag: "line", attributes: { x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), stroke } };
}

/** Text cut to `room` pixels with an ellipsis; the whole text goes in a <title>. */
function fitted(content: string, room: number): string {
  const max = Math.max(1, Math.floor(room / CHARACTER_PX));
  return content.length > max ? `${content.slice(0, max - 1)}…` : content;
}

/** Round ticks from the lowest to the highest value, zero always among them (as Excel's axis). */
export function valueTicks(values: readonly number[]): number[] {
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (low === high) high = 1;
  const rough = (high - low) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = magnitude * ([1, 2, 2.5, 5].find((f) => rough / magnitude <= f) ?? 10);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Rounded to 12 digits, so 3 × 0.2 is 0.6 and not 0.6000000000000001.
  for (let i = 0; low + i * step <= high + step / 1e6; i++)
    ticks.push(Number((low + i * step).toPrecision(12)));
  return ticks;
}

/**
 * Where each series' bar sits in a category's band, as Excel places them: bars of width w, each
 * next one shifted by w × (1 − overlap), a gap of w × gap between categories.
 */
export function barSlots(
  band: number,
  seriesCount: number,
  overlap: number,
  gapWidth: number,
): { offset: number; width: number }[] {
  const o = overlap / 100;
  const groupInBars = seriesCount - (seriesCount - 1) * o;
  const width = band / (groupInBars + gapWidth / 100);
  const start = (band - width * groupInBars) / 2;
  return Array.from({ length: seriesCount }, (_, i) => ({ offset: start + i * width * (1 - o), width }));
}

/** The chart as SVG nodes: title, gridlines and value labels, one group of bars per category, legend. */
export function chartSvg(data: ChartData): SvgNode {
  const { chart, categories, series } = data;
  const bar = chart.kind === "bar";
  const ticks = valueTicks(series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const tickLabels = ticks.map((t) => formatNumber(t, chart.valueAxisFormat));
  const widestTick = Math.max(...tickLabels.map((l) => l.length)) * CHARACTER_PX;
  // A bar chart's last value label is centred on the plot's right edge: leave it room.
  const right = bar ? Math.max(20, widestTick / 2 + 8) : 20;
  const left = bar ? 180 : widestTick + 16;
  const top = TITLE_HEIGHT;
  const plotWidth = WIDTH - left - right;
  const plotHeight = bar ? Math.max(1, categories.length) * BAR_ROW_HEIGHT : COLUMN_PLOT_HEIGHT;
  const height = top + plotHeight + (bar ? AXIS_HEIGHT : AXIS_HEIGHT + 12) + LEGEND_HEIGHT;
  const along = bar ? plotHeight : plotWidth;
  const band = along / Math.max(1, categories.length);
  const slots = barSlots(band, series.length, chart.overlap, chart.gapWidth);
  /** Pixels along the value axis: x for bars, y for columns. */
  const at = (v: number) =>
    bar ? left + ((v - low) / (high - low)) * plotWidth : top + ((high - v) / (high - low)) * plotHeight;

  const grid = ticks.map((t, i) =>
    bar
      ? {
          tag: "g" as const,
          attributes: { class: "chart-tick" },
          children: [
            line(at(t), top, at(t), top + plotHeight, GRID),
            text(at(t), top + plotHeight + 16, tickLabels[i], { "text-anchor": "middle" }),
          ],
        }
      : {
          tag: "g" as const,
          attributes: { class: "chart-tick" },
          children: [
            line(left, at(t), left + plotWidth, at(t), GRID),
            text(left - 6, at(t) + 4, tickLabels[i], { "text-anchor": "end" }),
          ],
        },
  );
  const rows: SvgNode[] = categories.map((category, i) => {
    const start = (bar ? top : left) + i * band;
    const label = bar
      ? text(left - 8, start + band / 2 + 4, fitted(category, left - 16), { "text-anchor": "end" })
      : text(start + band / 2, top + plotHeight + 16, fitted(category, band - 4), {
          "text-anchor": "middle",
        });
    const bars = series.flatMap((s, k): SvgNode[] => {
      const value = s.values[i];
      if (value === null || value === undefined) return [];
      const from = Math.min(at(0), at(value));
      const length = Math.abs(at(value) - at(0));
      const across = start + slots[k].offset;
      return [
        {
          tag: "rect",
          attributes: {
            class: "chart-bar",
            fill: `#${s.color}`,
            "data-series": s.name,
            "data-value": value,
            ...(bar
              ? { x: round(from), y: round(across), width: round(length), height: round(slots[k].width) }
              : { x: round(across), y: round(from), width: round(slots[k].width), height: round(length) }),
          },
          children: [
            {
              tag: "title",
              attributes: {},
              text: `${s.name}, ${category}: ${formatNumber(value, chart.valueAxisFormat)}`,
            },
          ],
        },
      ];
    });
    return {
      tag: "g",
      attributes: { class: "chart-row", "data-category": category },
      children: [{ tag: "title", attributes: {}, text: category }, label, ...bars],
    };
  });
  // The category axis crosses the value axis at zero: a tornado's bars leave it both ways.
  const zero = bar
    ? line(at(0), top, at(0), top + plotHeight, AXIS)
    : line(left, at(0), left + plotWidth, at(0), AXIS);
  let legendX = left;
  const legendY = height - LEGEND_HEIGHT / 2;
  const legend = series.map((s) => {
    const x = legendX;
    legendX += 16 + s.name.length * CHARACTER_PX + 20;
    return {
      tag: "g" as const,
      attributes: { class: "chart-legend-item" },
      children: [
        {
          tag: "rect" as const,
          attributes: { x, y: legendY - 9, width: 10, height: 10, fill: `#${s.color}` },
        },
        text(x + 16, legendY, s.name),
      ],
    };
  });
  return {
    tag: "svg",
    attributes: {
      xmlns: "http://www.w3.org/2000/svg",
      class: "chart-svg",
      viewBox: `0 0 ${WIDTH} ${round(height)}`,
      role: "img",
      "aria-label": chart.title,
      "data-kind": chart.kind,
    },
    children: [
      { tag: "title", attributes: {}, text: chart.title },
      text(WIDTH / 2, 22, fitted(chart.title, WIDTH - 20), {
        "text-anchor": "middle",
        "font-size": 14,
        "font-weight": 600,
      }),
      { tag: "g", attributes: { class: "chart-grid" }, children: grid },
      ...rows,
      zero,
      { tag: "g", attributes: { class: "chart-legend" }, children: legend },
    ],
  };
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Builds the elements of an SvgNode with DOM calls: attributes by setAttribute, text by textContent. */
export function renderSvg(node: SvgNode, document: Document): SVGElement {
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attributes))
    if (name !== "xmlns") element.setAttribute(name, String(value));
  if (node.text !== undefined) element.textContent = node.text;
  for (const child of node.children ?? []) element.appendChild(renderSvg(child, document));
  return element;
}
