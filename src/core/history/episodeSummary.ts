/**
 * One episode, the toolkit's case: one client's services at one level of care within one run,
 * cut at the episode length (the history issue's rule). The row the warehouse query returns, and
 * what the per-level analysis reads: the row path and the `--episodes` path meet here.
 */
export interface EpisodeSummary {
  readonly clientId: string;
  /** Level of care id, as in the extract (A, B, …). */
  readonly level: string;
  /** Day number of the episode's first service: whole days since 1970-01-01. */
  readonly episodeStart: number;
  /** Services (rows) in the episode. */
  readonly services: number;
  /** Σ minutes ÷ 60 of its services. */
  readonly hours: number;
  /** Σ amount of its services; absent when the extract has no amount column. */
  readonly amount?: number;
}
