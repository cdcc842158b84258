import type { CorridorBand, Measure } from "../../core/contract";
import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN } from "../layout";
import type { CellContent, SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext, StarterName } from "../starter/context";
import { startSheet, TAB_COLORS } from "../starter/sheetTop";
import type { InputLine, StarterSheetBuilder } from "../starter/starterSheet";
import { ILLUSTRATIVE_COST_PER_HOUR, ILLUSTRATIVE_TERMS } from "./example";

/** Corridor bands the sheet has room for (the example uses three). */
export const CORRIDOR_BANDS = 4;
/** Quality measures the sheet has room for (the toolkit's step 8 has four). */
export const CONTRACT_MEASURES = 6;
/** Steps of a measure's ladder. */
export const LADDER_STEPS = 3;
/**
 * Years the build simulates by default: 2,000 put a probability of loss within about a point
 * (one standard error) in under half a second a build; the CLI's 10,000 (risk.simulationYears)
 * take about 2 s, which the user may give here.
 */
export const PRICING_YEARS = 2_000;
/** The arrangements, as the Contract sheet's list spells them. */
export const ARRANGEMENTS = ["Case rate", "Shared savings"] as const;
/** What a measure column's shared-savings gate cell holds when the measure gates the savings. */
export const IN_GATE = "yes";
export const DIRECTIONS = ["atLeast", "atMost"] as const;

/** Where the Contract sheet put each named input: its row (values from the first value column). */
export interface ContractLayout {
  readonly rows: Readonly<Record<StarterName, number>>;
}

/** Writes an input line and records the row of its name. */
type Input = (line: InputLine) => number;

/** The names of the ladder's step cells, by step (1-based) and by what they hold. */
export const ladderName = (step: number, what: "Thresholds" | "Earns"): StarterName => `Ladder${step}${what}`;

/** The example's measures, each once, with its weights in the withhold and in the bonus. */
function exampleMeasures(): { measure: Measure; withhold?: number; bonus?: number }[] {
  const all = new Map<string, { measure: Measure; withhold?: number; bonus?: number }>();
  for (const m of ILLUSTRATIVE_TERMS.withhold?.measures ?? [])
    all.set(m.id, { measure: m, withhold: m.weight });
  for (const m of ILLUSTRATIVE_TERMS.qualityBonus?.measures ?? [])
    all.set(m.id, {
      measure: all.get(m.id)?.measure ?? m,
      withhold: all.get(m.id)?.withhold,
      bonus: m.weight,
    });
  return [...all.values()];
}

/**
 * The Contract sheet: the terms that move money after the year, as inputs (blank, or the
 * example's illustrative terms, labelled so). Settlement reads them by name.
 */
