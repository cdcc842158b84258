import { relativeForm, typedNumbers } from "../../src/workbook/formulaText";

describe("formulas read as text for the FAST checks", () => {
  test("a lower-case reference reads as the same reference in upper case", () => {
    // Copied across a row, =d5*Rate and =E5*Rate do the same thing.
    expect(relativeForm("d5*Rate", 6, 4)).toBe(relativeForm("E5*Rate", 6, 5));
  });

  test("references to different quoted sheets are different calculations", () => {
    expect(relativeForm("'Sheet A'!D5", 6, 4)).not.toBe(relativeForm("'Sheet B'!E5", 6, 5));
    expect(relativeForm("'Case Rates'!$D$12*D8", 14, 4)).toBe("'Case Rates'!R12C4*R[-6]C[0]");
  });

  test("text constants are emptied: a reference inside text is no reference", () => {
    expect(relativeForm('IF(D5>0,"see D5","")', 6, 4)).toBe('IF(R[-1]C[0]>0,"","")');
  });

  test("typed numbers: not 0 or 1, not inside references, names, text or row ranges", () => {
    expect(typedNumbers("D5*158+LOG10(Q1Total)")).toEqual([158]);
    expect(typedNumbers('IF(G4="12",1,0)+SUM(4:4)')).toEqual([]);
    expect(typedNumbers("A1*1.5E+3")).toEqual([1500]);
  });
});
