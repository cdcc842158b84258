/**
 * The Excel the pane talks to, as office-addin-mock objects: the writer's mock workbook
 * (test/helpers/excelMock.ts) plus what the pane reads and does besides writing: the selection and
 * active cell for Insert, defined names' displayed text after a build, and activating a sheet.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { ExcelRun } from "../../src/taskpane/excel/excelHost";
import { excelMock, type ExcelMock } from "../helpers/excelMock";

export interface PaneMock extends ExcelMock {
  readonly run: ExcelRun;
  /** Sheets the pane activated by name (getItem(name).activate()). */
  readonly shown: string[];
  /** The active cell's mock: its address, and the formulas Insert wrote. */
  readonly activeCell: { address: string; formulas: unknown };
  /** How many times the pane called Excel.run. */
  readonly runs: () => number;
}

export interface PaneMockOptions {
  readonly existingSheets?: string[];
  readonly existingNames?: string[];
  /** RangeAreas.address of the selection, e.g. "Sheet1!D5, Sheet1!D9, Sheet1!H5". */
  readonly selection?: string;
  readonly activeCell?: string;
  /** What the active cell holds ("" when empty). */
  readonly activeFormula?: string;
  /** The text Excel would display for each defined name's first cell after calculating. */
  readonly namedText?: Record<string, string>;
}

/**
 * An Office.js proxy object outside the seed tree: office-addin-mock only syncs what is nested in
 * its seed, so these keep Office's rule themselves. A property reads as the mock's "not loaded"
 * error until it is loaded and the context synced; assignments are kept, as Excel would apply them.
 */
export function proxyObject<T extends Record<string, unknown>>(
  values: T,
  onSync: Set<() => void>,
): T & { load(p: string): unknown } {
  const loaded = new Set<string>();
  const pending = new Set<string>();
  const target: Record<string, unknown> = { ...values };
  const object = {
    load(properties: string) {
      properties.split(",").forEach((p) => pending.add(p.trim()));
      onSync.add(() => pending.forEach((p) => loaded.add(p)));
      return object;
    },
  } as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    Object.defineProperty(object, key, {
      get: () => (loaded.has(key) ? target[key] : "Error, property was not loaded"),
      set: (value) => {
        target[key] = value;
        loaded.add(key);
      },
      enumerable: true,
      // A mock may wrap a property (a range's values, to record what is written).
      configurable: true,
    });
  }
  return object as T & { load(p: string): unknown };
}

export function paneMock(options: PaneMockOptions = {}): PaneMock {
  const excel = excelMock(options.existingSheets ?? ["Sheet1"], options.existingNames ?? []);
  const shown: string[] = [];
  const onSync = new Set<() => void>();
  const context = excel.context as unknown as {
    workbook: Record<string, Record<string, unknown>>;
    sync: () => Promise<void>;
  };
  const sync = context.sync;
  context.sync = async () => {
    await sync();
    onSync.forEach((apply) => apply());
    onSync.clear();
  };
  const workbook = context.workbook;
  const activeCell = proxyObject(
    { address: options.activeCell ?? "Sheet1!H5", formulas: [[options.activeFormula ?? ""]] as unknown },
    onSync,
  );
  Object.assign(workbook, {
    getSelectedRanges: () =>
      proxyObject({ address: options.selection ?? options.activeCell ?? "Sheet1!H5" }, onSync),
    getActiveCell: () => activeCell,
  });
  Object.assign(workbook.worksheets, {
    getItem: (name: string) => new OfficeMockObject({ name, activate: () => shown.push(name) }),
  });
  Object.assign(workbook.names, {
    getItem: (name: string) => ({
      getRange: () => proxyObject({ text: [[options.namedText?.[name] ?? ""]] }, onSync),
    }),
  });
  let runs = 0;
  const run: ExcelRun = async (batch) => {
    runs++;
    return batch(excel.context);
  };
  return { ...excel, run, shown, activeCell, runs: () => runs };
}