export function contractSheet(ctx: StarterContext): { spec: SheetSpec; layout: ContractLayout } {
  const { options } = ctx;
  const levelCount = options.levels.length;
  const columns = Math.max(levelCount, CONTRACT_MEASURES, CORRIDOR_BANDS);
  const sheet = startSheet(
    ctx,
    "Contract",
    "The contract's terms: outlier payments, corridors, stop-loss, withhold, quality bonus, shared savings. Blank: not in the contract.",
    TAB_COLORS.inputs,
    [2, 80, 28, ...Array<number>(columns).fill(19)],
    3,
  );
  const width = columns + 2;
  const rows: Record<StarterName, number> = {};
  const input: Input = (line) => {
    const row = sheet.inputLine(line);
    if (line.name !== undefined) rows[line.name] = row;
    return row;
  };
  const when = <T>(value: T | undefined): CellContent =>
    options.example ? ((value ?? null) as CellContent) : null;
  if (options.example)
    sheet.note(
      "Illustrative terms only (examples/contract.json): not the toolkit's, not a signed contract; set your own.",
    );
  const share = (
    label: string,
    units: string,
    value: number | undefined,
    name: StarterName,
    comment: string,
  ) => {
    const row = input({
      label,
      units,
      values: [when(value)],
      numberFormat: NUMBER_FORMATS.percent,
      name,
      comment,
    });
    sheet.validate({
      range: cellAddress(row, FIRST_VALUE_COLUMN),
      kind: "decimal",
      min: 0,
      promptTitle: label.slice(0, 32),
      prompt: "A share, such as 20% (or 0.2); leave blank when the contract has no such term.",
      error: `${label} must be a share of 0% or more.`,
    });
    return row;
  };
  const across = (count: number, values: (i: number) => CellContent) =>
    Array.from({ length: count }, (_, i) => values(i));
  const acrossLine = (
    label: string,
    units: string,
    values: CellContent[],
    numberFormat: string,
    name: StarterName,
    comment: string,
  ) => input({ label, units, values, numberFormat, name, comment });

  const outlier = ILLUSTRATIVE_TERMS.outlier;
  sheet.section("Outlier payments (per case, on top of the case rate)", width);
  input({
    label: "Threshold: a multiple of the level's case rate",
    units: "× case rate",
    values: [when(outlier?.thresholdMultiple)],
    numberFormat: "0.00",
    name: "OutlierThresholdMultiple",
    comment: "The outlier threshold as a multiple of the level's case rate",
  });
  sheet.line(
    "Level of care",
    "",
    options.levels.map((level) => level.id),
    { style: "header" },
  );
  const costRow = acrossLine(
    "Or the threshold in dollars (in place of the multiple)",
    "$ per case",
    options.levels.map(() => null),
    NUMBER_FORMATS.dollarsCents,
    "OutlierThresholdCosts",
    "The outlier threshold in dollars, per level (in place of the multiple)",
  );
  sheet.validate({
    range: rangeAddress(costRow, FIRST_VALUE_COLUMN, costRow, FIRST_VALUE_COLUMN + levelCount - 1),
    kind: "decimal",
    min: 0,
    promptTitle: "Outlier threshold",
    prompt: "Dollars of a case's cost above which the payor shares it; blank to use the multiple.",
    error: "A threshold cannot be negative.",
  });
  share(
    "Payor's share of a case's cost above its threshold",
    "share",
    outlier?.payorShare,
    "OutlierPayorShare",
    "The payor's share of a case's cost above its outlier threshold",
  );

  sheet.section("Risk corridors (on the result relative to payments P)", width);
  input({
    label: "Corridor target: cost of care ÷ payments at which nothing moves (blank: 1)",
    units: "ratio",
    values: [when(ILLUSTRATIVE_TERMS.corridorTarget)],
    numberFormat: "0.00",
    name: "CorridorTarget",
    comment: "The ratio of cost of care to payments at which the corridors move nothing",
  });
  if (options.example)
    sheet.note("0.65: the cost of care counts only direct care ($103.45 of the $158.62 hour).");
  sheet.line(
    "Band",
    "",
    across(CORRIDOR_BANDS, (i) => `Band ${i + 1}`),
    { style: "header" },
  );
  const bands = ILLUSTRATIVE_TERMS.corridors ?? [];
  const band = (list: readonly CorridorBand[], i: number, key: "upTo" | "payorShare") => when(list[i]?.[key]);
  const bandRows = [
    acrossLine(
      "Loss: band reaches up to (last band blank: no limit)",
      "share of P",
      across(CORRIDOR_BANDS, (i) => band(bands, i, "upTo")),
      NUMBER_FORMATS.percent,
      "CorridorUpTo",
      "Where each loss band ends, as a share of payments",
    ),
    acrossLine(
      "Loss: payor's share of the loss inside the band",
      "share",
      across(CORRIDOR_BANDS, (i) => band(bands, i, "payorShare")),
      NUMBER_FORMATS.percent,
      "CorridorShares",
      "The payor's share of the loss inside each band",
    ),
    acrossLine(
      "Gain: band reaches up to (all gain bands blank: as the loss bands)",
      "share of P",
      across(CORRIDOR_BANDS, () => null),
      NUMBER_FORMATS.percent,
      "GainCorridorUpTo",
      "Where each gain band ends, as a share of payments",
    ),
    acrossLine(
      "Gain: payor's share of the gain inside the band",
      "share",
      across(CORRIDOR_BANDS, () => null),
      NUMBER_FORMATS.percent,
      "GainCorridorShares",
      "The payor's share of the gain inside each band (recovered from the provider)",
    ),
  ];
  sheet.validate({
    range: rangeAddress(
      bandRows[0],
      FIRST_VALUE_COLUMN,
      bandRows[3],
      FIRST_VALUE_COLUMN + CORRIDOR_BANDS - 1,
    ),
    kind: "decimal",
    min: 0,
    promptTitle: "Corridor band",
    prompt: "A share of payments (the band's end) or the payor's share inside it, such as 8%.",
    error: "A band's end or share cannot be negative.",
  });

  sheet.section("Stop-loss and stop-gain (after corridors, on the provider's result M)", width);
  share(
    "Stop-loss: most the provider loses, as a share of payments",
    "share of P",
    ILLUSTRATIVE_TERMS.stopLoss,
    "StopLoss",
    "The provider's loss after corridors is capped at this share of payments",
  );
  share(
    "Stop-gain: most the provider gains, as a share of payments",
    "share of P",
    ILLUSTRATIVE_TERMS.stopGain,
    "StopGain",
    "The provider's gain after corridors is capped at this share of payments",
  );

  sheet.section("Withhold and quality bonus (earned by the measures below)", width);
  share(
    "Withhold: share of case-rate payments withheld",
    "share",
    ILLUSTRATIVE_TERMS.withhold?.percent,
    "WithholdPercent",
    "The share of case-rate payments withheld, earned back by the measures",
  );
  input({
    label: "Quality bonus pool in dollars",
    units: "$",
    values: [when(ILLUSTRATIVE_TERMS.qualityBonus?.pool)],
    numberFormat: NUMBER_FORMATS.dollars,
    name: "QualityBonusPool",
    comment: "The quality bonus pool in dollars",
  });
  share(
    "Or the pool as a share of case-rate payments",
    "share",
    ILLUSTRATIVE_TERMS.qualityBonus?.poolPercent,
    "QualityBonusPoolPercent",
    "The quality bonus pool as a share of case-rate payments",
  );
  measuresBlock(ctx, sheet, width, input);
  sharedSavingsBlock(sheet, width, input, share);

  sheet.section("Pricing before signing", width);
  input({
    label: "Cost of an hour of care when pricing (contract.costPerHour)",
    units: "$ per hour",
    // With the provider model the example prices at its cost per direct hour: this stays blank.
    values: [options.provider ? null : when(ILLUSTRATIVE_COST_PER_HOUR)],
    numberFormat: NUMBER_FORMATS.dollarsCents,
    name: "ContractCostPerHour",
    comment: "What an hour of care costs the provider in the priced year; blank: as the note says",
  });
  sheet.note(
    ctx.options.provider
      ? "Blank: the Provider Model's cost of a direct-service hour (its inputs complete), else each level's rate."
      : "Blank: each level's rate per hour. Given: the cost of every hour of care in the priced year.",
  );
  if (options.example && !options.provider)
    sheet.note(
      "Illustrative: the provider's direct cost of an hour ($78,000 salary with benefits and taxes).",
    );
  const yearsRow = input({
    label: "Simulated years when pricing (the core's seeded simulation)",
    units: "years",
    values: [PRICING_YEARS],
    numberFormat: NUMBER_FORMATS.count,
    name: "ContractSimulationYears",
    comment: "Years the build simulates to price the contract (more: slower, smaller standard errors)",
  });
  sheet.validate({
    range: cellAddress(yearsRow, FIRST_VALUE_COLUMN),
    kind: "whole",
    min: 1,
    max: 100000,
    promptTitle: "Simulated years",
    prompt: "A whole number of years, such as 200; each build simulates them (10,000: a few seconds).",
    error: "Simulated years must be a whole number from 1 to 100,000.",
  });
  return { spec: sheet.build(), layout: { rows } };
}

