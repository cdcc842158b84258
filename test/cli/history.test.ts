/**
 * `case-rate history` run through the command line's entry point (in process): the model it
 * writes is one compute and risk accept, the notes on what compute still needs, refused rows,
 * --strict, --columns, sorted and unsorted input alike, and bad input as one line on stderr.
 */
import { chmodSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { encounterCsv, toolkitFixture } from "../fixtures/history/generate";
import { caseRateInProcess as caseRate, fileIn } from "../helpers/caseRateCli";
import { scratchFolder } from "./scratchFolder";

const folder = scratchFolder("history");
// The toolkit's extract is a few hundred thousand rows: read in seconds, more on a loaded machine.
jest.setTimeout(120_000);
const HEADER = "client_id,level,service_date,service_code,clinician_type,minutes,amount";

/** `content` written as `name` in the scratch folder; its path. */
const file = (name: string, content: unknown): string => fileIn(folder, name, content);

const toolkit = toolkitFixture();
const sortedPath = file("toolkit.csv", encounterCsv(toolkit));
const shuffledPath = file("toolkit-shuffled.csv", encounterCsv(toolkit, { shuffle: 7 }));

describe("case-rate history", () => {
  it("writes a model that compute and risk accept, with --enrollees and an amount column", async () => {
    const modelPath = path.join(folder, "model.json");
    const history = await caseRate("history", sortedPath, "--enrollees", "30000", "-o", modelPath);
    expect(history.code).toBe(0);
    expect(history.out).toBe(`Wrote ${modelPath}\n`);
    // Nothing missing: the only note is the fixture's same-day repeats of one service.
    expect(history.err).toMatch(
      /^case-rate: note: \d+ rows repeat an earlier row exactly, first at line \d+: possible duplicates, counted, not removed\.\n$/,
    );
    const model = JSON.parse(readFileSync(modelPath, "utf8"));
    expect(model.enrollees).toBe(30000);
    expect(model.penetrationRate).toBe(model.history.episodes / 30000);
    expect(model.levels.map((level: { id: string }) => level.id)).toEqual(["A", "B", "C", "D"]);
    expect(model.history).toMatchObject({
      rows: toolkit.rows.length,
      validRows: toolkit.rows.length,

      gapDays: 90,
      episodeDays: 182,
    });
    expect(model.history.clientsWithOverlappingLevels).toBe(0);
    const compute = await caseRate("compute", modelPath);
    expect(compute.code).toBe(0);
    expect(JSON.parse(compute.out).totalCases).toBeCloseTo(model.history.episodes, 9);
    const risk = await caseRate("risk", modelPath);
    expect(risk.code).toBe(0);
    expect(JSON.parse(risk.out).budget).toBeCloseTo(JSON.parse(compute.out).totalBudget, 6);
  });

  it("gives the same model for the extract sorted by client or shuffled", async () => {
    const sorted = await caseRate("history", sortedPath);
    const shuffled = await caseRate("history", shuffledPath);
    expect(shuffled.code).toBe(0);
    expect(JSON.parse(shuffled.out)).toEqual(JSON.parse(sorted.out));
  });

  it("says on stderr which inputs compute still needs, and still prints the analysis", async () => {
    const text = `client_id,level,service_date,service_code,minutes\n1,A,2025-01-02,90834,45\n2,B,2025-01-03,90834,60\n`;
    const result = await caseRate("history", file("no-amount.csv", text));
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      "case-rate: note: the extract has no amount column, so the model has no ratePerHour.\n" +
        "case-rate: note: the model has no enrollees, penetrationRate, ratePerHour (give --enrollees N); compute needs them.\n",
    );
    const model = JSON.parse(result.out);
    expect(model.levels.map((level: { caseMix: number }) => level.caseMix)).toEqual([0.5, 0.5]);
    expect(model.history.services).toEqual([{ code: "90834", rows: 2, hours: 1.75 }]);
  });

  it("counts refused rows and possible duplicates in the model and on stderr; --strict refuses them", async () => {
    const text = [
      HEADER,
      "1,A,2025-01-02,90834,RN,45,100",
      "1,A,2025-01-02,90834,RN,45,100",
      "2,A,2025-02-30,90834,RN,45,100",
    ].join("\r\n");
    const where = file("dirty.csv", text);
    const result = await caseRate("history", where, "--enrollees", "100");
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      "case-rate: note: 1 of 3 rows cannot be used and are left out (history.rejected says why).\n" +
        "case-rate: note: 1 rows repeat an earlier row exactly, first at line 3: possible duplicates, counted, not removed.\n",
    );
    expect(JSON.parse(result.out).history.rejected).toEqual([
      { reason: "service_date is not a date YYYY-MM-DD", count: 1, firstLine: 4 },
    ]);
    expect(await caseRate("history", where, "--strict")).toEqual({
      code: 2,
      out: "",
      err: `case-rate: ${where}: line 4: service_date is not a date YYYY-MM-DD (--strict refuses any row that cannot be used).\n`,
    });
  });

  it("maps renamed columns with --columns, and names a missing required column", async () => {
    const renamed = file("renamed.csv", "MemberID,LOC,Date,Code,Minutes\n1,A,2025-01-02,90834,45\n");
    const map = file(
      "map.json",
      JSON.stringify({
        client_id: "MemberID",
        level: "LOC",
        service_date: "Date",
        service_code: "Code",
        minutes: "Minutes",
      }),
    );
    const result = await caseRate("history", renamed, "--columns", map);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).history.episodes).toBe(1);
    expect(await caseRate("history", renamed)).toEqual({
      code: 2,
      out: "",
      err: `case-rate: ${renamed}: line 1: the header has no column "client_id"; if it has another name, map it with --columns, e.g. {"client_id": "…"}.\n`,
    });
  });

  it("refuses, in one line each, a file with no usable row, a folder, a missing file and bad options", async () => {
    const empty = file("header-only.csv", `${HEADER}\n`);
    const folderPath = path.join(folder, "a-folder.csv");
    mkdirSync(folderPath);
    const cases: [string[], string][] = [
      [["history", empty], `${empty}: no row can be used: it has no data rows.`],
      [["history", folderPath], `${folderPath}: it is a folder.`],
      [["history", sortedPath, "--gap-days", "ninety"], '--gap-days must be a whole number, not "ninety".'],
      [["history", sortedPath, "--cohorts", "30,10"], ""],
      [
        ["history"],
        "history takes one ENCOUNTERS.csv (or --episodes EPISODES.csv); see 'case-rate history --help'.",
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await caseRate(...argv);
      expect(result.code).toBe(2);
      expect(result.out).toBe("");
      expect(result.err.split("\n")).toHaveLength(2);
      if (message !== "") expect(result.err).toBe(`case-rate: ${message}\n`);
    }
    const missing = await caseRate("history", path.join(folder, "absent.csv"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/absent\.csv: /);
  });

  it("refuses an unclosed quote with its line, and leaves an existing output file unless --force", async () => {
    const where = file("open-quote.csv", `${HEADER}\n1,A,2025-01-02,"90834,RN,45,100\n`);
    expect((await caseRate("history", where)).err).toBe(
      `case-rate: ${where}: line 2: a quoted field is never closed (no closing " before the end of the file).\n`,
    );
    const existing = file("existing.json", "{}");
    chmodSync(existing, 0o644);
    const small = file("one-row.csv", `${HEADER}\n1,A,2025-01-02,90834,RN,45,100\n`);
    const result = await caseRate("history", small, "-o", existing);
    expect(result.code).toBe(2);
    expect(readFileSync(existing, "utf8")).toBe("{}");
    expect((await caseRate("history", small, "-o", existing, "--force")).code).toBe(0);
    expect(JSON.parse(readFileSync(existing, "utf8")).history.rows).toBe(1);
  });
});

