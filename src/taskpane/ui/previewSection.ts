/**
 * The browser preview's workbook: a tab per sheet and the sheet as a table of its cells, with the
 * values calculated in the browser (workbook/calc) and the looks of the description's styles.
 * Cell text goes in through textContent; colours through the CSSOM (the CSP allows no inline style).
 */
import type { ChartSpec, SheetSpec } from "../../workbook/spec";
import { CHECK_FAIL_FILL, CHECK_PASS_FILL, STYLE_LOOKS } from "../../workbook/styles";
import type { CalculatedWorkbook } from "../../workbook/calc";
import type { PreviewHost, PreviewState } from "../preview/previewHost";
import type { GridCell, SheetGrid } from "../preview/sheetGrid";
import { chartData } from "../preview/chartData";
import { chartSvg, renderSvg } from "../preview/chartSvg";
import { byId, h, replaceChildren } from "./dom";
import { setupTabs } from "./tabs";

/** Pixels per character of column width, near Excel's at the default font. */
const PX_PER_CHARACTER = 7;

function styleCell(td: HTMLTableCellElement, cell: GridCell): void {
  const look = cell.style ? STYLE_LOOKS[cell.style] : undefined;
  if (look) {
    td.style.color = `#${look.fontColor}`;
    if (look.fill) td.style.backgroundColor = `#${look.fill}`;
    if (look.bold) td.style.fontWeight = "600";
    if (look.italic) td.style.fontStyle = "italic";
    if (look.size) td.style.fontSize = `${Math.round((look.size / 11) * 100)}%`;
    if (look.topBorder) td.style.borderTop = "1px solid #000";
    if (look.wrap) td.classList.add("wrap");
  }
  const horizontal = look?.horizontal ?? (cell.numeric ? "right" : undefined);
  if (horizontal) td.style.textAlign = horizontal;
  if (cell.check) td.style.backgroundColor = `#${cell.check === "pass" ? CHECK_PASS_FILL : CHECK_FAIL_FILL}`;
}

function sheetTable(grid: SheetGrid, selected: string | null): HTMLTableElement {
  const ROW_HEAD_PX = 36;
  const colgroup = h("colgroup", {}, h("col", { class: "row-head-col" }));
  let tableWidth = ROW_HEAD_PX;
  const widths = grid.columns.map((column) => Math.round(column.width * PX_PER_CHARACTER + 5));
  for (const width of widths) {
    const col = h("col");
    col.style.width = `${width}px`;
    tableWidth += width;
    colgroup.appendChild(col);
  }
  const head = h(
    "tr",
    {},
    h("td", { class: "corner" }),
    ...grid.columns.map((c) => h("th", { scope: "col", class: "col-head" }, c.letter)),
  );
  const body = h("tbody");
  for (const row of grid.rows) {
    const tr = h("tr", {}, h("th", { scope: "row", class: "row-head" }, String(row.number)));
    for (const [index, cell] of row.cells.entries()) {
      const td = h("td", {
        class: `cell cell-${cell.kind}`,
        "data-address": cell.address,
        title:
          cell.kind === "not-calculated"
            ? `${cell.address}: not calculated in the preview; Excel calculates ${cell.formula}`
            : cell.formula
              ? `${cell.address}: ${cell.formula}`
              : undefined,
      });
      styleCell(td, cell);
      if (cell.overflow) {
        // The text may run over the empty cells to its right, no further.
        const px = widths.slice(index, index + cell.overflow + 1).reduce((a, b) => a + b, 0);
        const text = h("span", { class: "overflow-text" }, cell.text);
        text.style.width = `${px - 9}px`;
        td.classList.add("overflow");
        td.appendChild(text);
      } else td.textContent = cell.text;
      if (selected === cell.address) td.classList.add("selected");
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  const table = h(
    "table",
    { class: "sheet-table", "aria-label": `${grid.name} sheet`, "data-sheet": grid.name },
    colgroup,
    h("thead", {}, head),
    body,
  );
  // A fixed layout honours the column widths only when the table's own width is set.
  table.style.width = `${tableWidth}px`;
  return table;
}

/** A chart drawn as SVG from the calculated values its references point at, as Excel will draw it. */
function chartFigure(chart: ChartSpec, calculation: CalculatedWorkbook): HTMLElement {
  return h(
    "figure",
    { class: "chart", "aria-label": chart.title },
    renderSvg(chartSvg(chartData(chart, calculation)), document),
    h(
      "figcaption",
      { class: "hint" },
      `Drawn here from the calculated values; in Excel it is a native ${chart.kind} chart on this sheet.`,
    ),
  );
}

export function bindPreviewSection(host: PreviewHost, onShowSheet: (name: string) => void): void {
  const section = byId("preview");
  const note = byId("preview-note");
  const body = byId("preview-body");
  const tabsElement = byId("sheet-tabs");
  const panel = byId("sheet-panel");
  section.hidden = false;
  let drawnWorkbook: PreviewState["workbook"] = null;
  const tabs = setupTabs(tabsElement, (id) => {
    const name = tabsElement.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.dataset.sheet;
    if (name && name !== host.state.activeSheet) onShowSheet(name);
  });

  function render(state: PreviewState): void {
    const workbook = state.workbook;
    body.hidden = !workbook;
    if (!workbook) return;
    if (workbook !== drawnWorkbook) {
      drawnWorkbook = workbook;
      const { formulaCount, notCalculated } = workbook.calculation;
      note.textContent =
        `Built in your browser from the same description Excel gets. Values are calculated here from the sheets' own formulas ` +
        `(${formulaCount - notCalculated.length} of ${formulaCount} formulas); Excel recalculates them when you open the file. ` +
        (notCalculated.length > 0
          ? `${notCalculated.length} formulas the preview cannot calculate are shown as formulas, in grey. `
          : "") +
        "Hover over a figure to see its formula.";
      replaceChildren(
        tabsElement,
        ...workbook.grids.map((grid, i) => {
          const tab = h(
            "button",
            {
              type: "button",
              role: "tab",
              id: `sheet-tab-${i}`,
              class: "sheet-tab",
              "aria-controls": "sheet-panel",
              "aria-selected": "false",
              "data-sheet": grid.name,
            },
            grid.name,
          );
          tab.style.borderBottomColor = `#${grid.tabColor}`;
          return tab;
        }),
      );
    }
    const index = workbook.grids.findIndex((g) => g.name === state.activeSheet);
    const grid = workbook.grids[Math.max(0, index)];
    const sheet: SheetSpec | undefined = workbook.spec.sheets.find((s) => s.name === grid.name);
    const selected = state.selected?.sheet === grid.name ? state.selected.address : null;
    attrLabel(panel, `sheet-tab-${Math.max(0, index)}`);
    replaceChildren(
      panel,
      sheetTable(grid, selected),
      ...(sheet?.charts ?? []).map((chart) => chartFigure(chart, workbook.calculation)),
    );
    tabs.select(`sheet-tab-${Math.max(0, index)}`);
    if (selected)
      panel.querySelector<HTMLElement>("td.selected")?.scrollIntoView({ block: "center", inline: "center" });
  }

  host.subscribe(render);
  render(host.state);
}

function attrLabel(panel: HTMLElement, tabId: string): void {
  panel.setAttribute("aria-labelledby", tabId);
}