/** The measures the withhold and the bonus are earned by, and the shared savings' quality gate. */
function measuresBlock(ctx: StarterContext, sheet: StarterSheetBuilder, width: number, input: Input): void {
  const { options } = ctx;
  const examples = options.example ? exampleMeasures() : [];
  const expected = ILLUSTRATIVE_TERMS.expectedMeasures ?? {};
  const each = (value: (m: (typeof examples)[number]) => CellContent | undefined): CellContent[] =>
    Array.from({ length: CONTRACT_MEASURES }, (_, i) =>
      examples[i] === undefined ? null : (value(examples[i]) ?? null),
    );
  sheet.section("Quality measures (weights sum to 100% in the withhold and in the bonus)", width);
  if (options.example)
    sheet.note("Illustrative targets and weights: the toolkit gives a target only for the 75% within range.");
  sheet.note(
    "A measure with no ladder is a gate: it earns all its weight when it meets its target, else none.",
  );
  const measureLine = (
    label: string,
    units: string,
    values: CellContent[],
    numberFormat: string,
    name: StarterName,
  ) =>
    input({
      label,
      units,
      values,
      numberFormat,
      name,
      comment: `${label} of each quality measure`,
    });
  const range = (row: number) =>
    rangeAddress(row, FIRST_VALUE_COLUMN, row, FIRST_VALUE_COLUMN + CONTRACT_MEASURES - 1);
  measureLine(
    "Measure",
    "id",
    each((m) => m.measure.id),
    NUMBER_FORMATS.general,
    "MeasureIds",
  );
  const directionRow = measureLine(
    "Direction: atLeast (better high) or atMost",
    "",
    each((m) => m.measure.direction),
    NUMBER_FORMATS.general,
    "MeasureDirections",
  );
  sheet.validate({
    range: range(directionRow),
    kind: "list",
    values: DIRECTIONS,
    promptTitle: "Direction",
    prompt: "atLeast: the measure meets its target at or above it; atMost: at or below it.",
    error: "Choose atLeast or atMost.",
  });
  const shares = [
    measureLine(
      "Target",
      "value",
      each((m) => m.measure.target),
      NUMBER_FORMATS.percent,
      "MeasureTargets",
    ),
    measureLine(
      "Weight in the withhold",
      "share",
      each((m) => m.withhold),
      NUMBER_FORMATS.percent,
      "WithholdWeights",
    ),
    measureLine(
      "Weight in the quality bonus",
      "share",
      each((m) => m.bonus),
      NUMBER_FORMATS.percent,
      "BonusWeights",
    ),
  ];
  const gateRow = measureLine(
    `In the shared savings' quality gate ("${IN_GATE}")`,
    "",
    each(() => null),
    NUMBER_FORMATS.general,
    "SavingsGate",
  );
  sheet.validate({
    range: range(gateRow),
    kind: "list",
    values: [IN_GATE],
    promptTitle: "Quality gate",
    prompt: `"${IN_GATE}" when the measure must meet its target for savings to be shared.`,
    error: `Type ${IN_GATE} or leave blank.`,
  });
  const ladder = (m: (typeof examples)[number], step: number) =>
    typeof m.measure.scoring === "object" ? m.measure.scoring.ladder[step] : undefined;
  for (let step = 1; step <= LADDER_STEPS; step++) {
    shares.push(
      measureLine(
        `Ladder step ${step}: met at (from the easiest step to the hardest)`,
        "value",
        each((m) => ladder(m, step - 1)?.threshold),
        NUMBER_FORMATS.percent,
        ladderName(step, "Thresholds"),
      ),
      measureLine(
        `Ladder step ${step}: share of the weight earned`,
        "share",
        each((m) => ladder(m, step - 1)?.earn),
        NUMBER_FORMATS.percent,
        ladderName(step, "Earns"),
      ),
    );
  }
  shares.push(
    measureLine(
      "Expected value when pricing (blank: its target)",
      "value",
      each((m) => expected[m.measure.id]),
      NUMBER_FORMATS.percent,
      "ExpectedMeasures",
    ),
  );
  for (const row of shares)
    sheet.validate({
      range: range(row),
      kind: "decimal",
      min: 0,
      promptTitle: "Measure",
      prompt: "A share or rate, such as 75% (or 0.75); zero or more.",
      error: "A measure's figure cannot be negative.",
    });
}

