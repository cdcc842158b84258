import fc from "fast-check";
import { ENCOUNTER_COLUMNS } from "../../../src/core/history/columns";
import { EncounterReader, type EncounterOptions } from "../../../src/core/history/encounterHistory";
import type { EpisodeSummary } from "../../../src/core/history/episodeSummary";
import { byEpisodeKey } from "../../helpers/episodeSummaries";

const COLUMNS = ENCOUNTER_COLUMNS.map((spec) => spec.column);

interface Row {
  client: string;
  level: string;
  day: number;
  code: string;
  clinician: string;
  minutes: number;
  amount: number;
}

const isoDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The extract's text: the columns in `order`, renamed by `names`; rows as given, `junk` lines put before the rows they name. */
function csvOf(
  rows: readonly Row[],
  order: readonly number[] = COLUMNS.map((_, i) => i),
  names: readonly string[] = COLUMNS,
  junk = new Map<number, string>(),
): string {
  const values = (row: Row) => [
    row.client,
    row.level,
    isoDate(row.day),
    row.code,
    row.clinician,
    String(row.minutes),
    String(row.amount),
  ];
  const lines = [order.map((i) => names[i]).join(",")];
  rows.forEach((row, index) => {
    const bad = junk.get(index);
    if (bad !== undefined) lines.push(bad);
    const fields = values(row);
    lines.push(order.map((i) => fields[i]).join(","));
  });
  return lines.join("\n");
}

function readText(text: string, options: Partial<EncounterOptions> = {}) {
  const reader = new EncounterReader({
    columns: {},
    rule: { gapDays: 5, episodeDays: 7 },
    strict: false,
    holdAllRows: true,
    ...options,
  });
  const bytes = new TextEncoder().encode(text);
  // Cut into chunks, as a stream gives them.
  for (let from = 0; from < bytes.length; from += 13) {
    if (!reader.push(bytes.subarray(from, from + 13))) return undefined;
  }
  return reader.end();
}

/** The rule as the issue words it, slowly: each row's run start found by walking its days, then rows grouped by episode. */
function referenceEpisodes(rows: readonly Row[], gapDays: number, episodeDays: number): EpisodeSummary[] {
  const groups = new Map<string, { client: string; level: string; start: number; rows: Row[] }>();
  for (const row of rows) {
    const days = [
      ...new Set(rows.filter((r) => r.client === row.client && r.level === row.level).map((r) => r.day)),
    ].sort((a, b) => a - b);
    let runStart = days[0];
    for (let k = 1; k < days.length && days[k] <= row.day; k++)
      if (days[k] - days[k - 1] > gapDays) runStart = days[k];
    const number = Math.floor((row.day - runStart) / episodeDays);
    const key = JSON.stringify([row.client, row.level, runStart, number]);
    const group = groups.get(key) ?? { client: row.client, level: row.level, start: row.day, rows: [] };
    group.start = Math.min(group.start, row.day);
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({
      clientId: group.client,
      level: group.level,
      episodeStart: group.start,
      services: group.rows.length,
      hours: group.rows.reduce((sum, r) => sum + r.minutes, 0) / 60,
      amount: group.rows.reduce((sum, r) => sum + r.amount, 0),
    }))
    .sort(byEpisodeKey);
}

const rowArbitrary = fc.record({
  client: fc.constantFrom("1", "2", "3", "a b", "Zoë"),
  level: fc.constantFrom("A", "B", "C"),
  day: fc.integer({ min: 20_000, max: 20_060 }),
  code: fc.constantFrom("90834", "H0036"),
  clinician: fc.constantFrom("RN", "Masters"),
  minutes: fc.integer({ min: 1, max: 120 }),
  amount: fc.integer({ min: 0, max: 300 }),
});
const rowsArbitrary = fc.array(rowArbitrary, { minLength: 1, maxLength: 40 });
const sortedByClient = (rows: readonly Row[]) =>
  [...rows].sort((a, b) => (a.client < b.client ? -1 : a.client > b.client ? 1 : 0));

