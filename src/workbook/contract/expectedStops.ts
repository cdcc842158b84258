import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN } from "../layout";
import { formula } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext, StarterName } from "../starter/context";
import type { StarterSheetBuilder } from "../starter/starterSheet";
import { CORRIDOR_BANDS } from "./contractSheet";
import { bandCell, type ContractCells, normalExcess } from "./termFormulas";

/** The Normal law of r the expected year has computed, by name, and its P̄ and corridor target. */
export interface NormalRatioCells {
  readonly mean: string;
  readonly sd: string;
  readonly payments: string;
  readonly target: string;
}

type Side = "loss" | "gain";

/** One band's stretch of |r| on the sheet: where it starts, ends ("no end"), its slope and h there. */
interface StretchCells {
  readonly side: Side;
  readonly start: string;
  readonly end: string;
  readonly slope: string;
  readonly h: string;
}

const SHARE = "0.0000%";
const NO_END = "no end";
const NOT_USED = "not used";

const LOOK = { style: "calc", numberFormat: SHARE } as const;

/** The table's columns from the first value column: the ends first, so a text ("no end") follows no number. */
const COLUMN = { end: 0, start: 1, slope: 2, h: 3, walk: 4, term: 5 } as const;

/** Writes formulas column by column at `rows`, each column its own block (a table, not a carried row). */
function putColumns(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  rows: readonly number[],
  firstColumn: number,
  columns: readonly (readonly string[])[],
): void {
  columns.forEach((column, k) =>
    sheet.putBlock(
      rows[0],
      FIRST_VALUE_COLUMN + firstColumn + k,
      column.map((expression) => [formula(ctx.output(expression))]),
      LOOK,
    ),
  );
}

/** A stretch's row label. */
const stretchLabel = (side: Side, k: number) =>
  `${side === "loss" ? "Loss (r above 0)" : "Gain (r below 0)"}: band ${k + 1}`;

/**
 * The stretches table: per side, each band's stretch of |r| (band k + 1 in use when band k has an
 * end; the last band reaches to any result), its slope 1 − payor's share, and h(|r|) at its start
 * from h(0) = 0, h(x) = x − the side's corridor share of x; rows not in use start "not used".
 */
function stretchRows(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  cells: ContractCells,
  extra: readonly string[],
): { rows: number[]; stretches: StretchCells[] } {
  sheet.line(
    "Stretch of |r| (h rises at one slope inside each band)",
    "",
    ["Ends at", "Starts at", "Slope, 1 − share", "h at its start", ...extra],
    { style: "header" },
  );
  const rows: number[] = [];
  const stretches: StretchCells[] = [];
  const formulas: string[][] = [[], [], [], []];
  for (const side of ["loss", "gain"] as const) {
    for (let k = 0; k < CORRIDOR_BANDS; k++) {
      const row = sheet.line(stretchLabel(side, k), "share of P", [], LOOK);
      const at = (column: number) => cellAddress(row, FIRST_VALUE_COLUMN + column);
      const previous = k === 0 ? undefined : stretches[stretches.length - 1];
      const t: StretchCells = {
        side,
        start: at(COLUMN.start),
        end: at(COLUMN.end),
        slope: at(COLUMN.slope),
        h: at(COLUMN.h),
      };
      const upTo = bandCell(ctx, cells, side, "upTo", k);
      const share = bandCell(ctx, cells, side, "share", k);
      const inUse = `ISNUMBER(${t.start})`;
      formulas[COLUMN.end].push(
        k === CORRIDOR_BANDS - 1
          ? `IF(${inUse},"${NO_END}","${NOT_USED}")`
          : `IF(${inUse},IF(ISNUMBER(${upTo}),${upTo},"${NO_END}"),"${NOT_USED}")`,
      );
      formulas[COLUMN.start].push(
        previous === undefined
          ? "0"
          : `IF(AND(ISNUMBER(${previous.start}),ISNUMBER(${previous.end})),${previous.end},"${NOT_USED}")`,
      );
      formulas[COLUMN.slope].push(`IF(${inUse},1-N(${share}),0)`);
      // 0 where not in use: only a stretch in use reads it.
      formulas[COLUMN.h].push(
        previous === undefined
          ? "0"
          : `IF(${inUse},${previous.h}+${previous.slope}*(${t.start}-${previous.start}),0)`,
      );
      rows.push(row);
      stretches.push(t);
    }
  }
  putColumns(ctx, sheet, rows, 0, formulas);
  return { rows, stretches };
}

/** How much of the stretch lies where h is still below `cap` (≥ 0): the walk from |r| = 0 towards h⁻¹(cap). */
function walked(t: StretchCells, cap: string): string {
  const reach = `(${cap}-${t.h})/${t.slope}`;
  const length = `${t.end}-${t.start}`;
  const below = `IF(ISNUMBER(${t.end}),IF(${t.slope}>0,MIN(${length},${reach}),${length}),IF(${t.slope}>0,${reach},0))`;
  return `IF(ISNUMBER(${t.start}),IF(${t.h}<${cap},${below},0),0)`;
}

/** The stretch's part of the walk to where h passes the cap: on the near side for a cap ≥ 0, else the far side. */
function walk(t: StretchCells, near: Side, cap: string): string {
  return t.side === near ? `IF(${cap}>=0,${walked(t, cap)},0)` : `IF(${cap}<0,${walked(t, `(0-${cap})`)},0)`;
}

/**
 * The stretch's part of E[(H(X) − K)⁺] for X = r (the stop-loss) or −r (the stop-gain, its bands
 * swapped): slope × [E(X − max(a, c))⁺ − E(X − max(b, c))⁺] in X, c the crossing; on the far side
 * a flat last stretch still above K adds its whole excess, in every year. `near` is where X > 0.
 */
