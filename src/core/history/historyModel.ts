import { definedOnly } from "../own";
import type { EpisodeAnalysis, HistoryLevelStatistics, HistoryModelLevel } from "./analysis";

/** What the row path adds to the history record (the `--episodes` path has none of it). */
export interface HistoryRecord {
  readonly rows?: number;
  readonly validRows?: number;
  readonly rejected?: readonly {
    readonly reason: string;
    readonly count: number;
    readonly firstLine: number;
  }[];
  readonly gapDays?: number;
  readonly episodeDays?: number;
  readonly duplicateRows?: number;
  readonly clientsWithOverlappingLevels?: number;
  readonly services?: readonly unknown[];
}

/** The model `case-rate history` prints: what compute and risk read, and the history behind it. */
export interface HistoryModel {
  readonly enrollees?: number;
  readonly penetrationRate?: number;
  readonly ratePerHour?: number;
  readonly levels: readonly HistoryModelLevel[];
  readonly history: HistoryRecord & {
    readonly clients: number;
    readonly episodes: number;
    readonly levels: readonly HistoryLevelStatistics[];
  };
}

/** The model keys compute needs that the history could not give, e.g. ["enrollees", "penetrationRate"]. */
export function missingModelInputs(model: HistoryModel): string[] {
  return (["enrollees", "penetrationRate", "ratePerHour"] as const).filter((key) => model[key] === undefined);
}

/**
 * The history model from the analysis of the episodes and the row path's record, its keys in the
 * order the schema declares them (rows, validRows, rejected, clients, episodes, gapDays, …).
 */
export function historyModel(analysis: EpisodeAnalysis, record: HistoryRecord = {}): HistoryModel {
  const {
    rows,
    validRows,
    rejected,
    gapDays,
    episodeDays,
    duplicateRows,
    clientsWithOverlappingLevels,
    services,
  } = record;
  return {
    ...definedOnly({
      enrollees: analysis.enrollees,
      penetrationRate: analysis.penetrationRate,
      ratePerHour: analysis.ratePerHour,
    }),
    levels: analysis.levels,
    history: {
      ...definedOnly({ rows, validRows, rejected }),
      clients: analysis.history.clients,
      episodes: analysis.history.episodes,
      ...definedOnly({ gapDays, episodeDays, duplicateRows, clientsWithOverlappingLevels }),
      levels: analysis.history.levels,
      ...definedOnly({ services }),
    },
  };
}
