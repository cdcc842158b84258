/**
 * ESLint 9 flat config: ESLint's and typescript-eslint's recommended rules, the Office add-in
 * rules, style left to Prettier (`npm run lint` runs `prettier --check` on its own), and the
 * fences between layers that ARCHITECTURE.md describes (eslint/boundaries.js).
 */
"use strict";
const { defineConfig } = require("eslint/config");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const boundaries = require("./eslint/boundaries");

// The plugin's flat preset is [eslint:recommended, eslint-config-prettier, {plugins, parser, rules}].
// Its third block registers its own older typescript-eslint, which ESLint refuses beside ours, and
// turns on prettier/prettier; so take the first two whole and only the rules of the third.
const preset = officeAddins.configs.recommended;
const isAllOff = (c) => Object.values(c.rules).every((v) => v === "off" || v === 0);
const addinsBlock = preset.find((c) => c.plugins && c.plugins["office-addins"]);
const eslintRecommended = preset.find((c) => c !== addinsBlock && !isAllOff(c));
const prettierOff = preset.find((c) => c !== addinsBlock && isAllOff(c));
if (!addinsBlock || !eslintRecommended || !prettierOff) {
  throw new Error("eslint-plugin-office-addins changed its recommended preset: update eslint.config.js");
}
const { "prettier/prettier": _prettier, ...addinsRules } = addinsBlock.rules;

const nodeGlobals = Object.fromEntries(
  ["require", "module", "exports", "__dirname", "__filename", "process", "console", "Buffer", "URL"].map(
    (g) => [g, "readonly"],
  ),
);

const CORE_IS_PURE =
  "src/core and src/audit are pure, shared by Excel, the CLI and tests: no I/O, Office or DOM.";

module.exports = defineConfig(
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test-artifacts/"] },
  { ...eslintRecommended, name: "eslint/recommended" },
  ...tseslint.configs.recommended,
  {
    name: "office-addins/recommended-rules",
    files: ["**/*.{js,mjs,cjs,ts,cts,mts}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...addinsRules,
      // A leading underscore marks a deliberately unused name (`{ omitted: _omitted, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: "node-scripts",
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Custom functions declare `any` for mixed-type ranges and spills, the type functions.json
    // names; the metadata generator reads these signatures, so they say what Excel gets.
    name: "custom-functions-any",
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    name: "core-is-pure",
    files: ["src/core/**", "src/audit/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["fs", "fs/promises", "path", "child_process", "exceljs"].flatMap((name) => [
            { name, message: CORE_IS_PURE },
            { name: `node:${name}`, message: CORE_IS_PURE },
          ]),
          patterns: [{ group: ["exceljs/*"], message: CORE_IS_PURE }],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "document", "window", "CustomFunctions"].map((name) => ({
          name,
          message: CORE_IS_PURE,
        })),
      ],
    },
  },
  // The layers (ARCHITECTURE.md). Each fence registers the one boundary rule under its own name, so
  // a file under two fences (src/** and src/core/**) is held to both.
  fence("src-not-scripts", ["src/**"], {
    denyFolders: ["scripts"],
    message: "src is what ships; scripts/ are build tools that may import src, never the reverse.",
  }),
  fence("core-imports-core", ["src/core/**"], {
    allowFolders: ["src/core"],
    allowPackages: [],
    message: "src/core imports only src/core: pure arithmetic, no packages, no other layer.",
  }),
  fence("description-writes-nothing", ["src/workbook/**"], {
    ignores: ["src/workbook/xlsx/**"],
    denyFolders: ["src/workbook/xlsx", "src/taskpane", "src/cli", "src/audit", "src/functions"],
    denyPackages: ["exceljs", "jszip", "@microsoft/office-js"],
    message: "the workbook description is data: no writer, no exceljs/jszip, no Office.js.",
  }),
  {
    name: "description-no-office-globals",
    files: ["src/workbook/**"],
    ignores: ["src/workbook/xlsx/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "CustomFunctions"].map((name) => ({
          name,
          message: "the workbook description is data: Office.js belongs to src/taskpane/excel.",
        })),
      ],
    },
  },
  fence("audit-reads-the-description", ["src/audit/**"], {
    allowFolders: ["src/core", "src/workbook", "src/audit"],
    denyFolders: ["src/workbook/xlsx"],
    allowPackages: [],
    message: "the audit judges a read grid against the core and the description: no writer, no I/O.",
  }),
  fence("functions-import-core", ["src/functions/**"], {
    allowFolders: ["src/core", "src/functions"],
    allowPackages: [],
    message: "the functions bundle carries the core only: no UI, no workbook code, no packages.",
  }),
  { ...prettierOff, name: "eslint-config-prettier" },
);

/** One fence: the boundary rule, registered as `name`, over `files` with the given bounds. */
function fence(name, files, { ignores, ...bounds }) {
  return {
    name: `fence/${name}`,
    files,
    ...(ignores ? { ignores } : {}),
    plugins: { [name]: boundaries },
    rules: { [`${name}/allowed-imports`]: ["error", bounds] },
  };
}
