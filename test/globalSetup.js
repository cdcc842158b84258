"use strict";
/**
 * Runs once before every suite: compiles the command line into lib/ (what `npm run build:cli`
 * does), so suites that spawn `bin/case-rate.js` run the current sources and never race to build
 * it. A build newer than every source it is made from is reused, so `npx jest test/core` after an
 * earlier run starts at once.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, newestSource } = require("./helpers/newestSource");

/** Written after a successful compile; its time is the build's. */
const STAMP = path.join(ROOT, "lib", ".built");
/** What lib/ is compiled from: every source the CLI can reach, and the compiler's settings. */
const SOURCES = ["src", "tsconfig.json", "tsconfig.cli.json", "package-lock.json"];

module.exports = async () => {
  if (fs.existsSync(STAMP) && fs.statSync(STAMP).mtimeMs > newestSource(SOURCES)) return;
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
};
