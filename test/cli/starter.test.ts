/**
 * `case-rate starter -o FILE` run for real (bin/case-rate.js on lib/, built by test/globalSetup.js):
 * concurrent runs, existing and read-only files, folders that cannot be written, leftovers.
 */
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, lstatSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { scratchFolder } from "./scratchFolder";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");
const OLD = "the user's good workbook";

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function caseRate(...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function caseRateAsync(...args: string[]): Promise<Run> {
  return new Promise((resolve) =>
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** Exit code 2, nothing on stdout, exactly one line on stderr that contains every `parts`. */
function expectUsageFailure(result: Run, ...parts: string[]): void {
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^case-rate: [^\n]+\n$/);
  for (const part of parts) expect(result.stderr).toContain(part);
  expect(result.status).toBe(2);
}

const isXlsx = (file: string) => readFileSync(file).subarray(0, 2).toString() === "PK";

let dir = "";
beforeEach(() => {
  dir = scratchFolder("starter");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("concurrent runs into the same new file: exactly one succeeds, the others say it exists", async () => {
  const target = path.join(dir, "same.xlsx");
  const runs = await Promise.all([1, 2, 3, 4].map(() => caseRateAsync("starter", "-o", target)));
  const succeeded = runs.filter((run) => run.status === 0);
  expect(succeeded).toHaveLength(1);
  expect(succeeded[0].stdout).toBe(`Wrote ${target}\n`);
  for (const run of runs.filter((r) => r.status !== 0)) {
    expectUsageFailure(run, `${target} already exists; choose another name or add --force to replace it.`);
  }
  expect(readdirSync(dir)).toEqual(["same.xlsx"]);
  expect(isXlsx(target)).toBe(true);
}, 300_000); // four workbooks built side by side on a busy machine

test("an existing file is left as it was without --force, and replaced with it", () => {
  const target = path.join(dir, "keep.xlsx");
  writeFileSync(target, OLD);
  expectUsageFailure(caseRate("starter", "-o", target), "keep.xlsx already exists");
  expect(readFileSync(target, "utf8")).toBe(OLD);
  const forced = caseRate("starter", "-o", target, "--force");
  expect(forced.stderr).toBe("");
  expect(forced.status).toBe(0);
  expect(isXlsx(target)).toBe(true);
  expect(readdirSync(dir)).toEqual(["keep.xlsx"]);
});

test("--force over a read-only file refuses and says so; the file is left as it was", () => {
  const target = path.join(dir, "locked.xlsx");
  writeFileSync(target, OLD);
  chmodSync(target, 0o444);
  expectUsageFailure(
    caseRate("starter", "-o", target, "--force"),
    `${target} is read-only, so --force does not replace it; make it writable first`,
  );
  expect(readFileSync(target, "utf8")).toBe(OLD);
  expect(readdirSync(dir)).toEqual(["locked.xlsx"]);
});

test("a symlink at the output name is replaced by --force, its target never written", () => {
  const victim = path.join(dir, "victim.txt");
  writeFileSync(victim, OLD);
  const target = path.join(dir, "link.xlsx");
  symlinkSync(victim, target);
  expect(caseRate("starter", "-o", target, "--force").status).toBe(0);
  expect(readFileSync(victim, "utf8")).toBe(OLD);
  expect(lstatSync(target).isFile()).toBe(true);
});

describe("a folder that cannot be written: exit 2, one line naming the path and the cause, nothing left", () => {
  test("the folder does not exist (ENOENT)", () => {
    const target = path.join(dir, "nowhere", "out.xlsx");
    expectUsageFailure(
      caseRate("starter", "-o", target),
      `cannot write ${target}: the folder ${path.join(dir, "nowhere")} does not exist.`,
    );
  });

  test("a part of the folder path is a file (ENOTDIR)", () => {
    writeFileSync(path.join(dir, "report.txt"), OLD);
    const target = path.join(dir, "report.txt", "out.xlsx");
    expectUsageFailure(
      caseRate("starter", "-o", target),
      `cannot write ${target}: a part of its folder path is a file, not a folder.`,
    );
    expect(readdirSync(dir)).toEqual(["report.txt"]);
  });

  test("the name is too long (ENAMETOOLONG)", () => {
    const target = path.join(dir, `${"x".repeat(300)}.xlsx`);
    expectUsageFailure(caseRate("starter", "-o", target), `cannot write ${target}: the name is too long.`);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("the path goes round a loop of symbolic links (ELOOP)", () => {
    symlinkSync("loop", path.join(dir, "loop"));
    const target = path.join(dir, "loop", "out.xlsx");
    expectUsageFailure(
      caseRate("starter", "-o", target),
      `cannot write ${target}: the path goes round a loop of symbolic links.`,
    );
    expect(readdirSync(dir)).toEqual(["loop"]);
  });

  test("the output is a folder (EISDIR, with --force)", () => {
    const target = path.join(dir, "folder.xlsx");
    expect(spawnSync("mkdir", [target]).status).toBe(0);
    expectUsageFailure(
      caseRate("starter", "-o", target, "--force"),
      `cannot write ${target}: ${target} is a folder.`,
    );
    expect(readdirSync(dir)).toEqual(["folder.xlsx"]);
  });
});

test("an output that cannot be written is refused before the encounter extract is read", () => {
  const target = path.join(dir, "nowhere", "out.xlsx");
  expectUsageFailure(
    caseRate("starter", "--history", path.join(dir, "no-such-extract.csv"), "-o", target),
    `cannot write ${target}: the folder ${path.join(dir, "nowhere")} does not exist.`,
  );
  const kept = path.join(dir, "kept.xlsx");
  writeFileSync(kept, OLD);
  expectUsageFailure(
    caseRate("starter", "--history", path.join(dir, "no-such-extract.csv"), "-o", kept),
    `${kept} already exists`,
  );
  expect(readFileSync(kept, "utf8")).toBe(OLD);
  expect(readdirSync(dir)).toEqual(["kept.xlsx"]);
});

test("temporary files a killed run left are removed by the next run; a running writer's are not", () => {
  const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
  const killed = `.case-rates.xlsx.${dead}.0123456789abcdef.tmp`;
  const running = `.case-rates.xlsx.${process.pid}.fedcba9876543210.tmp`;
  for (const name of [killed, running]) writeFileSync(path.join(dir, name), "partial");
  expect(caseRate("starter", "-o", path.join(dir, "case-rates.xlsx")).status).toBe(0);
  expect(readdirSync(dir).sort()).toEqual([running, "case-rates.xlsx"].sort());
});

test("starter --help states the read-only rule and the temporary file's name", () => {
  const help = caseRate("starter", "--help");
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("a read-only FILE is never");
  expect(help.stdout).toContain(".NAME.PID.RANDOM.tmp");
  expect(help.stdout).toContain("the disk is full");
});
