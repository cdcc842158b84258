/**
 * The writer on its own, with the file-system calls it makes wrapped so a test can inject what a
 * root CI machine never produces (a full disk, a short write, EACCES, EPERM, a read-only disk) and
 * record what it does; everything not injected is the real file system in a scratch folder.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { type FileSystem, nodeFileSystem } from "../../src/cli/fileSystem";
import { UsageError } from "../../src/cli/io";
import { beginAtomicWrite, writeAtomicallyFrom, writeFileAtomically } from "../../src/cli/writeAtomically";
import { scratchFolder } from "./scratchFolder";

let dir = "";
let keep = "";
const OLD = Buffer.from("the user's good workbook");
const NEW = Buffer.alloc(1 << 20, 7); // a megabyte, so a write can stop half way

beforeEach(() => {
  dir = scratchFolder("write");
  keep = path.join(dir, "keep.xlsx");
  writeFileSync(keep, OLD);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const injected = (overrides: Partial<FileSystem>): FileSystem => ({ ...nodeFileSystem, ...overrides });
/** `file` holds the new bytes (compared as a buffer: jest compares a megabyte element by element slowly). */
const expectNew = (file: string) => expect(readFileSync(file).equals(NEW)).toBe(true);
const isTemporary = (file: string) => /\.tmp$/.test(file);

/** The write throws a UsageError with exactly `message`; keep.xlsx is as it was; no temporary file. */
function expectRefused(write: () => void, message: string): void {
  let thrown: unknown;
  try {
    write();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UsageError);
  expect((thrown as Error).message).toBe(message);
  expect(readFileSync(keep)).toEqual(OLD);
  expect(readdirSync(dir).filter(isTemporary)).toEqual([]);
}

