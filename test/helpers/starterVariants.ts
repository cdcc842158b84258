/**
 * The starter's variants that the engine comparisons run over (the example, blank, custom levels,
 * the provider model), and how a calculated value is compared with what LibreOffice recalculated.
 */
import { type CellValue, ExcelError } from "../../src/workbook/calc";
import { type StarterOptions, starterOptionsOfHistory } from "../../src/workbook/starter";
import type { CellResult } from "../../src/workbook/xlsx/readXlsx";
import { HISTORY_VARIANT_MODEL, HISTORY_VARIANT_SOURCE } from "./historyVariant";

/** The starter's options from a small encounter history (its levels, inputs and History sheet). */
export const HISTORY_VARIANT: Partial<StarterOptions> = starterOptionsOfHistory(
  HISTORY_VARIANT_MODEL,
  HISTORY_VARIANT_SOURCE,
);

/** Each variant's label and the starter options that make it. */
export const STARTER_VARIANTS: [string, Partial<StarterOptions>][] = [
  ["the example (Medium)", { example: true }],
  ["the example driven by High", { example: true, scenario: "High" }],
  ["a blank workbook", { example: false }],
  ["the example with the provider model", { example: true, provider: true }],
  ["a blank workbook with the provider model, High", { example: false, provider: true, scenario: "High" }],
  [
    "three custom levels, Low",
    {
      example: false,
      scenario: "Low",
      levels: [
        { id: "X", name: "Crisis" },
        { id: "Y", name: "Outpatient" },
        { id: "Z", name: "Intensive" },
      ],
    },
  ],
  ["from an encounter history", HISTORY_VARIANT],
  [
    "from an encounter history with the provider model, High",
    { ...HISTORY_VARIANT, provider: true, scenario: "High" },
  ],
];

/** True when a calculated value is what the engine read back: numbers to 1e-9 relative, else exactly. */
export function sameAsEngine(calculated: CellValue, engine: CellResult): boolean {
  if (calculated instanceof ExcelError)
    return typeof engine === "object" && engine?.error === calculated.code;
  if (typeof calculated === "number" && typeof engine === "number")
    return Math.abs(calculated - engine) <= 1e-9 * Math.max(1, Math.abs(engine));
  // LibreOffice reads back a formula's empty-text result as null.
  if (calculated === "" && engine === null) return true;
  return calculated === engine;
}
