#!/usr/bin/env node
// Entry point of the `case-rate` command; the TypeScript is compiled to lib/ by `npm run build:cli`.
"use strict";
const { run } = require("../lib/cli/main.js");
const { processIo } = require("../lib/cli/io.js");

run(process.argv.slice(2), processIo).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`case-rate: unexpected failure: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
