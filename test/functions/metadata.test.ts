/**
 * functions.json as custom-functions-metadata generates it from the JSDoc, the reference page and
 * docs/functions.md generated from the same JSDoc, and every example in them evaluated.
 */
import fs from "fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  FUNCTIONS_TS,
  MARKDOWN,
  PAGE,
  readReference,
  renderHtml,
  renderMarkdown,
  type Reference,
} from "../../scripts/functions-reference";
import * as adapters from "../../src/functions/functions";
import { differences, evaluate } from "./examples";
import { installStandIn } from "./standIn";

installStandIn();

/** The set and signatures the issue fixes: id → parameters, optional ones marked "?". */
const SIGNATURES: Record<string, string[]> = {
  CASES: ["enrollees", "penetration_rate"],
  CASEMIX_CASES: ["total_cases", "case_mix"],
  AVERAGE_HOURS: ["clients", "average_hours"],
  BLENDED_RATE: ["hours", "rate_per_hour"],
  CASERATE: ["average_hours", "rate_per_hour", "round_to?"],
  CASEMIX_BUDGET: ["total_cases", "case_mix", "case_rates", "detail?"],
  PMPM: ["budget", "enrollees", "months?"],
  IMPLIED_RATE: ["total_budget", "cases", "average_hours"],
  FTE_NEED: ["cases", "average_hours", "direct_hours_per_fte"],
  CASELOAD: ["direct_hours_per_fte", "case_mix", "average_hours"],
  WITHIN_RANGE: ["hours", "low", "high"],
  RISK_RESERVE: ["cases", "episodes", "average_hours", "rate_per_hour", "budget", "confidence?"],
  LOSS_PROBABILITY: ["cases", "episodes", "average_hours", "rate_per_hour", "budget"],
  OUTLIER_PAYMENT: ["cost", "threshold", "payor_share"],
  CORRIDOR: ["cost_of_care", "payments", "bands", "corridor_target?", "gain_bands?"],
  WITHHOLD_EARNED: ["withheld", "values", "targets", "weights", "directions?", "ladders?"],
  SHARED_SAVINGS: [
    "benchmark",
    "spending",
    "sharing_rate",
    "minimum_savings_rate?",
    "cap?",
    "quality_gate_met?",
    "loss_sharing_rate?",
    "minimum_loss_rate?",
    "loss_cap?",
  ],
};

/** Parameters that take ranges (dimensionality matrix), and the functions that spill. */
const RANGE_PARAMETERS: Record<string, string[]> = {
  CASES: [],
  CASEMIX_CASES: ["case_mix"],
  AVERAGE_HOURS: ["clients", "average_hours"],
  BLENDED_RATE: ["hours", "rate_per_hour"],
  CASERATE: ["average_hours", "rate_per_hour"],
  CASEMIX_BUDGET: ["case_mix", "case_rates"],
  PMPM: [],
  IMPLIED_RATE: ["cases", "average_hours"],
  FTE_NEED: ["cases", "average_hours"],
  CASELOAD: ["case_mix", "average_hours"],
  WITHIN_RANGE: ["hours", "low", "high"],
  RISK_RESERVE: ["cases", "episodes", "average_hours", "rate_per_hour"],
  LOSS_PROBABILITY: ["cases", "episodes", "average_hours", "rate_per_hour"],
  OUTLIER_PAYMENT: ["cost", "threshold"],
  CORRIDOR: ["bands", "gain_bands"],
  WITHHOLD_EARNED: ["values", "targets", "weights", "directions", "ladders"],
  SHARED_SAVINGS: [],
};
const SPILLS = ["CASEMIX_CASES", "CASERATE", "CASEMIX_BUDGET", "OUTLIER_PAYMENT"];

/** Words each kind of argument's description must use, so units read as the toolkit's. */
const UNIT_WORDS: [RegExp, RegExp][] = [
  [/^average_hours$/, /service hours per episode/],
  [/^rate_per_hour$/, /dollars per hour/],
  [/^(case_mix|penetration_rate)$/, /as %/],
  [/^direct_hours_per_fte$/, /direct-service hours/i],
  [/^(budget|total_budget|case_rates)$/, /dollars/],
  [/^(enrollees|total_cases|cases|clients)$/, /count/],
  [/^(low|high|hours)$/, /service hours/i],
  [/^(cost|threshold|cost_of_care|payments|withheld|benchmark|spending)$/, /dollars/],
  [/(share|rate|cap|target)$/, /as %|above 0/],
];

let reference: Reference;
beforeAll(async () => {
  reference = await readReference();
});

test("the JSDoc generates with no errors (custom-functions-metadata only reports them)", async () => {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
  expect(generated.errors).toEqual([]);
  expect(JSON.parse(generated.metadataJson).functions.length).toBe(Object.keys(SIGNATURES).length);
});

