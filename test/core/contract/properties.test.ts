/**
 * Properties of the settlement on generated years and terms (fast-check): no terms pays the case
 * rates; corridors never move money the wrong way; a stop-loss bounds the loss after it; earned
 * back never exceeds withheld; the payor's payments and the provider's receipts balance to the cent.
 */
import fc from "fast-check";
import {
  type ContractTerms,
  type CorridorBand,
  type Measure,
  corridorAdjustment,
  settleYear,
  validateContract,
} from "../../../src/core/contract";

const LEVELS = [
  { id: "A", caseRate: 1586.1739 },
  { id: "B", caseRate: 4758.5217 },
  { id: "C", caseRate: 12689.3912 },
];

const dollars = fc.double({ min: 0, max: 60000, noNaN: true });
const share = fc.double({ min: 0, max: 1, noNaN: true });

const cases = fc.array(fc.record({ level: fc.constantFrom("A", "B", "C"), cost: dollars, paid: dollars }), {
  maxLength: 40,
});

/** Bands with increasing upTo and a last band without one. */
const bands: fc.Arbitrary<CorridorBand[]> = fc
  .tuple(fc.array(fc.tuple(fc.double({ min: 0.001, max: 0.2, noNaN: true }), share), { maxLength: 4 }), share)
  .map(([steps, last]) => {
    let upTo = 0;
    return [
      ...steps.map(([width, payorShare]) => ({ upTo: (upTo += width), payorShare })),
      { payorShare: last },
    ];
  });

const measureIds = ["m1", "m2", "m3"];
const measures: fc.Arbitrary<Measure[]> = fc
  .tuple(
    fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    fc.array(share, { minLength: 3, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([weights, targets, ladder]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    return measureIds.map((id, k) => ({
      id,
      weight: weights[k] / total,
      target: targets[k],
      direction: k === 1 ? "atMost" : "atLeast",
      scoring:
        ladder && k === 0
          ? {
              ladder: [
                { threshold: targets[k] / 2, earn: 0.5 },
                { threshold: targets[k], earn: 1 },
              ],
            }
          : "gate",
    }));
  });

const values = fc.record({ m1: share, m2: share, m3: share });

const caseRateTerms: fc.Arbitrary<ContractTerms> = fc.record(
  {
    outlier: fc.record({ thresholdMultiple: fc.double({ min: 0, max: 5, noNaN: true }), payorShare: share }),
    corridors: bands,
    gainCorridors: bands,
    corridorTarget: fc.double({ min: 0.5, max: 1.2, noNaN: true }),
    stopLoss: fc.double({ min: 0, max: 0.5, noNaN: true }),
    stopGain: fc.double({ min: 0, max: 0.5, noNaN: true }),
    withhold: fc.record({ percent: share, measures }),
    qualityBonus: fc.record({ poolPercent: share, measures }),
    sharedSavings: fc.record({
      sharingRate: share,
      minimumSavingsRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
    }),
  },
  { requiredKeys: [] },
);

const cents = (amount: number) => Math.round(amount * 100);

test("with no terms the provider is paid exactly the case-rate payments", () => {
  fc.assert(
    fc.property(cases, (year) => {
      const s = settleYear({}, LEVELS, { cases: year, measures: {} });
      expect(s.netToProvider).toBe(s.caseRatePayments);
      const expected = year.reduce((sum, c) => sum + LEVELS.find((l) => l.id === c.level)!.caseRate, 0);
      expect(s.caseRatePayments).toBeCloseTo(expected, 6);
    }),
  );
});

test("corridors never move money the wrong way: paid on a loss, recovered on a gain, never more than the result", () => {
  fc.assert(
    fc.property(
      dollars,
      fc.double({ min: 1, max: 60000, noNaN: true }),
      fc.double({ min: 0.5, max: 1.2, noNaN: true }),
      bands,
      bands,
      (cost, payments, target, loss, gain) => {
        const adjustment = corridorAdjustment(cost, payments, target, loss, gain);
        const excess = cost - target * payments;
        if (excess > 0) expect(adjustment).toBeGreaterThanOrEqual(0);
        if (excess < 0) expect(adjustment).toBeLessThanOrEqual(0);
        if (excess === 0) expect(adjustment).toBe(0);
        // The payor never takes over more than the whole excess (shares are at most 1).
        expect(Math.abs(adjustment)).toBeLessThanOrEqual(Math.abs(excess) * (1 + 1e-12) + 1e-9);
      },
    ),
  );
});

test("a stop-loss bounds the loss M after it (before the withhold and the bonus), a stop-gain the gain", () => {
  fc.assert(
    fc.property(caseRateTerms, cases, values, (terms, year, measured) => {
      const valid = validateContract(terms, ["A", "B", "C"]);
      const s = settleYear(valid, LEVELS, { cases: year, measures: measured });
      const after = s.payments + s.corridorAdjustment + s.stopLossAdjustment - s.costOfCare;
      const slack = 1e-9 * (s.payments + s.costOfCare + 1);
      if (valid.stopLoss !== undefined)
        expect(-after).toBeLessThanOrEqual(valid.stopLoss * s.payments + slack);
      if (valid.stopGain !== undefined) {
        expect(after).toBeLessThanOrEqual(valid.stopGain * s.payments + slack);
      }
    }),
  );
});

test("what is earned back never exceeds what was withheld, and neither is negative", () => {
  fc.assert(
    fc.property(caseRateTerms, cases, values, (terms, year, measured) => {
      const s = settleYear(validateContract(terms, ["A", "B", "C"]), LEVELS, {
        cases: year,
        measures: measured,
      });
      expect(s.withheld).toBeGreaterThanOrEqual(0);
      expect(s.withholdEarned).toBeGreaterThanOrEqual(0);
      expect(s.withholdEarned).toBeLessThanOrEqual(s.withheld * (1 + 1e-12));
    }),
  );
});

test("the payor's statement and the provider's balance to the cent", () => {
  const arrangement = fc.oneof(
    caseRateTerms,
    fc.record({
      arrangement: fc.constant("sharedSavings" as const),
      sharedSavings: fc.record({ sharingRate: share, lossSharingRate: share, cap: share }),
    }),
  );
  fc.assert(
    fc.property(arrangement, cases, values, (terms, year, measured) => {
      const s = settleYear(validateContract(terms, ["A", "B", "C"]), LEVELS, {
        cases: year,
        measures: measured,
      });
      // The payor pays: each payment it makes, less what it recovers, by the statement's formula.
      const payor =
        s.arrangement === "sharedSavings"
          ? s.feeForServicePayments + s.sharedSavings
          : s.caseRatePayments +
            s.outlierPayments +
            s.corridorAdjustment +
            s.stopLossAdjustment -
            s.withheld +
            s.withholdEarned +
            s.qualityBonus +
            s.sharedSavings;
      // The provider receives: the statement's payment lines.
      const provider = s.lines.filter((l) => l.kind === "payment").reduce((sum, l) => sum + l.amount, 0);
      expect(cents(payor)).toBe(cents(provider));
      expect(cents(provider)).toBe(cents(s.netToProvider));
      expect(cents(s.netToProvider - s.costOfCare)).toBe(cents(s.providerMargin));
    }),
  );
});
