/**
 * The History section's state and behaviour, without the DOM: choose an extract (a table or the
 * selection in Excel, a CSV file in the preview), map its columns, Analyze (read in chunks with
 * progress and Cancel, the core's analysis, the History sheet), then "Use as the model's inputs"
 * (what will change, cell by cell, and only on confirmation). ui/historySection.ts renders it.
 */
import { isCaseRateInputError } from "../../core/errors";
import { EpisodeTally } from "../../core/history/analysis";
import { type EncounterColumn, ENCOUNTER_COLUMNS } from "../../core/history/columns";
import { modelOfExtract } from "../../core/history/extractModel";
import type { EpisodeSummary } from "../../core/history/episodeSummary";
import type { HistoryModel } from "../../core/history/historyModel";
import { describeError, type Status, type StatusKind } from "../controller";
import { type SettingField, analysisSettings } from "./analysisSettings";
import { type ColumnChoice, columnMapOfChoice, columnProblems, matchColumns } from "./columnChoice";
import {
  CancelledError,
  type ExtractSource,
  type HistoryWorkbook,
  type InputChange,
  type OpenedExtract,
} from "./historyHost";
import type { SettlementPlan } from "./settlementPlan";

export interface HistoryState {
  readonly sources: readonly ExtractSource[];
  readonly sourceId: string;
  readonly extract?: OpenedExtract;
  readonly choice?: ColumnChoice;
  /** Beside the table, selection or file field: what is wrong with the extract itself. */
  readonly sourceError?: string;
  /** Beside each column's dropdown. */
  readonly columnErrors: Partial<Record<EncounterColumn, string>>;
  readonly enrollees: string;
  readonly enrolleesError?: string;
  /** The episode rule and the cohorts, as typed ("" for the default), each with its error. */
  readonly settings: Readonly<Record<SettingField, string>>;
  readonly settingErrors: Partial<Record<SettingField, string>>;
  readonly phase: "idle" | "opening" | "reading" | "writing" | "done" | "planning" | "filling";
  readonly progress?: { readonly done: number; readonly total: number };
  readonly model?: HistoryModel;
  /** The History sheet written, by the name it got. */
  readonly sheet?: string;
  readonly summary?: string;
  /** The cells "Use as the model's inputs" would change, awaiting confirmation. */
  readonly plan?: readonly InputChange[];
  /** What the plan leaves unfilled, and why (step 6's table of another shape). */
  readonly planRefused?: string;
  /** The analysed episodes, the Settlement sheet's closed cases to be. */
  readonly episodes?: { readonly list: readonly EpisodeSummary[]; readonly hasAmount: boolean };
  /** The Settlement table "Fill the Settlement sheet's closed cases" would write, awaiting confirmation. */
  readonly settlement?: SettlementPlan;
  readonly message?: Status;
}

type Listener = (state: HistoryState, previous: HistoryState) => void;

const count = (n: number) => n.toLocaleString("en-US");

/** "30,000" or "30000" as a whole number; undefined for blank; NaN for anything else. */
function enrolleesOf(text: string): number | undefined {
  const plain = text.trim().replace(/,/g, "");
  if (plain === "") return undefined;
  return /^\d+$/.test(plain) ? Number(plain) : NaN;
}

export class HistoryController {
  private current: HistoryState = {
    sources: [],
    sourceId: "",
    columnErrors: {},
    enrollees: "",
    settings: { gapDays: "", episodeDays: "", cohorts: "" },
    settingErrors: {},
    phase: "idle",
  };
  private readonly listeners = new Set<Listener>();
  private abort: AbortController | undefined;

  constructor(
    private readonly workbook: HistoryWorkbook,
    /** Tells the pane's status line. */
    private readonly announce: (text: string, kind: StatusKind) => void = () => undefined,
  ) {}

  get state(): HistoryState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(change: Partial<HistoryState>): void {
    const previous = this.current;
    this.current = { ...previous, ...change };
    if (change.message) this.announce(change.message.text, change.message.kind);
    for (const listener of this.listeners) listener(this.current, previous);
  }

  /** Lists the workbook's tables and the selection (Excel). */
  async loadSources(): Promise<void> {
    try {
      const sources = await this.workbook.sources();
      const keep = sources.some((s) => s.id === this.current.sourceId);
      this.set({ sources, sourceId: keep ? this.current.sourceId : (sources[0]?.id ?? "") });
    } catch (error) {
      this.set({ sourceError: `The tables could not be listed: ${describeError(error)}` });
    }
  }

  /** Opens a table or the selection: its header, matched to the columns by name. */
  async chooseSource(id: string): Promise<void> {
    this.set({ sourceId: id });
    await this.opened(() => this.workbook.open(id));
  }

