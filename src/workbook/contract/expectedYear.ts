import { cellAddress, rangeAddress, rowAnchoredAddress } from "../a1";
import { FIRST_VALUE_COLUMN } from "../layout";
import { type CellContent, formula } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { CaseRatesLayout } from "../starter/caseRates";
import type { StarterContext, StarterName } from "../starter/context";
import type { InputsLayout } from "../starter/inputs";
import type { StarterSheetBuilder } from "../starter/starterSheet";
import { CORRIDOR_BANDS } from "./contractSheet";
import { expectedStops } from "./expectedStops";
import { bandCell, type ContractCells, corridorTarget, normalExcess } from "./termFormulas";

/**
 * The year in expectation before signing, native: each level's expected outlier payments from
 * Risk's spread of hours (λ × payorShare × E[(X − t)⁺]: a cohort table's Σ share × (cost − t)⁺,
 * gamma's closed form), the cost of care at the Contract's cost of an hour, and the corridors,
 * the stop-loss and the stop-gain under the Normal approximation of r = (C − target × P) ÷ P.
 */
export function expectedYear(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  cells: ContractCells,
  inputs: InputsLayout,
  caseRates: CaseRatesLayout,
  thresholdRow: number,
): void {
  const { n, options } = ctx;
  const levelColumns = options.levels.map((_, i) => FIRST_VALUE_COLUMN + i);
  const totalColumn = FIRST_VALUE_COLUMN + options.levels.length;
  const perLevel = (build: (c: number) => string): CellContent[] =>
    levelColumns.map((c) => formula(ctx.output(build(c))));
  const at = (row: number, c: number) => cellAddress(row, c);
  /** The level's cell of a per-level name on another sheet (its columns are the same). */
  const nth = (name: StarterName, c: number) =>
    `INDEX(${n[name]},1,COLUMNS(${cellAddress(1, FIRST_VALUE_COLUMN, true)}:${rowAnchoredAddress(1, c)}))`;
  const withTotal = (label: string, units: string, build: (c: number) => string, numberFormat: string) => {
    const row = sheet.line(label, units, perLevel(build), { style: "calc", numberFormat });
    sheet.put(
      row,
      totalColumn,
      [formula(ctx.output(`SUM(${rangeAddress(row, levelColumns[0], row, totalColumn - 1)})`))],
      {
        style: "total",
        numberFormat,
      },
    );
    return cellAddress(row, totalColumn);
  };
  sheet.section(
    "The year in expectation before signing (native; the Normal approximation for the corridors)",
    width,
  );
  sheet.line(
    "Level of care",
    "",
    [
      ...levelColumns.map((c) => formula(ctx.ref("Inputs", rowAnchoredAddress(inputs.levelIdRow, c)))),
      "Total",
    ],
    { style: "header" },
  );
  const cases = (c: number) => ctx.ref("Case Rates", rowAnchoredAddress(caseRates.casesRow, c));
  const caseRate = (c: number) => ctx.ref("Case Rates", rowAnchoredAddress(caseRates.caseRateRow, c));
  const hourRow = sheet.line(
    "Cost of an hour of care (Contract's, else the level's rate per hour)",
    "$ per hour",
    perLevel(
      (c) => `IF(ISNUMBER(${n.ContractCostPerHour}),${n.ContractCostPerHour},${nth("RiskLevelRates", c)})`,
    ),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  const hour = (c: number) => at(hourRow, c);
  const meanRow = sheet.line(
    "Mean cost of a case, m",
    "$",
    perLevel((c) => `${hour(c)}*${nth("RiskMeanHours", c)}`),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  const mean = (c: number) => at(meanRow, c);
  const rate = (c: number) => nth("RiskLevelRates", c);
  const secondRow = sheet.line(
    "Second moment of a case's cost, E[X²]",
    "$²",
    perLevel((c) => `${nth("RiskCaseSecondMoments", c)}*(${hour(c)}/${rate(c)})*(${hour(c)}/${rate(c)})`),
    { style: "calc", numberFormat: NUMBER_FORMATS.count },
  );
  const column = (rows: readonly number[], c: number) =>
    ctx.ref("Inputs", `${rowAnchoredAddress(rows[0], c)}:${rowAnchoredAddress(rows[rows.length - 1], c)}`);
  const t = (c: number) => at(thresholdRow, c);
  const cv = (c: number) => ctx.ref("Inputs", rowAnchoredAddress(inputs.risk.cvRow, c));
  const episodes = (c: number) => column(inputs.risk.episodeRows, c);
  const cost = (c: number) => `${column(inputs.risk.hourRows, c)}*${hour(c)}`;
  const gammaExcess = (c: number) => {
    const shape = `1/(${cv(c)}*${cv(c)})`;
    const scale = `${mean(c)}*${cv(c)}*${cv(c)}`;
    return `${mean(c)}*(1-GAMMADIST(${t(c)},${shape}+1,${scale},TRUE))-${t(c)}*(1-GAMMADIST(${t(c)},${shape},${scale},TRUE))`;
  };
  const excessRow = sheet.line(
    "Expected cost above the outlier threshold, E[(X − t)⁺]",
    "$ per case",
    perLevel((c) => {
      const spread = nth("RiskSpreads", c);
      const cohorts = `SUMPRODUCT(${episodes(c)},(${cost(c)}>${t(c)})*(${cost(c)}-${t(c)}))/SUM(${episodes(c)})`;
      return `IF(ISNUMBER(${t(c)}),IF(${spread}="gamma",${gammaExcess(c)},IF(${spread}="cohorts",${cohorts},MAX(0,${mean(c)}-${t(c)}))),0)`;
    }),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  const outliers = withTotal(
    "Expected outlier payments, λ × payor's share × E[(X − t)⁺]",
    "$",
    (c) => `${cases(c)}*N(${n.OutlierPayorShare})*${at(excessRow, c)}`,
    NUMBER_FORMATS.dollars,
  );
  sheet.define(
    "ExpectedOutlierPayments",
    cellAddress(sheet.row - 1, totalColumn, true),
    "Expected outlier payments (closed form)",
  );
  const caseRatePayments = withTotal(
    "Expected case-rate payments, λ × case rate",
    "$",
    (c) => `${cases(c)}*${caseRate(c)}`,
    NUMBER_FORMATS.dollars,
  );
  const costOfCare = withTotal(
    "Expected cost of care, λ × m",
    "$",
    (c) => `${cases(c)}*${mean(c)}`,
    NUMBER_FORMATS.dollars,
  );
  const target = corridorTarget(ctx);
  const varianceD = withTotal(
    "Variance of C − target × case-rate payments, λ × E[(X − target × case rate)²]",
    "$²",
    (c) => {
      const tc = `${target}*${caseRate(c)}`;
      return `${cases(c)}*(${at(secondRow, c)}-${tc}*${mean(c)}-${tc}*${mean(c)}+${tc}*${tc})`;
    },
    NUMBER_FORMATS.count,
  );
  const line = (
    name: StarterName,
    label: string,
    units: string,
    expression: string,
    numberFormat: string,
  ) => {
    sheet.namedLine({
      name,
      label,
      units,
      expression: ctx.output(expression),
      look: { style: "calc", numberFormat },
      comment: label,
    });
    return n[name];
  };
  const P = line(
    "ExpectedPayments",
    "Expected payments P̄ (case rates and outlier payments)",
    "$",
    `${caseRatePayments}+${outliers}`,
    NUMBER_FORMATS.dollars,
  );
  line("ExpectedCostOfCare", "Expected cost of care", "$", costOfCare, NUMBER_FORMATS.dollars);
  const m = line(
    "ExpectedCorridorRatio",
    "Mean of r, (E[C] − target × P̄) ÷ P̄",
    "share of P",
    `IF(${P}>0,(${costOfCare}-${target}*${P})/${P},0)`,
    "0.0000%",
  );
  const s = line(
    "CorridorRatioSD",
    "Standard deviation of r (payments at P̄)",
    "share of P",
    `IF(${P}>0,SQRT(MAX(0,${varianceD}))/${P},0)`,
    "0.0000%",
  );
  const bandLines = (side: "loss" | "gain") => {
    const mean = side === "loss" ? m : `(0-${m})`;
    return Array.from({ length: CORRIDOR_BANDS }, (_, k) => {
      const share = bandCell(ctx, cells, side, "share", k);
      const upTo = bandCell(ctx, cells, side, "upTo", k);
      const lower = k === 0 ? "0" : `N(${bandCell(ctx, cells, side, "upTo", k - 1)})`;
      const row = sheet.line(
        `${side === "loss" ? "Loss" : "Gain"} band ${k + 1} in expectation: share × E[part of |r| inside it]`,
        "share of P",
        [
          formula(
            ctx.output(
              `IF(ISNUMBER(${share}),${share}*(${normalExcess(mean, s, lower)}-IF(ISNUMBER(${upTo}),${normalExcess(mean, s, upTo)},0)),0)`,
            ),
          ),
        ],
        { style: "calc", numberFormat: "0.0000%" },
      );
      return cellAddress(row, FIRST_VALUE_COLUMN);
    });
  };
  const loss = bandLines("loss");
  const gain = bandLines("gain");
  line(
    "ExpectedCorridorAdjustment",
    "Expected corridor adjustment (Normal approximation; positive: paid to the provider)",
    "$",
    `${P}*(SUM(${loss[0]}:${loss[loss.length - 1]})-SUM(${gain[0]}:${gain[gain.length - 1]}))`,
    NUMBER_FORMATS.dollars,
  );
  expectedStops(ctx, sheet, width, cells, { mean: m, sd: s, payments: P, target });
}
