/**
 * The History section in the browser preview: a CSV file streamed through the core's CSV parser
 * (File.stream(), never read whole), its SHA-256 taken from the same reading, and the History
 * sheet and inputs put in the in-browser workbook. Loaded on demand with the History section.
 */
import { CsvParser } from "../../core/csv/csvParser";
import { EncounterReader } from "../../core/history/encounterHistory";
import { Sha256 } from "../../core/history/sha256";
import {
  type HistoryDescriptions,
  type HistoryWorkbook,
  type OpenedExtract,
  throwIfCancelled,
} from "../history/historyHost";
import { type NamedLookup, planHistoryInputs } from "../history/inputsPlan";
import { planSettlementCases } from "../history/settlementPlan";
import { cellsOfRange, specLookup } from "../history/specCells";
import { HISTORY_SHEET } from "../../workbook/starter/context";
import type { PreviewHost } from "./previewHost";

/** Bytes read from the file before giving up on finding the header row's end. */
const HEADER_BYTES_LIMIT = 1024 * 1024;

/**
 * The file's header row, parsed by the core's CSV parser from the file's first bytes.
 * @example await headerOf(new File(["a,b\n1,2\n"], "x.csv")) // ["a", "b"]
 */
export async function headerOf(file: Blob): Promise<string[]> {
  let header: string[] | undefined;
  const parser = new CsvParser((fields) => {
    header ??= fields;
  });
  const reader = file.stream().getReader();
  let read = 0;
  try {
    while (header === undefined) {
      const { done, value } = await reader.read();
      if (done) {
        parser.end();
        break;
      }
      parser.push(value);
      read += value.length;
      if (read > HEADER_BYTES_LIMIT && header === undefined)
        throw new Error("the file's first line is over 1 MB long: it is not an encounter extract's header.");
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (header === undefined) throw new Error("the file is empty: it has no header row.");
  return header;
}

/** The file opened: its header, and reading it through the core (again holding every row if not sorted by client). */
export async function openFile(file: File): Promise<OpenedExtract> {
  const header = await headerOf(file);
  return {
    name: file.name,
    header,
    async read(options, progress, signal) {
      for (const holdAllRows of [false, true]) {
        const reader = new EncounterReader({ ...options, holdAllRows });
        // The hash of the reading that finishes (a file read again holding every row is hashed again).
        const hash = new Sha256();
        const stream = file.stream().getReader();
        let done = 0;
        let sorted = true;
        try {
          for (;;) {
            throwIfCancelled(signal);
            const chunk = await stream.read();
            if (chunk.done) break;
            done += chunk.value.length;
            hash.update(chunk.value);
            if (!reader.push(chunk.value)) {
              sorted = false;
              break;
            }
            progress(done, file.size);
          }
        } finally {
          await stream.cancel().catch(() => undefined);
        }
        if (!sorted) continue;
        const history = reader.end();
        if (history === undefined) continue;
        return { history, chunks: 0, source: { name: file.name, sha256: hash.hex() } };
      }
      throw new Error("a file read holding every row is never read again");
    },
  };
}

/** The preview's History workbook: the in-browser workbook the Build section made (or none yet). */
export function previewHistory(preview: PreviewHost, descriptions: HistoryDescriptions): HistoryWorkbook {
  const lookup = (): NamedLookup => {
    const workbook = preview.state.workbook;
    if (!workbook) return () => undefined;
    return specLookup(workbook.spec, workbook.calculation, workbook.grids);
  };
  return {
    mode: "preview",
    async sources() {
      return [];
    },
    async open() {
      throw new Error("the preview reads a CSV file: choose one.");
    },
    async writeHistorySheet(model, source) {
      const sheet = preview.addSheet(
        (naming) => descriptions.historySheet(model, source, naming),
        HISTORY_SHEET,
        descriptions.optionsOf(model),
      );
      await preview.showSheet(sheet);
      return { sheet, wanted: HISTORY_SHEET };
    },
    async planInputs(model) {
      return planHistoryInputs(lookup(), descriptions.inputsOf(model));
    },
    async applyInputs(changes) {
      preview.setCells(changes.map(({ sheet, address, value }) => ({ sheet, address, value })));
    },
    async planSettlement(episodes, hasAmount) {
      return planSettlementCases(lookup(), episodes, hasAmount);
    },
    async applySettlement(columns) {
      preview.setCells(
        columns.flatMap(({ sheet, address, values }) =>
          cellsOfRange(address).map((cell, i) => ({ sheet, address: cell, value: values[i] })),
        ),
      );
    },
  };
}
