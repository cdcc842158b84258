/** The command line as the CLI tests run it: in process or as its own process, and what it wrote. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { run } from "../../src/cli/main";
import { withDuckDb, DUCKDB_SERVICE_DAY } from "../core/history/duckdb";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");

/** What `case-rate` did: its exit status and everything it wrote to stdout and stderr. */
export interface CaseRateRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `case-rate argv` through the command line's entry point, in process. */
export async function caseRateInProcess(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

/** `case-rate args` as its own process (bin/case-rate.js), from the repository's root. */
export function caseRateProcess(...args: string[]): CaseRateRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit code 2, nothing on stdout, exactly one line on stderr that contains every `parts`. */
export function expectUsageFailure(result: CaseRateRun, ...parts: string[]): void {
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^case-rate: [^\n]+\n$/);
  for (const part of parts) expect(result.stderr).toContain(part);
  expect(result.status).toBe(2);
}

/** `content` (text as it is, anything else as JSON) written as `name` in `folder`; its path. */
export function fileIn(folder: string, name: string, content: unknown): string {
  const where = path.join(folder, name);
  writeFileSync(where, typeof content === "string" ? content : JSON.stringify(content));
  return where;
}

/** The warehouse: the `extract` CSV loaded into DuckDB, `sql` (the history query) exported as CSV to `episodes`. */
export async function exportEpisodes(extract: string, sql: string, episodes: string): Promise<void> {
  await withDuckDb(async (connection) => {
    await connection.run(
      `CREATE TABLE encounters AS SELECT *, ${DUCKDB_SERVICE_DAY} AS service_day FROM read_csv('${extract}', header = true,
       columns = {'client_id': 'VARCHAR', 'level': 'VARCHAR', 'service_date': 'DATE', 'service_code': 'VARCHAR',
                  'clinician_type': 'VARCHAR', 'minutes': 'INTEGER', 'amount': 'DECIMAL(18,2)'})`,
    );
    await connection.run(`COPY (${sql}) TO '${episodes}' (HEADER, DELIMITER ',')`);
  });
}
