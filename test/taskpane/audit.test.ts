/**
 * The Audit section: in Excel the pane hands the audit (excel/audit.ts) a context and shows its
 * view; in the preview the same audit (src/audit) runs on the in-browser workbook.
 */
import { AuditInputError } from "../../src/audit";
import type { AuditView } from "../../src/taskpane/audit/auditView";
import { PaneController } from "../../src/taskpane/controller";
import { excelHost } from "../../src/taskpane/excel/excelHost";
import type { FunctionsCatalog } from "../../src/taskpane/functions/catalog";
import { auditDescription, PREVIEW_CALCULATION_NOTE } from "../../src/taskpane/preview/previewAudit";
import { PreviewHost } from "../../src/taskpane/preview/previewHost";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { paneMock } from "./paneMock";

const noCatalog = async (): Promise<FunctionsCatalog> => ({ namespace: "VBP", functions: [] });

describe("the audit in the preview", () => {
  test("the example starter workbook passes, and the report says how it was calculated", () => {
    const report = auditDescription(describeStarterWorkbook(starterOptions({ example: true })));
    expect(report.summary.result).toBe("pass");
    expect(report.summary.line).toMatch(/^PASS/);
    expect(report.figures.length).toBeGreaterThan(10);
    expect(report.notes).toContain(PREVIEW_CALCULATION_NOTE);
  });

  test("a blank starter workbook audits clean: the audit fills in the example's inputs", () => {
    // The optional risk reserve stays blank and does not hold the budget back.
    const report = auditDescription(
      describeStarterWorkbook(starterOptions({ example: false, scenario: "High" })),
    );
    expect(report.summary.line).toMatch(/^PASS/);
  });

  test("a required input the audit does not fill: the report says, in words, which figures show no value", () => {
    // Blank the case-mix tolerance, a model setting the audit leaves alone: every output asks for inputs.
    const blank = describeStarterWorkbook(starterOptions({ example: false }));
    const tolerance = blank.names.find((name) => name.name === "CaseMixTolerance")!.reference;
    const address = tolerance.split("!")[1].replace(/\$/g, "");
    const spec = {
      ...blank,
      sheets: blank.sheets.map((sheet) =>
        sheet.name !== "Inputs"
          ? sheet
          : {
              ...sheet,
              blocks: sheet.blocks.map((block) =>
                block.address === address ? { ...block, rows: [[null]] } : block,
              ),
            },
      ),
    };
    const report = auditDescription(spec);
    expect(report.summary.line).toMatch(/^FAIL/);
    const failing = report.figures.filter((f) => f.verdict === "fail");
    expect(failing.length).toBeGreaterThan(0);
    for (const figure of failing) expect(figure.explanation).toMatch(/shows "enter inputs" instead of/);
  });

  test("three custom levels: the audit says in words why it cannot compare", () => {
    const spec = describeStarterWorkbook(
      starterOptions({ levels: ["X", "Y", "Z"].map((id) => ({ id, name: `Level ${id}` })) }),
    );
    expect(() => auditDescription(spec)).toThrow(AuditInputError);
  });

  test("the pane runs it after a build and jumps to a finding's cell", async () => {
    const preview = new PreviewHost();
    const pane = new PaneController(preview, noCatalog);
    await pane.runAudit();
    expect(pane.state.audit.phase).toBe("failed");
    expect(pane.state.status.text).toMatch(/^The audit did not run: build the starter workbook first/);
    await pane.build();
    await pane.runAudit();
    expect(pane.state.audit.view?.ok).toBe(true);
    expect(pane.state.status).toEqual({ kind: "success", text: expect.stringMatching(/^PASS/) });
    await pane.jumpTo({
      severity: "fail",
      title: "total budget",
      detail: "",
      sheet: "Case Rates",
      address: "H19",
    });
    expect(preview.state.activeSheet).toBe("Case Rates");
    expect(preview.state.selected).toEqual({ sheet: "Case Rates", address: "H19" });
  });
});

describe("the audit in Excel", () => {
  test("the pane shows the audit's view and selects a failing figure's cell", async () => {
    const excel = paneMock();
    const selected: string[] = [];
    const view: AuditView = {
      summary: "FAIL: 1 of 20 figures fail (step7.budget.total).",
      ok: false,
      findings: [
        {
          severity: "fail",
          title: "step7.budget.total: total budget",
          detail: "…",
          sheet: "Case Rates",
          address: "H19",
        },
      ],
    };
    const pane = new PaneController(
      excelHost(excel.run, {
        audit: async (context) => {
          expect(context).toBe(excel.context);
          return view;
        },
        selectCell: async (_context, sheet, address) => void selected.push(`${sheet}!${address}`),
      }),
      noCatalog,
    );
    await pane.runAudit();
    expect(pane.state.audit.view).toBe(view);
    expect(pane.state.status).toEqual({ kind: "error", text: view.summary });
    await pane.jumpTo(view.findings[0]);
    expect(selected).toEqual(["Case Rates!H19"]);
    expect(pane.state.status.text).toBe("Selected Case Rates!H19: step7.budget.total: total budget.");
  });
});
