/**
 * The task pane's Functions list, made at build time from what Excel itself reads: the functions,
 * descriptions and parameters of the functions.json the build emits, with each function's worked
 * examples from the same JSDoc (scripts/functions-reference.js). The pane fetches the result,
 * dist/taskpane-functions.json, so its list cannot drift from functions.json.
 */
"use strict";

const path = require("path");
const { readReference } = require("./functions-reference");

const OUTPUT = "taskpane-functions.json";

/**
 * The catalog the pane shows: functions.json's functions, in its order, each with its examples.
 * `reference` is readReference()'s answer; `functionsJson` the emitted functions.json text or object.
 */
function functionsCatalog(functionsJson, reference) {
  const metadata = typeof functionsJson === "string" ? JSON.parse(functionsJson) : functionsJson;
  const examples = new Map(reference.functions.map((fn) => [fn.id, fn.examples]));
  return {
    namespace: reference.namespace,
    functions: metadata.functions.map((fn) => ({
      id: fn.id,
      name: fn.name,
      description: fn.description,
      ...(fn.helpUrl ? { helpUrl: fn.helpUrl } : {}),
      parameters: fn.parameters.map((p) => ({
        name: p.name,
        description: p.description || "",
        optional: Boolean(p.optional),
        range: p.dimensionality === "matrix",
      })),
      examples: (examples.get(fn.id) || []).map((ex) => ({
        caption: ex.caption,
        formula: ex.formula,
        result: ex.result,
      })),
    })),
  };
}

/** Webpack: emits taskpane-functions.json beside functions.json (after its helpUrls are final). */
class TaskpaneFunctionsPlugin {
  constructor(options = {}) {
    this.input = options.input ? path.resolve(options.input) : undefined;
    this.output = options.output || OUTPUT;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = "TaskpaneFunctionsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        async () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) {
            compilation.errors.push(new WebpackError(`${name}: functions.json was not emitted`));
            return;
          }
          try {
            const reference = await readReference(this.input ? { input: this.input } : {});
            const catalog = functionsCatalog(asset.source.source().toString(), reference);
            compilation.emitAsset(
              this.output,
              new sources.RawSource(`${JSON.stringify(catalog, null, 1)}\n`),
            );
          } catch (error) {
            compilation.errors.push(new WebpackError(`${name}: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { OUTPUT, TaskpaneFunctionsPlugin, functionsCatalog };
