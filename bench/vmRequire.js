"use strict";
/**
 * Loads the project's TypeScript sources into a fresh VM context, module by module, as jest runs
 * a test file: there every read of a global (Math, …) goes through the context's interceptor, so
 * a global read in a hot loop costs far more than in Node's own context. Only the project's own
 * relative imports load (src/core and src/workbook import nothing else).
 */
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { transpile } = require("./tsRequire");

/** The file a relative import names: itself, with .ts, or its folder's index.ts. */
function resolve(from, request) {
  if (!request.startsWith("."))
    throw new Error(`${request}: only the project's sources load in the VM context`);
  const base = path.resolve(path.dirname(from), request);
  const found = [base, `${base}.ts`, path.join(base, "index.ts")].find(
    (file) => fs.existsSync(file) && fs.statSync(file).isFile(),
  );
  if (found === undefined) throw new Error(`cannot resolve ${request} from ${from}`);
  return found;
}

/** A require for .ts files whose modules (each loaded once) are all compiled in one new context. */
function createVmRequire() {
  const context = vm.createContext({});
  const modules = new Map();
  const load = (file) => {
    const known = modules.get(file);
    if (known !== undefined) return known.exports;
    const module = { exports: {} };
    modules.set(file, module);
    if (file.endsWith(".json")) {
      module.exports = JSON.parse(fs.readFileSync(file, "utf8"));
      return module.exports;
    }
    const wrapper = `(function (exports, require, module) {${transpile(file)}\n})`;
    vm.runInContext(wrapper, context, { filename: file })(
      module.exports,
      (request) => load(resolve(file, request)),
      module,
    );
    return module.exports;
  };
  return load;
}

module.exports = { createVmRequire };
