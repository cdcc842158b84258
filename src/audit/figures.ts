import { computeRateModel, type RateModelResult } from "../core/model";
import { MONTHS_PER_YEAR } from "../core/pmpm";
import { reproducesPrinted } from "../core/printedRounding";
import { excelRound } from "../core/round";
import { TOOLKIT_RATE_MODEL, TOOLKIT_RATE_PER_HOUR, WORKED_EXAMPLE } from "../core/toolkit/example";
import type { AuditField, FieldLocation } from "./fields";
import { count, hoursText, listWords, money, rate, share } from "./format";
import {
  COHORT_AVERAGE_HOURS,
  describeFigures,
  figuresMissedBy,
  intervalText,
  PRINTED_RATE,
  PRINTED_ROWS_SUM,
  PROSE_CASE_MIX,
} from "./source";
import {
  type AuditCell,
  type AuditGrid,
  type AuditValue,
  cellName,
  type Fault,
  type FigureResult,
  type FigureUnit,
  type Verdict,
} from "./types";

const payor = WORKED_EXAMPLE.payor;
const cohorts = WORKED_EXAMPLE.utilization_cohorts_level_b;

/** How close the workbook must be to the core to "match" it: relative, never loosened. */
export const CORE_TOLERANCE = 1e-9;

/** True when two numbers agree to CORE_TOLERANCE relative to the larger. */
export function matches(a: number, b: number): boolean {
  return Math.abs(a - b) <= CORE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Another way to compute a figure that differs from the toolkit's only by a rounding the source made. */
interface SourceRounding {
  readonly value: number;
  /** What the workbook did, completing "$12,689 is …". */
  readonly why: string;
}

/** One figure to audit: where the workbook has it, what the toolkit prints and what the core computes. */
interface FigureDef {
  readonly id: string;
  readonly label: string;
  readonly unit: FigureUnit;
  readonly decimals: number;
  readonly published: number | null;
  readonly field: AuditField;
  readonly index: number;
  /** An output must be a formula: a typed number there cannot follow the inputs. */
  readonly output: boolean;
  readonly core: number;
  /** The computation in words with the core's numbers: "80 h × $158.61739 = $12,689.39". */
  readonly how: string;
  /** A computed remark added to a pass ("the printed $158.62 would give $12,689.60…"). */
  readonly passNote?: string;
  /** Figures this one is computed from, by id. */
  readonly dependsOn: readonly string[];
  readonly roundings: readonly SourceRounding[];
  /** The figure at the toolkit's own rate, for figures the rate per hour drives. */
  readonly atToolkitRate?: number;
  /** The source printed this figure rounded from the value it computed with (the rate per hour). */
  readonly roundedInSource?: boolean;
  /** For a fail: what is wrong, from the workbook's own cells; null when nothing more is known. */
  readonly diagnose?: (workbook: number) => string | null;
  /** Custom sentences where the general ones would say less. */
  readonly sentences?: Partial<Record<"pass" | "rounding" | "fail", (workbook: number) => string>>;
}

/** What the figures are read from. */
export interface FigureInputs {
  readonly grid: AuditGrid;
  readonly found: ReadonlyMap<AuditField, FieldLocation>;
  readonly faults: readonly Fault[];
}

function formatValue(unit: FigureUnit, value: number, decimals: number): string {
  switch (unit) {
    case "dollars":
      return money(value, decimals);
    case "ratePerHour":
      return rate(value);
    case "share":
      return share(value);
    case "hours":
      return hoursText(value);
    case "cases":
      return count(value);
  }
}

/** The workbook's value as a sentence shows it: exact, with the decimals it has. */
function formatExact(unit: FigureUnit, value: number): string {
  if (unit === "dollars") return money(value, Number.isInteger(value) ? 0 : 2);
  return formatValue(unit, value, 4);
}

const FAULT_WORDS: Record<Fault["kind"], string> = {
  "number-in-formula": "a number typed inside its formula",
  "inconsistent-row": "a formula that differs from its row",
  "number-over-formula": "a number typed over a formula",
  "empty-reference": "a reference to an empty cell",
  "error-value": "an error value",
};

/** Builds every figure the workbook has, in the toolkit's order, with the core's values. */
function figureDefs(inputs: FigureInputs): FigureDef[] {
  const { grid, found } = inputs;
  const cellAt = (field: AuditField, index: number): AuditCell | undefined => {
    const ref = found.get(field)?.cells[index];
    return ref ? grid.cell(ref.sheet, ref.address) : undefined;
  };
  const numberAt = (field: AuditField, index: number): number | undefined => {
    const value = cellAt(field, index)?.value;
    return typeof value === "number" ? value : undefined;
  };
  const workbookRate = numberAt("ratePerHour", 0);
  const coreRate = workbookRate !== undefined && workbookRate >= 0 ? workbookRate : TOOLKIT_RATE_PER_HOUR;
  const core: RateModelResult = computeRateModel({ ...TOOLKIT_RATE_MODEL, ratePerHour: coreRate });
  const atToolkit: RateModelResult = computeRateModel(TOOLKIT_RATE_MODEL);
  const enrollees = TOOLKIT_RATE_MODEL.enrollees;
  const levels = payor.levels_of_care.map((l) => l.level);
  const rateCents = excelRound(coreRate, 2);
  const defs: FigureDef[] = [];

  payor.step2_penetration.scenarios.forEach((scenario, i) => {
    const cases = enrollees * scenario.rate;
    defs.push({
      id: `step2.cases.${scenario.name.toLowerCase()}`,
      label: `cases at the ${scenario.name.toLowerCase()} penetration rate`,
      unit: "cases",
      decimals: 0,
      published: scenario.cases,
      field: "scenarioCases",
      index: i,
      output: true,
      core: cases,
      how: `${count(enrollees)} enrollees × ${share(scenario.rate)} = ${count(cases)} cases`,
      dependsOn: [],
      roundings: [{ value: excelRound(cases, 0), why: "the cases rounded to whole cases" }],
    });
  });
  defs.push({
    id: "step2.cases.total",
    label: "total cases",
    unit: "cases",
    decimals: 0,
    published: payor.step7_budget.total_cases,
    field: "totalCases",
    index: 0,
    output: true,
    core: core.totalCases,
    how: `the ${payor.step2_penetration.used_for_remainder} scenario drives the model: ${count(enrollees)} × ${share(TOOLKIT_RATE_MODEL.penetrationRate)} = ${count(core.totalCases)} cases`,
    dependsOn: [],
    roundings: [{ value: excelRound(core.totalCases, 0), why: "the cases rounded to whole cases" }],
  });

  const tableMix = payor.step4_case_mix as Record<string, number>;
  const mixSum = excelRound(
    Object.values(tableMix).reduce((a, b) => a + b, 0),
    10,
  );
  const proseSum = excelRound(
    Object.values(PROSE_CASE_MIX.shares).reduce((a, b) => a + b, 0),
    10,
  );
  core.levels.forEach((level, i) => {
    const prose = PROSE_CASE_MIX.shares[level.id];
    defs.push({
      id: `step4.mix.${level.id}`,
      label: `case mix of level ${level.id}`,
      unit: "share",
      decimals: 2,
      published: tableMix[level.id],
      field: "caseMix",
      index: i,
      output: false,
      core: level.caseMix,
      how: `level ${level.id}'s share of cases is ${share(level.caseMix)}`,
      passNote:
        prose !== undefined && prose !== tableMix[level.id]
          ? `the prose's "${PROSE_CASE_MIX.quote}" is a typo in the source: with ${share(prose)} the shares sum to ${share(proseSum)}, with the table's ${share(tableMix[level.id])} to ${share(mixSum)}`
          : undefined,
      dependsOn: [],
      roundings: [],
    });
  });
  core.levels.forEach((level, i) => {
    const printed = payor.step7_budget.rows[i].cases;
    defs.push({
      id: `step4.cases.${level.id}`,
      label: `cases at level ${level.id}`,
      unit: "cases",
      decimals: 0,
      published: printed,
      field: "levelCases",
      index: i,
      output: true,
      core: level.cases,
      how: `${count(core.totalCases)} cases × ${share(level.caseMix)} = ${count(level.cases)}`,
      dependsOn: ["step2.cases.total", `step4.mix.${level.id}`],
      roundings: [{ value: excelRound(level.cases, 0), why: "the cases rounded to whole cases" }],
      diagnose: (w) => {
        const total = numberAt("totalCases", 0);
        const mix = numberAt("caseMix", i);
        if (total !== undefined && mix !== undefined && matches(w, total * mix)) return null;
        return `it is not total cases × case mix (${count(core.totalCases)} × ${share(level.caseMix)} = ${count(level.cases)})`;
      },
    });
  });
  core.levels.forEach((level, i) => {
    const range = payor.step5_hours_per_episode[level.id as keyof typeof payor.step5_hours_per_episode];
    defs.push({
      id: `step5.hours.average.${level.id}`,
      label: `average hours of level ${level.id}`,
      unit: "hours",
      decimals: 0,
      published: range.average,
      field: "averageHours",
      index: i,
      output: false,
      core: level.averageHours,
      how: `level ${level.id} averages ${hoursText(level.averageHours)} hours per episode`,
      passNote: `within its range of ${range.min} to ${range.max} hours`,
      dependsOn: [],
      roundings: [],
    });
  });

  const missedByPrinted = figuresMissedBy(PRINTED_RATE);
  defs.push({
    id: "step6.ratePerHour",
    label: "rate per hour",
    unit: "ratePerHour",
    decimals: 2,
    published: PRINTED_RATE,
    field: "ratePerHour",
    index: 0,
    output: false,
    core: TOOLKIT_RATE_PER_HOUR,
    how: `the core uses ${rate(TOOLKIT_RATE_PER_HOUR)}, the plainest rate that reproduces every printed figure`,
    dependsOn: [],
    roundings: [{ value: PRINTED_RATE, why: "the printed, rounded rate" }],
    roundedInSource: true,
    sentences: {
      pass: (w) =>
        `${rate(w)} prints as the published ${money(PRINTED_RATE, 2)} and lies among the only rates that reproduce every printed figure (${intervalText()}); the printed ${money(PRINTED_RATE, 2)} itself misses ${describeFigures(missedByPrinted)}.`,
      rounding: (w) => {
        const missed = figuresMissedBy(w);
        return missed.length > 0
          ? `${rate(w)} prints as the published ${money(PRINTED_RATE, 2)}, but ${w === PRINTED_RATE ? "this rounded rate" : "it"} misses ${describeFigures(missed)}: the toolkit computed with an unrounded rate, and any rate from ${intervalText()} reproduces every printed figure.`
          : `${rate(w)} prints as the published ${money(PRINTED_RATE, 2)} and reproduces every printed figure, as any rate from ${intervalText()} does; the core uses the plainest, ${rate(TOOLKIT_RATE_PER_HOUR)}.`;
      },
      fail: (w) =>
        `The workbook's rate per hour is ${rate(w)}, not the toolkit's ${money(PRINTED_RATE, 2)} (any rate from ${intervalText()} reproduces every printed figure).`,
    },
  });

  const rateClause = rate(coreRate);
  core.levels.forEach((level, i) => {
    const row = payor.step7_case_rates.rows[i];
    const h = level.averageHours;
    const figure = { printed: row.case_rate, multiplier: h, decimals: 0 };
    const withPrinted = h * PRINTED_RATE;
    const roundings: SourceRounding[] = [
      {
        value: excelRound(level.caseRate, 0),
        why: "the case rate rounded to whole dollars, as the toolkit prints it",
      },
    ];
    if (rateCents !== coreRate) {
      roundings.push(
        {
          value: h * rateCents,
          why: `${hoursText(h)} h × the rate rounded to cents, ${money(rateCents, 2)}`,
        },
        {
          value: excelRound(h * rateCents, 0),
          why: `${hoursText(h)} h × the rate rounded to cents, rounded to whole dollars`,
        },
      );
    }
    defs.push({
      id: `step7.caseRate.${level.id}`,
      label: `case rate of level ${level.id}`,
      unit: "dollars",
      decimals: 0,
      published: row.case_rate,
      field: "caseRates",
      index: i,
      output: true,
      core: level.caseRate,
      how: `${hoursText(h)} h × ${rateClause} = ${money(level.caseRate, 2)}`,
      passNote: reproducesPrinted(PRINTED_RATE, figure)
        ? undefined
        : `the printed ${money(PRINTED_RATE, 2)} would give ${money(withPrinted, 2)}, which prints as ${money(excelRound(withPrinted, 0), 0)}`,
      dependsOn: ["step6.ratePerHour", `step5.hours.average.${level.id}`],
      roundings,
      atToolkitRate: atToolkit.levels[i].caseRate,
      diagnose: (w) => {
        const hours = numberAt("averageHours", i) ?? h;
        if (matches(w, hours * coreRate)) return null;
        return `it is not average hours × rate per hour (${hoursText(hours)} h × ${rateClause} = ${money(hours * coreRate, 2)})`;
      },
    });
  });

  /** Ways to round a level's total costs, each as a family the total sums level by level. */
  const families: { readonly why: string; readonly total: string; readonly value: (i: number) => number }[] =
    [
      {
        why: "cases × the case rate rounded to whole dollars",
        total: "the sum of cases × case rates rounded to whole dollars",
        value: (i) => core.levels[i].cases * excelRound(core.levels[i].caseRate, 0),
      },
      {
        why: "the total costs rounded to whole dollars",
        total: "the sum of the level budgets rounded to whole dollars, as the toolkit prints its rows",
        value: (i) => excelRound(core.levels[i].totalCost, 0),
      },
      ...(rateCents === coreRate
        ? []
        : [
            {
              why: `computed with the rate rounded to cents, ${money(rateCents, 2)}`,
              total: `the sum of the levels computed with the rate rounded to cents, ${money(rateCents, 2)}`,
              value: (i: number) => core.levels[i].cases * core.levels[i].averageHours * rateCents,
            },
            {
              why: "computed with whole-dollar case rates from the rate rounded to cents",
              total:
                "the sum of the levels computed with whole-dollar case rates from the rate rounded to cents",
              value: (i: number) =>
                core.levels[i].cases * excelRound(core.levels[i].averageHours * rateCents, 0),
            },
          ]),
    ];
  const levelRoundings = core.levels.map((_, i) => families.map((f) => ({ value: f.value(i), why: f.why })));
  core.levels.forEach((level, i) => {
    const row = payor.step7_budget.rows[i];
    const printedProduct = row.cases * row.case_rate;
    defs.push({
      id: `step7.budget.${level.id}`,
      label: `total costs of level ${level.id}`,
      unit: "dollars",
      decimals: 0,
      published: row.total_costs,
      field: "levelBudgets",
      index: i,
      output: true,
      core: level.totalCost,
      how: `${count(level.cases)} cases × ${money(level.caseRate, 2)} = ${money(level.totalCost, 2)}`,
      passNote:
        printedProduct === row.total_costs
          ? undefined
          : `the printed ${count(row.cases)} × ${money(row.case_rate, 0)} would give ${money(printedProduct, 0)}: the toolkit multiplied the unrounded case rate`,
      dependsOn: [`step4.cases.${level.id}`, `step7.caseRate.${level.id}`],
      roundings: levelRoundings[i],
      atToolkitRate: atToolkit.levels[i].totalCost,
      diagnose: (w) => {
        const cases = numberAt("levelCases", i);
        const caseRate = numberAt("caseRates", i);
        if (cases !== undefined && caseRate !== undefined && matches(w, cases * caseRate)) return null;
        return `it is not cases × case rate (${count(level.cases)} × ${money(level.caseRate, 2)} = ${money(level.totalCost, 2)})`;
      },
    });
  });

  const totalRoundings: SourceRounding[] = [
    ...families.map((f) => ({ value: core.levels.reduce((t, _, i) => t + f.value(i), 0), why: f.total })),
    { value: excelRound(core.totalBudget, 0), why: "the total rounded to whole dollars" },
  ];
  const totalNoteGap = payor.step7_budget.total_costs - PRINTED_ROWS_SUM;
  defs.push({
    id: "step7.budget.total",
    label: "total budget",
    unit: "dollars",
    decimals: 0,
    published: payor.step7_budget.total_costs,
    field: "totalBudget",
    index: 0,
    output: true,
    core: core.totalBudget,
    how: `levels ${listWords(levels)} sum to ${money(core.totalBudget, 2)}`,
    passNote:
      totalNoteGap === 0
        ? undefined
        : `the printed total is ${money(Math.abs(totalNoteGap), 0)} ${totalNoteGap > 0 ? "more" : "less"} than the sum of its printed rows, ${money(PRINTED_ROWS_SUM, 0)}, because each row was rounded on its own`,
    dependsOn: core.levels.map((level) => `step7.budget.${level.id}`),
    roundings: totalRoundings,
    atToolkitRate: atToolkit.totalBudget,
    diagnose: (w) => {
      const rows = core.levels.map((_, i) => numberAt("levelBudgets", i));
      if (rows.some((v) => v === undefined)) return null;
      const values = rows as number[];
      const all = values.reduce((a, b) => a + b, 0);
      if (matches(w, all)) return null;
      for (let mask = 1; mask < (1 << values.length) - 1; mask++) {
        const inside = values.map((_, i) => (mask >> i) & 1);
        const partial = values.reduce((total, v, i) => total + (inside[i] ? v : 0), 0);
        if (matches(w, partial)) {
          const kept = levels.filter((_, i) => inside[i]);
          const left = levels.filter((_, i) => !inside[i]);
          const leftSum = values.reduce((total, v, i) => total + (inside[i] ? 0 : v), 0);
          return `it adds up level${kept.length > 1 ? "s" : ""} ${listWords(kept)} only and leaves out level${left.length > 1 ? "s" : ""} ${listWords(left)} (${money(leftSum, 2)}); levels ${listWords(levels)} sum to ${money(all, 2)}`;
        }
      }
      return `it is not the sum of the level budgets (${money(all, 2)})`;
    },
  });

  const months = MONTHS_PER_YEAR;
  defs.push({
    id: "step7.pmpm",
    label: "budget per member per month (PMPM)",
    unit: "dollars",
    decimals: 2,
    published: null,
    field: "pmpm",
    index: 0,
    output: true,
    core: core.pmpm,
    how: `${money(core.totalBudget, 2)} ÷ (${count(enrollees)} enrollees × ${months} months) = ${money(core.pmpm, 2)}`,
    dependsOn: ["step7.budget.total"],
    roundings: totalRoundings.map((r) => ({
      value: r.value / (enrollees * months),
      why: `the PMPM of ${r.why}`,
    })),
    diagnose: (w) => {
      const total = numberAt("totalBudget", 0);
      if (total !== undefined && matches(w, total / (enrollees * months))) return null;
      return `it is not the total budget ÷ (enrollees × ${months} months)`;
    },
  });

  const clients = cohorts.rows.reduce((a, row) => a + row.clients, 0);
  const clientHours = cohorts.rows.reduce((a, row) => a + row.clients * row.average_hours, 0);
  defs.push({
    id: "cohorts.B.averageHours",
    label: "Level B cohorts' weighted average hours",
    unit: "hours",
    decimals: 1,
    published: cohorts.published_average_hours,
    field: "cohortAverageHours",
    index: 0,
    output: true,
    core: COHORT_AVERAGE_HOURS,
    how: `Σ clients × hours ÷ Σ clients = ${count(clientHours)} ÷ ${count(clients)} = ${hoursText(COHORT_AVERAGE_HOURS)} h`,
    dependsOn: [],
    roundings: [
      { value: excelRound(COHORT_AVERAGE_HOURS, 1), why: "the average rounded to one decimal, as printed" },
    ],
  });

  return defs.filter((def) => found.has(def.field));
}

/** The verdict and its sentence for one figure, given the verdicts of the figures before it. */
function judge(
  def: FigureDef,
  cell: AuditCell | undefined,
  verdicts: ReadonlyMap<string, Verdict>,
  faults: readonly Fault[],
  coreRate: number,
): { verdict: Verdict; explanation: string } {
  const where = cell ? cellName(cell) : "its cell";
  const value: AuditValue = cell?.value ?? null;
  const printed = def.published === null ? null : formatValue(def.unit, def.published, def.decimals);
  const faultHere = cell ? faults.filter((f) => f.sheet === cell.sheet && f.cell === cell.address) : [];
  const faultClause =
    faultHere.length > 0
      ? `; ${where} has ${listWords([...new Set(faultHere.map((f) => FAULT_WORDS[f.kind]))])} (see the faults)`
      : "";
  const fail = (explanation: string) => ({ verdict: "fail" as const, explanation });
  if (value === null || value === "") {
    return fail(`${where} is empty, where the ${def.label} should be (${def.how}).`);
  }
  if (typeof value !== "number") {
    const shown = typeof value === "object" ? value.error : JSON.stringify(value);
    return fail(`${where} shows ${shown} instead of the ${def.label} (${def.how})${faultClause}.`);
  }
  const w = value;
  if (def.output && cell?.formula === undefined) {
    return fail(
      `${where} holds the typed number ${formatExact(def.unit, w)}, not a formula, so the ${def.label} cannot follow the inputs (${def.how}).`,
    );
  }
  const matchesCore = matches(w, def.core);
  const printedMatch = def.published === null || excelRound(w, def.decimals) === def.published;
  const upstreamFails = def.dependsOn.filter((id) => verdicts.get(id) === "fail");
  const printsAs = (v: number) => formatValue(def.unit, excelRound(v, def.decimals), def.decimals);

  if (matchesCore && printedMatch) {
    if (def.sentences?.pass) return { verdict: "pass", explanation: def.sentences.pass(w) };
    const printedPhrase =
      def.published === null
        ? "; the toolkit prints none, so the workbook is checked against the core alone"
        : w === def.published
          ? ", as printed"
          : `, which prints as the published ${printed}`;
    return {
      verdict: "pass",
      explanation: `${capitalize(def.how)}${printedPhrase}${def.passNote ? `; ${def.passNote}` : ""}${faultClause}.`,
    };
  }
  if (
    matchesCore &&
    def.published !== null &&
    def.atToolkitRate !== undefined &&
    excelRound(coreRate, 2) === PRINTED_RATE &&
    excelRound(def.atToolkitRate, def.decimals) === def.published
  ) {
    const equals = def.how.indexOf(" = ");
    const computed =
      equals >= 0
        ? `${capitalize(def.how.slice(0, equals))} = ${formatExact(def.unit, w)}`
        : `The ${def.label}, ${formatExact(def.unit, w)},`;
    return {
      verdict: "rounding",
      explanation: `${computed} prints as ${printsAs(w)}, not ${printed}; the toolkit computed with an unrounded rate: any rate from ${intervalText()} reproduces every printed figure.`,
    };
  }
  if (!matchesCore && upstreamFails.length === 0) {
    const rounding = def.roundings.find((r) => matches(w, r.value) && !matches(r.value, def.core));
    if (rounding) {
      if (def.sentences?.rounding) return { verdict: "rounding", explanation: def.sentences.rounding(w) };
      const toolkit =
        def.published === null
          ? `the core keeps it unrounded: ${def.how}`
          : `the toolkit's is unrounded: ${def.how}, which prints as ${printed}`;
      return {
        verdict: "rounding",
        explanation: `${capitalize(formatExact(def.unit, w))} is ${rounding.why}; ${toolkit}${def.id === "step7.budget.total" && def.passNote ? ` (${def.passNote})` : ""}.`,
      };
    }
    if (printedMatch && def.roundedInSource) {
      return { verdict: "rounding", explanation: def.sentences?.rounding?.(w) ?? `${def.how}.` };
    }
  }
  if (def.sentences?.fail) return fail(def.sentences.fail(w));
  if (matchesCore) {
    return fail(
      `${capitalize(def.how)}, as the core computes, but it prints as ${printsAs(w)}, not the published ${printed}: ${
        def.atToolkitRate !== undefined
          ? `the workbook's rate per hour, ${rate(coreRate)}, is not the toolkit's (see step6.ratePerHour)`
          : "the workbook's inputs are not the example's"
      }${faultClause}.`,
    );
  }
  const diagnosis = def.diagnose?.(w) ?? null;
  if (upstreamFails.length > 0 && diagnosis === null) {
    return fail(
      `The workbook's ${formatExact(def.unit, w)} follows from ${listWords(upstreamFails)}, which fail${upstreamFails.length === 1 ? "s" : ""}; ${def.how}${faultClause}.`,
    );
  }
  return fail(
    `The workbook's ${formatExact(def.unit, w)} differs from the core's ${formatExact(def.unit, def.core)}: ${diagnosis ?? def.how}${faultClause}.`,
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A difference without binary noise: kept to 12 significant digits of the figures compared. */
function difference(workbook: number, reference: number): number {
  const magnitude = Math.max(Math.abs(workbook), Math.abs(reference));
  if (magnitude === 0) return 0;
  return excelRound(workbook - reference, Math.max(0, 12 - Math.ceil(Math.log10(magnitude))));
}

/** Every figure the workbook has, judged in the toolkit's order. */
export function auditFigures(inputs: FigureInputs): FigureResult[] {
  const defs = figureDefs(inputs);
  const rateCell = inputs.found.get("ratePerHour")?.cells[0];
  const rateValue = rateCell ? inputs.grid.cell(rateCell.sheet, rateCell.address)?.value : undefined;
  const coreRate = typeof rateValue === "number" && rateValue >= 0 ? rateValue : TOOLKIT_RATE_PER_HOUR;
  const verdicts = new Map<string, Verdict>();
  return defs.map((def) => {
    const ref = inputs.found.get(def.field)?.cells[def.index] ?? null;
    const cell = ref ? (inputs.grid.cell(ref.sheet, ref.address) ?? { ...ref, value: null }) : undefined;
    const { verdict, explanation } = judge(def, cell, verdicts, inputs.faults, coreRate);
    verdicts.set(def.id, verdict);
    const workbook: AuditValue = cell?.value ?? null;
    const gap = typeof workbook === "number" ? difference(workbook, def.published ?? def.core) : null;
    return {
      figure: def.id,
      label: def.label,
      unit: def.unit,
      published: def.published,
      decimals: def.decimals,
      workbook,
      core: def.core,
      difference: gap,
      verdict,
      explanation,
      cell: ref,
    };
  });
}
