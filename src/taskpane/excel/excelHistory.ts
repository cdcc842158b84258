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
  type HistorySource,
  type HistoryWorkbook,
  type InputChange,
  type OpenedExtract,
  throwIfCancelled,
} from "../history/historyHost";
import { HISTORY_INPUTS, planInputChanges } from "../history/inputsPlan";
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

    async sources(): Promise<HistorySource[]> {
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
          return { history, chunks };
        },
      };
    },

    async writeHistorySheet(model, record): Promise<HistorySheetWritten> {
      return run(async (context) => {
        const worksheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        const naming = resolveNaming(
          worksheets.items.map((sheet) => sheet.name),
          [],
          [HISTORY_SHEET],
          [],
        );
        const spec = descriptions.historySheet(model, record, naming);
        const used = spec.name;
        const worksheet = context.workbook.worksheets.add(used);
        queueSheet(worksheet, spec);
        worksheet.activate();
        await context.sync();
        return { sheet: used, wanted: HISTORY_SHEET };
      });
    },

    async planInputs(model): Promise<InputChange[]> {
      const wantedNames = ["LevelIds", "ScenarioNames", ...HISTORY_INPUTS.map((input) => input.name)];
      const target = await run(async (context) => {
        const names = context.workbook.names.load("items/name,items/type,items/formula");
        await context.sync();
        const found = names.items.filter((item) => wantedNames.includes(item.name) && item.type === "Range");
        const ranges = found.map((item) => {
          const range = item.getRange();
          range.load("address,values,numberFormat");
          return { name: item.name, range };
        });
        await context.sync();
        return new Map(
          ranges.map(({ name, range }) => {
            const { sheet, address } = parseSheetReference(range.address);
            const values = range.values.flat();
            const formats = range.numberFormat.flat();
            return [
              name,
              {
                sheet,
                cells: cellsOfRange(address).map((cell, i) => {
                  const value = values[i] as number | string | boolean | null;
                  return {
                    address: cell,
                    value: value === "" ? null : value,
                    text: formatValue(value === "" ? null : value, String(formats[i] ?? "General")),
                  };
                }),
              },
            ];
          }),
        );
      });
      return planInputChanges((name) => target.get(name), descriptions.inputsOf(model));
    },

    async applyInputs(changes): Promise<void> {
      await run(async (context) => {
        for (const change of changes) {
          context.workbook.worksheets.getItem(change.sheet).getRange(change.address).values = [
            [change.value],
          ];
        }
        await context.sync();
      });
    },
  };
}
