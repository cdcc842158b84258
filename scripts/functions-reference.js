#!/usr/bin/env node
/**
 * The functions reference, generated from the JSDoc of src/functions/functions.ts: the same source
 * custom-functions-metadata turns into functions.json, so the page Excel's help links open, the
 * README's function reference and what Excel shows cannot drift apart.
 *
 *   node scripts/functions-reference.js          writes docs/functions.md
 *   node scripts/functions-reference.js --check  exits 1 if docs/functions.md is out of date
 *
 * The webpack build emits dist/functions-reference.html with FunctionsReferencePlugin (below),
 * which also points functions.json's helpUrls at the production URL in production builds.
 */
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { readTextConstant } = require("./formulaTokens");
const { requireSource } = require("./requireSource");

const ROOT = path.resolve(__dirname, "..");
const FUNCTIONS_TS = path.join(ROOT, "src/functions/functions.ts");
const MANIFEST = path.join(ROOT, "manifest.xml");
const MARKDOWN = path.join(ROOT, "docs/functions.md");
const PAGE = "functions-reference.html";

// ---------------------------------------------------------------------------------------------
// Excel constants and example formulas

/**
 * Parses Excel constants and formulas of the examples: numbers (10, 158.62, 20%), "text", TRUE and
 * FALSE, array constants ({1;2} a column, {1,2} a row) and calls (=VBP.CASERATE(...)). Numbers keep
 * how many decimals they were written with, so a stated result can be compared at its rounding.
 */
function parser(text) {
  let at = 0;
  const fail = (what) => {
    throw new Error(`${what} at character ${at + 1} of: ${text}`);
  };
  const space = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const peek = () => (space(), text[at]);
  const expect = (char) => {
    if (peek() !== char) fail(`expected "${char}"`);
    at++;
  };

  function scalar() {
    space();
    if (text[at] === '"') {
      const { value, end, closed } = readTextConstant(text, at);
      at = end;
      if (!closed) fail("unterminated text");
      return { kind: "string", value };
    }
    const word = /^(TRUE|FALSE)\b/i.exec(text.slice(at));
    if (word) {
      at += word[0].length;
      return { kind: "boolean", value: word[1].toUpperCase() === "TRUE" };
    }
    const number = /^(-?)(\d+)(?:\.(\d+))?(%?)/.exec(text.slice(at));
    if (!number) fail("expected a number, text, TRUE or FALSE");
    at += number[0].length;
    const percent = number[4] === "%";
    const written = number[1] + number[2] + (number[3] ? `.${number[3]}` : "");
    const decimals = (number[3] || "").length + (percent ? 2 : 0);
    // Scaling by 100 in decimal text keeps 20% exactly 0.2.
    const value = percent ? Number((Number(written) / 100).toFixed(decimals)) : Number(written);
    return { kind: "number", value, decimals, text: number[0] };
  }

  function array() {
    expect("{");
    const rows = [[scalar()]];
    for (;;) {
      const next = peek();
      if (next === ",") {
        at++;
        rows[rows.length - 1].push(scalar());
      } else if (next === ";") {
        at++;
        rows.push([scalar()]);
      } else if (next === "}") {
        at++;
        break;
      } else fail('expected ",", ";" or "}"');
    }
    if (rows.some((row) => row.length !== rows[0].length)) fail("array rows of different lengths");
    return { kind: "array", rows };
  }

  function call() {
    space();
    const name = /^([A-Z][A-Z0-9_]*)\.([A-Z][A-Z0-9_]*)\(/i.exec(text.slice(at));
    if (!name) fail("expected a function call");
    at += name[0].length;
    const args = [];
    if (peek() === ")") {
      at++;
      return { kind: "call", namespace: name[1], id: name[2].toUpperCase(), args };
    }
    for (;;) {
      const next = peek();
      args.push(next === "," || next === ")" ? { kind: "omitted" } : operand());
      const sep = peek();
      at++;
      if (sep === ")") break;
      if (sep !== ",") fail('expected "," or ")"');
    }
    return { kind: "call", namespace: name[1], id: name[2].toUpperCase(), args };
  }

  function operand() {
    const next = peek();
    if (next === "{") return array();
    if (/[A-Z]/i.test(next) && /^[A-Z][A-Z0-9_]*\./i.test(text.slice(at))) return call();
    return scalar();
  }

  function done(node) {
    space();
    if (at !== text.length) fail("unexpected text");
    return node;
  }

  return {
    formula() {
      expect("=");
      return done(call());
    },
    value() {
      return done(peek() === "{" ? array() : scalar());
    },
  };
}

/** An example formula ("=VBP.CASES(30000, 10%)") as a call tree. */
function parseFormula(text) {
  return parser(text).formula();
}

/** A stated result ("3000", "50%", or an array constant) as a constant. */
function parseConstant(text) {
  return parser(text).value();
}

/** A constant as rows of cells: a scalar is one row of one cell. */
function constantRows(constant) {
  return constant.kind === "array" ? constant.rows : [[constant]];
}

// ---------------------------------------------------------------------------------------------
// Reading the JSDoc

/**
 * Parses one example tag: "<what it shows>: =VBP.NAME(...) → result".
 */
function parseExample(text, functionId) {
  const match = /^([\s\S]*?):\s*(=[\s\S]*?)\s*→\s*([\s\S]+?)\s*$/.exec(text.replace(/\s+/g, " ").trim());
  if (!match)
    throw new Error(`${functionId}: @example must read "<caption>: =FORMULA → result", got: ${text}`);
  const [, caption, formula, result] = match;
  const call = parseFormula(formula);
  if (call.id !== functionId)
    throw new Error(`${functionId}: @example calls ${call.id}, not ${functionId}: ${text}`);
  return { caption: caption.trim(), formula, call, result, expected: parseConstant(result) };
}

/** The add-in's function namespace from the manifest (Functions.Namespace). */
function readNamespace(manifestPath = MANIFEST) {
  const xml = fs.readFileSync(manifestPath, "utf8");
  const match = /<bt:String\s+id="Functions\.Namespace"\s+DefaultValue="([^"]+)"/.exec(xml);
  if (!match) throw new Error(`${manifestPath} defines no Functions.Namespace string`);
  return match[1];
}

