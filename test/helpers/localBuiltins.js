"use strict";
/**
 * Jest's transform: ts-jest's, with the JavaScript builtins the sources use bound as locals of
 * each module. Jest runs every module inside a vm context, where Node 20 resolves each free
 * global (Math, Number, Float64Array, …) through an interceptor at about half a microsecond a
 * lookup: the core's simulation and recursions ran 30–40 times slower in the suites than in the
 * command line. Bound once per module, they are the very same objects, found at a local's speed.
 * Date and the timers are left global, so jest's fake timers still replace them.
 */
const { TsJestTransformer } = require("ts-jest");

const BUILTINS = [
  "Math",
  "Number",
  "Infinity",
  "NaN",
  "isFinite",
  "isNaN",
  "Array",
  "Object",
  "String",
  "Map",
  "Set",
  "JSON",
  "Float64Array",
  "Float32Array",
  "Int32Array",
  "Uint32Array",
  "Int16Array",
  "Uint16Array",
  "Int8Array",
  "Uint8Array",
];

/** One line, so the source map's line numbers stay right (only line 1's columns move). */
const PROLOGUE = `const { ${BUILTINS.join(", ")} } = globalThis; `;

class LocalBuiltinsTransformer extends TsJestTransformer {
  process(sourceText, sourcePath, options) {
    return withPrologue(super.process(sourceText, sourcePath, options));
  }

  async processAsync(sourceText, sourcePath, options) {
    return withPrologue(await super.processAsync(sourceText, sourcePath, options));
  }

  getCacheKey(sourceText, sourcePath, options) {
    return `${super.getCacheKey(sourceText, sourcePath, options)}:${PROLOGUE}`;
  }

  async getCacheKeyAsync(sourceText, sourcePath, options) {
    return `${await super.getCacheKeyAsync(sourceText, sourcePath, options)}:${PROLOGUE}`;
  }
}

function withPrologue(result) {
  const code = typeof result === "string" ? result : result.code;
  const bound = code.startsWith('"use strict";')
    ? `"use strict";${PROLOGUE}${code.slice(13)}`
    : PROLOGUE + code;
  return typeof result === "string" ? bound : { ...result, code: bound };
}

module.exports = { createTransformer: (config) => new LocalBuiltinsTransformer(config) };
