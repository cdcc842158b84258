import { WORKED_EXAMPLE } from "../../core/toolkit/example";
import { cellAddress } from "../a1";
import { LABEL_COLUMN } from "../layout";
import { formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext } from "./context";
import type { InputsLayout } from "./inputs";
import { startSheet, TAB_COLORS } from "./sheetTop";

/** The Metrics sheet (step 8): the performance measures, how they are monitored, and their targets. */
export function metricsSheet(ctx: StarterContext, inputs: InputsLayout): SheetSpec {
  const sheet = startSheet(
    ctx,
    "Metrics",
    "Step 8: what the payor monitors once it stops paying for volume. Targets are set on Inputs.",
    TAB_COLORS.docs,
    // A narrow spacer (E) keeps the target's number off the monitoring method's text.
    [2, 88, 12, 12, 2, 80],
  );
  sheet.section("Step 8 · Performance metrics", 4);
  sheet.heading(["Measure", "Frequency", "Target", null, "Monitoring method"]);
  WORKED_EXAMPLE.payor.step8_performance_metrics.forEach((metric, i) => {
    const target = ctx.ref("Inputs", cellAddress(inputs.metricTargetRows[i], LABEL_COLUMN + 2, true));
    const row = sheet.row;
    sheet.put(row, LABEL_COLUMN, [metric.measure, metric.frequency], { style: "note" });
    sheet.put(row, LABEL_COLUMN + 2, [formula(`IF(ISNUMBER(${target}),${target},"none set")`)], {
      style: "calc",
      numberFormat: NUMBER_FORMATS.percentWhole,
    });
    sheet.put(row, LABEL_COLUMN + 4, [metric.monitoring], { style: "note" });
    sheet.skip();
  });
  return sheet.build();
}
