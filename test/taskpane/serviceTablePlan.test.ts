/**
 * "Use as the model's inputs" for step 6's service-code table: found from its named columns, filled
 * cell by cell as the starter built from the history holds it, rows beyond the history's codes
 * cleared, and refused in words where the workbook's table is not the history's shape.
 */
import { EncounterReader } from "../../src/core/history/encounterHistory";
import { EPISODE_DEFAULTS } from "../../src/core/history/episodeSettings";
import { modelOfExtract } from "../../src/core/history/extractModel";
import { HISTORY_DESCRIPTIONS } from "../../src/taskpane/history/descriptions";
import { planHistoryInputs } from "../../src/taskpane/history/inputsPlan";
import { planServiceTable, serviceTableReference } from "../../src/taskpane/history/serviceTablePlan";
import { specLookup } from "../../src/taskpane/history/specCells";
import { parseCell } from "../../src/workbook/a1";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { describeStarterWorkbook, starterOptions, starterOptionsOfHistory } from "../../src/workbook/starter";

const HEADER = "client_id,level,service_date,service_code,clinician_type,minutes,amount";

/** A small extract's model: codes 90834 (Masters) and 90862 (Prescriber, RN), and `more` lines. */
function modelOf(more: string[] = []) {
  const csv = [
    HEADER,
    "1,A,2025-01-02,90834,Masters,60,120",
    "1,A,2025-01-09,90834,Masters,60,120",
    "2,B,2025-02-01,90862,Prescriber,30,90",
    "2,B,2025-02-03,90862,RN,90,150",
    ...more,
  ].join("\n");
  const reader = new EncounterReader({
    columns: {},
    rule: EPISODE_DEFAULTS,
    strict: false,
    holdAllRows: true,
  });
  reader.push(new TextEncoder().encode(`${csv}\n`));
  return modelOfExtract(reader.end()!, EPISODE_DEFAULTS, {});
}

/** The starter built from a history (as `case-rate starter --history` builds it). */
const starterOf = (model: ReturnType<typeof modelOf>) =>
  describeStarterWorkbook(starterOptions(starterOptionsOfHistory(model)));

/** The workbook with constants put over some Inputs cells, as a user would type them. */
function typed(spec: WorkbookSpec, cells: Record<string, number | string | null>): WorkbookSpec {
  return {
    ...spec,
    sheets: spec.sheets.map((sheet) =>
      sheet.name !== "Inputs"
        ? sheet
        : {
            ...sheet,
            blocks: [
              ...sheet.blocks,
              ...Object.entries(cells).map(([address, value]) => ({ address, rows: [[value]] })),
            ],
          },
    ),
  };
}

const model = modelOf();
const source = HISTORY_DESCRIPTIONS.inputsOf(model);
/** The table's code rows' addresses of column `offset` from the description column (B). */
function tableCell(spec: WorkbookSpec, row: number, offset: number): string {
  const reference = serviceTableReference(specLookup(spec))!;
  const first = parseCell(reference.split("!")[1].split(":")[0]);
  return `${String.fromCharCode(64 + first.column + offset)}${first.row + 1 + row}`;
}

describe("step 6's service-code table from the history", () => {
  test("found from BilledRatesPerHour and ServiceHours: its header row, description to service hours", () => {
    const lookup = specLookup(starterOf(model));
    const reference = serviceTableReference(lookup)!;
    expect(
      lookup(reference)!
        .cells.slice(0, 7)
        .map((cell) => cell.text),
    ).toEqual(["Service", "Code", "Masters", "Prescriber", "RN", "Billed per hour", "Service hours"]);
  });

  test("a workbook built from the same history: nothing in the table changes", () => {
    expect(planServiceTable(specLookup(starterOf(model)), source)).toEqual({ changes: [] });
  });

  test("the cells a user changed are put back, each shown old and new, and only those", () => {
    const built = starterOf(model);
    const target = typed(built, {
      [tableCell(built, 0, 1)]: "99999",
      [tableCell(built, 1, 3)]: 0.5,
      [tableCell(built, 1, 5)]: 200,
    });
    const { changes, refused } = planServiceTable(specLookup(target), source);
    expect(refused).toBeUndefined();
    expect(changes.map((c) => [c.label, c.address, c.oldText, c.newText, c.value])).toEqual([
      ["Service code 90834 (step 6), Code", tableCell(built, 0, 1), "99999", "90834", "90834"],
      ["Service code 90862 (step 6), Prescriber", tableCell(built, 1, 3), "50%", "25%", 0.25],
      ["Service code 90862 (step 6), Billed per hour", tableCell(built, 1, 5), "$200.00", "$120.00", 120],
    ]);
  });

  test("a table with more rows than the history's codes: its codes filled, the rows beyond cleared", () => {
    const wider = modelOf(["3,A,2025-03-01,H0004,Masters,60,100"]);
    const built = starterOf(wider);
    const { changes, refused } = planServiceTable(specLookup(built), source);
    expect(refused).toBeUndefined();
    // The third row (H0004, the toolkit's description too) is cleared cell by cell; the first two are the same codes.
    expect(changes.map((c) => [c.address, c.newText, c.value])).toEqual([
      [tableCell(built, 2, 0), "(blank)", null],
      [tableCell(built, 2, 1), "(blank)", null],
      [tableCell(built, 2, 2), "(blank)", null],
      [tableCell(built, 2, 3), "(blank)", null],
      [tableCell(built, 2, 4), "(blank)", null],
      [tableCell(built, 2, 5), "(blank)", null],
      [tableCell(built, 2, 6), "(blank)", null],
    ]);
    expect(changes[1].label).toBe(
      "Service code table (step 6), row 3, Code: cleared (the history has 2 codes)",
    );
  });

  test("fewer rows than the history's codes: refused in words, nothing in the table changed", () => {
    const wider = modelOf(["3,A,2025-03-01,H0004,Masters,60,100"]);
    const plan = planServiceTable(specLookup(starterOf(model)), HISTORY_DESCRIPTIONS.inputsOf(wider));
    expect(plan).toEqual({
      changes: [],
      refused:
        "step 6's service-code table, because it has room for 2 service codes and the history has 3; build the starter workbook from the history (case-rate starter --history) to have room for them.",
    });
  });

  test("a blank starter's clinician types are not the history's: the table is refused, the named inputs still planned", () => {
    const blank = specLookup(
      describeStarterWorkbook(
        starterOptions({
          levels: [
            { id: "A", name: "A" },
            { id: "B", name: "B" },
          ],
        }),
      ),
    );
    const plan = planHistoryInputs(blank, source);
    expect(plan.refused).toBe(
      "step 6's service-code table, because its clinician-type columns (Prescriber, RN, Masters level, Below masters level) are not the history's (Masters, Prescriber, RN); build the starter workbook from the history (case-rate starter --history) to have them.",
    );
    expect(plan.changes.map((c) => c.label)).toContain("Case mix (step 4), level B");
    expect(plan.changes.some((c) => c.label.includes("Service code"))).toBe(false);
  });
});
