import { excelRound } from "../../core/round";
import { sum, sumProduct } from "../../core/sums";
import { WORKED_EXAMPLE } from "../../core/toolkit/example";
import { count, hoursText } from "../format";
import { COHORT_AVERAGE_HOURS } from "../source";
import type { FigureDef } from "./defs";

const cohorts = WORKED_EXAMPLE.utilization_cohorts_level_b;

/** The Level B utilization cohorts' weighted average hours (step 5's source for Level B). */
export function cohortFigures(): FigureDef[] {
  const clients = sum(cohorts.rows.map((row) => row.clients));
  const clientHours = sumProduct(
    "clients",
    cohorts.rows.map((row) => row.clients),
    "average hours",
    cohorts.rows.map((row) => row.average_hours),
  );
  return [
    {
      id: "cohorts.B.averageHours",
      label: "Level B cohorts' weighted average hours",
      unit: "hours",
      decimals: 1,
      published: cohorts.published_average_hours,
      field: "cohortAverageHours",
      index: 0,
      output: true,
      core: COHORT_AVERAGE_HOURS,
      how: `Σ clients × hours ÷ Σ clients = ${count(clientHours)} ÷ ${count(clients)} = ${hoursText(COHORT_AVERAGE_HOURS)} h`,
      dependsOn: [],
      roundings: [
        { value: excelRound(COHORT_AVERAGE_HOURS, 1), why: "the average rounded to one decimal, as printed" },
      ],
    },
  ];
}
