import { levelBudget } from "../../core/budget";
import { caseRate } from "../../core/caseRate";
import { MONTHS_PER_YEAR, pmpm } from "../../core/pmpm";
import { reproducesPrinted } from "../../core/printedRounding";
import { excelRound } from "../../core/round";
import { sum } from "../../core/sums";
import { TOOLKIT_RATE_MODEL, WORKED_EXAMPLE } from "../../core/toolkit/example";
import { count, hoursText, listWords, money, rate } from "../format";
import { PRINTED_RATE, PRINTED_ROWS_SUM } from "../source";
import { type FigureContext, type FigureDef, matches, type SourceRounding } from "./defs";

const payor = WORKED_EXAMPLE.payor;
const levels = payor.levels_of_care.map((l) => l.level);

/** A number the workbook shows that the core can compute with (not negative, not NaN). */
const usable = (value: number | undefined): value is number => value !== undefined && value >= 0;

/** Step 7's case rates: average hours × the rate per hour. */
function caseRateFigures({ core, atToolkit, coreRate, rateCents, numberAt }: FigureContext): FigureDef[] {
  const rateClause = rate(coreRate);
  return core.levels.map((level, i): FigureDef => {
    const row = payor.step7_case_rates.rows[i];
    const h = level.averageHours;
    const figure = { printed: row.case_rate, multiplier: h, decimals: 0 };
    const withPrinted = caseRate(h, PRINTED_RATE);
    const roundings: SourceRounding[] = [
      {
        value: excelRound(level.caseRate, 0),
        why: "the case rate rounded to whole dollars, as the toolkit prints it",
      },
    ];
    if (rateCents !== coreRate) {
      const atCents = caseRate(h, rateCents);
      roundings.push(
        { value: atCents, why: `${hoursText(h)} h × the rate rounded to cents, ${money(rateCents, 2)}` },
        {
          value: excelRound(atCents, 0),
          why: `${hoursText(h)} h × the rate rounded to cents, rounded to whole dollars`,
        },
      );
    }
    return {
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
        const workbookHours = numberAt("averageHours", i);
        // Hours so large their case rate overflows cannot be diagnosed from: use the toolkit's.
        const hours = usable(workbookHours) && Number.isFinite(workbookHours * coreRate) ? workbookHours : h;
        const expected = caseRate(hours, coreRate);
        if (matches(w, expected)) return null;
        return `it is not average hours × rate per hour (${hoursText(hours)} h × ${rateClause} = ${money(expected, 2)})`;
      },
    };
  });
}

/** Ways to round a level's total costs, each as a family the total sums level by level. */
interface RoundingFamily {
  readonly why: string;
  readonly total: string;
  readonly value: (i: number) => number;
}

function roundingFamilies({ core, coreRate, rateCents }: FigureContext): RoundingFamily[] {
  const atCents = (i: number) => caseRate(core.levels[i].averageHours, rateCents);
  return [
    {
      why: "cases × the case rate rounded to whole dollars",
      total: "the sum of cases × case rates rounded to whole dollars",
      value: (i) => levelBudget(core.levels[i].cases, excelRound(core.levels[i].caseRate, 0)),
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
            value: (i: number) => levelBudget(core.levels[i].cases, atCents(i)),
          },
          {
            why: "computed with whole-dollar case rates from the rate rounded to cents",
            total:
              "the sum of the levels computed with whole-dollar case rates from the rate rounded to cents",
            value: (i: number) => levelBudget(core.levels[i].cases, excelRound(atCents(i), 0)),
          },
        ]),
  ];
}

/** Step 7's budget rows: cases × case rate, level by level. */
function levelBudgetFigures(ctx: FigureContext, families: readonly RoundingFamily[]): FigureDef[] {
  const { core, atToolkit, numberAt } = ctx;
  return core.levels.map((level, i): FigureDef => {
    const row = payor.step7_budget.rows[i];
    const printedProduct = levelBudget(row.cases, row.case_rate);
    return {
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
      roundings: families.map((f) => ({ value: f.value(i), why: f.why })),
      atToolkitRate: atToolkit.levels[i].totalCost,
      diagnose: (w) => {
        const cases = numberAt("levelCases", i);
        const levelRate = numberAt("caseRates", i);
        if (usable(cases) && usable(levelRate) && matches(w, levelBudget(cases, levelRate))) return null;
        return `it is not cases × case rate (${count(level.cases)} × ${money(level.caseRate, 2)} = ${money(level.totalCost, 2)})`;
      },
    };
  });
}

/** The total budget's roundings: each family summed over the levels, and the total rounded. */
function totalRoundings({ core }: FigureContext, families: readonly RoundingFamily[]): SourceRounding[] {
  return [
    ...families.map((f) => ({ value: sum(core.levels.map((_, i) => f.value(i))), why: f.total })),
    { value: excelRound(core.totalBudget, 0), why: "the total rounded to whole dollars" },
  ];
}

/** Step 7's total budget: the sum of the level budgets; a fail names the levels left out. */
function totalBudgetFigure(ctx: FigureContext, roundings: readonly SourceRounding[]): FigureDef {
  const { core, atToolkit, numberAt } = ctx;
  const totalNoteGap = payor.step7_budget.total_costs - PRINTED_ROWS_SUM;
  return {
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
    roundings,
    atToolkitRate: atToolkit.totalBudget,
    diagnose: (w) => {
      const rows = core.levels.map((_, i) => numberAt("levelBudgets", i));
      if (rows.some((v) => v === undefined)) return null;
      const values = rows as number[];
      const all = sum(values);
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
  };
}

/** Step 7's budget per member per month: the total budget ÷ (enrollees × 12 months). */
function pmpmFigure({ core, numberAt }: FigureContext, roundings: readonly SourceRounding[]): FigureDef {
  const enrollees = TOOLKIT_RATE_MODEL.enrollees;
  const months = MONTHS_PER_YEAR;
  return {
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
    roundings: roundings.map((r) => ({
      value: pmpm(r.value, enrollees, months),
      why: `the PMPM of ${r.why}`,
    })),
    diagnose: (w) => {
      const total = numberAt("totalBudget", 0);
      if (usable(total) && matches(w, pmpm(total, enrollees, months))) return null;
      return `it is not the total budget ÷ (enrollees × ${months} months)`;
    },
  };
}

/** Step 7: case rates, the budget rows, the total budget and its PMPM. */
export function step7Figures(ctx: FigureContext): FigureDef[] {
  const families = roundingFamilies(ctx);
  const totals = totalRoundings(ctx, families);
  return [
    ...caseRateFigures(ctx),
    ...levelBudgetFigures(ctx, families),
    totalBudgetFigure(ctx, totals),
    pmpmFigure(ctx, totals),
  ];
}
