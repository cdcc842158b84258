import { CaseRateInputError } from "../../src/core/errors";
import { parseCell } from "../../src/workbook/a1";
import { relativeForm, typedNumbers } from "../../src/workbook/formulaText";
import { isFormula, type SheetSpec, type WorkbookSpec } from "../../src/workbook/spec";
import { describeStarterWorkbook, starterOptions, starterWanted } from "../../src/workbook/starter";
import { IDENTITY_NAMING } from "../../src/workbook/freeNames";
import { StarterContext } from "../../src/workbook/starter/context";
import { MAX_LEVELS } from "../../src/workbook/starter/options";
import { HISTORY_SHEET } from "../../src/workbook/starter/context";
import { HISTORY_VARIANT } from "../helpers/starterVariants";

const exampleOptions = starterOptions({ example: true });
const example = describeStarterWorkbook(exampleOptions);
const blank = describeStarterWorkbook(starterOptions({ example: false }));
const providerOptions = starterOptions({ example: true, provider: true });
const provider = describeStarterWorkbook(providerOptions);
const blankProvider = describeStarterWorkbook(starterOptions({ provider: true }));
/** Sheets where the user types figures: inputs live only there. */
const INPUT_SHEETS = ["Inputs", "Provider Inputs", "Actuals", "Contract"];
/** The record of an encounter history: its numbers are the data's, typed, and it reads no name. */
const RECORD_SHEETS: readonly string[] = [HISTORY_SHEET];
const historyOptions = starterOptions(HISTORY_VARIANT);
const fromHistory = describeStarterWorkbook(historyOptions);
const historyProviderOptions = starterOptions({ ...HISTORY_VARIANT, provider: true });
const fromHistoryProvider = describeStarterWorkbook(historyProviderOptions);
/** Settlement's input tables (the closed cases, the measures' values), by their names. */
const SETTLEMENT_INPUTS = ["CaseLevels", "CaseCosts", "CasesPaid", "MeasureValues"];

/** The cells (row, column) of a name's range on its sheet. */
function cellsOfName(spec: WorkbookSpec, name: string): { sheet: string; row: number; column: number }[] {
  const reference = spec.names.find((n) => n.name === name)!.reference;
  const [sheetPart, range] = reference.split("!");
  const [from, to = from] = range.replace(/\$/g, "").split(":").map(parseCell);
  const cells = [];
  for (let row = from.row; row <= to.row; row++)
    for (let column = from.column; column <= to.column; column++)
      cells.push({ sheet: sheetPart.replace(/^'|'$/g, ""), row, column });
  return cells;
}
const custom = describeStarterWorkbook(
  starterOptions({
    levels: [
      { id: "Low", name: "Low need" },
      { id: "Mid", name: "Middle" },
      { id: "High", name: "High need" },
    ],
  }),
);

/** Every written cell with its sheet, address and content. */
function cellsOf(spec: WorkbookSpec) {
  return spec.sheets.flatMap((sheet) =>
    sheet.blocks.flatMap((block) => {
      const origin = parseCell(block.address);
      return block.rows.flatMap((row, r) =>
        row.map((content, c) => ({
          sheet: sheet.name,
          row: origin.row + r,
          column: origin.column + c,
          content,
        })),
      );
    }),
  );
}

const sheet = (spec: WorkbookSpec, name: string): SheetSpec => spec.sheets.find((s) => s.name === name)!;