/** Per JavaScript function name: the @returns text and the examples, read with TypeScript's parser. */
function readJsDocExtras(source, fileName, idsByFunction) {
  const ts = require("typescript");
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2020, true);
  const extras = new Map();
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const id = idsByFunction.get(statement.name.text);
    if (id === undefined) continue;
    const tags = ts.getJSDocTags(statement);
    const text = (tag) => (ts.getTextOfJSDocComment(tag.comment) || "").trim();
    const returns = tags
      .filter((tag) => tag.tagName.text === "returns" || tag.tagName.text === "return")
      .map(text);
    const examples = tags
      .filter((tag) => tag.tagName.text === "example")
      .map((tag) => parseExample(text(tag), id));
    extras.set(id, { returns: returns[0] || "", examples });
  }
  return extras;
}

/**
 * The reference: functions.json's functions (what Excel shows) with each one's @returns text and
 * examples. Throws on JSDoc errors, which custom-functions-metadata only reports.
 */
async function readReference({ input = FUNCTIONS_TS, manifest = MANIFEST } = {}) {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const generated = await generateCustomFunctionsMetadata(input);
  if (generated.errors.length > 0) {
    throw new Error(`JSDoc errors in ${input}:\n${generated.errors.join("\n")}`);
  }
  const metadata = JSON.parse(generated.metadataJson);
  const idsByFunction = new Map(generated.associate.map((item) => [item.functionName, item.id]));
  const extras = readJsDocExtras(fs.readFileSync(input, "utf8"), input, idsByFunction);
  const namespace = readNamespace(manifest);
  const functions = metadata.functions.map((fn) => {
    const extra = extras.get(fn.id) || { returns: "", examples: [] };
    for (const example of extra.examples) {
      const walk = (node) => {
        if (node.kind !== "call") return;
        if (node.namespace !== namespace) {
          throw new Error(
            `${fn.id}: @example calls ${node.namespace}.${node.id}; the namespace is ${namespace}`,
          );
        }
        node.args.forEach(walk);
      };
      walk(example.call);
    }
    return { ...fn, returns: extra.returns, examples: extra.examples };
  });
  return { namespace, metadata, functions, associate: generated.associate };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** "VBP.CASERATE(average_hours, rate_per_hour, [round_to])". */
function syntax(namespace, fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${namespace}.${fn.name}(${params.join(", ")})`;
}

/** What kind of value a parameter takes, in a user's words. */
function parameterKind(parameter) {
  const range = parameter.dimensionality === "matrix";
  if (parameter.type === "boolean") return range ? "range of TRUE/FALSE" : "TRUE or FALSE";
  if (parameter.type === "number") return range ? "number or range" : "number";
  return range ? "range" : "value";
}

function resultKind(fn) {
  return fn.result && fn.result.dimensionality === "matrix" ? "can spill a range" : "one value";
}

function cellText(cell) {
  if (cell.kind === "string") return cell.value;
  if (cell.kind === "boolean") return cell.value ? "TRUE" : "FALSE";
  // Grouped in thousands by the one grouping every figure shown goes through: 24030535 → 24,030,535.
  return requireSource("src/core/format.ts").groupThousands(cell.text);
}

function escapeHtml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}

/** Markdown table cells must not break the table. */
function escapeCell(text) {
  return String(text).replace(/\|/g, "\\|");
}

const INTRO = [
  "Type these in a cell after the add-in is installed; Excel's autocomplete shows each function and argument with the descriptions below.",
  "A range argument takes a single cell, a row or a column; a function whose result is a range spills it in the shape of its input.",
  "A blank cell inside a range is an error, not zero: a blank case-mix share is not 0% by accident. Enter 0 (or 0%) where you mean none.",
  'Every input problem is #VALUE! with a message naming the argument, such as "case_mix sums to 97%, not 100%." (select the cell and the error flag to read it); a zero divisor, such as 0 enrollees, is #DIV/0!.',
  "Results are unrounded unless a function rounds on request (CASERATE's round_to); format cells as currency or % to show them as the toolkit prints them.",
  "The examples use the Case Rate Toolkit's worked example (Admirable Mental Health Partners, Zontanos Health and Wellness); each one is checked by the project's tests.",
];

function renderResultHtml(expected) {
  const rows = constantRows(expected);
  if (rows.length === 1 && rows[0].length === 1) return `<code>${escapeHtml(cellText(rows[0][0]))}</code>`;
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell) => `<td${cell.kind === "string" ? ' class="text"' : ""}>${escapeHtml(cellText(cell))}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `spills\n<table class="spill">\n${body}\n</table>`;
}

const CSS = `body{font-family:"Segoe UI",system-ui,-apple-system,sans-serif;margin:0 auto;max-width:52rem;padding:1rem 1.25rem 3rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ddd;padding-top:1rem}
code,pre{font-family:Consolas,"Cascadia Mono",monospace;font-size:.92em}pre{background:#f4f6f4;padding:.5rem .75rem;overflow-x:auto;white-space:pre-wrap}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
table.spill td{text-align:right}table.spill td.text{text-align:left}nav li{margin:.2rem 0}.kind{color:#555;white-space:nowrap}`;

/** The page Excel's help links open: dist/functions-reference.html. Static, no script. */
function renderHtml(reference) {
  const { namespace, functions } = reference;
  const sections = functions.map((fn) => {
    const params = fn.parameters
      .map(
        (p) =>
          `<tr><td><code>${escapeHtml(p.name)}</code></td><td class="kind">${p.optional ? "optional" : "required"}, ${escapeHtml(parameterKind(p))}</td><td>${escapeHtml(p.description)}</td></tr>`,
      )
      .join("\n");
    const examples = fn.examples
      .map(
        (ex) =>
          `<p>${escapeHtml(ex.caption)}:</p>\n<pre><code>${escapeHtml(ex.formula)}</code></pre>\n<p>→ ${renderResultHtml(ex.expected)}</p>`,
      )
      .join("\n");
    return `<section id="${escapeHtml(fn.id)}">
<h2><code>${escapeHtml(syntax(namespace, fn))}</code></h2>
<p>${escapeHtml(fn.description)}</p>
<table>
<thead><tr><th>Argument</th><th>Takes</th><th>Description</th></tr></thead>
<tbody>
${params}
</tbody>
</table>
<p><strong>Returns</strong> (${resultKind(fn)}): ${escapeHtml(fn.returns)}</p>
<h3>Example${fn.examples.length === 1 ? "" : "s"}</h3>
${examples}
</section>`;
  });
  const hash = crypto.createHash("sha256").update(CSS).digest("base64");
  return `<!doctype html>
<!-- Generated by scripts/functions-reference.js from src/functions/functions.ts; do not edit. -->
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'" />
<title>${escapeHtml(namespace)} functions: Case Rate Workbench</title>
<style>${CSS}</style>
</head>
<body>
<h1>Case Rate Workbench: the ${escapeHtml(namespace)} functions</h1>
${INTRO.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
<nav aria-label="Functions">
<ul>
${functions.map((fn) => `<li><a href="#${escapeHtml(fn.id)}"><code>${escapeHtml(namespace)}.${escapeHtml(fn.name)}</code></a>: ${escapeHtml(fn.description)}</li>`).join("\n")}
</ul>
</nav>
${sections.join("\n")}
</body>
</html>
`;
}

function renderResultMarkdown(expected) {
  const rows = constantRows(expected);
  if (rows.length === 1 && rows[0].length === 1) return `→ \`${cellText(rows[0][0])}\``;
  const line = (row) => `| ${row.map((cell) => escapeCell(cellText(cell)) || " ").join(" | ")} |`;
  // A table whose first row is all text (a header row) keeps it as the Markdown header.
  const hasHeader = rows.length > 1 && rows[0].every((cell) => cell.kind === "string");
  const header = hasHeader ? line(rows[0]) : `| ${rows[0].map(() => " ").join(" | ")} |`;
  const rule = `| ${rows[0].map(() => "---:").join(" | ")} |`;
  return ["→ spills:", "", header, rule, ...(hasHeader ? rows.slice(1) : rows).map(line)].join("\n");
}

/** docs/functions.md: the README's function reference, from the same reference as the page. */
function renderMarkdown(reference) {
  const { namespace, functions } = reference;
  const lines = [
    "<!-- Generated by scripts/functions-reference.js from src/functions/functions.ts; do not edit.",
    "     Regenerate with: node scripts/functions-reference.js -->",
    "",
    "# Function reference",
    "",
    ...INTRO.flatMap((line) => [line, ""]),
    "| Function | What it gives |",
    "| --- | --- |",
    ...functions.map(
      (fn) => `| [\`${namespace}.${fn.name}\`](#${fn.id.toLowerCase()}) | ${escapeCell(fn.description)} |`,
    ),
  ];
  for (const fn of functions) {
    lines.push(
      "",
      `<a id="${fn.id.toLowerCase()}"></a>`,
      "",
      `## \`${syntax(namespace, fn)}\``,
      "",
      fn.description,
      "",
      "| Argument | Takes | Description |",
      "| --- | --- | --- |",
      ...fn.parameters.map(
        (p) =>
          `| \`${p.name}\` | ${p.optional ? "optional" : "required"}, ${parameterKind(p)} | ${escapeCell(p.description)} |`,
      ),
      "",
      `**Returns** (${resultKind(fn)}): ${fn.returns}`,
    );
    for (const ex of fn.examples) {
      lines.push("", `${ex.caption}:`, "", "```", ex.formula, "```", "", renderResultMarkdown(ex.expected));
    }
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Build integration

/**
 * Webpack: emits functions-reference.html beside functions.json, and with `addinUrl` set (the
 * production build) rewrites functions.json's helpUrls from https://localhost:3000/ to it, as
 * scripts/production-manifest.js does for the manifest. Fails the build on JSDoc errors.
 */
class FunctionsReferencePlugin {
  constructor(options = {}) {
    this.input = path.resolve(options.input || FUNCTIONS_TS);
    this.manifest = path.resolve(options.manifest || MANIFEST);
    this.output = options.output || PAGE;
    this.addinUrl = options.addinUrl || null;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = "FunctionsReferencePlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(this.input);
      compilation.fileDependencies.add(this.manifest);
      compilation.hooks.processAssets.tapPromise(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          try {
            const reference = await readReference({ input: this.input, manifest: this.manifest });
            // Marked minimized so webpack's HTML minimizer leaves it alone: rewriting the inline
            // <style> would break the CSP hash that allows it.
            compilation.emitAsset(this.output, new sources.RawSource(renderHtml(reference)), {
              minimized: true,
            });
            if (this.addinUrl) this.rewriteHelpUrls(compilation, sources);
          } catch (error) {
            compilation.errors.push(new WebpackError(`${name}: ${error.message}`));
          }
        },
      );
    });
  }

  rewriteHelpUrls(compilation, sources) {
    const { rewriteManifestUrls } = require("./production-manifest");
    const asset = compilation.getAsset("functions.json");
    if (!asset) throw new Error("functions.json was not emitted; cannot point its helpUrls at ADDIN_URL");
    const json = rewriteManifestUrls(asset.source.source().toString(), this.addinUrl);
    compilation.updateAsset("functions.json", new sources.RawSource(json));
  }
}

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
