/**
 * The preview draws each cell's text itself (src/taskpane/preview/sheetGrid.ts, under the cell's
 * number format). Here LibreOffice shows the same workbook, and every cell of the worked example,
 * payor and provider, must read the same: "$177,727", not "$177,728".
 */
import { calculateWorkbook } from "../../src/workbook/calc";
import { sheetGrid } from "../../src/taskpane/preview/sheetGrid";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { libreOfficeText } from "../helpers/libreofficeText";
import { tempDir, writeSpec } from "../helpers/starterFiles";

describeWithLibreOffice("the preview shows every cell as LibreOffice does", (soffice) => {
  const spec = describeStarterWorkbook(starterOptions({ example: true, provider: true }));
  const sheets = spec.sheets.map((sheet) => sheet.name);
  let shown: Map<string, string[][]>;

  beforeAll(async () => {
    shown = await libreOfficeText(soffice, await writeSpec(spec, tempDir("text"), "example"), sheets);
  }, 180_000);

  test.each(sheets)("%s", (name) => {
    const preview = calculateWorkbook(spec);
    const grid = sheetGrid(
      spec.sheets.find((sheet) => sheet.name === name)!,
      preview,
    );
    const engine = shown.get(name)!;
    const rows = Math.max(grid.rows.length, engine.length);
    const mismatches: string[] = [];
    let shownCells = 0;
    for (let r = 0; r < rows; r++) {
      const cells = grid.rows[r]?.cells ?? [];
      const columns = Math.max(cells.length, engine[r]?.length ?? 0);
      for (let c = 0; c < columns; c++) {
        const mine = cells[c];
        const theirs = engine[r]?.[c] ?? "";
        if (theirs !== "") shownCells++;
        if ((mine?.text ?? "") !== theirs)
          mismatches.push(
            `${mine?.address ?? `R${r + 1}C${c + 1}`}: preview "${mine?.text}", LibreOffice "${theirs}"`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    expect(shownCells).toBeGreaterThan(10);
  });

  test('"Other staff salaries" moves the margin by $177,727, as LibreOffice shows it', () => {
    const grid = sheetGrid(
      spec.sheets.find((sheet) => sheet.name === "Sensitivity")!,
      calculateWorkbook(spec),
    );
    const row = grid.rows.find((r) => r.cells.some((cell) => cell.text === "Other staff salaries"))!;
    expect(row.cells.map((cell) => cell.text)).toContain("$177,727");
  });
});
