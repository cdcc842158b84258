/** PERCENTILE.INC and STDEV.S as LibreOffice computes them, against the history's own. */
import { rmSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { percentileInc, sampleStandardDeviation } from "../../../src/core/history/percentiles";
import { describeWithLibreOffice } from "../../helpers/libreoffice";
import { libreOfficeText } from "../../helpers/libreofficeText";
import { scratchFolder } from "../../cli/scratchFolder";

/** Irregular hours: fractions, a long tail, an odd count (interpolation between order statistics). */
const HOURS = [13, 0.5, 7.25, 2.5, 1, 19, 4.75, 3, 2, 110.4];
const PERCENTS = [0.1, 0.25, 0.5, 0.75, 0.9, 0.33];

describeWithLibreOffice("history percentiles against LibreOffice", (soffice) => {
  let scratch = "";
  beforeAll(() => {
    scratch = scratchFolder("percentiles");
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test("PERCENTILE.INC at 10/25/50/75/90/33% and STDEV.S agree to 12 digits", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Figures");
    HOURS.forEach((hours, i) => (sheet.getCell(i + 1, 1).value = hours));
    const range = `A1:A${HOURS.length}`;
    // In the file Excel's 2010 functions carry the _xlfn. prefix Excel writes them with.
    const formulas = [
      ...PERCENTS.map((p) => `_xlfn.PERCENTILE.INC(${range},${p})`),
      `_xlfn.STDEV.S(${range})`,
    ];
    formulas.forEach((formula, i) => {
      const cell = sheet.getCell(i + 1, 2);
      cell.value = { formula };
      cell.numFmt = "0.000000000000";
    });
    const file = path.join(scratch, "percentiles.xlsx");
    await workbook.xlsx.writeFile(file);
    const shown = (await libreOfficeText(soffice, file, ["Figures"])).get("Figures")!;
    const libreOffice = formulas.map((_, i) => Number(shown[i][1]));
    const sorted = Float64Array.from(HOURS).sort();
    const mean = HOURS.reduce((a, b) => a + b, 0) / HOURS.length;
    const ours = [...PERCENTS.map((p) => percentileInc(sorted, p)), sampleStandardDeviation(sorted, mean)];
    ours.forEach((value, i) => expect(value).toBeCloseTo(libreOffice[i], 11));
    expect(libreOffice.every(Number.isFinite)).toBe(true);
  }, 120_000);
});
