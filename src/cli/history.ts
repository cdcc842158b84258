import { isCaseRateInputError } from "../core/errors";
import { type AnalysisOptions, EpisodeTally } from "../core/history/analysis";
import { columnMapOf } from "../core/history/columns";
import { EncounterReader, type EncounterHistory } from "../core/history/encounterHistory";
import { episodeSettings, type EpisodeSettings } from "../core/history/episodeSettings";
import { modelOfExtract as modelOfRows } from "../core/history/extractModel";
import { type HistoryModel, missingModelInputs } from "../core/history/historyModel";
import { episodeQuery } from "../core/history/query";
import { type ArgSpec, parseArgs } from "./args";
import type { CommandResult } from "./audit";
import { eachChunk } from "./fileChunks";
import { UsageError } from "./io";
import { MAPPING_FILE } from "./readFile";
import { readJsonFile } from "./readJson";
import { modelOfEpisodes } from "./historyEpisodes";
import { writeAtomicallyFrom } from "./writeAtomically";

export const HISTORY_HELP = `Usage: case-rate history ENCOUNTERS.csv [--enrollees N] [--columns MAP.json] [options]
       case-rate history ENCOUNTERS.csv [--gap-days G] [--episode-days E] [--cohorts 10,30,50]
           [--strict] [-o MODEL.json [--force]]
       case-rate history --episodes EPISODES.csv [the options above but --columns, --strict]
       case-rate history --sql [--gap-days G] [--episode-days E]

Reads an encounter extract (CSV, UTF-8, a header row, one row per service; any size: it is read
as a stream) and prints, as JSON, a model that compute, risk and contract accept: the levels'
case mix and hours per episode from the history, plus what the analysis found (history).

Columns (a header names them; --columns MAP.json maps other names, e.g. {"client_id": "MemberID"}):
  client_id, level, service_date (YYYY-MM-DD), service_code, minutes (above 0): required;
  clinician_type, amount (dollars paid, 0 or more): optional.
Episodes: a client's services at one level, in date order, form runs with no gap between service
  days longer than G days (--gap-days, default 90); a service on day d belongs to episode
  floor((d - run start) / E) of its run (--episode-days, default 182).
Options:
  --enrollees N        members covered: gives enrollees and penetrationRate = episodes / N
  --cohorts 10,30,50   cohort cut points in hours per episode (default: each level's quartiles)
  --strict             any row that cannot be used is an error (default: counted in history.rejected)
  -o, --output FILE    write the model to FILE (atomically) instead of printing it
  --force              replace FILE if it exists
  --episodes FILE      read episode summaries (the --sql query's result) instead of an extract
  --sql                print the warehouse query that turns encounters into episode summaries
Input sorted by client (as a warehouse export usually is) is read keeping one client's rows;
other input is read again, keeping every row.
Without --enrollees or an amount column the model lacks enrollees/penetrationRate or ratePerHour;
stderr says which, since compute needs them (exit 0).

Exit codes: 0 done; 2 the file, a column or an option is unusable (one line on stderr says which).
`;

export const HISTORY_ARGS: ArgSpec = {
  flags: ["--strict", "--force", "--sql"],
  valued: [
    "--enrollees",
    "--columns",
    "--gap-days",
    "--episode-days",
    "--cohorts",
    "-o",
    "--output",
    "--episodes",
  ],
};

