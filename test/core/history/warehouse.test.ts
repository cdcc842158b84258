/**
 * The warehouse path on a real engine: the fixtures' extracts loaded into DuckDB (service_day
 * computed there, as the README says), the episode query run, its result exported as CSV and
 * read back: the episodes built into the fixtures, and the same figures as their direct analysis.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "../../../src/core/csv/csvParser";
import { analyzeEpisodes } from "../../../src/core/history/analysis";
import { EncounterReader } from "../../../src/core/history/encounterHistory";
import { EpisodeFile } from "../../../src/core/history/episodeFile";
import type { EpisodeSummary } from "../../../src/core/history/episodeSummary";
import { episodeQuery } from "../../../src/core/history/query";
import { scratchFolder } from "../../cli/scratchFolder";
import { encounterCsv, levelBCohortFixture, toolkitFixture } from "../../fixtures/history/generate";
import { builtSummaries, byEpisodeKey } from "../../helpers/episodeSummaries";
import { DUCKDB_SERVICE_DAY, rowsOf, withDuckDb } from "./duckdb";

let scratch = "";
beforeAll(() => {
  scratch = scratchFolder("warehouse");
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The extract's columns as a warehouse table types them: amounts as exact decimals. */
const COLUMNS = `{'client_id': 'VARCHAR', 'level': 'VARCHAR', 'service_date': 'DATE', 'service_code': 'VARCHAR',
  'clinician_type': 'VARCHAR', 'minutes': 'INTEGER', 'amount': 'DECIMAL(18,2)'}`;

/** Loads `csv` as table encounters, runs the query, exports it; returns the exported file's path. */
async function warehouseEpisodes(name: string, csv: string, sql = episodeQuery()): Promise<string> {
  const extract = path.join(scratch, `${name}.csv`);
  const episodes = path.join(scratch, `${name}-episodes.csv`);
  writeFileSync(extract, csv);
  await withDuckDb(async (connection) => {
    await connection.run(
      `CREATE TABLE encounters AS SELECT *, ${DUCKDB_SERVICE_DAY} AS service_day
       FROM read_csv('${extract}', header = true, columns = ${COLUMNS})`,
    );
    expect(await rowsOf(connection, "SELECT COUNT(*) AS n FROM encounters")).toEqual([
      { n: String(csv.trimEnd().split("\n").length - 1) },
    ]);
    await connection.run(`COPY (${sql}) TO '${episodes}' (HEADER, DELIMITER ',')`);
  });
  return episodes;
}

/** The exported episodes read back through the CSV parser, as `case-rate history --episodes` reads them. */
function readEpisodes(file: string, options: { cohortCuts?: number[]; enrollees?: number } = {}) {
  const episodes = new EpisodeFile(options);
  for (const row of parseCsv([readFileSync(file)])) episodes.row(row.fields, row.line, row.badQuoting);
  return episodes.result();
}

/** The exported episodes as summaries, parsed plainly, to set against the built ones. */
function exportedSummaries(file: string): EpisodeSummary[] {
  const [, ...rows] = parseCsv([readFileSync(file)]);
  return rows.map(({ fields: [clientId, level, start, services, hours, amount] }) => ({
    clientId,
    level,
    episodeStart: Number(start),
    services: Number(services),
    hours: Number(hours),
    amount: Number(amount),
  }));
}

describe.each([
  ["fixture (a), the toolkit's 3,000 episodes", "toolkit", toolkitFixture(), undefined],
  ["fixture (b), Level B's cohorts", "levelB", levelBCohortFixture(), [10, 30, 50]],
])("%s through DuckDB", (_label, name, fixture, cohortCuts) => {
  let file = "";
  beforeAll(async () => {
    // Shuffled rows: the query must not depend on the table's order.
    file = await warehouseEpisodes(name, encounterCsv(fixture, { shuffle: 7 }));
  }, 120_000);

  test("the query finds exactly the episodes built into the rows", () => {
    const found = exportedSummaries(file);
    expect(found).toEqual(builtSummaries(fixture).sort(byEpisodeKey));
  });

  test("--episodes' reading gives the same levels and history.levels as the direct analysis", () => {
    const options = { enrollees: 30_000, ...(cohortCuts === undefined ? {} : { cohortCuts }) };
    const { analysis, validRows } = readEpisodes(file, options);
    const direct = analyzeEpisodes(builtSummaries(fixture), { ...options, hasAmount: true });
    expect(validRows).toBe(fixture.rows.length);
    expect(analysis.levels).toEqual(direct.levels);
    expect(analysis.history).toEqual(direct.history);
    expect(analysis.ratePerHour).toBe(direct.ratePerHour);
  });

  test("the same levels and history.levels as the row path's episode rule over the extract itself", () => {
    const options = { enrollees: 30_000, ...(cohortCuts === undefined ? {} : { cohortCuts }) };
    const reader = new EncounterReader({
      columns: {},
      rule: { gapDays: 90, episodeDays: 182 },
      strict: true,
      holdAllRows: true,
    });
    reader.push(new TextEncoder().encode(encounterCsv(fixture, { shuffle: 7 })));
    const rows = reader.end()!;
    const fromRows = analyzeEpisodes(rows.episodes, { ...options, hasAmount: rows.hasAmount });
    const { analysis } = readEpisodes(file, options);
    expect(analysis.levels).toEqual(fromRows.levels);
    // Amounts: DuckDB sums exact decimals, the row path doubles: the rates agree to rounding.
    const withoutRates = (levels: typeof fromRows.history.levels) =>
      levels.map(({ ratePerHour: _, ...level }) => level);
    expect(withoutRates(analysis.history.levels)).toEqual(withoutRates(fromRows.history.levels));
    analysis.history.levels.forEach((level, i) =>
      expect(level.ratePerHour).toBeCloseTo(fromRows.history.levels[i].ratePerHour!, 9),
    );
    expect(analysis.history.clients).toBe(fromRows.history.clients);
    expect(analysis.ratePerHour).toBeCloseTo(fromRows.ratePerHour!, 9);
  });
});
