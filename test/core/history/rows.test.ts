import fc from "fast-check";
import { isCaseRateInputError } from "../../../src/core/errors";
import { columnMapOf } from "../../../src/core/history/columns";
import { dayNumber } from "../../../src/core/history/dayNumber";
import { EncounterReader, type EncounterOptions } from "../../../src/core/history/encounterHistory";

const HEADER = "client_id,level,service_date,service_code,clinician_type,minutes,amount";
const RULE = { gapDays: 90, episodeDays: 182 };

/** The day number of a date's text, read from its UTF-8 bytes as the extract's are. */
function dayOf(text: string): number | undefined {
  const bytes = new TextEncoder().encode(text);
  return dayNumber(bytes, 0, bytes.length);
}

function read(text: string, options: Partial<EncounterOptions> = {}) {
  const reader = new EncounterReader({
    columns: {},
    rule: RULE,
    strict: false,
    holdAllRows: true,
    ...options,
  });
  reader.push(new TextEncoder().encode(text));
  const history = reader.end();
  if (history === undefined) throw new Error("rows held, so never read again");
  return history;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isCaseRateInputError(error)) return error.message;
    throw error;
  }
  throw new Error("no error");
}

describe("service dates", () => {
  it("reads YYYY-MM-DD as days since 1970-01-01, as Date.UTC does for real dates", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (date) => {
          const text = date.toISOString().slice(0, 10);
          expect(dayOf(text)).toBe(Math.floor(date.getTime() / 86_400_000));
        },
      ),
    );
    expect(dayOf("1970-01-01")).toBe(0);
    expect(dayOf("1969-12-31")).toBe(-1);
  });

  it("refuses days a month lacks, leap days of common years, and other shapes", () => {
    for (const text of [
      "2025-02-30",
      "2025-02-29",
      "2023-02-29",
      "1900-02-29",
      "2025-04-31",
      "2025-13-01",
      "2025-00-10",
    ])
      expect(dayOf(text)).toBeUndefined();
    for (const text of [
      "2025-1-01",
      "2025/01/01",
      "01/02/2025",
      "2025-01-01T00",
      " 2025-01-01",
      "２０２５-01-01",
      "",
    ])
      expect(dayOf(text)).toBeUndefined();
    expect(dayOf("2024-02-29")).toBe(19782);
    expect(dayOf("2000-02-29")).toBe(11016);
  });
});

describe("columns", () => {
  it("names a missing required column, by the map's name when mapped", () => {
    expect(errorOf(() => read("client_id,level,service_date,service_code\n1,A,2025-01-01,x\n"))).toBe(
      'line 1: the header has no column "minutes"; if it has another name, map it with --columns, e.g. {"minutes": "…"}.',
    );
    expect(errorOf(() => read(`${HEADER}\n`, { columns: { client_id: "MemberID" } }))).toBe(
      'line 1: the header has no column "MemberID" (client_id).',
    );
  });

  it("refuses a column named twice and a map with unknown columns or names that are not text", () => {
    expect(errorOf(() => read(`${HEADER},minutes\n`))).toBe(
      'line 1: the header has the column "minutes" twice.',
    );
    expect(errorOf(() => columnMapOf({ member: "MemberID" }))).toMatch(
      /^the column map names "member", which is not a column/,
    );
    expect(errorOf(() => columnMapOf({ client_id: 3 }))).toBe(
      "the column map gives client_id no column name (it must be text).",
    );
    expect(errorOf(() => columnMapOf(["client_id"]))).toMatch(/^the column map must be an object/);
  });

  it("reads an extract without the optional columns: no amounts, no clinician mix", () => {
    const history = read("minutes,service_code,level,service_date,client_id\n30,90834,A,2025-01-01,1\n");
    expect(history.hasAmount).toBe(false);
    expect(history.episodes).toEqual([
      { clientId: "1", level: "A", episodeStart: dayOf("2025-01-01"), services: 1, hours: 0.5 },
    ]);
    expect(history.services).toEqual([{ code: "90834", rows: 1, hours: 0.5 }]);
  });
});

