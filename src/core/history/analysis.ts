import { CaseRateInputError } from "../errors";
import { describeNumber } from "../format";
import type { HoursCohort } from "../risk/inputs";
import { requireWholePositive } from "../validate";
import { cohortTable, hourBins, requireCutPoints, type HistoryCohort } from "./cohorts";
import type { EpisodeSummary } from "./episodeSummary";
import { NumberList, sumOf } from "./hoursList";
import { percentileInc, sampleStandardDeviation } from "./percentiles";

/** A level of the model as the history gives it: what `compute` and `risk` read. */
export interface HistoryModelLevel {
  readonly id: string;
  /** Its episodes ÷ all episodes. */
  readonly caseMix: number;
  /** Mean hours per episode. */
  readonly averageHours: number;
  readonly minHours: number;
  readonly maxHours: number;
  /** Episodes in 1-hour bins (k − 1, k], each bin at its exact mean hours. */
  readonly hoursDistribution: { readonly cohorts: readonly HoursCohort[] };
}

/** A level's statistics of hours per episode (`history.levels[]`). */
export interface HistoryLevelStatistics {
  readonly id: string;
  readonly episodes: number;
  readonly clients: number;
  /** Σ hours of its episodes. */
  readonly hours: number;
  readonly averageHours: number;
  readonly medianHours: number;
  readonly p10Hours: number;
  readonly p25Hours: number;
  readonly p75Hours: number;
  readonly p90Hours: number;
  /** STDEV.S of hours per episode; 0 for one episode. */
  readonly sdHours: number;
  readonly minHours: number;
  readonly maxHours: number;
  /** Σ amount ÷ Σ hours at this level (the toolkit's note to step 6); absent without amounts. */
  readonly ratePerHour?: number;
  readonly cohorts: readonly HistoryCohort[];
}

/** What the episodes give the model, and the `history` figures behind them. */
export interface EpisodeAnalysis {
  readonly enrollees?: number;
  /** Episodes ÷ enrollees, when enrollees are given. */
  readonly penetrationRate?: number;
  /** Σ amount ÷ Σ hours over every episode, when there are amounts. */
  readonly ratePerHour?: number;
  /** Sorted by id. */
  readonly levels: readonly HistoryModelLevel[];
  readonly history: {
    readonly clients: number;
    readonly episodes: number;
    /** Sorted by id. */
    readonly levels: readonly HistoryLevelStatistics[];
  };
}

export interface AnalysisOptions {
  /** Members covered: gives enrollees and penetrationRate. */
  readonly enrollees?: number;
  /** Cohort cut points in hours, rising (10, 30, 50); default each level's quartiles. */
  readonly cohortCuts?: readonly number[];
  /** Whether the episodes carry amounts (the extract has an amount column). */
  readonly hasAmount: boolean;
}

/** What is kept per level while the episodes stream by: per-episode figures and client ids. */
interface LevelTally {
  readonly hours: NumberList;
  readonly amounts: NumberList;
  readonly clients: Set<string>;
  /** The client added last: a client's episodes come together, so most need no set look-up. */
  lastClient: string | undefined;
}

/** The episode's hours, refused unless above 0 and finite: every figure divides by them. */
function requireHours(episode: EpisodeSummary, index: number): number {
  const hours = episode.hours;
  if (typeof hours !== "number" || !Number.isFinite(hours) || hours <= 0) {
    throw new CaseRateInputError(
      "episodes",
      "out-of-range",
      `episode ${index + 1} (client ${episode.clientId}, level ${episode.level}) has ${describeNumber(hours)} hours; hours must be above 0.`,
    );
  }
  return hours;
}

/** The episode's amount, refused unless a finite number ≥ 0. */
function requireAmount(episode: EpisodeSummary, index: number): number {
  const amount = episode.amount;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
    throw new CaseRateInputError(
      "episodes",
      "out-of-range",
      `episode ${index + 1} (client ${episode.clientId}, level ${episode.level}) has no amount of 0 or more.`,
    );
  }
  return amount;
}

/** One level's statistics from its hours per episode sorted; `cuts` undefined means its quartiles. */
function levelStatistics(
  id: string,
  sorted: Float64Array,
  clients: number,
  amount: number | undefined,
  cuts: readonly number[] | undefined,
): HistoryLevelStatistics {
  const episodes = sorted.length;
  const hours = sumOf(sorted);
  const averageHours = hours / episodes;
  const p25Hours = percentileInc(sorted, 0.25);
  const medianHours = percentileInc(sorted, 0.5);
  const p75Hours = percentileInc(sorted, 0.75);
  const quartiles = [p25Hours, medianHours, p75Hours].filter((cut, i, all) => i === 0 || cut > all[i - 1]);
  return {
    id,
    episodes,
    clients,
    hours,
    averageHours,
    medianHours,
    p10Hours: percentileInc(sorted, 0.1),
    p25Hours,
    p75Hours,
    p90Hours: percentileInc(sorted, 0.9),
    sdHours: sampleStandardDeviation(sorted, averageHours),
    minHours: sorted[0],
    maxHours: sorted[episodes - 1],
    ...(amount === undefined ? {} : { ratePerHour: amount / hours }),
    cohorts: cohortTable(sorted, cuts ?? quartiles),
  };
}

