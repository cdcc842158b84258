/**
 * VBP.WITHHOLD_EARNED's ladders, through its adapter as Excel passes ranges (blank cells as ""):
 * a row per measure of threshold and share-earned pairs, a blank row scoring the measure on its
 * target, and bad ladders refused with #VALUE! naming the cell.
 */
import { withholdEarnedOf } from "../../src/functions/contractFunctions";
import { excelErrorOf, installStandIn } from "./standIn";

installStandIn();

const VALUES = [[0.78], [0.65], [0.92], [0.97]];
const TARGETS = [[0.75], [0.7], [0.9], [0.95]];
const WEIGHTS = [[0.4], [0.2], [0.2], [0.2]];
const GATE = ["", "", "", ""];
const earned = (ladders: unknown, directions: unknown = null, values: unknown = VALUES) =>
  withholdEarnedOf(20000, values, TARGETS, WEIGHTS, directions, ladders);

test("omitted or blank, every measure is scored on its target (7-day follow-up missed: 80%)", () => {
  expect(earned(null)).toBe(16000);
  expect(earned([GATE, GATE, GATE, GATE])).toBe(16000);
});

test("a ladder earns the share of the best step met: half from 60%, all from 70%", () => {
  const followUp = (value: number) => [[0.78], [value], [0.92], [0.97]];
  const ladders = [GATE, [0.6, 0.5, 0.7, 1], GATE, GATE];
  expect(earned(ladders, null, followUp(0.55))).toBe(16000);
  expect(earned(ladders, null, followUp(0.65))).toBe(18000);
  expect(earned(ladders, null, followUp(0.7))).toBe(20000);
  // Steps in any order; a ladder of one step beside blank trailing cells.
  expect(earned([GATE, [0.7, 1, 0.6, 0.5], GATE, GATE], null, followUp(0.65))).toBe(18000);
  expect(earned([GATE, [0.6, 0.5, "", ""], GATE, GATE], null, followUp(0.99))).toBe(18000);
});

test("an atMost measure's steps are at-most thresholds", () => {
  const ladders = [[0.1, 1, 0.2, 0.5], GATE];
  const noShows = (value: number) =>
    withholdEarnedOf(
      10000,
      [[value], [0.95]],
      [[0.1], [0.9]],
      [[0.5], [0.5]],
      [["atMost"], ["atLeast"]],
      ladders,
    );
  expect(noShows(0.08)).toBe(10000);
  expect(noShows(0.15)).toBe(7500);
  expect(noShows(0.25)).toBe(5000);
});

test("bad ladders are #VALUE! saying what and where", () => {
  expect(excelErrorOf(() => earned([GATE, GATE]))).toEqual({
    code: "#VALUE!",
    message: "ladders has 2 rows but there are 4 measures; give one row per measure (blank for a gate).",
  });
  expect(excelErrorOf(() => earned([[0.6], [""], [""], [""]]))).toEqual({
    code: "#VALUE!",
    message: "ladders has 1 columns; give two per step: the threshold, then the share earned there.",
  });
  expect(excelErrorOf(() => earned([GATE, ["", 0.5, 0.7, 1], GATE, GATE])).message).toBe(
    "ladders has a blank cell at row 2, column 1; give each step its threshold.",
  );
  expect(excelErrorOf(() => earned([GATE, ["", "", 0.6, 1.5], GATE, GATE])).message).toBe(
    "ladders has a blank cell at row 2, column 1; give each step its threshold.",
  );
  expect(excelErrorOf(() => earned([GATE, [0.5, 0.2, 0.6, 1.5], GATE, GATE])).message).toBe(
    "ladders row 2, column 4 is 150%; a share cannot exceed 100%. If you meant 1.5%, enter 1.5% or 0.015.",
  );
});