describe("rows refused", () => {
  const text = [
    HEADER,
    "1,A,2025-01-01,90834,Masters,60,100",
    "1,A,2025-02-30,90834,Masters,60,100", // line 3: no such day
    ",A,2025-01-01,90834,Masters,60,100",
    "1,,2025-01-01,90834,Masters,60,100",
    "1,A,2025-01-01,,Masters,60,100",
    "1,A,2025-01-01,90834,Masters,sixty,100",
    "1,A,2025-01-01,90834,Masters,0,100",
    "1,A,2025-01-01,90834,Masters,-5,100",
    "1,A,2025-01-01,90834,Masters,60,",
    "1,A,2025-01-01,90834,Masters,60,$100",
    "1,A,2025-01-01,90834,Masters,60,-1",
    "1,A,2025-01-01,90834,Masters,60",
    '1,A,2025-01-01,90834,Mas"ters,60,100',
    "1,A,2025-03-01,90834,Masters,1e3,100",
    "1,A,2025-03-01,90834,,30,50",
  ].join("\n");

  it("counts each refused row once, under its reason with the first line, and uses none of them", () => {
    const history = read(text);
    expect(history.rows).toBe(15);
    expect(history.validRows).toBe(2);
    expect(history.rejected).toEqual([
      { reason: "service_date is not a date YYYY-MM-DD", count: 1, firstLine: 3 },
      { reason: "client_id is empty", count: 1, firstLine: 4 },
      { reason: "level is empty", count: 1, firstLine: 5 },
      { reason: "service_code is empty", count: 1, firstLine: 6 },
      { reason: "minutes is not a number", count: 2, firstLine: 7 },
      { reason: "minutes is not above 0", count: 2, firstLine: 8 },
      { reason: "amount is blank", count: 1, firstLine: 10 },
      { reason: "amount is not a number", count: 1, firstLine: 11 },
      { reason: "amount is negative", count: 1, firstLine: 12 },
      { reason: "wrong number of fields", count: 1, firstLine: 13 },
      { reason: "a quote out of place (RFC 4180)", count: 1, firstLine: 14 },
    ]);
    expect(history.episodes).toEqual([
      {
        clientId: "1",
        level: "A",
        episodeStart: dayOf("2025-01-01"),
        services: 2,
        hours: 1.5,
        amount: 150,
      },
    ]);
    expect(history.services).toEqual([
      {
        code: "90834",
        rows: 2,
        hours: 1.5,
        amount: 150,
        ratePerHour: 100,
        clinicianMix: { "(blank)": 1 / 3, Masters: 2 / 3 },
      },
    ]);
  });

  it("with strict, stops at the first refused row, naming its line and reason", () => {
    expect(errorOf(() => read(text, { strict: true }))).toBe(
      "line 3: service_date is not a date YYYY-MM-DD (--strict refuses any row that cannot be used).",
    );
  });

  it("refuses a file with no usable row, and an empty file", () => {
    expect(errorOf(() => read(`${HEADER}\n1,A,2025-02-30,90834,Masters,60,100\n`))).toBe(
      "no row can be used: every row is refused (service_date is not a date YYYY-MM-DD, first at line 2).",
    );
    expect(errorOf(() => read(`${HEADER}\n`))).toBe("no row can be used: it has no data rows.");
    expect(errorOf(() => read(""))).toBe("the file is empty: it has no header row.");
  });
});

