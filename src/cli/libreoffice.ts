import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * LibreOffice as the spreadsheet engine that recalculates .xlsx files outside Excel. By default it
 * keeps the cached values of an .xlsx; a fresh profile per run tells it to always recalculate.
 */
export const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice executable on PATH (or LIBREOFFICE_PATH), or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  const override = process.env.LIBREOFFICE_PATH;
  if (override) return existsSync(override) ? override : null;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(dir, name);
      if (dir !== "" && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * Recalculates each .xlsx with LibreOffice and returns the paths of the recalculated copies, in a
 * new temporary folder; the inputs are only read. One call converts every file (cheaper than one
 * call each), with its own profile (two conversions sharing one silently drop outputs).
 */
export async function recalculateWithLibreOffice(
  soffice: string,
  inputs: readonly string[],
): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), "case-rate-recalc-"));
  const profile = join(work, "profile");
  const out = join(work, "out");
  mkdirSync(join(profile, "user"), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    out,
    ...inputs,
  ];
  await new Promise<void>((resolve, reject) =>
    execFile(soffice, args, { timeout: 120_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`LibreOffice failed: ${stderr || error.message}`)) : resolve(),
    ),
  );
  rmSync(profile, { recursive: true, force: true });
  const outputs = inputs.map((input) => join(out, basename(input)));
  const missing = outputs.filter((output) => !existsSync(output));
  if (missing.length > 0) throw new Error(`LibreOffice wrote no result for ${missing.join(", ")}`);
  return outputs;
}
