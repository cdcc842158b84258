import { readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { convertWithLibreOffice } from "../../src/cli/libreoffice";

/**
 * CSV export options (the "Text - txt - csv (StarCalc)" filter's tokens): comma, double quote,
 * UTF-8, from line 1, no column formats, en-US, quote no numbers, detect special numbers, SAVE
 * CELL CONTENTS AS SHOWN (the 9th token), no formulas, keep spaces, every sheet to its own file.
 */
const AS_SHOWN_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1";

/** Reads CSV text into rows of fields (double quotes doubled inside quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== "," && ch !== "\n" && ch !== "\r")) {
      field += ch;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\n") {
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * What LibreOffice itself shows in every cell of each sheet of an .xlsx, calculated on opening
 * (a fresh profile that always recalculates): per sheet name, rows of cell texts from A1. It
 * converts straight to text: a recalculated .xlsx in between would carry its values through
 * the file's decimal text, which can move a displayed figure (177727.49999999997 reads back as
 * 177727.5).
 */
export async function libreOfficeText(
  soffice: string,
  xlsx: string,
  sheets: readonly string[],
): Promise<Map<string, string[][]>> {
  const work = await convertWithLibreOffice(soffice, [xlsx], AS_SHOWN_CSV);
  const stem = basename(xlsx).replace(/\.xlsx$/, "");
  const texts = new Map(
    sheets.map((sheet) => [sheet, parseCsv(readFileSync(join(work, "out", `${stem}-${sheet}.csv`), "utf8"))]),
  );
  rmSync(work, { recursive: true, force: true });
  return texts;
}
