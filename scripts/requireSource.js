/**
 * Loads a TypeScript module of src/ into the build's plain-Node scripts, transpiled in memory with
 * the project's own TypeScript compiler (no compile step, no ts-node, nothing stale in lib/): the
 * scripts run the very code the bundle and the command line run. For modules whose imports are
 * relative (loaded the same way) or packages (loaded with require).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const SRC = path.resolve(__dirname, "../src");
const loaded = new Map();

/** The .ts file a module path names: "workbook/formula/tokenize" is src/workbook/formula/tokenize.ts. */
function resolveSource(file) {
  const base = path.resolve(SRC, file);
  const found = [`${base}.ts`, path.join(base, "index.ts"), base].find(
    (candidate) => candidate.endsWith(".ts") && fs.existsSync(candidate),
  );
  if (!found) throw new Error(`requireSource: no TypeScript module ${base}(.ts)`);
  return found;
}

/** The exports of a module of src/, such as requireSource("workbook/formula/tokenize"). */
function requireSource(file) {
  const filename = resolveSource(file);
  const cached = loaded.get(filename);
  if (cached) return cached.exports;
  const ts = require("typescript");
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
  });
  const module = { exports: {} };
  loaded.set(filename, module);
  const dir = path.dirname(filename);
  // A JSON module (data the sources import) is read as it is; other relative imports are sources.
  const localRequire = (id) =>
    !id.startsWith(".")
      ? require(id)
      : id.endsWith(".json")
        ? require(path.resolve(dir, id))
        : requireSource(path.resolve(dir, id));
  const run = vm.compileFunction(outputText, ["exports", "require", "module", "__filename", "__dirname"], {
    filename,
  });
  run(module.exports, localRequire, module, filename, dir);
  return module.exports;
}

module.exports = { requireSource };
