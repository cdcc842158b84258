/** DuckDB, the real engine the warehouse query is run on in the tests (@duckdb/node-api). */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

/** Runs `use` on a fresh in-memory database, closing it afterwards. */
export async function withDuckDb<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The rows of a query as plain JSON values (numbers as numbers where DuckDB gives doubles). */
export async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson();
}

/**
 * `service_day` in DuckDB's dialect, as the README gives it: whole days since 1970-01-01 of a DATE.
 */
export const DUCKDB_SERVICE_DAY = "CAST(service_date - DATE '1970-01-01' AS INTEGER)";
