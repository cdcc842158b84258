#!/usr/bin/env node
/**
 * `case-rate history` on a generated extract of 10 M rows (about 480 MB; HISTORY_BENCH_ROWS sets
 * another count), written to a temporary folder at bench time and removed after. The command is
 * compiled first (`npm run build:cli`) and run from lib/, as bin/case-rate.js runs it:
 *   - rows per second and peak memory (the child's maxRSS) for the file sorted by client, level
 *     and date (memory bounded by one client's rows plus per-episode figures) and shuffled (read
 *     again holding every row: memory grows with the rows); the target is at least 1 M rows/s;
 *   - DuckDB (@duckdb/node-api) reading the same CSV and running the warehouse episode query
 *     (src/core/history/query.ts) for the per-level episode counts and mean hours, with the ratio
 *     of the two times (target: within 3x), and a check that both give the same figures.
 */
"use strict";
require("./tsRequire");
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ROWS = Number(process.env.HISTORY_BENCH_ROWS ?? 10_000_000);
const ROWS_PER_CLIENT = 20;
const TARGET_ROWS_PER_SECOND = 1_000_000;
const DUCKDB_RATIO = 3;
const { episodeQuery } = require(path.join(ROOT, "src/core/history/query.ts"));

const LEVELS = ["A", "B", "C", "D"];
const CODES = ["90832", "90834", "90837", "H0004", "H0036", "H2019"];
const CLINICIANS = ["Prescriber", "RN", "Masters", "Below masters"];
const YEAR_START = Date.UTC(2025, 0, 1) / 86_400_000;

/** Row i of the extract, a function of i alone: clients of 20 rows, one level each, weekly-ish visits with gaps. */
function rowText(i) {
  const client = Math.floor(i / ROWS_PER_CLIENT);
  const k = i % ROWS_PER_CLIENT;
  const hash = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const level = LEVELS[client % 4];
  // Visits 6 days apart from a client-dependent start, with a 100-day break in some clients' year.
  const day = YEAR_START + (client % 97) + k * 6 + (client % 5 === 0 && k >= 10 ? 100 : 0);
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  const minutes = 15 + (hash % 8) * 15;
  const amount = ((minutes / 60) * (90 + (hash % 100))).toFixed(2);
  return `C${String(client).padStart(8, "0")},${level},${date},${CODES[hash % 6]},${CLINICIANS[(hash >>> 8) % 4]},${minutes},${amount}\n`;
}

/** Writes rows in `order` (undefined: 0, 1, 2, …) to `file`, in 4 MB batches. */
function writeExtract(file, order) {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, "client_id,level,service_date,service_code,clinician_type,minutes,amount\n");
  let batch = "";
  for (let n = 0; n < ROWS; n++) {
    batch += rowText(order === undefined ? n : order[n]);
    if (batch.length > 4_000_000) {
      fs.writeSync(fd, batch);
      batch = "";
    }
  }
  fs.writeSync(fd, batch);
  fs.closeSync(fd);
}

/** A seeded shuffle of 0 … ROWS − 1. */
function shuffledOrder() {
  const order = new Uint32Array(ROWS);
  for (let i = 0; i < ROWS; i++) order[i] = i;
  let seed = 12345;
  for (let i = ROWS - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** Compiles the command line to lib/ (`npm run build:cli`), so the bench runs what bin/case-rate.js runs. */
function buildCli() {
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const build = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.cli.json")], {
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stdout}${build.stderr}`);
}

/**
 * Runs `case-rate history FILE -o OUT` (the compiled lib/, as bin/case-rate.js does) in a child;
 * its wall and CPU time (the machine may be shared: CPU time says what the command itself cost),
 * peak memory and model.
 */
function runHistory(file, out) {
  const script = `
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const { run } = require(${JSON.stringify(path.join(ROOT, "lib/cli/main.js"))});
    run(["history", ${JSON.stringify(file)}, "-o", ${JSON.stringify(out)}, "--force"], { out: () => {}, err: (t) => process.stderr.write(t) })
      .then((code) => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const used = process.cpuUsage(cpu);
        const cpuSeconds = (used.user + used.system) / 1e6;
        process.stdout.write(JSON.stringify({ code, seconds, cpuSeconds, maxRssKb: process.resourceUsage().maxRSS }));
      });`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`case-rate history failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout);
  if (result.code !== 0) throw new Error(`case-rate history exited ${result.code}: ${child.stderr}`);
  return { ...result, model: JSON.parse(fs.readFileSync(out, "utf8")) };
}

