/**
 * The Settlement sheet recalculated by LibreOffice equals the core's settleYear statement to the
 * cent, line by line, on the example's cases and on seeded generated cases (losses deep into the
 * corridors and past the stop-loss, gains past the stop-gain, shared savings); the priced figures'
 * check turns FALSE once a term changes; the expected outlier payments are the core's closed form,
 * and the expected corridor, stop-loss and stop-gain adjustments its Normal closed forms.
 */
import type ExcelJS from "exceljs";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { computeRateModel, parseRateModel } from "../../src/core";
import {
  type ClosedCase,
  type ContractTerms,
  contractPricingInputOfModel,
  expectedCorridorAdjustment,
  expectedStopGainAdjustment,
  expectedStopLossAdjustment,
  priceContract,
  settleYear,
  type Settlement,
} from "../../src/core/contract";
import { type CalculatedWorkbook, calculateWorkbook } from "../../src/workbook/calc";
import { contractFiguresOf, contractTermsOf } from "../../src/workbook/contract/contractFigures";
import {
  ILLUSTRATIVE_ACTUALS,
  ILLUSTRATIVE_COST_PER_HOUR,
  ILLUSTRATIVE_TERMS,
} from "../../src/workbook/contract/example";
import { CASE_ROWS } from "../../src/workbook/contract/settlementSheet";
import { IDENTITY_NAMING } from "../../src/workbook/freeNames";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import type { ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { editedCopy, numbersOf, readFile, tempDir, writeSpec } from "../helpers/starterFiles";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const spec = describeStarterWorkbook(starterOptions({ example: true }));
const calc = calculateWorkbook(spec);
const LEVELS = ["A", "B", "C", "D"];
/** Years the tests price at: fewer than the sheet's default, the same inputs otherwise. */
const YEARS = 1000;

/** The calculation with the Contract's simulated years at `years`, every other cell as calculated. */
function withYears(calculated: CalculatedWorkbook, years: number): CalculatedWorkbook {
  return {
    ...calculated,
    named: (name) =>
      name === "ContractSimulationYears" ? [{ ok: true, value: years }] : calculated.named(name),
  };
}

/** The workbook's priced figures at YEARS, computed once for the tests that read them. */
const figuresAtYears = (() => {
  let figures: ReturnType<typeof contractFiguresOf>;
  return () => (figures ??= contractFiguresOf(withYears(calc, YEARS), IDENTITY_NAMING)!);
})();
const MEASURE_IDS = ["withinRange", "followUp7Day", "accessStandard", "encounterSubmission"];

/** The statement's names on the sheet, by the core's settlement key and line words. */
const LINES: [keyof Settlement, string, string][] = [
  ["caseRatePayments", "SettlementCaseRatePayments", "Case-rate payments"],
  ["outlierPayments", "SettlementOutlierPayments", "Outlier payments"],
  ["payments", "SettlementPayments", "Payments P (case rates and outlier payments)"],
  ["corridorAdjustment", "SettlementCorridorAdjustment", "Corridor adjustment"],
  ["stopLossAdjustment", "SettlementStopLossAdjustment", "Stop-loss/stop-gain adjustment"],
  ["withheld", "SettlementWithheld", "Withhold"],
  ["withholdEarned", "SettlementWithholdEarned", "Withhold earned back by the measures"],
  ["qualityBonus", "SettlementQualityBonus", "Quality bonus earned by the measures"],
  ["feeForServicePayments", "SettlementFeeForService", "Fee-for-service payments"],
  ["sharedSavings", "SettlementSharedSavings", "Shared savings"],
  ["netToProvider", "SettlementNetToProvider", "Net paid to the provider"],
  ["costOfCare", "SettlementCostOfCare", "Cost of care"],
  ["providerMargin", "SettlementMargin", "Provider margin (net paid less cost of care)"],
];

/** A seeded generator of closed cases: each level's costs scaled by `scale` around its case rate. */
function generatedCases(
  seed: number,
  count: number,
  scale: number,
  caseRates: readonly number[],
): ClosedCase[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const level = Math.floor(next() * LEVELS.length);
    // A skewed cost: mostly near the case rate × scale, a few far above (outliers).
    const u = next();
    const cost = Math.round(caseRates[level] * scale * (0.2 - Math.log(1 - u) * 0.8) * 100) / 100;
    return { level: LEVELS[level], cost };
  });
}

