/**
 * The Checks sheet's notice for a case mix within the tolerance but not exactly 100%, recalculated
 * by LibreOffice: it flags the mix without failing the master check, and agrees with the core's
 * caseMixWarning (which `case-rate compute` prints) on the same shares.
 */
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { computeRateModel } from "../../src/core";
import { caseMixWarning } from "../../src/core/caseMixWarning";
import { TOOLKIT_RATE_MODEL } from "../../src/core/toolkit/example";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import type { ReadWorkbook } from "../../src/workbook/xlsx/readXlsx";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { changeInputs, numbersOf, readFile, tempDir, writeSpec } from "../helpers/starterFiles";

const NOTICE_LABEL =
  "The case mix is exactly 100% (within the tolerance, the budget uses the shares as typed)";
const EXACT_MIX = [0.2, 0.37, 0.33, 0.1];
const NEAR_MIX = [0.2, 0.37, 0.33, 0.10009];
const REFUSED_MIX = [0.2, 0.37, 0.3, 0.1];

/** The notice's row on Checks: its label's row number. */
function noticeRow(workbook: ReadWorkbook): string {
  const label = workbook.cells().find((cell) => cell.sheet === "Checks" && cell.value === NOTICE_LABEL);
  if (!label) throw new Error("the Checks sheet has no case-mix notice");
  return label.address.replace(/^[A-Z]+/, "");
}

/** The notice's TRUE/FALSE cell (column E, beside its value in D). */
function notice(workbook: ReadWorkbook): unknown {
  return workbook.cell("Checks", `E${noticeRow(workbook)}`)?.value;
}

describeWithLibreOffice("the Checks sheet's case-mix notice, recalculated by LibreOffice", (soffice) => {
  let exact: ReadWorkbook;
  let near: ReadWorkbook;
  let refused: ReadWorkbook;
  let blank: ReadWorkbook;

  beforeAll(async () => {
    const dir = tempDir("mix-notice");
    const example = await writeSpec(
      describeStarterWorkbook(starterOptions({ example: true })),
      dir,
      "example",
    );
    const blankPath = await writeSpec(
      describeStarterWorkbook(starterOptions({ example: false })),
      dir,
      "blank",
    );
    const nearPath = `${dir}/near.xlsx`;
    const refusedPath = `${dir}/refused.xlsx`;
    await changeInputs(example, nearPath, { CaseMix: NEAR_MIX });
    await changeInputs(example, refusedPath, { CaseMix: REFUSED_MIX });
    [exact, near, refused, blank] = await Promise.all(
      (await recalculateWithLibreOffice(soffice, [example, nearPath, refusedPath, blankPath])).map(readFile),
    );
  }, 120_000);

  test("the example's exact mix: no notice, and the core has no warning", () => {
    expect(notice(exact)).toBe(true);
    expect(caseMixWarning("case mix", EXACT_MIX, "the budget")).toBeNull();
  });

  test("100.009%: the notice flags it, the master check still passes (the core accepts it), and the core warns too", () => {
    expect(notice(near)).toBe(false);
    // Its value: what the shares as typed add to the budget against the same shares rescaled to 100%.
    expect(near.cell("Checks", `D${noticeRow(near)}`)?.value).toBeCloseTo(
      numbersOf(near, "TotalBudget")[0] * (1 - 1 / 1.00009),
      6,
    );
    expect(near.named("MasterCheck")?.[0].value).toBe(true);
    expect(caseMixWarning("case mix", NEAR_MIX, "the budget")).not.toBeNull();
  });

  test("100.009%: the workbook's budget is the core's for the shares as typed (neither rescales)", () => {
    const core = computeRateModel({
      ...TOOLKIT_RATE_MODEL,
      levels: TOOLKIT_RATE_MODEL.levels.map((level, i) => ({ ...level, caseMix: NEAR_MIX[i] })),
    });
    expect(numbersOf(near, "TotalBudget")[0]).toBeCloseTo(core.totalBudget, 6);
    expect(numbersOf(near, "TotalBudget")[0] - numbersOf(exact, "TotalBudget")[0]).toBeCloseTo(4710.94, 1);
  });

  test("97%: the master check fails, and the notice leaves it to that check", () => {
    expect(refused.named("MasterCheck")?.[0].value).toBe(false);
    expect(notice(refused)).toBe(true);
    expect(caseMixWarning("case mix", REFUSED_MIX, "the budget")).toBeNull();
  });

  test("a blank workbook shows no notice", () => {
    expect(notice(blank)).toBe(true);
  });
});
