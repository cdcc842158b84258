import { CsvParser } from "../csv/csvParser";
import { CaseRateInputError } from "../errors";
import { type ColumnIndexes, type ColumnMap, columnIndexes } from "./columns";
import { type EpisodeFindings, type EpisodeRule, EpisodeBuilder } from "./episodes";
import { type RejectedRows, Rejections, readEncounter } from "./rows";
import { type ServiceFigures, ServiceTally } from "./services";

/** How to read an extract. */
export interface EncounterOptions {
  readonly columns: ColumnMap;
  readonly rule: EpisodeRule;
  /** Any refused row is an error (the command line's --strict). */
  readonly strict: boolean;
  /** Keep every row, for input not sorted by client (see EpisodeBuilder). */
  readonly holdAllRows: boolean;
}

/** What the rows give: the episodes for the analysis, and the row path's record. */
export interface EncounterHistory extends EpisodeFindings {
  /** Data rows read (the header not counted). */
  readonly rows: number;
  readonly validRows: number;
  readonly rejected: RejectedRows[];
  readonly services: ServiceFigures[];
  /** The extract has an amount column, so episodes and services carry dollars. */
  readonly hasAmount: boolean;
}

/**
 * Reads an encounter extract chunk by chunk: the header's columns, each row checked (refused rows
 * counted by reason, never used), the service-code table, and the episodes. Memory: the current
 * client's rows and the per-episode figures for input sorted by client; every row otherwise.
 * @example const r = new EncounterReader({ columns: {}, rule: { gapDays: 90, episodeDays: 182 }, strict: false, holdAllRows: false }); r.push(new TextEncoder().encode("client_id,level,service_date,service_code,minutes\n1,A,2025-01-02,90834,45\n")); r.end()?.episodes.length // 1
 */
export class EncounterReader {
  private readonly parser = new CsvParser((fields, line, badQuoting) => this.row(fields, line, badQuoting));
  private readonly rejections = new Rejections();
  private columns: ColumnIndexes | undefined;
  private width = 0;
  private builder: EpisodeBuilder | undefined;
  private services: ServiceTally | undefined;
  private rows = 0;
  private contiguous = true;

  constructor(private readonly options: EncounterOptions) {}

  /**
   * Reads one chunk. False when the input turned out not to be sorted by client and this reader
   * does not hold every row: read the input again with `holdAllRows`.
   */
  push(chunk: Uint8Array): boolean {
    this.parser.push(chunk);
    return this.contiguous;
  }

  /**
   * Reads one row already split into fields (the first is the header): the pane's rows from an
   * Excel range take this door, a file's bytes `push`, and both the same checks and episodes.
   * `line` counts as in a file, the header as line 1. False as for `push`.
   */
  pushRow(fields: string[], line: number): boolean {
    this.row(fields, line, false);
    return this.contiguous;
  }

  /** Ends the input: its figures (undefined when it must be read again, as for `push`); no header or no valid row is an error. */
  end(): EncounterHistory | undefined {
    this.parser.end();
    if (!this.contiguous) return undefined;
    if (this.builder === undefined || this.services === undefined) {
      throw new CaseRateInputError("rows", "empty", "the file is empty: it has no header row.");
    }
    const validRows = this.rows - this.rejections.total;
    const rejected = this.rejections.list();
    if (validRows === 0) {
      const why =
        rejected.length === 0
          ? "it has no data rows"
          : `every row is refused (${rejected[0].reason}, first at line ${rejected[0].firstLine})`;
      throw new CaseRateInputError("rows", "empty", `no row can be used: ${why}.`);
    }
    return {
      rows: this.rows,
      validRows,
      rejected,
      services: this.services.figures(),
      hasAmount: (this.columns as ColumnIndexes).amount >= 0,
      ...this.builder.finish(),
    };
  }

  private row(fields: string[], line: number, badQuoting: boolean): void {
    if (!this.contiguous) return;
    if (this.columns === undefined) {
      this.header(fields);
      return;
    }
    this.rows++;
    const read = readEncounter(fields, this.columns, this.width, badQuoting);
    if (typeof read === "string") {
      if (this.options.strict) {
        throw new CaseRateInputError(
          `line ${line}`,
          "wrong-type",
          `line ${line}: ${read} (--strict refuses any row that cannot be used).`,
        );
      }
      this.rejections.add(read, line);
      return;
    }
    if (!(this.builder as EpisodeBuilder).add(read, line)) {
      this.contiguous = false;
      return;
    }
    (this.services as ServiceTally).add(read.code, read.clinician, read.minutes, read.amount);
  }

  private header(fields: string[]): void {
    const columns = columnIndexes(fields, this.options.columns);
    this.columns = columns;
    this.width = fields.length;
    this.builder = new EpisodeBuilder(this.options.rule, this.options.holdAllRows, columns.amount >= 0);
    this.services = new ServiceTally(columns.amount >= 0, columns.clinician_type >= 0);
  }
}
