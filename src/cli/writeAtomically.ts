import { constants, type Stats } from "node:fs";
import { dirname } from "node:path";
import { errnoCode, isDiskFull, writeProblem } from "./fileErrors";
import { type FileSystem, nodeFileSystem } from "./fileSystem";
import { UsageError } from "./io";
import { removeLeftovers, temporaryPath } from "./temporaryFiles";

/** A failure of the disk that no error code reported: a write that stopped short, a read-back that differs. */
const fault = (code: "ENOSPC" | "EIO", what: string) => Object.assign(new Error(what), { code });

/** File systems without hard links (FAT, some network shares) refuse link() with these. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

/** Flushing a folder is not possible on every file system; the file itself was flushed. */
const CANNOT_FLUSH_FOLDER = new Set(["EINVAL", "ENOTSUP", "EOPNOTSUPP", "EISDIR", "EPERM", "EACCES"]);

/** A write begun: the temporary file is open beside the target; `write` finishes it, `abandon` removes it. */
export interface AtomicWrite {
  /** Writes the bytes, flushes and reads them back, then puts the file in place; throws one UsageError. */
  write(bytes: Uint8Array): void;
  /** Removes the temporary file (what was at the path is left as it was); never throws. */
  abandon(): void;
}

/**
 * Begins writing `path` so that it ends as either the old file or the whole new one: refuses at
 * once what would make the write fail (an existing file without `force`, a read-only one with it,
 * a folder that cannot be written), before the caller spends time building the bytes, and opens
 * a temporary file exclusively beside it. Without `force` an existing file still makes the final
 * placing fail (a hard link cannot replace a file; no check-then-rename race). Every failure is
 * one UsageError; the temporary file is removed and the old file left as it was.
 */
export function beginAtomicWrite(path: string, force: boolean, fs: FileSystem = nodeFileSystem): AtomicWrite {
  const folder = dirname(path);
  removeLeftovers(folder, fs);
  const existing = statOrNull(path, fs);
  if (force && existing !== null && existing.isFile() && isReadOnly(path, existing, fs)) {
    throw new UsageError(
      `${path} is read-only, so --force does not replace it; make it writable first if you mean to replace it.`,
    );
  }
  if (!force && existing !== null) throw alreadyExists(path);
  if (existing?.isDirectory()) throw cannotWrite(path, "EISDIR");
  let temporary = "";
  let fd: number | undefined;
  let created = false;
  const abandon = () => {
    // Cleanup must never throw: the cause is what the user needs to hear.
    if (fd !== undefined) quietly(() => fs.closeSync(fd as number));
    fd = undefined;
    if (created) quietly(() => fs.unlinkSync(temporary));
    created = false;
  };
  try {
    [temporary, fd] = openTemporary(path, fs);
    created = true;
  } catch (error) {
    abandon();
    throw explain(error, path, existing !== null);
  }
  const write = (bytes: Uint8Array) => {
    try {
      writeAll(fd as number, bytes, fs);
      fs.fsyncSync(fd as number);
      verify(fd as number, bytes, fs);
      fs.closeSync(fd as number);
      fd = undefined;
      if (force) fs.renameSync(temporary, path);
      else placeNew(temporary, path, fs);
      created = false;
      flushFolder(folder, fs);
    } catch (error) {
      abandon();
      throw explain(error, path, existing !== null);
    }
  };
  return { write, abandon };
}

/**
 * Writes what `produce` makes to `path` as beginAtomicWrite describes, the write begun first: a
 * path that cannot be written is refused before the long work, and a failure of that work
 * leaves nothing behind.
 */
export async function writeAtomicallyFrom(
  path: string,
  force: boolean,
  produce: () => Promise<Uint8Array>,
): Promise<void> {
  const target = beginAtomicWrite(path, force);
  let bytes: Uint8Array;
  try {
    bytes = await produce();
  } catch (error) {
    target.abandon();
    throw error;
  }
  target.write(bytes);
}

/** Writes `bytes` to `path` as beginAtomicWrite describes: either the old file or the whole new one. */
export function writeFileAtomically(
  path: string,
  bytes: Uint8Array,
  force: boolean,
  fs: FileSystem = nodeFileSystem,
): void {
  beginAtomicWrite(path, force, fs).write(bytes);
}

/**
 * Creates a new temporary file beside `path`, exclusively (O_EXCL: a file or symlink already at the
 * name is never opened or followed); a name that is taken gets a fresh random one.
 */
