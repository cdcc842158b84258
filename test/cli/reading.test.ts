/**
 * Every file the command line reads (compute's model, audit's workbook, audit's --map) goes through
 * one reader: only regular files, a size cap checked before reading, UTF-16 and deep nesting refused
 * in one plain line. Run for real (bin/case-rate.js), with injected errors for what root cannot see.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type FileSystem, nodeFileSystem } from "../../src/cli/fileSystem";
import { MODEL_FILE, readRegularFile } from "../../src/cli/readFile";
import { scratchFolder } from "./scratchFolder";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "case-rate.js");
const MB = 1024 * 1024;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command; the timeout only ends a run that would hang (a pipe), so it fails, not stalls. */
function caseRate(...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit code 2, nothing on stdout, exactly one line on stderr: `case-rate: ` and then `line`. */
function expectRefused(result: Run, line: string): void {
  expect(result.stderr).toBe(`case-rate: ${line}\n`);
  expect(result.stdout).toBe("");
  expect(result.status).toBe(2);
}

let dir = "";
const file = (name: string, content: string | Buffer) => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};
/** A sparse file of `megabytes` (takes no disk space and no time). */
const sparse = (name: string, megabytes: number) => {
  const at = file(name, "");
  truncateSync(at, megabytes * MB);
  return at;
};

