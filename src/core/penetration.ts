import { field } from "./fields";
import { requireFiniteResult, requireNonNegative, requireShare } from "./validate";

/** A named penetration rate, such as the toolkit's Low 9% / Medium 10% / High 11%. */
export interface PenetrationScenario {
  readonly name: string;
  readonly penetrationRate: number;
}

const ENROLLEES = field("enrollees");
const PENETRATION_RATE = field("penetrationRate");

/**
 * Expected cases: enrollees × penetration rate (step 2).
 * @example expectedCases(30000, 0.1) // 3000
 */
export function expectedCases(enrollees: number, penetrationRate: number): number {
  return requireFiniteResult(
    "the number of cases",
    requireNonNegative(ENROLLEES, enrollees) * requireShare(PENETRATION_RATE, penetrationRate),
    [ENROLLEES, PENETRATION_RATE],
  );
}

/**
 * Expected cases under each named scenario, in the order given.
 * @example casesByScenario(30000, [{ name: "High", penetrationRate: 0.11 }]) // [{ name: "High", penetrationRate: 0.11, cases: 3300 }]
 */
export function casesByScenario(
  enrollees: number,
  scenarios: readonly PenetrationScenario[],
): { name: string; penetrationRate: number; cases: number }[] {
  return scenarios.map(({ name, penetrationRate }) => ({
    name,
    penetrationRate,
    cases: expectedCases(enrollees, penetrationRate),
  }));
}
