/**
 * The starter from an encounter history: starterOptionsOfHistory's mapping (Low/High around the
 * history's rate, cohorts past six merged, what a history without enrollees or amounts leaves
 * blank) and the Encounter History sheet (a record of values, a free name beside a user's sheet).
 */
import { parseCell } from "../../src/workbook/a1";
import { resolveNaming } from "../../src/workbook/freeNames";
import { isFormula, type SheetSpec } from "../../src/workbook/spec";
import {
  HISTORY_SHEET,
  describeStarterWorkbook,
  starterOptions,
  starterOptionsOfHistory,
  starterWanted,
} from "../../src/workbook/starter";
import { RISK_COHORTS } from "../../src/workbook/starter/riskInputs";
import { HISTORY_VARIANT_MODEL, HISTORY_VARIANT_SOURCE } from "../helpers/historyVariant";

const mapped = starterOptionsOfHistory(HISTORY_VARIANT_MODEL, HISTORY_VARIANT_SOURCE);

/** Each row's cells of a sheet, by row number, the label column first. */
function rowsOf(sheet: SheetSpec): Map<number, unknown[]> {
  const rows = new Map<number, unknown[]>();
  for (const block of sheet.blocks) {
    const origin = parseCell(block.address);
    block.rows.forEach((cells, r) => {
      const row = rows.get(origin.row + r) ?? [];
      cells.forEach((content, c) => (row[origin.column + c - 2] = content));
      rows.set(origin.row + r, row);
    });
  }
  return rows;
}

describe("starterOptionsOfHistory", () => {
  it("takes the history's levels, with any ids, and its case mix and hours", () => {
    expect(mapped.levels.map((level) => level.id)).toEqual(["Crisis", "OP", "IOP"]);
    expect(mapped.inputs?.caseMix).toEqual([0.2, 0.6, 0.2]);
    expect(mapped.inputs?.averageHours).toEqual([6.5, 12.25, 55.5]);
    expect(mapped.inputs?.minimumHours).toEqual([1, 1, 20]);
    expect(mapped.inputs?.maximumHours).toEqual([14, 40, 90]);
    expect(mapped.inputs?.ratePerHour).toBe(131.25);
  });

  it("makes the history's penetration rate Medium, with Low and High at 0.9x and 1.1x, for review", () => {
    expect(mapped.inputs?.enrollees).toBe(5000);
    expect(mapped.inputs?.penetrationRates).toEqual([0.04 * 0.9, 0.04, 0.04 * 1.1]);
    expect(mapped.inputs?.notes.penetration).toMatch(/^Review: /);
  });

  it("lists step 6's codes with the history's clinician types as columns", () => {
    expect(mapped.inputs?.clinicianTypes).toEqual(["Case manager", "Peer specialist"]);
    expect(mapped.inputs?.serviceCodes).toEqual([
      {
        code: "H0036",
        description: "Community Supportive",
        clinicianShares: [0.75, 0.25],
        billedPerHour: 125,
        hours: 1600,
      },
      {
        code: "T1017",
        description: "",
        clinicianShares: [1, 0],
        billedPerHour: 145.53571428571428,
        hours: 700,
      },
    ]);
  });

  it(`merges a level's cohorts past ${RISK_COHORTS} into the last, keeping its episodes and mean hours, and says so`, () => {
    const op = mapped.inputs?.riskCohorts[1] ?? [];
    expect(op).toHaveLength(RISK_COHORTS);
    expect(op[RISK_COHORTS - 1]).toEqual({ episodes: 30, averageHours: (20 * 17 + 10 * 29.5) / 30 });
    const episodes = (cohorts: readonly { episodes: number }[]) =>
      cohorts.reduce((n, c) => n + c.episodes, 0);
    const hours = (cohorts: readonly { episodes: number; averageHours: number }[]) =>
      cohorts.reduce((n, c) => n + c.episodes * c.averageHours, 0);
    const original = HISTORY_VARIANT_MODEL.history.levels[1].cohorts;
    expect(episodes(op)).toBe(episodes(original));
    expect(hours(op)).toBeCloseTo(hours(original), 9);
    expect(mapped.inputs?.riskCohorts[0]).toHaveLength(3);
    expect(mapped.inputs?.notes.cohorts).toMatch(/^Level OP: more than 6 cohorts/);
  });

  it("leaves steps 1 and 2 and the rates blank when the history has no enrollees or amounts", () => {
    const { enrollees, penetrationRate, ratePerHour, ...rest } = HISTORY_VARIANT_MODEL;
    expect([enrollees, penetrationRate, ratePerHour].every((v) => v !== undefined)).toBe(true);
    const services = HISTORY_VARIANT_MODEL.history.services as {
      code: string;
      rows: number;
      hours: number;
    }[];
    const bare = starterOptionsOfHistory({
      ...rest,
      history: {
        ...rest.history,
        services: services.map(({ code, rows, hours }) => ({ code, rows, hours })),
      },
    });
    expect(bare.inputs?.enrollees).toBeNull();
    expect(bare.inputs?.penetrationRates).toEqual([null, null, null]);
    expect(bare.inputs?.notes.penetration).toBeUndefined();
    expect(bare.inputs?.ratePerHour).toBeNull();
    expect(bare.inputs?.clinicianTypes).toEqual([]);
    expect(bare.inputs?.serviceCodes.map((code) => code.billedPerHour)).toEqual([null, null]);
    const spec = describeStarterWorkbook(starterOptions(bare));
    const names = (name: string) => spec.names.find((n) => n.name === name)?.reference;
    // Without clinician columns the billed rates sit right after the code.
    expect(names("BilledRatesPerHour")).toMatch(/^Inputs!\$D\$\d+:\$D\$\d+$/);
  });

  it("is refused beside the toolkit's example", () => {
    expect(() => starterOptions({ ...mapped, example: true })).toThrow(
      "the toolkit's example has its own inputs; build it without an encounter history.",
    );
  });
});

