/**
 * Loads a TypeScript module of src/ into the build scripts, which run in plain Node: each file and
 * its relative imports are transpiled (types stripped) with the TypeScript the scripts already use,
 * so a script calls the one implementation rather than keeping its own copy.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const loaded = new Map();

/** The file a relative import names: `x.ts`, `x/index.ts` or a JSON file. */
function resolveFile(base) {
  const candidates = [base, `${base}.ts`, path.join(base, "index.ts")];
  const found = candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
  if (!found) throw new Error(`requireSource: no module at ${base}`);
  return found;
}

function load(file) {
  if (loaded.has(file)) return loaded.get(file).exports;
  const module = { exports: {} };
  loaded.set(file, module);
  if (file.endsWith(".json")) {
    module.exports = JSON.parse(fs.readFileSync(file, "utf8"));
    return module.exports;
  }
  const ts = require("typescript");
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
  });
  const localRequire = (id) =>
    id.startsWith(".") ? load(resolveFile(path.resolve(path.dirname(file), id))) : require(id);
  new Function("exports", "require", "module", outputText)(module.exports, localRequire, module);
  return module.exports;
}

/** The exports of a TypeScript module, by its path from the repository root (e.g. "src/core/format.ts"). */
function requireSource(fromRoot) {
  return load(resolveFile(path.join(ROOT, fromRoot)));
}

module.exports = { requireSource };
