import { TOOLKIT_RATE_PER_HOUR, WORKED_EXAMPLE } from "../../core/toolkit/example";
import { cellAddress } from "../a1";
import { LABEL_COLUMN } from "../layout";
import { formula, type SheetSpec } from "../spec";
import type { StarterContext } from "./context";
import { ILLUSTRATIVE_RISK_RESERVE } from "./inputs";
import { HISTORY_SHEET } from "./context";
import { startSheet, TAB_COLORS } from "./sheetTop";

/** The Guide sheet: what the workbook is, how its sheets flow, the colour key and the sources. */
export function guideSheet(ctx: StarterContext): SheetSpec {
  const sheet = startSheet(
    ctx,
    "Guide",
    "Case rates (bundled payments) for community-based behavioral health, set the way the Case Rate Toolkit sets them.",
    TAB_COLORS.docs,
    [2, 22, 16, 110],
  );
  /** A labelled paragraph: one short line per row, so no row needs a taller height. */
  const text = (label: string, ...lines: string[]) =>
    lines.forEach((line, i) => {
      const row = sheet.row;
      if (i === 0) sheet.put(row, LABEL_COLUMN, [label], { style: "label" });
      sheet.put(row, LABEL_COLUMN + 2, [line], { style: "note" });
      sheet.skip();
    });

  sheet.section("How the sheets flow", 3);
  text(
    ctx.sheet("Inputs"),
    "Steps 1–6 and the step 8 targets: enrollees, penetration, levels of care, case mix, hours, cost per hour.",
  );
  text(
    ctx.sheet("Case Rates"),
    "Step 7: cases, the case rate per level, the budget, its per-member-per-month equivalent, a risk reserve.",
  );
  text(ctx.sheet("Scenarios"), "The budget under the low, medium and high penetration rates side by side.");
  text(
    ctx.sheet("Risk"),
    "The spread around the case rate: the year's cost distribution, the Normal-Power reserve, the core's exact figures.",
  );
  text(ctx.sheet("Metrics"), "Step 8: the performance measures the payor monitors, with their targets.");
  if (ctx.options.history) {
    text(
      ctx.sheet(HISTORY_SHEET),
      "The encounter history the inputs came from: its figures by level, cohorts, service codes and data quality.",
    );
  }
  if (ctx.options.provider) {
    text(
      ctx.sheet("Provider Inputs"),
      "The provider's model: consumers, guideline hours, productivity, staff, overhead, other revenue.",
    );
    text(
      ctx.sheet("Provider Model"),
      "Sections 1–7 for the low, base and high consumer scenarios: caseloads, FTEs, costs, revenue, margin.",
    );
    text(
      ctx.sheet("Dashboard"),
      "Section 8: capacity against demand, revenue against expense, value bonus per level, break-even.",
    );
    text(
      ctx.sheet("Sensitivity"),
      "Each driver moved down and up one at a time, sorted by its effect on the margin (tornado).",
    );
    text(
      ctx.sheet("Actuals"),
      "Each month's consumers, hours, level-of-care reviews and costs, entered as they come in.",
    );
    text(
      ctx.sheet("Monitoring"),
      "The plan prorated by month against the actuals, with variances and red/green lights.",
    );
  }
  text(ctx.sheet("Checks"), "Every check of the model, and the master check shown at the top of each sheet.");

  sheet.section("Colour key", 3);
  const inputRow = sheet.heading(["Input"], "label");
  sheet.put(inputRow, LABEL_COLUMN + 1, ["typed value"], { style: "input" });
  sheet.put(
    inputRow,
    LABEL_COLUMN + 2,
    ["Blue text on light yellow: a figure you set. Only the Inputs sheet has them."],
    {
      style: "note",
    },
  );
  const calcRow = sheet.heading(["Calculation"], "label");
  sheet.put(calcRow, LABEL_COLUMN + 1, ["formula"], { style: "calc" });
  sheet.put(
    calcRow,
    LABEL_COLUMN + 2,
    ["Black: a live Excel formula. Each row holds one formula, carried across its columns."],
    {
      style: "note",
    },
  );
  const checkRow = sheet.heading(["Check"], "label");
  sheet.put(checkRow, LABEL_COLUMN + 1, [formula("TRUE")], { style: "check" });
  sheet.highlightCheck(cellAddress(checkRow, LABEL_COLUMN + 1));
  sheet.put(
    checkRow,
    LABEL_COLUMN + 2,
    ['Green TRUE passes, red FALSE fails. Until every input is in, outputs read "enter inputs".'],
    {
      style: "note",
    },
  );

  sheet.section("Source", 3);
  if (ctx.options.example) {
    const payor = WORKED_EXAMPLE.payor;
    text(
      "Example figures",
      `The Case Rate Toolkit's worked example: ${payor.name},`,
      `${payor.step1_population.medicaid_enrollees.toLocaleString("en-US")} Medicaid enrollees, four levels of care, the medium penetration rate.`,
    );
    text(
      "Rate per hour",
      "The toolkit prints $158.62 per hour, but computed its case rates and budget with an unrounded rate.",
      `This workbook uses ${TOOLKIT_RATE_PER_HOUR}, the plainest rate that reproduces every printed figure; it shows as $158.62.`,
    );
    text(
      "Risk reserve",
      `The toolkit advises a reserve on top of the budget but names no percentage: the ${ILLUSTRATIVE_RISK_RESERVE * 100}% here is illustrative.`,
    );
    if (ctx.options.provider) {
      text(
        "Provider figures",
        "The toolkit's provider serves 1,000 consumers a year with a 33% market share and gives its guideline hours;",
        "it gives no salaries, productivity, overhead or payroll FTEs: those on Provider Inputs are illustrative.",
      );
    }
  } else {
    text(
      "Inputs",
      'Blank: fill the yellow cells on Inputs. Outputs read "enter inputs" until every required input is in.',
    );
  }
  text(
    "Method",
    "Cases = enrollees × penetration rate; cases per level = cases × case mix;",
    "case rate = average hours × rate per hour; budget = Σ cases per level × case rate. Nothing is rounded.",
  );
  return sheet.build();
}
