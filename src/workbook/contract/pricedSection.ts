import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN } from "../layout";
import { type CellContent, formula } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext } from "../starter/context";
import type { StarterSheetBuilder } from "../starter/starterSheet";
import {
  type ContractFigures,
  FINGERPRINT_COUNTS,
  FINGERPRINT_PROVIDER_PRODUCT,
  FINGERPRINT_PROVIDER_SUMS,
  FINGERPRINT_PROVIDER_VALUES,
  FINGERPRINT_RISK,
  FINGERPRINT_SUMS,
} from "./contractFigures";

/** What the priced cells say when the build had no figures to write. */
const NOT_COMPUTED = "Not computed: build the workbook again once every input and term is in.";

/** Each priced term's label, by the settlement's key. */
const TERM_LABELS: Record<keyof ContractFigures["terms"], string> = {
  outlierPayments: "Outlier payments (simulated)",
  corridorAdjustment: "Corridor adjustment (simulated; positive: paid to the provider)",
  stopLossAdjustment: "Stop-loss/stop-gain adjustment (simulated; positive: paid to the provider)",
  withheld: "Withheld (simulated)",
  withholdEarned: "Withhold earned back (simulated)",
  qualityBonus: "Quality bonus (simulated)",
  sharedSavings: "Shared savings (simulated)",
};

/**
 * The core's pricing (the seeded simulation settled by the one settlement function, and the
 * closed-form outlier payments) as labelled values, the inputs they were computed at, and the
 * check that turns red when a term or an input has changed since.
 */
export function pricedSection(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  figures: ContractFigures | undefined,
): void {
  const { n } = ctx;
  sheet.section("Priced before signing (the core's figures, computed when the workbook was built)", width);
  sheet.note(
    ctx.options.provider
      ? "Each simulated year settled under the terms, as case-rate contract prices it: the Provider Model's"
      : "Each simulated year settled under the terms, as case-rate contract prices it: the Risk sheet's",
  );
  sheet.note(
    ctx.options.provider
      ? "consumers by its mix at its cost of a direct hour (else Risk's year at each level's rate), or at Contract's."
      : "year of cases, each hour at its level's rate or at Contract's cost of an hour of care.",
  );
  sheet.note("Values, not formulas: the check below turns red when a term or input changes.");
  if (figures === undefined) sheet.note(NOT_COMPUTED);
  const value = (v: number | undefined): CellContent => v ?? null;
  const dollars = { style: "calc", numberFormat: NUMBER_FORMATS.dollars } as const;
  sheet.heading(["Figure", "", "Without the terms", "With the terms"]);
  const both = (
    label: string,
    units: string,
    pick: (f: ContractFigures["withTerms"]) => number,
    numberFormat: string,
  ) =>
    sheet.line(
      label,
      units,
      [value(figures && pick(figures.withoutTerms)), value(figures && pick(figures.withTerms))],
      {
        style: "total",
        numberFormat,
      },
    );
  both("Provider's expected margin", "$", (f) => f.expectedProviderMargin, NUMBER_FORMATS.dollars);
  both("Provider's probability of a loss", "probability", (f) => f.probabilityOfLoss, NUMBER_FORMATS.percent);
  both(
    "Payor's expected cost (net paid to the provider)",
    "$",
    (f) => f.expectedPayorCost,
    NUMBER_FORMATS.dollars,
  );
  for (const [key, label] of Object.entries(TERM_LABELS) as [keyof ContractFigures["terms"], string][])
    sheet.line(label, "$", [value(figures?.terms[key])], dollars);
  sheet.line("Outlier payments, exact (closed form)", "$", [value(figures?.exactOutlierPayments)], dollars);
  sheet.line(
    "Standard error of the simulated outlier payments",
    "$",
    [value(figures?.outlierStandardError)],
    dollars,
  );
  sheet.line("Simulated years", "years", [value(figures?.years)], {
    style: "calc",
    numberFormat: NUMBER_FORMATS.count,
  });
  sheet.line("Seed", "", [value(figures?.seed)], { style: "calc", numberFormat: NUMBER_FORMATS.count });

  sheet.heading(["The terms and inputs they were computed at", "", "Now", "When computed"]);
  const live = [
    ...FINGERPRINT_SUMS.map((name) => ({ label: `Σ ${name}`, now: `SUM(${n[name]})` })),
    ...FINGERPRINT_COUNTS.map(([name, text]) => ({
      label: `${name}: count of "${text}"`,
      now: `COUNTIF(${n[name]},"${text}")`,
    })),
    ...FINGERPRINT_RISK.map((name) => ({ label: name, now: n[name] })),
    ...(ctx.options.provider
      ? [
          ...FINGERPRINT_PROVIDER_VALUES.map((name) => ({ label: name, now: `N(${n[name]})` })),
          ...FINGERPRINT_PROVIDER_SUMS.map((name) => ({ label: `Σ ${name}`, now: `SUM(${n[name]})` })),
          {
            label: `Σ ${FINGERPRINT_PROVIDER_PRODUCT.join(" × ")}`,
            now: `SUMPRODUCT(${FINGERPRINT_PROVIDER_PRODUCT.map((name) => n[name]).join(",")})`,
          },
        ]
      : []),
  ];
  const rows = live.map(({ label, now }, i) =>
    sheet.line(label, "", [formula(now), value(figures?.fingerprint[i])], {
      style: "calc",
      numberFormat: "#,##0.0000",
    }),
  );
  const nowRange = rangeAddress(rows[0], FIRST_VALUE_COLUMN, rows[rows.length - 1], FIRST_VALUE_COLUMN);
  const then = rangeAddress(rows[0], FIRST_VALUE_COLUMN + 1, rows[rows.length - 1], FIRST_VALUE_COLUMN + 1);
  const checkRow = sheet.line(
    "The priced figures are current (computed from these terms and inputs)",
    "",
    [
      formula(
        `IF(AND(COUNT(${nowRange})=ROWS(${nowRange}),COUNT(${then})=ROWS(${then})),SUMPRODUCT((ABS(${nowRange}-${then})>${n.RiskCurrentTolerance}*ABS(${then}))*1)=0,FALSE)`,
      ),
    ],
    { style: "check" },
  );
  sheet.highlightCheck(cellAddress(checkRow, FIRST_VALUE_COLUMN));
  sheet.define(
    "ContractFiguresCurrent",
    cellAddress(checkRow, FIRST_VALUE_COLUMN, true),
    "TRUE while the priced contract figures match the terms and inputs",
  );
}
