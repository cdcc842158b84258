/**
 * The History section in Excel, through Office.js: the tables and the selection to read, the
 * range read in chunks under Excel on the web's 5 MB limit (one context.sync per chunk), the
 * History sheet written under a free name, and the starter's inputs read and filled. Loaded on
 * demand with the History section.
 */
import { EncounterReader } from "../../core/history/encounterHistory";
import { parseSheetReference } from "../../workbook/a1";
import { resolveNaming } from "../../workbook/freeNames";
import { formatValue } from "../preview/numberFormat";
import { cellText } from "../history/cellText";
import { SAMPLE_ROWS, cellBytesOf, rowsPerChunk } from "../history/chunks";
import {
  type HistoryDescriptions,
  type HistorySheetWritten,
  type ExtractSource,
  type HistoryWorkbook,
  type OpenedExtract,
  throwIfCancelled,
} from "../history/historyHost";
import { HISTORY_INPUTS, type InputsPlan, type NamedCells, planHistoryInputs } from "../history/inputsPlan";
import { SERVICE_TABLE_NAMES, serviceTableReference } from "../history/serviceTablePlan";
import { SETTLEMENT_NAMES, type SettlementPlan, planSettlementCases } from "../history/settlementPlan";
import { cellsOfRange } from "../history/specCells";
import type { ExcelRun } from "./excelHost";
import { queueSheet } from "./writeWorkbook";
import { HISTORY_SHEET } from "../../workbook/starter/context";

const SELECTION = "selection";
const TABLE = "table:";

/** Whether Excel refused a request or response for its size (Excel on the web's 5 MB). */
function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /PayloadSizeLimitExceeded/i.test(code);
}

/** A range read: where it is, its header, and its data rows' place on the sheet. */
interface Located {
  readonly sheet: string;
  readonly address: string;
  readonly header: string[];
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rows: number;
  readonly columns: number;
}

/** The statistics the chunked read reports, for the tests and the benchmark. */
export interface ChunkedReadReport {
  chunks: number;
  syncs: number;
}

/** Loads what a range's cells are read for. */
const loadCells = (range: Excel.Range) => range.load("address,values,numberFormat");

/** A loaded range's cells: values ("" read as blank) and the text each shows by its number format. */
function namedCellsOf(range: Excel.Range): NamedCells {
  const { sheet, address } = parseSheetReference(range.address);
  const values = range.values.flat();
  const formats = range.numberFormat.flat();
  return {
    sheet,
    cells: cellsOfRange(address).map((cell, i) => {
      const value = values[i] as number | string | boolean | null;
      return {
        address: cell,
        value: value === "" ? null : value,
        text: formatValue(value === "" ? null : value, String(formats[i] ?? "General")),
      };
    }),
  };
}

/** The workbook's defined names among `wanted`, read as cells: two syncs, whatever their number. */
async function readNamed(
  context: Excel.RequestContext,
  wanted: readonly string[],
): Promise<Map<string, NamedCells>> {
  const names = context.workbook.names.load("items/name,items/type,items/formula");
  await context.sync();
  const found = names.items.filter((item) => wanted.includes(item.name) && item.type === "Range");
  const ranges = found.map((item) => ({ name: item.name, range: loadCells(item.getRange()) }));
  await context.sync();
  return new Map(ranges.map(({ name, range }) => [name, namedCellsOf(range)]));
}