describe("duplicates and overlaps", () => {
  it("counts identical rows and uses them; counts clients whose episodes at two levels overlap", () => {
    const history = read(
      [
        HEADER,
        "1,A,2025-01-01,90834,Masters,60,100",
        "2,B,2025-01-05,90834,Masters,60,100",
        "1,A,2025-01-01,90834,Masters,60,100", // line 4: same as line 2
        "1,B,2025-01-01,90834,Masters,60,100", // client 1 at B on a day of its A episode
        "2,A,2025-06-01,90834,Masters,60,100", // client 2 at A after its B episode
        "2,A,2025-06-01,90834,RN,60,100",
      ].join("\n"),
    );
    expect(history.duplicateRows).toBe(1);
    expect(history.firstDuplicateLine).toBe(4);
    expect(history.clientsWithOverlappingLevels).toBe(1);
    expect(history.episodes.find((e) => e.clientId === "1" && e.level === "A")?.services).toBe(2);
  });
});

describe("numbers", () => {
  /** The amount the row path reads from `text`, or the reason the row is refused. */
  const amountOf = (text: string) => {
    const history = read(`${HEADER}\n1,A,2025-01-01,90834,RN,1,${text}\n2,A,2025-01-01,H0036,RN,1,1\n`);
    return history.rejected.length === 0 ? history.services[0].amount : history.rejected[0].reason;
  };

  it("reads amounts exactly as Number reads plain decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 15 }), fc.integer({ min: 0, max: 15 }), (units, places) => {
        const text =
          places === 0
            ? String(units)
            : `${String(units)
                .padStart(places + 1, "0")
                .slice(0, -places)}.${String(units)
                .padStart(places + 1, "0")
                .slice(-places)}`;
        expect(amountOf(text)).toBe(Number(text));
      }),
      { numRuns: 300 },
    );
    for (const text of ["1234567890123456789.5", "+30", ".5", "7.", "007"])
      expect(amountOf(text)).toBe(Number(text));
  });

  it("refuses shapes other than plain decimals", () => {
    for (const text of ["1e3", "0x10", " 5", "5 ", "1.2.3", ".", "-", "∞", "Infinity", "1_000"]) {
      expect(amountOf(text)).toBe("amount is not a number");
    }
    expect(amountOf("-0.5")).toBe("amount is negative");
  });
});

describe("the same text written two ways", () => {
  it("is one client, level, code and clinician type, quoted or not, 30 or 30.0 minutes, a blank type or (blank)", () => {
    const history = read(
      [
        HEADER,
        "Zoë,A,2025-01-01,90834,,30,50",
        '"Zoë","A","2025-01-01","90834","(blank)","30.0","50.00"', // the same row: a duplicate
        '"Zo""ë",A,2025-01-02,"H0036",Masters,60,80',
        'Zo""ë,A,2025-01-03,H0036,Masters,60,80', // a quote out of place: refused
        '"Zo""ë",A,2025-01-03,H0036,"Mast""ers",15,20',
      ].join("\n"),
    );
    expect(history.validRows).toBe(4);
    expect(history.rejected).toEqual([{ reason: "a quote out of place (RFC 4180)", count: 1, firstLine: 5 }]);
    expect(history.duplicateRows).toBe(1);
    expect(history.firstDuplicateLine).toBe(3);
    expect(history.episodes.map((episode) => [episode.clientId, episode.services, episode.hours])).toEqual([
      ["Zoë", 2, 1],
      ['Zo"ë', 2, 1.25],
    ]);
    expect(history.services.map((service) => [service.code, service.rows, service.clinicianMix])).toEqual([
      ["90834", 2, { "(blank)": 1 }],
      ["H0036", 2, { 'Mast"ers': 0.2, Masters: 0.8 }],
    ]);
  });

  it("refuses a file that is not UTF-8 even in a row that is refused anyway", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${HEADER}\n1,A,2025-01-01,`), 0xff, 0x0a]);
    const reader = new EncounterReader({ columns: {}, rule: RULE, strict: false, holdAllRows: false });
    expect(() => {
      reader.push(bytes);
      reader.end();
    }).toThrow("line 2: the file is not UTF-8 text (save it as CSV UTF-8).");
  });
});
