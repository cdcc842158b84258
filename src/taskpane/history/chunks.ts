/**
 * How a range is read from Excel in chunks: Excel on the web refuses a request or response over
 * 5 MB, so each read asks for as many rows as fit a budget well under it, by rows × columns × an
 * estimate of a cell's bytes (measured on a sample of the range, with a margin).
 */

/** Excel on the web's limit on one request's (and response's) payload. */
export const EXCEL_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one read is planned to: under the limit, leaving room for the JSON around the values. */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;
/** Rows read first to estimate a cell's size. */
export const SAMPLE_ROWS = 200;
/** The sample's largest cell is taken this many times over: later rows may hold longer text. */
const MARGIN = 2;
/** No cell costs less than this in the response (quotes, comma, a short value). */
const MIN_CELL_BYTES = 8;

/**
 * Bytes one cell is reckoned to take: the sample's longest cell as JSON (UTF-8), with the margin.
 * @example cellBytesOf([["a", 45], ["bbbb", 60]]) // 16
 */
export function cellBytesOf(sample: readonly (readonly unknown[])[]): number {
  let longest = 0;
  const encoder = new TextEncoder();
  for (const row of sample) {
    for (const cell of row) {
      const bytes = encoder.encode(JSON.stringify(cell ?? "")).length + 1;
      if (bytes > longest) longest = bytes;
    }
  }
  return Math.max(MIN_CELL_BYTES, longest * MARGIN);
}

/**
 * Rows per read so that rows × columns × cellBytes stays within the budget (at least one row).
 * @example rowsPerChunk(7, 16) // 37449
 */
export function rowsPerChunk(columns: number, cellBytes: number, budget = CHUNK_BUDGET_BYTES): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, columns) * cellBytes)));
}
