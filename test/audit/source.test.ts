import { CONSISTENT_RATES, figuresMissedBy, intervalText, PRINTED_RATE, sourceNotes } from "../../src/audit";
import { reproducesPrinted } from "../../src/core";
import { TOOLKIT_RATE_FIGURES, TOOLKIT_RATE_PER_HOUR } from "../../src/core/toolkit/example";

describe("source notes: the toolkit's own figures", () => {
  const notes = new Map(sourceNotes().map((n) => [n.id, n.note]));

  test("the rates shown as reproducing every printed figure all do, and the plainest is inside them", () => {
    const match = /^\$(\d+\.\d+) to \$(\d+\.\d+)$/.exec(intervalText())!;
    const [low, high] = [Number(match[1]), Number(match[2])];
    expect(low).toBeGreaterThanOrEqual(CONSISTENT_RATES.low);
    expect(high).toBeLessThan(CONSISTENT_RATES.high);
    for (const rate of [low, high, TOOLKIT_RATE_PER_HOUR]) {
      expect(TOOLKIT_RATE_FIGURES.every((figure) => reproducesPrinted(rate, figure))).toBe(true);
    }
    expect(intervalText()).toBe("$158.617390 to $158.617392");
  });

  test("the printed $158.62 misses six of the nine figures it drives", () => {
    expect(figuresMissedBy(PRINTED_RATE).map((f) => f.label)).toEqual([
      "case rate of level C",
      "total costs of level A",
      "total costs of level B",
      "total costs of level C",
      "total costs of level D",
      "total budget",
    ]);
    expect(notes.get("step6.ratePerHour")).toBe(
      "The printed $158.62 reproduces only 3 of the 9 step 7 figures it drives (it misses the case rate of level C, the total costs of levels A, B, C and D and the total budget): the toolkit computed with an unrounded rate, and any rate from $158.617390 to $158.617392 reproduces every printed figure.",
    );
  });

  test("the printed total is $1 more than its printed rows", () => {
    expect(notes.get("step7.budget.total")).toBe(
      "The printed total, $24,030,535, is $1 more than the sum of its printed rows, $24,030,534: each row was rounded on its own.",
    );
  });

  test("the prose's 27% for level B is a typo: only the table's 37% makes 100%", () => {
    expect(notes.get("step4.mix.B")).toBe(
      `Step 4's prose gives level B 27% ("27% at a low-medium level of care") where the table prints 37%: the table's shares sum to 100%, the prose's to 90%; only the table's reach 100%, so the prose has a typo.`,
    );
  });

  test("the Level B cohorts: clients, weighted average, and the 100 vs 110 hours", () => {
    expect(notes.get("cohorts.B.averageHours")).toBe(
      "The Level B cohorts' 1,110 clients match Level B's 1,110 cases; their weighted average, 33,442 ÷ 1,110 = 30.13 hours, prints as the published 30.1 (step 5 uses 30).",
    );
    expect(notes.get("cohorts.B.hours")).toBe(
      `The cohorts' prose says "51-100 hours" and "between 4 hours and 100 hours", but the table's hours run from 4 to 110, above step 5's Level B maximum of 100.`,
    );
  });
});
