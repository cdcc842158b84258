/**
 * `case-rate history --sql` and `--episodes` through the command line's entry point (in process):
 * the query it prints run on DuckDB over the fixtures' extracts, its result fed back with
 * --episodes, and the same model figures as `case-rate history` on the extract itself.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { episodeQuery } from "../../src/core/history/query";
import { WORKED_EXAMPLE } from "../../src/core/toolkit/example";
import { encounterCsv, levelBCohortFixture, toolkitFixture } from "../fixtures/history/generate";
import { caseRateInProcess as caseRate, exportEpisodes, fileIn } from "../helpers/caseRateCli";
import { scratchFolder } from "./scratchFolder";

const folder = scratchFolder("history-episodes");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `content` written as `name` in the scratch folder; its path. */
const file = (name: string, content: unknown): string => fileIn(folder, name, content);

/** The warehouse: `extract` loaded into DuckDB, `sql` (as the command printed it) exported as CSV. */
async function warehouse(extract: string, sql: string, name: string): Promise<string> {
  const episodes = path.join(folder, name);
  await exportEpisodes(extract, sql, episodes);
  return episodes;
}

type Level = Record<string, unknown> & { ratePerHour?: number };
interface Model {
  ratePerHour: number;
  levels: Level[];
  history: Record<string, unknown> & { levels: Level[] };
}

/** history.levels without their rates: DuckDB sums exact decimals, the rows path doubles. */
const withoutRates = (levels: Level[]) => levels.map(({ ratePerHour: _, ...level }) => level);

