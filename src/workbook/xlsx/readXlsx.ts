import type ExcelJS from "exceljs";
import { cellAddress, parseCell } from "../a1";
import { CHECK_NUMBER_FORMAT } from "../layout";
import type { ExcelJsModule } from "./writeXlsx";

/** What a cell holds after calculation: a number, text, boolean, an error like "#DIV/0!", or null. */
export type CellResult = number | string | boolean | null | { error: string };

/** One cell as read: its formula (without "="), if any, and its value. */
export interface ReadCell {
  readonly sheet: string;
  readonly address: string;
  readonly formula?: string;
  readonly value: CellResult;
}

/** A workbook read back from .xlsx: cells by sheet and address, and defined names. */
export interface ReadWorkbook {
  readonly sheetNames: readonly string[];
  cell(sheet: string, address: string): ReadCell | undefined;
  /** Every non-empty cell, sheet by sheet, row by row. */
  cells(): ReadCell[];
  /** The cells a workbook-scoped name refers to, in row-major order; undefined when not defined. */
  named(name: string): ReadCell[] | undefined;
}

function resultOf(cell: ExcelJS.Cell): CellResult {
  const raw: unknown =
    cell.type === 6 /* Formula */ ? (cell as unknown as { result: unknown }).result : cell.value;
  if (raw === undefined || raw === null) return null; // a formula never calculated has no value yet
  // LibreOffice saves a check's TRUE/FALSE under the checks' boolean format as 1/0: it is a boolean.
  if (typeof raw === "number" && cell.numFmt === CHECK_NUMBER_FORMAT) return raw !== 0;
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") return raw;
  if (typeof raw === "object" && raw !== null && "error" in raw)
    return { error: String((raw as { error: unknown }).error) };
  if (raw instanceof Date) return raw.getTime();
  if (typeof raw === "object" && raw !== null && "richText" in raw) {
    return (raw as { richText: { text: string }[] }).richText.map((part) => part.text).join("");
  }
  return String(raw);
}

/** Splits "'Case Rates'!$D$9:$G$9" into the sheet and the cells of the range. */
function cellsOfReference(reference: string): { sheet: string; addresses: string[] } {
  const bang = reference.lastIndexOf("!");
  const sheet = reference
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const [first, last = first] = reference
    .slice(bang + 1)
    .replace(/\$/g, "")
    .split(":");
  const from = parseCell(first);
  const to = parseCell(last);
  const addresses: string[] = [];
  for (let row = from.row; row <= to.row; row++) {
    for (let column = from.column; column <= to.column; column++) {
      addresses.push(cellAddress(row, column));
    }
  }
  return { sheet, addresses };
}

/** Reads an .xlsx's cells (formulas and last calculated values) and defined names. */
export async function readXlsx(
  bytes: Uint8Array | ArrayBuffer,
  excelJs: ExcelJsModule,
): Promise<ReadWorkbook> {
  const workbook = new excelJs.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  const bySheet = new Map<string, Map<string, ReadCell>>();
  workbook.eachSheet((worksheet) => {
    const cells = new Map<string, ReadCell>();
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.type === 6 ? (cell as unknown as { formula: string }).formula : undefined;
        cells.set(cell.address, {
          sheet: worksheet.name,
          address: cell.address,
          ...(formula ? { formula } : {}),
          value: resultOf(cell),
        });
      }),
    );
    bySheet.set(worksheet.name, cells);
  });
  const names = new Map<string, string>();
  for (const { name, ranges } of (
    workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }
  ).model) {
    if (ranges.length > 0) names.set(name.toLowerCase(), ranges[0]);
  }
  const cell = (sheet: string, address: string) => bySheet.get(sheet)?.get(address.replace(/\$/g, ""));
  return {
    sheetNames: [...bySheet.keys()],
    cell,
    cells: () => [...bySheet.values()].flatMap((cells) => [...cells.values()]),
    named: (name) => {
      const reference = names.get(name.toLowerCase());
      if (reference === undefined) return undefined;
      const { sheet, addresses } = cellsOfReference(reference);
      return addresses.map((address) => cell(sheet, address) ?? { sheet, address, value: null });
    },
  };
}
