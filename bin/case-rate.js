#!/usr/bin/env node
// Entry point of the `case-rate` command; the TypeScript is compiled to lib/ by `npm run build:cli`.
"use strict";
const { run } = require("../lib/cli/main.js");
const { processIo } = require("../lib/cli/io.js");

process.exitCode = run(process.argv.slice(2), processIo);