export function excelHistory(
  run: ExcelRun,
  descriptions: HistoryDescriptions,
  report: ChunkedReadReport = { chunks: 0, syncs: 0 },
): HistoryWorkbook {
  /** The range of a source: a table's (its header row included) or the selection. */
  const rangeOf = (context: Excel.RequestContext, id: string) =>
    id === SELECTION
      ? context.workbook.getSelectedRange()
      : context.workbook.tables.getItem(id.slice(TABLE.length)).getRange();

  async function locate(id: string): Promise<Located> {
    return run(async (context) => {
      const range = rangeOf(context, id);
      range.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const header = range.getRow(0);
      header.load("values");
      const worksheet = range.worksheet;
      worksheet.load("name");
      await context.sync();
      report.syncs++;
      return {
        sheet: worksheet.name,
        address: range.address,
        header: (header.values[0] ?? []).map((value) => cellText(value, false)),
        rowIndex: range.rowIndex,
        columnIndex: range.columnIndex,
        rows: range.rowCount - 1,
        columns: range.columnCount,
      };
    });
  }

  return {
    mode: "excel",

    async sources(): Promise<ExtractSource[]> {
      return run(async (context) => {
        const tables = context.workbook.tables.load("items/name");
        const selection = context.workbook.getSelectedRange().load("address");
        await context.sync();
        return [
          ...tables.items.map((table) => ({ id: `${TABLE}${table.name}`, label: `Table ${table.name}` })),
          { id: SELECTION, label: `The selection (${selection.address}), its first row the header` },
        ];
      });
    },

    async open(sourceId: string): Promise<OpenedExtract> {
      const located = await locate(sourceId);
      return {
        name: located.address,
        header: located.header,
        rows: located.rows,
        async read(options, progress, signal) {
          const reader = new EncounterReader({ ...options, holdAllRows: true });
          reader.pushRow([...located.header], 1);
          const dateName = options.columns.service_date ?? "service_date";
          const dateColumn = located.header.indexOf(dateName);
          let chunks = 0;
          await run(async (context) => {
            const worksheet = context.workbook.worksheets.getItem(located.sheet);
            const readRows = async (offset: number, count: number) => {
              const range = worksheet.getRangeByIndexes(
                located.rowIndex + 1 + offset,
                located.columnIndex,
                count,
                located.columns,
              );
              range.load("values");
              await context.sync();
              report.syncs++;
              chunks++;
              return range.values;
            };
            // One array of texts for every row: the reader copies what it keeps.
            const fields: string[] = [];
            const feed = (values: unknown[][], offset: number) =>
              values.forEach((row, i) => {
                fields.length = row.length;
                for (let column = 0; column < row.length; column++)
                  fields[column] = cellText(row[column], column === dateColumn);
                reader.pushRow(fields, offset + i + 2);
              });
            // A sample first: its cells' size sets how many rows each read may ask for.
            const sampleCount = Math.min(SAMPLE_ROWS, located.rows);
            const sample = sampleCount > 0 ? await readRows(0, sampleCount) : [];
            feed(sample, 0);
            let done = sampleCount;
            if (done > 0) progress(done, located.rows);
            let perChunk = rowsPerChunk(located.columns, cellBytesOf([located.header, ...sample]));
            while (done < located.rows) {
              throwIfCancelled(signal);
              const count = Math.min(perChunk, located.rows - done);
              let values: unknown[][];
              try {
                values = await readRows(done, count);
              } catch (error) {
                if (!isPayloadTooLarge(error) || count === 1) throw error;
                // Longer cells than the sample's: halve the reads from here on.
                perChunk = Math.max(1, Math.floor(count / 2));
                continue;
              }
              feed(values, done);
              done += count;
              progress(done, located.rows);
            }
          });
          report.chunks += chunks;
          const history = reader.end();
          if (history === undefined) throw new Error("a range read holding every row is never read again");
          const source =
            sourceId === SELECTION
              ? ({ excel: "range", name: located.address } as const)
              : ({ excel: "table", name: sourceId.slice(TABLE.length) } as const);
          return { history, chunks, source };
        },
      };
    },

    async writeHistorySheet(model, source): Promise<HistorySheetWritten> {
      return run(async (context) => {
        const worksheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        const naming = resolveNaming(
          worksheets.items.map((sheet) => sheet.name),
          [],
          [HISTORY_SHEET],
          [],
        );
        const spec = descriptions.historySheet(model, source, naming);
        const used = spec.name;
        const worksheet = context.workbook.worksheets.add(used);
        queueSheet(worksheet, spec);
        worksheet.activate();
        await context.sync();
        return { sheet: used, wanted: HISTORY_SHEET };
      });
    },

    async planInputs(model): Promise<InputsPlan> {
      const names = ["LevelIds", "ScenarioNames", ...HISTORY_INPUTS.map((input) => input.name)];
      const target = await run(async (context) => {
        const cells = await readNamed(context, [...names, ...SERVICE_TABLE_NAMES]);
        // Step 6's table is found from its named columns: one more read, for its block.
        const table = serviceTableReference((name) => cells.get(name));
        if (table !== undefined) {
          const { sheet, address } = parseSheetReference(table);
          const range = loadCells(context.workbook.worksheets.getItem(sheet).getRange(address));
          await context.sync();
          cells.set(table, namedCellsOf(range));
        }
        return cells;
      });
      return planHistoryInputs((name) => target.get(name), descriptions.inputsOf(model));
    },

    async planSettlement(episodes, hasAmount): Promise<SettlementPlan> {
      const target = await run((context) => readNamed(context, SETTLEMENT_NAMES));
      return planSettlementCases((name) => target.get(name), episodes, hasAmount);
    },

    async applySettlement(columns): Promise<void> {
      await run(async (context) => {
        for (const column of columns) {
          context.workbook.worksheets.getItem(column.sheet).getRange(column.address).values =
            column.values.map((value) => [value ?? ""]);
        }
        await context.sync();
      });
    },

    async applyInputs(changes): Promise<void> {
      await run(async (context) => {
        for (const change of changes) {
          // "" empties a cell: Office.js takes a null in values as "leave it as it is".
          context.workbook.worksheets.getItem(change.sheet).getRange(change.address).values = [
            [change.value ?? ""],
          ];
        }
        await context.sync();
      });
    },
  };
}