  /** Opens an extract a caller has (the preview's CSV file). */
  async opened(open: () => Promise<OpenedExtract>): Promise<void> {
    this.set({
      phase: "opening",
      sourceError: undefined,
      extract: undefined,
      choice: undefined,
      columnErrors: {},
    });
    try {
      const extract = await open();
      const choice = matchColumns(extract.header);
      this.set({
        phase: "idle",
        extract,
        choice,
        columnErrors: columnProblems(extract.header, choice),
        model: undefined,
        plan: undefined,
        episodes: undefined,
        settlement: undefined,
      });
    } catch (error) {
      this.set({ phase: "idle", sourceError: describeError(error) });
    }
  }

  /** Maps a column to a header name ("" for none). */
  setColumn(column: EncounterColumn, name: string): void {
    const { extract, choice } = this.current;
    if (!extract || !choice) return;
    const next = { ...choice, [column]: name };
    this.set({ choice: next, columnErrors: columnProblems(extract.header, next) });
  }

  setEnrollees(text: string): void {
    this.set({ enrollees: text, enrolleesError: this.enrolleesProblem(text) });
  }

  /** Types a setting ("" for the default): checked by the core as it is typed. */
  setSetting(field: SettingField, text: string): void {
    const settings = { ...this.current.settings, [field]: text };
    this.set({ settings, settingErrors: analysisSettings(settings).errors ?? {} });
  }

  private enrolleesProblem(text: string): string | undefined {
    const enrollees = enrolleesOf(text);
    if (enrollees === undefined) return undefined;
    if (Number.isNaN(enrollees))
      return `Enrollees is "${text}"; type a whole number of members, such as 30000.`;
    try {
      // The core checks what it takes; made here, it refuses before any row is read.
      new EpisodeTally({ enrollees, hasAmount: false });
      return undefined;
    } catch (error) {
      return describeError(error);
    }
  }

  /** Reads the extract, analyzes it with the core and writes the History sheet; false when it did not. */
  async analyze(): Promise<boolean> {
    const { extract, choice, phase } = this.current;
    if (phase === "reading" || phase === "writing") return false;
    if (!extract || !choice) {
      this.set({
        sourceError:
          this.workbook.mode === "excel"
            ? "Choose a table or select the extract's range first."
            : "Choose a CSV file first.",
      });
      return false;
    }
    const columnErrors = columnProblems(extract.header, choice);
    const enrolleesError = this.enrolleesProblem(this.current.enrollees);
    const { settings, errors: settingErrors = {} } = analysisSettings(this.current.settings);
    if (Object.keys(columnErrors).length > 0 || enrolleesError || !settings) {
      const first = Object.values(columnErrors)[0] ?? enrolleesError ?? Object.values(settingErrors)[0];
      this.set({
        columnErrors,
        enrolleesError,
        settingErrors,
        message: { text: `Not analyzed: ${first}`, kind: "error" },
      });
      return false;
    }
    const abort = new AbortController();
    this.abort = abort;
    const enrollees = enrolleesOf(this.current.enrollees);
    this.set({
      phase: "reading",
      progress: { done: 0, total: extract.rows ?? 0 },
      sourceError: undefined,
      model: undefined,
      plan: undefined,
      settlement: undefined,
      episodes: undefined,
      summary: undefined,
      message: { text: `Reading ${extract.name}…`, kind: "info" },
    });
    try {
      const read = await extract.read(
        { columns: columnMapOfChoice(choice), rule: settings.rule, strict: false },
        (done, total) => this.set({ progress: { done, total } }),
        abort.signal,
      );
      const model = modelOfExtract(read.history, settings.rule, {
        ...(enrollees === undefined ? {} : { enrollees }),
        ...(settings.cohortCuts === undefined ? {} : { cohortCuts: settings.cohortCuts }),
      });
      this.set({ phase: "writing", message: { text: "Writing the History sheet…", kind: "info" } });
      const written = await this.workbook.writeHistorySheet(model, read.source);
      const refused = read.history.rows - read.history.validRows;
      const renamed = written.sheet === written.wanted ? "" : ` ("${written.wanted}" is taken)`;
      const summary =
        `${count(read.history.rows)} rows read${read.chunks > 0 ? ` in ${count(read.chunks)} chunks` : ""}, ` +
        `${count(refused)} refused; ${count(model.history.episodes)} episodes of ${count(model.history.clients)} clients at ` +
        `${model.levels.length} levels of care. Written to the sheet "${written.sheet}"${renamed}.`;
      this.set({
        phase: "done",
        model,
        episodes: { list: read.history.episodes, hasAmount: read.history.hasAmount },
        sheet: written.sheet,
        summary,
        message: { text: summary, kind: "success" },
      });
      return true;
    } catch (error) {
      if (error instanceof CancelledError) {
        this.set({
          phase: "idle",
          progress: undefined,
          message: { text: "Analysis cancelled: nothing was written.", kind: "info" },
        });
        return false;
      }
      const text = describeError(error);
      const columns = isCaseRateInputError(error) && error.field === "columns";
      const column = columns
        ? ENCOUNTER_COLUMNS.find(({ column }) => text.includes(`"${choice[column]}"`))?.column
        : undefined;
      this.set({
        phase: "idle",
        progress: undefined,
        ...(column ? { columnErrors: { [column]: text } } : { sourceError: text }),
        message: { text: `Not analyzed: ${text}`, kind: "error" },
      });
      return false;
    } finally {
      this.abort = undefined;
    }
  }

