/**
 * The History section's DOM: the source (a table or the selection in Excel; a CSV file, picked or
 * dropped, in the preview), the column dropdowns, Analyze with its progress bar and Cancel, the
 * summary, and the cells "Use as the model's inputs" would change, to confirm. Text goes in as
 * textContent only: header names and cell text are never parsed as HTML.
 */
import { type EncounterColumn, ENCOUNTER_COLUMNS } from "../../core/history/columns";
import { SETTING_FIELDS } from "../history/analysisSettings";
import type { HistoryController, HistoryState } from "../history/historyController";
import { byId, h, replaceChildren, showFieldError } from "./dom";

/** The extract's file, in the preview (picked or dropped). */
export type OpenFile = (file: File) => void;

const count = (n: number) => n.toLocaleString("en-US");

export function bindHistorySection(controller: HistoryController, openFile?: OpenFile): void {
  const form = byId<HTMLFormElement>("history-form");
  const source = byId<HTMLSelectElement>("history-source");
  const refresh = byId<HTMLButtonElement>("history-refresh");
  const fileField = byId("history-file-field");
  const file = byId<HTMLInputElement>("history-file");
  const sourceError = byId("history-source-error");
  const extractNote = byId("history-extract");
  const columnsField = byId("history-columns");
  const columnList = byId("history-column-list");
  const enrollees = byId<HTMLInputElement>("history-enrollees");
  const enrolleesError = byId("history-enrollees-error");
  const analyze = byId<HTMLButtonElement>("history-analyze");
  const cancel = byId<HTMLButtonElement>("history-cancel");
  const progress = byId("history-progress");
  const progressBar = byId<HTMLProgressElement>("history-progress-bar");
  const progressText = byId("history-progress-text");
  const result = byId("history-result");
  const summary = byId("history-summary");
  const use = byId<HTMLButtonElement>("history-use");
  const plan = byId("history-plan");
  const planRows = byId("history-plan-rows");
  const confirm = byId<HTMLButtonElement>("history-confirm");
  const keep = byId<HTMLButtonElement>("history-keep");
  const message = byId("history-message");
  const settle = byId<HTMLButtonElement>("history-settle");
  const settlement = byId("history-settlement");
  const settlementConfirm = byId<HTMLButtonElement>("history-settlement-confirm");

  form.hidden = false;
  byId("history-loading").hidden = true;

  source.addEventListener("change", () => void controller.chooseSource(source.value));
  refresh.addEventListener("click", () => void controller.loadSources());
  if (openFile) {
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      if (chosen) openFile(chosen);
    });
    fileField.addEventListener("dragover", (event) => {
      event.preventDefault();
      fileField.classList.add("dragging");
    });
    fileField.addEventListener("dragleave", () => fileField.classList.remove("dragging"));
    fileField.addEventListener("drop", (event) => {
      event.preventDefault();
      fileField.classList.remove("dragging");
      const dropped = event.dataTransfer?.files?.[0];
      if (dropped) openFile(dropped);
    });
  }
  columnList.addEventListener("change", (event) => {
    const select = (event.target as HTMLElement).closest<HTMLSelectElement>("select[data-column]");
    if (select) controller.setColumn(select.dataset.column as EncounterColumn, select.value);
  });
  enrollees.addEventListener("input", () => controller.setEnrollees(enrollees.value));
  const settingInputs = SETTING_FIELDS.map((field) => {
    const input = byId<HTMLInputElement>(`history-${field}`);
    input.addEventListener("input", () => controller.setSetting(field, input.value));
    return { field, input, error: byId(`history-${field}-error`) };
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void controller.analyze();
  });
  cancel.addEventListener("click", () => controller.cancel());
  use.addEventListener("click", () => void controller.planInputs());
  confirm.addEventListener("click", () => void controller.confirmInputs());
  keep.addEventListener("click", () => controller.dismissPlan());
  settle.addEventListener("click", () => void controller.planSettlement());
  settlementConfirm.addEventListener("click", () => void controller.confirmSettlement());
  byId("history-settlement-keep").addEventListener("click", () => controller.dismissSettlement());

  /** The dropdowns, redrawn when another extract's header arrives. */
  function drawColumns(state: HistoryState): void {
    const header = state.extract?.header ?? [];
    replaceChildren(
      columnList,
      ...ENCOUNTER_COLUMNS.flatMap(({ column, required }) => {
        const id = `history-col-${column}`;
        const select = h(
          "select",
          { id, "data-column": column },
          h("option", { value: "" }, required ? "(choose a column)" : "(none)"),
          ...header.map((name) => h("option", { value: name }, name)),
        );
        select.value = state.choice?.[column] ?? "";
        return [
          h("label", { for: id }, `${column}${required ? "" : " (optional)"}`),
          select,
          h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
        ];
      }),
    );
  }

  function render(state: HistoryState, previous: HistoryState | null): void {
    if (state.sources !== previous?.sources) {
      replaceChildren(
        source,
        h("option", { value: "" }, "(choose)"),
        ...state.sources.map((s) => h("option", { value: s.id }, s.label)),
      );
    }
    source.value = state.sourceId;
    showFieldError(sourceError, state.sourceError, [openFile ? file : source]);
    const extract = state.extract;
    extractNote.hidden = !extract;
    if (extract) {
      extractNote.textContent = `${extract.name}: ${extract.header.length} columns${extract.rows === undefined ? "" : `, ${count(extract.rows)} data rows`}.`;
    }
    columnsField.hidden = !extract;
    if (extract !== previous?.extract) drawColumns(state);
    for (const { column } of ENCOUNTER_COLUMNS) {
      const select = columnList.querySelector<HTMLSelectElement>(`#history-col-${column}`);
      const error = columnList.querySelector<HTMLElement>(`#history-col-${column}-error`);
      if (!select || !error) continue;
      if (select.value !== (state.choice?.[column] ?? "")) select.value = state.choice?.[column] ?? "";
      showFieldError(error, state.columnErrors[column], [select]);
    }
    showFieldError(enrolleesError, state.enrolleesError, [enrollees]);
    for (const { field, input, error } of settingInputs)
      showFieldError(error, state.settingErrors[field], [input]);

    const busy = state.phase === "reading" || state.phase === "writing" || state.phase === "opening";
    analyze.disabled = busy;
    cancel.hidden = state.phase !== "reading";
    progress.hidden = state.phase !== "reading" && state.phase !== "writing";
    if (state.progress) {
      const { done, total } = state.progress;
      progressBar.max = Math.max(1, total);
      progressBar.value = Math.min(done, Math.max(1, total));
      progressText.textContent =
        state.phase === "writing"
          ? "Writing the History sheet…"
          : total > 0
            ? `Read ${Math.floor((100 * done) / total)}% (${count(done)} of ${count(total)}${extract?.rows === undefined ? " bytes" : " rows"}).`
            : "Reading…";
    }

    result.hidden = !state.summary;
    if (state.summary !== previous?.summary) {
      summary.textContent = state.summary ?? "";
      if (state.summary) byId("history-result-heading").focus();
    }
    use.disabled = state.phase === "planning" || state.phase === "filling";

    plan.hidden = !state.plan || state.plan.length === 0;
    if (state.plan !== previous?.plan && state.plan && state.plan.length > 0) {
      replaceChildren(
        planRows,
        ...state.plan.map((change) =>
          h(
            "tr",
            {},
            h("td", {}, change.label),
            h("td", {}, `${change.sheet}!${change.address}`),
            h("td", {}, change.oldText),
            h("td", {}, change.newText),
          ),
        ),
      );
      byId("history-plan-heading").focus();
    }
    confirm.disabled = state.phase === "filling";
    settle.disabled = use.disabled;
    settlementConfirm.disabled = confirm.disabled;
    settlement.hidden = !state.settlement;
    if (state.settlement !== previous?.settlement && state.settlement) {
      byId("history-settlement-where").textContent = state.settlement.where;
      byId("history-settlement-cost").textContent = `Cost: ${state.settlement.costBasis}`;
      const overwrites = byId("history-settlement-overwrites");
      overwrites.textContent = state.settlement.overwrites;
      overwrites.hidden = state.settlement.overwrites === "";
      byId("history-settlement-heading").focus();
    }

    message.hidden = !state.message;
    message.textContent = state.message?.text ?? "";
    if (state.message) message.dataset.kind = state.message.kind;
  }

  controller.subscribe(render);
  render(controller.state, null);
}