describe("case-rate history --sql and --episodes", () => {
  it("prints the warehouse query with the episode rule's settings", async () => {
    const result = await caseRate("history", "--sql", "--gap-days", "60", "--episode-days", "91");
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^WITH service_days AS/);
    expect(result.out).toContain("<= 60");
    expect(result.out).toContain("/ 91)");
  });

  it("finishes the analysis from episode summaries as the rows give it", async () => {
    const extract = file(
      "small.csv",
      `${HEADER}\n1,A,2025-01-02,90834,RN,45,100\n1,A,2025-01-09,90834,RN,75,150\n2,B,2025-03-01,H0036,RN,60,80\n`,
    );
    const fromRows = JSON.parse((await caseRate("history", extract, "--enrollees", "50")).out);
    const episodes = file(
      "episodes.csv",
      "client_id,level,episode_start,services,hours,amount\n1,A,20090,2,2,250\n2,B,20148,1,1,80\n",
    );
    const result = await caseRate("history", "--episodes", episodes, "--enrollees", "50");
    expect(result.code).toBe(0);
    const fromEpisodes = JSON.parse(result.out);
    expect(fromEpisodes.levels).toEqual(fromRows.levels);
    expect(fromEpisodes.history.levels).toEqual(fromRows.history.levels);
    expect(fromEpisodes.penetrationRate).toBe(fromRows.penetrationRate);
  });
});
