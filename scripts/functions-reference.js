#!/usr/bin/env node
/**
 * The functions reference, generated from the JSDoc of src/functions/functions.ts: the same source
 * custom-functions-metadata turns into functions.json, so the page Excel's help links open, the
 * README's function reference and what Excel shows cannot drift apart.
 *
 *   node scripts/functions-reference.js          writes docs/functions.md
 *   node scripts/functions-reference.js --check  exits 1 if docs/functions.md is out of date
 *
 * The parts live in scripts/reference/: read.js (JSDoc → data, with examples.js for the example
 * formulas), html.js and markdown.js (the renderings) and plugin.js (FunctionsReferencePlugin, with
 * which the webpack build emits dist/functions-reference.html and, in production builds, points
 * functions.json's helpUrls at the production URL). This file is the command and their one entry.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { constantRows, parseConstant, parseFormula } = require("./reference/examples");
const { renderHtml } = require("./reference/html");
const { renderMarkdown } = require("./reference/markdown");
const { FunctionsReferencePlugin, PAGE } = require("./reference/plugin");
const { FUNCTIONS_TS, readNamespace, readReference } = require("./reference/read");

const MARKDOWN = path.resolve(__dirname, "../docs/functions.md");

async function main(argv) {
  const markdown = renderMarkdown(await readReference());
  if (argv.includes("--check")) {
    const current = fs.existsSync(MARKDOWN) ? fs.readFileSync(MARKDOWN, "utf8") : "";
    if (current !== markdown) {
      process.stderr.write(
        `${path.relative(process.cwd(), MARKDOWN)} is out of date: run node scripts/functions-reference.js\n`,
      );
      return 1;
    }
    return 0;
  }
  fs.mkdirSync(path.dirname(MARKDOWN), { recursive: true });
  fs.writeFileSync(MARKDOWN, markdown);
  process.stdout.write(`wrote ${path.relative(process.cwd(), MARKDOWN)}\n`);
  return 0;
}

module.exports = {
  FUNCTIONS_TS,
  MARKDOWN,
  PAGE,
  FunctionsReferencePlugin,
  constantRows,
  parseConstant,
  parseFormula,
  readNamespace,
  readReference,
  renderHtml,
  renderMarkdown,
};

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
