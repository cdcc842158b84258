/**
 * The `case-rate` command run for real: `node bin/case-rate.js …` on the compiled lib/ (built once
 * here from the current sources with the build:cli script's tsconfig).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { computeRateModel, excelRound, parseRateModel } from "../../src/core";
import { TOOLKIT_RATE_MODEL, WORKED_EXAMPLE } from "../../src/core/toolkit/example";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");
const EXAMPLE = path.join(ROOT, "examples", "toolkit.json");
const EXAMPLE_TEXT = readFileSync(EXAMPLE, "utf8");

let scratch = "";

beforeAll(() => {
  // `npm run build:cli` is `tsc -p tsconfig.cli.json`; run the same compiler directly (no npm noise).
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
  scratch = mkdtempSync(path.join(os.tmpdir(), "case-rate-cli-"));
}, 120_000);

afterAll(() => {
  if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
});

function caseRate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A model file in the scratch folder, from the example with `change` applied. */
function modelFile(name: string, change: (model: Record<string, unknown>) => unknown): string {
  const file = path.join(scratch, name);
  const model = JSON.parse(EXAMPLE_TEXT) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify(change(model), null, 2));
  return file;
}

function textFile(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

type Level = Record<string, unknown>;
const levelsOf = (model: Record<string, unknown>) => model.levels as Level[];

/** Exit code 2, nothing on stdout, exactly one line on stderr that contains every `parts`. */
function expectUsageFailure(result: ReturnType<typeof caseRate>, ...parts: string[]): void {
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^case-rate: [^\n]+\n$/);
  for (const part of parts) expect(result.stderr).toContain(part);
  expect(result.status).toBe(2);
}

