/** excelRound matches Excel's ROUND: half away from zero, after trimming binary noise to 15 digits. */
import fc from "fast-check";
import { excelRound } from "../../src/core/round";

describe("excelRound matches Excel's ROUND", () => {
  test.each([
    // [value, digits, Excel's ROUND]
    [1.005, 2, 1.01], // stored as 1.00499999999999989…; Excel still gives 1.01
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.5, 0, 2],
    [0.125, 2, 0.13],
    [2.675, 2, 2.68], // JavaScript's toFixed gives 2.67
    [1.255, 2, 1.26],
    [-1.255, 2, -1.26],
    [8.345, 2, 8.35],
    [0.285, 2, 0.29],
    [1.45, 1, 1.5],
    [999.5, 0, 1000],
    [0.1 + 0.2, 15, 0.3],
    [1234.5678, 2, 1234.57],
    [1234.5678, 0, 1235],
    [1234.5678, -1, 1230],
    [1234.5678, -2, 1200],
    [1234.5678, -3, 1000],
    [1234.5678, -4, 0],
    [1250, -2, 1300],
    [-1250, -2, -1300],
    [1234.5, -1, 1230],
    [123.456, -5, 0],
    [0.000123456789, 10, 0.0001234568],
    [158.61739, 2, 158.62],
    [12689.6, 0, 12690],
    [12562497.505, 0, 12562498],
    [24030534.585, 0, 24030535],
  ])("ROUND(%p, %p) = %p", (value, digits, expected) => {
    expect(excelRound(value, digits)).toBe(expected);
  });

  test("digits default to 0: ROUND(2.5) = 3", () => {
    expect(excelRound(2.5)).toBe(3);
    expect(excelRound(-2.4)).toBe(-2);
  });

  test("fractional digits are truncated as Excel does: ROUND(1.2345, 2.9) = 1.23, ROUND(1234, -1.5) = 1230", () => {
    expect(excelRound(1.2345, 2.9)).toBe(1.23);
    expect(excelRound(1234, -1.5)).toBe(1230);
  });

  test("ROUND(-0.0001, 2) is 0, not -0 (Excel has no negative zero)", () => {
    expect(Object.is(excelRound(-0.0001, 2), 0)).toBe(true);
    expect(Object.is(excelRound(-0.4, 0), 0)).toBe(true);
    expect(Object.is(excelRound(-0, 0), 0)).toBe(true);
    expect(Object.is(excelRound(-1e-320, 2), 0)).toBe(true);
  });

  test("zero and values too small to reach the digit round to 0", () => {
    expect(excelRound(0, 2)).toBe(0);
    expect(excelRound(5e-324, 0)).toBe(0);
    expect(excelRound(0.004999, 2)).toBe(0);
  });

  test("large values: ROUND(1E+20, 2) = 1E+20, ROUND(123456789012345.6, 0) = 123456789012346", () => {
    expect(excelRound(1e20, 2)).toBe(1e20);
    expect(excelRound(-1e20, 2)).toBe(-1e20);
    expect(excelRound(123456789012345.6, 0)).toBe(123456789012346);
    expect(excelRound(987654321.987654, 3)).toBe(987654321.988);
  });

  test("large values stay finite: ROUND(1E+300, 10) = 1E+300 and ROUND(9.99999999999999E+307, 2) is itself", () => {
    expect(excelRound(1e300, 10)).toBe(1e300);
    expect(excelRound(-1e300, 10)).toBe(-1e300);
    expect(excelRound(9.99999999999999e307, 2)).toBe(9.99999999999999e307);
    expect(Number.isFinite(excelRound(Number.MAX_VALUE, 0))).toBe(true);
  });

  test("large values with negative digits: ROUND(1E+300, -2) = 1E+300, ROUND(1.23456E+20, -18) = 1.23E+20", () => {
    expect(excelRound(1e300, -2)).toBe(1e300);
    expect(excelRound(1.23456e20, -18)).toBe(1.23e20);
  });

  test("absurd digit counts still give finite results: ROUND(5, -400) = 0, ROUND(1.5, 400) = 1.5", () => {
    expect(excelRound(5, -400)).toBe(0);
    expect(excelRound(1.5, 400)).toBe(1.5);
  });

  test("non-finite values pass through: NaN, Infinity, -Infinity", () => {
    expect(excelRound(Number.NaN, 2)).toBeNaN();
    expect(excelRound(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(excelRound(Number.NEGATIVE_INFINITY, 0)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("excelRound properties", () => {
  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true });
  const digits = fc.integer({ min: -3, max: 6 });

  test("it is odd: ROUND(-x, d) = -ROUND(x, d)", () => {
    fc.assert(
      fc.property(value, digits, (x, d) => {
        expect(excelRound(-x, d)).toBe(-excelRound(x, d) + 0);
      }),
      { numRuns: 300 },
    );
  });

  test("it moves a value by at most half a unit of the last digit (plus the 15-digit trim)", () => {
    fc.assert(
      fc.property(value, digits, (x, d) => {
        const rounded = excelRound(x, d);
        expect(Math.abs(rounded - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + Math.abs(x) * 1e-14);
      }),
      { numRuns: 300 },
    );
  });

  test("it is idempotent: rounding a rounded value changes nothing", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), (x, d) => {
        const once = excelRound(x, d);
        expect(excelRound(once, d)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  test("a finite value never rounds to a non-finite one", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: -20, max: 20 }),
        (x, d) => {
          expect(Number.isFinite(excelRound(x, d))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
