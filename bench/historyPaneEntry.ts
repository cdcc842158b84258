/**
 * The History section's analysis as the pane runs it, bundled for the Chromium bench
 * (bench/historyPane.bench.js): rows as Excel hands them over (text, numbers, serial dates) made
 * text by cellText, read by the core's reader, and the model made, timed in the page.
 */
import { EncounterReader } from "../src/core/history/encounterHistory";
import { EPISODE_DEFAULTS } from "../src/core/history/episodeSettings";
import { modelOfExtract } from "../src/core/history/extractModel";
import { cellText } from "../src/taskpane/history/cellText";

const HEADER = ["client_id", "level", "service_date", "service_code", "clinician_type", "minutes", "amount"];
const LEVELS = ["A", "B", "C", "D"];
const CODES = ["90832", "90834", "90837", "H0004", "H0036", "H2019"];
const CLINICIANS = ["Prescriber", "RN", "Masters", "Below masters"];
/** 2025-01-01 as Excel's serial date. */
const SERIAL_2025 = 45658;

/** Row i as Excel's values: clients of 20 rows at one level, visits 6 days apart, some with a 100-day gap. */
function row(i: number): unknown[] {
  const client = Math.floor(i / 20);
  const k = i % 20;
  const hash = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const minutes = 15 + (hash % 8) * 15;
  return [
    `C${String(client).padStart(8, "0")}`,
    LEVELS[client % 4],
    SERIAL_2025 + (client % 97) + k * 6 + (client % 5 === 0 && k >= 10 ? 100 : 0),
    CODES[hash % 6],
    CLINICIANS[(hash >>> 8) % 4],
    minutes,
    Math.round((minutes / 60) * (90 + (hash % 100)) * 100) / 100,
  ];
}

/** The rows in memory, made once: each timed run reads the same ones (made anew, the last run's would be garbage for the collector to meet while a run is timed). */
let values: unknown[][] = [];

/** Makes `count` rows in memory, untimed. */
function make(count: number): void {
  values = Array.from({ length: count }, (_, i) => row(i));
}

/** Times the pane's analysis of the rows made. */
function run(): { rows: number; episodes: number; milliseconds: number } {
  const start = performance.now();
  const reader = new EncounterReader({
    columns: {},
    rule: EPISODE_DEFAULTS,
    strict: false,
    holdAllRows: true,
  });
  reader.pushRow([...HEADER], 1);
  // One array of texts for every row, as the pane fills it (src/taskpane/excel/excelHistory.ts).
  const fields: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const cells = values[i];
    for (let column = 0; column < cells.length; column++)
      fields[column] = cellText(cells[column], column === 2);
    reader.pushRow(fields, i + 2);
  }
  const model = modelOfExtract(reader.end()!, EPISODE_DEFAULTS, { enrollees: 100_000 });
  const milliseconds = performance.now() - start;
  return { rows: model.history.rows ?? 0, episodes: model.history.episodes, milliseconds };
}

Object.assign(globalThis, { historyPaneRows: make, historyPaneBench: run });
