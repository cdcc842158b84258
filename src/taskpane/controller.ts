/**
 * The pane's state and behaviour, without the DOM: the Build form and its validation, building and
 * its progress, the Functions list and Insert, the audit. The DOM code (ui/) renders `state` and
 * calls these methods; tests drive the same methods against a mock Excel or the preview workbook.
 */
import type { AuditFinding, AuditView } from "./audit/auditView";
import {
  type BuildForm,
  type BuildValidation,
  DEFAULT_FORM,
  type LevelDraft,
  validateBuild,
  withLevel,
  withLevelCount,
} from "./build/buildForm";
import { type FunctionsCatalog, type FunctionView, functionViews } from "./functions/catalog";
import type { BuildResult, WorkbookHost } from "./host";

export type StatusKind = "info" | "success" | "error";

export interface Status {
  readonly text: string;
  readonly kind: StatusKind;
}

export interface BuildState {
  readonly phase: "idle" | "building" | "done" | "failed";
  /** The step in progress, in words, while building. */
  readonly step?: string;
  readonly result?: BuildResult;
  /** The form the result was built from. */
  readonly builtFrom?: BuildForm;
  /** The options differ from the ones the result was built with: it shows the previous build. */
  readonly stale?: boolean;
  readonly error?: string;
  /** Set when Build was pressed with errors: the view moves focus to the first field in error. */
  readonly attempted: boolean;
}

export interface FunctionsState {
  readonly phase: "loading" | "ready" | "failed";
  readonly catalog?: FunctionsCatalog;
  readonly views: readonly FunctionView[];
  readonly error?: string;
  /** What the last Insert did, shown beside the list. */
  readonly message?: Status;
}

export interface AuditState {
  readonly phase: "idle" | "running" | "done" | "failed";
  readonly view?: AuditView;
  readonly error?: string;
}

export interface PaneState {
  readonly mode: WorkbookHost["mode"];
  readonly form: BuildForm;
  readonly validation: BuildValidation;
  readonly build: BuildState;
  readonly functions: FunctionsState;
  readonly audit: AuditState;
  /** The latest news for the aria-live status line. */
  readonly status: Status;
}

type Listener = (state: PaneState, previous: PaneState) => void;