/**
 * The per-level analysis of episode summaries, fed one episode at a time (a stream's rows come
 * pushed): `add` each, then `result`. It keeps only per-episode hours and amounts per level.
 * @example const tally = new EpisodeTally({ hasAmount: false }); tally.add({ clientId: "1", level: "A", episodeStart: 20089, services: 2, hours: 3 }); tally.result().levels[0].averageHours // 3
 */
export class EpisodeTally {
  private readonly cuts: readonly number[] | undefined;
  private readonly enrollees: number | undefined;
  private readonly tallies = new Map<string, LevelTally>();
  private readonly clients = new Set<string>();
  private lastClient: string | undefined;
  /** The level added last and its tally: consecutive episodes mostly share a level. */
  private lastLevel: string | undefined;
  private last: LevelTally | undefined;
  private count = 0;

  /** Checks the options first, so a bad cut point is refused before any data is read. */
  constructor(private readonly options: AnalysisOptions) {
    this.cuts = options.cohortCuts === undefined ? undefined : requireCutPoints(options.cohortCuts);
    this.enrollees =
      options.enrollees === undefined ? undefined : requireWholePositive("enrollees", options.enrollees);
  }

  /** Counts one episode; refuses hours not above 0 and, with amounts, an amount missing or below 0. */
  add(episode: EpisodeSummary): void {
    const hours = requireHours(episode, this.count);
    const { clientId, level } = episode;
    let tally = this.last !== undefined && this.lastLevel === level ? this.last : this.tallies.get(level);
    if (tally === undefined) {
      tally = {
        hours: new NumberList(),
        amounts: new NumberList(),
        clients: new Set(),
        lastClient: undefined,
      };
      this.tallies.set(level, tally);
    }
    this.last = tally;
    this.lastLevel = level;
    tally.hours.push(hours);
    if (this.options.hasAmount) tally.amounts.push(requireAmount(episode, this.count));
    if (tally.lastClient !== clientId) {
      tally.clients.add(clientId);
      tally.lastClient = clientId;
    }
    if (this.lastClient !== clientId) {
      this.clients.add(clientId);
      this.lastClient = clientId;
    }
    this.count++;
  }

  /**
   * The analysis of the episodes added: steps 2, 4 and 5 and step 6's rate. Every sum runs over
   * sorted values, so the order the episodes came in changes nothing.
   */
  result(): EpisodeAnalysis {
    const count = this.count;
    if (count === 0) {
      throw new CaseRateInputError("episodes", "empty", "there are no episodes to analyze.");
    }
    const ids = [...this.tallies.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const levels: HistoryModelLevel[] = [];
    const statistics: HistoryLevelStatistics[] = [];
    let totalHours = 0;
    let totalAmount = 0;
    for (const id of ids) {
      const tally = this.tallies.get(id)!;
      const sorted = tally.hours.sorted();
      const amount = this.options.hasAmount ? sumOf(tally.amounts.sorted()) : undefined;
      const level = levelStatistics(id, sorted, tally.clients.size, amount, this.cuts);
      statistics.push(level);
      levels.push({
        id,
        caseMix: level.episodes / count,
        averageHours: level.averageHours,
        minHours: level.minHours,
        maxHours: level.maxHours,
        hoursDistribution: { cohorts: hourBins(sorted) },
      });
      totalHours += level.hours;
      totalAmount += amount ?? 0;
    }
    const enrollees = this.enrollees;
    return {
      ...(enrollees === undefined ? {} : { enrollees, penetrationRate: count / enrollees }),
      ...(this.options.hasAmount ? { ratePerHour: totalAmount / totalHours } : {}),
      levels,
      history: { clients: this.clients.size, episodes: count, levels: statistics },
    };
  }
}

/**
 * The per-level analysis of episode summaries (steps 2, 4 and 5, and step 6's rate): case mix,
 * hours per episode and their spread, cohorts, and rates when amounts exist. Reads them once.
 * @example analyzeEpisodes([{ clientId: "1", level: "A", episodeStart: 20089, services: 2, hours: 3 }], { hasAmount: false }).levels[0].averageHours // 3
 */
export function analyzeEpisodes(
  episodes: Iterable<EpisodeSummary>,
  options: AnalysisOptions,
): EpisodeAnalysis {
  const tally = new EpisodeTally(options);
  for (const episode of episodes) tally.add(episode);
  return tally.result();
}
