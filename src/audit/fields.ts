import { MONTHS_PER_YEAR } from "../core/pmpm";
import { TOOLKIT_RATE_PER_HOUR, WORKED_EXAMPLE } from "../core/toolkit/example";
import { count } from "./format";
import { cellsOfRange, parseReference, rangeSize, shapeOf } from "./reference";
import { AuditInputError, type CellRef, cellName } from "./types";

const payor = WORKED_EXAMPLE.payor;
const levelIds = payor.levels_of_care.map((level) => level.level) as (keyof typeof payor.step4_case_mix)[];
const cohorts = WORKED_EXAMPLE.utilization_cohorts_level_b.rows;

/** Cells the audit writes the worked example into. */
export type InputField =
  | "enrollees"
  | "penetrationRates"
  | "scenario"
  | "penetrationRate"
  | "caseMix"
  | "minimumHours"
  | "maximumHours"
  | "averageHours"
  | "levelRatesPerHour"
  | "ratePerHour"
  | "monthsPerYear"
  | "cohortClients"
  | "cohortHours";

/** Cells the audit reads once the workbook has recalculated. */
export type OutputField =
  | "scenarioCases"
  | "totalCases"
  | "levelCases"
  | "caseRates"
  | "levelBudgets"
  | "totalBudget"
  | "pmpm"
  | "cohortAverageHours";

export type AuditField = InputField | OutputField;

/**
 * Where a workbook keeps each field, for a workbook of the user's own making: a defined name or a
 * range on a sheet ("Inputs!D5", "'Case Rates'!D12:G12"). Fields left out are looked up by the
 * starter workbook's defined name.
 */
export type AuditMapping = Partial<Record<AuditField, string>>;

/** A value the audit writes: a number, text, or null to leave the cell empty. */
export type InputValue = number | string | null;

export interface FieldSpec {
  readonly field: AuditField;
  readonly kind: "input" | "output";
  /** The starter workbook's defined name for it; null where only a mapping can say. */
  readonly definedName: string | null;
  /** How many cells it spans (one per level of care, per scenario, per cohort…). */
  readonly cells: number;
  /** What it holds, for messages ("case mix, one share per level of care"). */
  readonly describe: string;
  /** For inputs: the worked example's values, cell by cell. */
  readonly example?: readonly InputValue[];
  /**
   * Inputs the audit cannot do without; outputs the starter workbook always has, so that a workbook
   * audited without a mapping fails when one is missing (with a mapping, missing outputs are left out).
   */
  readonly required?: boolean;
}

const scenarios = payor.step2_penetration.scenarios;
const drivingScenario = scenarios.find((s) => s.name === payor.step2_penetration.used_for_remainder);
const perLevel = (pick: (level: (typeof levelIds)[number]) => InputValue) => levelIds.map(pick);
const hours = payor.step5_hours_per_episode;

