/**
 * The rate model's and the level list's errors name their inputs by id (and which level by entry),
 * in the same words as before, so an adapter can name them its own way (issue 11).
 */
import { CaseRateInputError, computeRateModel, field, type RateModel } from "../../src/core";
import { TOOLKIT_RATE_MODEL } from "../../src/core/toolkit/example";
import { requireUniqueIds } from "../../src/core/validate";

/** The error `call` raises, or a failed test. */
function raised(call: () => unknown): CaseRateInputError {
  try {
    call();
  } catch (error) {
    if (error instanceof CaseRateInputError) return error;
    throw error;
  }
  throw new Error("expected a CaseRateInputError");
}

/** The toolkit's model with level `index` changed. */
function withLevel(index: number, change: object): RateModel {
  const levels = TOOLKIT_RATE_MODEL.levels.map((level, i) => (i === index ? { ...level, ...change } : level));
  return { ...TOOLKIT_RATE_MODEL, levels };
}

const PROVIDER = { consumers: 1000, directHoursPerFte: 992.64 };

describe("computeRateModel names its inputs by id", () => {
  test("the model's rate per hour", () => {
    const error = raised(() => computeRateModel({ ...TOOLKIT_RATE_MODEL, ratePerHour: -1 }));
    expect(error.fieldRef).toEqual({ id: "ratePerHour", label: "rate per hour" });
    expect(error.message).toBe("rate per hour is -1; it cannot be negative.");
  });

  test("a level's own rate per hour and its average hours, with the level's index", () => {
    const rate = raised(() => computeRateModel(withLevel(2, { ratePerHour: -165 })));
    expect(rate.fieldRef).toEqual({
      id: "ratePerHour",
      label: "rate per hour",
      entry: { index: 2, says: "for level C" },
    });
    expect(rate.message).toBe("rate per hour for level C is -165; it cannot be negative.");
    const hours = raised(() => computeRateModel(withLevel(1, { averageHours: -5 })));
    expect(hours.fieldRef?.id).toBe("averageHours");
    expect(hours.fieldRef?.entry?.index).toBe(1);
    expect(hours.messageNaming((f) => `<${f.id}@${f.entry?.index}>`)).toBe(
      "<averageHours@1> is -5; it cannot be negative.",
    );
  });

  test("the provider's consumers and its own case mix, apart from the payor's", () => {
    const consumers = raised(() =>
      computeRateModel({ ...TOOLKIT_RATE_MODEL, provider: { ...PROVIDER, consumers: -1 } }),
    );
    expect(consumers.fieldRef).toEqual({ id: "consumers", label: "provider consumers" });
    expect(consumers.message).toBe("provider consumers is -1; it cannot be negative.");
    const caseMix = { A: 0.2, B: 1.37, C: 0.33, D: 0.1 };
    const share = raised(() =>
      computeRateModel({ ...TOOLKIT_RATE_MODEL, provider: { ...PROVIDER, caseMix } }),
    );
    expect(share.fieldRef).toEqual({
      id: "providerCaseMix",
      label: "provider case mix",
      entry: { index: 1, says: "for level B" },
    });
  });
});

describe("requireUniqueIds names the level at fault when its field has an id", () => {
  test("the repeat and the blank id by entry; the message names the list", () => {
    const twice = raised(() => requireUniqueIds(field("levels"), ["A", "B", "A"]));
    expect(twice.fieldRef?.entry?.index).toBe(2);
    expect(twice.message).toBe('levels of care lists level "A" twice; each level id must be unique.');
    const blank = raised(() => requireUniqueIds(field("levels"), ["A", " ", "C"]));
    expect(blank.fieldRef?.entry?.index).toBe(1);
    expect(blank.problem).toBe("blank");
  });

  test("a field named in words keeps its name as given", () => {
    const error = raised(() => requireUniqueIds("levels", ["A", "A"]));
    expect(error.field).toBe("levels");
    expect(error.fieldRef).toBeUndefined();
  });
});
