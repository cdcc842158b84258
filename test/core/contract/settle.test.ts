/**
 * Settlement statements worked by hand, one per term and one with all of them, on a small year:
 * level A (case rate $1,000) and level B (case rate $4,000).
 */
import { CaseRateInputError } from "../../../src/core";
import {
  type ClosedCase,
  type ContractTerms,
  type Measure,
  type Settlement,
  corridorAdjustment,
  settleYear,
} from "../../../src/core/contract";

const LEVELS = [
  { id: "A", caseRate: 1000 },
  { id: "B", caseRate: 4000 },
];

/** Four cases: case-rate payments 1,000 + 1,000 + 4,000 + 4,000 = $10,000; cost of care $11,000. */
const CASES: ClosedCase[] = [
  { level: "A", cost: 500 },
  { level: "A", cost: 2500 },
  { level: "B", cost: 3000 },
  { level: "B", cost: 5000 },
];

/** The four cases at other costs. */
const withCosts = (costs: number[]): ClosedCase[] => CASES.map((c, k) => ({ ...c, cost: costs[k] }));

const gate = (id: string, weight: number, target: number): Measure => ({
  id,
  weight,
  target,
  direction: "atLeast",
  scoring: "gate",
});

function settled(terms: ContractTerms, cases = CASES, measures: Record<string, number> = {}): Settlement {
  return settleYear(terms, LEVELS, { cases, measures });
}

/** The statement's payment lines sum to the net, and the margin is net − cost. */
function expectBalanced(s: Settlement): void {
  const payments = s.lines
    .filter((line) => line.kind === "payment")
    .reduce((sum, line) => sum + line.amount, 0);
  expect(payments).toBeCloseTo(s.netToProvider, 8);
  expect(s.providerMargin).toBeCloseTo(s.netToProvider - s.costOfCare, 8);
}

test("no terms: the provider gets the case-rate payments, $10,000, against $11,000 of care", () => {
  const s = settled({});
  expect(s).toMatchObject({
    caseRatePayments: 10000,
    outlierPayments: 0,
    corridorAdjustment: 0,
    stopLossAdjustment: 0,
    withheld: 0,
    withholdEarned: 0,
    qualityBonus: 0,
    sharedSavings: 0,
    netToProvider: 10000,
    costOfCare: 11000,
    providerMargin: -1000,
  });
  expect(s.lines.map((line) => line.kind)).toEqual(["payment", "total", "cost", "total"]);
  expectBalanced(s);
});

test("outlier: at twice the case rate, 80% of the A case's $500 above $2,000 and the B case's $0 = $400", () => {
  const s = settled({ outlier: { thresholdMultiple: 2, payorShare: 0.8 } });
  expect(s.outlierPayments).toBeCloseTo(400, 10);
  expect(s.payments).toBeCloseTo(10400, 10);
  expect(s.netToProvider).toBeCloseTo(10400, 10);
  expectBalanced(s);
});

test("outlier per level in dollars: A above $2,000 (500), B above $4,500 (500), half each = $500", () => {
  const s = settled({ outlier: { thresholdCost: { A: 2000, B: 4500 }, payorShare: 0.5 } });
  expect(s.outlierPayments).toBeCloseTo(500, 10);
});

test("corridors on a 10% loss: 0 on the first 3%, half of 3-8% ($250), 90% of 8-10% ($180) = $430", () => {
  const s = settled({
    corridors: [{ upTo: 0.03, payorShare: 0 }, { upTo: 0.08, payorShare: 0.5 }, { payorShare: 0.9 }],
  });
  expect(s.corridorAdjustment).toBeCloseTo(430, 8);
  expect(s.netToProvider).toBeCloseTo(10430, 8);
  expectBalanced(s);
});

test("corridors on a gain with gain bands and a corridorTarget of 0.9: r = (8,000 − 9,000) / 10,000 = −10%", () => {
  const cheap = withCosts([400, 1600, 2500, 3500]); // cost of care 8,000
  const s = settled(
    {
      corridors: [{ upTo: 0.05, payorShare: 0 }, { payorShare: 1 }],
      gainCorridors: [{ upTo: 0.02, payorShare: 0 }, { payorShare: 0.5 }],
      corridorTarget: 0.9,
    },
    cheap,
  );
  // Gain bands on |r| = 10%: 0 on 0-2%, half of 2-10% = 4% of P = $400 recovered.
  expect(s.costOfCare).toBe(8000);
  expect(s.corridorAdjustment).toBeCloseTo(-400, 8);
  expect(s.netToProvider).toBeCloseTo(9600, 8);
});

