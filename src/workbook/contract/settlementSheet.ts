import { cellAddress, rangeAddress, rowAnchoredAddress } from "../a1";
import { FIRST_VALUE_COLUMN, type ValueLook } from "../layout";
import { type CellContent, formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { CaseRatesLayout } from "../starter/caseRates";
import type { StarterContext, StarterName } from "../starter/context";
import type { InputsLayout } from "../starter/inputs";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";
import type { StarterSheetBuilder } from "../starter/starterSheet";
import {
  ARRANGEMENTS,
  CONTRACT_MEASURES,
  CORRIDOR_BANDS,
  type ContractLayout,
  IN_GATE,
  LADDER_STEPS,
  ladderName,
} from "./contractSheet";
import { ILLUSTRATIVE_ACTUALS } from "./example";
import { expectedYear } from "./expectedYear";
import type { ContractFigures } from "./contractFigures";
import { pricedSection } from "./pricedSection";
import {
  bandShares,
  type ContractCells,
  contractCells,
  corridorTarget,
  stopAdjustment,
} from "./termFormulas";

/** What a case's case rate says when its level is not one of the model's. */
export const UNKNOWN_LEVEL = "unknown level";
/** What an unused measure column shows: text that reads blank (a cached "" reads as never calculated). */
const NO_MEASURE = " ";
/** Closed cases the Settlement sheet's table has room for. */
export const CASE_ROWS = 400;
/** The case table's columns, from the first value column: level, cost, paid (inputs), then calculations. */
const CASE_COLUMNS = [
  "Level of care",
  "Cost of care",
  "Paid (optional)",
  "Case rate",
  "Outlier payment",
  "Paid, counted",
] as const;

/**
 * The Settlement sheet: the year's closed cases (an input table, the example's illustrative), each
 * case's case rate and outlier payment, the measures' values for the year, and the statement in
 * the core's order (outliers → P → corridors on P → stop-loss/stop-gain → withhold → bonus →
 * shared savings → net to the provider), all native; then the year in expectation and the core's
 * priced figures.
 */
export function settlementSheet(
  ctx: StarterContext,
  contract: ContractLayout,
  inputs: InputsLayout,
  caseRates: CaseRatesLayout,
  figures: ContractFigures | undefined,
): SheetSpec {
  const { n, options } = ctx;
  const levelCount = options.levels.length;
  const columns = Math.max(levelCount, CONTRACT_MEASURES, CASE_COLUMNS.length, CORRIDOR_BANDS);
  const sheet = startSheet(
    ctx,
    "Settlement",
    "Settles the year under the Contract's terms: the closed cases and measures are inputs (yellow), the statement follows.",
    TAB_COLORS.calcs,
    [2, 100, 22, ...Array<number>(columns).fill(22)],
    3,
  );
  const width = columns + 2;
  const cells = contractCells(ctx, contract);
  const shared = `${n.Arrangement}="${ARRANGEMENTS[1]}"`;
  if (options.example)
    sheet.note(
      "Illustrative actuals, not real data: every fourth of examples/actuals.json's cases and its measure values.",
    );
  const top = measuresAndThresholds(ctx, sheet, width, cells, inputs, caseRates);
  // The case table's columns by name: the table sits at the sheet's end, below what sums it.
  statementBlock(ctx, sheet, width, cells, {
    shared,
    caseRates: n.CaseRatesOfCases,
    outliers: n.CaseOutlierPayments,
    costs: n.CaseCosts,
    paid: n.CasesPaidCounted,
    scores: top.scores,
    met: top.met,
  });
  expectedYear(ctx, sheet, width, cells, inputs, caseRates, top.thresholdRow);
  pricedSection(ctx, sheet, width, figures);
  caseTable(ctx, sheet, width, top.thresholdRow);
  return sheet.build();
}

/** The measures' values for the year (inputs), whether each meets its target, its score; the outlier thresholds. */
function measuresAndThresholds(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  cells: ContractCells,
  inputs: InputsLayout,
  caseRates: CaseRatesLayout,
): { scores: string; met: string; thresholdRow: number } {
  const { n, options } = ctx;
  const measureColumns = Array.from({ length: CONTRACT_MEASURES }, (_, i) => FIRST_VALUE_COLUMN + i);
  const across = (build: (c: number) => string): CellContent[] =>
    measureColumns.map((c) => formula(build(c)));
  sheet.section("The measures' values for the year (inputs)", width);
  sheet.line(
    "Measure",
    "",
    across(
      (c) => `IF(ISNUMBER(${cells.at("MeasureTargets", c)}),${cells.at("MeasureIds", c)},"${NO_MEASURE}")`,
    ),
    { style: "header" },
  );
  const example = ILLUSTRATIVE_ACTUALS.measures;
  const ids = ["withinRange", "followUp7Day", "accessStandard", "encounterSubmission"];
  const valueRow = sheet.inputLine({
    label: "Value for the year",
    units: "value",
    values: measureColumns.map((_, i) =>
      options.example && ids[i] !== undefined ? (example[ids[i]] ?? null) : null,
    ),
    numberFormat: NUMBER_FORMATS.percent,
    name: "MeasureValues",
    comment: "Each quality measure's value for the year",
  });
  sheet.validate({
    range: rangeAddress(valueRow, FIRST_VALUE_COLUMN, valueRow, FIRST_VALUE_COLUMN + CONTRACT_MEASURES - 1),
    kind: "decimal",
    min: 0,
    promptTitle: "Measure's value",
    prompt: "The measure's value for the year, such as 78% (or 0.78).",
    error: "A measure's value cannot be negative.",
  });
  const value = (c: number) => cellAddress(valueRow, c);
  const meets = (c: number, threshold: string) =>
    `IF(${cells.at("MeasureDirections", c)}="atMost",${value(c)}<=${threshold},${value(c)}>=${threshold})`;
  const used = (c: number, then: string, none = `"${NO_MEASURE}"`) =>
    `IF(ISNUMBER(${cells.at("MeasureTargets", c)}),IF(ISNUMBER(${value(c)}),${then},"enter the value"),${none})`;
  const metRow = sheet.line(
    "Meets its target",
    "",
    across((c) => used(c, meets(c, cells.at("MeasureTargets", c)))),
    { style: "check" },
  );
  // A ladder earns its best step met; the steps run from the easiest to the hardest (a check says so).
  const ladder = (c: number) => {
    let score = "0";
    for (let step = 1; step <= LADDER_STEPS; step++) {
      const threshold = cells.at(ladderName(step, "Thresholds"), c);
      score = `IF(AND(ISNUMBER(${threshold}),${meets(c, threshold)}),${cells.at(ladderName(step, "Earns"), c)},${score})`;
    }
    return score;
  };
  const scoreRow = sheet.line(
    "Score (a gate: 1 or 0; a ladder: the best step's earn)",
    "share of weight",
    across((c) =>
      used(
        c,
        `IF(ISNUMBER(${cells.at(ladderName(1, "Thresholds"), c)}),${ladder(c)},IF(${cellAddress(metRow, c)},1,0))`,
        // An unused measure scores 0 (its weight is blank): a number, so its neighbour's % never butts.
        "0",
      ),
    ),
    { style: "calc", numberFormat: NUMBER_FORMATS.percentWhole },
  );
  const row = (r: number) =>
    rangeAddress(r, FIRST_VALUE_COLUMN, r, FIRST_VALUE_COLUMN + CONTRACT_MEASURES - 1, true);
  sheet.define("MeasureScores", row(scoreRow), "Each quality measure's score for the year");

  sheet.section("Outlier thresholds", width);
  sheet.line(
    "Level of care",
    "",
    options.levels.map((_, i) =>
      formula(ctx.ref("Inputs", rowAnchoredAddress(inputs.levelIdRow, FIRST_VALUE_COLUMN + i))),
    ),
    { style: "header" },
  );
  const levelColumns = options.levels.map((_, i) => FIRST_VALUE_COLUMN + i);
  const caseRate = (c: number) => ctx.ref("Case Rates", rowAnchoredAddress(caseRates.caseRateRow, c));
  const thresholdRow = sheet.line(
    "Threshold (dollars, else the multiple × the case rate)",
    "$ per case",
    levelColumns.map((c) =>
      formula(
        `IF(ISNUMBER(${cells.at("OutlierThresholdCosts", c)}),${cells.at("OutlierThresholdCosts", c)},IF(AND(ISNUMBER(${n.OutlierThresholdMultiple}),ISNUMBER(${caseRate(c)})),${n.OutlierThresholdMultiple}*${caseRate(c)},"none"))`,
      ),
    ),
    { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  sheet.define(
    "OutlierThresholds",
    rangeAddress(
      thresholdRow,
      FIRST_VALUE_COLUMN,
      thresholdRow,
      FIRST_VALUE_COLUMN + options.levels.length - 1,
      true,
    ),
    "Each level's outlier threshold",
  );
  return { scores: row(scoreRow), met: row(metRow), thresholdRow };
}

/** The case table's columns the statement sums, the measures' rows, and the arrangement test. */
interface StatementInputs {
  readonly shared: string;
  readonly caseRates: string;
  readonly outliers: string;
  readonly costs: string;
  readonly paid: string;
  readonly scores: string;
  readonly met: string;
}

/**
 * The statement in the core's order, each line in the core's words (settle's lines[]), each
 * figure named: case-rate payments → outlier payments → P → corridor adjustment → stop-loss/
 * stop-gain → withheld → earned back → quality bonus → fee-for-service → shared savings → net
 * paid to the provider, cost of care, margin. A term left blank on Contract moves nothing.
 */
function statementBlock(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  cells: ContractCells,
  at: StatementInputs,
): void {
  const { n } = ctx;
  const dollars: ValueLook = { style: "calc", numberFormat: NUMBER_FORMATS.dollarsCents };
  const share: ValueLook = { style: "calc", numberFormat: "0.0000%" };
  const named = (name: StarterName, label: string, expression: string, look: ValueLook = dollars) => {
    sheet.namedLine({
      name,
      label,
      units: look === share ? "share of P" : "$",
      expression,
      look,
      comment: label,
    });
    return name;
  };
  const caseRate = (then: string) => `IF(${at.shared},0,${then})`;
  sheet.section("Settlement statement (in the order the terms apply)", width);
  sheet.namedLine({
    name: "SettlementCases",
    label: "Closed cases of the year",
    units: "cases",
    expression: `COUNT(${at.costs})`,
    look: { style: "calc", numberFormat: NUMBER_FORMATS.count },
    comment: "Closed cases with a known level and a cost",
  });
  const crp = named(
    "SettlementCaseRatePayments",
    "Case-rate payments, each case at its level's case rate",
    caseRate(`SUM(${at.caseRates})`),
  );
  const outliers = named(
    "SettlementOutlierPayments",
    "Outlier payments: the payor's share of each case's cost above its threshold",
    caseRate(`SUM(${at.outliers})`),
  );
  const P = named(
    "SettlementPayments",
    "Payments P (case rates and outlier payments)",
    `${crp}+${outliers}`,
    {
      style: "total",
      numberFormat: NUMBER_FORMATS.dollarsCents,
    },
  );
  const C = named("SettlementCostOfCare", "Cost of care, C (Σ the cases' costs)", `SUM(${at.costs})`);
  const target = corridorTarget(ctx);
  const r = named(
    "SettlementCorridorRatio",
    "Cost of care above the corridor target × payments, r = (C − target × P) ÷ P",
    `IF(${P}>0,(${C}-${target}*${P})/${P},0)`,
    share,
  );
  const bandLines = (side: "loss" | "gain") =>
    bandShares(ctx, cells, side === "loss" ? r : `(0-${r})`, side).map((expression, k) =>
      cellAddress(
        sheet.line(
          `${side === "loss" ? "Loss" : "Gain"} band ${k + 1}: the payor's share × the part of |r| inside it`,
          "share of P",
          [formula(expression)],
          share,
        ),
        FIRST_VALUE_COLUMN,
      ),
    );
  const loss = bandLines("loss");
  const gain = bandLines("gain");
  const corridor = named(
    "SettlementCorridorAdjustment",
    "Corridor adjustment (positive: paid to the provider)",
    caseRate(`${P}*(SUM(${loss[0]}:${loss[loss.length - 1]})-SUM(${gain[0]}:${gain[gain.length - 1]}))`),
  );
  const M = named(
    "SettlementResultAfterCorridors",
    "The provider's result after corridors, M = P + corridor − C",
    `${P}+${corridor}-${C}`,
  );
  const stop = named(
    "SettlementStopLossAdjustment",
    "Stop-loss/stop-gain adjustment on the result after corridors (positive: paid to the provider)",
    caseRate(stopAdjustment(ctx, M, P)),
  );
  // A weighted score once every measure the term weighs has its value, else what to enter.
  const weighted = (weights: StarterName, then: (score: string) => string) =>
    `IF(SUMPRODUCT(ISNUMBER(${n[weights]})*(1-ISNUMBER(${at.scores})))>0,"enter the measures' values",${then(`SUMPRODUCT(${n[weights]},${at.scores})`)})`;
  const withheld = named(
    "SettlementWithheld",
    "Withhold: the share of case-rate payments withheld",
    caseRate(`0-N(${n.WithholdPercent})*${crp}`),
  );
  const earned = named(
    "SettlementWithholdEarned",
    "Withhold earned back by the measures",
    caseRate(
      `IF(ISNUMBER(${n.WithholdPercent}),${weighted("WithholdWeights", (score) => `(0-${withheld})*${score}`)},0)`,
    ),
  );
  const pool = `IF(ISNUMBER(${n.QualityBonusPool}),${n.QualityBonusPool},N(${n.QualityBonusPoolPercent})*${crp})`;
  const bonus = named(
    "SettlementQualityBonus",
    "Quality bonus earned by the measures",
    caseRate(
      `IF(COUNT(${n.QualityBonusPool},${n.QualityBonusPoolPercent})>0,${weighted("BonusWeights", (score) => `${pool}*${score}`)},0)`,
    ),
  );
  const fees = named(
    "SettlementFeeForService",
    "Fee-for-service payments for the cases (under shared savings)",
    `IF(${at.shared},SUM(${at.paid}),0)`,
  );
  const benchmark = named(
    "SettlementBenchmark",
    "Shared savings: the benchmark (blank on Contract: Σ the cases' case rates)",
    `IF(ISNUMBER(${n.SavingsBenchmark}),${n.SavingsBenchmark},SUM(${at.caseRates}))`,
  );
  const savings = named(
    "SettlementSavings",
    "Savings: benchmark − fee-for-service spending",
    `${benchmark}-SUM(${at.paid})`,
  );
  const gateMet = `SUMPRODUCT((${n.SavingsGate}="${IN_GATE}")*(${at.met}<>TRUE))=0`;
  const capped = (amount: string, cap: StarterName) =>
    `IF(ISNUMBER(${n[cap]}),MIN(${amount},${n[cap]}*${benchmark}),${amount})`;
  const sharedSavings = named(
    "SettlementSharedSavings",
    "Shared savings against the benchmark (negative: shared losses paid by the provider)",
    `IF(ISNUMBER(${n.SharingRate}),IF(${savings}>0,IF(AND(${gateMet},${savings}>=N(${n.MinimumSavingsRate})*${benchmark}),${capped(`${n.SharingRate}*${savings}`, "SavingsCap")},0),IF(AND(ISNUMBER(${n.LossSharingRate}),${savings}<0,0-${savings}>=N(${n.MinimumLossRate})*${benchmark}),0-${capped(`${n.LossSharingRate}*(0-${savings})`, "LossCap")},0)),0)`,
  );
  const net = named(
    "SettlementNetToProvider",
    "Net paid to the provider",
    `${crp}+${outliers}+${corridor}+${stop}+${withheld}+${earned}+${bonus}+${fees}+${sharedSavings}`,
    { style: "total", numberFormat: NUMBER_FORMATS.dollarsCents },
  );
  named("SettlementCostOfCareAgain", "Cost of care", C);
  named("SettlementMargin", "Provider margin (net paid less cost of care)", `${net}-${C}`, {
    style: "total",
    numberFormat: NUMBER_FORMATS.dollarsCents,
  });
}

/** The closed cases: level, cost and paid are inputs; each case's case rate, outlier payment and paid amount. */
function caseTable(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  thresholdRow: number,
): void {
  const { n, options } = ctx;
  sheet.section(`Closed cases of the year (inputs: room for ${CASE_ROWS})`, width);
  sheet.line("Case", "", [...CASE_COLUMNS], { style: "header" });
  const first = sheet.row;
  const example = options.example ? ILLUSTRATIVE_ACTUALS.cases : [];
  const thresholds = rangeAddress(
    thresholdRow,
    FIRST_VALUE_COLUMN,
    thresholdRow,
    FIRST_VALUE_COLUMN + options.levels.length - 1,
    true,
  );
  const col = (k: number, row: number) => cellAddress(row, FIRST_VALUE_COLUMN + k);
  const rows = Array.from({ length: CASE_ROWS }, (_, i) => {
    const row = first + i;
    const level = col(0, row);
    const cost = col(1, row);
    const match = `MATCH(${level},${n.LevelIds},0)`;
    const threshold = `INDEX(${thresholds},1,${match})`;
    return [
      example[i]?.[0] ?? null,
      example[i]?.[1] ?? null,
      null,
      formula(
        `IF(ISNUMBER(${cost}),IF(ISNUMBER(${match}),INDEX(${n.CaseRates},1,${match}),"${UNKNOWN_LEVEL}"),0)`,
      ),
      formula(
        `IF(AND(ISNUMBER(${cost}),ISNUMBER(${col(3, row)})),IF(AND(ISNUMBER(${threshold}),ISNUMBER(${n.OutlierPayorShare})),${n.OutlierPayorShare}*MAX(0,${cost}-${threshold}),0),0)`,
      ),
      formula(`IF(ISNUMBER(${cost}),IF(ISNUMBER(${col(2, row)}),${col(2, row)},${cost}),0)`),
    ];
  });
  // The inputs in one block, then each calculated column in its own: one formula down each.
  sheet.putBlock(
    first,
    FIRST_VALUE_COLUMN,
    rows.map((cells) => cells.slice(0, 3)),
  );
  for (const k of [3, 4, 5])
    sheet.putBlock(
      first,
      FIRST_VALUE_COLUMN + k,
      rows.map((cells) => [cells[k]]),
    );
  const last = first + CASE_ROWS - 1;
  const range = (k: number, l = k) =>
    rangeAddress(first, FIRST_VALUE_COLUMN + k, last, FIRST_VALUE_COLUMN + l);
  sheet.format(range(0), "input");
  sheet.format(range(1, 2), "input", NUMBER_FORMATS.dollarsCents);
  // An empty row's case rate, outlier payment and paid are 0 (a cached "" reads as never calculated).
  sheet.format(range(3, 5), "calc", NUMBER_FORMATS.dollarsCents);
  sheet.validate({
    range: range(1, 2),
    kind: "decimal",
    min: 0,
    promptTitle: "Closed case",
    prompt: "The case's cost of care (or its fee-for-service payment), in dollars; zero or more.",
    error: "A case's cost cannot be negative.",
  });
  const names: [StarterName, string][] = [
    ["CaseLevels", "Level of each closed case"],
    ["CaseCosts", "Cost of care of each closed case"],
    ["CasesPaid", "Fee-for-service payment of each closed case (optional)"],
    ["CaseRatesOfCases", "Case rate of each closed case"],
    ["CaseOutlierPayments", "Outlier payment of each closed case"],
    ["CasesPaidCounted", "What fee-for-service paid for each closed case (its cost unless given)"],
  ];
  names.forEach(([name, comment], k) =>
    sheet.define(
      name,
      rangeAddress(first, FIRST_VALUE_COLUMN + k, last, FIRST_VALUE_COLUMN + k, true),
      comment,
    ),
  );
}