/** Every field the audit knows, inputs first, in the order the toolkit's steps use them. */
export const AUDIT_FIELDS: readonly FieldSpec[] = [
  {
    field: "enrollees",
    kind: "input",
    definedName: "Enrollees",
    cells: 1,
    describe: "enrollees (step 1)",
    example: [payor.step1_population.medicaid_enrollees],
    required: true,
  },
  {
    field: "penetrationRates",
    kind: "input",
    definedName: "PenetrationRates",
    cells: scenarios.length,
    describe: `penetration rates, one per scenario (${scenarios.map((s) => s.name).join(", ")})`,
    example: scenarios.map((s) => s.rate),
  },
  {
    field: "scenario",
    kind: "input",
    definedName: "Scenario",
    cells: 1,
    describe: "the scenario that drives the model",
    example: [payor.step2_penetration.used_for_remainder],
  },
  {
    field: "penetrationRate",
    kind: "input",
    definedName: null,
    cells: 1,
    describe: "the penetration rate, where a workbook has one rather than scenarios",
    example: [drivingScenario?.rate ?? null],
  },
  {
    field: "caseMix",
    kind: "input",
    definedName: "CaseMix",
    cells: levelIds.length,
    describe: "case mix, one share per level of care",
    example: perLevel((level) => payor.step4_case_mix[level]),
    required: true,
  },
  {
    field: "minimumHours",
    kind: "input",
    definedName: "MinimumHours",
    cells: levelIds.length,
    describe: "minimum hours, one per level of care",
    example: perLevel((level) => hours[level].min),
  },
  {
    field: "maximumHours",
    kind: "input",
    definedName: "MaximumHours",
    cells: levelIds.length,
    describe: "maximum hours, one per level of care",
    example: perLevel((level) => hours[level].max),
  },
  {
    field: "averageHours",
    kind: "input",
    definedName: "AverageHours",
    cells: levelIds.length,
    describe: "average hours, one per level of care",
    example: perLevel((level) => hours[level].average),
    required: true,
  },
  {
    field: "levelRatesPerHour",
    kind: "input",
    definedName: "LevelRatesPerHour",
    cells: levelIds.length,
    describe: "a rate per hour of each level's own (the example has none: left empty)",
    example: perLevel(() => null),
  },
  {
    field: "ratePerHour",
    kind: "input",
    definedName: "RatePerHour",
    cells: 1,
    describe: "the rate per hour (step 6)",
    example: [TOOLKIT_RATE_PER_HOUR],
    required: true,
  },
  {
    field: "monthsPerYear",
    kind: "input",
    definedName: "MonthsPerYear",
    cells: 1,
    describe: "months per year, for PMPM",
    example: [MONTHS_PER_YEAR],
  },
  {
    field: "cohortClients",
    kind: "input",
    definedName: "CohortClients",
    cells: cohorts.length,
    describe: "clients of each Level B utilization cohort",
    example: cohorts.map((c) => c.clients),
  },
  {
    field: "cohortHours",
    kind: "input",
    definedName: "CohortHours",
    cells: cohorts.length,
    describe: "average hours of each Level B utilization cohort",
    example: cohorts.map((c) => c.average_hours),
  },
  {
    field: "scenarioCases",
    kind: "output",
    definedName: "ScenarioCases",
    cells: scenarios.length,
    describe: "cases under each penetration scenario",
    required: true,
  },
  {
    field: "totalCases",
    kind: "output",
    definedName: "TotalCases",
    cells: 1,
    describe: "total cases",
    required: true,
  },
  {
    field: "levelCases",
    kind: "output",
    definedName: "LevelCases",
    cells: levelIds.length,
    describe: "cases at each level of care",
    required: true,
  },
  {
    field: "caseRates",
    kind: "output",
    definedName: "CaseRates",
    cells: levelIds.length,
    describe: "the case rate of each level of care",
    required: true,
  },
  {
    field: "levelBudgets",
    kind: "output",
    definedName: "LevelBudgets",
    cells: levelIds.length,
    describe: "total costs of each level of care",
    required: true,
  },
  {
    field: "totalBudget",
    kind: "output",
    definedName: "TotalBudget",
    cells: 1,
    describe: "the total budget",
    required: true,
  },
  {
    field: "pmpm",
    kind: "output",
    definedName: "PMPM",
    cells: 1,
    describe: "the budget per member per month",
    required: true,
  },
  {
    field: "cohortAverageHours",
    kind: "output",
    definedName: "CohortAverageHours",
    cells: 1,
    describe: "the Level B cohorts' weighted average hours",
  },
];

const SPECS = new Map(AUDIT_FIELDS.map((spec) => [spec.field, spec]));

export function fieldSpec(field: AuditField): FieldSpec {
  const spec = SPECS.get(field);
  if (!spec) throw new Error(`Unknown audit field ${field}`);
  return spec;
}

export const INPUT_FIELDS = AUDIT_FIELDS.filter((s) => s.kind === "input").map((s) => s.field as InputField);
export const OUTPUT_FIELDS = AUDIT_FIELDS.filter((s) => s.kind === "output").map(
  (s) => s.field as OutputField,
);

/** Checks a mapping read from JSON or set in the task pane; throws one sentence naming the entry. */
export function parseAuditMapping(json: unknown): AuditMapping {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new AuditInputError(
      'the mapping must be an object of field: reference, e.g. { "enrollees": "Inputs!D5" }.',
    );
  }
  const mapping: AuditMapping = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (!SPECS.has(key as AuditField)) {
      throw new AuditInputError(
        `the mapping has an unknown field "${key}"; fields are ${AUDIT_FIELDS.map((s) => s.field).join(", ")}.`,
      );
    }
    if (typeof value !== "string" || parseReference(value) === null) {
      throw new AuditInputError(
        `the mapping's ${key} is ${JSON.stringify(value)}; give a range such as "Inputs!D5:G5" or a defined name.`,
      );
    }
    mapping[key as AuditField] = value.trim().replace(/^=/, "");
  }
  return mapping;
}

/** The reference the audit looks a field up by: the mapping's, else the starter workbook's name. */
export function referenceFor(field: AuditField, mapping: AuditMapping): string | null {
  return mapping[field] ?? fieldSpec(field).definedName;
}

/** A field found in the workbook: the reference it was found by and its cells, row by row. */
export interface FieldLocation {
  readonly field: AuditField;
  readonly reference: string;
  readonly cells: readonly CellRef[];
}

