/** A1-style addresses, so layout code never spells a reference by hand. */

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "AA" → 27. */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** A cell address such as "D5"; `absolute` gives "$D$5". */
export function cellAddress(row: number, column: number, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetter(column)}${dollar}${row}`;
}

/** A range "D5:G5" (or "$D$5:$G$5"); a single cell when both corners are the same. */
export function rangeAddress(
  row: number,
  column: number,
  lastRow: number,
  lastColumn: number,
  absolute = false,
): string {
  const first = cellAddress(row, column, absolute);
  const last = cellAddress(lastRow, lastColumn, absolute);
  return first === last ? first : `${first}:${last}`;
}

/** A sheet name as a formula needs it: quoted when it holds anything but letters, digits and _. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Inputs!$D$5" or "'Case Rates'!D5:G5". */
export function sheetReference(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** Parses "D5" or "$D$5" into row and column numbers. */
export function parseCell(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/** A cell address anchored on its row only ("D$20"): copied across columns, it follows the column. */
export function rowAnchoredAddress(row: number, column: number): string {
  return `${columnLetter(column)}$${row}`;
}

/** Splits "'Case Rates'!$D$9:$G$9" into its sheet ("Case Rates") and address ("$D$9:$G$9"). */
export function parseSheetReference(reference: string): { sheet: string; address: string } {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(reference);
  if (!match) throw new Error(`Not a sheet-qualified cell reference: ${reference}`);
  return { sheet: match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2], address: match[3] };
}

/** A cell address anchored on its column only ("$B12"): copied down rows, it follows the row. */
export function columnAnchoredAddress(row: number, column: number): string {
  return `$${columnLetter(column)}${row}`;
}
