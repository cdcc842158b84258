import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * LibreOffice as the spreadsheet engine that recalculates .xlsx files outside Excel. By default it
 * keeps the cached values of an .xlsx; a fresh profile per run tells it to always recalculate.
 */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** How long one LibreOffice call may take before it is stopped, unless the environment says otherwise. */
export const DEFAULT_LIBREOFFICE_TIMEOUT_MS = 120_000;

/** The environment variable that sets the timeout in milliseconds (tests use a short one). */
export const LIBREOFFICE_TIMEOUT_ENV = "CASE_RATE_LIBREOFFICE_TIMEOUT_MS";

/** LibreOffice was there but did not recalculate: it failed, hung or wrote nothing. One line. */
export class LibreOfficeError extends Error {
  override readonly name = "LibreOfficeError";
}

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

/** The timeout from CASE_RATE_LIBREOFFICE_TIMEOUT_MS (a positive whole number), else the default. */
export function libreOfficeTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[LIBREOFFICE_TIMEOUT_ENV];
  if (text === undefined || text.trim() === "") return DEFAULT_LIBREOFFICE_TIMEOUT_MS;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new LibreOfficeError(
      `${LIBREOFFICE_TIMEOUT_ENV} is ${JSON.stringify(text)}; give a whole number of milliseconds, such as 120000.`,
    );
  }
  return value;
}

/** The first line of what the tool said, short enough for a one-line message. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line.trim();
}

/**
 * Runs soffice in a process group of its own, so that a timeout stops it and every process it
 * started (soffice.bin outlives a plain kill of its launcher script).
 */
function runSoffice(soffice: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(soffice, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let timedOut = false;
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new LibreOfficeError(`LibreOffice (${soffice}) could not be started: ${error.message}.`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid); // whatever it left running in its group
      if (timedOut) {
        reject(
          new LibreOfficeError(
            `LibreOffice (${soffice}) did not finish within ${timeoutMs / 1000} s and was stopped (${LIBREOFFICE_TIMEOUT_ENV} sets the limit in milliseconds).`,
          ),
        );
      } else if (code !== 0) {
        const said = firstLine(stderr);
        reject(
          new LibreOfficeError(
            `LibreOffice (${soffice}) failed (${code === null ? `stopped by ${signal}` : `exit code ${code}`})${said ? `: ${said}` : "."}`,
          ),
        );
      } else resolve();
    });
  });
}

/** Stops a process group; one already gone is fine. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: the group has already exited.
  }
}

/**
 * Converts each file with one LibreOffice call (cheaper than one call each) into `out` of a new
 * temporary folder, which is returned for the caller to remove; the inputs are only read. The
 * call has its own fresh profile (two conversions sharing one silently drop outputs) that always
 * recalculates on load. On any failure it throws LibreOfficeError and leaves no folder behind.
 * @example await convertWithLibreOffice(soffice, ["a.xlsx"], "pdf") // "/tmp/case-rate-recalc-x" (its out/a.pdf)
 */
export async function convertWithLibreOffice(
  soffice: string,
  inputs: readonly string[],
  convertTo: string,
): Promise<string> {
  const timeoutMs = libreOfficeTimeoutMs();
  const work = mkdtempSync(join(tmpdir(), "case-rate-recalc-"));
  const profile = join(work, "profile");
  try {
    mkdirSync(join(profile, "user"), { recursive: true });
    mkdirSync(join(work, "out"));
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      convertTo,
      "--outdir",
      join(work, "out"),
      ...inputs,
    ];
    await runSoffice(soffice, args, timeoutMs);
    rmSync(profile, { recursive: true, force: true });
    return work;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Recalculates each .xlsx with LibreOffice and returns the paths of the recalculated copies, in a
 * new temporary folder the caller removes (the folder two levels above each path). On any failure
 * it throws LibreOfficeError and leaves no temporary folder behind.
 */
export async function recalculateWithLibreOffice(
  soffice: string,
  inputs: readonly string[],
): Promise<string[]> {
  const work = await convertWithLibreOffice(soffice, inputs, "xlsx:Calc MS Excel 2007 XML");
  const outputs = inputs.map((input) => join(work, "out", basename(input)));
  const missing = outputs.filter((output) => !existsSync(output));
  if (missing.length > 0) {
    rmSync(work, { recursive: true, force: true });
    throw new LibreOfficeError(
      `LibreOffice (${soffice}) finished but wrote no recalculated copy of ${missing.map((m) => basename(m)).join(", ")}.`,
    );
  }
  return outputs;
}