/** Writes cases and measure values into a copy of the file, the rest of the table cleared. */
const withActuals =
  (
    book: ReadWorkbook,
    cases: readonly ClosedCase[],
    measures: Record<string, number>,
    extra: Record<string, number | string> = {},
  ) =>
  (edit: ExcelJS.Workbook) => {
    const levels = book.named("CaseLevels")!;
    const costs = book.named("CaseCosts")!;
    const paid = book.named("CasesPaid")!;
    for (let i = 0; i < CASE_ROWS; i++) {
      const set = (cells: typeof levels, value: string | number | null) =>
        (edit.getWorksheet(cells[i].sheet)!.getCell(cells[i].address).value = value);
      set(levels, cases[i]?.level ?? null);
      set(costs, cases[i]?.cost ?? null);
      set(paid, cases[i]?.paid ?? null);
    }
    const values = book.named("MeasureValues")!;
    MEASURE_IDS.forEach(
      (id, i) => (edit.getWorksheet(values[i].sheet)!.getCell(values[i].address).value = measures[id]),
    );
    for (const [name, value] of Object.entries(extra)) {
      const [cell] = book.named(name)!;
      edit.getWorksheet(cell.sheet)!.getCell(cell.address).value = value;
    }
  };

/** Every statement line of the recalculated sheet equals the core's, to the cent. */
function expectStatement(book: ReadWorkbook, settlement: Settlement): void {
  for (const [key, name] of LINES) {
    const [value] = numbersOf(book, name);
    const expected = key === "withheld" ? 0 - settlement.withheld : (settlement[key] as number);
    expect({ name, cents: Math.round(value * 100) }).toEqual({ name, cents: Math.round(expected * 100) });
    expect(Math.abs(value - expected)).toBeLessThan(0.005);
  }
  expect(numbersOf(book, "SettlementCases")).toEqual([settlement.cases]);
}

describe("the Settlement sheet's lines are the core's lines[]", () => {
  test("each line of the core's statement is a line of the sheet, in the same order, in its words", () => {
    const levels = LEVELS.map((id, i) => ({
      id,
      caseRate: (calc.named("CaseRates")![i] as { value: number }).value,
    }));
    const settlement = settleYear(ILLUSTRATIVE_TERMS, levels, {
      cases: ILLUSTRATIVE_ACTUALS.cases.map(([level, cost]) => ({ level, cost })),
      measures: ILLUSTRATIVE_ACTUALS.measures,
    });
    const settlementSheet = spec.sheets.find((sheet) => sheet.name === "Settlement")!;
    const labels = settlementSheet.blocks
      .flatMap((block) => block.rows.map((row) => row[0]))
      .filter((v) => typeof v === "string") as string[];
    const order = settlement.lines.map((line) => {
      const words = LINES.find(
        ([, , start]) =>
          line.text.startsWith(start) && (start !== "Withhold" || line.text.startsWith("Withhold:")),
      )?.[2];
      expect({ line: line.text, words }).toEqual({ line: line.text, words: expect.any(String) });
      return labels.findIndex(
        (label) => label.startsWith(words!) && (words !== "Withhold" || label.startsWith("Withhold:")),
      );
    });
    expect(order.every((index) => index >= 0)).toBe(true);
    // Cost of care appears twice (C, then after the net): the statement's order is the last's.
    expect(order.slice(0, -2)).toEqual([...order.slice(0, -2)].sort((a, b) => a - b));
  });

  test("the example's terms on Contract are examples/contract.json's", () => {
    const model = JSON.parse(readFileSync(join(__dirname, "../../examples/contract.json"), "utf8"));
    const { about: _about, arrangement: _arrangement, feeForService: _fees, ...terms } = model.contract;
    const parsed = JSON.parse(JSON.stringify(terms).replace(/"atLeast":(\d)/g, '"threshold":$1'));
    const { costPerHour, ...onContract } = contractTermsOf(calc, IDENTITY_NAMING, LEVELS);
    expect(onContract).toEqual(parsed);
    expect(costPerHour).toBe(ILLUSTRATIVE_COST_PER_HOUR);
    expect(ILLUSTRATIVE_TERMS).toEqual(parsed);
  });

  test("the example's cases are every fourth of examples/actuals.json's, with its measures", () => {
    const actuals = JSON.parse(readFileSync(join(__dirname, "../../examples/actuals.json"), "utf8"));
    const every4th = actuals.cases
      .filter((_: unknown, i: number) => i % 4 === 0)
      .map((c: ClosedCase) => [c.level, c.cost]);
    expect(ILLUSTRATIVE_ACTUALS.cases).toEqual(every4th);
    expect(ILLUSTRATIVE_ACTUALS.measures).toEqual(actuals.measures);
  });

  test("the priced figures: the simulated outlier payments agree with the exact within three standard errors", () => {
    const figures = figuresAtYears();
    expect(Math.abs(figures.terms.outlierPayments - figures.exactOutlierPayments)).toBeLessThanOrEqual(
      3 * figures.outlierStandardError,
    );
  });
});