/** Fields by where the workbook keeps them, and those it does not have. */
export interface FieldLocations {
  readonly found: ReadonlyMap<AuditField, FieldLocation>;
  readonly missing: readonly AuditField[];
  /**
   * Required outputs missing from a workbook audited by the starter's names (no mapping): a deleted
   * CaseRates or PMPM name. Their figures fail rather than being left out.
   */
  readonly absent: readonly OutputField[];
}

/**
 * Finds every field in a workbook known by its sheet names and defined names (`named` answers a
 * defined name with its cells). A mapped range must be on a sheet the workbook has.
 */
export function locateFields(
  mapping: AuditMapping,
  sheetNames: readonly string[],
  named: (name: string) => readonly CellRef[] | undefined,
): FieldLocations {
  const found = new Map<AuditField, FieldLocation>();
  const missing: AuditField[] = [];
  for (const { field } of AUDIT_FIELDS) {
    const reference = referenceFor(field, mapping);
    const parsed = reference === null ? null : parseReference(reference);
    if (reference === null || parsed === null) {
      missing.push(field);
      continue;
    }
    if (parsed.kind === "name") {
      const cells = named(parsed.name);
      if (cells === undefined || cells.length === 0) {
        if (mapping[field] !== undefined) {
          throw new AuditInputError(
            `the mapping's ${field} is the name "${parsed.name}", which this workbook does not define.`,
          );
        }
        missing.push(field);
      } else found.set(field, { field, reference, cells });
      continue;
    }
    const sheet = sheetNames.find((name) => name.toLowerCase() === parsed.sheet.toLowerCase());
    if (sheet === undefined) {
      throw new AuditInputError(
        `the mapping's ${field} points at sheet "${parsed.sheet}", which this workbook does not have.`,
      );
    }
    // Counted from the corners first: a mapped A1:XFD1048576 is refused before any cell is listed.
    const size = rangeSize(parsed.range);
    if (size !== fieldSpec(field).cells) throw new AuditInputError(wrongSize(reference, size, field));
    found.set(field, { field, reference, cells: cellsOfRange(sheet, parsed.range) });
  }
  checkShapes(found);
  const absent =
    Object.keys(mapping).length > 0
      ? []
      : OUTPUT_FIELDS.filter((field) => fieldSpec(field).required && missing.includes(field));
  return { found, missing, absent };
}

/** Why a range of the wrong size cannot hold a field: "Inputs!D5:F5 has 3 cells for case mix…". */
function wrongSize(where: string, size: number, field: AuditField): string {
  const spec = fieldSpec(field);
  return `${where} has ${count(size)} cell${size === 1 ? "" : "s"} for ${spec.describe}; the toolkit's worked example has ${spec.cells}, so the audit cannot use this workbook as it is.`;
}

/** Refuses a field whose size differs from the worked example's (3 levels where the example has 4…). */
export function checkShapes(found: ReadonlyMap<AuditField, FieldLocation>): void {
  for (const location of found.values()) {
    const spec = fieldSpec(location.field);
    const { rows, columns } = shapeOf(location.cells);
    // A name is shown with where it points ("CaseMix (Inputs!D18…)"); a range speaks for itself.
    const first = cellName(location.cells[0]);
    const where = location.reference.includes("!")
      ? location.reference
      : `${location.reference} (${location.cells.length === 1 ? first : `${first}…`})`;
    if (location.cells.length !== spec.cells) {
      throw new AuditInputError(wrongSize(where, location.cells.length, location.field));
    }
    if (rows > 1 && columns > 1) {
      throw new AuditInputError(
        `${where} spans several rows and columns; ${spec.describe} must be one row or one column.`,
      );
    }
  }
}

/** What the audit writes: each input field found, with the example's value for each of its cells. */
export interface InputWrite {
  readonly field: InputField;
  readonly cells: readonly CellRef[];
  readonly values: readonly InputValue[];
}

export function exampleWrites(found: ReadonlyMap<AuditField, FieldLocation>): InputWrite[] {
  return INPUT_FIELDS.flatMap((field) => {
    const location = found.get(field);
    const example = fieldSpec(field).example;
    return location && example ? [{ field, cells: location.cells, values: example }] : [];
  });
}

/** Required inputs missing from the workbook, in words, for the report's notes. */
export function missingRequiredInputs(found: ReadonlyMap<AuditField, FieldLocation>): string[] {
  const missing = AUDIT_FIELDS.filter((s) => s.kind === "input" && s.required && !found.has(s.field)).map(
    (s) => `${s.field} (${s.describe})`,
  );
  if (!found.has("penetrationRates") && !found.has("penetrationRate")) {
    missing.push("penetrationRates or penetrationRate (the penetration rate of step 2)");
  }
  return missing;
}