function openTemporary(path: string, fs: FileSystem): [string, number] {
  for (let attempt = 1; ; attempt++) {
    const temporary = temporaryPath(path);
    try {
      return [temporary, fs.openSync(temporary, "wx+", 0o666)];
    } catch (error) {
      if (errnoCode(error) !== "EEXIST" || attempt === 3) throw error;
    }
  }
}

/** What is at `path`, null if nothing; a path that cannot be looked at (too long, a loop) is refused now. */
function statOrNull(path: string, fs: FileSystem): Stats | null {
  try {
    return fs.lstatSync(path);
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return null;
    throw explain(error, path, false);
  }
}

/** Read-only for the user: no write permission bit at all (as a user marks it), or access denied. */
function isReadOnly(path: string, stats: Stats, fs: FileSystem): boolean {
  if ((stats.mode & 0o222) === 0) return true; // root could write it, but its owner said no
  try {
    fs.accessSync(path, constants.W_OK);
    return false;
  } catch (error) {
    const code = errnoCode(error);
    return code === "EACCES" || code === "EPERM" || code === "EROFS";
  }
}

/** Writes every byte, checking each write's count: a write that makes no progress means the disk is full. */
function writeAll(fd: number, bytes: Uint8Array, fs: FileSystem): void {
  let done = 0;
  while (done < bytes.length) {
    const written = fs.writeSync(fd, bytes, done, bytes.length - done, done);
    if (!(written > 0)) throw fault("ENOSPC", `a write stopped at byte ${done} of ${bytes.length}`);
    done += written;
  }
}

/** The flushed file has exactly the bytes meant for it. */
function verify(fd: number, bytes: Uint8Array, fs: FileSystem): void {
  if (fs.fstatSync(fd).size !== bytes.length) throw fault("ENOSPC", "the file is shorter than written");
  const back = new Uint8Array(bytes.length);
  let done = 0;
  while (done < back.length) {
    const read = fs.readSync(fd, back, done, back.length - done, done);
    if (!(read > 0)) break;
    done += read;
  }
  if (done !== bytes.length || !Buffer.from(back).equals(bytes)) {
    throw fault("EIO", "the file read back differs from what was written");
  }
}

/** Puts the finished temporary file at `path` only if nothing is there (EEXIST otherwise). */
function placeNew(temporary: string, path: string, fs: FileSystem): void {
  try {
    fs.linkSync(temporary, path);
  } catch (error) {
    if (!NO_HARD_LINKS.has(errnoCode(error) ?? "")) throw error;
    // No hard links here: claim the name exclusively, then rename the finished file over the claim.
    fs.closeSync(fs.openSync(path, "wx"));
    try {
      fs.renameSync(temporary, path);
    } catch (renameError) {
      quietly(() => fs.unlinkSync(path)); // the empty claim is ours
      throw renameError;
    }
    return;
  }
  quietly(() => fs.unlinkSync(temporary)); // the file is in place; a leftover link goes on the next run
}

/** Flushes the folder so the rename itself survives a power cut (POSIX; Windows cannot open a folder). */
function flushFolder(folder: string, fs: FileSystem): void {
  if (process.platform === "win32") return;
  let fd: number;
  try {
    fd = fs.openSync(folder, constants.O_RDONLY);
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (!CANNOT_FLUSH_FOLDER.has(errnoCode(error) ?? "")) throw error;
  } finally {
    quietly(() => fs.closeSync(fd));
  }
}

function quietly(cleanup: () => void): void {
  try {
    cleanup();
  } catch {
    // nothing more can be done; the error being reported matters more
  }
}

/** Without --force, a name already taken (by a file, a folder or a link) is never replaced. */
function alreadyExists(path: string): UsageError {
  return new UsageError(`${path} already exists; choose another name or add --force to replace it.`);
}

/** The one line the user reads for a failed write. */
function explain(error: unknown, path: string, existed: boolean): unknown {
  const code = errnoCode(error);
  if (error instanceof UsageError || code === undefined) return error; // not the file system's: let it surface
  if (isDiskFull(code)) {
    return new UsageError(`the disk is full: ${path} ${existed ? "was left as it was" : "was not written"}.`);
  }
  if (code === "EEXIST") return alreadyExists(path);
  return cannotWrite(path, code);
}

function cannotWrite(path: string, code: string): UsageError {
  return new UsageError(`cannot write ${path}: ${writeProblem(code, path)}.`);
}
