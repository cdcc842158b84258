#!/usr/bin/env node
/**
 * The VBP functions as shipped: builds the production bundle (webpack --mode production, into a
 * temporary directory so dist/ is left alone), then
 *   - reports functions.js's minified size, which must stay ≤ 30 KB and carry no UI code;
 *   - loads it in a Node vm context with a stand-in CustomFunctions, as Excel's runtime would, and
 *     times CASERATE over 100,000 cells (100,000 one-cell calls, and one call spilling a
 *     100,000-cell column) and CASEMIX_BUDGET with detail over 10,000 scenarios.
 * Pass --dist to measure the existing dist/ instead of building.
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const vm = require("vm");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "..");
const BUDGET_KB = 30;

function build() {
  if (process.argv.includes("--dist")) return path.join(ROOT, "dist");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "functions-bench-"));
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
  return out;
}

/** The bundle's registered functions, through a stand-in CustomFunctions. */
function load(bundle) {
  const functions = new Map();
  class StandInError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  const CustomFunctions = {
    Error: StandInError,
    ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", notAvailable: "#N/A" },
    associate: (id, fn) => functions.set(id, fn),
  };
  vm.runInContext(bundle, vm.createContext({ CustomFunctions }), { filename: "functions.js" });
  return functions;
}

/** Median of `runs` timings of fn, in milliseconds, after one warm-up run. */
function time(fn, runs = 7) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const fmt = (n, digits = 2) => n.toFixed(digits);

function main() {
  const dir = build();
  if (!process.argv.includes("--dist"))
    process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const bundle = fs.readFileSync(path.join(dir, "functions.js"));
  const kb = bundle.length / 1024;
  const gzipKb = zlib.gzipSync(bundle, { level: 9 }).length / 1024;
  // webpack's chunk loader (the risk functions' import()) adds a script tag: not UI code.
  const loader =
    /\bdocument\.(createElement\("script"\)|getElementsByTagName\("script"\)|head\.appendChild\()/g;
  const ui = /\bdocument\.|\bOffice\.onReady|\bExcel\.run|getElementById/.test(
    bundle.toString().replace(loader, ""),
  );
  console.log(
    `functions.js: ${fmt(kb)} KB minified (${fmt(gzipKb)} KB gzipped); budget ${BUDGET_KB} KB; UI code: ${ui ? "FOUND" : "none"}`,
  );

  const fns = load(bundle.toString());
  const CASERATE = fns.get("CASERATE");
  const CASEMIX_BUDGET = fns.get("CASEMIX_BUDGET");

  const CELLS = 100_000;
  const hours = Array.from({ length: CELLS }, (_, i) => [1 + (i % 240)]);
  const rate = [[158.61739]];
  let sink = 0;

  const oneCellMs = time(() => {
    for (let i = 0; i < CELLS; i++) sink += CASERATE([hours[i]], rate, 0)[0][0];
  });
  console.log(
    `CASERATE, ${CELLS.toLocaleString("en-US")} one-cell calls: ${fmt(oneCellMs)} ms, ${fmt((oneCellMs * 1e6) / CELLS, 0)} ns per call`,
  );
  const spillMs = time(() => {
    sink += CASERATE(hours, rate, 0).length;
  });
  console.log(
    `CASERATE, one call spilling ${CELLS.toLocaleString("en-US")} cells: ${fmt(spillMs)} ms per call, ${fmt((spillMs * 1e6) / CELLS, 0)} ns per cell`,
  );
  const unroundedMs = time(() => {
    sink += CASERATE(hours, rate, null).length;
  });
  console.log(
    `CASERATE, the same spill without round_to: ${fmt(unroundedMs)} ms per call (the rest is Excel-compatible rounding)`,
  );

  const SCENARIOS = 10_000;
  // Scenario s moves 0–9 points of case mix from level A to level D; case rates vary with it.
  const scenarios = Array.from({ length: SCENARIOS }, (_, s) => {
    const shift = (s % 10) / 100;
    return {
      totalCases: 2700 + (s % 7) * 100,
      mix: [[0.2 - shift], [0.37], [0.33], [0.1 + shift]],
      rates: [[1586 + (s % 13)], [4759], [12689], [17448 - (s % 11)]],
    };
  });
  const budgetMs = time(() => {
    for (const sc of scenarios) sink += CASEMIX_BUDGET(sc.totalCases, sc.mix, sc.rates, true).length;
  });
  console.log(
    `CASEMIX_BUDGET with detail, ${SCENARIOS.toLocaleString("en-US")} scenarios: ${fmt(budgetMs)} ms, ${fmt((budgetMs * 1e3) / SCENARIOS, 2)} µs per call`,
  );
  if (sink === 0) console.log("(sink)");

  if (kb > BUDGET_KB || ui) {
    console.error(`FAIL: functions.js must be ≤ ${BUDGET_KB} KB minified and carry no UI code`);
    process.exitCode = 1;
  }
}

main();