beforeAll(() => {
  dir = scratchFolder("read");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("anything that is not a regular file is refused before reading", () => {
  test("compute /dev/zero (which would never end)", () => {
    expectRefused(caseRate("compute", "/dev/zero"), "/dev/zero: it is a device, not a file.");
  });

  test("audit /dev/zero", () => {
    expectRefused(caseRate("audit", "/dev/zero"), "/dev/zero: it is a device, not a file.");
  });

  test("audit --map /dev/zero", () => {
    expectRefused(
      caseRate("audit", "x.xlsx", "--map", "/dev/zero"),
      "/dev/zero: it is a device, not a file.",
    );
  });

  test("a pipe (FIFO) with no writer does not hang: compute, audit and --map", () => {
    const fifo = path.join(dir, "pipe.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expectRefused(caseRate("compute", fifo), `${fifo}: it is a pipe, not a file.`);
    expectRefused(caseRate("audit", fifo), `${fifo}: it is a pipe, not a file.`);
    expectRefused(caseRate("audit", "x.xlsx", "--map", fifo), `${fifo}: it is a pipe, not a file.`);
  });

  test("a folder", () => {
    expectRefused(caseRate("audit", dir), `${dir}: it is a folder.`);
  });
});

describe("a file over the documented limit is refused before reading, saying how large it is", () => {
  test("a 600 MB model: 'a model file can be at most 16 MB'", () => {
    const big = sparse("big.json", 600);
    expectRefused(caseRate("compute", big), `${big} is 600 MB; a model file can be at most 16 MB.`);
  });

  test("a model one byte over 16 MB reads as 17 MB, never as the limit", () => {
    const over = file("over.json", "");
    truncateSync(over, 16 * MB + 1);
    expectRefused(caseRate("compute", over), `${over} is 17 MB; a model file can be at most 16 MB.`);
  });

  test("a 101 MB workbook: 'a workbook can be at most 100 MB'", () => {
    const big = sparse("big.xlsx", 101);
    expectRefused(caseRate("audit", big), `${big} is 101 MB; a workbook can be at most 100 MB.`);
  });

  test("a 20 MB --map file: 'a mapping file can be at most 16 MB'", () => {
    const big = sparse("map.json", 20);
    expectRefused(
      caseRate("audit", "x.xlsx", "--map", big),
      `${big} is 20 MB; a mapping file can be at most 16 MB.`,
    );
  });

  test("the limits are in compute --help and audit --help", () => {
    expect(caseRate("compute", "--help").stdout).toContain("at most 16 MB and nested at most 64 deep");
    expect(caseRate("audit", "--help").stdout).toContain("FILE can be at most 100 MB and MAPPING.json 16 MB");
  });
});

describe("a UTF-16 file says so", () => {
  const model = '{ "enrollees": 30000 }';
  const cases: [string, Buffer][] = [
    [
      "with a little-endian byte-order mark (FF FE)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(model, "utf16le")]),
    ],
    ["with a big-endian byte-order mark (FE FF)", Buffer.from(`\uFEFF${model}`, "utf16le").swap16()],
    ["without a byte-order mark", Buffer.from(model, "utf16le")],
  ];
  for (const [name, bytes] of cases) {
    test(name, () => {
      const at = file("utf16.json", bytes);
      expectRefused(caseRate("compute", at), `${at}: the file is UTF-16; save it as UTF-8.`);
    });
  }

  test("a --map file", () => {
    const at = file("map16.json", Buffer.from('{ "enrollees": "Inputs!C4" }', "utf16le"));
    expectRefused(caseRate("audit", "x.xlsx", "--map", at), `${at}: the file is UTF-16; save it as UTF-8.`);
  });

  test("other NUL bytes: not a text file", () => {
    const at = file("binary.json", Buffer.from("PK\u0003\u0004\u0000\u0000rest", "latin1"));
    expectRefused(
      caseRate("compute", at),
      `${at}: not a text file (it holds NUL bytes); a model file is JSON saved as UTF-8.`,
    );
  });
});

describe("deeply nested JSON gives one line, never a RangeError", () => {
  const DEEP = `${"[".repeat(100_000)}1${"]".repeat(100_000)}`;
  const line = (at: string, noun: string) =>
    `${at}: its lists and objects are nested more than 64 deep; ${noun} can nest at most 64.`;

  test("100,000 levels inside a model's field", () => {
    const at = file("deep.json", `{ "enrollees": ${DEEP} }`);
    expectRefused(caseRate("compute", at), line(at, "a model file"));
  });

  test("100,000 levels in a --map file", () => {
    const at = file("deepmap.json", `{ "enrollees": ${DEEP} }`);
    expectRefused(caseRate("audit", "x.xlsx", "--map", at), line(at, "a mapping file"));
  });

  test("65 levels are refused; brackets inside text do not count", () => {
    const at = file("65.json", `${"[".repeat(65)}${"]".repeat(65)}`);
    expectRefused(caseRate("compute", at), line(at, "a model file"));
    const model = JSON.parse(readFileSync(path.join(ROOT, "examples", "toolkit.json"), "utf8"));
    model.levels[0].name = `${"[{".repeat(1000)} \\"[ a level named with brackets`;
    const text = file("text.json", JSON.stringify(model));
    const result = caseRate("compute", text);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).levels[0].name).toBe(model.levels[0].name);
  });
});

describe("errors root never sees, injected", () => {
  const failing = (overrides: Partial<FileSystem>): FileSystem => ({ ...nodeFileSystem, ...overrides });
  const errno = (code: string) => () => {
    throw Object.assign(new Error(`${code}: injected`), { code });
  };

  test("EACCES opening: 'cannot be read: you may not read it.'", () => {
    expect(() => readRegularFile("model.json", MODEL_FILE, failing({ openSync: errno("EACCES") }))).toThrow(
      "model.json: cannot be read: you may not read it.",
    );
  });

  test("EIO reading: 'cannot be read: the disk reported an error.'", () => {
    const at = file("io.json", "{}");
    expect(() => readRegularFile(at, MODEL_FILE, failing({ readSync: errno("EIO") }))).toThrow(
      `${at}: cannot be read: the disk reported an error.`,
    );
  });

  test("a file that grows past the limit while it is read", () => {
    const at = file("grows.json", "{}");
    let offered = 0;
    const growing = failing({
      readSync: (_fd, buffer, offset, length) => {
        if (offered > 16 * MB) return 0;
        buffer.fill(32, offset, offset + length);
        offered += length;
        return length;
      },
    });
    expect(() => readRegularFile(at, MODEL_FILE, growing)).toThrow(
      `${at} is more than 16 MB; a model file can be at most 16 MB.`,
    );
  });
});
