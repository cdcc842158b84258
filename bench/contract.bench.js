#!/usr/bin/env node
/**
 * Pricing the contract before signing at the model's default simulated years (10,000), for the
 * starter workbook's example without and with the provider model (contractFiguresOf on a first
 * calculation, as a build runs it, with the Contract's simulated years at 10,000) and for `case-rate contract examples/contract.json`
 * (priceContract on contractPricingInputOfModel): seconds each. The target, a few seconds, is
 * reported, not enforced.
 */
"use strict";
require("./tsRequire");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const TARGET_SECONDS = 5;
const source = (file) => path.join(ROOT, "src", file);
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, "examples/contract.json"), "utf8"));

function seconds(work) {
  const start = process.hrtime.bigint();
  const result = work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** The three pricings, each module loaded through `load` (Node's require). */
function pricings(load) {
  const { describeStarterWorkbook, starterOptions } = load(source("workbook/starter/index.ts"));
  const { calculateWorkbook } = load(source("workbook/calc/index.ts"));
  const { IDENTITY_NAMING } = load(source("workbook/freeNames.ts"));
  const { contractFiguresOf } = load(source("workbook/contract/contractFigures.ts"));
  const { computeRateModel, parseRateModel } = load(source("core/index.ts"));
  const { contractPricingInputOfModel, priceContract } = load(source("core/contract/index.ts"));
  const { RISK_DEFAULTS } = load(source("core/risk/index.ts"));
  const workbook = (label, provider) => {
    const built = calculateWorkbook(describeStarterWorkbook(starterOptions({ example: true, provider })));
    const years = [{ ok: true, value: RISK_DEFAULTS.simulationYears }];
    const calc = {
      ...built,
      named: (name) => (name === "ContractSimulationYears" ? years : built.named(name)),
    };
    const { result, seconds: s } = seconds(() => contractFiguresOf(calc, IDENTITY_NAMING));
    return { label, seconds: s, years: result.years };
  };
  const model = parseRateModel(EXAMPLE);
  const result = computeRateModel(model);
  const cli = seconds(() => priceContract(contractPricingInputOfModel(model, result)));
  return [
    workbook("workbook, payor's year (3,000 Poisson cases)", false),
    workbook("workbook, provider model (1,000 consumers)", true),
    {
      label: "case-rate contract examples/contract.json",
      seconds: cli.seconds,
      years: cli.result.simulation.years,
    },
  ];
}

const rows = pricings(require);
const cells = rows.map((row) => [
  row.label,
  `${row.seconds.toFixed(2)} s`,
  `${row.years.toLocaleString("en-US")} years`,
]);
const widths = [0, 1, 2].map((c) => Math.max(...cells.map((r) => r[c].length)));
for (const row of cells) process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c])).join("  ")}\n`);
const slowest = Math.max(...rows.map((row) => row.seconds));
process.stdout.write(
  `target: each pricing under ${TARGET_SECONDS} s: ${slowest < TARGET_SECONDS ? "met" : "NOT met"}` +
    ` (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)\n`,
);