/** An error as words for the user: Office.js errors carry a message and a code. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "object" && error !== null && "message" in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export class PaneController {
  private current: PaneState;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly host: WorkbookHost,
    private readonly loadCatalog: () => Promise<FunctionsCatalog>,
  ) {
    const form = DEFAULT_FORM;
    this.current = {
      mode: host.mode,
      form,
      validation: validateBuild(form),
      build: { phase: "idle", attempted: false },
      functions: { phase: "loading", views: [] },
      audit: { phase: "idle" },
      status: {
        text:
          host.mode === "excel"
            ? "Ready. Choose the options and build the starter workbook."
            : "Browser preview: build the starter workbook here to see its sheets and download it.",
        kind: "info",
      },
    };
  }

  get state(): PaneState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(change: Partial<PaneState>): void {
    const previous = this.current;
    this.current = { ...previous, ...change };
    for (const listener of this.listeners) listener(this.current, previous);
  }

  private status(text: string, kind: StatusKind = "info"): Status {
    return { text, kind };
  }

  /** Puts a message in the status line (read out by screen readers). */
  announce(text: string, kind: StatusKind = "info"): void {
    this.set({ status: this.status(text, kind) });
  }

  // -------------------------------------------------------------------------------------------
  // Build

  /** Changes the form; a result on screen is marked as the previous build while the options differ. */
  updateForm(change: (form: BuildForm) => BuildForm): void {
    const form = change(this.current.form);
    const { builtFrom } = this.current.build;
    this.set({
      form,
      validation: validateBuild(form),
      build: {
        ...this.current.build,
        attempted: false,
        stale: builtFrom !== undefined && JSON.stringify(form) !== JSON.stringify(builtFrom),
      },
    });
  }

  setExample(example: boolean): void {
    this.updateForm((form) => ({ ...form, example }));
  }

  setProvider(provider: boolean): void {
    this.updateForm((form) => ({ ...form, provider }));
  }

  setScenario(scenario: string): void {
    this.updateForm((form) => ({ ...form, scenario }));
  }

  setLevelsMode(levelsMode: BuildForm["levelsMode"]): void {
    this.updateForm((form) => ({ ...form, levelsMode }));
  }

  setLevelCount(typed: string): void {
    this.updateForm((form) => withLevelCount(form, typed));
  }

  setLevel(index: number, change: Partial<LevelDraft>): void {
    this.updateForm((form) => withLevel(form, index, change));
  }

  /** Builds the starter workbook; false when the form has errors or the build failed. */
  async build(): Promise<boolean> {
    if (this.current.build.phase === "building") return false;
    const { options, errors } = this.current.validation;
    if (!options) {
      const count = Object.keys(errors).length;
      this.set({
        build: { ...this.current.build, attempted: true },
        status: this.status(
          `Not built: ${count === 1 ? "one field needs" : `${count} fields need`} attention. ${Object.values(errors)[0]}`,
          "error",
        ),
      });
      return false;
    }
    const builtFrom = this.current.form;
    const progress = (step: string) =>
      this.set({ build: { phase: "building", step, attempted: false }, status: this.status(step) });
    progress(
      this.current.mode === "excel"
        ? "Building the starter workbook in Excel…"
        : "Building the starter workbook…",
    );
    try {
      const result = await this.host.build(options, progress);
      const renamed =
        result.renamed.length > 0
          ? ` ${plural(result.renamed.length, "name")} already in use got another (see the summary).`
          : "";
      this.set({
        build: {
          phase: "done",
          result,
          builtFrom,
          attempted: false,
          stale: JSON.stringify(this.current.form) !== JSON.stringify(builtFrom),
        },
        status: this.status(
          `Built ${plural(result.sheets.length, "sheet")} and ${plural(result.names, "defined name")}.${renamed}`,
          "success",
        ),
      });
      return true;
    } catch (error) {
      const message = `The workbook was not built: ${describeError(error)}`;
      this.set({
        build: { phase: "failed", error: message, attempted: false },
        status: this.status(message, "error"),
      });
      return false;
    }
  }

  async showSheet(name: string): Promise<void> {
    try {
      await this.host.showSheet(name);
      this.set({ status: this.status(`Showing the ${name} sheet.`) });
    } catch (error) {
      this.set({ status: this.status(`Could not show ${name}: ${describeError(error)}`, "error") });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Functions

  async loadFunctions(): Promise<void> {
    try {
      const catalog = await this.loadCatalog();
      this.set({ functions: { phase: "ready", catalog, views: functionViews(catalog) } });
    } catch (error) {
      this.set({
        functions: {
          phase: "failed",
          views: [],
          error: `The functions list did not load: ${describeError(error)}`,
        },
      });
    }
  }

  async insert(id: string): Promise<boolean> {
    const catalog = this.current.functions.catalog;
    const fn = catalog?.functions.find((f) => f.id === id);
    if (!catalog || !fn) return false;
    try {
      const { ok, message } = await this.host.insertFunction(fn, catalog.namespace);
      const status = this.status(message, ok ? "success" : "error");
      this.set({ functions: { ...this.current.functions, message: status }, status });
      return ok;
    } catch (error) {
      const status = this.status(`${fn.name} was not inserted: ${describeError(error)}`, "error");
      this.set({ functions: { ...this.current.functions, message: status }, status });
      return false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Audit

  async runAudit(): Promise<void> {
    if (this.current.audit.phase === "running") return;
    this.set({ audit: { phase: "running" }, status: this.status("Auditing the workbook…") });
    try {
      const view = await this.host.audit();
      this.set({
        audit: { phase: "done", view },
        status: this.status(view.summary, view.ok ? "success" : "error"),
      });
    } catch (error) {
      const message = `The audit did not run: ${describeError(error)}`;
      this.set({ audit: { phase: "failed", error: message }, status: this.status(message, "error") });
    }
  }

  async jumpTo(finding: AuditFinding): Promise<void> {
    if (!finding.sheet || !finding.address) return;
    try {
      await this.host.selectCell(finding.sheet, finding.address);
      this.set({ status: this.status(`Selected ${finding.sheet}!${finding.address}: ${finding.title}.`) });
    } catch (error) {
      this.set({
        status: this.status(
          `Could not go to ${finding.sheet}!${finding.address}: ${describeError(error)}`,
          "error",
        ),
      });
    }
  }
}
