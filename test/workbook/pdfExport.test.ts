/**
 * Every variant the starter writes exports to PDF with LibreOffice's default settings (a fresh
 * profile, no registry changes): a conditionally formatted check cell once made the export abort
 * with "Unspecified Application Error" and no PDF (layout.ts highlightCheck says why).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { tempDir, writeSpec } from "../helpers/starterFiles";
import { STARTER_VARIANTS } from "../helpers/starterVariants";

/** The pages of a PDF: its /Type /Page objects (not /Pages). */
const pageCount = (pdf: Buffer) =>
  (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describeWithLibreOffice("PDF export with LibreOffice's default settings", (soffice) => {
  const specs = STARTER_VARIANTS.map(([, choice]) => describeStarterWorkbook(starterOptions(choice)));
  let dir: string;
  let said: string;

  beforeAll(async () => {
    dir = tempDir("pdf");
    const inputs = await Promise.all(specs.map((spec, i) => writeSpec(spec, dir, `variant${i}`)));
    const profile = join(dir, "profile");
    mkdirSync(profile);
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        join(dir, "pdf"),
        ...inputs,
      ],
      { encoding: "utf8", timeout: 300_000 },
    );
    said = `${run.stdout}${run.stderr}`;
  }, 320_000);

  test.each(STARTER_VARIANTS.map(([label], i) => [label, i] as const))(
    "%s: a PDF with a page for every sheet",
    (_label, i) => {
      expect(said).not.toMatch(/Application Error/);
      const pdf = join(dir, "pdf", `variant${i}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      expect(pageCount(readFileSync(pdf))).toBeGreaterThanOrEqual(specs[i].sheets.length);
    },
  );
});
