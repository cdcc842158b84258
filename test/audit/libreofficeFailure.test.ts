/**
 * `case-rate audit` when LibreOffice is there but does not do its job: it fails, hangs or writes
 * nothing. Small fake soffice scripts stand in for it (LIBREOFFICE_PATH): they test our handling of
 * a failing tool, not spreadsheet results. Each is a tool failure, exit 2 with one line, and no
 * temporary folder is left behind (TMPDIR points at a fresh folder that must be empty afterwards).
 */
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describeStarterWorkbook, starterOptions } from "../../src/workbook/starter";
import { tempDir, writeSpec } from "../helpers/starterFiles";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function caseRate(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** True when the process is gone (or a zombie waiting to be reaped: it runs no more). */
function gone(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return readFileSync(stat, "utf8").split(") ")[1]?.startsWith("Z") ?? true;
  } catch {
    return true;
  }
}

jest.setTimeout(60_000);

describe("case-rate audit when LibreOffice fails", () => {
  let dir = "";
  let workbook = "";
  const fake = (name: string, body: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  /** Runs the audit with a fake soffice and a TMPDIR of its own; returns the run and that TMPDIR's entries. */
  async function auditWith(soffice: string, env: Record<string, string> = {}) {
    const tmp = path.join(dir, `tmp-${path.basename(soffice)}`);
    mkdirSync(tmp);
    const run = await caseRate(["audit", workbook], { LIBREOFFICE_PATH: soffice, TMPDIR: tmp, ...env });
    return { run, left: readdirSync(tmp) };
  }

  beforeAll(async () => {
    dir = tempDir("audit-soffice");
    workbook = await writeSpec(describeStarterWorkbook(starterOptions({ example: true })), dir, "example");
  });

  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  test("a LibreOffice that exits with an error: exit 2, one line saying so, no temporary folder left", async () => {
    const soffice = fake("soffice-fails", 'echo "soffice: cannot open the user profile" >&2\nexit 1');
    const { run, left } = await auditWith(soffice);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^case-rate: .*example\.xlsx: could not be audited: LibreOffice \(.*soffice-fails\) failed \(exit code 1\): soffice: cannot open the user profile\n$/,
    );
    expect(left).toEqual([]);
  });

  test("a LibreOffice that hangs is stopped at the timeout with everything it started: exit 2, no folder left", async () => {
    const pidFile = path.join(dir, "child.pid");
    const soffice = fake("soffice-hangs", `sleep 300 &\necho $! > "${pidFile}"\nwait`);
    const { run, left } = await auditWith(soffice, { CASE_RATE_LIBREOFFICE_TIMEOUT_MS: "500" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^case-rate: .*example\.xlsx: could not be audited: LibreOffice \(.*soffice-hangs\) did not finish within 0\.5 s and was stopped \(CASE_RATE_LIBREOFFICE_TIMEOUT_MS sets the limit in milliseconds\)\.\n$/,
    );
    expect(left).toEqual([]);
    expect(gone(Number(readFileSync(pidFile, "utf8")))).toBe(true);
  });

  test("a LibreOffice that finishes without writing the copy: exit 2, no folder left", async () => {
    const soffice = fake("soffice-writes-nothing", "exit 0");
    const { run, left } = await auditWith(soffice);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^case-rate: .*could not be audited: LibreOffice \(.*\) finished but wrote no recalculated copy of audit-1\.xlsx\.\n$/,
    );
    expect(left).toEqual([]);
  });

  test("a timeout that is not a number of milliseconds is refused in one line", async () => {
    const soffice = fake("soffice-unused", "exit 0");
    const { run, left } = await auditWith(soffice, { CASE_RATE_LIBREOFFICE_TIMEOUT_MS: "soon" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /CASE_RATE_LIBREOFFICE_TIMEOUT_MS is "soon"; give a whole number of milliseconds/,
    );
    expect(run.stderr.split("\n")).toHaveLength(2);
    expect(left).toEqual([]);
  });

  test("when LibreOffice is not installed the audit keeps to the saved values and says so", async () => {
    const { run, left } = await auditWith(path.join(dir, "no-soffice-here"));
    expect(run.stderr).toMatch(/^case-rate: LibreOffice is not installed .* nothing was recalculated/);
    expect(run.stdout).toContain("Note: LibreOffice is not installed");
    expect(left).toEqual([]);
  });
});
