import { TOOLKIT_RATE_PER_HOUR } from "../../core/toolkit/example";
import { money, rate } from "../format";
import { describeFigures, figuresMissedBy, intervalText, PRINTED_RATE } from "../source";
import type { FigureDef } from "./defs";

/** Step 6: the rate per hour, judged against every rate that reproduces the printed figures. */
export function step6Figures(): FigureDef[] {
  const missedByPrinted = figuresMissedBy(PRINTED_RATE);
  return [
    {
      id: "step6.ratePerHour",
      label: "rate per hour",
      unit: "ratePerHour",
      decimals: 2,
      published: PRINTED_RATE,
      field: "ratePerHour",
      index: 0,
      output: false,
      core: TOOLKIT_RATE_PER_HOUR,
      how: `the core uses ${rate(TOOLKIT_RATE_PER_HOUR)}, the plainest rate that reproduces every printed figure`,
      dependsOn: [],
      roundings: [{ value: PRINTED_RATE, why: "the printed, rounded rate" }],
      roundedInSource: true,
      sentences: {
        pass: (w) =>
          `${rate(w)} prints as the published ${money(PRINTED_RATE, 2)} and lies among the only rates that reproduce every printed figure (${intervalText()}); the printed ${money(PRINTED_RATE, 2)} itself misses ${describeFigures(missedByPrinted)}.`,
        rounding: (w) => {
          const missed = figuresMissedBy(w);
          return missed.length > 0
            ? `${rate(w)} prints as the published ${money(PRINTED_RATE, 2)}, but ${w === PRINTED_RATE ? "this rounded rate" : "it"} misses ${describeFigures(missed)}: the toolkit computed with an unrounded rate, and any rate from ${intervalText()} reproduces every printed figure.`
            : `${rate(w)} prints as the published ${money(PRINTED_RATE, 2)} and reproduces every printed figure, as any rate from ${intervalText()} does; the core uses the plainest, ${rate(TOOLKIT_RATE_PER_HOUR)}.`;
        },
        fail: (w) =>
          `The workbook's rate per hour is ${rate(w)}, not the toolkit's ${money(PRINTED_RATE, 2)} (any rate from ${intervalText()} reproduces every printed figure).`,
      },
    },
  ];
}
