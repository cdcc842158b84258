import fc from "fast-check";
import { CsvParser, parseCsv } from "../../../src/core/csv/csvParser";
import { isCaseRateInputError } from "../../../src/core/errors";

const encode = (text: string) => new TextEncoder().encode(text);

/** RFC 4180 writing: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvOf(rows: readonly (readonly string[])[], lineBreak: string): string {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => row.map(field).join(",")).join(lineBreak);
}

/** The bytes cut at the given offsets. */
function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of at) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

it("reads a file cut into one-byte chunks like the whole", () => {
  const bytes = encode('\uFEFFa,"b\r\n""c"""\r\nd,é\r\n');
  const whole = parseCsv([bytes]);
  expect(parseCsv(Array.from(bytes, (byte) => Uint8Array.of(byte)))).toEqual(whole);
  expect(whole.map((row) => row.fields)).toEqual([
    ["a", 'b\r\n"c"'],
    ["d", "é"],
  ]);
});

const fieldsOf = (text: string) => parseCsv([encode(text)]).map((row) => row.fields);

describe("CSV parser (RFC 4180)", () => {
  it("reads plain, quoted and empty fields", () => {
    expect(fieldsOf('a,b,c\n1,"x, y",\n"",,"z"')).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", ""],
      ["", "", "z"],
    ]);
  });

  it('unescapes "" and keeps commas and line breaks inside quotes', () => {
    expect(fieldsOf('"say ""hi""","two\nlines","cr\r\nlf"\r\nnext,row')).toEqual([
      ['say "hi"', "two\nlines", "cr\r\nlf"],
      ["next", "row"],
    ]);
  });

  it("takes CRLF, LF and a lone CR as line breaks, and skips blank lines and a final line break", () => {
    expect(fieldsOf("a\r\nb\nc\rd\n\n\r\ne\n")).toEqual([["a"], ["b"], ["c"], ["d"], ["e"]]);
  });

  it("numbers each row by the line it starts on, the header as line 1, counting breaks inside quotes", () => {
    const rows = parseCsv([encode('h1,h2\n"a\nb",c\r\n\nd,"e\r\rf"\ng,h')]);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5, 8]);
  });

  it("drops a byte order mark at the start only, and decodes UTF-8", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode("client_id,name\n1,Zoë \uFEFF")]);
    expect(parseCsv([bytes]).map((row) => row.fields)).toEqual([
      ["client_id", "name"],
      ["1", "Zoë \uFEFF"],
    ]);
  });

  it("decodes a character split across chunks", () => {
    const bytes = encode("é,€\n");
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(parseCsv([bytes.subarray(0, cut), bytes.subarray(cut)]).map((row) => row.fields)).toEqual([
        ["é", "€"],
      ]);
    }
  });

  it("marks a row whose quotes RFC 4180 does not allow, keeping the text", () => {
    const rows = parseCsv([encode('ok,"fine"\nab"c,d\n"x"y,z\n')]);
    expect(rows.map((row) => [row.fields, row.badQuoting])).toEqual([
      [["ok", "fine"], false],
      [['ab"c', "d"], true],
      [['"x"y', "z"], true],
    ]);
  });

  it("reports a quote never closed with the line it opened on", () => {
    const parser = new CsvParser(() => undefined);
    parser.push(encode('a,b\n1,2\n3,"open\n4,5\n'));
    let caught: unknown;
    try {
      parser.end();
    } catch (error) {
      caught = error;
    }
    expect(isCaseRateInputError(caught)).toBe(true);
    expect((caught as Error).message).toBe(
      'line 3: a quoted field is never closed (no closing " before the end of the file).',
    );
  });

  it("refuses bytes that are not UTF-8, naming the line", () => {
    const parser = new CsvParser(() => undefined);
    expect(() => {
      parser.push(new Uint8Array([...encode("a\nb\n"), 0xff, 0x41, 0x0a]));
      parser.end();
    }).toThrow("line 3: the file is not UTF-8 text (save it as CSV UTF-8).");
  });

  it("gives back any rows it was written from, for any chunking and either line break", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "b", "é", "€", ",", '"', "\n", "\r", " ", "𝄞"),
      maxLength: 6,
    });
    // A row of one empty field writes as a blank line, which is not a row: rows have a non-empty field.
    const row = fc
      .array(text, { minLength: 1, maxLength: 5 })
      .filter((fields) => fields.some((f) => f !== ""));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (rows, lineBreak, finalBreak, cuts, bom) => {
          const text = csvOf(rows, lineBreak) + (finalBreak && rows.length > 0 ? lineBreak : "");
          const bytes = encode((bom ? "\uFEFF" : "") + text);
          const parsed = parseCsv(chunked(bytes, cuts));
          if (!bom) expect(parseCsv(chunked(bytes, [1, 2, 3, 4, 5]))).toEqual(parsed); // cut inside a character
          expect(parsed.map((r) => r.fields)).toEqual(rows);
          expect(parsed.every((r) => !r.badQuoting)).toBe(true);
          // Each row starts after the line breaks of the rows before it.
          let line = 1;
          rows.forEach((fields, index) => {
            expect(parsed[index].line).toBe(line);
            const breaks = (field: string) => field.replace(/\r\n/g, "\n").replace(/[^\r\n]/g, "").length;
            line += 1 + fields.reduce((sum, field) => sum + breaks(field), 0);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