/**
 * Contract inputs that move the expected year's stops into reach: the cost of an hour at the
 * levels' rates (so C is near P; r's sd is then about 1.3% of P), and per variant the terms, as
 * the core and the Contract cells take them; `reaches`: which stops move money in expectation.
 */
const EXPECTED_VARIANTS: {
  label: string;
  terms: ContractTerms;
  inputs: Record<string, (number | null)[]>;
  reaches: [boolean, boolean];
}[] = [
  {
    label: "the example's bands at target 0.98, a 0 stop-loss and a 4% stop-gain: both reached",
    terms: { ...ILLUSTRATIVE_TERMS, corridorTarget: 0.98, stopLoss: 0, stopGain: 0.04 },
    inputs: { ContractCostPerHour: [null], CorridorTarget: [0.98], StopLoss: [0], StopGain: [0.04] },
    reaches: [true, true],
  },
  {
    label:
      "gain bands of their own ending at share 1 (a flat tail) and target 1.02: the stop-loss pays every year",
    terms: {
      ...ILLUSTRATIVE_TERMS,
      corridors: [{ upTo: 0.004, payorShare: 0 }, { upTo: 0.012, payorShare: 1 }, { payorShare: 0.5 }],
      gainCorridors: [{ upTo: 0.01, payorShare: 0.25 }, { payorShare: 1 }],
      corridorTarget: 1.02,
      stopLoss: 0.002,
      stopGain: 0.001,
    },
    inputs: {
      ContractCostPerHour: [null],
      CorridorUpTo: [0.004, 0.012, null, null],
      CorridorShares: [0, 1, 0.5, null],
      GainCorridorUpTo: [0.01, null, null, null],
      GainCorridorShares: [0.25, 1, null, null],
      CorridorTarget: [1.02],
      StopLoss: [0.002],
      StopGain: [0.001],
    },
    reaches: [true, false],
  },
  {
    label: "bands ending at share 1 (a flat tail) and target 0.97: the stop-gain recovers every year",
    terms: {
      ...ILLUSTRATIVE_TERMS,
      corridors: [{ upTo: 0.01, payorShare: 0.5 }, { payorShare: 1 }],
      corridorTarget: 0.97,
      stopLoss: 0.01,
      stopGain: 0.02,
    },
    inputs: {
      ContractCostPerHour: [null],
      CorridorUpTo: [0.01, null, null, null],
      CorridorShares: [0.5, 1, null, null],
      CorridorTarget: [0.97],
      StopLoss: [0.01],
      StopGain: [0.02],
    },
    reaches: [false, true],
  },
];

describe("the workbook's priced figures are case-rate contract's for the same model", () => {
  const EXAMPLE = JSON.parse(readFileSync(join(__dirname, "../../examples/contract.json"), "utf8"));
  const withProvider = calculateWorkbook(
    describeStarterWorkbook(starterOptions({ example: true, provider: true })),
  );
  const one = (calculated: CalculatedWorkbook, name: string) =>
    (calculated.named(name)![0] as { value: number }).value;

  /** Equal to 1e-9 relative (absolute below 1). */
  function same(actual: number, expected: number): void {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  }

  test.each([
    [
      "without the provider model: the payor's Poisson year at Contract's cost of an hour",
      () => calc,
      () => {
        const { provider: _provider, ...payor } = EXAMPLE;
        return { ...payor, contract: { ...EXAMPLE.contract, costPerHour: ILLUSTRATIVE_COST_PER_HOUR } };
      },
    ],
    [
      "with it: the provider's consumers at fixed counts at its cost of a direct hour",
      () => withProvider,
      () => ({
        ...EXAMPLE,
        provider: {
          ...EXAMPLE.provider,
          consumers: one(withProvider, "ConsumersPerYear"),
          directCostPerHour: one(withProvider, "CostPerDirectHour"),
        },
      }),
    ],
  ])("%s", (_title, workbook, example) => {
    const figures = contractFiguresOf(withYears(workbook(), YEARS), IDENTITY_NAMING)!;
    const model = parseRateModel({ ...example(), risk: { seed: 1, simulationYears: YEARS } });
    const cli = priceContract(contractPricingInputOfModel(model, computeRateModel(model)));
    expect([figures.years, figures.seed]).toEqual([cli.simulation.years, cli.simulation.seed]);
    for (const side of ["withoutTerms", "withTerms"] as const) {
      same(figures[side].expectedProviderMargin, cli[side].expectedProviderMargin);
      same(figures[side].probabilityOfLoss, cli[side].probabilityOfLoss);
      same(figures[side].expectedPayorCost, cli[side].expectedPayorCost);
    }
    for (const [term, value] of Object.entries(cli.withTerms.terms))
      same(figures.terms[term as keyof typeof figures.terms], value);
    same(figures.exactOutlierPayments, cli.exact.outlierPayments);
    same(figures.outlierStandardError, cli.simulation.standardErrors.outlierPayments);
    expect(workbook().named("ContractFiguresCurrent")![0]).toEqual({ ok: true, value: true });
  });
});

