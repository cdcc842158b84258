import { calculateWorkbook } from "../../src/workbook/calc";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { HISTORY_VARIANT } from "../helpers/starterVariants";
import { textFitDefects } from "./textFit";

const CUSTOM_LEVELS = [
  { id: "Low", name: "Low need" },
  { id: "Mid", name: "Middle" },
  { id: "High", name: "High need" },
];

/** Every variant the starter writes: payor or provider, example or blank, the toolkit's or custom levels. */
const VARIANTS = [
  ["payor, example", { example: true }],
  ["payor, blank", { example: false }],
  ["payor, custom levels", { levels: CUSTOM_LEVELS }],
  ["provider, example", { example: true, provider: true }],
  ["provider, blank", { provider: true }],
  ["provider, custom levels", { provider: true, levels: CUSTOM_LEVELS }],
  ["payor, from an encounter history", HISTORY_VARIANT],
  ["provider, from an encounter history", { ...HISTORY_VARIANT, provider: true }],
] as const;

describe.each(VARIANTS)("every cell's text fits where it is drawn (%s)", (_label, choice) => {
  test("no text cut off, no number too wide, no wrapped text taller than its row", () => {
    const spec = describeStarterWorkbook(starterOptions(choice));
    expect(textFitDefects(spec, calculateWorkbook(spec))).toEqual([]);
  });
});
