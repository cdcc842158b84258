/**
 * The row path's byte-level pieces: the scanner's row view (field offsets, quoting, non-ASCII,
 * rows cut across chunks), texts numbered by their bytes, and dates and decimals read from bytes.
 */
import fc from "fast-check";
import { ByteInterner } from "../../../src/core/csv/byteInterner";
import { CsvScanner, parseCsv } from "../../../src/core/csv/csvParser";
import { CsvRowView } from "../../../src/core/csv/csvRow";
import { dayNumber } from "../../../src/core/history/dayNumber";
import { plainDecimal } from "../../../src/core/history/rows";

const encode = (text: string) => new TextEncoder().encode(text);

/** Each row's fields as [text, bytes as text, byte length], from a scan of `chunks`. */
function scanned(chunks: readonly Uint8Array[]) {
  const rows: [string, string, number][][] = [];
  const scanner = new CsvScanner((row: CsvRowView) => {
    const fields: [string, string, number][] = [];
    for (let k = 0; k < row.count; k++) {
      const bytes = row.bytes.subarray(row.starts[k], row.ends[k]);
      fields.push([row.text(k), new TextDecoder().decode(bytes), row.byteLength(k)]);
    }
    rows.push(fields);
  });
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return rows;
}

describe("the scanner's row view", () => {
  it("points at each field's bytes, quotes left out, escaped quotes kept doubled in the bytes", () => {
    expect(scanned([encode('a,"b,c","say ""hi""",,"",Zoë\n')])).toEqual([
      [
        ["a", "a", 1],
        ["b,c", "b,c", 3],
        ['say "hi"', 'say ""hi""', 10],
        ["", "", 0],
        ["", "", 0],
        ["Zoë", "Zoë", 4],
      ],
    ]);
  });

  it("gives the same rows, texts and bytes for any cut of the input into chunks, as the text parser does", () => {
    const bytes = encode('h1,h2,h3\r\n"x\ny",é€,"q""""\r\n1,"2",3\n\n,,\nlast,"ro""w",🎉');
    const whole = scanned([bytes]);
    expect(whole.map((row) => row.map(([text]) => text))).toEqual(parseCsv([bytes]).map((row) => row.fields));
    fc.assert(
      fc.property(fc.array(fc.nat({ max: bytes.length }), { maxLength: 5 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [...at, bytes.length].map((cut, i) => bytes.subarray(i === 0 ? 0 : at[i - 1], cut));
        expect(scanned(chunks)).toEqual(whole);
      }),
    );
    // One byte at a time: every row straddles chunks.
    expect(scanned(Array.from(bytes, (byte) => Uint8Array.of(byte)))).toEqual(whole);
  });

  it("lays out fields already split as the scanner lays out the same row quoted, row after row in one buffer", () => {
    const view = new CsvRowView();
    const fieldsOf = (row: CsvRowView) =>
      Array.from({ length: row.count }, (_, k): [string, string, number] => [
        row.text(k),
        new TextDecoder().decode(row.bytes.subarray(row.starts[k], row.ends[k])),
        row.byteLength(k),
      ]);
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.constantFrom('"', 'a""b', "Zoë", ""),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          for (const fields of rows) {
            const quoted = fields.map((field) => `"${field.replace(/"/g, '""')}"`).join(",");
            view.setTexts(fields, 7);
            expect(view.texts()).toEqual(fields);
            expect(fieldsOf(view)).toEqual(scanned([encode(`${quoted}\n`)])[0]);
            expect([view.line, view.badQuoting]).toEqual([7, false]);
          }
        },
      ),
    );
  });
});

describe("texts numbered by their bytes", () => {
  it("numbers texts in the order first seen, equal bytes the same number, whatever their length", () => {
    const interner = new ByteInterner();
    const words = ["A", "B", "A", "", "Zoë", "Zoe", "A", "90834", "90834 ", "B"];
    const numbers = words.map((word) => {
      const bytes = encode(`,${word},`); // the text in the middle of other bytes
      return interner.numberOf(bytes, 1, bytes.length - 1, word);
    });
    expect(numbers).toEqual([0, 1, 0, 2, 3, 4, 0, 5, 6, 1]);
    expect(interner.names).toEqual(["A", "B", "", "Zoë", "Zoe", "90834", "90834 "]);
    expect(interner.find(encode("C"), 0, 1)).toBe(-1);
  });

  it("keeps every number through the table's growth (many client ids)", () => {
    const interner = new ByteInterner();
    const ids = Array.from({ length: 5000 }, (_, i) => `C${String(i * 7919).padStart(8, "0")}`);
    for (const id of ids) interner.numberOf(encode(id), 0, id.length, id);
    const again = [...ids].reverse().map((id) => interner.find(encode(id), 0, id.length));
    expect(again).toEqual(ids.map((_, i) => ids.length - 1 - i));
    expect(interner.names).toEqual(ids);
  });

  it("numbers a field of a row, making its text only when new (quoted or not, escaped, non-ASCII)", () => {
    const interner = new ByteInterner();
    const numbers: number[] = [];
    const scanner = new CsvScanner((row) => numbers.push(interner.numberOfField(row, 0)));
    scanner.push(encode('x\n"x"\n"a""b"\n"a""b",1\nRN\nRN\nRé\n"Ré"\n'));
    scanner.end();
    expect(numbers).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(interner.names).toEqual(["x", 'a"b', "RN", "Ré"]);
  });
});

describe("numbers read from bytes", () => {
  const decimal = (text: string) => {
    const bytes = encode(` ${text} `);
    return plainDecimal(bytes, 1, bytes.length - 1);
  };

  it("reads digits with at most one point as Number does, 30 and 30.0 alike", () => {
    expect(decimal("30")).toBe(30);
    expect(decimal("30.0")).toBe(30);
    expect(decimal("30.")).toBe(30);
    expect(decimal(".5")).toBe(0.5);
    expect(decimal("0.1")).toBe(0.1);
    expect(decimal("123456789012345")).toBe(123456789012345);
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999 }), fc.nat({ max: 6 }), (digits, places) => {
        const text = String(digits).padStart(places + 1, "0");
        const withPoint = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
        expect(decimal(withPoint)).toBe(Number(withPoint));
      }),
    );
  });

  it("leaves to the text anything else: signs, 16 digits or more, spaces, a second point, nothing", () => {
    for (const text of [
      "",
      ".",
      "-5",
      "+5",
      "1234567890123456",
      " 5",
      "5 ",
      "1.2.3",
      "1e3",
      "٣",
      "５",
      "1,5",
    ])
      expect(decimal(text)).toBeNaN();
  });

  it("reads a date in the middle of other bytes, and refuses one written with other digits", () => {
    const bytes = encode("x,2025-03-01,y");
    expect(dayNumber(bytes, 2, 12)).toBe(Date.UTC(2025, 2, 1) / 86_400_000);
    expect(dayNumber(bytes, 1, 11)).toBeUndefined();
    const wide = encode("２０２５-01-01");
    expect(dayNumber(wide, 0, wide.length)).toBeUndefined();
  });
});
