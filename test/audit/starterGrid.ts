import {
  type AuditCell,
  type AuditGrid,
  type AuditValue,
  type CellRef,
  cellsOfRange,
  gridOf,
  locateFields,
  parseReference,
  type FieldLocations,
} from "../../src/audit";
import { computeRateModel } from "../../src/core";
import { TOOLKIT_RATE_MODEL, TOOLKIT_RATE_PER_HOUR, WORKED_EXAMPLE } from "../../src/core/toolkit/example";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";

/**
 * The starter workbook's named cells as a grid, with values as Excel would show them after the
 * audit put the example in: for the audit's verdicts without a spreadsheet engine.
 */
const spec = describeStarterWorkbook(starterOptions({ example: true }));
export const STARTER_NAMES = new Map<string, CellRef[]>(
  spec.names.map((n) => {
    const parsed = parseReference(n.reference);
    if (!parsed || parsed.kind !== "range") throw new Error(n.reference);
    return [n.name, cellsOfRange(parsed.sheet, parsed.range)];
  }),
);

/** Values of the starter's outputs when the rate per hour is `rate`. */
export function outputsAt(rate: number): Record<string, number[]> {
  const core = computeRateModel({ ...TOOLKIT_RATE_MODEL, ratePerHour: rate });
  const payor = WORKED_EXAMPLE.payor;
  return {
    Enrollees: [payor.step1_population.medicaid_enrollees],
    PenetrationRates: payor.step2_penetration.scenarios.map((s) => s.rate),
    CaseMix: core.levels.map((l) => l.caseMix),
    AverageHours: core.levels.map((l) => l.averageHours),
    MinimumHours: Object.values(payor.step5_hours_per_episode).map((h) => h.min),
    MaximumHours: Object.values(payor.step5_hours_per_episode).map((h) => h.max),
    RatePerHour: [rate],
    MonthsPerYear: [12],
    ScenarioCases: payor.step2_penetration.scenarios.map(
      (s) => payor.step1_population.medicaid_enrollees * s.rate,
    ),
    TotalCases: [core.totalCases],
    LevelCases: core.levels.map((l) => l.cases),
    CaseRates: core.levels.map((l) => l.caseRate),
    LevelBudgets: core.levels.map((l) => l.totalCost),
    TotalBudget: [core.totalBudget],
    PMPM: [core.pmpm],
  };
}

const OUTPUTS = new Set([
  "ScenarioCases",
  "TotalCases",
  "LevelCases",
  "CaseRates",
  "LevelBudgets",
  "TotalBudget",
  "PMPM",
]);

/** A grid of the starter's named cells: outputs as formulas, with the given values. */
export function starterGrid(
  changes: Record<string, AuditValue[]> = {},
  options: { constants?: readonly string[]; rate?: number } = {},
): { grid: AuditGrid; locations: FieldLocations } {
  const values: Record<string, AuditValue[]> = {
    ...outputsAt(options.rate ?? TOOLKIT_RATE_PER_HOUR),
    Scenario: ["Medium"],
    ...changes,
  };
  const cells: AuditCell[] = [];
  for (const [name, vs] of Object.entries(values)) {
    STARTER_NAMES.get(name)!.forEach((ref, i) => {
      const formula = OUTPUTS.has(name) && !(options.constants ?? []).includes(`${name}[${i}]`);
      cells.push({ ...ref, value: vs[i], ...(formula ? { formula: `${name}_${i}` } : {}) });
    });
  }
  const sheets = [...new Set([...STARTER_NAMES.values()].flatMap((refs) => refs.map((r) => r.sheet)))];
  const grid = gridOf(sheets, cells, STARTER_NAMES);
  return { grid, locations: locateFields({}, sheets, (name) => STARTER_NAMES.get(name)) };
}
