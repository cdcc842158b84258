import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN, UNITS_COLUMN } from "../layout";
import { type CellContent, formula } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext } from "../starter/context";
import type { ProviderRiskFigures } from "../starter/riskFigures";
import type { StarterSheetBuilder } from "../starter/starterSheet";

/** What the exact cells say when the build had no provider figures to write. */
const NOT_COMPUTED = "Not computed: build the workbook again once every input is in.";

/**
 * The Dashboard's risk of the year: the core's providerRisk (the provider's consumers by its mix,
 * its planned hours with the payor's spread, each direct hour at its staff cost, against its
 * revenue) as labelled values, the inputs they were computed at beside the live ones, and a
 * check that turns red once those (or Risk's) have changed.
 */
export function providerRiskSection(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  figures: ProviderRiskFigures | undefined,
): void {
  const { n } = ctx;
  sheet.section("Risk of the year (exact: the core's, computed when the workbook was built)", width);
  sheet.note(
    "Each consumer's hours spread as on Risk, each direct hour at its staff cost, other costs fixed.",
  );
  if (figures === undefined) sheet.note(NOT_COMPUTED);
  const value = (v: number | undefined): CellContent => v ?? null;
  sheet.line(
    "Probability of a loss (expense above revenue)",
    "probability",
    [value(figures?.probabilityOfLoss)],
    {
      style: "total",
      numberFormat: NUMBER_FORMATS.percent,
    },
  );
  sheet.line("Reserve to cover a loss at the confidence", "$", [value(figures?.reserveToCover)], {
    style: "total",
    numberFormat: NUMBER_FORMATS.dollars,
  });
  sheet.heading(["Computed at", "When computed", "Now"]);
  const fingerprint: [string, number | undefined, string, string][] = [
    ["Consumers", figures?.consumers, n.ConsumersPerYear, NUMBER_FORMATS.count],
    [
      "Staff cost of a direct hour",
      figures?.costPerDirectHour,
      n.CostPerDirectHour,
      NUMBER_FORMATS.dollarsCents,
    ],
    [
      "Other costs (fixed)",
      figures?.fixedCosts,
      `${n.TotalExpense}-${n.DirectStaffCost}`,
      NUMBER_FORMATS.dollars,
    ],
    ["Total revenue", figures?.revenue, n.TotalRevenue, NUMBER_FORMATS.dollars],
    [
      "Planned hours per consumer",
      figures?.plannedHoursPerConsumer,
      `SUMPRODUCT(${n.ProviderCaseMix},${n.PlannedHours})`,
      NUMBER_FORMATS.hours,
    ],
    ["Confidence", figures?.confidence, n.RiskConfidence, NUMBER_FORMATS.percent],
  ];
  const rows = fingerprint.map(([label, stored, live, numberFormat]) => {
    const row = sheet.row;
    sheet.put(row, LABEL_COLUMN, [label], { style: "label" });
    sheet.put(row, UNITS_COLUMN, [value(stored), formula(ctx.providerOutput(live))], {
      style: "calc",
      numberFormat,
    });
    sheet.skip();
    return row;
  });
  const column = (c: number) => rangeAddress(rows[0], c, rows[rows.length - 1], c);
  const then = column(UNITS_COLUMN);
  const now = column(FIRST_VALUE_COLUMN);
  const checkRow = sheet.line(
    "The exact figures are current",
    "",
    [
      formula(
        `IF(AND(COUNT(${now})=ROWS(${now}),COUNT(${then})=ROWS(${then})),AND(SUMPRODUCT((ABS(${now}-${then})>${n.RiskCurrentTolerance}*ABS(${then}))*1)=0,${n.RiskExactCurrent}),FALSE)`,
      ),
    ],
    { style: "check" },
  );
  sheet.highlightCheck(cellAddress(checkRow, FIRST_VALUE_COLUMN));
  sheet.define(
    "ProviderRiskCurrent",
    cellAddress(checkRow, FIRST_VALUE_COLUMN, true),
    "TRUE while the Dashboard's exact risk figures match the inputs",
  );
}
