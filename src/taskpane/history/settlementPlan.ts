/**
 * Settlement from history: the Settlement sheet's closed-cases table (CaseLevels, CaseCosts and
 * CasesPaid, its input columns) filled from the analysed episodes, each episode a case costed by
 * the core's one episode-to-case rule (episodeCost). What will change is told in words first:
 * where, how each cost was taken, and which non-blank cells are overwritten or cleared.
 */
import { episodeCost } from "../../core/contract/episodeYear";
import type { EpisodeSummary } from "../../core/history/episodeSummary";
import { NUMBER_FORMATS } from "../../workbook/styles";
import { formatValue } from "../preview/numberFormat";
import type { NamedCells, NamedLookup } from "./inputsPlan";

/** The names the plan reads: the table's input columns, the levels, and the costs of an hour. */
export const SETTLEMENT_NAMES = [
  "LevelIds",
  "CaseLevels",
  "CaseCosts",
  "CasesPaid",
  "ContractCostPerHour",
  "RiskLevelRates",
] as const;

/** One input column of the table, written whole: a case per row, then blanks. */
export interface SettlementColumn {
  readonly sheet: string;
  /** "D80:D479". */
  readonly address: string;
  readonly values: readonly (string | number | null)[];
}

export interface SettlementPlan {
  readonly cases: number;
  /** Where the cases go, and what the rest of the table gets, in words. */
  readonly where: string;
  /** How each case's cost was taken, in words. */
  readonly costBasis: string;
  /** The non-blank cells the fill overwrites or clears, in words ("" when every one is blank). */
  readonly overwrites: string;
  readonly columns: readonly SettlementColumn[];
}

const count = (n: number) => n.toLocaleString("en-US");
const dollars = (value: number) => formatValue(value, NUMBER_FORMATS.dollarsCents);
const isBlank = (cell: NamedCells["cells"][number]) => cell.value === null || cell.value === "";
/** A cost of an hour the cell gives: a number above 0 (a blank starter's rates are $0.00, not a cost). */
const costOf = (cell: NamedCells["cells"][number] | undefined) =>
  typeof cell?.value === "number" && cell.value > 0 ? cell.value : undefined;

/** Each level's cost of an hour when the extract has no amounts: the Contract's, else the level's rate on Risk. */
function costsPerHour(target: NamedLookup, levels: readonly string[]): { perLevel: number[]; basis: string } {
  const contract = costOf(target("ContractCostPerHour")?.cells[0]);
  if (contract !== undefined) {
    return {
      perLevel: levels.map(() => contract),
      basis: `each case's cost is its episode's hours × ${dollars(contract)}, the Contract's cost of care per hour (the extract has no amounts).`,
    };
  }
  const rates = target("RiskLevelRates")?.cells ?? [];
  const perLevel = levels.map((id, i) => {
    const rate = costOf(rates[i]);
    if (rate === undefined) {
      throw new Error(
        `the extract has no amounts and the workbook has no cost of care per hour for level ${id} (the Contract's cost of care per hour is blank, and the level's rate per hour on Risk is blank or $0.00): give one, then fill again.`,
      );
    }
    return rate;
  });
  return {
    perLevel,
    basis: `each case's cost is its episode's hours × its level's rate per hour on Risk (${levels.map((id, i) => `${id} ${dollars(perLevel[i])}`).join(", ")}), the Contract's cost of care per hour being blank (the extract has no amounts).`,
  };
}

/**
 * The table filled with one case per episode (its level, its cost by episodeCost: the amount when
 * the extract has amounts, else hours × the workbook's cost of an hour), the rows after them and
 * the optional paid column blank. Refused in words: no Settlement table, more episodes than rows,
 * an episode at a level the workbook has not, or no cost to take.
 */
export function planSettlementCases(
  target: NamedLookup,
  episodes: readonly EpisodeSummary[],
  hasAmount: boolean,
): SettlementPlan {
  const levelsColumn = target("CaseLevels");
  const costsColumn = target("CaseCosts");
  const paidColumn = target("CasesPaid");
  if (!levelsColumn || !costsColumn) {
    throw new Error(
      "this workbook has no Settlement sheet's closed-cases table (no CaseLevels and CaseCosts names): build the starter workbook first (Build), then fill it.",
    );
  }
  const rows = levelsColumn.cells.length;
  if (episodes.length > rows) {
    throw new Error(
      `the history has ${count(episodes.length)} episodes and the Settlement sheet's closed-cases table has ${count(rows)} rows: it cannot hold them all, so nothing was filled (settle a year this size with case-rate contract --episodes).`,
    );
  }
  const levels = (target("LevelIds")?.cells ?? []).map((cell) => cell.text);
  const unknown = episodes.find((episode) => !levels.includes(episode.level));
  if (unknown) {
    throw new Error(
      `an episode's level of care, "${unknown.level}", is not among the workbook's levels (${levels.join(", ")}): build the starter workbook with the history's levels first.`,
    );
  }
  const { perLevel, basis } = hasAmount
    ? {
        perLevel: undefined,
        basis:
          "each case's cost is its episode's amount, the dollars paid for its services (the extract has amounts).",
      }
    : costsPerHour(target, levels);
  const costs = episodes.map((episode) => {
    const cost = episodeCost(episode, perLevel?.[levels.indexOf(episode.level)]);
    if (cost === undefined) throw new Error("an episode has no amount to take as its cost.");
    return cost;
  });
  const column = (cells: NamedCells, values: (string | number | null)[]): SettlementColumn => ({
    sheet: cells.sheet,
    address: `${cells.cells[0].address}:${cells.cells[cells.cells.length - 1].address}`,
    values,
  });
  const blanks = (n: number) => Array<null>(n).fill(null);
  const columns = [
    column(levelsColumn, [...episodes.map((episode) => episode.level), ...blanks(rows - episodes.length)]),
    column(costsColumn, [...costs, ...blanks(rows - episodes.length)]),
    ...(paidColumn ? [column(paidColumn, blanks(rows))] : []),
  ];
  const taken = [levelsColumn, costsColumn, ...(paidColumn ? [paidColumn] : [])].flatMap((cells) =>
    cells.cells.filter((cell) => !isBlank(cell)).map((cell) => `${cells.sheet}!${cell.address}`),
  );
  const first = levelsColumn.cells[0].address;
  const last = costsColumn.cells[Math.max(0, episodes.length - 1)].address;
  return {
    cases: episodes.length,
    where: `${count(episodes.length)} closed cases, one per episode, into ${levelsColumn.sheet}!${first}:${last} (level and cost of care) of the table's ${count(rows)} rows; the rows after them${paidColumn ? " and the paid column" : ""} left blank.`,
    costBasis: basis,
    overwrites:
      taken.length === 0
        ? ""
        : `${count(taken.length)} cells that are not blank will be overwritten or cleared: ${taken.slice(0, 4).join(", ")}${taken.length > 4 ? ", …" : ""}.`,
    columns,
  };
}
