/** The Build section's DOM: binds the form to the controller and draws progress and the summary. */
import type { BuildField } from "../build/buildForm";
import type { PaneController, PaneState } from "../controller";
import { attr, byId, h, replaceChildren, showFieldError } from "./dom";

export interface BuildSectionOptions {
  /** Preview only: downloads the built workbook as .xlsx. */
  readonly download?: () => Promise<void>;
}

export function bindBuildSection(controller: PaneController, options: BuildSectionOptions = {}): void {
  const form = byId<HTMLFormElement>("build-form");
  const sourceExample = byId<HTMLInputElement>("source-example");
  const sourceBlank = byId<HTMLInputElement>("source-blank");
  const provider = byId<HTMLInputElement>("provider");
  const scenario = byId<HTMLSelectElement>("scenario");
  const levelsToolkit = byId<HTMLInputElement>("levels-toolkit");
  const levelsCustom = byId<HTMLInputElement>("levels-custom");
  const customLevels = byId("custom-levels");
  const levelCount = byId<HTMLInputElement>("level-count");
  const levelRows = byId("level-rows");
  const buildButton = byId<HTMLButtonElement>("build-button");
  const progress = byId("build-progress");
  const step = byId("build-step");
  const summary = byId("build-summary");
  const downloadButton = byId<HTMLButtonElement>("download-button");

  // Input → controller.
  sourceExample.addEventListener("change", () => controller.setExample(true));
  sourceBlank.addEventListener("change", () => controller.setExample(false));
  provider.addEventListener("change", () => controller.setProvider(provider.checked));
  scenario.addEventListener("change", () => controller.setScenario(scenario.value));
  levelsToolkit.addEventListener("change", () => controller.setLevelsMode("toolkit"));
  levelsCustom.addEventListener("change", () => controller.setLevelsMode("custom"));
  levelCount.addEventListener("input", () => controller.setLevelCount(levelCount.value));
  levelRows.addEventListener("input", (event) => {
    const input = event.target as HTMLInputElement;
    const index = Number(input.dataset.level);
    if (!Number.isInteger(index)) return;
    controller.setLevel(index, input.dataset.part === "id" ? { id: input.value } : { name: input.value });
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void controller.build();
  });
  if (options.download) {
    const download = options.download;
    downloadButton.hidden = false;
    downloadButton.addEventListener("click", () => {
      downloadButton.disabled = true;
      void download().finally(() => (downloadButton.disabled = false));
    });
  }

  /** The level rows, redrawn only when their number changes, so typing keeps focus. */
  function drawLevelRows(state: PaneState): void {
    const count = Number(state.form.levelCount.trim());
    const shown =
      /^\d+$/.test(state.form.levelCount.trim()) && count >= 1
        ? Math.min(count, state.form.customLevels.length)
        : 0;
    if (levelRows.childElementCount !== shown) {
      replaceChildren(
        levelRows,
        ...state.form.customLevels.slice(0, shown).map((level, i) =>
          h(
            "div",
            { class: "level-row" },
            h("label", { class: "visually-hidden", for: `level-${i}-id` }, `Level ${i + 1} id`),
            h("input", {
              type: "text",
              id: `level-${i}-id`,
              class: "input-id",
              "data-level": i,
              "data-part": "id",
              maxlength: 8,
              autocomplete: "off",
              value: level.id,
            }),
            h("label", { class: "visually-hidden", for: `level-${i}-name` }, `Level ${i + 1} name`),
            h("input", {
              type: "text",
              id: `level-${i}-name`,
              "data-level": i,
              "data-part": "name",
              maxlength: 60,
              autocomplete: "off",
              placeholder: `Level ${i + 1}, e.g. Outpatient`,
              value: level.name,
            }),
          ),
        ),
      );
    }
  }

  const fieldControls = (field: BuildField): HTMLElement[] => {
    switch (field) {
      case "source":
        return [sourceExample, sourceBlank];
      case "provider":
        return [provider];
      case "scenario":
        return [scenario];
      case "levels":
        return [levelsToolkit, levelsCustom];
      default:
        return [];
    }
  };

  function render(state: PaneState, previous: PaneState | null): void {
    const { form: f, validation, build } = state;
    sourceExample.checked = f.example;
    sourceBlank.checked = !f.example;
    provider.checked = f.provider;
    if (scenario.value !== f.scenario) scenario.value = f.scenario;
    levelsToolkit.checked = f.levelsMode === "toolkit";
    levelsCustom.checked = f.levelsMode === "custom";
    customLevels.hidden = f.levelsMode !== "custom";
    if (levelCount.value !== f.levelCount) levelCount.value = f.levelCount;
    drawLevelRows(state);

    // Errors beside their fields; the levels message also marks the count or the rows it is about.
    const rowInputs = [...levelRows.querySelectorAll<HTMLInputElement>("input")];
    const badRows = rowInputs.filter((input) =>
      validation.invalidLevels.includes(Number(input.dataset.level)),
    );
    const levelsError = byId("levels-error");
    const clear = [...rowInputs, levelCount, ...fieldControls("levels")];
    showFieldError(levelsError, undefined, clear);
    for (const field of ["source", "provider", "scenario", "levels", "form"] as const) {
      const controls =
        field === "levels"
          ? validation.invalidCount
            ? [levelCount]
            : badRows.length > 0
              ? badRows
              : fieldControls(field)
          : fieldControls(field);
      showFieldError(byId(`${field}-error`), validation.errors[field], controls);
    }

    // Build pressed with errors: take the user to the first field in error.
    if (build.attempted && !previous?.build.attempted) {
      const first = (["source", "provider", "scenario", "levels", "form"] as const).find(
        (f) => validation.errors[f],
      );
      const target =
        first === "levels"
          ? validation.invalidCount
            ? levelCount
            : (levelRows.querySelector<HTMLInputElement>('input[aria-invalid="true"]') ??
              (f.levelsMode === "custom" ? levelsCustom : levelsToolkit))
          : first
            ? fieldControls(first).find(
                (c) => !(c instanceof HTMLInputElement && c.type === "radio" && !c.checked),
              )
            : undefined;
      target?.focus();
    }

    // Progress while building.
    const building = build.phase === "building";
    buildButton.disabled = building;
    attr(byId("build"), "aria-busy", building ? "true" : null);
    progress.hidden = !building;
    step.textContent = building ? (build.step ?? "") : "";

    // A summary of a build made with other options than the form's now says it is the previous one.
    if (build.stale !== previous?.build.stale || build.result !== previous?.build.result) {
      byId("summary-heading").textContent = build.stale
        ? "Previous build (the options have changed since; build again to apply them)"
        : "Created";
    }

    // The summary, drawn when a build finishes.
    if (build.result !== previous?.build.result) {
      const result = build.result;
      summary.hidden = !result;
      if (result) {
        byId("summary-text").textContent =
          `${result.sheets.length} sheets and ${result.names} defined names, ${state.mode === "excel" ? "in this workbook" : "in the preview"}.`;
        replaceChildren(
          byId("key-figures"),
          ...result.keyFigures.flatMap((figure) => [h("dt", {}, figure.label), h("dd", {}, figure.text)]),
        );
        replaceChildren(
          byId("sheet-links"),
          ...result.sheets.map((sheet) =>
            h(
              "li",
              {},
              h(
                "button",
                {
                  type: "button",
                  class: "link-button",
                  "data-sheet": sheet,
                  "aria-label": `Go to the ${sheet} sheet`,
                },
                sheet,
              ),
            ),
          ),
        );
        replaceChildren(
          byId("renamed"),
          ...result.renamed.map((r) =>
            h(
              "li",
              {},
              `Your workbook already had ${r.kind === "sheet" ? "a sheet" : "a name"} ${r.wanted}, so this one is ${r.used}.`,
            ),
          ),
        );
        if (state.mode === "excel" || !previous || previous.build.phase === "building")
          byId("summary-heading").focus();
      }
    }
  }

  byId("sheet-links").addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-sheet]");
    if (button?.dataset.sheet) void controller.showSheet(button.dataset.sheet);
  });

  controller.subscribe(render);
  render(controller.state, null);
}
