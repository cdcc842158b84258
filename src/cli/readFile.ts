import { constants, type Stats } from "node:fs";
import { errnoCode, readProblem } from "./fileErrors";
import { type FileSystem, nodeFileSystem } from "./fileSystem";
import { UsageError } from "./io";

/** A kind of file the command line reads: what to call it, and the largest it accepts. */
export interface FileKind {
  readonly noun: string;
  readonly maxMegabytes: number;
}

/** Limits (documented in the README and each command's --help): far above any real file. */
export const MODEL_FILE: FileKind = { noun: "a model file", maxMegabytes: 16 };
export const MAPPING_FILE: FileKind = { noun: "a mapping file", maxMegabytes: 16 };
export const WORKBOOK_FILE: FileKind = { noun: "a workbook", maxMegabytes: 100 };

const MEGABYTE = 1024 * 1024;
const CHUNK = MEGABYTE;

/**
 * Reads a whole file, refusing before reading anything that is not a regular file (a folder, a
 * device such as /dev/zero, a pipe, which would never end) and anything larger than `kind` allows.
 * Every failure is one UsageError naming `path`.
 */
export function readRegularFile(path: string, kind: FileKind, fs: FileSystem = nodeFileSystem): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a pipe with no writer would otherwise wait forever (Windows has no such flag).
    fd = fs.openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new UsageError(`${path}: ${readProblem(errnoCode(error))}.`);
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new UsageError(`${path}: ${notAFile(stats)}.`);
    const limit = kind.maxMegabytes * MEGABYTE;
    if (stats.size > limit) throw tooLarge(path, `is ${megabytes(stats.size)}`, kind);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Read to the end, not to the size stat gave: a file may grow meanwhile, or report size 0.
      const chunk = Buffer.alloc(CHUNK);
      const read = fs.readSync(fd, chunk, 0, CHUNK, total);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) throw tooLarge(path, `is more than ${megabytes(limit)}`, kind);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: ${readProblem(errnoCode(error))}.`);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // the bytes are read, or the reason they are not is being reported
    }
  }
}

/** Why a path that is not a regular file is refused, in words. */
export function notAFile(stats: Stats): string {
  if (stats.isDirectory()) return "it is a folder";
  if (stats.isFIFO()) return "it is a pipe, not a file";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "it is a device, not a file";
  if (stats.isSocket()) return "it is a socket, not a file";
  return "it is not a regular file";
}

function tooLarge(path: string, size: string, kind: FileKind): UsageError {
  return new UsageError(`${path} ${size}; ${kind.noun} can be at most ${kind.maxMegabytes} MB.`);
}

/** Whole megabytes, rounded up, so a file just over a limit never reads as the limit. */
function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / MEGABYTE).toLocaleString("en-US")} MB`;
}