/** The shared-savings settings (fee-for-service against a benchmark), and the arrangement. */
function sharedSavingsBlock(
  sheet: StarterSheetBuilder,
  width: number,
  input: Input,
  share: (
    label: string,
    units: string,
    value: number | undefined,
    name: StarterName,
    comment: string,
  ) => number,
): void {
  sheet.section("Shared savings (fee-for-service against a benchmark)", width);
  const arrangementRow = input({
    label: "Arrangement",
    units: ARRANGEMENTS.join(" / "),
    values: [ARRANGEMENTS[0]],
    numberFormat: NUMBER_FORMATS.general,
    name: "Arrangement",
    comment: "Case rate (every term above applies) or shared savings (fee-for-service, only the savings)",
  });
  sheet.validate({
    range: cellAddress(arrangementRow, FIRST_VALUE_COLUMN),
    kind: "list",
    values: ARRANGEMENTS,
    promptTitle: "Arrangement",
    prompt: "Case rate: the terms above apply. Shared savings: fee-for-service with the savings below only.",
    error: "Choose Case rate or Shared savings.",
  });
  input({
    label: "Benchmark (blank: Σ over the year's cases of their case rate)",
    units: "$",
    values: [null],
    numberFormat: NUMBER_FORMATS.dollars,
    name: "SavingsBenchmark",
    comment: "The shared-savings benchmark in dollars",
  });
  share(
    "Minimum savings rate (blank: 0)",
    "share of benchmark",
    undefined,
    "MinimumSavingsRate",
    "Savings below this share of the benchmark are not shared",
  );
  share(
    "Sharing rate (blank: no shared savings)",
    "share of savings",
    undefined,
    "SharingRate",
    "The provider's share of the savings",
  );
  share(
    "Cap (blank: none)",
    "share of benchmark",
    undefined,
    "SavingsCap",
    "Most the provider earns, as a share of the benchmark",
  );
  share(
    "Minimum loss rate (two-sided; blank: 0)",
    "share of benchmark",
    undefined,
    "MinimumLossRate",
    "Losses below this share of the benchmark are not shared",
  );
  share(
    "Loss sharing rate (blank: one-sided)",
    "share of loss",
    undefined,
    "LossSharingRate",
    "The provider's share of a loss (two-sided)",
  );
  share(
    "Loss cap (blank: none)",
    "share of benchmark",
    undefined,
    "LossCap",
    "Most the provider pays, as a share of the benchmark",
  );
}
