/**
 * What the Audit section shows, without the DOM: a summary line and the findings, each failing
 * figure with where it is, so the pane can jump to it. Hosts turn the audit's report into this.
 */
import type { AuditReport } from "../../audit";

export interface AuditFinding {
  readonly severity: "fail" | "warning" | "info";
  /** The figure or rule, in words. */
  readonly title: string;
  /** What is wrong and what to do, in words. */
  readonly detail: string;
  /** Where the figure is, when it is a cell; the pane offers to jump there. */
  readonly sheet?: string;
  readonly address?: string;
}

export interface AuditView {
  /** One line, e.g. "3 of 41 figures fail". */
  readonly summary: string;
  readonly ok: boolean;
  readonly findings: readonly AuditFinding[];
}

/** "Case Rates!D12" as shown beside a finding. */
export function locationText(finding: AuditFinding): string | null {
  if (!finding.sheet || !finding.address) return null;
  return `${finding.sheet}!${finding.address}`;
}

/**
 * A report's figures and faults as findings, in the order the Audit section shows them: failing
 * figures first, then modelling faults, then differences that are only roundings. Each host adds
 * its own (Excel: where the report sheet is; the preview: how it calculated).
 */
export function reportFindings(report: AuditReport): AuditFinding[] {
  const figures = (verdict: "fail" | "rounding", severity: AuditFinding["severity"]): AuditFinding[] =>
    report.figures
      .filter((f) => f.verdict === verdict)
      .map((f) => ({
        severity,
        title: `${f.figure}: ${f.label}`,
        detail: f.explanation,
        ...(f.cell ? { sheet: f.cell.sheet, address: f.cell.address } : {}),
      }));
  const faults: AuditFinding[] = report.faults.map((fault) => ({
    severity: "warning",
    title: fault.kind.replace(/-/g, " "),
    detail: fault.explanation,
    sheet: fault.sheet,
    address: fault.cell,
  }));
  return [...figures("fail", "fail"), ...faults, ...figures("rounding", "info")];
}
