import { expectedCases } from "../../core/penetration";
import { excelRound } from "../../core/round";
import { TOOLKIT_RATE_MODEL, WORKED_EXAMPLE } from "../../core/toolkit/example";
import { count, share } from "../format";
import type { FigureContext, FigureDef } from "./defs";

const payor = WORKED_EXAMPLE.payor;

/** Step 2: cases under each penetration scenario, and the total cases the driving scenario gives. */
export function step2Figures({ core }: FigureContext): FigureDef[] {
  const enrollees = TOOLKIT_RATE_MODEL.enrollees;
  const scenarios = payor.step2_penetration.scenarios.map((scenario, i): FigureDef => {
    const cases = expectedCases(enrollees, scenario.rate);
    return {
      id: `step2.cases.${scenario.name.toLowerCase()}`,
      label: `cases at the ${scenario.name.toLowerCase()} penetration rate`,
      unit: "cases",
      decimals: 0,
      published: scenario.cases,
      field: "scenarioCases",
      index: i,
      output: true,
      core: cases,
      how: `${count(enrollees)} enrollees × ${share(scenario.rate)} = ${count(cases)} cases`,
      dependsOn: [],
      roundings: [{ value: excelRound(cases, 0), why: "the cases rounded to whole cases" }],
    };
  });
  return [
    ...scenarios,
    {
      id: "step2.cases.total",
      label: "total cases",
      unit: "cases",
      decimals: 0,
      published: payor.step7_budget.total_cases,
      field: "totalCases",
      index: 0,
      output: true,
      core: core.totalCases,
      how: `the ${payor.step2_penetration.used_for_remainder} scenario drives the model: ${count(enrollees)} × ${share(TOOLKIT_RATE_MODEL.penetrationRate)} = ${count(core.totalCases)} cases`,
      dependsOn: [],
      roundings: [{ value: excelRound(core.totalCases, 0), why: "the cases rounded to whole cases" }],
    },
  ];
}