describe("a full disk leaves the old file as it was and no temporary file", () => {
  const FULL = `the disk is full: ${path.join("DIR", "keep.xlsx")} was left as it was.`;
  const full = () => FULL.replace("DIR", dir);

  test("ENOSPC part way through (after a partial write)", () => {
    let calls = 0;
    const fs = injected({
      writeSync: (fd, buffer, offset, length, position) => {
        if (++calls > 1) throw errno("ENOSPC");
        return nodeFileSystem.writeSync(fd, buffer, offset, Math.min(length, 1000), position);
      },
    });
    expectRefused(() => writeFileAtomically(keep, NEW, true, fs), full());
    expect(calls).toBe(2); // the partial count was read and the rest asked for
  });

  test("a write that stops short (returns 0 bytes written)", () => {
    const fs = injected({
      writeSync: (fd, buffer, offset, _length, position) =>
        offset === 0 ? nodeFileSystem.writeSync(fd, buffer, offset, 4096, position) : 0,
    });
    expectRefused(() => writeFileAtomically(keep, NEW, true, fs), full());
  });

  test("EDQUOT (a quota) reads the same; a new file 'was not written'", () => {
    const fresh = path.join(dir, "fresh.xlsx");
    expect(() =>
      writeFileAtomically(
        fresh,
        NEW,
        false,
        injected({
          writeSync: () => {
            throw errno("EDQUOT");
          },
        }),
      ),
    ).toThrow(`the disk is full: ${fresh} was not written.`);
    expect(readdirSync(dir)).toEqual(["keep.xlsx"]);
  });

  test("the file on disk shorter than written (verified before the rename)", () => {
    const fs = injected({
      fstatSync: (fd) => Object.assign(nodeFileSystem.fstatSync(fd), { size: NEW.length - 1 }),
    });
    expectRefused(() => writeFileAtomically(keep, NEW, true, fs), full());
  });

  test("the bytes read back differ from those written", () => {
    const fs = injected({
      readSync: (fd, buffer, offset, length, position) => {
        const read = nodeFileSystem.readSync(fd, buffer, offset, length, position);
        buffer[offset] ^= 1;
        return read;
      },
    });
    expectRefused(
      () => writeFileAtomically(keep, NEW, true, fs),
      `cannot write ${keep}: the disk reported an error.`,
    );
  });

  test("a cleanup that fails too never hides the cause", () => {
    const fs = injected({
      writeSync: () => {
        throw errno("ENOSPC");
      },
      closeSync: (fd) => {
        nodeFileSystem.closeSync(fd);
        throw errno("EIO");
      },
      unlinkSync: () => {
        throw errno("EIO");
      },
    });
    let thrown: unknown;
    try {
      writeFileAtomically(keep, NEW, true, fs);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(full());
    expect(readFileSync(keep)).toEqual(OLD);
  });
});

describe("a write begun before the bytes are made", () => {
  test("the temporary file is there while they are made; abandoned, nothing is left and the old file is as it was", () => {
    const write = beginAtomicWrite(keep, true);
    expect(readdirSync(dir).filter(isTemporary)).toHaveLength(1);
    write.abandon();
    write.abandon(); // twice is harmless
    expect(readdirSync(dir)).toEqual(["keep.xlsx"]);
    expect(readFileSync(keep)).toEqual(OLD);
  });

  test("a failure while making the bytes leaves nothing behind and is the error the caller sees", async () => {
    const failure = new Error("the extract could not be read");
    await expect(
      writeAtomicallyFrom(keep, true, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(readdirSync(dir)).toEqual(["keep.xlsx"]);
    expect(readFileSync(keep)).toEqual(OLD);
  });

  test("what cannot be written is refused before the bytes are made", async () => {
    let made = false;
    const produce = async () => {
      made = true;
      return NEW;
    };
    const refused = (target: string, force: boolean) => writeAtomicallyFrom(target, force, produce);
    await expect(refused(keep, false)).rejects.toThrow(`${keep} already exists`);
    await expect(refused(path.join(dir, "nowhere", "x.xlsx"), true)).rejects.toThrow("does not exist");
    await expect(refused(dir, true)).rejects.toThrow(`${dir} is a folder`);
    await expect(refused(path.join(dir, `${"x".repeat(300)}.xlsx`), true)).rejects.toThrow(
      "the name is too long",
    );
    expect(made).toBe(false);
    await writeAtomicallyFrom(path.join(dir, "new.xlsx"), false, produce);
    expect(made).toBe(true);
    expectNew(path.join(dir, "new.xlsx"));
  });
});

test("writes that each take only part of the bytes are continued until the file is complete", () => {
  const fs = injected({
    writeSync: (fd, buffer, offset, length, position) =>
      nodeFileSystem.writeSync(fd, buffer, offset, Math.min(length, 65_537), position),
  });
  writeFileAtomically(keep, NEW, true, fs);
  expectNew(keep);
  expect(readdirSync(dir)).toEqual(["keep.xlsx"]);
});

test("the file is flushed before it is put in place, and the folder after", () => {
  const calls: string[] = [];
  const fds = new Map<number, string>();
  const fs = injected({
    openSync: (file, flags, mode) => {
      const fd = nodeFileSystem.openSync(file, flags, mode);
      fds.set(fd, file === dir ? "folder" : isTemporary(file) ? "temporary" : file);
      return fd;
    },
    fsyncSync: (fd) => {
      calls.push(`fsync ${fds.get(fd)}`);
      nodeFileSystem.fsyncSync(fd);
    },
    renameSync: (from, to) => {
      calls.push("rename");
      nodeFileSystem.renameSync(from, to);
    },
    linkSync: (from, to) => {
      calls.push("link");
      nodeFileSystem.linkSync(from, to);
    },
  });
  writeFileAtomically(keep, NEW, true, fs);
  expect(calls).toEqual(["fsync temporary", "rename", "fsync folder"]);
  calls.length = 0;
  writeFileAtomically(path.join(dir, "new.xlsx"), NEW, false, fs);
  expect(calls).toEqual(["fsync temporary", "link", "fsync folder"]);
  expectNew(path.join(dir, "new.xlsx"));
});

describe("permission errors: one line naming the path and the cause", () => {
  for (const [code, cause] of [
    ["EACCES", "you may not write there"],
    ["EPERM", "you may not write there"],
    ["EROFS", "the disk is read-only"],
  ]) {
    test(`${code} creating the temporary file: '${cause}'`, () => {
      const fs = injected({
        openSync: (file, flags, mode) => {
          if (isTemporary(file)) throw errno(code);
          return nodeFileSystem.openSync(file, flags, mode);
        },
      });
      expectRefused(() => writeFileAtomically(keep, NEW, true, fs), `cannot write ${keep}: ${cause}.`);
    });
  }

  test("EACCES replacing the file (the rename): the temporary file is removed", () => {
    const fs = injected({
      renameSync: () => {
        throw errno("EACCES");
      },
    });
    expectRefused(
      () => writeFileAtomically(keep, NEW, true, fs),
      `cannot write ${keep}: you may not write there.`,
    );
  });

  test("EBUSY (the file is open in another program, as on Windows)", () => {
    const fs = injected({
      renameSync: () => {
        throw errno("EBUSY");
      },
    });
    expectRefused(
      () => writeFileAtomically(keep, NEW, true, fs),
      `cannot write ${keep}: the file is in use by another program (close it first).`,
    );
  });
});

describe("--force over a read-only file refuses unless the user can write the file", () => {
  const READ_ONLY = () =>
    `${keep} is read-only, so --force does not replace it; make it writable first if you mean to replace it.`;

  test("the user may not write it (access says EACCES)", () => {
    const fs = injected({
      accessSync: () => {
        throw errno("EACCES");
      },
    });
    expectRefused(() => writeFileAtomically(keep, NEW, true, fs), READ_ONLY());
  });

  test("the file is on a read-only disk (access says EROFS)", () => {
    const fs = injected({
      accessSync: () => {
        throw errno("EROFS");
      },
    });
    expectRefused(() => writeFileAtomically(keep, NEW, true, fs), READ_ONLY());
  });

  test("the file has no write permission at all (chmod a-w; refused even for root)", () => {
    chmodSync(keep, 0o444);
    expectRefused(() => writeFileAtomically(keep, NEW, true), READ_ONLY());
  });

  test("a writable file is replaced", () => {
    writeFileAtomically(keep, NEW, true);
    expectNew(keep);
  });
});

describe("symlinks planted beside the target are never followed", () => {
  let victim = "";
  beforeEach(() => {
    victim = path.join(dir, "victim.txt");
    writeFileSync(victim, "not yours");
  });

  test("at the old predictable name .keep.xlsx.PID.tmp", () => {
    symlinkSync(victim, path.join(dir, `.keep.xlsx.${process.pid}.tmp`));
    writeFileAtomically(keep, NEW, true);
    expect(readFileSync(victim, "utf8")).toBe("not yours");
    expect(lstatSync(keep).isFile()).toBe(true);
    expectNew(keep);
  });

  test("at the very name the writer picks: opened exclusively, so a fresh name is taken", () => {
    const planted: string[] = [];
    const flags: (string | number)[] = [];
    const fs = injected({
      openSync: (file, flag, mode) => {
        if (isTemporary(file)) {
          flags.push(flag);
          if (planted.length === 0) {
            symlinkSync(victim, file);
            planted.push(file);
          }
        }
        return nodeFileSystem.openSync(file, flag, mode);
      },
    });
    writeFileAtomically(keep, NEW, true, fs);
    expect(flags).toEqual(["wx+", "wx+"]);
    expect(readFileSync(victim, "utf8")).toBe("not yours");
    expect(readlinkSync(planted[0])).toBe(victim); // left alone: not ours
    expect(lstatSync(keep).isFile()).toBe(true);
    expectNew(keep);
  });

  test("the temporary name: .NAME.PID.RANDOM.tmp in the target's folder, different each time", () => {
    const names: string[] = [];
    const fs = injected({
      openSync: (file, flag, mode) => {
        if (isTemporary(file)) names.push(file);
        return nodeFileSystem.openSync(file, flag, mode);
      },
    });
    writeFileAtomically(keep, NEW, true, fs);
    writeFileAtomically(keep, NEW, true, fs);
    const pattern = new RegExp(`^\\.keep\\.xlsx\\.${process.pid}\\.[0-9a-f]{16}\\.tmp$`);
    for (const name of names) {
      expect(path.dirname(name)).toBe(dir);
      expect(path.basename(name)).toMatch(pattern);
    }
    expect(new Set(names).size).toBe(2);
  });
});

describe("without --force an existing file makes the write fail, with no check-then-rename", () => {
  test("the file is created by a hard link, which cannot replace a file", () => {
    expectRefused(
      () => writeFileAtomically(keep, NEW, false),
      `${keep} already exists; choose another name or add --force to replace it.`,
    );
  });

  test("a file that appears after any check is still never replaced", () => {
    const late = path.join(dir, "late.xlsx");
    const fs = injected({
      fsyncSync: (fd) => {
        nodeFileSystem.fsyncSync(fd);
        if (readdirSync(dir).includes("late.xlsx")) return;
        writeFileSync(late, OLD); // another run finishes first
      },
    });
    expect(() => writeFileAtomically(late, NEW, false, fs)).toThrow(`${late} already exists`);
    expect(readFileSync(late)).toEqual(OLD);
    expect(readdirSync(dir).filter(isTemporary)).toEqual([]);
  });

  test("on a file system without hard links (EPERM) the name is claimed exclusively instead", () => {
    const noLinks = injected({
      linkSync: () => {
        throw errno("EPERM");
      },
    });
    const fresh = path.join(dir, "fresh.xlsx");
    writeFileAtomically(fresh, NEW, false, noLinks);
    expectNew(fresh);
    expectRefused(
      () => writeFileAtomically(keep, NEW, false, noLinks),
      `${keep} already exists; choose another name or add --force to replace it.`,
    );
    expect(readdirSync(dir).sort()).toEqual(["fresh.xlsx", "keep.xlsx"]);
  });
});

describe("temporary files left by a killed run", () => {
  /** The id of a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid as number;

  test("are removed on the next run into that folder: only our pattern, only a dead writer's", () => {
    const dead = deadPid();
    const leftovers = {
      deadSame: `.keep.xlsx.${dead}.0123456789abcdef.tmp`,
      deadOther: `.other.xlsx.${dead}.fedcba9876543210.tmp`,
      running: `.keep.xlsx.${process.ppid}.00112233445566ff.tmp`, // a concurrent run's
      notOurs: `.keep.xlsx.${dead}.tmp`,
      notOursEither: `notes.${dead}.0123456789abcdef.txt`,
    };
    for (const name of Object.values(leftovers)) writeFileSync(path.join(dir, name), "partial");
    writeFileAtomically(path.join(dir, "next.xlsx"), NEW, false);
    expect(readdirSync(dir).sort()).toEqual(
      ["keep.xlsx", "next.xlsx", leftovers.running, leftovers.notOurs, leftovers.notOursEither].sort(),
    );
  });

  test("a leftover that cannot be removed does not stop the write", () => {
    const leftover = `.keep.xlsx.${deadPid()}.0123456789abcdef.tmp`;
    writeFileSync(path.join(dir, leftover), "partial");
    const fs = injected({
      unlinkSync: (file) => {
        if (file.endsWith(leftover)) throw errno("EPERM");
        nodeFileSystem.unlinkSync(file);
      },
    });
    writeFileAtomically(keep, NEW, true, fs);
    expectNew(keep);
  });
});
