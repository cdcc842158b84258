/** The conversion helpers between Excel's arguments and the core, without Excel. */
import { CaseRateInputError } from "../../src/core/errors";
import {
  describeShape,
  gridArg,
  isBlank,
  listArg,
  matchingArg,
  optionalBooleanArg,
  optionalNumberArg,
  reshape,
} from "../../src/functions/excelArgs";
import { entryOf, field } from "../../src/core/fields";
import { argumentNamer, excelCall, toExcelError } from "../../src/functions/excelErrors";
import { installStandIn, StandInError } from "./standIn";

describe("excelArgs", () => {
  test("a single cell, a row and a column keep their shape", () => {
    expect(gridArg("x", [[5]])).toEqual({ values: [5], shape: { rows: 1, columns: 1 } });
    expect(gridArg("x", [[1, 2, 3]])).toEqual({ values: [1, 2, 3], shape: { rows: 1, columns: 3 } });
    expect(gridArg("x", [[1], [2]])).toEqual({ values: [1, 2], shape: { rows: 2, columns: 1 } });
    expect(
      gridArg("x", [
        [1, 2],
        [3, 4],
      ]).values,
    ).toEqual([1, 2, 3, 4]);
    // A bare number (a caller outside Excel) is one cell.
    expect(gridArg("x", 7)).toEqual({ values: [7], shape: { rows: 1, columns: 1 } });
  });

  test("reshape lays values out in the input's orientation", () => {
    expect(reshape([1, 2, 3], { rows: 3, columns: 1 })).toEqual([[1], [2], [3]]);
    expect(reshape([1, 2, 3], { rows: 1, columns: 3 })).toEqual([[1, 2, 3]]);
    expect(reshape([1, 2, 3, 4], { rows: 2, columns: 2 })).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(() => reshape([1, 2], { rows: 3, columns: 1 })).toThrow(RangeError);
  });

  test("blank is null, undefined or the empty string; 0 and FALSE are not blank", () => {
    expect([null, undefined, ""].every(isBlank)).toBe(true);
    expect([0, false, " "].some(isBlank)).toBe(false);
  });

  test("describeShape", () => {
    expect(describeShape({ rows: 1, columns: 1 })).toBe("1 row × 1 column");
    expect(describeShape({ rows: 4, columns: 2 })).toBe("4 rows × 2 columns");
  });

  test("cells that are not numbers are refused with their position", () => {
    const messageOf = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        if (error instanceof CaseRateInputError) return `${error.problem}: ${error.message}`;
      }
      return "no error";
    };
    expect(messageOf(() => listArg("case_mix", [[0.5], [null]], "enter 0%"))).toBe(
      "blank: case_mix has a blank cell at position 2; enter 0%.",
    );
    expect(messageOf(() => listArg("x", [[1, true]]))).toBe(
      "not-a-number: x has TRUE at position 2; enter a number.",
    );
    expect(messageOf(() => listArg("x", [[Number.NaN]]))).toBe(
      "not-a-number: x must be a finite number, not NaN.",
    );
    expect(messageOf(() => gridArg("x", [[1], [2, 3]]))).toBe("wrong-type: x must be a range of cells.");
    expect(messageOf(() => gridArg("x", [[]]))).toBe("empty: x is empty; select at least one cell.");
    expect(
      messageOf(() =>
        listArg("x", [
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe("wrong-type: x is 2 rows × 2 columns; select a single row or column.");
  });

  test("matchingArg: one value for all, or one per cell in the same shape", () => {
    expect(matchingArg("rate", [[5]], "hours", { rows: 3, columns: 1 })).toBe(5);
    expect(matchingArg("rate", [[5], [6]], "hours", { rows: 2, columns: 1 })).toEqual([5, 6]);
    expect(() => matchingArg("rate", [[5, 6]], "hours", { rows: 2, columns: 1 })).toThrow(
      "rate is 1 row × 2 columns but hours is 2 rows × 1 column",
    );
  });

  test("omitted optional arguments arrive as null", () => {
    expect(optionalNumberArg("months", null)).toBeUndefined();
    expect(optionalNumberArg("months", undefined)).toBeUndefined();
    expect(optionalNumberArg("months", 6)).toBe(6);
    expect(optionalBooleanArg("detail", null)).toBe(false);
    expect(optionalBooleanArg("detail", true)).toBe(true);
    expect(optionalBooleanArg("detail", 1)).toBe(true);
    expect(optionalBooleanArg("detail", 0)).toBe(false);
  });
});

describe("excelErrors", () => {
  beforeAll(() => installStandIn());

  test("argumentNamer: a field by id gets the argument's name, its entry keeps the core's words", () => {
    const name = argumentNamer({ caseRate: "case_rates", caseMix: "case_mix" });
    expect(name(field("caseRate", "case rates"))).toBe("case_rates");
    expect(name(entryOf(field("caseRate"), 1, "for level 2"))).toBe("case_rates for level 2");
    // A field the function has no argument for keeps the core's words.
    expect(name(field("directHoursPerFte"))).toBe("direct hours per FTE");
  });

  test("messages are composed with the adapter's names, not rewritten: a renamed label cannot break them", () => {
    const mix = field("caseMix");
    const error = new CaseRateInputError(mix, "length-mismatch", (name) => `${name(mix)} has 2 values.`);
    expect(error.message).toBe("case mix has 2 values.");
    expect(error.field).toBe("case mix");
    expect(error.fieldRef).toEqual({ id: "caseMix", label: "case mix" });
    expect(error.messageNaming(argumentNamer({ caseMix: "case_mix" }))).toBe("case_mix has 2 values.");
    // Text that merely looks like a field's label is left alone ("showcase mixes").
    const odd = new CaseRateInputError(mix, "blank", (name) => `showcase mixes: ${name(mix)}`);
    expect(odd.messageNaming(argumentNamer({ caseMix: "case_mix" }))).toBe("showcase mixes: case_mix");
    // A field given as text (parse.ts's JSON paths) keeps its message as written.
    const plain = new CaseRateInputError("levels[0].caseMix", "blank", "levels[0].caseMix is missing.");
    expect(plain.fieldRef).toBeUndefined();
    expect(plain.messageNaming(() => "renamed")).toBe("levels[0].caseMix is missing.");
  });

  test("input errors become #VALUE! with the message, a zero divisor #DIV/0!, bugs pass through", () => {
    const mix = field("caseMix");
    const value = toExcelError(
      new CaseRateInputError(mix, "mix-not-100", (name) => `${name(mix)} sums to 97%, not 100%.`),
      { caseMix: "case_mix" },
    );
    expect(value).toEqual(new StandInError("#VALUE!", "case_mix sums to 97%, not 100%."));
    const div0 = toExcelError(new CaseRateInputError("enrollees", "division-by-zero", "enrollees is 0."));
    expect(div0).toEqual(new StandInError("#DIV/0!", undefined));
    const bug = new TypeError("x is undefined");
    expect(toExcelError(bug)).toBe(bug);
    expect(() => excelCall({}, () => bug.message.length)).not.toThrow();
    expect(() =>
      excelCall({}, () => {
        throw bug;
      }),
    ).toThrow(bug);
  });
});

test("the adapters load without the CustomFunctions global (it exists only in Excel)", async () => {
  const global = globalThis as { CustomFunctions?: unknown };
  const saved = global.CustomFunctions;
  delete global.CustomFunctions;
  try {
    await jest.isolateModulesAsync(async () => {
      const functions = await import("../../src/functions/functions");
      // Valid arguments need no global either.
      expect(functions.cases(30000, 0.1)).toBeCloseTo(3000, 10);
    });
  } finally {
    global.CustomFunctions = saved;
  }
});