describe("case-rate compute examples/toolkit.json", () => {
  test("examples/toolkit.json parses to the core's TOOLKIT_RATE_MODEL (no drift)", () => {
    expect(parseRateModel(JSON.parse(EXAMPLE_TEXT))).toEqual(TOOLKIT_RATE_MODEL);
  });

  test("prints JSON with the fixed keys, exit 0, nothing on stderr", () => {
    const result = caseRate("compute", "examples/toolkit.json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(["totalCases", "levels", "totalBudget", "pmpm"]);
    for (const level of output.levels as Level[]) {
      expect(Object.keys(level)).toEqual([
        "id",
        "name",
        "caseMix",
        "cases",
        "averageHours",
        "ratePerHour",
        "caseRate",
        "totalCost",
      ]);
    }
    expect(output).toEqual(computeRateModel(TOOLKIT_RATE_MODEL));
  });

  test("its figures print as the toolkit's: 3,000 cases, case rates and budget rows, $24,030,535", () => {
    const output = JSON.parse(caseRate("compute", EXAMPLE).stdout) as {
      totalCases: number;
      levels: { id: string; cases: number; caseRate: number; totalCost: number }[];
      totalBudget: number;
    };
    const budget = WORKED_EXAMPLE.payor.step7_budget;
    expect(output.totalCases).toBe(budget.total_cases);
    expect(
      output.levels.map((level) => ({
        level: level.id,
        cases: excelRound(level.cases, 0),
        case_rate: excelRound(level.caseRate, 0),
        total_costs: excelRound(level.totalCost, 0),
      })),
    ).toEqual(
      budget.rows.map(({ level, cases, case_rate, total_costs }) => ({
        level,
        cases,
        case_rate,
        total_costs,
      })),
    );
    expect(excelRound(output.totalBudget, 0)).toBe(budget.total_costs);
  });
});

test("a model file saved with a UTF-8 byte-order mark (as Windows editors may) computes", () => {
  const file = textFile("bom.json", `\uFEFF${EXAMPLE_TEXT}`);
  const result = caseRate("compute", file);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual(computeRateModel(TOOLKIT_RATE_MODEL));
});

describe("help", () => {
  test("--help exits 0 and lists the compute command", () => {
    for (const flag of ["--help", "-h", "help"]) {
      const result = caseRate(flag);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("Usage: case-rate <command>");
      expect(result.stdout).toContain("compute MODEL.json");
    }
  });

  test("compute --help exits 0 and describes the model format, output and exit codes", () => {
    const result = caseRate("compute", "--help");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    for (const word of [
      "Usage: case-rate compute MODEL.json",
      "enrollees",
      "penetrationRate",
      "ratePerHour",
      "levels",
      "caseMix",
      "averageHours",
      "totalCases",
      "totalBudget",
      "pmpm",
      "Exit codes",
    ]) {
      expect(result.stdout).toContain(word);
    }
  });
});

describe("bad input: exit 2, one line on stderr, nothing on stdout", () => {
  test("a file that does not exist", () => {
    expectUsageFailure(
      caseRate("compute", path.join(scratch, "nowhere.json")),
      "nowhere.json: no such file.",
    );
  });

  (process.getuid?.() === 0 ? test.skip : test)("a file that cannot be read (skipped as root)", () => {
    const file = textFile("locked.json", EXAMPLE_TEXT);
    chmodSync(file, 0o000);
    try {
      expectUsageFailure(caseRate("compute", file), "locked.json: cannot be read.");
    } finally {
      chmodSync(file, 0o644);
    }
  });

  test("a folder", () => {
    expectUsageFailure(caseRate("compute", scratch), "it is a folder.");
  });

  test("a file that is not JSON", () => {
    expectUsageFailure(
      caseRate("compute", textFile("text.json", "enrollees = 30000")),
      "text.json: not valid JSON",
    );
  });

  test("a file that is not JSON, over several lines, still gives one line", () => {
    const file = textFile("lines.json", "[1,\n2,\nnot json\n]\n");
    expectUsageFailure(caseRate("compute", file), "lines.json: not valid JSON");
  });

  test("an empty file", () => {
    expectUsageFailure(caseRate("compute", textFile("empty.json", "")), "empty.json: not valid JSON");
  });

  test("a missing field: 'ratePerHour is missing.'", () => {
    const file = modelFile("missing.json", ({ ratePerHour: _omitted, ...rest }) => rest);
    expectUsageFailure(caseRate("compute", file), "missing.json: ratePerHour is missing.");
  });

  test("a mistyped field: 'enrollees must be a number, not \"30000\".'", () => {
    const file = modelFile("mistyped.json", (model) => ({ ...model, enrollees: "30000" }));
    expectUsageFailure(caseRate("compute", file), 'mistyped.json: enrollees must be a number, not "30000".');
  });

  test("levels that are not a list", () => {
    const file = modelFile("levels.json", (model) => ({ ...model, levels: { A: levelsOf(model)[0] } }));
    expectUsageFailure(caseRate("compute", file), "levels must be a list of levels of care.");
  });

  test("a case mix of 97%: 'case mix sums to 97%, not 100%.'", () => {
    const file = modelFile("mix.json", (model) => ({
      ...model,
      levels: levelsOf(model).map((level) => (level.id === "C" ? { ...level, caseMix: 0.3 } : level)),
    }));
    expectUsageFailure(caseRate("compute", file), "mix.json: case mix sums to 97%, not 100%.");
  });

  test("negative hours: 'average hours for level B is -5; it cannot be negative.'", () => {
    const file = modelFile("hours.json", (model) => ({
      ...model,
      levels: levelsOf(model).map((level) => (level.id === "B" ? { ...level, averageHours: -5 } : level)),
    }));
    expectUsageFailure(
      caseRate("compute", file),
      "hours.json: average hours for level B is -5; it cannot be negative.",
    );
  });

  test("a penetration rate typed as a percentage gets the hint", () => {
    const file = modelFile("percent.json", (model) => ({ ...model, penetrationRate: 10 }));
    expectUsageFailure(
      caseRate("compute", file),
      "penetration rate is 1000%",
      "If you meant 10%, enter 10% or 0.1.",
    );
  });

  test("an unknown command", () => {
    expectUsageFailure(caseRate("frobnicate", "examples/toolkit.json"), 'unknown command "frobnicate"');
  });

  test("compute with no file", () => {
    expectUsageFailure(caseRate("compute"), "compute takes one MODEL.json file");
  });

  test("compute with two files", () => {
    expectUsageFailure(caseRate("compute", EXAMPLE, EXAMPLE), "compute takes one MODEL.json file");
  });
});
