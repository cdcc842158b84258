/**
 * Without LibreOffice: every function the workbook description uses is one the calculation
 * implements, in every starter variant, so the preview never meets a formula it cannot calculate.
 * (test/taskpane/previewCalculation.test.ts then compares the values with LibreOffice's.)
 */
import { calculateWorkbook, FUNCTIONS } from "../../src/workbook/calc";
import { tokenize } from "../../src/workbook/formula/tokenize";
import { isFormula } from "../../src/workbook/spec";
import { describeStarterWorkbook, type StarterOptions, starterOptions } from "../../src/workbook/starter";
import { MAX_LEVELS } from "../../src/workbook/starter/options";

const CUSTOM_LEVELS = Array.from({ length: MAX_LEVELS }, (_, i) => ({
  id: `L${i + 1}`,
  name: `Level ${i + 1}`,
}));

const VARIANTS: [string, Partial<StarterOptions>][] = [false, true].flatMap((provider) => {
  const who = provider ? "provider" : "payor";
  return [
    [`${who}, the example`, { provider, example: true }],
    [`${who}, blank`, { provider, example: false }],
    [
      `${who}, blank, ${MAX_LEVELS} custom levels, High`,
      { provider, levels: CUSTOM_LEVELS, scenario: "High" },
    ],
    [`${who}, blank, one custom level, Low`, { provider, levels: [CUSTOM_LEVELS[0]], scenario: "Low" }],
  ] as [string, Partial<StarterOptions>][];
});

/** The functions a description's formulas call, upper-cased. */
function functionsUsed(options: Partial<StarterOptions>): Set<string> {
  const used = new Set<string>();
  for (const sheet of describeStarterWorkbook(starterOptions(options)).sheets)
    for (const block of sheet.blocks)
      for (const row of block.rows)
        for (const content of row)
          if (isFormula(content))
            for (const token of tokenize(content.formula))
              if (token.kind === "function") used.add(token.name.toUpperCase());
  return used;
}

describe("the calculation implements every function the description uses", () => {
  test.each(VARIANTS)("%s", (_label, options) => {
    const used = functionsUsed(options);
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((name) => !(name in FUNCTIONS))).toEqual([]);
    // And calculates every formula.
    expect(calculateWorkbook(describeStarterWorkbook(starterOptions(options))).notCalculated).toEqual([]);
  });

  test("every function it implements, some variant uses (no dead function)", () => {
    const used = new Set(VARIANTS.flatMap(([, options]) => [...functionsUsed(options)]));
    expect(Object.keys(FUNCTIONS).filter((name) => !used.has(name))).toEqual([]);
  });
});