  /** Stops a read in progress: nothing is written. */
  cancel(): void {
    this.abort?.abort();
  }

  /**
   * Runs one step of a fill in `phase`, then shows what `work` gives; a failure is told as
   * "`notFilled`: …". True when the step did not fail.
   */
  private async fillStep(
    phase: "planning" | "filling",
    notFilled: string,
    work: () => Promise<Partial<HistoryState>>,
    before: Partial<HistoryState> = {},
  ): Promise<boolean> {
    this.set({ phase, ...before });
    try {
      this.set({ phase: "done", ...(await work()) });
      return true;
    } catch (error) {
      this.set({
        phase: "done",
        message: { text: `${notFilled}: ${describeError(error)}`, kind: "error" },
      });
      return false;
    }
  }

  /** Shows what "Use as the model's inputs" would change, for the user to confirm. */
  async planInputs(): Promise<boolean> {
    const model = this.current.model;
    if (!model) return false;
    const planned = await this.fillStep(
      "planning",
      "The inputs were not filled",
      async () => {
        const { changes: plan, refused } = await this.workbook.planInputs(model);
        const also = refused === undefined ? "" : ` Not filled: ${refused}`;
        return {
          plan,
          planRefused: refused,
          message:
            plan.length === 0
              ? {
                  text: `The inputs already hold the history's figures: nothing to change.${also}`,
                  kind: "info",
                }
              : {
                  text: `${plan.length} input cells would change: check them, then confirm.${also}`,
                  kind: "info",
                },
        };
      },
      { plan: undefined, planRefused: undefined },
    );
    return planned && (this.current.plan?.length ?? 0) > 0;
  }

  /** Writes the cells shown, and only those. */
  async confirmInputs(): Promise<boolean> {
    const { plan, planRefused } = this.current;
    if (!plan || plan.length === 0) return false;
    return this.fillStep("filling", "The inputs were not filled", async () => {
      await this.workbook.applyInputs(plan);
      return {
        plan: undefined,
        planRefused: undefined,
        message: {
          text: `Filled ${plan.length} input cells of steps 2, 4, 5 and 6 from the history.${planRefused === undefined ? "" : ` Not filled: ${planRefused}`}`,
          kind: "success",
        },
      };
    });
  }

  /** Shows what filling the Settlement sheet's closed cases from the episodes would change. */
  async planSettlement(): Promise<boolean> {
    const episodes = this.current.episodes;
    if (!episodes) return false;
    return this.fillStep(
      "planning",
      "The Settlement sheet was not filled",
      async () => {
        const settlement = await this.workbook.planSettlement(episodes.list, episodes.hasAmount);
        return {
          settlement,
          message: {
            text: `${count(settlement.cases)} closed cases would be written to the Settlement sheet: check, then confirm.`,
            kind: "info",
          },
        };
      },
      { settlement: undefined },
    );
  }

  /** Writes the Settlement table shown. */
  async confirmSettlement(): Promise<boolean> {
    const settlement = this.current.settlement;
    if (!settlement) return false;
    return this.fillStep("filling", "The Settlement sheet was not filled", async () => {
      await this.workbook.applySettlement(settlement.columns);
      return {
        settlement: undefined,
        message: {
          text: `Filled the Settlement sheet's closed cases: ${count(settlement.cases)} cases from the history's episodes.`,
          kind: "success",
        },
      };
    });
  }

  /** Leaves the Settlement sheet as it is. */
  dismissSettlement(): void {
    this.set({
      settlement: undefined,
      message: { text: "The Settlement sheet was left as it is.", kind: "info" },
    });
  }

  /** Leaves the inputs as they are. */
  dismissPlan(): void {
    this.set({
      plan: undefined,
      planRefused: undefined,
      message: { text: "The inputs were left as they are.", kind: "info" },
    });
  }
}