async function runDuckDb(file) {
  const { DuckDBInstance } = require("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const start = process.hrtime.bigint();
  await connection.run(`CREATE VIEW encounters AS
    SELECT client_id, level, service_code, clinician_type, minutes, amount,
           CAST(service_date - DATE '1970-01-01' AS INTEGER) AS service_day
    FROM read_csv('${file.replace(/'/g, "''")}', header = true, columns = {
      'client_id': 'VARCHAR', 'level': 'VARCHAR', 'service_date': 'DATE', 'service_code': 'VARCHAR',
      'clinician_type': 'VARCHAR', 'minutes': 'DOUBLE', 'amount': 'DOUBLE'})`);
  const reader = await connection.runAndReadAll(
    `SELECT level, COUNT(*) AS episodes, AVG(hours) AS average_hours
     FROM (${episodeQuery({ gapDays: 90, episodeDays: 182 }).replace(/ORDER BY[^)]*$/, "")}) AS episodes
     GROUP BY level ORDER BY level`,
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const levels = reader.getRowObjectsJson().map((row) => ({
    id: row.level,
    episodes: Number(row.episodes),
    averageHours: Number(row.average_hours),
  }));
  connection.closeSync();
  instance.closeSync();
  return { seconds, levels };
}

const megabytes = (kb) => `${(kb / 1024).toFixed(0)} MB`;

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "case-rate-history-bench-"));
  try {
    const sorted = path.join(folder, "sorted.csv");
    const shuffled = path.join(folder, "shuffled.csv");
    let start = Date.now();
    writeExtract(sorted);
    writeExtract(shuffled, shuffledOrder());
    const size = fs.statSync(sorted).size;
    console.log(
      `extract: ${ROWS.toLocaleString("en-US")} rows, ${(size / 1e6).toFixed(0)} MB, written twice in ${((Date.now() - start) / 1000).toFixed(1)} s; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    );
    buildCli();
    const baseline = path.join(folder, "one-row.csv");
    fs.writeFileSync(
      baseline,
      `client_id,level,service_date,service_code,minutes\nC1,A,2025-01-02,90834,45\n`,
    );
    const out = path.join(folder, "model.json");
    const empty = runHistory(baseline, out);
    console.log(
      `case-rate history on a 1-row file (the command's own baseline): ${empty.seconds.toFixed(2)} s, peak memory ${megabytes(empty.maxRssKb)}`,
    );
    const runs = {};
    for (const [name, file] of [
      ["sorted", sorted],
      ["shuffled", shuffled],
    ]) {
      const result = runHistory(file, out);
      runs[name] = result;
      console.log(
        `case-rate history (${name}): ${result.seconds.toFixed(1)} s, ${(ROWS / result.seconds / 1e6).toFixed(2)} M rows/s (CPU ${result.cpuSeconds.toFixed(1)} s: ${(ROWS / result.cpuSeconds / 1e6).toFixed(2)} M rows per CPU second), peak memory ${megabytes(result.maxRssKb)}`,
      );
    }
    start = Date.now();
    const duck = await runDuckDb(sorted);
    console.log(
      `DuckDB (read_csv + the episode query, per-level counts and mean hours): ${duck.seconds.toFixed(1)} s`,
    );
    const ours = runs.sorted.model.history.levels.map((level) => ({
      id: level.id,
      episodes: level.episodes,
      averageHours: level.averageHours,
    }));
    const same =
      ours.length === duck.levels.length &&
      ours.every(
        (level, i) =>
          level.id === duck.levels[i].id &&
          level.episodes === duck.levels[i].episodes &&
          Math.abs(level.averageHours - duck.levels[i].averageHours) <= 1e-9 * level.averageHours,
      );
    console.log(
      `same per-level episodes and mean hours as DuckDB: ${same ? "yes" : "NO"} (${ours.map((l) => `${l.id} ${l.episodes}`).join(", ")})`,
    );
    const ratio = runs.sorted.seconds / duck.seconds;
    console.log(
      `ratio case-rate history (sorted) / DuckDB: ${ratio.toFixed(2)} (target at most ${DUCKDB_RATIO})`,
    );
    const rate = ROWS / runs.sorted.seconds;
    console.log(
      `rows/s target ${(TARGET_ROWS_PER_SECOND / 1e6).toFixed(0)} M: ${rate >= TARGET_ROWS_PER_SECOND ? "met" : "NOT met"}`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

// The generator, for profiling the row path on the same extract (HISTORY_BENCH_ROWS sets its size).
module.exports = { writeExtract, shuffledOrder };
