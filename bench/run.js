#!/usr/bin/env node
/**
 * `npm run bench`: runs every bench/*.bench.js in its own Node process, one after another, and
 * prints what each reports. Exits non-zero if any bench fails (a budget such as the functions
 * bundle's 30 KB is exceeded, or it crashes). Speed is measured here, never in the tests.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const only = process.argv.slice(2);
const benches = fs
  .readdirSync(__dirname)
  .filter((name) => name.endsWith(".bench.js"))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n== ${name}\n`);
  const result = spawnSync(process.execPath, [path.join(__dirname, name)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`!! ${name} failed (exit ${result.status ?? result.signal})\n`);
  }
}
process.stdout.write(`\n${benches.length - failed} of ${benches.length} benches passed\n`);
process.exitCode = failed === 0 ? 0 : 1;
