import { isCaseRateInputError } from "../../core/errors";
import { computeRateModel, type RateModelResult } from "../../core/model";
import { excelRound } from "../../core/round";
import { TOOLKIT_RATE_MODEL, TOOLKIT_RATE_PER_HOUR } from "../../core/toolkit/example";
import type { AuditField, FieldLocation } from "../fields";
import type { AuditCell, AuditGrid, Fault, FigureUnit } from "../types";

/** How close the workbook must be to the core to "match" it: relative, never loosened. */
export const CORE_TOLERANCE = 1e-9;

/** True when two numbers agree to CORE_TOLERANCE relative to the larger. */
export function matches(a: number, b: number): boolean {
  return Math.abs(a - b) <= CORE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Another way to compute a figure that differs from the toolkit's only by a rounding the source made. */
export interface SourceRounding {
  readonly value: number;
  /** What the workbook did, completing "$12,689 is …". */
  readonly why: string;
}

/** One figure to audit: where the workbook has it, what the toolkit prints and what the core computes. */
export interface FigureDef {
  readonly id: string;
  readonly label: string;
  readonly unit: FigureUnit;
  readonly decimals: number;
  readonly published: number | null;
  readonly field: AuditField;
  readonly index: number;
  /** An output must be a formula: a typed number there cannot follow the inputs. */
  readonly output: boolean;
  readonly core: number;
  /** The computation in words with the core's numbers: "80 h × $158.61739 = $12,689.39". */
  readonly how: string;
  /** A computed remark added to a pass ("the printed $158.62 would give $12,689.60…"). */
  readonly passNote?: string;
  /** Figures this one is computed from, by id. */
  readonly dependsOn: readonly string[];
  readonly roundings: readonly SourceRounding[];
  /** The figure at the toolkit's own rate, for figures the rate per hour drives. */
  readonly atToolkitRate?: number;
  /** The source printed this figure rounded from the value it computed with (the rate per hour). */
  readonly roundedInSource?: boolean;
  /** For a fail: what is wrong, from the workbook's own cells; null when nothing more is known. */
  readonly diagnose?: (workbook: number) => string | null;
  /** Custom sentences where the general ones would say less. */
  readonly sentences?: Partial<Record<"pass" | "rounding" | "fail", (workbook: number) => string>>;
}

/** What the figures are read from. */
export interface FigureInputs {
  readonly grid: AuditGrid;
  readonly found: ReadonlyMap<AuditField, FieldLocation>;
  readonly faults: readonly Fault[];
  /** Required outputs the workbook lacks (FieldLocations.absent): their figures fail. */
  readonly absent?: readonly AuditField[];
}

/** What every step's figures are built from: the workbook's cells and the core at its rate. */
export interface FigureContext {
  readonly inputs: FigureInputs;
  /** The finite number a field's cell shows, or undefined when it shows anything else. */
  numberAt(field: AuditField, index: number): number | undefined;
  /** The workbook's rate per hour when it is a usable one, else the toolkit's. */
  readonly coreRate: number;
  /** The rate rounded to cents, as a workbook that rounds it would use. */
  readonly rateCents: number;
  /** The core on the example's inputs at coreRate. */
  readonly core: RateModelResult;
  /** The core on the example's inputs at the toolkit's own rate. */
  readonly atToolkit: RateModelResult;
}

/** The cell a field's index-th cell is, as the grid holds it. */
function cellAt(inputs: FigureInputs, field: AuditField, index: number): AuditCell | undefined {
  const ref = inputs.found.get(field)?.cells[index];
  return ref ? inputs.grid.cell(ref.sheet, ref.address) : undefined;
}

/** The context of one audit: the workbook's rate per hour drives the core's step 7 figures. */
export function figureContext(inputs: FigureInputs): FigureContext {
  const numberAt = (field: AuditField, index: number): number | undefined => {
    const value = cellAt(inputs, field, index)?.value;
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  };
  const atToolkit = computeRateModel(TOOLKIT_RATE_MODEL);
  const workbookRate = numberAt("ratePerHour", 0);
  const atWorkbookRate = workbookRate === undefined ? null : coreAtRate(workbookRate);
  const coreRate = atWorkbookRate ? (workbookRate as number) : TOOLKIT_RATE_PER_HOUR;
  return {
    inputs,
    numberAt,
    coreRate,
    rateCents: excelRound(coreRate, 2),
    core: atWorkbookRate ?? atToolkit,
    atToolkit,
  };
}

/**
 * The core on the example's inputs at a workbook's rate per hour, or null when that rate cannot
 * drive it (negative, not finite, or so large the budget overflows): the toolkit's rate is used then.
 */
function coreAtRate(ratePerHour: number): RateModelResult | null {
  if (!Number.isFinite(ratePerHour) || ratePerHour < 0) return null;
  try {
    const result = computeRateModel({ ...TOOLKIT_RATE_MODEL, ratePerHour });
    return Number.isFinite(result.totalBudget) && Number.isFinite(result.pmpm) ? result : null;
  } catch (error) {
    if (isCaseRateInputError(error)) return null;
    throw error;
  }
}
