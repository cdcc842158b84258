/**
 * Settlement from history: the Settlement sheet's closed-cases table planned from the analysed
 * episodes, each costed by the core's episodeCost (the amount, else hours × the workbook's cost of
 * an hour, said which), the non-blank cells it replaces told, and what it cannot do refused in words.
 */
import type { EpisodeSummary } from "../../src/core/history/episodeSummary";
import { planSettlementCases } from "../../src/taskpane/history/settlementPlan";
import { specLookup } from "../../src/taskpane/history/specCells";
import { CASE_ROWS } from "../../src/workbook/contract/settlementSheet";
import { ILLUSTRATIVE_ACTUALS, ILLUSTRATIVE_COST_PER_HOUR } from "../../src/workbook/contract/example";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";

const episode = (level: string, hours: number, amount?: number): EpisodeSummary => ({
  clientId: "1",
  level,
  episodeStart: 20_000,
  services: 2,
  hours,
  ...(amount === undefined ? {} : { amount }),
});
const episodes = [episode("B", 30, 4500.25), episode("A", 2.5, 300), episode("D", 100, 16_000)];

const example = specLookup(describeStarterWorkbook(starterOptions({ example: true })));
const blank = specLookup(describeStarterWorkbook(starterOptions({})));

describe("the Settlement sheet's closed cases from the history's episodes", () => {
  test("with amounts: each case its episode's level and amount, the rest of the table and the paid column blank", () => {
    const plan = planSettlementCases(blank, episodes, true);
    const [levels, costs, paid] = plan.columns;
    expect(plan.columns.map((c) => [c.sheet, c.values.length])).toEqual([
      ["Settlement", CASE_ROWS],
      ["Settlement", CASE_ROWS],
      ["Settlement", CASE_ROWS],
    ]);
    expect(levels.values.slice(0, 4)).toEqual(["B", "A", "D", null]);
    expect(costs.values.slice(0, 4)).toEqual([4500.25, 300, 16_000, null]);
    expect(paid.values.every((value) => value === null)).toBe(true);
    expect(levels.address).toBe(
      `${blank("CaseLevels")!.cells[0].address}:${blank("CaseLevels")!.cells.at(-1)!.address}`,
    );
    expect(plan.costBasis).toBe(
      "each case's cost is its episode's amount, the dollars paid for its services (the extract has amounts).",
    );
    expect(plan.where).toMatch(
      /^3 closed cases, one per episode, into Settlement!D\d+:E\d+ \(level and cost of care\) of the table's 400 rows/,
    );
    // A blank starter's table is empty: nothing is overwritten.
    expect(plan.overwrites).toBe("");
  });

  test("over the example's cases: how many non-blank cells are overwritten or cleared is said", () => {
    const plan = planSettlementCases(example, episodes, true);
    // The example's cases fill level and cost of a row each.
    expect(plan.overwrites).toMatch(
      new RegExp(
        `^${ILLUSTRATIVE_ACTUALS.cases.length * 2} cells that are not blank will be overwritten or cleared: Settlement!D\\d+, `,
      ),
    );
  });

  test("without amounts: hours × the Contract's cost of care per hour, and said so", () => {
    const plan = planSettlementCases(example, [episode("B", 30), episode("C", 12.5)], false);
    expect(plan.columns[1].values.slice(0, 3)).toEqual([
      30 * ILLUSTRATIVE_COST_PER_HOUR,
      12.5 * ILLUSTRATIVE_COST_PER_HOUR,
      null,
    ]);
    expect(plan.costBasis).toBe(
      "each case's cost is its episode's hours × $103.45, the Contract's cost of care per hour (the extract has no amounts).",
    );
  });

  test("without amounts and no Contract cost per hour: each level's rate per hour on Risk, and said so", () => {
    const rates = example("RiskLevelRates")!.cells.map((cell) => cell.value as number);
    const noContractCost = (name: string) =>
      name === "ContractCostPerHour"
        ? { sheet: "Contract", cells: [{ address: "D54", value: null, text: "" }] }
        : example(name);
    const plan = planSettlementCases(noContractCost, [episode("B", 30), episode("D", 2)], false);
    expect(plan.columns[1].values.slice(0, 2)).toEqual([30 * rates[1], 2 * rates[3]]);
    expect(plan.costBasis).toMatch(
      /^each case's cost is its episode's hours × its level's rate per hour on Risk \(A \$[\d.,]+, B \$[\d.,]+, C \$[\d.,]+, D \$[\d.,]+\), the Contract's cost of care per hour being blank \(the extract has no amounts\)\.$/,
    );
  });

  test("without amounts and no cost of an hour in the workbook: refused in words", () => {
    expect(() => planSettlementCases(blank, [episode("B", 30)], false)).toThrow(
      "the extract has no amounts and the workbook has no cost of care per hour for level A (the Contract's cost of care per hour is blank, and the level's rate per hour on Risk is blank or $0.00): give one, then fill again.",
    );
  });

  test("more episodes than the table's rows: refused, saying how many of each", () => {
    const many = Array.from({ length: CASE_ROWS + 1 }, () => episode("A", 1, 100));
    expect(() => planSettlementCases(blank, many, true)).toThrow(
      "the history has 401 episodes and the Settlement sheet's closed-cases table has 400 rows: it cannot hold them all, so nothing was filled (settle a year this size with case-rate contract --episodes).",
    );
  });

  test("an episode at a level the workbook has not: refused; a workbook without the table: refused", () => {
    expect(() => planSettlementCases(blank, [episode("E", 1, 100)], true)).toThrow(
      "an episode's level of care, \"E\", is not among the workbook's levels (A, B, C, D): build the starter workbook with the history's levels first.",
    );
    expect(() => planSettlementCases(() => undefined, episodes, true)).toThrow(
      "this workbook has no Settlement sheet's closed-cases table (no CaseLevels and CaseCosts names): build the starter workbook first (Build), then fill it.",
    );
  });
});
