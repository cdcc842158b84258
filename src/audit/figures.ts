/**
 * The audited figures: the catalogue, one module per toolkit step (what each figure is, where the
 * workbook holds it, what the toolkit prints and the core computes), and the judging (judge.ts).
 */
import { fieldSpec } from "./fields";
import type { AuditValue, FigureResult, Verdict } from "./types";
import { cohortFigures } from "./figures/cohorts";
import { type FigureContext, type FigureDef, figureContext, type FigureInputs } from "./figures/defs";
import { difference, judge } from "./figures/judge";
import { step2Figures } from "./figures/step2";
import { step4Figures } from "./figures/step4";
import { step5Figures } from "./figures/step5";
import { step6Figures } from "./figures/step6";
import { step7Figures } from "./figures/step7";

export { CORE_TOLERANCE, type FigureInputs, matches } from "./figures/defs";

/** Every figure the workbook has, in the toolkit's order, with the core's values. */
function figureDefs(ctx: FigureContext): FigureDef[] {
  const defs = [
    ...step2Figures(ctx),
    ...step4Figures(ctx),
    ...step5Figures(ctx),
    ...step6Figures(),
    ...step7Figures(ctx),
    ...cohortFigures(),
  ];
  const absent = new Set(ctx.inputs.absent ?? []);
  return defs.filter((def) => ctx.inputs.found.has(def.field) || absent.has(def.field));
}

/** Why a figure whose defined name the workbook lacks fails: the name, and what it should hold. */
function absentExplanation(def: FigureDef): string {
  const spec = fieldSpec(def.field);
  return `The workbook has no defined name ${spec.definedName}, where the starter workbook keeps ${spec.describe}, so the ${def.label} cannot be read; restore the name or map ${def.field} (${def.how}).`;
}

/** Every figure the workbook has, judged in the toolkit's order; a required one it lacks fails. */
export function auditFigures(inputs: FigureInputs): FigureResult[] {
  const ctx = figureContext(inputs);
  const verdicts = new Map<string, Verdict>();
  const defs = figureDefs(ctx);
  const labels = new Map(defs.map((def) => [def.id, def.label]));
  return defs.map((def) => {
    const ref = inputs.found.get(def.field)?.cells[def.index] ?? null;
    const cell = ref ? (inputs.grid.cell(ref.sheet, ref.address) ?? { ...ref, value: null }) : undefined;
    const { verdict, explanation } = ref
      ? judge(def, cell, verdicts, inputs.faults, ctx.coreRate, labels)
      : { verdict: "fail" as const, explanation: absentExplanation(def) };
    verdicts.set(def.id, verdict);
    const workbook: AuditValue = cell?.value ?? null;
    const gap = Number.isFinite(workbook) ? difference(workbook as number, def.published ?? def.core) : null;
    return {
      figure: def.id,
      label: def.label,
      unit: def.unit,
      published: def.published,
      decimals: def.decimals,
      workbook,
      core: def.core,
      difference: gap,
      verdict,
      explanation,
      cell: ref,
    };
  });
}