test("tiny payments: the corridor is worked in dollars, exact and finite where r = C ÷ P would overflow", () => {
  const bands = [{ upTo: 0.03, payorShare: 0 }, { upTo: 0.08, payorShare: 0.5 }, { payorShare: 0.9 }];
  // r = 1e10 ÷ 1e-300 is Infinity; the bands below 8% hold 8e-302 dollars, the last band 90% of the rest.
  const tiny = corridorAdjustment(1e10, 1e-300, 1, bands, undefined);
  expect(tiny).toBeCloseTo(0.9 * 1e10, 0);
  // 0 × Infinity was NaN: a last band with no share moves only the first band's 50% of 3% of P.
  const relative = (value: number, expected: number) => Math.abs(value / expected - 1);
  const noLastShare = [{ upTo: 0.03, payorShare: 0.5 }, { payorShare: 0 }];
  expect(relative(corridorAdjustment(1e10, 1e-300, 1, noLastShare, undefined), 0.015e-300)).toBeLessThan(
    1e-12,
  );
  expect(corridorAdjustment(1000, 1e-300, 0.65, bands, undefined)).toBeCloseTo(900, 9);
  // A gain of all of P on tiny payments: 50% of 3–8% and 90% of 8–100% of P, recovered.
  const gain = corridorAdjustment(0, 1e-300, 1, bands, undefined);
  expect(relative(gain, -(0.5 * 0.05 + 0.9 * 0.92) * 1e-300)).toBeLessThan(1e-12);
});

test("payments of 0: nothing moves without a cost; beside a cost r is not defined, a typed error", () => {
  const bands = [{ upTo: 0.03, payorShare: 0 }, { payorShare: 0.9 }];
  expect(corridorAdjustment(0, 0, 1, bands, undefined)).toBe(0);
  expect(() => corridorAdjustment(500, 0, 1, bands, undefined)).toThrow(CaseRateInputError);
  expect(() => corridorAdjustment(500, 0, 1, bands, undefined)).toThrow(
    "payments are 0 beside a cost of care of 500",
  );
  expect(() => corridorAdjustment(500, -1, 1, bands, undefined)).toThrow(CaseRateInputError);
});

test("stop-loss at 5%: the $1,000 loss is capped at $500 of the $10,000 payments, the payor pays $500", () => {
  const s = settled({ stopLoss: 0.05 });
  expect(s.stopLossAdjustment).toBeCloseTo(500, 8);
  expect(s.providerMargin).toBeCloseTo(-500, 8);
});

test("stop-gain at 10%: a $3,000 gain is capped at $1,000, the payor recovers $2,000", () => {
  const s = settled({ stopGain: 0.1 }, withCosts([300, 1700, 2000, 3000]));
  expect(s.costOfCare).toBe(7000);
  expect(s.stopLossAdjustment).toBeCloseTo(-2000, 8);
  expect(s.providerMargin).toBeCloseTo(1000, 8);
});

test("withhold of 2% ($200), earned back on a 60/40 gate of which the first is met: $120", () => {
  const s = settled(
    { withhold: { percent: 0.02, measures: [gate("followUp", 0.6, 0.7), gate("access", 0.4, 0.9)] } },
    CASES,
    { followUp: 0.7, access: 0.85 },
  );
  expect(s.withheld).toBeCloseTo(200, 10);
  expect(s.withholdEarned).toBeCloseTo(120, 10);
  expect(s.netToProvider).toBeCloseTo(9920, 8);
  expectBalanced(s);
});

test("withhold with a ladder (0.6 earns half, 0.75 all) and an atMost measure", () => {
  const terms: ContractTerms = {
    withhold: {
      percent: 0.05,
      measures: [
        {
          id: "withinRange",
          weight: 0.5,
          target: 0.75,
          direction: "atLeast",
          scoring: {
            ladder: [
              { threshold: 0.6, earn: 0.5 },
              { threshold: 0.75, earn: 1 },
            ],
          },
        },
        {
          id: "readmissions",
          weight: 0.5,
          target: 0.1,
          direction: "atMost",
          scoring: {
            ladder: [
              { threshold: 0.15, earn: 0.5 },
              { threshold: 0.1, earn: 1 },
            ],
          },
        },
      ],
    },
  };
  // Withheld $500; withinRange 0.7 earns 0.5 × 0.5, readmissions 0.12 earns 0.5 × 0.5: $250 back.
  const s = settled(terms, CASES, { withinRange: 0.7, readmissions: 0.12 });
  expect(s.withholdEarned).toBeCloseTo(250, 10);
  // Both at their best step: all of it back.
  expect(settled(terms, CASES, { withinRange: 0.8, readmissions: 0.05 }).withholdEarned).toBeCloseTo(500, 10);
});

test("quality bonus: a 1% pool ($100) on the measures met (weight 0.5) = $50; a $300 pool = $150", () => {
  const measures = [gate("followUp", 0.5, 0.7), gate("access", 0.5, 0.9)];
  const values = { followUp: 0.75, access: 0.5 };
  expect(settled({ qualityBonus: { poolPercent: 0.01, measures } }, CASES, values).qualityBonus).toBeCloseTo(
    50,
    10,
  );
  expect(settled({ qualityBonus: { pool: 300, measures } }, CASES, values).qualityBonus).toBeCloseTo(150, 10);
});