describe("the Encounter History sheet", () => {
  const options = starterOptions(mapped);
  const spec = describeStarterWorkbook(options);
  const sheet = spec.sheets.find((s) => s.name === HISTORY_SHEET) as SheetSpec;
  const rows = [...rowsOf(sheet).values()];
  const row = (label: string) => rows.find((cells) => cells[0] === label);

  it("follows the payor's sheets (after Settlement) and is listed for the writers' free-name search", () => {
    const names = spec.sheets.map((s) => s.name);
    expect(names.indexOf(HISTORY_SHEET)).toBe(names.indexOf("Settlement") + 1);
    expect(starterWanted(options).sheets).toContain(HISTORY_SHEET);
    expect(starterWanted(starterOptions()).sheets).not.toContain(HISTORY_SHEET);
  });

  it("holds values only, no formula", () => {
    const formulas = sheet.blocks.flatMap((block) => block.rows.flat().filter((cell) => isFormula(cell)));
    expect(formulas).toEqual([]);
  });

  it("records the file, the episode rule, the rows rejected by reason and the duplicates", () => {
    expect(row("File")?.[2]).toBe("encounters-2025.csv");
    expect(row("SHA-256")?.[2]).toBe(HISTORY_VARIANT_SOURCE.sha256);
    expect(row("Longest gap within a run")?.[2]).toBe(60);
    expect(row("Episode length")?.[2]).toBe(120);
    expect(rows.some((cells) => String(cells[0]).includes("longer than 60 days"))).toBe(true);
    expect(row("service_date is not a date YYYY-MM-DD")?.slice(2)).toEqual([7, 12]);
    expect(row("minutes is not above 0")?.slice(2)).toEqual([3, 40]);
    expect(row("Possible duplicates (identical rows)")?.[2]).toBe(4);
    expect(row("Clients with overlapping levels")?.[2]).toBe(2);
  });

  it("records every cohort of every level, also those merged on Inputs", () => {
    expect(rows.filter((cells) => String(cells[0]).startsWith("Cohort ")).length).toBe(3 + 7 + 2);
  });

  it("records each code's figures and clinician mix", () => {
    expect(row("T1017")?.slice(1)).toEqual([800, 700, 101875, 145.53571428571428, 1, 0]);
  });

  it("takes a free name when the user's workbook has a sheet of that name", () => {
    const wanted = starterWanted(options);
    const naming = resolveNaming([HISTORY_SHEET], [], wanted.sheets, wanted.names);
    const renamed = describeStarterWorkbook(options, naming);
    expect(renamed.sheets.map((s) => s.name)).toContain(`${HISTORY_SHEET} (2)`);
    expect(renamed.sheets.map((s) => s.name)).not.toContain(HISTORY_SHEET);
  });
});
