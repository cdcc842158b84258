import { CsvParser } from "../core/csv/csvParser";
import { isCaseRateInputError } from "../core/errors";
import type { AnalysisOptions } from "../core/history/analysis";
import { EpisodeFile, type EpisodeFileResult } from "../core/history/episodeFile";
import type { EpisodeSettings } from "../core/history/episodeSettings";
import { type HistoryModel, historyModel } from "../core/history/historyModel";
import { eachChunk } from "./fileChunks";
import { UsageError } from "./io";

/** The model of episode summaries, and the notes for stderr. */
export interface EpisodesModel {
  readonly model: HistoryModel;
  readonly notes: string[];
}

/**
 * The warehouse query's result at `path` streamed through `file` (any size: one chunk at a time);
 * its result, or the core's error for the first row that is not an episode.
 */
export async function readEpisodeFile(path: string, file: EpisodeFile): Promise<EpisodeFileResult> {
  const parser = new CsvParser((fields, line, badQuoting) => file.row(fields, line, badQuoting));
  await eachChunk(path, (chunk) => {
    parser.push(chunk);
    return true;
  });
  parser.end();
  return file.result();
}

/**
 * `case-rate history --episodes EPISODES.csv`: the model of the warehouse query's result (any
 * size: read as a stream, one episode's figures kept at a time), recording the episode rule the
 * query ran with. Everything the extract gives but `history.services[]` and the rejected rows.
 * A row that is not an episode is one UsageError naming the file and the line.
 */
export async function modelOfEpisodes(
  path: string,
  analysisOptions: Omit<AnalysisOptions, "hasAmount">,
  rule: EpisodeSettings,
): Promise<EpisodesModel> {
  try {
    const { analysis, validRows } = await readEpisodeFile(path, new EpisodeFile(analysisOptions));
    const model = historyModel(analysis, { validRows, gapDays: rule.gapDays, episodeDays: rule.episodeDays });
    const notes =
      model.ratePerHour === undefined
        ? ["the episodes carry no amount, so the model has no ratePerHour."]
        : [];
    return { model, notes };
  } catch (error) {
    if (isCaseRateInputError(error)) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}
