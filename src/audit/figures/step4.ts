import { excelRound } from "../../core/round";
import { sum } from "../../core/sums";
import { WORKED_EXAMPLE } from "../../core/toolkit/example";
import { count, share } from "../format";
import { PROSE_CASE_MIX } from "../source";
import { type FigureContext, type FigureDef, matches } from "./defs";

const payor = WORKED_EXAMPLE.payor;

/** Step 4: each level's share of cases, and its cases. */
export function step4Figures({ core, numberAt }: FigureContext): FigureDef[] {
  const tableMix = payor.step4_case_mix as Record<string, number>;
  const mixSum = excelRound(sum(Object.values(tableMix)), 10);
  const proseSum = excelRound(sum(Object.values(PROSE_CASE_MIX.shares)), 10);
  const mix = core.levels.map((level, i): FigureDef => {
    const prose = PROSE_CASE_MIX.shares[level.id];
    return {
      id: `step4.mix.${level.id}`,
      label: `case mix of level ${level.id}`,
      unit: "share",
      decimals: 2,
      published: tableMix[level.id],
      field: "caseMix",
      index: i,
      output: false,
      core: level.caseMix,
      how: `level ${level.id}'s share of cases is ${share(level.caseMix)}`,
      passNote:
        prose !== undefined && prose !== tableMix[level.id]
          ? `the prose's "${PROSE_CASE_MIX.quote}" is a typo in the source: with ${share(prose)} the shares sum to ${share(proseSum)}, with the table's ${share(tableMix[level.id])} to ${share(mixSum)}`
          : undefined,
      dependsOn: [],
      roundings: [],
    };
  });
  const cases = core.levels.map((level, i): FigureDef => ({
    id: `step4.cases.${level.id}`,
    label: `cases at level ${level.id}`,
    unit: "cases",
    decimals: 0,
    published: payor.step7_budget.rows[i].cases,
    field: "levelCases",
    index: i,
    output: true,
    core: level.cases,
    how: `${count(core.totalCases)} cases × ${share(level.caseMix)} = ${count(level.cases)}`,
    dependsOn: ["step2.cases.total", `step4.mix.${level.id}`],
    roundings: [{ value: excelRound(level.cases, 0), why: "the cases rounded to whole cases" }],
    diagnose: (w) => {
      const total = numberAt("totalCases", 0);
      const levelMix = numberAt("caseMix", i);
      if (total !== undefined && levelMix !== undefined && matches(w, total * levelMix)) return null;
      return `it is not total cases × case mix (${count(core.totalCases)} × ${share(level.caseMix)} = ${count(level.cases)})`;
    },
  }));
  return [...mix, ...cases];
}
