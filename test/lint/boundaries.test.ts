/**
 * The layer fences of eslint.config.js bite: each probe is linted as if it were a file at its path
 * (ESLint's lintText with a file path, so nothing is written into src/), and the test expects the
 * fence's rule to fire on every import that breaks a boundary and stay quiet on one that keeps it.
 */
import { execFileSync } from "node:child_process";
import { ROOT } from "../helpers/builds";

interface Probe {
  readonly filePath: string;
  readonly code: string;
}

/** The rule ids ESLint reports for each probe, linted in one child process (ESLint loads its config with import()). */
function lintProbes(probes: readonly Probe[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const probes = JSON.parse(require("fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const results = [];
      for (const { filePath, code } of probes) {
        const [result] = await eslint.lintText(code, { filePath });
        results.push(result.messages.map((m) => m.ruleId ?? m.message));
      }
      process.stdout.write(JSON.stringify(results));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const output = execFileSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: "utf8",
  });
  return JSON.parse(output) as string[][];
}

const CORE = "core-imports-core/allowed-imports";
const DESCRIPTION = "description-writes-nothing/allowed-imports";
const FUNCTIONS = "functions-import-core/allowed-imports";
const AUDIT = "audit-reads-the-description/allowed-imports";
const NOT_SCRIPTS = "src-not-scripts/allowed-imports";

/** [file, code, the fence rules expected to fire]: an empty list is an import the fences allow. */
const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  [
    "src/core/probe.ts",
    `import { cellAddress } from "../workbook/a1";\nexport const x = cellAddress;`,
    [CORE],
  ],
  ["src/core/probe.ts", `import ExcelJS from "exceljs";\nexport const x = ExcelJS;`, [CORE]],
  ["src/core/probe.ts", `import { readFileSync } from "node:fs";\nexport const x = readFileSync;`, [CORE]],
  ["src/core/probe.ts", `import { caseRate } from "./caseRate";\nexport const x = caseRate;`, []],
  [
    "src/workbook/starter/probe.ts",
    `import ExcelJS from "exceljs";\nexport const x = ExcelJS;`,
    [DESCRIPTION],
  ],
  ["src/workbook/starter/probe.ts", `import JSZip from "jszip";\nexport const x = JSZip;`, [DESCRIPTION]],
  [
    "src/workbook/starter/probe.ts",
    `import { xlsxBytes } from "../xlsx/writeXlsx";\nexport const x = xlsxBytes;`,
    [DESCRIPTION],
  ],
  [
    "src/workbook/probe.ts",
    `import { writeWorkbook } from "../taskpane/excel/writeWorkbook";\nexport const x = writeWorkbook;`,
    [DESCRIPTION],
  ],
  [
    "src/workbook/probe.ts",
    `export const run = () => Excel.run(async () => undefined);`,
    ["no-restricted-globals"],
  ],
  [
    "src/workbook/starter/probe.ts",
    `import { caseRate } from "../../core/caseRate";\nexport const x = caseRate;`,
    [],
  ],
  ["src/workbook/xlsx/probe.ts", `import ExcelJS from "exceljs";\nexport const x = ExcelJS;`, []],
  [
    "src/functions/probe.ts",
    `import { cellAddress } from "../workbook/a1";\nexport const x = cellAddress;`,
    [FUNCTIONS],
  ],
  [
    "src/functions/probe.ts",
    `import { mount } from "../taskpane/ui/mount";\nexport const x = mount;`,
    [FUNCTIONS],
  ],
  ["src/functions/probe.ts", `import JSZip from "jszip";\nexport const x = JSZip;`, [FUNCTIONS]],
  ["src/functions/probe.ts", `import { caseRate } from "../core/caseRate";\nexport const x = caseRate;`, []],
  [
    "src/audit/probe.ts",
    `import { xlsxBytes } from "../workbook/xlsx/writeXlsx";\nexport const x = xlsxBytes;`,
    [AUDIT],
  ],
  ["src/audit/probe.ts", `import { starter } from "../cli/starter";\nexport const x = starter;`, [AUDIT]],
  ["src/audit/probe.ts", `import { cellAddress } from "../workbook/a1";\nexport const x = cellAddress;`, []],
  [
    "src/taskpane/preview/probe.ts",
    `import { t } from "../../../scripts/formulaTokens";\nexport const x = t;`,
    [NOT_SCRIPTS],
  ],
  ["src/cli/probe.ts", `export const load = () => import("../../scripts/start");`, [NOT_SCRIPTS]],
  ["src/cli/probe.ts", `import { compute } from "./compute";\nexport const x = compute;`, []],
];

describe("the layer fences in eslint.config.js", () => {
  const reported = lintProbes(CASES.map(([filePath, code]) => ({ filePath, code })));

  it.each(CASES.map((probe, i) => [probe[0], probe[1].split("\n")[0], probe[2], i] as const))(
    "%s: %s → %j",
    (_file, _line, expected, i) => {
      const fences = reported[i].filter(
        (rule) => rule.includes("/allowed-imports") || rule === "no-restricted-globals",
      );
      expect(fences).toEqual(expected);
    },
  );
});
