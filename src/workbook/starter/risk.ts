import { RISK_DEFAULTS, RISK_QUANTILES } from "../../core/risk";
import { cellAddress, rangeAddress, rowAnchoredAddress } from "../a1";
import { CHART_COLORS } from "../chartColors";
import { FIRST_VALUE_COLUMN, LABEL_COLUMN, levelColumnsOf } from "../layout";
import { type CellContent, formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { CaseRatesLayout } from "./caseRates";
import type { StarterContext } from "./context";
import type { InputsLayout } from "./inputs";
import type { DistributionBar, RiskFigures } from "./riskFigures";
import { startSheet, TAB_COLORS } from "./sheetTop";
import type { StarterSheetBuilder } from "./starterSheet";

/** What the exact cells say when the build had no exact figures to write. */
const NOT_COMPUTED = "Not computed: build the workbook again once every input is in.";

/** Where the exact figures' chart data went. */
interface ChartRows {
  readonly first: number;
  readonly last: number;
}

/** The probability key the core uses ("0.95") as a percentage to show ("95%"). */
const percentText = (p: number) => `${Number((p * 100).toPrecision(12))}%`;

/**
 * The Risk sheet: the spread of hours per case as inputs (a cohort table per level, or a gamma
 * coefficient of variation), the year's cost by its moments (compound Poisson) with native
 * formulas, the Normal-Power reserve and probability over budget, and the core's exact figures
 * written when the workbook was built, with a check that they still match the inputs.
 */
export function riskSheet(
  ctx: StarterContext,
  inputs: InputsLayout,
  caseRates: CaseRatesLayout,
  figures: RiskFigures | undefined,
): SheetSpec {
  const { options } = ctx;
  const levelCount = options.levels.length;
  const { levelColumns, lastLevelColumn, totalColumn } = levelColumnsOf(levelCount);
  const sheet = startSheet(
    ctx,
    "Risk",
    "The spread around the case rate: the year's cost as a distribution, the reserve it needs and the chance it exceeds the budget.",
    TAB_COLORS.calcs,
    [2, 62, 24, ...levelColumns.map(() => 22), 26],
    3,
  );
  const width = levelCount + 3;
  const at = (row: number, column: number) => cellAddress(row, column);
  const levelsRange = (row: number, absolute = false) =>
    rangeAddress(row, FIRST_VALUE_COLUMN, row, lastLevelColumn, absolute);
  const perLevel = (build: (column: number) => string): CellContent[] =>
    levelColumns.map((c) => formula(build(c)));
  const levelHeader = (withTotal: boolean) =>
    sheet.line(
      "Level of care",
      "",
      [
        ...perLevel((c) => ctx.ref("Inputs", rowAnchoredAddress(inputs.levelIdRow, c))),
        ...(withTotal ? ["Total"] : []),
      ],
      { style: "header" },
    );

  // Each level's case: the moments of one case's cost.
  sheet.section("Cost of one case at each level (from the spread of hours on Inputs)", width);
  levelHeader(false);
  /** A level's column of cohort cells on Inputs, anchored on its rows. */
  const column = (rows: readonly number[], c: number) =>
    ctx.ref("Inputs", `${rowAnchoredAddress(rows[0], c)}:${rowAnchoredAddress(rows[rows.length - 1], c)}`);
  const episodes = (c: number) => column(inputs.risk.episodeRows, c);
  const hours = (c: number) => column(inputs.risk.hourRows, c);
  const cv = (c: number) => ctx.ref("Inputs", rowAnchoredAddress(inputs.risk.cvRow, c));
  const average = (c: number) => ctx.ref("Case Rates", rowAnchoredAddress(caseRates.hoursRow, c));
  /** By the level's spread: gamma (with a cv), cohorts (with episodes), or none. */
  const bySpread = (c: number, gamma: string, cohorts: string, none: string) =>
    `IF(ISNUMBER(${cv(c)}),${gamma},IF(SUM(${episodes(c)})>0,${cohorts},${none}))`;
  const spreadRow = sheet.line(
    "Spread",
    "",
    perLevel((c) => bySpread(c, '"gamma"', '"cohorts"', '"none"')),
    { style: "calc" },
  );
  sheet.define(
    "RiskSpreads",
    levelsRange(spreadRow, true),
    "Each level's spread of hours: gamma, cohorts or none",
  );
  const rateRow = sheet.line(
    "Rate per hour",
    "$ per hour",
    perLevel((c) => ctx.ref("Case Rates", rowAnchoredAddress(caseRates.rateRow, c))),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  sheet.define("RiskLevelRates", levelsRange(rateRow, true), "Rate per hour each level uses (Risk)");
  const rate = (c: number) => at(rateRow, c);
  const cvSquare = (c: number) => `${cv(c)}*${cv(c)}`;
  const meanHoursRow = sheet.line(
    "Mean hours of a case",
    "hours",
    perLevel((c) =>
      ctx.output(
        bySpread(c, average(c), `SUMPRODUCT(${episodes(c)},${hours(c)})/SUM(${episodes(c)})`, average(c)),
      ),
    ),
    { style: "calc", numberFormat: "#,##0.000" },
  );
  sheet.define("RiskMeanHours", levelsRange(meanHoursRow, true), "Mean hours of a case at each level");
  const meanRow = sheet.line(
    "Mean cost of a case, E[X]",
    "$",
    perLevel((c) => ctx.output(`${rate(c)}*${at(meanHoursRow, c)}`)),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  const secondRow = sheet.line(
    "Second moment, E[X²]",
    "$²",
    perLevel((c) =>
      ctx.output(
        `${rate(c)}*${rate(c)}*${bySpread(
          c,
          `${average(c)}*${average(c)}*(1+${cvSquare(c)})`,
          `SUMPRODUCT(${episodes(c)},${hours(c)},${hours(c)})/SUM(${episodes(c)})`,
          `${average(c)}*${average(c)}`,
        )}`,
      ),
    ),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollars },
  );
  const thirdRow = sheet.line(
    "Third moment, E[X³]",
    "$³",
    perLevel((c) =>
      ctx.output(
        `${rate(c)}*${rate(c)}*${rate(c)}*${bySpread(
          c,
          `${average(c)}*${average(c)}*${average(c)}*(1+${cvSquare(c)})*(1+${cvSquare(c)}+${cvSquare(c)})`,
          `SUMPRODUCT(${episodes(c)},${hours(c)},${hours(c)},${hours(c)})/SUM(${episodes(c)})`,
          `${average(c)}*${average(c)}*${average(c)}`,
        )}`,
      ),
    ),
    { style: "calc", numberFormat: NUMBER_FORMATS.count },
  );
  sheet.define("RiskCaseSecondMoments", levelsRange(secondRow, true), "E[X²] of a case's cost at each level");
  sheet.line(
    "Variance of a case's cost",
    "$²",
    perLevel((c) => ctx.output(`${at(secondRow, c)}-${at(meanRow, c)}*${at(meanRow, c)}`)),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollars },
  );
  const caseRate = (c: number) => ctx.ref("Case Rates", rowAnchoredAddress(caseRates.caseRateRow, c));
  const shareRow = sheet.line(
    "Share of cases costing more than the case rate",
    "% of cases",
    perLevel((c) =>
      ctx.output(
        bySpread(
          c,
          `1-GAMMADIST(${caseRate(c)},1/(${cvSquare(c)}),${average(c)}*${rate(c)}*${cvSquare(c)},TRUE)`,
          `SUMPRODUCT((${hours(c)}*${rate(c)}>${caseRate(c)})*${episodes(c)})/SUM(${episodes(c)})`,
          "0",
        ),
      ),
    ),
    { style: "total", numberFormat: NUMBER_FORMATS.percent },
  );
  sheet.define(
    "ShareOverCaseRate",
    levelsRange(shareRow, true),
    "Share of cases costing more than the case rate",
  );

  // The year: cumulants of a compound Poisson add up, λ·E[Xᵏ] per level.
  sheet.section("The year's cost (cases Poisson: each level adds λ·E[Xᵏ] to the cumulants)", width);
  levelHeader(true);
  const total = (row: number, numberFormat: string) =>
    sheet.put(row, totalColumn, [formula(ctx.output(`SUM(${levelsRange(row)})`))], {
      style: "total",
      numberFormat,
    });
  const casesRow = sheet.line(
    "Expected cases, λ",
    "cases",
    perLevel((c) => ctx.ref("Case Rates", rowAnchoredAddress(caseRates.casesRow, c))),
    { style: "calc", numberFormat: NUMBER_FORMATS.countDecimal },
  );
  total(casesRow, NUMBER_FORMATS.countDecimal);
  const cumulant = (label: string, units: string, moment: number, numberFormat: string) => {
    const row = sheet.line(
      label,
      units,
      perLevel((c) => ctx.output(`${at(casesRow, c)}*${at(moment, c)}`)),
      { style: "calc", numberFormat },
    );
    total(row, numberFormat);
    return row;
  };
  const yearMeanRow = cumulant("Mean, λ·E[X]", "$", meanRow, NUMBER_FORMATS.dollars);
  const yearVarianceRow = cumulant("Variance, λ·E[X²]", "$²", secondRow, NUMBER_FORMATS.count);
  const yearThirdRow = cumulant("Third cumulant, λ·E[X³]", "$³", thirdRow, NUMBER_FORMATS.count);
  const yearTotal = (row: number) => at(row, totalColumn);
  yearFigures(ctx, sheet, width, {
    mean: yearTotal(yearMeanRow),
    variance: yearTotal(yearVarianceRow),
    third: yearTotal(yearThirdRow),
  });
  exactSection(ctx, sheet, width, figures);
  if (figures) distributionChart(ctx, sheet, figures.bars);
  return sheet.build();
}

/** The year's mean, standard deviation and skewness, and the Normal-Power figures on them. */
function yearFigures(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  cells: { mean: string; variance: string; third: string },
): void {
  const { n } = ctx;
  const dollars = { style: "calc", numberFormat: NUMBER_FORMATS.dollars } as const;
  sheet.namedLine({
    name: "RiskExpectedCost",
    label: "Expected cost of the year",
    units: "$",
    expression: ctx.output(cells.mean),
    look: { style: "total", numberFormat: NUMBER_FORMATS.dollars },
    comment: "Expected cost of the year from the spread of hours (closed form)",
  });
  sheet.namedLine({
    name: "RiskStandardDeviation",
    label: "Standard deviation of the year's cost",
    units: "$",
    expression: ctx.output(`SQRT(${cells.variance})`),
    look: dollars,
    comment: "Standard deviation of the year's cost (closed form)",
  });
  sheet.namedLine({
    name: "RiskSkewness",
    label: "Skewness of the year's cost, γ",
    units: "",
    expression: ctx.output(
      `IF(${cells.variance}>0,${cells.third}/(${cells.variance}*SQRT(${cells.variance})),0)`,
    ),
    look: { style: "calc", numberFormat: "0.0000" },
    comment: "Skewness of the year's cost: third cumulant ÷ σ³",
  });

  sheet.section("Normal-Power reserve at the confidence (native, follows the inputs)", width);
  const mu = n.RiskExpectedCost;
  const sigma = n.RiskStandardDeviation;
  const gamma = n.RiskSkewness;
  sheet.namedLine({
    name: "RiskZ",
    label: "Standard normal quantile at the confidence, z",
    units: "",
    expression: `NORMSINV(${n.RiskConfidence})`,
    look: { style: "calc", numberFormat: "0.0000" },
    comment: "z = NORMSINV(confidence)",
  });
  const z = n.RiskZ;
  sheet.namedLine({
    name: "NormalQuantile",
    label: "Normal quantile, μ + σz",
    units: "$",
    expression: ctx.output(`${mu}+${sigma}*${z}`),
    look: dollars,
    comment: "The normal approximation's quantile of the year's cost at the confidence",
  });
  sheet.namedLine({
    name: "NormalPowerQuantile",
    label: "Normal-Power quantile, μ + σ(z + γ(z² − 1)/6)",
    units: "$",
    expression: ctx.output(`${mu}+${sigma}*(${z}+${gamma}*(${z}*${z}-1)/${n.NormalPowerDivisor})`),
    look: dollars,
    comment: "The Normal-Power quantile of the year's cost at the confidence",
  });
  sheet.line("Budget", "$", [formula(n.TotalBudget)], dollars);
  sheet.namedLine({
    name: "NormalPowerReserve",
    label: "Normal-Power risk reserve, max(0, quantile − budget)",
    units: "$",
    expression: ctx.output(`MAX(0,${n.NormalPowerQuantile}-${n.TotalBudget})`),
    look: { style: "total", numberFormat: NUMBER_FORMATS.dollars },
    comment: "What to hold on top of the budget (Normal-Power, at the confidence)",
  });
  // P(S > b) by inverting the Normal-Power map y = z + k(z² − 1)/2 with k = 2γ/6 at y = (b − μ)/σ:
  // z = (k + 2y) / (√(1 + k(k + 2y)) + 1), the root without cancellation (z = y when γ = 0).
  const yRow = sheet.line(
    "Budget above the mean, in standard deviations, y",
    "",
    [formula(ctx.output(`IF(${sigma}>0,(${n.TotalBudget}-${mu})/${sigma},0)`))],
    { style: "calc", numberFormat: "0.0000" },
  );
  const y = cellAddress(yRow, FIRST_VALUE_COLUMN);
  const kRow = sheet.line(
    "Normal-Power shift, k = 2γ/6",
    "",
    [formula(ctx.output(`(${gamma}+${gamma})/${n.NormalPowerDivisor}`))],
    { style: "calc", numberFormat: "0.000000" },
  );
  const k = cellAddress(kRow, FIRST_VALUE_COLUMN);
  const u = `${k}*(${k}+${y}+${y})`;
  sheet.namedLine({
    name: "NormalPowerProbabilityOverBudget",
    label: "Probability the year costs more than the budget (Normal-Power)",
    units: "probability",
    expression: ctx.output(
      `IF(${sigma}>0,IF(1+${u}<0,1,1-NORMSDIST((${k}+${y}+${y})/(SQRT(1+${u})+1))),IF(${mu}>${n.TotalBudget},1,0))`,
    ),
    look: { style: "total", numberFormat: NUMBER_FORMATS.percent },
    comment: "P(year's cost > budget) by the Normal-Power approximation",
  });
}

/** The core's exact figures as labelled values, the inputs they were computed at, and the check. */
function exactSection(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  figures: RiskFigures | undefined,
): void {
  const { n } = ctx;
  sheet.section("Exact figures (the core's, computed when the workbook was built)", width);
  sheet.note(
    "The year's cost distribution on a one-hour grid, as case-rate risk computes it. They are values, not",
  );
  sheet.note(
    "formulas: the check below turns red when the inputs have changed since; rebuild to refresh them.",
  );
  if (figures === undefined) sheet.note(NOT_COMPUTED);
  const value = (v: number | undefined): CellContent => v ?? null;
  const dollars = { style: "calc", numberFormat: NUMBER_FORMATS.dollars } as const;
  sheet.line("Exact risk reserve, max(0, quantile − budget)", "$", [value(figures?.riskReserve)], {
    style: "total",
    numberFormat: NUMBER_FORMATS.dollars,
  });
  sheet.line(
    "Exact probability the year costs more than the budget",
    "probability",
    [value(figures?.probabilityOverBudget)],
    {
      style: "total",
      numberFormat: NUMBER_FORMATS.percent,
    },
  );
  const probabilities = [
    ...new Set([...RISK_QUANTILES, figures?.confidence ?? RISK_DEFAULTS.confidence]),
  ].sort((a, b) => a - b);
  for (const p of probabilities)
    sheet.line(`Exact quantile at ${percentText(p)}`, "$", [value(figures?.quantiles[String(p)])], dollars);

  // The fingerprint: the live figure, then the one the exact figures were computed at.
  sheet.heading(["The inputs they were computed at", "", "Now", "When computed"]);
  const fingerprint: [string, string, number | undefined, string][] = [
    ["Expected cost of the year", n.RiskExpectedCost, figures?.expectedCost, NUMBER_FORMATS.dollars],
    [
      "Standard deviation of the year's cost",
      n.RiskStandardDeviation,
      figures?.standardDeviation,
      NUMBER_FORMATS.dollars,
    ],
    ["Skewness of the year's cost", n.RiskSkewness, figures?.skewness, "0.0000"],
    ["Budget", n.TotalBudget, figures?.budget, NUMBER_FORMATS.dollars],
    ["Confidence", n.RiskConfidence, figures?.confidence, NUMBER_FORMATS.percent],
  ];
  const rows = fingerprint.map(([label, live, stored, numberFormat]) =>
    sheet.line(label, "", [formula(live), value(stored)], { style: "calc", numberFormat }),
  );
  const now = rangeAddress(rows[0], FIRST_VALUE_COLUMN, rows[rows.length - 1], FIRST_VALUE_COLUMN);
  const then = rangeAddress(rows[0], FIRST_VALUE_COLUMN + 1, rows[rows.length - 1], FIRST_VALUE_COLUMN + 1);
  const checkRow = sheet.line(
    "The exact figures are current (computed from these inputs)",
    "",
    [
      formula(
        `IF(AND(COUNT(${now})=ROWS(${now}),COUNT(${then})=ROWS(${then})),SUMPRODUCT((ABS(${now}-${then})>${n.RiskCurrentTolerance}*ABS(${then}))*1)=0,FALSE)`,
      ),
    ],
    { style: "check" },
  );
  sheet.highlightCheck(cellAddress(checkRow, FIRST_VALUE_COLUMN));
  sheet.define(
    "RiskExactCurrent",
    cellAddress(checkRow, FIRST_VALUE_COLUMN, true),
    "TRUE while the exact risk figures match the inputs",
  );
}

/** The exact distribution's bars as chart data, and the chart with the budget and reserve marked. */
function distributionChart(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  bars: readonly DistributionBar[],
): void {
  sheet.section("Chart data: the exact distribution of the year's cost", 4);
  sheet.heading([
    "Cost of the year (middle of the bar)",
    "$",
    "Within the budget",
    "Within the reserve",
    "Beyond the reserve",
  ]);
  const places = ["within budget", "within reserve", "beyond reserve"] as const;
  const first = sheet.putTable(
    LABEL_COLUMN,
    bars.map((bar) => [
      `$${(bar.cost / 1e6).toFixed(2)}M`,
      bar.cost,
      ...places.map((where) => (bar.where === where ? bar.probability : null)),
    ]),
  );
  const rows: ChartRows = { first, last: first + bars.length - 1 };
  sheet.format(
    rangeAddress(rows.first, FIRST_VALUE_COLUMN - 1, rows.last, FIRST_VALUE_COLUMN - 1),
    "calc",
    NUMBER_FORMATS.dollars,
  );
  sheet.format(
    rangeAddress(rows.first, FIRST_VALUE_COLUMN, rows.last, FIRST_VALUE_COLUMN + 2),
    "calc",
    "0.00%",
  );
  const ref = (column: number) => ctx.ref("Risk", rangeAddress(rows.first, column, rows.last, column, true));
  const colors = [CHART_COLORS.withinBudget, CHART_COLORS.withinReserve, CHART_COLORS.beyondReserve];
  const names = ["Within the budget", "Within the reserve", "Beyond the reserve"];
  sheet.skip();
  const top = sheet.row;
  sheet.chart({
    kind: "column",
    title: "The year's cost: probability of each range (exact)",
    from: cellAddress(top, LABEL_COLUMN),
    to: cellAddress(top + 22, FIRST_VALUE_COLUMN + 3),
    categories: ref(LABEL_COLUMN),
    series: names.map((name, i) => ({ name, values: ref(FIRST_VALUE_COLUMN + i), color: colors[i] })),
    overlap: 100,
    gapWidth: 10,
    valueAxisFormat: "0.00%",
  });
}
