/**
 * The audited figures: the catalogue, one module per toolkit step (what each figure is, where the
 * workbook holds it, what the toolkit prints and the core computes), and the judging (judge.ts).
 */
import type { AuditValue, FigureResult, Verdict } from "../types";
import { cohortFigures } from "./cohorts";
import { type FigureContext, type FigureDef, figureContext, type FigureInputs } from "./defs";
import { difference, judge } from "./judge";
import { step2Figures } from "./step2";
import { step4Figures } from "./step4";
import { step5Figures } from "./step5";
import { step6Figures } from "./step6";
import { step7Figures } from "./step7";

export { CORE_TOLERANCE, type FigureInputs, matches } from "./defs";

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
  return defs.filter((def) => ctx.inputs.found.has(def.field));
}

/** Every figure the workbook has, judged in the toolkit's order. */
export function auditFigures(inputs: FigureInputs): FigureResult[] {
  const ctx = figureContext(inputs);
  const verdicts = new Map<string, Verdict>();
  return figureDefs(ctx).map((def) => {
    const ref = inputs.found.get(def.field)?.cells[def.index] ?? null;
    const cell = ref ? (inputs.grid.cell(ref.sheet, ref.address) ?? { ...ref, value: null }) : undefined;
    const { verdict, explanation } = judge(def, cell, verdicts, inputs.faults, ctx.coreRate);
    verdicts.set(def.id, verdict);
    const workbook: AuditValue = cell?.value ?? null;
    const gap = typeof workbook === "number" ? difference(workbook, def.published ?? def.core) : null;
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
