import { cellAddress, rowAnchoredAddress } from "../a1";
import { FIRST_VALUE_COLUMN } from "../layout";
import type { StarterContext, StarterName } from "../starter/context";
import { CORRIDOR_BANDS, type ContractLayout } from "./contractSheet";

/** What formulas read on Contract, cell by cell (a measure's or a band's column). */
export interface ContractCells {
  /** The cell of a Contract name in a column, row-anchored (for a line carried across columns). */
  readonly at: (name: StarterName, column: number) => string;
  /** The k-th cell (0-based) of a Contract name, absolute. */
  readonly nth: (name: StarterName, k: number) => string;
}

/** Contract's cells, from where the Contract sheet put its names. */
export function contractCells(ctx: StarterContext, contract: ContractLayout): ContractCells {
  return {
    at: (name, column) => ctx.ref("Contract", rowAnchoredAddress(contract.rows[name], column)),
    nth: (name, k) => ctx.ref("Contract", cellAddress(contract.rows[name], FIRST_VALUE_COLUMN + k, true)),
  };
}

/** The corridor target: Contract's, 1 when blank. */
export const corridorTarget = (ctx: StarterContext) =>
  `IF(ISNUMBER(${ctx.n.CorridorTarget}),${ctx.n.CorridorTarget},1)`;

/**
 * Band k's end or payor share on one side, as a formula: a gain band's is the loss band's unless
 * any gain band is given.
 */
export function bandCell(
  ctx: StarterContext,
  cells: ContractCells,
  side: "loss" | "gain",
  what: "upTo" | "share",
  k: number,
): string {
  const loss: StarterName = what === "upTo" ? "CorridorUpTo" : "CorridorShares";
  if (side === "loss") return cells.nth(loss, k);
  const gain: StarterName = what === "upTo" ? "GainCorridorUpTo" : "GainCorridorShares";
  return `IF(COUNT(${ctx.n.GainCorridorShares})>0,${cells.nth(gain, k)},${cells.nth(loss, k)})`;
}

/** E[(x − a)⁺] for x Normal with mean m and standard deviation s: s·φ((m − a)/s) + (m − a)·Φ((m − a)/s). */
export function normalExcess(m: string, s: string, a: string): string {
  const z = `(${m}-${a})/${s}`;
  return `IF(${s}>0,${s}*NORMDIST(${z},0,1,FALSE)+(${m}-${a})*NORMSDIST(${z}),MAX(0,${m}-${a}))`;
}

/**
 * Each band's payor share × the part of x inside it (x = r for a loss, −r for a gain; 0 when
 * x ≤ 0), as formulas, band by band. The gain bands are the loss bands unless any is given.
 */
export function bandShares(
  ctx: StarterContext,
  cells: ContractCells,
  x: string,
  side: "loss" | "gain",
): string[] {
  return Array.from({ length: CORRIDOR_BANDS }, (_, k) => {
    const s = bandCell(ctx, cells, side, "share", k);
    const upTo = bandCell(ctx, cells, side, "upTo", k);
    const lower = k === 0 ? "" : `-N(${bandCell(ctx, cells, side, "upTo", k - 1)})`;
    return `IF(AND(${x}>0,ISNUMBER(${s})),${s}*MAX(0,IF(ISNUMBER(${upTo}),MIN(${x},${upTo}),${x})${lower}),0)`;
  });
}

/** The stop-loss/stop-gain adjustment on the result M after corridors, based on P (positive: paid to the provider). */
export function stopAdjustment(ctx: StarterContext, M: string, P: string): string {
  const { n } = ctx;
  return `IF(AND(ISNUMBER(${n.StopLoss}),0-${M}>${n.StopLoss}*${P}),0-${M}-${n.StopLoss}*${P},IF(AND(ISNUMBER(${n.StopGain}),${M}>${n.StopGain}*${P}),${n.StopGain}*${P}-${M},0))`;
}