test("shared savings: benchmark Σ case rates $10,000, spending Σ paid $9,000, half shared = $500, capped at 3% = $300", () => {
  const paid = CASES.map((c, k) => ({ ...c, paid: [500, 2000, 3000, 3500][k] }));
  const term = {
    arrangement: "sharedSavings",
    sharedSavings: { sharingRate: 0.5, minimumSavingsRate: 0.02 },
  } as const;
  const s = settled(term, paid);
  expect(s.feeForServicePayments).toBe(9000);
  expect(s.caseRatePayments).toBe(0);
  expect(s.sharedSavings).toBeCloseTo(500, 10);
  expect(s.netToProvider).toBeCloseTo(9500, 10);
  expect(s.providerMargin).toBeCloseTo(9500 - 11000, 10);
  expectBalanced(s);
  expect(
    settled({ ...term, sharedSavings: { ...term.sharedSavings, cap: 0.03 } }, paid).sharedSavings,
  ).toBeCloseTo(300, 10);
  // Savings of 10% below a 12% minimum savings rate earn nothing; a quality gate not met neither.
  expect(
    settled({ ...term, sharedSavings: { sharingRate: 0.5, minimumSavingsRate: 0.12 } }, paid).sharedSavings,
  ).toBe(0);
  const gated = {
    sharingRate: 0.5,
    qualityGate: [{ id: "access", target: 0.9, direction: "atLeast" as const }],
  };
  expect(settled({ ...term, sharedSavings: gated }, paid, { access: 0.8 }).sharedSavings).toBe(0);
  expect(settled({ ...term, sharedSavings: gated }, paid, { access: 0.95 }).sharedSavings).toBeCloseTo(
    500,
    10,
  );
});

test("two-sided shared savings: spending $11,000 (the costs) on a $10,000 benchmark, 40% of the $1,000 loss = −$400", () => {
  const term: ContractTerms = {
    arrangement: "sharedSavings",
    sharedSavings: { sharingRate: 0.5, lossSharingRate: 0.4, minimumLossRate: 0.05, lossCap: 0.02 },
  };
  // The loss is 10% ≥ 5%; 40% of it is $400, capped at 2% of the benchmark: $200. The gate does not apply to losses.
  const s = settled(term);
  expect(s.sharedSavings).toBeCloseTo(-200, 10);
  expect(s.netToProvider).toBeCloseTo(10800, 10);
  expect(
    settled({ ...term, sharedSavings: { sharingRate: 0.5, lossSharingRate: 0.4 } }).sharedSavings,
  ).toBeCloseTo(-400, 10);
});

test("all the case-rate terms, in order: outliers → P → corridors → stop-loss → withhold → bonus", () => {
  const terms: ContractTerms = {
    outlier: { thresholdMultiple: 2, payorShare: 0.8 },
    corridors: [{ upTo: 0.03, payorShare: 0 }, { payorShare: 0.5 }],
    stopLoss: 0.02,
    withhold: { percent: 0.02, measures: [gate("followUp", 1, 0.7)] },
    qualityBonus: { pool: 100, measures: [gate("followUp", 1, 0.7)] },
  };
  const s = settled(terms, CASES, { followUp: 0.8 });
  // Outliers $400, so P = $10,400. r = (11,000 − 10,400) / 10,400 = 5.769…%: half of the part above
  // 3%, 0.5 × (600 − 312) = $144. M = 10,400 + 144 − 11,000 = −456; stop-loss at 2% of P = $208:
  // the payor pays $248. Withheld 2% of $10,000 = $200, all earned back; bonus $100.
  expect(s.outlierPayments).toBeCloseTo(400, 10);
  expect(s.corridorAdjustment).toBeCloseTo(144, 8);
  expect(s.stopLossAdjustment).toBeCloseTo(248, 8);
  expect(s.withheld).toBeCloseTo(200, 10);
  expect(s.withholdEarned).toBeCloseTo(200, 10);
  expect(s.qualityBonus).toBeCloseTo(100, 10);
  expect(s.netToProvider).toBeCloseTo(10400 + 144 + 248 - 200 + 200 + 100, 8);
  expect(s.providerMargin).toBeCloseTo(-108, 8);
  expect(s.lines.map((line) => line.text.split(/[:( ]/)[0])).toEqual([
    "Case-rate",
    "Outlier",
    "Payments",
    "Corridor",
    "Stop-loss/stop-gain",
    "Withhold",
    "Withhold",
    "Quality",
    "Net",
    "Cost",
    "Provider",
  ]);
  expectBalanced(s);
});

test("a case at a level the model does not have, or with a negative cost, is refused by name", () => {
  expect(() => settled({}, [{ level: "Z", cost: 1 }])).toThrow(
    'cases[0].level is "Z", which is not among the levels (A, B).',
  );
  expect(() => settled({}, [{ level: "A", cost: -1 }])).toThrow(
    "cases[0].cost is -1; it cannot be negative.",
  );
  expect(() => settled({ withhold: { percent: 0.02, measures: [gate("followUp", 1, 0.7)] } })).toThrow(
    "measure followUp has no value for the year; give measures.followUp.",
  );
});
