import { cutText, quoteText } from "../describeValue";
import { CaseRateInputError } from "../errors";
import { EpisodeTally, type AnalysisOptions, type EpisodeAnalysis } from "./analysis";
import type { EpisodeSummary } from "./episodeSummary";

/** The columns of the episode query's result; `amount` may be left out or left blank throughout. */
export const EPISODE_COLUMNS = [
  "client_id",
  "level",
  "episode_start",
  "services",
  "hours",
  "amount",
] as const;

/** A decimal number as warehouses write one: 12, 1.5, .5, 2.6166666666666667, 1.5E3. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** What the episodes of a file give: the analysis, and the rows (services) they were made of. */
export interface EpisodeFileResult {
  readonly analysis: EpisodeAnalysis;
  /** Σ services over the episodes: the extract's rows the warehouse used. */
  readonly validRows: number;
}

function problem(line: number, message: string): CaseRateInputError {
  return new CaseRateInputError(`line ${line}`, "wrong-type", `line ${line}: ${message}`);
}

/**
 * The warehouse query's result read as CSV rows and analyzed as they come: a header naming the
 * columns (any order, any letter case: Snowflake writes CLIENT_ID), then one episode a row. A row
 * that is not a valid episode is refused with its line: the query's output is never half used.
 * @example const file = new EpisodeFile({}); file.row(["client_id","level","episode_start","services","hours"], 1); file.row(["1","A","20089","2","1.5"], 2); file.result().analysis.levels[0].averageHours // 1.5
 */
export class EpisodeFile {
  private columns: number[] | undefined;
  private width = 0;
  private tally: EpisodeTally | undefined;
  private hasAmount = false;
  private services = 0;

  /** `onEpisode`, when given, also sees each episode as read, with its line (the contract settles them). */
  constructor(
    private readonly options: Omit<AnalysisOptions, "hasAmount">,
    private readonly onEpisode?: (episode: EpisodeSummary, line: number) => void,
  ) {}

  /** One CSV row: the header (line 1), then episodes. `badQuoting` is the parser's flag. */
  row(fields: readonly string[], line: number, badQuoting = false): void {
    if (badQuoting) throw problem(line, "a quote sits inside a field; quote the whole field or none of it.");
    if (this.columns === undefined) {
      this.readHeader(fields, line);
      return;
    }
    if (fields.length !== this.width) {
      throw problem(line, `${fields.length} fields where the header has ${this.width}.`);
    }
    const episode = this.episodeOf(fields, line);
    if (this.tally === undefined) {
      // The first episode tells whether the file has amounts: every later one must agree.
      this.hasAmount = episode.amount !== undefined;
      this.tally = new EpisodeTally({ ...this.options, hasAmount: this.hasAmount });
    } else if ((episode.amount !== undefined) !== this.hasAmount) {
      throw problem(
        line,
        this.hasAmount
          ? "amount is blank, unlike the rows before it."
          : "amount is given, unlike the rows before it, which leave it blank.",
      );
    }
    this.tally.add(episode);
    this.services += episode.services;
    this.onEpisode?.(episode, line);
  }

  /** The analysis of every episode read. */
  result(): EpisodeFileResult {
    if (this.columns === undefined) {
      throw new CaseRateInputError(
        "episodes",
        "empty",
        "the file is empty; it needs a header row and episodes.",
      );
    }
    if (this.tally === undefined) {
      throw new CaseRateInputError("episodes", "empty", "the file has a header but no episodes.");
    }
    return { analysis: this.tally.result(), validRows: this.services };
  }

  private readHeader(fields: readonly string[], line: number): void {
    const names = fields.map((field) => field.trim().toLowerCase());
    this.columns = EPISODE_COLUMNS.map((column) => names.indexOf(column));
    const missing = EPISODE_COLUMNS.filter((column, k) => column !== "amount" && this.columns![k] < 0);
    if (missing.length > 0) {
      throw problem(
        line,
        `the header has no column ${missing.join(", ")}; it needs ${EPISODE_COLUMNS.join(", ")}.`,
      );
    }
    this.width = fields.length;
  }

  private episodeOf(fields: readonly string[], line: number): EpisodeSummary {
    const [client, level, start, services, hours, amount] = this.columns!.map((k) =>
      k < 0 ? "" : fields[k].trim(),
    );
    if (client === "") throw problem(line, "client_id is blank.");
    if (level === "") throw problem(line, "level is blank.");
    const number = (name: string, text: string): number => {
      if (!DECIMAL.test(text)) throw problem(line, `${name} is ${quoteText(cutText(text))}, not a number.`);
      return Number(text);
    };
    const whole = (name: string, text: string, least: number): number => {
      const value = number(name, text);
      if (!Number.isSafeInteger(value) || value < least) {
        throw problem(line, `${name} is ${text}; it must be a whole number of at least ${least}.`);
      }
      return value;
    };
    const hoursValue = number("hours", hours);
    if (!(hoursValue > 0) || !Number.isFinite(hoursValue))
      throw problem(line, `hours is ${hours}; it must be above 0.`);
    const episode = {
      clientId: client,
      level,
      episodeStart: whole("episode_start", start, -1e8),
      services: whole("services", services, 1),
      hours: hoursValue,
    };
    if (amount === "") return episode;
    const amountValue = number("amount", amount);
    if (!(amountValue >= 0) || !Number.isFinite(amountValue)) {
      throw problem(line, `amount is ${amount}; it cannot be negative.`);
    }
    return { ...episode, amount: amountValue };
  }
}
