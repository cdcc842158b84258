/** The Audit section's DOM: run, summary, and a button to each failing figure. */
import { type AuditFinding, locationText } from "../audit/auditView";
import type { PaneController, PaneState } from "../controller";
import { byId, h, replaceChildren } from "./dom";

const SEVERITY_WORDS: Record<AuditFinding["severity"], string> = {
  fail: "Fails",
  warning: "Warning",
  info: "Note",
};

export function bindAuditSection(controller: PaneController): void {
  const button = byId<HTMLButtonElement>("audit-button");
  const progress = byId("audit-progress");
  const result = byId("audit-result");
  const summary = byId("audit-summary");
  const findings = byId<HTMLUListElement>("audit-findings");
  const error = byId("audit-error");
  let shown: readonly AuditFinding[] = [];

  button.addEventListener("click", () => void controller.runAudit());
  findings.addEventListener("click", (event) => {
    const target = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-finding]");
    const finding = target ? shown[Number(target.dataset.finding)] : undefined;
    if (finding) void controller.jumpTo(finding);
  });

  function render(state: PaneState, previous: PaneState | null): void {
    const audit = state.audit;
    if (audit === previous?.audit) return;
    const running = audit.phase === "running";
    button.disabled = running;
    progress.hidden = !running;
    error.hidden = audit.phase !== "failed";
    error.textContent = audit.error ?? "";
    result.hidden = !audit.view;
    if (audit.view && audit.view !== previous?.audit.view) {
      shown = audit.view.findings;
      summary.textContent = audit.view.summary;
      replaceChildren(
        findings,
        ...shown.map((finding, i) => {
          const where = locationText(finding);
          return h(
            "li",
            { class: `finding finding-${finding.severity}` },
            h("span", { class: "finding-badge" }, SEVERITY_WORDS[finding.severity]),
            finding.title ? h("strong", { class: "finding-title" }, finding.title) : null,
            h("p", { class: "finding-detail" }, finding.detail),
            where
              ? h(
                  "button",
                  {
                    type: "button",
                    class: "link-button",
                    "data-finding": i,
                    "aria-label": `Go to ${where}: ${finding.title}`,
                  },
                  `Go to ${where}`,
                )
              : null,
          );
        }),
      );
      summary.focus();
    }
  }

  controller.subscribe(render);
  render(controller.state, null);
}
