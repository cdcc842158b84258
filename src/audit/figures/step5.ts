import { WORKED_EXAMPLE } from "../../core/toolkit/example";
import { hoursText } from "../format";
import type { FigureContext, FigureDef } from "./defs";

const hours = WORKED_EXAMPLE.payor.step5_hours_per_episode;

/** Step 5: each level's average hours per episode. */
export function step5Figures({ core }: FigureContext): FigureDef[] {
  return core.levels.map((level, i): FigureDef => {
    const range = hours[level.id as keyof typeof hours];
    return {
      id: `step5.hours.average.${level.id}`,
      label: `average hours of level ${level.id}`,
      unit: "hours",
      decimals: 0,
      published: range.average,
      field: "averageHours",
      index: i,
      output: false,
      core: level.averageHours,
      how: `level ${level.id} averages ${hoursText(level.averageHours)} hours per episode`,
      passNote: `within its range of ${range.min} to ${range.max} hours`,
      dependsOn: [],
      roundings: [],
    };
  });
}
