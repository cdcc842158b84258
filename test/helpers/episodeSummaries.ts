/** Episode summaries as the history tests compare them: a fixture's as built, and one order for all. */
import type { EpisodeSummary } from "../../src/core/history/episodeSummary";
import type { Fixture } from "../fixtures/history/generate";

/** The fixture's episodes as built, as the episode rule is to find them. */
export function builtSummaries(fixture: Fixture): EpisodeSummary[] {
  return fixture.episodes.map((episode) => ({
    clientId: episode.clientId,
    level: episode.level,
    episodeStart: episode.episodeStart,
    services: episode.hours,
    hours: episode.hours,
    amount: episode.amountCents / 100,
  }));
}

/** Sorts summaries by client, level, then episode start, so two readers' lists compare as equal. */
export const byEpisodeKey = (a: EpisodeSummary, b: EpisodeSummary): number =>
  a.clientId < b.clientId
    ? -1
    : a.clientId > b.clientId
      ? 1
      : a.level < b.level
        ? -1
        : a.level > b.level
          ? 1
          : a.episodeStart - b.episodeStart;
