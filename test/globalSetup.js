"use strict";
/**
 * Runs once before every suite: compiles the command line into lib/ (what `npm run build:cli`
 * does), so suites that spawn `bin/case-rate.js` run the current sources and never race to build it.
 */
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async () => {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: path.resolve(__dirname, ".."),
    stdio: "inherit",
  });
};
