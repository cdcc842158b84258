/**
 * "Use as the model's inputs" for step 6's service-code table on Inputs: each code's description,
 * code, clinician shares, billed per hour and service hours, laid out as the starter built from the
 * history lays them out. The table has no name of its own: it is found from its two named columns
 * (BilledRatesPerHour, ServiceHours), its header row above them, from the description column.
 */
import { parseCell, parseSheetReference, rangeAddress, sheetReference } from "../../workbook/a1";
import { LABEL_COLUMN } from "../../workbook/layout";
import type { InputChange } from "./historyHost";
import { changeOf } from "./inputChange";
import type { InputsPlan, NamedCells, NamedLookup } from "./inputsPlan";

/** The table's named columns, which locate it. */
export const SERVICE_TABLE_NAMES = ["BilledRatesPerHour", "ServiceHours"] as const;

/** The columns before the clinician types (description, code) and after them (billed, hours). */
const LEADING = 2;
const TRAILING = 2;

/**
 * The table's block, header row included, as a reference the lookup reads; undefined when the
 * workbook lacks either named column.
 * @example serviceTableReference(lookup) // "Inputs!B58:J66"
 */
export function serviceTableReference(lookup: NamedLookup): string | undefined {
  const [billed, hours] = SERVICE_TABLE_NAMES.map(lookup);
  if (!billed || !hours || billed.cells.length === 0 || hours.cells.length === 0) return undefined;
  const first = parseCell(billed.cells[0].address);
  const last = parseCell(hours.cells[hours.cells.length - 1].address);
  return sheetReference(billed.sheet, rangeAddress(first.row - 1, LABEL_COLUMN, last.row, last.column));
}

interface ServiceTable {
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: readonly NamedCells["cells"][];
}

function tableOf(lookup: NamedLookup): ServiceTable | undefined {
  const reference = serviceTableReference(lookup);
  const block = reference === undefined ? undefined : lookup(reference);
  if (reference === undefined || block === undefined) return undefined;
  const [from, to] = parseSheetReference(reference).address.split(":").map(parseCell);
  const width = to.column - from.column + 1;
  const rows: NamedCells["cells"][] = [];
  for (let i = 0; i < block.cells.length; i += width) rows.push(block.cells.slice(i, i + width));
  return { sheet: block.sheet, header: rows[0].map((cell) => cell.text), rows: rows.slice(1) };
}

const typesOf = (table: ServiceTable) => table.header.slice(LEADING, table.header.length - TRAILING);

/**
 * The table's cells the history changes: its codes' rows as the starter from the history holds
 * them (a blank included: a code without amounts has no billed rate), and any row beyond its
 * codes cleared. Refused in words, changing nothing, when the workbook's table is not the
 * history's shape: other clinician types, or fewer rows than the history has codes.
 */
export function planServiceTable(target: NamedLookup, source: NamedLookup): InputsPlan {
  const from = tableOf(source);
  if (!from || from.rows.length === 0) return { changes: [] };
  const to = tableOf(target);
  const refused = (why: string): InputsPlan => ({
    changes: [],
    refused: `step 6's service-code table, because ${why}`,
  });
  if (!to) return refused("this workbook has no BilledRatesPerHour and ServiceHours names.");
  const wanted = typesOf(from);
  const has = typesOf(to);
  if (wanted.join("\u0000") !== has.join("\u0000")) {
    return refused(
      `its clinician-type columns (${has.join(", ") || "none"}) are not the history's (${wanted.join(", ") || "none"}); build the starter workbook from the history (case-rate starter --history) to have them.`,
    );
  }
  if (to.rows.length < from.rows.length) {
    return refused(
      `it has room for ${to.rows.length} service codes and the history has ${from.rows.length}; build the starter workbook from the history (case-rate starter --history) to have room for them.`,
    );
  }
  const changes: InputChange[] = [];
  to.rows.forEach((row, i) => {
    const code = from.rows[i]?.[LEADING - 1].text;
    row.forEach((old, j) => {
      const label =
        code === undefined
          ? `Service code table (step 6), row ${i + 1}, ${to.header[j]}: cleared (the history has ${from.rows.length} codes)`
          : `Service code ${code} (step 6), ${to.header[j]}`;
      const cell = from.rows[i]?.[j] ?? { address: old.address, value: null, text: "" };
      const change = changeOf(label, to.sheet, old, cell);
      if (change) changes.push(change);
    });
  });
  return { changes };
}
