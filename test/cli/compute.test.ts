/**
 * The `case-rate` command run for real: `node bin/case-rate.js …` on the compiled lib/ (built once
 * here from the current sources with the build:cli script's tsconfig).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { computeProviderModel, computeRateModel, excelRound, parseRateModel } from "../../src/core";
import { TOOLKIT_RATE_MODEL, WORKED_EXAMPLE } from "../../src/core/toolkit/example";
import { PROVIDER_DIRECT_HOURS_PER_FTE, PROVIDER_ILLUSTRATION } from "../../src/core/toolkit/providerExample";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");
const EXAMPLE = path.join(ROOT, "examples", "toolkit.json");
const EXAMPLE_TEXT = readFileSync(EXAMPLE, "utf8");
const PROVIDER_EXAMPLE = path.join(ROOT, "examples", "provider.json");
const PROVIDER_TEXT = readFileSync(PROVIDER_EXAMPLE, "utf8");

let scratch = "";

// lib/ is compiled from the current sources once for the whole run (test/globalSetup.js).
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "case-rate-cli-"));
});

afterAll(() => {
  if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
});

function caseRate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A model file in the scratch folder, from the example (by default toolkit.json) with `change` applied. */
function modelFile(
  name: string,
  change: (model: Record<string, unknown>) => unknown,
  exampleText = EXAMPLE_TEXT,
): string {
  const file = path.join(scratch, name);
  const model = JSON.parse(exampleText) as Record<string, unknown>;
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

/** Exit code 0, nothing on stderr, and help on stdout that contains every `parts`. */
function expectHelp(result: ReturnType<typeof caseRate>, ...parts: string[]): void {
  expect(result.status).toBe(0);
  expect(result.stderr).toBe("");
  for (const part of parts) expect(result.stdout).toContain(part);
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
      expectHelp(caseRate(flag), "Usage: case-rate <command>", "compute MODEL.json");
    }
  });

  test("compute --help exits 0 and describes the model format, output and exit codes", () => {
    expectHelp(
      caseRate("compute", "--help"),
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
    );
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
      expectUsageFailure(caseRate("compute", file), "locked.json: cannot be read: you may not read it.");
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

  test("a case mix of 97%: 'the levels' caseMix sums to 97%, not 100%.'", () => {
    const file = modelFile("mix.json", (model) => ({
      ...model,
      levels: levelsOf(model).map((level) => (level.id === "C" ? { ...level, caseMix: 0.3 } : level)),
    }));
    expectUsageFailure(caseRate("compute", file), "mix.json: the levels' caseMix sums to 97%, not 100%.");
  });

  test("negative hours: 'levels[1].averageHours is -5; it cannot be negative.'", () => {
    const file = modelFile("hours.json", (model) => ({
      ...model,
      levels: levelsOf(model).map((level) => (level.id === "B" ? { ...level, averageHours: -5 } : level)),
    }));
    expectUsageFailure(
      caseRate("compute", file),
      "hours.json: levels[1].averageHours is -5; it cannot be negative.",
    );
  });

  test("a penetration rate typed as a percentage gets the hint", () => {
    const file = modelFile("percent.json", (model) => ({ ...model, penetrationRate: 10 }));
    expectUsageFailure(
      caseRate("compute", file),
      "percent.json: penetrationRate is 1000%",
      "If you meant 10%, enter 10% or 0.1.",
    );
  });

  describe("an error the arithmetic raises names the key of MODEL.json (issue 11)", () => {
    /** The example with level `id` changed by `change`. */
    const levelFile = (name: string, id: string, change: Level) =>
      modelFile(name, (model) => ({
        ...model,
        levels: levelsOf(model).map((level) => (level.id === id ? { ...level, ...change } : level)),
      }));

    test("a level's own rate per hour: levels[2].ratePerHour", () => {
      expectUsageFailure(
        caseRate("compute", levelFile("level-rate.json", "C", { ratePerHour: -165 })),
        "level-rate.json: levels[2].ratePerHour is -165; it cannot be negative.",
      );
    });

    test("one level's case mix above 100%: levels[0].caseMix, with the hint", () => {
      expectUsageFailure(
        caseRate("compute", levelFile("level-mix.json", "A", { caseMix: 20 })),
        "level-mix.json: levels[0].caseMix is 2000%; a share cannot exceed 100%. If you meant 20%, enter 20% or 0.2.",
      );
    });

    test("the model's rate per hour: ratePerHour", () => {
      const file = modelFile("rate.json", (model) => ({ ...model, ratePerHour: -1 }));
      expectUsageFailure(caseRate("compute", file), "rate.json: ratePerHour is -1; it cannot be negative.");
    });

    test("0 enrollees: enrollees, the divisor of the PMPM", () => {
      const file = modelFile("no-enrollees.json", (model) => ({ ...model, enrollees: 0 }));
      expectUsageFailure(
        caseRate("compute", file),
        "no-enrollees.json: enrollees is 0; it must be more than 0.",
      );
    });

    test("a case rate too large: the levels' keys to check, a result the file does not hold in words", () => {
      expectUsageFailure(
        caseRate("compute", levelFile("huge.json", "B", { averageHours: 1e200, ratePerHour: 1e200 })),
        "huge.json: the case rate is too large to compute (over 1.8e308); check the levels' averageHours and ratePerHour.",
      );
    });

    test("a provider's share above 100%: provider.caseMix.B, by the level's id", () => {
      const file = modelFile(
        "p-share.json",
        (model) => ({
          ...model,
          provider: { ...(model.provider as object), caseMix: { A: 0.2, B: 1.37, C: 0.33, D: 0.1 } },
        }),
        PROVIDER_TEXT,
      );
      expectUsageFailure(
        caseRate("compute", file),
        "p-share.json: provider.caseMix.B is 137%; a share cannot exceed 100%.",
      );
    });
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

describe("case-rate compute examples/provider.json", () => {
  /** examples/provider.json with its provider section changed by `change`. */
  function providerFile(name: string, change: (provider: Record<string, unknown>) => unknown): string {
    return modelFile(
      name,
      (model) => ({ ...model, provider: change(model.provider as Record<string, unknown>) }),
      PROVIDER_TEXT,
    );
  }

  test("its direct hours per FTE are PROVIDER_DIRECT_HOURS_PER_FTE and its payor model the toolkit's (no drift)", () => {
    const json = JSON.parse(PROVIDER_TEXT) as { provider: { directHoursPerFte: number; consumers: number } };
    expect(json.provider.directHoursPerFte).toBe(PROVIDER_DIRECT_HOURS_PER_FTE);
    expect(json.provider.consumers).toBe(PROVIDER_ILLUSTRATION.consumersPerYear);
    expect(parseRateModel(json)).toEqual({
      ...TOOLKIT_RATE_MODEL,
      provider: { consumers: 1000, directHoursPerFte: PROVIDER_DIRECT_HOURS_PER_FTE },
    });
  });

  test("prints provider.fteNeed, provider.caseload and provider.revenue unrounded, exit 0", () => {
    const result = caseRate("compute", "examples/provider.json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Record<string, unknown> & {
      provider: { fteNeed: number; caseload: number; revenue: number };
    };
    expect(Object.keys(output)).toEqual(["totalCases", "levels", "totalBudget", "pmpm", "provider"]);
    expect(Object.keys(output.provider)).toEqual(["fteNeed", "caseload", "revenue"]);
    // The same figures as the core, to the last bit: JSON carries doubles unrounded.
    const core = computeRateModel(parseRateModel(JSON.parse(PROVIDER_TEXT)));
    expect(output).toEqual(core);
    const levels = core.levels;
    const full = computeProviderModel({
      consumers: 1000,
      caseMix: levels.map((level) => level.caseMix),
      averageHours: levels.map((level) => level.averageHours),
      caseRates: levels.map((level) => level.caseRate),
      directHoursPerFte: PROVIDER_DIRECT_HOURS_PER_FTE,
      fteOnPayroll: 0,
      directSalaryPerFte: 0,
      benefitsPct: 0,
      payrollTaxPct: 0,
      otherStaffSalaries: 0,
      contractorFees: 0,
      overhead: 0,
      otherRevenue: 0,
    });
    const close = (actual: number, expected: number) =>
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
    close(output.provider.fteNeed, full.fteNeed);
    close(output.provider.caseload, full.caseload);
    close(output.provider.revenue, full.caseRateRevenue);
    // By hand: 50,500 hours ÷ 992.64; 992.64 ÷ 50.5 hours a consumer; 1,000 × 50.5 × $158.61739.
    close(output.provider.fteNeed, 50_500 / 992.64);
    close(output.provider.caseload, 992.64 / 50.5);
    close(output.provider.revenue, 8_010_178.195);
    // Unrounded: more decimals than any rounding to cents or to whole FTEs would leave.
    expect(output.provider.fteNeed).not.toBe(excelRound(output.provider.fteNeed, 2));
    expect(output.provider.caseload).not.toBe(excelRound(output.provider.caseload, 2));
  });

  test("a provider case mix by level id moves the FTE need, caseload and revenue", () => {
    const file = providerFile("own-mix.json", (provider) => ({
      ...provider,
      caseMix: { A: 0.5, B: 0.5, C: 0, D: 0 },
    }));
    const result = caseRate("compute", file);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const { provider } = JSON.parse(result.stdout) as {
      provider: { fteNeed: number; caseload: number; revenue: number };
    };
    // 1,000 consumers × 20 hours each.
    expect(provider.fteNeed).toBeCloseTo(20_000 / 992.64, 12);
    expect(provider.caseload).toBeCloseTo(992.64 / 20, 12);
    expect(provider.revenue).toBeCloseTo(20_000 * 158.61739, 6);
  });

  describe("bad provider input: exit 2, one line on stderr naming the field, nothing on stdout", () => {
    test("consumers typed as text", () => {
      const file = providerFile("p-text.json", (provider) => ({ ...provider, consumers: "1000" }));
      expectUsageFailure(
        caseRate("compute", file),
        'p-text.json: provider.consumers must be a number, not "1000".',
      );
    });

    test("direct hours per FTE missing", () => {
      const file = providerFile("p-missing.json", ({ directHoursPerFte: _omitted, ...rest }) => rest);
      expectUsageFailure(caseRate("compute", file), "p-missing.json: provider.directHoursPerFte is missing.");
    });

    test("0 direct hours per FTE", () => {
      const file = providerFile("p-zero.json", (provider) => ({ ...provider, directHoursPerFte: 0 }));
      expectUsageFailure(
        caseRate("compute", file),
        "p-zero.json: provider.directHoursPerFte is 0; it must be more than 0.",
      );
    });

    test("negative consumers", () => {
      const file = providerFile("p-negative.json", (provider) => ({ ...provider, consumers: -1 }));
      expectUsageFailure(
        caseRate("compute", file),
        "p-negative.json: provider.consumers is -1; it cannot be negative.",
      );
    });

    test("a provider that is not an object", () => {
      const file = providerFile("p-list.json", () => [1000, 992.64]);
      expectUsageFailure(caseRate("compute", file), "provider must be an object with named fields.");
    });

    test("a provider case mix naming an unknown level", () => {
      const file = providerFile("p-unknown.json", (provider) => ({
        ...provider,
        caseMix: { A: 0.2, B: 0.37, C: 0.33, D: 0.1, X: 0 },
      }));
      expectUsageFailure(
        caseRate("compute", file),
        'provider.caseMix names level "X", which is not among the levels (A, B, C, D).',
      );
    });

    test("a provider case mix leaving a level out", () => {
      const file = providerFile("p-short.json", (provider) => ({
        ...provider,
        caseMix: { A: 0.2, B: 0.37, C: 0.43 },
      }));
      expectUsageFailure(caseRate("compute", file), "provider.caseMix.D is missing.");
    });

    test("a provider case mix of 97% says it is the provider's", () => {
      const file = providerFile("p-mix.json", (provider) => ({
        ...provider,
        caseMix: { A: 0.2, B: 0.37, C: 0.3, D: 0.1 },
      }));
      expectUsageFailure(caseRate("compute", file), "p-mix.json: provider.caseMix sums to 97%, not 100%.");
    });
  });

  test("compute --help describes the provider section and its output", () => {
    expectHelp(
      caseRate("compute", "--help"),
      "provider",
      "consumers",
      "directHoursPerFte",
      "provider.fteNeed",
      "provider.caseload",
      "provider.revenue",
    );
  });
});

describe("keys and values the model does not expect (issue 10)", () => {
  test("an unknown key: exit 2, one line naming it and the key it most likely meant", () => {
    const file = modelFile("rateperhour.json", (model) => ({
      ...model,
      levels: levelsOf(model).map((level) => (level.id === "C" ? { ...level, rateperhour: 165 } : level)),
    }));
    expectUsageFailure(
      caseRate("compute", file),
      "rateperhour.json: unknown key 'rateperhour' in levels[2]; did you mean 'ratePerHour'?",
    );
  });

  test("provider.casemix and a top-level penetrationrate are refused, not ignored", () => {
    const casemix = modelFile(
      "casemix.json",
      (model) => ({ ...model, provider: { ...(model.provider as object), casemix: { A: 1 } } }),
      PROVIDER_TEXT,
    );
    expectUsageFailure(
      caseRate("compute", casemix),
      "unknown key 'casemix' in provider; did you mean 'caseMix'?",
    );
    const penetration = modelFile("penetrationrate.json", (model) => ({ ...model, penetrationrate: 0.2 }));
    expectUsageFailure(
      caseRate("compute", penetration),
      "unknown key 'penetrationrate' in the model; did you mean 'penetrationRate'?",
    );
  });

  test("a level 'constructor' left out of provider.caseMix: 'provider.caseMix.constructor is missing.'", () => {
    const file = modelFile(
      "constructor.json",
      (model) => ({
        ...model,
        levels: levelsOf(model).map((level) => (level.id === "A" ? { ...level, id: "constructor" } : level)),
        provider: { ...(model.provider as object), caseMix: { B: 0.37, C: 0.33, D: 0.3 } },
      }),
      PROVIDER_TEXT,
    );
    expectUsageFailure(
      caseRate("compute", file),
      "constructor.json: provider.caseMix.constructor is missing.",
    );
  });

  test("a 2,000,000-element list where a number belongs: a short line that describes it", () => {
    const file = textFile(
      "list.json",
      EXAMPLE_TEXT.replace('"enrollees": 30000', `"enrollees": [${"1,".repeat(1_999_999)}1]`),
    );
    const result = caseRate("compute", file);
    expectUsageFailure(result, "list.json: enrollees must be a number, not a list of 2,000,000 numbers.");
    expect(result.stderr.length).toBeLessThan(200);
  });
});

describe("a case mix within the tolerance but not exactly 100% (issue 10)", () => {
  test("100.009%: exit 0, the JSON of the shares as typed on stdout, one warning line on stderr", () => {
    const file = modelFile("near100.json", (model) => ({
      ...model,
      levels: levelsOf(model).map((level) => (level.id === "D" ? { ...level, caseMix: 0.10009 } : level)),
    }));
    const result = caseRate("compute", file);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `case-rate: ${file}: warning: case mix sums to 100.009%, not exactly 100%; the budget uses the shares as typed.\n`,
    );
    const typed = computeRateModel(parseRateModel(JSON.parse(readFileSync(file, "utf8"))));
    expect(result.stdout).toBe(`${JSON.stringify(typed, null, 2)}\n`);
    // Used as typed: $4,711 more than the exact mix's budget, not rescaled back to it.
    expect(Math.round(typed.totalBudget - computeRateModel(TOOLKIT_RATE_MODEL).totalBudget)).toBe(4711);
  });

  test("the provider's own mix at 100.005% is warned about as the provider's", () => {
    const file = modelFile(
      "p-near100.json",
      (model) => ({
        ...model,
        provider: { ...(model.provider as object), caseMix: { A: 0.2, B: 0.37, C: 0.33, D: 0.10005 } },
      }),
      PROVIDER_TEXT,
    );
    const result = caseRate("compute", file);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `case-rate: ${file}: warning: provider case mix sums to 100.005%, not exactly 100%; the provider section uses the shares as typed.\n`,
    );
  });
});