describe("case-rate history --sql", () => {
  test("prints the episode query, with the rule's settings", async () => {
    expect(await caseRate("history", "--sql")).toEqual({ code: 0, out: episodeQuery(), err: "" });
    const shorter = await caseRate("history", "--sql", "--gap-days", "60", "--episode-days", "91");
    expect(shorter.out).toBe(episodeQuery({ gapDays: 60, episodeDays: 91 }));
    expect(shorter.out).toContain("<= 60");
  });

  test.each([
    [
      ["--sql", "--episode-days", "0"],
      "episodeDays is 0; it must be a whole number of days from 1 to 36500.",
    ],
    [["--sql", "x.csv"], "--sql reads no file; it prints the query."],
  ])("%j: exit 2 and one line", async (args, message) => {
    const result = await caseRate("history", ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("case-rate history --episodes, from DuckDB's run of the printed query", () => {
  const extract = file("toolkit.csv", encounterCsv(toolkitFixture(), { shuffle: 3 }));
  let fromRows: Model;
  let fromEpisodes: Model;
  let modelPath = "";

  beforeAll(async () => {
    const sql = (await caseRate("history", "--sql")).out;
    const episodes = await warehouse(extract, sql, "toolkit-episodes.csv");
    modelPath = path.join(folder, "from-episodes.json");
    const written = await caseRate(
      "history",
      "--episodes",
      episodes,
      "--enrollees",
      "30000",
      "-o",
      modelPath,
    );
    expect(written).toEqual({ code: 0, out: `Wrote ${modelPath}\n`, err: "" });
    fromEpisodes = JSON.parse(readFileSync(modelPath, "utf8")) as Model;
    fromRows = JSON.parse((await caseRate("history", extract, "--enrollees", "30000")).out) as Model;
  }, 180_000);

  test("the same levels and history.levels as the extract read row by row", () => {
    expect(fromEpisodes.levels).toEqual(fromRows.levels);
    expect(withoutRates(fromEpisodes.history.levels)).toEqual(withoutRates(fromRows.history.levels));
    fromEpisodes.history.levels.forEach((level, i) =>
      expect(level.ratePerHour).toBeCloseTo(fromRows.history.levels[i].ratePerHour!, 9),
    );
    expect(fromEpisodes.ratePerHour).toBeCloseTo(fromRows.ratePerHour, 9);
  });

  test("case-rate history on fixture (a) gives the toolkit's steps 4, 5 and 6 back", () => {
    const payor = WORKED_EXAMPLE.payor;
    expect(
      fromRows.levels.map(({ id, caseMix, minHours, maxHours, averageHours }) => ({
        id,
        caseMix,
        minHours,
        maxHours,
        averageHours,
      })),
    ).toEqual(
      Object.entries(payor.step5_hours_per_episode).map(([id, hours]) => ({
        id,
        caseMix: payor.step4_case_mix[id as keyof typeof payor.step4_case_mix],
        minHours: hours.min,
        maxHours: hours.max,
        averageHours: hours.average,
      })),
    );
    expect(fromRows.ratePerHour).toBeGreaterThanOrEqual(158.6173894);
    expect(fromRows.ratePerHour).toBeLessThan(158.6173927);
    const services = fromRows.history.services as {
      code: string;
      ratePerHour: number;
      clinicianMix: Record<string, number>;
    }[];
    const clinicians = ["Prescriber", "RN", "Masters", "Below masters"];
    expect(services.map((service) => service.code)).toEqual(
      payor.step6_service_codes.rows.map((row) => row[0]),
    );
    payor.step6_service_codes.rows.forEach((row, i) => {
      const mix = services[i].clinicianMix;
      expect(clinicians.map((clinician) => mix[clinician] ?? 0)).toEqual(row.slice(2, 6));
      expect(services[i].ratePerHour).toBeCloseTo(row[6] as number, 9);
    });
  });

  test("the history record: everything but services and rejected rows, with the rule used", () => {
    const { levels: _levels, ...record } = fromEpisodes.history;
    expect(record).toEqual({
      validRows: fromRows.history.validRows,
      clients: fromRows.history.clients,
      episodes: 3000,
      gapDays: 90,
      episodeDays: 182,
    });
  });

  test("compute and risk accept the model", async () => {
    const compute = await caseRate("compute", modelPath);
    expect(compute.code).toBe(0);
    expect(JSON.parse(compute.out).totalCases).toBeCloseTo(3000, 9);
    // A short simulation: the defaults' 10,000 years of 3,000 cases take a minute here.
    const short = file(
      "short-risk.json",
      JSON.stringify({ ...fromEpisodes, risk: { simulationYears: 100 } }),
    );
    const risk = await caseRate("risk", short);
    expect(risk.code).toBe(0);
    expect(JSON.parse(risk.out).budget).toBeCloseTo(JSON.parse(compute.out).totalBudget, 6);
  }, 120_000);
});

describe("case-rate history --episodes", () => {
  test("fixture (b) cut at 10, 30, 50 hours gives the toolkit's Level B cohort table", async () => {
    const extract = file("levelB.csv", encounterCsv(levelBCohortFixture()));
    const episodes = await warehouse(extract, episodeQuery(), "levelB-episodes.csv");
    const result = await caseRate("history", "--episodes", episodes, "--cohorts", "10,30,50");
    expect(result.code).toBe(0);
    const model = JSON.parse(result.out) as Model;
    expect(model.history.levels[0].cohorts).toEqual([
      { fromHours: 4, toHours: 10, episodes: 239, averageHours: 8 },
      { fromHours: 11, toHours: 30, episodes: 418, averageHours: 20 },
      { fromHours: 31, toHours: 50, episodes: 251, averageHours: 40 },
      { fromHours: 51, toHours: 110, episodes: 202, averageHours: 65 },
    ]);
    expect(result.err).toBe(
      "case-rate: note: the model has no enrollees, penetrationRate (give --enrollees N); compute needs them.\n",
    );
  }, 120_000);

  test("without amounts the model has no rate, and stderr says so", async () => {
    const episodes = file(
      "no-amount.csv",
      "client_id,level,episode_start,services,hours,amount\n1,A,20089,2,2,\n",
    );
    const result = await caseRate("history", "--episodes", episodes, "--enrollees", "10");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).not.toHaveProperty("ratePerHour");
    expect(result.err).toBe(
      "case-rate: note: the episodes carry no amount, so the model has no ratePerHour.\n" +
        "case-rate: note: the model has no ratePerHour; compute needs them.\n",
    );
  });

  test("a row that is not an episode: exit 2, one line naming the file and the line", async () => {
    const episodes = file(
      "bad.csv",
      "client_id,level,episode_start,services,hours,amount\n1,A,20089,2,2,1\n2,A,20089,2,0,1\n",
    );
    const result = await caseRate("history", "--episodes", episodes);
    expect(result).toEqual({
      code: 2,
      out: "",
      err: `case-rate: ${episodes}: line 3: hours is 0; it must be above 0.\n`,
    });
  });

  test("a missing file: exit 2, one line", async () => {
    const result = await caseRate("history", "--episodes", path.join(folder, "none.csv"));
    expect(result.code).toBe(2);
    expect(result.err.trimEnd().split("\n")).toHaveLength(1);
  });
});
