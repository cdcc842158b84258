import { type Section } from "../modelSchema";
import { readSection, requireNumberValue } from "../modelReaders";
import type { ClosedCase, YearActuals } from "./actuals";

/** The keys of an actuals file: the year's closed cases and the measures' values. */
export const ACTUALS_KEYS = [
  { key: "about", type: "text", required: false, doc: "a note on where the figures come from; not computed" },
  {
    key: "cases",
    type: "list",
    required: true,
    doc: "the year's closed cases:",
    items: "cases",
    keys: [
      { key: "level", type: "text", required: true, doc: `its level id, e.g. "B"` },
      { key: "cost", type: "number", required: true, doc: "its cost of care in dollars" },
      {
        key: "paid",
        type: "number",
        required: false,
        doc: "what fee-for-service paid for it; default its cost",
      },
    ],
  },
  {
    key: "measures",
    type: "object",
    required: false,
    doc: `value by id, e.g. {"withinRange": 0.78}`,
  },
] as const satisfies Section;

/**
 * Reads the year's actuals ({"cases": [{"level", "cost", "paid"?}, …], "measures": {…}}) against
 * ACTUALS_KEYS; the settlement checks each case's level and amounts.
 */
export function parseActuals(value: unknown): YearActuals {
  const actuals = readSection(value, ACTUALS_KEYS, "actuals");
  const caseKeys = ACTUALS_KEYS[1].keys;
  const cases = actuals.cases.map((item, k): ClosedCase => {
    const closed = readSection(item, caseKeys, `actuals.cases[${k}]`);
    return closed.paid === undefined
      ? { level: closed.level, cost: closed.cost }
      : { level: closed.level, cost: closed.cost, paid: closed.paid };
  });
  const given = actuals.measures ?? {};
  const measures = Object.fromEntries(
    Object.keys(given).map((id) => [id, requireNumberValue(`actuals.measures.${id}`, given[id])]),
  );
  return { cases, measures };
}