function term(t: StretchCells, near: Side, cap: string, c: string, mean: string, sd: string): string {
  const X = (a: string) => normalExcess(mean, sd, a);
  const bounded = `ISNUMBER(${t.end})`;
  const capFar = `(0-${cap})`;
  const value =
    t.side === near
      ? `${t.slope}*(${X(`MAX(${t.start},${c})`)}-IF(${bounded},${X(`MAX(${t.end},${c})`)},0))`
      : `IF(AND(${cap}<0,NOT(${bounded}),${t.slope}=0),MAX(0,${capFar}-${t.h}),${t.slope}*(IF(${bounded},${X(`MAX(0-${t.end},${c})`)},${X(c)})-${X(`MAX(0-${t.start},${c})`)}))`;
  return `IF(ISNUMBER(${t.start}),${value},0)`;
}

/**
 * The stop-loss and stop-gain in expectation, native, under the Normal approximation of r, as the
 * core's normalTerms.ts computes them: with h(r) = r − g(r) (g the corridor adjustment ÷ P), the
 * result M ÷ P = 1 − target − h(r); the stop-loss pays P̄ × E[(h(R) − K)⁺], K = stop-loss + 1 −
 * target, and the stop-gain recovers P̄ × E[(K′ − h(R))⁺], K′ = 1 − target − stop-gain.
 */
export function expectedStops(
  ctx: StarterContext,
  sheet: StarterSheetBuilder,
  width: number,
  cells: ContractCells,
  ratio: NormalRatioCells,
): void {
  const { n } = ctx;
  sheet.section(
    "Stop-loss and stop-gain in expectation (native; the Normal approximation of r, payments at P̄)",
    width,
  );
  sheet.note(
    "h(r) = r less the corridor's share of r: the provider's result after corridors is P × (1 − target − h(r)).",
  );
  const named = (name: StarterName, label: string, expression: string, numberFormat: string) => {
    sheet.namedLine({
      name,
      label,
      units: numberFormat === SHARE ? "share of P" : "$",
      expression: ctx.output(expression),
      look: { style: "calc", numberFormat },
      comment: label,
    });
    return n[name];
  };
  const caps = {
    loss: named(
      "StopLossCap",
      "The stop-loss's cap on h, K = stop-loss + 1 − target",
      `N(${n.StopLoss})+1-${ratio.target}`,
      SHARE,
    ),
    gain: named(
      "StopGainCap",
      "The stop-gain's cap on −h(−x), x = −r: K′ = target + stop-gain − 1",
      `${ratio.target}+N(${n.StopGain})-1`,
      SHARE,
    ),
  };
  const means = { loss: ratio.mean, gain: `(0-${ratio.mean})` };
  const first = stretchRows(ctx, sheet, cells, ["Stop-loss: walked", "Stop-loss: term"]);
  const stretches = first.stretches;
  /** The stop-loss's columns beside the stretches; the stop-gain's in a table of its own below. */
  const tableOf = (near: Side) => {
    if (near === "loss") return { rows: first.rows, column: COLUMN.walk };
    sheet.line("Stretch of |r|, for the stop-gain (as above)", "", ["Stop-gain: walked", "Stop-gain: term"], {
      style: "header",
    });
    const rows = stretches.map((t, i) =>
      sheet.line(stretchLabel(t.side, i % CORRIDOR_BANDS), "share of P", [], LOOK),
    );
    return { rows, column: 0 };
  };
  const tables: Partial<Record<Side, { rows: number[]; column: number }>> = {};
  for (const near of ["loss", "gain"] as const) {
    const { rows, column } = (tables[near] = tableOf(near));
    const far: Side = near === "loss" ? "gain" : "loss";
    const cap = caps[near];
    const walks = (side: Side) => {
      const picked = rows.filter((_, i) => stretches[i].side === side);
      const at = FIRST_VALUE_COLUMN + column;
      return rangeAddress(picked[0], at, picked[picked.length - 1], at);
    };
    const row = sheet.line(
      near === "loss"
        ? "Where h passes K, r* (a flat end stretch: its start)"
        : "Where −h(−x) passes K′, x* = −r* (as for the stop-loss)",
      near === "loss" ? "r" : "−r",
      [formula(ctx.output(`IF(${cap}>=0,SUM(${walks(near)}),0-SUM(${walks(far)}))`))],
      LOOK,
    );
    const crossing = cellAddress(row, FIRST_VALUE_COLUMN);
    putColumns(ctx, sheet, rows, column, [
      stretches.map((t) => walk(t, near, cap)),
      stretches.map((t) => term(t, near, cap, crossing, means[near], ratio.sd)),
    ]);
  }
  const terms = (near: Side) => {
    const { rows, column } = tables[near]!;
    const at = FIRST_VALUE_COLUMN + column + 1;
    return rangeAddress(rows[0], at, rows[rows.length - 1], at);
  };
  named(
    "ExpectedStopLossAdjustment",
    "Expected stop-loss adjustment, P̄ × E[(h(R) − K)⁺] (Normal; paid to the provider)",
    `IF(ISNUMBER(${n.StopLoss}),${ratio.payments}*SUM(${terms("loss")}),0)`,
    NUMBER_FORMATS.dollars,
  );
  named(
    "ExpectedStopGainAdjustment",
    "Expected stop-gain adjustment, −P̄ × E[(K′ − h(R))⁺] (Normal; recovered from it)",
    `IF(ISNUMBER(${n.StopGain}),0-${ratio.payments}*SUM(${terms("gain")}),0)`,
    NUMBER_FORMATS.dollars,
  );
}