describeWithLibreOffice("the Settlement sheet recalculated by LibreOffice", (soffice) => {
  const dir = tempDir("settlement");
  let books: ReadWorkbook[] = [];
  /** The example, then each of EXPECTED_VARIANTS, recalculated. */
  let expectedBooks: ReadWorkbook[] = [];
  let caseRates: number[] = [];
  const runs: {
    label: string;
    terms: ContractTerms;
    cases: ClosedCase[];
    measures: Record<string, number>;
    extra?: Record<string, number | string>;
  }[] = [];

  beforeAll(async () => {
    const example = await writeSpec(spec, dir, "example");
    const written = await readFile(example);
    caseRates = LEVELS.map((_, i) => (calc.named("CaseRates")![i] as { value: number }).value);
    const missed = { withinRange: 0.65, followUp7Day: 0.6, accessStandard: 0.95, encounterSubmission: 0.9 };
    const met = { withinRange: 0.8, followUp7Day: 0.75, accessStandard: 0.92, encounterSubmission: 0.97 };
    runs.push(
      {
        label: "the example",
        terms: ILLUSTRATIVE_TERMS,
        cases: ILLUSTRATIVE_ACTUALS.cases.map(([level, cost]) => ({ level, cost })),
        measures: { ...ILLUSTRATIVE_ACTUALS.measures },
      },
      {
        label: "generated, costs at 6 × the case rates (losses in every band, past the stop-loss)",
        // Without outlier payments (which would carry most of the loss), past the stop-loss.
        terms: { ...ILLUSTRATIVE_TERMS, outlier: undefined },
        cases: generatedCases(7, 300, 6, caseRates),
        extra: { OutlierPayorShare: "" },
        measures: missed,
      },
      {
        label: "generated, costs at 72% (inside the first bands)",
        terms: ILLUSTRATIVE_TERMS,
        cases: generatedCases(11, CASE_ROWS, 0.72, caseRates),
        measures: met,
      },
      {
        label: "generated, costs at 30% (gains past a 30% stop-gain)",
        terms: { ...ILLUSTRATIVE_TERMS, stopGain: 0.3 },
        cases: generatedCases(3, 120, 0.3, caseRates),
        measures: met,
        extra: { StopGain: 0.3 },
      },
    );
    // Shared savings: fee-for-service paid per case, the benchmark the cases' case rates.
    const ssCases = generatedCases(5, 200, 0.9, caseRates).map((c, i) =>
      i % 3 === 0 ? { ...c, paid: Math.round(c.cost * 1.1 * 100) / 100 } : c,
    );
    runs.push({
      label: "generated, shared savings (two-sided)",
      terms: {
        arrangement: "sharedSavings",
        sharedSavings: {
          minimumSavingsRate: 0.02,
          sharingRate: 0.5,
          cap: 0.1,
          lossSharingRate: 0.3,
          lossCap: 0.05,
        },
      },
      cases: ssCases,
      measures: met,
      extra: {
        Arrangement: "Shared savings",
        SharingRate: 0.5,
        MinimumSavingsRate: 0.02,
        SavingsCap: 0.1,
        LossSharingRate: 0.3,
        LossCap: 0.05,
      },
    });
    const clearCaseRateTerms = (edit: ExcelJS.Workbook) => {
      for (const name of [
        "OutlierThresholdMultiple",
        "OutlierPayorShare",
        "CorridorTarget",
        "CorridorUpTo",
        "CorridorShares",
        "StopLoss",
        "StopGain",
        "WithholdPercent",
        "QualityBonusPoolPercent",
      ])
        for (const cell of written.named(name)!)
          edit.getWorksheet(cell.sheet)!.getCell(cell.address).value = null;
    };
    const files = await Promise.all(
      runs.map((run, i) =>
        editedCopy(example, dir, `run${i}`, (edit) => {
          if (run.terms.arrangement === "sharedSavings") clearCaseRateTerms(edit);
          withActuals(written, run.cases, run.measures, run.extra)(edit);
        }),
      ),
    );
    const stale = await editedCopy(
      example,
      dir,
      "stale",
      withActuals(written, [], {}, { OutlierPayorShare: 0.7 }),
    );
    const variants = await Promise.all(
      EXPECTED_VARIANTS.map((variant, i) =>
        editedCopy(example, dir, `expected${i}`, (edit) => {
          for (const [name, values] of Object.entries(variant.inputs))
            written
              .named(name)!
              .forEach((cell, k) => (edit.getWorksheet(cell.sheet)!.getCell(cell.address).value = values[k]));
        }),
      ),
    );
    const recalculated = await Promise.all(
      (await recalculateWithLibreOffice(soffice, [example, ...files, stale, ...variants])).map(readFile),
    );
    books = recalculated.slice(0, recalculated.length - variants.length);
    expectedBooks = [books[0], ...recalculated.slice(books.length)];
  }, 300_000);

  test.each([0, 1, 2, 3, 4])("run %i equals the core's settleYear to the cent, every line", (i) => {
    const run = runs[i];
    const levels = LEVELS.map((id, k) => ({ id, caseRate: numbersOf(books[0], "CaseRates")[k] }));
    const settlement = settleYear(run.terms, levels, { cases: run.cases, measures: run.measures });
    expectStatement(books[i + 1], settlement);
  });

  test("the generated runs reach the corridors' bands, the stop-loss and the stop-gain", () => {
    const levels = LEVELS.map((id, k) => ({ id, caseRate: caseRates[k] }));
    const [, loss, inside, gain] = runs.map((run) => settleYear(run.terms, levels, run));
    expect(loss.corridorAdjustment).toBeGreaterThan(0);
    expect(loss.stopLossAdjustment).toBeGreaterThan(0);
    expect(inside.corridorAdjustment).not.toBe(0);
    expect(gain.corridorAdjustment).toBeLessThan(0);
    expect(gain.stopLossAdjustment).toBeLessThan(0);
  });

  test("the priced figures are current as built, and not once a term has changed", () => {
    expect(books[0].named("ContractFiguresCurrent")?.[0].value).toBe(true);
    expect(books[books.length - 1].named("ContractFiguresCurrent")?.[0].value).toBe(false);
  });

  test.each([0, 1, 2, 3])(
    "the expected corridor, stop-loss and stop-gain adjustments (native) are the core's Normal closed forms: book %i",
    (i) => {
      const book = expectedBooks[i];
      const terms = i === 0 ? ILLUSTRATIVE_TERMS : EXPECTED_VARIANTS[i - 1].terms;
      const [payments] = numbersOf(book, "ExpectedPayments");
      const ratio = {
        mean: numbersOf(book, "ExpectedCorridorRatio")[0],
        sd: numbersOf(book, "CorridorRatioSD")[0],
      };
      const core = {
        corridor: expectedCorridorAdjustment(terms, payments, ratio),
        stopLoss: expectedStopLossAdjustment(terms, payments, ratio),
        stopGain: expectedStopGainAdjustment(terms, payments, ratio),
      };
      const native = {
        corridor: numbersOf(book, "ExpectedCorridorAdjustment")[0],
        stopLoss: numbersOf(book, "ExpectedStopLossAdjustment")[0],
        stopGain: numbersOf(book, "ExpectedStopGainAdjustment")[0],
      };
      for (const key of ["corridor", "stopLoss", "stopGain"] as const)
        expect({ key, off: Math.abs(native[key] - core[key]) <= 1e-9 * Math.abs(core[key]) }).toEqual({
          key,
          off: true,
        });
      // The example's stops are out of reach (r's sd is under 1% of P); each variant's as named.
      const [loss, gain] = i === 0 ? [false, false] : EXPECTED_VARIANTS[i - 1].reaches;
      expect(core.stopLoss > 1e-4 * payments).toBe(loss);
      expect(core.stopGain < -1e-4 * payments).toBe(gain);
    },
  );

  test("the expected outlier payments (native) are the core's closed form", () => {
    const figures = figuresAtYears();
    const [native] = numbersOf(books[0], "ExpectedOutlierPayments");
    expect(Math.abs(native - figures.exactOutlierPayments)).toBeLessThanOrEqual(
      1e-9 * figures.exactOutlierPayments,
    );
  });
});
