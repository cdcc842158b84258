/** The warehouse's episode query: its text, its settings, and its episodes on DuckDB, worked by hand. */
import { episodeQuery } from "../../../src/core/history/query";
import { inputError } from "../../helpers/inputError";
import { DUCKDB_SERVICE_DAY, rowsOf, withDuckDb } from "./duckdb";

/** client, level, date, minutes, amount: client 1 at A has runs and a cut; client 2 is at B once. */
const ROWS = [
  ["1", "A", "2025-01-01", 60, 10.5], // run 1, day 0 of it: episode 0
  ["1", "A", "2025-01-01", 7, 1.25], // the same day
  ["1", "A", "2025-04-01", 30, 3], // day 90: still run 1 (a gap of exactly G)
  ["1", "A", "2025-06-01", 60, 5], // day 151, 61 days on
  ["1", "A", "2025-07-02", 30, 3], // day 182, 31 days on: run 1 still, but its episode 1
  ["1", "A", "2025-12-01", 15, 2], // 152 days on: a new run
  ["1", "B", "2025-01-02", 45, 4], // the same client at another level: its own episode
  ["2", "B", "2025-02-01", 45, 4],
] as const;

async function episodesOf(sql: string): Promise<Record<string, unknown>[]> {
  return withDuckDb(async (connection) => {
    const values = ROWS.map(
      ([client, level, date, minutes, amount]) =>
        `('${client}', '${level}', DATE '${date}', ${minutes}, ${amount})`,
    ).join(", ");
    await connection.run(
      `CREATE TABLE encounters AS SELECT *, ${DUCKDB_SERVICE_DAY} AS service_day
       FROM (VALUES ${values}) AS t(client_id, level, service_date, minutes, amount)`,
    );
    return rowsOf(connection, sql);
  });
}

describe("episodeQuery", () => {
  test("the issue's rule on DuckDB: runs split at gaps over G days, cut every E days", async () => {
    const day = (date: string): number =>
      Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8)) / 86_400_000;
    const rows = await episodesOf(episodeQuery({ gapDays: 90, episodeDays: 182 }));
    expect(rows.map((row) => ({ ...row, hours: Number(row.hours), amount: Number(row.amount) }))).toEqual([
      {
        client_id: "1",
        level: "A",
        episode_start: day("2025-01-01"),
        services: "4",
        hours: 157 / 60,
        amount: 19.75,
      },
      { client_id: "1", level: "A", episode_start: day("2025-07-02"), services: "1", hours: 0.5, amount: 3 },
      { client_id: "1", level: "A", episode_start: day("2025-12-01"), services: "1", hours: 0.25, amount: 2 },
      { client_id: "1", level: "B", episode_start: day("2025-01-02"), services: "1", hours: 0.75, amount: 4 },
      { client_id: "2", level: "B", episode_start: day("2025-02-01"), services: "1", hours: 0.75, amount: 4 },
    ]);
  });

  test("a shorter gap and episode length split further", async () => {
    const rows = await episodesOf(episodeQuery({ gapDays: 89, episodeDays: 30 }));
    // Client 1 at A, days 0, 90, 151, 182, 334: runs {0}, {90, 151, 182}, {334}; the second cut
    // every 30 days into episodes 0 (day 90), 2 (day 151) and 3 (day 182).
    const starts = rows
      .filter((row) => row.client_id === "1" && row.level === "A")
      .map((row) => row.episode_start);
    expect(starts).toEqual([0, 90, 151, 182, 334].map((day) => day + 20089));
  });

  test("a longer episode keeps a run's later services in its first episode", async () => {
    const rows = await episodesOf(episodeQuery({ gapDays: 90, episodeDays: 183 }));
    expect(
      rows.filter((row) => row.client_id === "1" && row.level === "A").map((row) => row.services),
    ).toEqual(["5", "1"]);
  });

  test("the defaults are 90 and 182 days", () => {
    expect(episodeQuery()).toBe(episodeQuery({ gapDays: 90, episodeDays: 182 }));
    expect(episodeQuery()).toContain("<= 90");
    expect(episodeQuery()).toContain("/ 182)");
  });

  test("no dialect's functions: only the shared subset", () => {
    const words = new Set(episodeQuery().match(/\b[A-Z_]+(?=\s*\()/g));
    expect([...words].sort()).toEqual(["AS", "COUNT", "FLOOR", "LAG", "MIN", "OVER", "SUM"]);
  });

  test.each([
    [{ gapDays: -1 }, "gapDays is -1; it must be a whole number of days from 0 to 36500."],
    [{ episodeDays: 0 }, "episodeDays is 0; it must be a whole number of days from 1 to 36500."],
    [{ episodeDays: 182.5 }, "episodeDays is 182.5; it must be a whole number of days from 1 to 36500."],
  ])("%p is refused", (settings, message) => {
    expect(inputError(() => episodeQuery(settings)).message).toBe(message);
  });
});
