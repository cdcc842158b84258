import { type AnalysisOptions, analyzeEpisodes } from "./analysis";
import type { EncounterHistory } from "./encounterHistory";
import type { EpisodeSettings } from "./episodeSettings";
import { type HistoryModel, historyModel } from "./historyModel";

/**
 * The history model of an extract's rows read (by a file's bytes or a range's rows): the
 * per-level analysis of its episodes and the row path's record, with the episode rule it used.
 * @example modelOfExtract(reader.end()!, { gapDays: 90, episodeDays: 182 }, {}).history.episodes
 */
export function modelOfExtract(
  rows: EncounterHistory,
  rule: EpisodeSettings,
  options: Omit<AnalysisOptions, "hasAmount">,
): HistoryModel {
  const analysis = analyzeEpisodes(rows.episodes, { ...options, hasAmount: rows.hasAmount });
  return historyModel(analysis, {
    rows: rows.rows,
    validRows: rows.validRows,
    rejected: rows.rejected,
    gapDays: rule.gapDays,
    episodeDays: rule.episodeDays,
    duplicateRows: rows.duplicateRows,
    clientsWithOverlappingLevels: rows.clientsWithOverlappingLevels,
    services: rows.services,
  });
}