describe("the episode rule", () => {
  it("agrees with a slow reference on random small files, sorted (streamed) or not (held)", () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 15 }),
        (rows, gapDays, episodeDays) => {
          const expected = referenceEpisodes(rows, gapDays, episodeDays);
          const rule = { gapDays, episodeDays };
          const held = readText(csvOf(rows), { rule })!;
          expect([...held.episodes].sort(byEpisodeKey)).toEqual(expected);
          const streamed = readText(csvOf(sortedByClient(rows)), { rule, holdAllRows: false })!;
          expect([...streamed.episodes].sort(byEpisodeKey)).toEqual(expected);
          expect(streamed.duplicateRows).toBe(held.duplicateRows);
          expect(streamed.clientsWithOverlappingLevels).toBe(held.clientsWithOverlappingLevels);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("cuts a run at exactly episodeDays and starts a run after a gap longer than gapDays", () => {
    const row = (day: number): Row => ({
      client: "1",
      level: "A",
      day,
      code: "x",
      clinician: "RN",
      minutes: 60,
      amount: 0,
    });
    const starts = (days: number[]) =>
      readText(csvOf(days.map(row)), { rule: { gapDays: 90, episodeDays: 182 } })!.episodes.map(
        (e) => e.episodeStart - days[0],
      );
    expect(starts([0, 90, 180, 182, 270, 360, 364])).toEqual([0, 182, 364]);
    expect(starts([0, 91, 100])).toEqual([0, 91]); // a gap of 91 days starts a run at day 91
    expect(starts([0, 90, 180, 270])).toEqual([0, 270]); // one run; day 270 is in its second 182 days, which starts there
  });

  it("gives the same figures whatever the rows' order; streaming notices input not sorted by client", () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer(), (rows, seed) => {
        const shuffled = fc.sample(
          fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          { numRuns: 1, seed },
        )[0];
        // Line numbers move with the rows; every figure stays.
        const { firstDuplicateLine: _a, ...a } = readText(csvOf(rows))!;
        const { firstDuplicateLine: _b, ...b } = readText(csvOf(shuffled))!;
        expect({ ...b, episodes: [...b.episodes].sort(byEpisodeKey) }).toEqual({
          ...a,
          episodes: [...a.episodes].sort(byEpisodeKey),
        });
        const clients = shuffled.map((r) => r.client).filter((c, i, all) => i === 0 || c !== all[i - 1]);
        const together = new Set(clients).size === clients.length;
        expect(readText(csvOf(shuffled), { holdAllRows: false }) !== undefined).toBe(together);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same figures with the columns reordered and renamed through a column map", () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.shuffledSubarray(
          COLUMNS.map((_, i) => i),
          { minLength: 7, maxLength: 7 },
        ),
        (rows, order) => {
          const names = COLUMNS.map((column) => `My ${column.toUpperCase()}`);
          const map = Object.fromEntries(COLUMNS.map((column, i) => [column, names[i]]));
          expect(readText(csvOf(rows, order, names), { columns: map })).toEqual(readText(csvOf(rows)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("counts every refused row once and lets none reach a figure", () => {
    const junkLine = fc.constantFrom(
      "9,A,2025-02-30,90834,RN,60,10",
      "9,A,2025-01-01,90834,RN,0,10",
      "9,A,2025-01-01,90834,RN,60,-1",
      "9,A,2025-01-01,90834,RN,60",
      ",A,2025-01-01,90834,RN,60,10",
      "9,A,2025-01-01,90834,RN,x,10",
    );
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.array(fc.tuple(fc.nat(), junkLine), { maxLength: 10 }),
        (rows, junkAt) => {
          const junk = new Map(junkAt.map(([at, line]) => [at % rows.length, line]));
          const clean = readText(csvOf(rows))!;
          const dirty = readText(csvOf(rows, undefined, undefined, junk))!;
          expect(dirty.rows).toBe(rows.length + junk.size);
          expect(dirty.validRows).toBe(rows.length);
          expect(dirty.rejected.reduce((sum, r) => sum + r.count, 0)).toBe(junk.size);
          const { rows: _r, rejected: _j, ...figures } = dirty;
          const { rows: _c, rejected: _k, ...cleanFigures } = clean;
          expect(figures).toEqual(cleanFigures);
        },
      ),
      { numRuns: 200 },
    );
  });
});
