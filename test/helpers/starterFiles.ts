import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { readXlsx, type ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { xlsxBytes } from "../../src/workbook/xlsx/writeXlsx";

/** A fresh temporary folder for one suite's files. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `case-rate-${prefix}-`));
}

/** Writes a described workbook to `dir/name.xlsx` with the .xlsx writer; returns the path. */
export async function writeSpec(spec: WorkbookSpec, dir: string, name: string): Promise<string> {
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, await xlsxBytes(spec, ExcelJS));
  return path;
}

/** Sets named input cells of an .xlsx (one value per cell of each name) and saves it to `to`. */
export async function changeInputs(
  from: string,
  to: string,
  changes: Record<string, (number | string)[]>,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  const read = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), ExcelJS);
  for (const [name, values] of Object.entries(changes)) {
    const cells = read.named(name);
    if (!cells) throw new Error(`no name ${name}`);
    values.forEach(
      (value, i) => (workbook.getWorksheet(cells[i].sheet)!.getCell(cells[i].address).value = value),
    );
  }
  await workbook.xlsx.writeFile(to);
}

/** A copy of the .xlsx `from` changed by `edit`, saved as `dir/name.xlsx`; returns its path. */
export async function editedCopy(
  from: string,
  dir: string,
  name: string,
  edit: (book: ExcelJS.Workbook) => void,
): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(from);
  edit(book);
  const to = join(dir, `${name}.xlsx`);
  await book.xlsx.writeFile(to);
  return to;
}

/** Reads a recalculated .xlsx. */
export async function readFile(path: string): Promise<ReadWorkbook> {
  const { readFileSync } = await import("node:fs");
  return readXlsx(new Uint8Array(readFileSync(path)), ExcelJS);
}

/** The numbers a name holds, failing loudly on anything else. */
export function numbersOf(workbook: ReadWorkbook, name: string): number[] {
  const cells = workbook.named(name);
  if (!cells) throw new Error(`The workbook has no name ${name}`);
  return cells.map((cell) => {
    if (typeof cell.value !== "number")
      throw new Error(
        `${name} at ${cell.sheet}!${cell.address} is ${JSON.stringify(cell.value)}, not a number`,
      );
    return cell.value;
  });
}
