/** The Functions section's DOM: the list from the build's catalog, with Insert for each. */
import type { PaneController, PaneState } from "../controller";
import type { FunctionView } from "../functions/catalog";
import { exampleResultText } from "../functions/exampleResult";
import { byId, h, replaceChildren } from "./dom";

function functionItem(view: FunctionView, mode: PaneState["mode"]): HTMLLIElement {
  const headingId = `fn-${view.id}-heading`;
  return h(
    "li",
    { class: "function", "data-function": view.id, "aria-labelledby": headingId },
    h("h3", { id: headingId, class: "function-syntax" }, h("code", {}, view.syntax)),
    h("p", { class: "function-description" }, view.description),
    view.example
      ? h(
          "div",
          { class: "function-example" },
          h("span", { class: "example-caption" }, `${view.example.caption}:`),
          h("code", { class: "example-formula" }, view.example.formula),
          h("span", { class: "example-result" }, `→ ${exampleResultText(view.id, view.example.result)}`),
        )
      : null,
    h(
      "details",
      { class: "function-arguments" },
      h("summary", {}, `Arguments (${view.parameters.length})`),
      h(
        "dl",
        {},
        ...view.parameters.flatMap((p) => [h("dt", {}, h("code", {}, p.name)), h("dd", {}, p.text)]),
      ),
    ),
    h(
      "div",
      { class: "function-actions" },
      h(
        "button",
        {
          type: "button",
          class: "button button-small",
          "data-insert": view.id,
          "aria-describedby": headingId,
          title: mode === "excel" ? "Insert into the active cell" : "Copy the worked example",
        },
        mode === "excel" ? "Insert" : "Copy example",
      ),
      h(
        "a",
        {
          class: "link",
          href: view.reference,
          target: "_blank",
          rel: "noopener",
          "aria-describedby": headingId,
        },
        "Reference",
      ),
    ),
  );
}

export function bindFunctionsSection(controller: PaneController): void {
  const list = byId<HTMLUListElement>("function-list");
  const loading = byId("functions-loading");
  const message = byId("functions-message");
  if (controller.state.mode !== "excel") {
    byId("functions-hint").textContent =
      "In Excel, Insert puts a function in the active cell with the selected cells as its arguments. Here in the preview, copy a worked example.";
  }

  list.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-insert]");
    if (!button?.dataset.insert) return;
    button.disabled = true;
    void controller.insert(button.dataset.insert).finally(() => (button.disabled = false));
  });

  function render(state: PaneState, previous: PaneState | null): void {
    const fns = state.functions;
    if (fns === previous?.functions) return;
    loading.hidden = fns.phase !== "loading" && fns.phase !== "failed";
    if (fns.phase === "failed") {
      loading.textContent = fns.error ?? "The functions list did not load.";
      loading.className = "field-error";
    }
    if (fns.views !== previous?.functions.views) {
      replaceChildren(list, ...fns.views.map((view) => functionItem(view, state.mode)));
    }
    message.hidden = !fns.message;
    message.textContent = fns.message?.text ?? "";
    message.dataset.kind = fns.message?.kind ?? "info";
  }

  controller.subscribe(render);
  render(controller.state, null);
}
