import { levelBudget } from "../core/budget";
import { excelRound } from "../core/round";
import { sum, sumProduct } from "../core/sums";
import {
  consistentRateInterval,
  type PrintedFigure,
  type RateInterval,
  reproducesPrinted,
} from "../core/printedRounding";
import { TOOLKIT_RATE_FIGURES, WORKED_EXAMPLE } from "../core/toolkit/example";
import { weightedAverageHours } from "../core/utilization";
import { count, hoursText, listWords, money, share } from "./format";
import type { SourceNote } from "./types";

/**
 * What the audit knows about the toolkit's own text. The tables are in worked-example.json; the two
 * figures the prose states differently are transcribed here, with the words they come from.
 */
const payor = WORKED_EXAMPLE.payor;
const cohorts = WORKED_EXAMPLE.utilization_cohorts_level_b;

/** Step 4's sentence: "20% … lowest level …; 27% at a low-medium level of care, 33% …, and 10% …". */
export const PROSE_CASE_MIX = {
  quote: "27% at a low-medium level of care",
  shares: { A: 0.2, B: 0.27, C: 0.33, D: 0.1 } as Record<string, number>,
};

/** "What case rates are NOT": "…31-50 hours; and 51-100 hours … between 4 hours and 100 hours". */
export const PROSE_COHORT_HOURS = { quote: "51-100 hours", low: 4, high: 100 };

/** The rate per hour the toolkit prints ($158.62). */
export const PRINTED_RATE: number = payor.step7_case_rates.rate_per_hour;

/** The rates per hour that reproduce every printed step 7 figure. */
export const CONSISTENT_RATES: RateInterval = (() => {
  const interval = consistentRateInterval(TOOLKIT_RATE_FIGURES);
  if (interval === null) throw new Error("No rate per hour reproduces the toolkit's printed figures.");
  return interval;
})();

/**
 * The interval in dollars at the fewest decimals that still show it truthfully: the lowest shown
 * rate lies inside it and so does the highest ("$158.617390 to $158.617392").
 */
export function intervalText(interval: RateInterval = CONSISTENT_RATES): string {
  for (let decimals = 2; decimals <= 12; decimals++) {
    const scale = 10 ** decimals;
    const low = Math.ceil(Number((interval.low * scale).toPrecision(15))) / scale;
    let high = Math.floor(Number((interval.high * scale).toPrecision(15))) / scale;
    if (high >= interval.high) high -= 1 / scale;
    if (low < high && low >= interval.low) {
      return `$${low.toFixed(decimals)} to $${high.toFixed(decimals)}`;
    }
  }
  return `$${interval.low} to $${interval.high}`;
}

/** The step 7 figures the rate per hour drives (all but the printed rate itself). */
const drivenFigures = TOOLKIT_RATE_FIGURES.filter((figure) => figure.label !== "rate per hour");

/** The step 7 figures (the rate itself aside) a rate per hour cannot reproduce at their printing. */
export function figuresMissedBy(ratePerHour: number): PrintedFigure[] {
  return drivenFigures.filter((figure) => !reproducesPrinted(ratePerHour, figure));
}

/** "the case rate of level C, the total costs of levels A, B, C and D and the total budget". */
export function describeFigures(figures: readonly PrintedFigure[]): string {
  const groups = new Map<string, string[]>();
  for (const figure of figures) {
    const label = figure.label ?? "figure";
    const match = /^(.*) of level (\S+)$/.exec(label);
    const key = match ? match[1] : label;
    groups.set(key, [...(groups.get(key) ?? []), ...(match ? [match[2]] : [])]);
  }
  return listWords(
    [...groups].map(([what, levels]) =>
      levels.length === 0
        ? `the ${what}`
        : `the ${what} of level${levels.length > 1 ? "s" : ""} ${listWords(levels)}`,
    ),
  );
}

/** One sentence on the printed rate: what it cannot reproduce and which rates reproduce everything. */
export function printedRateNote(): string {
  const missed = figuresMissedBy(PRINTED_RATE);
  if (missed.length === 0)
    return `The printed ${money(PRINTED_RATE, 2)} reproduces every printed step 7 figure.`;
  return `The printed ${money(PRINTED_RATE, 2)} reproduces only ${drivenFigures.length - missed.length} of the ${drivenFigures.length} step 7 figures it drives (it misses ${describeFigures(missed)}): the toolkit computed with an unrounded rate, and any rate from ${intervalText()} reproduces every printed figure.`;
}

const budgetRows = payor.step7_budget.rows;
export const PRINTED_ROWS_SUM = sum(budgetRows.map((row) => row.total_costs));

/** The printed total against the sum of its printed rows, or null when they agree. */
export function totalVersusRowsNote(): string | null {
  const printed = payor.step7_budget.total_costs;
  const gap = printed - PRINTED_ROWS_SUM;
  if (gap === 0) return null;
  return `The printed total, ${money(printed, 0)}, is ${money(Math.abs(gap), 0)} ${gap > 0 ? "more" : "less"} than the sum of its printed rows, ${money(PRINTED_ROWS_SUM, 0)}: each row was rounded on its own.`;
}