/** A whole number option (the core checks its range). */
function wholeOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} must be a whole number, not "${text}".`);
  return Number(text);
}

/** `--cohorts 10,30,50` as numbers (the core checks they rise). */
function cohortCuts(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const cuts = text.split(",").map((part) => part.trim());
  if (cuts.some((cut) => !/^\d+(\.\d+)?$/.test(cut))) {
    throw new UsageError(`--cohorts must be hours separated by commas, such as 10,30,50, not "${text}".`);
  }
  return cuts.map(Number);
}

/** Runs `work`, naming `path` in the core's errors about the file's content. */
async function naming<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isCaseRateInputError(error)) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Sees the bytes of each pass over the extract (e.g. to hash the file): `start` begins a pass. */
export interface ExtractWatcher {
  readonly start: () => void;
  readonly chunk: (bytes: Uint8Array) => void;
}

/** Reads the extract: streaming first, and once more holding every row if it is not sorted by client. */
async function readExtract(
  path: string,
  columns: ReturnType<typeof columnMapOf>,
  rule: EpisodeSettings,
  strict: boolean,
  watcher?: ExtractWatcher,
): Promise<EncounterHistory> {
  for (const holdAllRows of [false, true]) {
    const reader = new EncounterReader({ columns, rule, strict, holdAllRows });
    watcher?.start();
    const read = (chunk: Uint8Array) => {
      watcher?.chunk(chunk);
      return reader.push(chunk);
    };
    if (!(await eachChunk(path, read))) continue;
    const history = reader.end();
    if (history !== undefined) return history;
  }
  throw new Error("an extract read holding every row is never read again");
}

/** The model of an extract and the notes for stderr. */
async function modelOfExtract(
  path: string,
  options: { columns: string | undefined; rule: EpisodeSettings; strict: boolean },
  analysisOptions: Omit<AnalysisOptions, "hasAmount">,
  watcher?: ExtractWatcher,
): Promise<{ model: HistoryModel; notes: string[] }> {
  const columns =
    options.columns === undefined ? {} : columnMapOf(readJsonFile(options.columns, MAPPING_FILE));
  const rows = await naming(path, () => readExtract(path, columns, options.rule, options.strict, watcher));
  const model = modelOfRows(rows, options.rule, analysisOptions);
  const notes: string[] = [];
  const refused = rows.rows - rows.validRows;
  if (refused > 0)
    notes.push(
      `${refused} of ${rows.rows} rows cannot be used and are left out (history.rejected says why).`,
    );
  if (rows.duplicateRows > 0) {
    notes.push(
      `${rows.duplicateRows} rows repeat an earlier row exactly, first at line ${rows.firstDuplicateLine}: possible duplicates, counted, not removed.`,
    );
  }
  if (rows.clientsWithOverlappingLevels > 0) {
    notes.push(`${rows.clientsWithOverlappingLevels} clients have episodes at two levels at the same time.`);
  }
  if (!rows.hasAmount) notes.push("the extract has no amount column, so the model has no ratePerHour.");
  return { model, notes };
}

/** The episode rule and the analysis options of the command's arguments (the core checks ranges). */
function historySettings(values: ReadonlyMap<string, string>): {
  rule: EpisodeSettings;
  analysisOptions: Omit<AnalysisOptions, "hasAmount">;
} {
  const rule = episodeSettings({
    gapDays: wholeOption("--gap-days", values.get("--gap-days")),
    episodeDays: wholeOption("--episode-days", values.get("--episode-days")),
  });
  const analysisOptions: Omit<AnalysisOptions, "hasAmount"> = {
    ...(values.has("--enrollees")
      ? { enrollees: wholeOption("--enrollees", values.get("--enrollees")) }
      : {}),
    ...(values.has("--cohorts") ? { cohortCuts: cohortCuts(values.get("--cohorts")) } : {}),
  };
  return { rule, analysisOptions };
}

/** The note naming the inputs compute needs that the history could not give (none when complete). */
function missingNotes(model: HistoryModel): string[] {
  const missing = missingModelInputs(model);
  if (missing.length === 0) return [];
  return [
    `the model has no ${missing.join(", ")}${missing.includes("enrollees") ? " (give --enrollees N)" : ""}; compute needs them.`,
  ];
}

/** The options `history` shares with `starter --history` (the starter names the file with --history). */
export const HISTORY_EXTRACT_ARGS: ArgSpec = {
  flags: ["--strict"],
  valued: ["--enrollees", "--columns", "--gap-days", "--episode-days", "--cohorts"],
};

/**
 * The model of the extract at `path` with the history command's options (`values`, `strict`), and
 * its notes for stderr; `watcher` sees the file's bytes as they stream (the starter hashes them).
 */
export async function historyOfExtract(
  path: string,
  values: ReadonlyMap<string, string>,
  strict: boolean,
  watcher?: ExtractWatcher,
): Promise<{ model: HistoryModel; notes: string[] }> {
  const { rule, analysisOptions } = historySettings(values);
  // A tally checks its options when made: a bad cut point is refused before a large file is read.
  new EpisodeTally({ ...analysisOptions, hasAmount: false });
  const options = { columns: values.get("--columns"), rule, strict };
  const result = await modelOfExtract(path, options, analysisOptions, watcher);
  return { model: result.model, notes: [...result.notes, ...missingNotes(result.model)] };
}

/**
 * `case-rate history`: the model of an encounter extract (or of episode summaries), printed or
 * written with -o; stderr names the inputs compute needs that the history could not give.
 */
export async function history(args: readonly string[]): Promise<CommandResult> {
  const { flags, values, positionals } = parseArgs("history", args, HISTORY_ARGS);
  const { rule, analysisOptions } = historySettings(values);
  if (flags.has("--sql")) {
    if (positionals.length > 0 || values.has("--episodes"))
      throw new UsageError("--sql reads no file; it prints the query.");
    return { out: episodeQuery(rule), code: 0 };
  }
  const episodesPath = values.get("--episodes");
  if (positionals.length !== (episodesPath === undefined ? 1 : 0)) {
    throw new UsageError(
      "history takes one ENCOUNTERS.csv (or --episodes EPISODES.csv); see 'case-rate history --help'.",
    );
  }
  if (episodesPath !== undefined && (values.has("--columns") || flags.has("--strict"))) {
    throw new UsageError("--columns and --strict apply to an extract, not to --episodes.");
  }
  const analyse = async (): Promise<{ model: HistoryModel; notes: string[] }> => {
    if (episodesPath === undefined) return historyOfExtract(positionals[0], values, flags.has("--strict"));
    const read = await modelOfEpisodes(episodesPath, analysisOptions, rule);
    return { model: read.model, notes: [...read.notes, ...missingNotes(read.model)] };
  };
  const json = (model: HistoryModel) => `${JSON.stringify(model, null, 2)}\n`;
  const errOf = (notes: readonly string[]) => notes.map((note) => `case-rate: note: ${note}\n`).join("");
  const output = values.get("-o") ?? values.get("--output");
  if (output === undefined) {
    const { model, notes } = await analyse();
    return { out: json(model), err: errOf(notes), code: 0 };
  }
  let notes: string[] = [];
  await writeAtomicallyFrom(output, flags.has("--force"), async () => {
    const analysed = await analyse();
    notes = analysed.notes;
    return new TextEncoder().encode(json(analysed.model));
  });
  return { out: `Wrote ${output}\n`, err: errOf(notes), code: 0 };
}
