import { requireNonNegative, requireShare } from "./validate";

/** A named penetration rate, such as the toolkit's Low 9% / Medium 10% / High 11%. */
export interface PenetrationScenario {
  readonly name: string;
  readonly penetrationRate: number;
}

/** Expected cases: enrollees × penetration rate (step 2). */
export function expectedCases(enrollees: number, penetrationRate: number): number {
  return requireNonNegative("enrollees", enrollees) * requireShare("penetration rate", penetrationRate);
}

/** Expected cases under each named scenario, in the order given. */
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
