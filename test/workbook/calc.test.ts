import { calculateWorkbook, ExcelError } from "../../src/workbook/calc";
import { formula, type CellContent } from "../../src/workbook/spec";
import { oneSheetSpec } from "../helpers/oneSheet";

/** A one-sheet description "S" with the given rows from A1, and its calculated values by address. */
function calculate(rows: CellContent[][]) {
  const spec = oneSheetSpec([{ address: "A1", rows }], {
    printArea: "A1:D4",
    names: [{ name: "Rates", reference: "'S'!$A$1:$C$1", comment: "" }],
  });
  const calc = calculateWorkbook(spec);
  return (address: string) => {
    const cell = calc.cell("S", address);
    return cell.ok ? cell.value : `not calculated: ${cell.reason}`;
  };
}

describe("the calculation's functions, coerced by their declared parameters", () => {
  test("a number parameter converts text and booleans; an error or other text is the result", () => {
    const value = calculate([
      [-2, "3", true],
      [formula("ABS(A1)+ABS(B1)+ABS(C1)"), formula('ABS("x")'), formula("ABS(1/0)")],
    ]);
    expect(value("A2")).toBe(6);
    expect(value("B2")).toEqual(new ExcelError("#VALUE!"));
    expect(value("C2")).toEqual(new ExcelError("#DIV/0!"));
  });

  test("an elementwise function applies cell by cell over a range", () => {
    const value = calculate([
      [-2, -3, 4],
      [formula("SUMPRODUCT(ABS(A1:C1))"), formula("SUM(NOT(A1:C1))")],
    ]);
    expect(value("A2")).toBe(9);
    expect(value("B2")).toBe(0);
  });

  test("a range where one value is wanted is not calculated (no implicit intersection)", () => {
    expect(calculate([[1, 2], [formula("N(A1:B1)")]])("A2")).toMatch(/a range where one value is expected/);
  });

  test("repeated values: a range's text is left out, text typed as an argument is counted", () => {
    const value = calculate([
      [1, "2", null],
      [formula("SUM(A1:C1)"), formula('SUM(A1,"2")'), formula("COUNT(A1:C1,5)")],
    ]);
    expect(value("A2")).toBe(1);
    expect(value("B2")).toBe(3);
    expect(value("C2")).toBe(2);
  });

  test("a reference to one cell is a range: its text, boolean or blank is left out, as Excel does", () => {
    const value = calculate([
      ["2", true, null],
      [formula("SUM(A1)"), formula("SUM(B1)+MAX(A1)"), formula("COUNT(A1,B1,C1)+SUM(C1)+MIN(A1)")],
    ]);
    expect(value("A2")).toBe(0);
    expect(value("B2")).toBe(0);
    expect(value("C2")).toBe(0);
  });

  test("arity comes from the declaration", () => {
    const value = calculate([[formula("IF(TRUE)"), formula("ROWS(A1,B1)"), formula("SUM()")]]);
    expect(value("A1")).toMatch(/IF with 1 arguments/);
    expect(value("B1")).toMatch(/ROWS with 2 arguments/);
    expect(value("C1")).toMatch(/SUM with 0 arguments/);
  });

  test("a reference parameter is not read: ROWS of a range that holds the formula itself", () => {
    expect(calculate([[formula("ROWS($A$1:A3)"), formula("COLUMNS(Rates)")]])("A1")).toBe(3);
    expect(calculate([[formula("ROWS($A$1:A3)"), formula("COLUMNS(Rates)")]])("B1")).toBe(3);
  });

  test("IF evaluates only the branch it takes", () => {
    const value = calculate([[formula("IF(TRUE,1,VLOOKUP(1,A1,1))"), formula("IF(0,1)")]]);
    expect(value("A1")).toBe(1);
    expect(value("B1")).toBe(false);
  });

  test("lower-case references and names, and a name's range", () => {
    const value = calculate([
      [2, 3, 4],
      [formula("a1*b1"), formula("sum(rates)"), formula("INDEX(Rates,3)")],
    ]);
    expect(value("A2")).toBe(6);
    expect(value("B2")).toBe(9);
    expect(value("C2")).toBe(4);
  });
});

describe("AND, as Excel judges logicals", () => {
  test("a range's text and blanks are left out; any error is the result; none left is #VALUE!", () => {
    const value = calculate([
      [true, false, "x"],
      [formula("AND(A1,TRUE)"), formula("AND(A1:C1)"), formula("AND(FALSE,1/0)"), formula("AND(C1)")],
      [formula("AND(1,TRUE)")],
    ]);
    expect(value("A2")).toBe(true);
    expect(value("B2")).toBe(false);
    expect(value("C2")).toEqual(new ExcelError("#DIV/0!"));
    expect(value("D2")).toEqual(new ExcelError("#VALUE!"));
    expect(value("A3")).toBe(true);
  });
});

describe("the Risk sheet's functions, as Excel and LibreOffice define them", () => {
  test("SQRT, NORMSINV and NORMSDIST, with #NUM! outside their domains", () => {
    const value = calculate([
      [formula("SQRT(2)"), formula("SQRT(-1)"), formula("NORMSINV(0.95)")],
      [formula("NORMSINV(1)"), formula("NORMSDIST(NORMSINV(0.025))"), formula("NORMSDIST(0)")],
    ]);
    expect(value("A1")).toBe(Math.SQRT2);
    expect(value("B1")).toEqual(new ExcelError("#NUM!"));
    expect(value("C1")).toBeCloseTo(1.6448536269514722, 14);
    expect(value("A2")).toEqual(new ExcelError("#NUM!"));
    expect(value("B2")).toBeCloseTo(0.025, 14);
    expect(value("C2")).toBe(0.5);
  });

  test("GAMMADIST: the distribution function and the density (shape 1 is the exponential)", () => {
    const value = calculate([
      [
        formula("GAMMADIST(2,1,2,TRUE)"),
        formula("GAMMADIST(2,1,2,FALSE)"),
        formula("GAMMADIST(-1,2,2,TRUE)"),
      ],
      [
        formula("GAMMADIST(0,1,2,FALSE)"),
        formula("GAMMADIST(3,2,1,FALSE)"),
        formula("GAMMADIST(1,0,1,TRUE)"),
      ],
    ]);
    expect(value("A1")).toBeCloseTo(1 - Math.exp(-1), 15);
    expect(value("B1")).toBeCloseTo(Math.exp(-1) / 2, 15);
    expect(value("C1")).toEqual(new ExcelError("#NUM!"));
    expect(value("A2")).toBe(0.5);
    expect(value("B2")).toBeCloseTo(3 * Math.exp(-3), 15);
    expect(value("C2")).toEqual(new ExcelError("#NUM!"));
  });
});
