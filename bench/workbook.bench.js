#!/usr/bin/env node
/**
 * The starter workbook's writers: for the payor workbook and for the one with the provider model,
 *   - the Office.js writer's context.sync() count and range writes, through office-addin-mock
 *     (a constant number of syncs, never one per cell);
 *   - the time to describe the workbook and to write the .xlsx with ExcelJS (median of 5 runs).
 */
"use strict";
require("./tsRequire");
const path = require("path");
const ExcelJS = require("exceljs");
const { OfficeMockObject } = require("office-addin-mock");

const ROOT = path.resolve(__dirname, "..");
const { describeStarterWorkbook, starterOptions, starterWanted } = require(
  path.join(ROOT, "src/workbook/starter"),
);
const { xlsxBytes } = require(path.join(ROOT, "src/workbook/xlsx/writeXlsx.ts"));
const { writeWorkbook } = require(path.join(ROOT, "src/taskpane/excel/writeWorkbook.ts"));
const { excelMock } = require(path.join(ROOT, "test/helpers/excelMock.ts"));

const MAX_SYNCS = 3;

async function median(runs, work) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main() {
  void OfficeMockObject;
  let failed = false;
  for (const [label, choice] of [
    ["payor (steps 1-8)", { example: true }],
    ["payor + provider model", { example: true, provider: true }],
  ]) {
    const options = starterOptions(choice);
    const spec = describeStarterWorkbook(options);
    const cells = spec.sheets.reduce(
      (n, s) => n + s.blocks.reduce((m, b) => m + b.rows.reduce((k, r) => k + r.length, 0), 0),
      0,
    );
    const excel = excelMock();
    const report = await writeWorkbook(excel.context, starterWanted(options), (naming) =>
      describeStarterWorkbook(options, naming),
    );
    const describeMs = await median(5, async () => describeStarterWorkbook(options));
    let bytes = 0;
    const xlsxMs = await median(5, async () => (bytes = (await xlsxBytes(spec, ExcelJS)).length));
    console.log(
      `${label}: ${spec.sheets.length} sheets, ${cells} cells, ${spec.names.length} names | Office.js: ${report.syncs} syncs, ` +
        `${report.rangeWrites} range writes | describe ${describeMs.toFixed(1)} ms, .xlsx ${xlsxMs.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KB)`,
    );
    if (report.syncs > MAX_SYNCS) {
      console.log(`!! ${report.syncs} syncs: the writer must batch into at most ${MAX_SYNCS}`);
      failed = true;
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
