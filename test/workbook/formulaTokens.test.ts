import type { Token } from "../../src/workbook/formula/token";
import { tokenize } from "../../src/workbook/formula/tokenize";

/** Each token as "kind text", the way a reader would point at it. */
const shapes = (formula: string) => tokenize(formula).map((t) => `${t.kind} ${t.text}`);
const only = (formula: string): Token => {
  const tokens = tokenize(formula);
  expect(tokens).toHaveLength(1);
  return tokens[0];
};

describe("the formula tokenizer", () => {
  test("quoted sheet names, with doubled quotes inside", () => {
    expect(only("'Case Rates'!B3")).toMatchObject({
      kind: "reference",
      sheet: "Case Rates",
      from: { row: 3, column: 2 },
    });
    expect(only("'Bob''s Sheet'!$D$5:$G$9")).toMatchObject({
      kind: "reference",
      sheet: "Bob's Sheet",
      from: { row: 5, column: 4, rowAbsolute: true, columnAbsolute: true },
      to: { row: 9, column: 7 },
      text: "'Bob''s Sheet'!$D$5:$G$9",
    });
    expect(only("Inputs!D5")).toMatchObject({ kind: "reference", sheet: "Inputs" });
  });

  test("$ anchors, on the column, the row or both", () => {
    const corners = ["D5", "$D5", "D$5", "$D$5"].map((r) => {
      const token = only(r);
      return token.kind === "reference" && [token.from.columnAbsolute, token.from.rowAbsolute];
    });
    expect(corners).toEqual([
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]);
  });

  test("lower-case references are references", () => {
    expect(only("d5")).toMatchObject({ kind: "reference", from: { row: 5, column: 4 } });
    expect(only("aa10:ab12")).toMatchObject({ kind: "reference", from: { column: 27 }, to: { column: 28 } });
  });

  test("text constants: doubled quotes are quotes; text left open is marked", () => {
    expect(only('"say ""hi"""')).toMatchObject({ kind: "string", value: 'say "hi"', closed: true });
    expect(only('""')).toMatchObject({ kind: "string", value: "", closed: true });
    expect(only('"open')).toMatchObject({ kind: "string", value: "open", closed: false, end: 5 });
    // A reference inside text is text.
    expect(shapes('"D5"&D5')).toEqual(['string "D5"', "operator &", "reference D5"]);
  });

  test("names that look like references, and functions that do", () => {
    expect(only("PM1")).toMatchObject({ kind: "reference", from: { row: 1, column: 16 * 26 + 13 } });
    expect(only("PMPM")).toMatchObject({ kind: "name", name: "PMPM" });
    expect(only("Q1Total")).toMatchObject({ kind: "name" });
    expect(only("Rate_2")).toMatchObject({ kind: "name" });
    // Beyond Excel's last column (XFD) or row (1048576): a name, not a cell.
    expect(only("XFD1048576")).toMatchObject({ kind: "reference" });
    expect(only("XFE1")).toMatchObject({ kind: "name" });
    expect(only("A1048577")).toMatchObject({ kind: "name" });
    expect(shapes("LOG10(100)")).toEqual(["function LOG10", "punctuation (", "number 100", "punctuation )"]);
    expect(shapes("VBP.CASES(30000,10%)")).toEqual([
      "function VBP.CASES",
      "punctuation (",
      "number 30000",
      "punctuation ,",
      "number 10",
      "operator %",
      "punctuation )",
    ]);
    expect(only("Inputs!Rate")).toMatchObject({ kind: "name", sheet: "Inputs", name: "Rate" });
  });

  test("ranges of cells, of whole rows and of whole columns", () => {
    expect(only("D5:G5")).toMatchObject({ kind: "reference", from: { column: 4 }, to: { column: 7 } });
    expect(only("D5 : G5")).toMatchObject({ kind: "reference", to: { column: 7 } });
    expect(only("5:5")).toMatchObject({ kind: "rows", from: 5, to: 5 });
    expect(only("$5:$9")).toMatchObject({ kind: "rows", from: 5, to: 9 });
    expect(only("Inputs!D:G")).toMatchObject({ kind: "columns", sheet: "Inputs", from: 4, to: 7 });
    expect(shapes("Rate:D5")).toEqual(["name Rate", "operator :", "reference D5"]);
  });

  test("booleans, errors and numbers with exponents", () => {
    expect(shapes("TRUE,false,TRUE()")).toEqual([
      "boolean TRUE",
      "punctuation ,",
      "boolean false",
      "punctuation ,",
      "function TRUE",
      "punctuation (",
      "punctuation )",
    ]);
    expect(only("#DIV/0!")).toMatchObject({ kind: "error", code: "#DIV/0!" });
    expect(only("#n/a")).toMatchObject({ kind: "error", code: "#N/A" });
    expect(only("1.5E+3")).toMatchObject({ kind: "number", value: 1500 });
    expect(only("2e-2")).toMatchObject({ kind: "number", value: 0.02 });
    expect(only(".5")).toMatchObject({ kind: "number", value: 0.5 });
  });

  test("operators longest first; whitespace between tokens is left out", () => {
    expect(shapes(" A1 <= 2 <>3")).toEqual([
      "reference A1",
      "operator <=",
      "number 2",
      "operator <>",
      "number 3",
    ]);
    expect(shapes("{1,2;3,4}").filter((s) => s.startsWith("punctuation"))).toEqual([
      "punctuation {",
      "punctuation ,",
      "punctuation ;",
      "punctuation ,",
      "punctuation }",
    ]);
  });

  test("what it cannot read is an unknown token, never an exception", () => {
    expect(shapes("A1 @ 'open")).toEqual(["reference A1", "unknown @", "unknown '", "name open"]);
  });

  test("each token's text is the formula's own, at its start and end", () => {
    const formula = "IF(InputsComplete, 'Case Rates'!$D$12 * d8 , \"enter inputs\")";
    for (const token of tokenize(formula)) expect(formula.slice(token.start, token.end)).toBe(token.text);
  });
});
