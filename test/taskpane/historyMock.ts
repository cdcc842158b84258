/**
 * An Excel workbook for the History section, as office-addin-mock objects (the writer's mock,
 * test/helpers/excelMock.ts) plus what the section reads: tables and the selection over a grid of
 * values, ranges read by index (each response's size measured, and refused over a limit as Excel
 * on the web refuses one over 5 MB), and defined names with their cells, recording what is written.
 */
import { cellAddress, parseCell, parseSheetReference, sheetReference } from "../../src/workbook/a1";
import { excelMock, type ExcelMock } from "../helpers/excelMock";
import type { ExcelRun } from "../../src/taskpane/excel/excelHost";
import { proxyObject } from "./paneMock";

export interface HistoryMockOptions {
  /** The sheet holding the extract, its first row the header, from A1. */
  readonly grid: readonly (readonly unknown[])[];
  readonly gridSheet?: string;
  readonly existingSheets?: string[];
  /** Tables over the whole grid, by name. */
  readonly tables?: string[];
  /** Defined names: reference ("Inputs!$D$20:$G$20") and values row-major, with number formats. */
  readonly names?: Record<string, { reference: string; values: unknown[]; numberFormat: string }>;
  /** Cells beyond the names' ("Inputs!B58"), for ranges read by address; blank where not given. */
  readonly cells?: Record<string, { value: unknown; numberFormat?: string }>;
  /** A read whose response would be over this many bytes fails as Excel on the web's does. */
  readonly payloadLimit?: number;
}

export interface HistoryMock extends ExcelMock {
  readonly run: ExcelRun;
  /** Each range read by index: its rows and its response's size in bytes (the values as JSON). */
  readonly reads: { rows: number; bytes: number }[];
  /** Reads refused for their size. */
  readonly refused: () => number;
  /** Cells written by address ("Inputs!D20"), in order. */
  readonly written: { address: string; values: unknown }[];
}

export function historyMock(options: HistoryMockOptions): HistoryMock {
  const gridSheet = options.gridSheet ?? "Encounters";
  const excel = excelMock(options.existingSheets ?? [gridSheet, "Inputs"]);
  const onSync = new Set<() => void>();
  const context = excel.context as unknown as {
    workbook: Record<string, Record<string, unknown>>;
    sync: () => Promise<void>;
  };
  const reads: { rows: number; bytes: number }[] = [];
  const written: { address: string; values: unknown }[] = [];
  let refused = 0;
  /** Reads queued since the last sync, checked for size when it runs. */
  let pending: { bytes: number }[] = [];
  const sync = context.sync;
  context.sync = async () => {
    const tooLarge = pending.some((read) => read.bytes > (options.payloadLimit ?? Infinity));
    pending = [];
    await sync();
    if (tooLarge) {
      refused++;
      onSync.clear();
      throw Object.assign(new Error("The response payload size has exceeded the limit."), {
        code: "ResponsePayloadSizeLimitExceeded",
      });
    }
    onSync.forEach((apply) => apply());
    onSync.clear();
  };
  const grid = options.grid;
  const columns = grid[0].length;
  const gridRange = () => {
    const range = proxyObject(
      {
        address: `${gridSheet}!A1:${String.fromCharCode(64 + columns)}${grid.length}`,
        rowIndex: 0,
        columnIndex: 0,
        rowCount: grid.length,
        columnCount: columns,
      },
      onSync,
    );
    return Object.assign(range, {
      getRow: (row: number) => proxyObject({ values: [grid[row]] as unknown }, onSync),
      worksheet: proxyObject({ name: gridSheet }, onSync),
    });
  };
  const workbook = context.workbook;
  const tables = options.tables ?? [];
  Object.assign(workbook, {
    tables: {
      load() {
        (this as { items?: unknown }).items = tables.map((name) => ({ name }));
        return this;
      },
      getItem: () => ({ getRange: gridRange }),
    },
    getSelectedRange: gridRange,
  });
  const getItem = workbook.worksheets.getItem as (name: string) => Record<string, unknown>;
  Object.assign(workbook.worksheets, {
    getItem: (name: string) =>
      Object.assign(getItem(name), {
        getRangeByIndexes: (row: number, column: number, rows: number, cols: number) => {
          const values = grid.slice(row, row + rows).map((r) => r.slice(column, column + cols));
          const bytes = new TextEncoder().encode(JSON.stringify(values)).length;
          const range = proxyObject({ values: values as unknown }, onSync);
          const load = range.load;
          return Object.assign(range, {
            load: (properties: string) => {
              pending.push({ bytes });
              onSync.add(() => reads.push({ rows, bytes }));
              return load(properties);
            },
          });
        },
        getRange: (address: string) => {
          const [from, to = from] = address.split(":").map(parseCell);
          const block = (of: (cell: { value: unknown; numberFormat?: string } | undefined) => unknown) =>
            Array.from({ length: to.row - from.row + 1 }, (_, r) =>
              Array.from({ length: to.column - from.column + 1 }, (_, c) =>
                of(options.cells?.[`${name}!${cellAddress(from.row + r, from.column + c)}`]),
              ),
            );
          const range = proxyObject(
            {
              address: sheetReference(name, address),
              values: block((cell) => cell?.value ?? "") as unknown,
              numberFormat: block((cell) => cell?.numberFormat ?? "General") as unknown,
            },
            onSync,
          );
          const read = Object.getOwnPropertyDescriptor(range, "values")!.get!;
          return Object.defineProperty(range, "values", {
            get: read,
            set: (values: unknown) => written.push({ address: `${name}!${address}`, values }),
          });
        },
      }),
  });
  const names = options.names ?? {};
  Object.assign(workbook.names, {
    load() {
      (this as { items?: unknown }).items = Object.entries(names).map(([name, cells]) => ({
        name,
        type: "Range",
        getRange: () => {
          const { sheet, address } = parseSheetReference(cells.reference);
          return proxyObject(
            {
              address: sheetReference(sheet, address.replace(/\$/g, "")),
              values: [cells.values] as unknown,
              numberFormat: [cells.values.map(() => cells.numberFormat)] as unknown,
            },
            onSync,
          );
        },
      }));
      return this;
    },
  });
  const run: ExcelRun = async (batch) => batch(excel.context);
  return { ...excel, run, reads, refused: () => refused, written };
}