describe.each([
  ["example", example, false],
  ["blank", blank, false],
  ["custom levels", custom, false],
  ["example with the provider model", provider, true],
  ["blank with the provider model", blankProvider, true],
  ["from an encounter history", fromHistory, historyOptions],
  ["from an encounter history with the provider model", fromHistoryProvider, historyProviderOptions],
])("starter workbook layout (%s)", (_label, spec, withProvider) => {
  test("has the toolkit's sheets in order", () => {
    const options =
      typeof withProvider === "boolean" ? starterOptions({ provider: withProvider }) : withProvider;
    expect(spec.sheets.map((s) => s.name)).toEqual(starterWanted(options).sheets);
  });

  test("numbers are typed only on the input sheets (and as the exact risk figures, written by the core)", () => {
    // Risk's exact figures with their chart data (below their band, to the sheet's end) and the
    // Dashboard's (from their band to their check) are the core's values, labelled as such.
    const rowOf = (sheet: string, start: string) =>
      cellsOf(spec).find(
        (cell) => cell.sheet === sheet && typeof cell.content === "string" && cell.content.startsWith(start),
      )?.row;
    const exact = {
      Risk: [rowOf("Risk", "Exact figures"), Infinity],
      Settlement: [
        rowOf("Settlement", "Priced before signing"),
        rowOf("Settlement", "The priced figures are current"),
      ],
      Dashboard: [
        rowOf("Dashboard", "Risk of the year (exact"),
        rowOf("Dashboard", "The exact figures are current"),
      ],
    } as Record<string, [number | undefined, number | undefined]>;
    expect(exact.Risk[0]).toBeDefined();
    const exempt = (sheet: string, row: number) => {
      const [from, to] = exact[sheet] ?? [];
      return from !== undefined && to !== undefined && row > from && row < to;
    };
    const inputTables = new Set(
      SETTLEMENT_INPUTS.flatMap((name) => cellsOfName(spec, name)).map(
        (c) => `${c.sheet}!${c.row},${c.column}`,
      ),
    );
    const stray = cellsOf(spec).filter(
      (cell) =>
        typeof cell.content === "number" &&
        !INPUT_SHEETS.includes(cell.sheet) &&
        !RECORD_SHEETS.includes(cell.sheet) &&
        !exempt(cell.sheet, cell.row) &&
        !inputTables.has(`${cell.sheet}!${cell.row},${cell.column}`),
    );
    expect(stray).toEqual([]);
  });

  test("inputs are styled as inputs only on the input sheets (Settlement's input tables aside, and in the Guide's colour key)", () => {
    const inputTables = new Set(
      SETTLEMENT_INPUTS.flatMap((name) => cellsOfName(spec, name)).map((c) => `${c.row},${c.column}`),
    );
    const settlementInputs = sheet(spec, "Settlement").formats.filter((f) => f.style === "input");
    for (const format of settlementInputs) {
      const [from, to = from] = format.range.split(":").map(parseCell);
      for (const row of [from.row, to.row])
        for (const column of [from.column, to.column]) expect(inputTables.has(`${row},${column}`)).toBe(true);
    }
    const stray = spec.sheets
      .filter((s) => !INPUT_SHEETS.includes(s.name) && s.name !== "Settlement")
      .flatMap((s) =>
        s.formats.filter((f) => f.style === "input").map((f) => ({ sheet: s.name, range: f.range })),
      );
    expect(stray).toHaveLength(1);
    const at = parseCell(stray[0].range);
    const key = cellsOf(spec).find(
      (cell) => cell.sheet === stray[0].sheet && cell.row === at.row && cell.column === at.column,
    );
    expect(key).toMatchObject({ sheet: "Guide", content: "typed value" });
  });

  test("no number is typed inside a formula (0 and 1 aside)", () => {
    const typed = cellsOf(spec)
      .filter(
        (cell) =>
          isFormula(cell.content) && typedNumbers((cell.content as { formula: string }).formula).length > 0,
      )
      .map(
        (cell) =>
          `${cell.sheet} R${cell.row}C${cell.column}: ${(cell.content as { formula: string }).formula}`,
      );
    expect(typed).toEqual([]);
  });

  test("each row holds one formula, carried across its columns", () => {
    const inconsistent: string[] = [];
    for (const s of spec.sheets) {
      for (const block of s.blocks) {
        const origin = parseCell(block.address);
        block.rows.forEach((row, r) => {
          const forms = new Set(
            row.flatMap((content, c) =>
              isFormula(content) ? [relativeForm(content.formula, origin.row + r, origin.column + c)] : [],
            ),
          );
          if (forms.size > 1) inconsistent.push(`${s.name} row ${origin.row + r}: ${[...forms].join(" | ")}`);
        });
      }
    }
    expect(inconsistent).toEqual([]);
  });

  test("defines the workbook-scoped names the toolkit's formulas read with", () => {
    const names = spec.names.map((n) => n.name);
    for (const name of [
      "Enrollees",
      "PenetrationRate",
      "RatePerHour",
      "CaseMix",
      "AverageHours",
      "CaseRates",
      "LevelCases",
      "LevelBudgets",
      "TotalCases",
      "TotalBudget",
      "PMPM",
      "RiskReservePct",
      "MasterCheck",
    ]) {
      expect(names).toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const name of spec.names)
      expect(name.reference).toMatch(/^('[^']+'|[A-Za-z]+)!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/);
  });

  test("formulas read like the toolkit", () => {
    const formulas = cellsOf(spec).flatMap((cell) => (isFormula(cell.content) ? [cell.content.formula] : []));
    expect(formulas).toContain('IF(InputsComplete,Enrollees*PenetrationRate,"enter inputs")');
    expect(formulas).toContain('IF(InputsComplete,TotalBudget/(Enrollees*MonthsPerYear),"enter inputs")');
  });

  test("every sheet shows the master check at its top, freezes its headers and has a print area", () => {
    for (const s of spec.sheets.filter((sheet) => !RECORD_SHEETS.includes(sheet.name))) {
      const statusBlocks = s.blocks.filter((b) => parseCell(b.address).row === 2);
      expect(statusBlocks.map((b) => b.rows[0][0])).toEqual(
        expect.arrayContaining([{ formula: "MasterCheck" }, { formula: "CheckStatus" }]),
      );
      expect(s.freeze.rows).toBeGreaterThan(0);
      expect(s.printArea).toMatch(/^A1:[A-Z]+\d+$/);
      expect(s.columnWidths.length).toBeGreaterThan(2);
    }
  });

  test("share inputs are validated from 0% to 100% and hours and rates from 0, with an input message", () => {
    const validations = sheet(spec, "Inputs").validations;
    const shares = validations.filter((v) => v.max === 1);
    expect(shares.map((v) => v.promptTitle)).toEqual(
      expect.arrayContaining(["Penetration rate", "Case mix", "Risk reserve"]),
    );
    expect(
      validations.filter((v) => v.kind === "decimal" && v.max === undefined && v.min === 0).length,
    ).toBeGreaterThanOrEqual(4);
    for (const v of validations) expect(v.prompt.length).toBeGreaterThan(10);
  });
});

test("a custom count of levels lays out one column per level", () => {
  const levelIds = cellsOf(custom).filter(
    (cell) => cell.sheet === "Inputs" && ["Low", "Mid", "High"].includes(cell.content as string),
  );
  expect(levelIds.map((cell) => cell.content)).toEqual(expect.arrayContaining(["Low", "Mid", "High"]));
  expect(custom.names.find((n) => n.name === "CaseRates")?.reference).toBe("'Case Rates'!$D$12:$F$12");
});

test("the blank workbook leaves every example input empty but keeps the model settings", () => {
  const inputs = cellsOf(blank).filter((cell) => cell.sheet === "Inputs" && typeof cell.content === "number");
  // Months per year and the tolerances; the risk settings: the confidence, the Normal-Power 6, its tolerance.
  expect(inputs.map((cell) => cell.content).sort()).toEqual([0.0001, 0.01, 12, 0.95, 6, 1e-9].sort());
});

describe("starter options", () => {
  test.each([
    [
      { example: true, levels: [{ id: "X", name: "X" }] },
      "the toolkit's example has its own four levels of care (A, B, C, D); build it without custom levels.",
    ],
    [
      {
        levels: [
          { id: "A", name: "a" },
          { id: "A", name: "b" },
        ],
      },
      'levels of care lists level "A" twice; each level id must be unique.',
    ],
    [{ levels: [] }, "levels of care is empty; enter at least one level of care."],
    [
      {
        levels: [
          { id: "A", name: "a" },
          { id: "B", name: "b" },
          { id: "C", name: " " },
        ],
      },
      "level 3 has no name; give every level of care a name.",
    ],
    [{ scenario: "Huge" as never }, 'scenario is "Huge"; choose Low, Medium or High.'],
  ])("refuses %j", (choice, message) => {
    expect(() => starterOptions(choice)).toThrow(CaseRateInputError);
    expect(() => starterOptions(choice)).toThrow(message);
  });

  const numbered = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `L${i + 1}`, name: `Level ${i + 1}` }));

  test("refuses 12 levels of care: 'levels of care has 12 levels; build with 1 to 10.'", () => {
    const choice = { levels: numbered(12) };
    expect(() => starterOptions(choice)).toThrow(CaseRateInputError);
    expect(() => starterOptions(choice)).toThrow("levels of care has 12 levels; build with 1 to 10.");
  });

  test("builds with 1 to MAX_LEVELS (10) levels of care", () => {
    expect(MAX_LEVELS).toBe(10);
    for (const count of [1, MAX_LEVELS]) {
      expect(starterOptions({ levels: numbered(count) }).levels).toEqual(numbered(count));
    }
  });
});

describe("the names are the sheets' own definitions", () => {
  test("the names wanted are the names a build defines, the provider's only with the provider model", () => {
    const payorNames = starterWanted(starterOptions({ example: true })).names;
    expect(payorNames).toEqual(example.names.map((n) => n.name));
    expect(payorNames).toContain("TotalBudget");
    expect(payorNames).not.toContain("Margin");
    expect(starterWanted(providerOptions).names).toEqual(provider.names.map((n) => n.name));
    expect(starterWanted(providerOptions).names).toContain("Margin");
  });

  test("a name read but defined on no sheet, or defined twice, is refused", () => {
    const misspelt = new StarterContext(starterOptions(), IDENTITY_NAMING);
    misspelt.define("Enrollees", "Inputs", "$D$5", "Members");
    expect(`${misspelt.n.Enrolees}*2`).toBe("Enrolees*2");
    expect(() => misspelt.definedNames()).toThrow("reads names it does not define: Enrolees.");
    const twice = new StarterContext(starterOptions(), IDENTITY_NAMING);
    twice.define("Enrollees", "Inputs", "$D$5", "Members");
    expect(() => twice.define("Enrollees", "Inputs", "$D$6", "Members")).toThrow("defines Enrollees twice");
  });
});