test("functions.json lists exactly the issue's functions, with the issue's signatures", () => {
  const listed = Object.fromEntries(
    reference.metadata.functions.map((fn) => [
      fn.id,
      fn.parameters.map((p) => (p.optional ? `${p.name}?` : p.name)),
    ]),
  );
  expect(listed).toEqual(SIGNATURES);
  for (const fn of reference.metadata.functions) expect(fn.name).toBe(fn.id);
  expect(reference.namespace).toBe("VBP");
});

test.each(Object.keys(SIGNATURES))(
  "%s: described, pure, ranges and spills declared, help on the served page",
  (id) => {
    const fn = reference.metadata.functions.find((f) => f.id === id)!;
    expect(fn.description.length).toBeGreaterThan(20);
    for (const p of fn.parameters) {
      expect(p.description ?? "").toMatch(/\w{3,}.*\w{3,}/);
      for (const [name, words] of UNIT_WORDS)
        if (name.test(p.name)) expect(`${p.name}: ${p.description}`).toMatch(words);
      const optionalText = p.optional ? /^Optional:/ : /^(?!Optional)/;
      expect(p.description).toMatch(optionalText);
    }
    // Not volatile, not streaming: Excel may cache results.
    expect(fn.options).toBeUndefined();
    expect(fn.parameters.filter((p) => p.dimensionality === "matrix").map((p) => p.name)).toEqual(
      RANGE_PARAMETERS[id],
    );
    expect(fn.result.dimensionality === "matrix").toBe(SPILLS.includes(id));
    // Types the generator accepts: no unions; any only where the result mixes text and numbers.
    // Text only where the cells hold words (a measure's direction, "atLeast" or "atMost").
    for (const p of fn.parameters)
      expect(p.name === "directions" ? ["string"] : ["number", "boolean"]).toContain(p.type);
    expect(fn.helpUrl).toBe(`https://localhost:3000/${PAGE}#${id}`);
  },
);

test("the risk functions are async: functions.json declares the number their promise resolves to", async () => {
  for (const id of ["RISK_RESERVE", "LOSS_PROBABILITY"]) {
    const fn = reference.metadata.functions.find((f) => f.id === id)!;
    expect(fn.result).toEqual({ type: "number" });
    const adapter = (adapters as Record<string, unknown>)[
      reference.associate.find((a) => a.id === id)!.functionName
    ];
    const answer = (adapter as (...a: unknown[]) => unknown)([[1]], [[1]], [[1]], [[1]], 1);
    expect(answer).toBeInstanceOf(Promise);
    expect(typeof (await answer)).toBe("number");
  }
});

test("the reference page has an anchor, a description and an example for every function", () => {
  const html = renderHtml(reference);
  for (const fn of reference.metadata.functions) {
    expect(html).toContain(`<section id="${fn.id}">`);
    expect(html).toContain(`href="#${fn.id}"`);
    for (const p of fn.parameters) expect(html).toContain(`<code>${p.name}</code>`);
  }
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
  expect(html).not.toMatch(/<script/i);
});

test.each(Object.keys(SIGNATURES))(
  "%s: every example in the reference gives the stated result",
  async (id) => {
    const fn = reference.functions.find((f) => f.id === id)!;
    expect(fn.examples.length).toBeGreaterThan(0);
    expect(fn.returns).not.toBe("");
    const byId = new Map(
      reference.associate.map((a) => [a.id, (adapters as Record<string, unknown>)[a.functionName]]),
    );
    const call = (callId: string, args: unknown[]) =>
      (byId.get(callId) as (...a: unknown[]) => unknown)(...args);
    for (const example of fn.examples) {
      const result = await evaluate(example.call as never, reference.functions, call);
      expect({ formula: example.formula, problems: differences(result, example.expected as never) }).toEqual({
        formula: example.formula,
        problems: [],
      });
    }
  },
);

test("docs/functions.md is generated from the current JSDoc (node scripts/functions-reference.js)", () => {
  expect(fs.existsSync(MARKDOWN)).toBe(true);
  expect(fs.readFileSync(MARKDOWN, "utf8")).toBe(renderMarkdown(reference));
});

test("a wrong stated result is caught, at the stated rounding", async () => {
  const { parseConstant } = await import("../../scripts/functions-reference");
  expect(differences(30.128, parseConstant("30.1") as never)).toEqual([]);
  expect(differences(30.16, parseConstant("30.1") as never)).toEqual(["row 1, column 1: 30.16 is not 30.1"]);
  expect(differences(0.75, parseConstant("75%") as never)).toEqual([]);
  expect(differences([[1], [2]], parseConstant("{1,2}") as never)).toEqual(["shape 2×1 instead of 1×2"]);
  expect(differences([["Total", ""]], parseConstant('{"Total",""}') as never)).toEqual([]);
});
