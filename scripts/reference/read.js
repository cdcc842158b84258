/**
 * Reads the functions reference from what Excel reads: functions.json's functions as
 * custom-functions-metadata generates them from the JSDoc of src/functions/functions.ts, with each
 * function's @returns text and @example tags, and the namespace from the manifest.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { parseConstant, parseFormula } = require("./examples");

const ROOT = path.resolve(__dirname, "../..");
const FUNCTIONS_TS = path.join(ROOT, "src/functions/functions.ts");
const MANIFEST = path.join(ROOT, "manifest.xml");

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

module.exports = { FUNCTIONS_TS, MANIFEST, readNamespace, readReference };
