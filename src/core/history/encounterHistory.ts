import { ByteInterner } from "../csv/byteInterner";
import { CsvScanner } from "../csv/csvParser";
import { CsvRowView } from "../csv/csvRow";
import { CaseRateInputError } from "../errors";
import { type ColumnIndexes, type ColumnMap, columnIndexes } from "./columns";
import { type EpisodeFindings, type EpisodeRule, EpisodeBuilder } from "./episodes";
import { BLANK_CLINICIAN, type EncounterValues, type RejectedRows, Rejections, readEncounter } from "./rows";
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
  private readonly scanner = new CsvScanner((row) => this.row(row));
  /** The view `pushRow` fills, reused from row to row. */
  private readonly fieldRow = new CsvRowView();
  private readonly rejections = new Rejections();
  /** The texts of valid rows, numbered from their bytes. */
  private readonly clients = new ByteInterner();
  private readonly levels = new ByteInterner();
  private readonly codes = new ByteInterner();
  private readonly clinicians = new ByteInterner();
  /** The clinician type's number for rows without one: "" with no such column, BLANK_CLINICIAN for a blank field. */
  private noClinician = 0;
  private readonly values: EncounterValues = { day: 0, minutes: 0, amount: 0 };
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
    this.scanner.push(chunk);
    return this.contiguous;
  }

  /**
   * Reads one row already split into fields (the first is the header): the pane's rows from an
   * Excel range take this door, a file's bytes `push`, and both the same checks and episodes.
   * `line` counts as in a file, the header as line 1. False as for `push`.
   */
  pushRow(fields: string[], line: number): boolean {
    this.fieldRow.setTexts(fields, line);
    this.row(this.fieldRow);
    return this.contiguous;
  }

  /** Ends the input: its figures (undefined when it must be read again, as for `push`); no header or no valid row is an error. */
  end(): EncounterHistory | undefined {
    this.scanner.end();
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

  private row(row: CsvRowView): void {
    if (!this.contiguous) return;
    const columns = this.columns;
    if (columns === undefined) {
      this.header(row.texts());
      return;
    }
    this.rows++;
    const line = row.line;
    const values = this.values;
    const refused = readEncounter(row, columns, this.width, values);
    if (refused !== undefined) {
      if (this.options.strict) {
        throw new CaseRateInputError(
          `line ${line}`,
          "wrong-type",
          `line ${line}: ${refused} (--strict refuses any row that cannot be used).`,
        );
      }
      this.rejections.add(refused, line);
      return;
    }
    // Numbered only once valid: the builder takes a client numbered below the current one as returning.
    const client = this.clients.numberOfField(row, columns.client_id);
    const level = this.levels.numberOfField(row, columns.level);
    const code = this.codes.numberOfField(row, columns.service_code);
    const k = columns.clinician_type;
    const clinician =
      k < 0 || row.byteLength(k) === 0 ? this.noClinician : this.clinicians.numberOfField(row, k);
    const { day, minutes, amount } = values;
    if (!(this.builder as EpisodeBuilder).add(client, level, day, code, clinician, minutes, amount, line)) {
      this.contiguous = false;
      return;
    }
    (this.services as ServiceTally).add(code, clinician, minutes, amount);
  }

  private header(fields: string[]): void {
    const columns = columnIndexes(fields, this.options.columns);
    this.columns = columns;
    this.width = fields.length;
    const hasAmount = columns.amount >= 0;
    const hasClinician = columns.clinician_type >= 0;
    // A blank clinician type is named BLANK_CLINICIAN, so it is the same type as that text written out.
    const none = new TextEncoder().encode(hasClinician ? BLANK_CLINICIAN : "");
    this.noClinician = this.clinicians.numberOf(none, 0, none.length, hasClinician ? BLANK_CLINICIAN : "");
    this.builder = new EpisodeBuilder(this.options.rule, this.options.holdAllRows, hasAmount, {
      clients: this.clients.names,
      levels: this.levels.names,
    });
    this.services = new ServiceTally(hasAmount, hasClinician, this.codes.names, this.clinicians.names);
  }
}
