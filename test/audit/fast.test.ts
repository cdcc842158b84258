import { type AuditCell, type AuditValue, fastFaults, gridOf } from "../../src/audit";

type Row = Record<string, string | AuditValue>;

/** A grid from rows of "A1": content, where "=…" is a formula (its value 1 unless given). */
function grid(
  sheets: Record<string, Row>,
  values: Record<string, AuditValue> = {},
  names: Record<string, string[]> = {},
) {
  const cells: AuditCell[] = [];
  for (const [sheet, row] of Object.entries(sheets)) {
    for (const [address, content] of Object.entries(row)) {
      const value = values[`${sheet}!${address}`];
      if (typeof content === "string" && content.startsWith("=")) {
        cells.push({ sheet, address, formula: content.slice(1), value: value === undefined ? 1 : value });
      } else cells.push({ sheet, address, value: content });
    }
  }
  const named = new Map(
    Object.entries(names).map(([name, refs]) => [
      name,
      refs.map((ref) => ({ sheet: ref.split("!")[0], address: ref.split("!")[1] })),
    ]),
  );
  return gridOf(Object.keys(sheets), cells, named);
}

const faults = (g: ReturnType<typeof grid>, inputSheets: string[] = ["Inputs"]) =>
  fastFaults(g, { inputSheets: new Set(inputSheets) }).map((f) => `${f.sheet}!${f.cell} ${f.kind}`);

describe("FAST checks", () => {
  test("an empty reference behind a guard that returned its own text is no fault; used, it is", () => {
    const g = grid(
      {
        Calc: {
          D5: '=IF(Ready,D4*Rate,"enter inputs")',
          E5: '=IF(Ready,E4*Rate,"enter inputs")',
          F5: "=F4*Rate",
        },
      },
      { "Calc!D5": "enter inputs", "Calc!E5": 0, "Calc!F5": 0 },
    );
    expect(faults(g)).toEqual(["Calc!E5 empty-reference", "Calc!F5 empty-reference"]);
  });

  test("a number typed inside a formula (0 and 1 are identities, row ranges are not numbers)", () => {
    const g = grid({
      Calc: {
        D4: 3,
        E4: 4,
        F4: 5,
        G4: 6,
        D5: "=D4*158",
        E5: "=IF(E4>0,E4*1,0)",
        F5: "=SUM(4:4)",
        G5: '=IF(G4="12",1,0)',
      },
    });
    expect(faults(g)).toEqual(["Calc!D5 number-in-formula"]);
    expect(fastFaults(g, { inputSheets: new Set() })[0].explanation).toBe(
      "The formula =D4*158 has 158 typed inside: a number in a formula hides an assumption; put it on the inputs and refer to it.",
    );
  });

  test("a row whose formula differs across its columns: the odd cell, not the row's total", () => {
    const g = grid({
      Calc: {
        C4: 10,
        D4: 20,
        E4: 30,
        F4: 40,
        C5: "=C4*Rate",
        D5: "=D4*Rate",
        E5: "=E4*Rate*1.1",
        F5: "=F4*Rate",
        G5: "=SUM(C5:F5)",
      },
    });
    expect(faults(g)).toEqual(["Calc!E5 number-in-formula", "Calc!E5 inconsistent-row"]);
  });

  test("a total that leaves a column of its row out", () => {
    const g = grid({
      Calc: { D4: 1, E4: 2, F4: 3, D5: "=D4*Rate", E5: "=E4*Rate", F5: "=F4*Rate", G5: "=SUM(D5:E5)" },
    });
    const found = fastFaults(g, { inputSheets: new Set() }).filter((f) => f.kind === "inconsistent-row");
    expect(found).toEqual([
      expect.objectContaining({
        cell: "G5",
        explanation: "The total =SUM(D5:E5) adds up D5:E5 while its row runs D5:F5: F5 is left out.",
      }),
    ]);
  });

  test("three different calculations side by side are a table, not an inconsistent row", () => {
    const row6 = { D6: 1, E6: 2, F6: 3 };
    const g = grid({
      Calc: { ...row6, D7: "=D6-Base", E7: "=E6-Base", F7: "=ABS(E7-D7)", G7: "=RANK(F7,$F$7:$F$9)" },
    });
    expect(faults(g)).toEqual([]);
    const broken = grid({ Calc: { ...row6, D7: "=D6-Base", E7: "=E6-Base", F7: "=E6-Base" } });
    expect(faults(broken)).toEqual(["Calc!F7 inconsistent-row"]);
  });

  test("a number typed over a formula, but not on the inputs", () => {
    const row = { D4: 1, E4: 2, F4: 3, G4: 4, D5: "=D4*Rate", E5: "=E4*Rate", F5: 12689, G5: "=G4*Rate" };
    const g = grid({ Calc: { ...row, C5: "cases" }, Inputs: row });
    expect(faults(g)).toEqual(["Calc!F5 number-over-formula"]);
  });

  test("references to empty cells, unless the formula tests for blanks or totals a range", () => {
    const g = grid(
      {
        Calc: {
          D5: "=D4*Inputs!D9",
          E5: "=IF(ISNUMBER(Inputs!E9),Inputs!E9,Rate)",
          F5: "=SUM(Inputs!F9:F12)",
          G5: "=Blank*Rate",
          H5: "=IF(COUNT(Inputs!H9,Inputs!H10)>0,SUM(Inputs!H9,Inputs!H10),0)",
        },
        Inputs: { D4: 1 },
      },
      {},
      { Blank: ["Inputs!Z99"] },
    );
    expect(faults(g)).toEqual(["Calc!D5 empty-reference", "Calc!G5 empty-reference"]);
  });

  test("error values, and where they came from", () => {
    const g = grid(
      { Calc: { D5: "=D4/0", E5: "=D5*2", F5: { error: "#REF!" } } },
      { "Calc!D5": { error: "#DIV/0!" }, "Calc!E5": { error: "#DIV/0!" } },
    );
    const found = fastFaults(g, { inputSheets: new Set() }).filter((f) => f.kind === "error-value");
    expect(found.map((f) => [f.cell, f.explanation])).toEqual([
      ["D5", "It shows #DIV/0! (=D4/0)."],
      ["E5", "It shows #DIV/0!, passed on from D5."],
      ["F5", "It holds the error #REF!."],
    ]);
  });

  test("a number among formulas on an inputs sheet is an input; skipped sheets are not read", () => {
    const g = grid({
      Assumptions: { D4: 1, F4: 2, D5: "=D4*Rate", E5: 7, F5: "=F4*Rate" },
      Old: { D5: "=D4*99" },
    });
    expect(fastFaults(g, { inputSheets: new Set(["Assumptions"]), skipSheets: new Set(["Old"]) })).toEqual(
      [],
    );
  });
});
