import { decimalText, describeNumber, fixedDecimals, groupThousands } from "../../src/core/format";
import { formatNumber } from "../../src/workbook/numberFormat";

describe("the one rounding: half away from zero on the decimal JavaScript prints", () => {
  test.each([
    [177727.49999999997, 0, "177727"],
    [-177727.50000000015, 0, "-177728"],
    [1.005, 2, "1.01"],
    [2.675, 2, "2.68"],
    [0.3549999999999999, 2, "0.35"],
    [0.125, 2, "0.13"],
    [0.5, 0, "1"],
    [-0.5, 0, "-1"],
    [12689.6, 2, "12689.60"],
    [0.00005, 4, "0.0001"],
    [1e-7, 2, "0.00"],
    [-0.001, 0, "0"],
    [999.5, 0, "1000"],
    [1.5e21, 0, "1500000000000000000000"],
  ])("fixedDecimals(%p, %p) is %p", (value, decimals, text) => {
    expect(fixedDecimals(value, decimals)).toBe(text);
  });

  test("what is not a number stays as JavaScript writes it", () => {
    expect(fixedDecimals(Number.NaN, 2)).toBe("NaN");
    expect(fixedDecimals(-Infinity, 0)).toBe("-Infinity");
  });
});

describe("the one thousands grouping", () => {
  test.each([
    ["24030535", "24,030,535"],
    ["-24030535.585", "-24,030,535.585"],
    ["999", "999"],
    ["1000.0001", "1,000.0001"],
    ["0.12345", "0.12345"],
  ])("groupThousands(%p) is %p", (written, grouped) => {
    expect(groupThousands(written)).toBe(grouped);
  });

  test("decimalText keeps between min and max decimals", () => {
    expect(decimalText(24030534.585, { max: 2 })).toBe("24,030,534.59");
    expect(decimalText(158.61739, { max: 7, min: 2 })).toBe("158.61739");
    expect(decimalText(158.6, { max: 7, min: 2 })).toBe("158.60");
    expect(decimalText(0.1 + 0.2, { max: 4 })).toBe("0.3");
    expect(decimalText(1110, { max: 4, grouping: false })).toBe("1110");
  });
});

describe("messages keep their wording", () => {
  test.each([
    [0.97, "0.97"],
    [97.00000000000001, "97"],
    [33.333333, "33.3333"],
    [-0.00001, "-0.00001"], // a number 4 decimals would show as 0 keeps its digits (issue 10)
    [-1e-300, "-1e-300"],
    [1234567.891, "1234567.891"],
    [1e21, "1e+21"],
  ])("describeNumber(%p) is %p", (value, text) => {
    expect(describeNumber(value)).toBe(text);
  });
});

describe("a number under an Excel number format", () => {
  test.each([
    [177727.49999999997, '"$"#,##0', "$177,727"],
    [-177727.50000000015, '"$"#,##0', "-$177,728"],
    [24030534.585, '"$"#,##0', "$24,030,535"],
    [158.61739, '"$"#,##0.00', "$158.62"],
    [0.33333, "0.0%", "33.3%"],
    [1.005, "0.0%", "100.5%"],
    [0.0001, "0.00%", "0.01%"],
    [-0.0001, "#,##0", "0"],
    [80.25, "#,##0.0", "80.3"],
    [1 / 3, "General", "0.3333333333"],
  ])("%p under %s is %p", (value, code, text) => {
    expect(formatNumber(value, code)).toBe(text);
  });
});
