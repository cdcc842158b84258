/**
 * What the History section needs from a workbook, in Excel (excel/excelHistory.ts: a table or the
 * selection, read in chunks) and in the browser preview (preview/previewHistory.ts: a CSV file).
 */
import type { EncounterHistory, EncounterOptions } from "../../core/history/encounterHistory";
import type { EpisodeSummary } from "../../core/history/episodeSummary";
import type { HistoryModel } from "../../core/history/historyModel";
import type { Naming } from "../../workbook/freeNames";
import type { SheetSpec } from "../../workbook/spec";
import type { HistorySource, StarterOptions } from "../../workbook/starter/options";
import type { InputsPlan, NamedLookup } from "./inputsPlan";
import type { SettlementColumn, SettlementPlan } from "./settlementPlan";

/** Where the extract is: an Excel table, the selection, or a file. */
export interface ExtractSource {
  readonly id: string;
  readonly label: string;
}

/** Reading progress: `done` of `total` (rows, or bytes for a file). */
export type HistoryProgress = (done: number, total: number) => void;

/** What was read, and how. */
export interface ExtractRead {
  readonly history: EncounterHistory;
  /** Reads from Excel (each one request); 0 for a file. */
  readonly chunks: number;
  /** Where the rows came from, for the History sheet: the file (its SHA-256), the table or the range. */
  readonly source: HistorySource;
}

/** An extract opened: its header, and a way to read its rows through the core. */
export interface OpenedExtract {
  /** The range's address or the file's name, as the section shows it. */
  readonly name: string;
  readonly header: readonly string[];
  /** Data rows (a range), or undefined when not known before reading (a file). */
  readonly rows?: number;
  /** Reads every row into the core's reader; stops with a CancelledError when `signal` aborts. */
  read(
    options: Omit<EncounterOptions, "holdAllRows">,
    progress: HistoryProgress,
    signal: AbortSignal,
  ): Promise<ExtractRead>;
}

/** One input cell "Use as the model's inputs" changes. */
export interface InputChange {
  /** What the cell is, in words: "Case mix (step 4), level B". */
  readonly label: string;
  readonly sheet: string;
  readonly address: string;
  readonly oldText: string;
  readonly newText: string;
  readonly value: number | string | null;
}

/** The History sheet as written: the name it got (a free one). */
export interface HistorySheetWritten {
  readonly sheet: string;
  readonly wanted: string;
}

export interface HistoryWorkbook {
  readonly mode: "excel" | "preview";
  /** The tables and the selection to choose from (Excel); the preview offers a file instead. */
  sources(): Promise<ExtractSource[]>;
  /** Opens a source (Excel) for its header and size. */
  open(sourceId: string): Promise<OpenedExtract>;
  /** Writes the History sheet under a free name, never over a sheet of the user's. */
  writeHistorySheet(model: HistoryModel, source: HistorySource): Promise<HistorySheetWritten>;
  /** The starter's input cells of steps 2, 4, 5 and 6 the model would change, old and new. */
  planInputs(model: HistoryModel): Promise<InputsPlan>;
  /** Writes exactly these cells. */
  applyInputs(changes: readonly InputChange[]): Promise<void>;
  /** The Settlement sheet's closed-cases table as the episodes fill it (refused in words). */
  planSettlement(episodes: readonly EpisodeSummary[], hasAmount: boolean): Promise<SettlementPlan>;
  /** Writes the table's input columns, each whole. */
  applySettlement(columns: readonly SettlementColumn[]): Promise<void>;
}

/** What describes the History sheet and the starter's inputs for a model (the workbook's builders). */
export interface HistoryDescriptions {
  /** The Encounter History sheet, under the name `naming` gives it. */
  historySheet(model: HistoryModel, source: HistorySource, naming: Naming): SheetSpec;
  /** The starter's input cells as the starter built from the history holds them. */
  inputsOf(model: HistoryModel): NamedLookup;
  /** The options of a workbook that holds the History sheet alone (the preview, before a build). */
  optionsOf(model: HistoryModel): StarterOptions;
}

/** Reading was cancelled by the user. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

/** Throws CancelledError once the signal has aborted. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}
