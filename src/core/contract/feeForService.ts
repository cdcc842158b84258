import type { FeeForServiceTerm } from "./terms";

/** A level compared with fee-for-service. */
export interface FeeForServiceLevel {
  readonly id: string;
  readonly caseRate: number;
  /** averageHours × billableShare × the fee-for-service rate per hour. */
  readonly feeForServicePerCase: number;
  /** caseRate ÷ (billableShare × that rate): the hours at which fee-for-service would pay the case rate. */
  readonly breakEvenHours: number;
}

/**
 * The fee-for-service rate per hour: ratePerHour, or Σ hoursShare × billedPerHour over the codes.
 * @example feeForServiceRate({ services: [{ code: "90834", billedPerHour: 151.25, hoursShare: 0.4 }, { code: "H0036", billedPerHour: 100, hoursShare: 0.6 }] }) // 120.5
 */
export function feeForServiceRate(term: FeeForServiceTerm): number {
  return (
    term.ratePerHour ?? (term.services ?? []).reduce((sum, s) => sum + s.hoursShare * s.billedPerHour, 0)
  );
}

/**
 * Each level's case rate beside what fee-for-service would pay for its average case, and the
 * hours at which the two meet.
 * @example feeForServiceLevels({ ratePerHour: 150, billableShare: 0.8 }, [{ id: "A", caseRate: 1586.17, averageHours: 10 }])[0].feeForServicePerCase // 1200
 */
export function feeForServiceLevels(
  term: FeeForServiceTerm,
  levels: readonly { readonly id: string; readonly caseRate: number; readonly averageHours: number }[],
): FeeForServiceLevel[] {
  const paidPerHour = (term.billableShare ?? 1) * feeForServiceRate(term);
  return levels.map((level) => ({
    id: level.id,
    caseRate: level.caseRate,
    feeForServicePerCase: level.averageHours * paidPerHour,
    breakEvenHours: level.caseRate / paidPerHour,
  }));
}
