/**
 * Rows already split into fields (the pane's Excel range) and a file's bytes take one path: the
 * same checks, rejections and episodes, so the same model.
 */
import { EncounterReader } from "../../../src/core/history/encounterHistory";
import { EPISODE_DEFAULTS } from "../../../src/core/history/episodeSettings";
import { modelOfExtract } from "../../../src/core/history/extractModel";
import { parseCsv } from "../../../src/core/csv/csvParser";
import { encounterCsv, toolkitFixture } from "../../fixtures/history/generate";

const options = { columns: {}, rule: EPISODE_DEFAULTS, strict: false, holdAllRows: true };

function modelOfBytes(text: string) {
  const reader = new EncounterReader(options);
  reader.push(new TextEncoder().encode(text));
  return modelOfExtract(reader.end()!, EPISODE_DEFAULTS, { enrollees: 30_000 });
}

function modelOfRows(text: string) {
  const reader = new EncounterReader(options);
  for (const row of parseCsv([new TextEncoder().encode(text)])) reader.pushRow(row.fields, row.line);
  return modelOfExtract(reader.end()!, EPISODE_DEFAULTS, { enrollees: 30_000 });
}

describe("the rows path (pushRow) and the bytes path (push) give one model", () => {
  test("fixture (a), shuffled: the same model, the toolkit's mix", () => {
    const text = encounterCsv(toolkitFixture(), { shuffle: 7 });
    const rows = modelOfRows(text);
    expect(rows).toEqual(modelOfBytes(text));
    expect(rows.levels.map((level) => level.caseMix)).toEqual([0.2, 0.37, 0.33, 0.1]);
    expect(rows.penetrationRate).toBe(0.1);
  });

  test("refused rows are counted alike, by reason and first line", () => {
    const text =
      "client_id,level,service_date,service_code,minutes\n1,A,2025-01-02,90834,45\n2,A,2025-02-30,90834,45\n3,,2025-01-02,90834,45\n4,A,2025-01-03,90834\n";
    const rows = modelOfRows(text);
    expect(rows.history.rejected).toEqual([
      { reason: "service_date is not a date YYYY-MM-DD", count: 1, firstLine: 3 },
      { reason: "level is empty", count: 1, firstLine: 4 },
      { reason: "wrong number of fields", count: 1, firstLine: 5 },
    ]);
    expect(rows).toEqual(modelOfBytes(text));
  });
});
