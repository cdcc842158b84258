import { CaseRateInputError } from "../errors";
import { field } from "../fields";
import { requireNonNegative } from "../validate";
import { type Settlement, type SettlementLevel, YearTally, settle } from "./settle";
import type { ContractTerms } from "./terms";

/** One closed case of the year: its level, its cost of care and, where it differs, its fee-for-service payment. */
export interface ClosedCase {
  readonly level: string;
  readonly cost: number;
  /** What fee-for-service paid for it (the shared-savings arrangement's spending); default its cost. */
  readonly paid?: number;
}

/** The year as it happened: its closed cases and the measures' values by id. */
export interface YearActuals {
  readonly cases: readonly ClosedCase[];
  readonly measures: Readonly<Record<string, number>>;
}

/**
 * Settles the actual year: each case checked (a known level, cost and paid ≥ 0), summed, and the
 * statement drawn up by `settle`.
 * @example settleYear({}, [{ id: "A", caseRate: 1000 }], { cases: [{ level: "A", cost: 900 }], measures: {} }).netToProvider // 1000
 */
export function settleYear(
  terms: ContractTerms,
  levels: readonly SettlementLevel[],
  actuals: YearActuals,
): Settlement {
  const tally = new YearTally(terms, levels);
  const ids = levels.map((level) => level.id);
  actuals.cases.forEach((closed, k) => {
    const index = ids.indexOf(closed.level);
    const at = (key: string) => field("actualCases", `cases[${k}].${key}`);
    if (index < 0) {
      throw new CaseRateInputError(
        at("level"),
        "out-of-range",
        (name) =>
          `${name(at("level"))} is "${String(closed.level)}", which is not among the levels (${ids.join(", ")}).`,
      );
    }
    const cost = requireNonNegative(at("cost"), closed.cost);
    const paid = closed.paid === undefined ? cost : requireNonNegative(at("paid"), closed.paid);
    tally.add(index, cost, paid);
  });
  return settle(terms, tally.take(), actuals.measures);
}