/** Budget rows against printed cases × printed case rate, or null when every row agrees. */
function rowsVersusCaseRatesNote(): string | null {
  const gaps = budgetRows.map((row) => ({ row, product: levelBudget(row.cases, row.case_rate) }));
  const off = gaps.filter(({ row, product }) => product !== row.total_costs);
  if (off.length === 0) return null;
  const worst = off.reduce((a, b) =>
    Math.abs(b.product - b.row.total_costs) > Math.abs(a.product - a.row.total_costs) ? b : a,
  );
  const which =
    off.length === budgetRows.length ? "No printed budget row" : `${off.length} printed budget rows`;
  return `${which} ${off.length === budgetRows.length ? "equals" : "differ from"} its printed cases × printed case rate (level ${worst.row.level}: ${count(worst.row.cases)} × ${money(worst.row.case_rate, 0)} = ${money(worst.product, 0)}, printed ${money(worst.row.total_costs, 0)}): the toolkit multiplied unrounded case rates.`;
}

/** The prose's case mix against the table's, or null when they agree. */
export function caseMixProseNote(): SourceNote | null {
  const table = payor.step4_case_mix as Record<string, number>;
  const differing = Object.keys(table).filter((level) => PROSE_CASE_MIX.shares[level] !== table[level]);
  if (differing.length === 0) return null;
  const total = (shares: Record<string, number>) => excelRound(sum(Object.values(shares)), 10);
  const tableSum = total(table);
  const proseSum = total(PROSE_CASE_MIX.shares);
  const levels = listWords(differing.map((level) => `level ${level} ${share(PROSE_CASE_MIX.shares[level])}`));
  const tableShares = listWords(differing.map((level) => share(table[level])));
  const verdict =
    tableSum === 1 && proseSum !== 1
      ? "only the table's reach 100%, so the prose has a typo"
      : "the source does not say which is right";
  const note = `Step 4's prose gives ${levels} ("${PROSE_CASE_MIX.quote}") where the table prints ${tableShares}: the table's shares sum to ${share(tableSum)}, the prose's to ${share(proseSum)}; ${verdict}.`;
  return { id: `step4.mix.${differing[0]}`, note };
}

const cohortClients = cohorts.rows.map((row) => row.clients);
const cohortAverages = cohorts.rows.map((row) => row.average_hours);
/** The Level B cohorts' weighted average hours, unrounded (30.128…). */
export const COHORT_AVERAGE_HOURS = weightedAverageHours(cohortClients, cohortAverages);

/** The cohorts against Level B's cases and hours. */
export function cohortsNote(): string {
  const clients = sum(cohortClients);
  const clientHours = sumProduct("clients", cohortClients, "average hours", cohortAverages);
  const levelB = budgetRows.find((row) => row.level === "B");
  const printed = cohorts.published_average_hours;
  const prints = excelRound(COHORT_AVERAGE_HOURS, 1) === printed;
  const casesClause =
    levelB && levelB.cases === clients
      ? `match Level B's ${count(levelB.cases)} cases`
      : `differ from Level B's ${count(levelB?.cases ?? 0)} cases`;
  return `The Level B cohorts' ${count(clients)} clients ${casesClause}; their weighted average, ${count(clientHours)} ÷ ${count(clients)} = ${hoursText(COHORT_AVERAGE_HOURS)} hours, ${prints ? "prints as the published" : "does not print as the published"} ${printed} (step 5 uses ${payor.step5_hours_per_episode.B.average}).`;
}

/** The cohorts' hour ranges in the prose against the table and step 5, or null when they agree. */
export function cohortRangesNote(): string | null {
  const tableHigh = Math.max(...cohorts.rows.map((row) => row.max_hours));
  const tableLow = Math.min(...cohorts.rows.map((row) => row.min_hours));
  const levelMax = payor.step5_hours_per_episode.B.max;
  if (tableHigh === PROSE_COHORT_HOURS.high && tableLow === PROSE_COHORT_HOURS.low) return null;
  const above = tableHigh > levelMax ? `, above step 5's Level B maximum of ${levelMax}` : "";
  return `The cohorts' prose says "${PROSE_COHORT_HOURS.quote}" and "between ${PROSE_COHORT_HOURS.low} hours and ${PROSE_COHORT_HOURS.high} hours", but the table's hours run from ${tableLow} to ${tableHigh}${above}.`;
}

/** Every finding about the source, computed; the same for every workbook. */
export function sourceNotes(): SourceNote[] {
  const notes: (SourceNote | null)[] = [
    { id: "step6.ratePerHour", note: printedRateNote() },
    ((note) => (note ? { id: "step7.budget.total", note } : null))(totalVersusRowsNote()),
    ((note) => (note ? { id: "step7.budget", note } : null))(rowsVersusCaseRatesNote()),
    caseMixProseNote(),
    { id: "cohorts.B.averageHours", note: cohortsNote() },
    ((note) => (note ? { id: "cohorts.B.hours", note } : null))(cohortRangesNote()),
  ];
  return notes.filter((note): note is SourceNote => note !== null);
}
