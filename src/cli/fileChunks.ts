import { constants, createReadStream } from "node:fs";
import { isCaseRateInputError } from "../core/errors";
import { errnoCode, readProblem } from "./fileErrors";
import { nodeFileSystem } from "./fileSystem";
import { UsageError } from "./io";
import { notAFile } from "./readFile";

/**
 * Streams a regular file to `handle` in 1 MB chunks, for files that may be larger than memory (no
 * size limit, unlike readRegularFile; the same refusal of folders, devices and pipes). `handle`
 * returns false to stop early; resolves to whether the whole file was read. A failure to read is
 * one UsageError naming `path`; the core's errors about the content pass through.
 */
export async function eachChunk(path: string, handle: (chunk: Uint8Array) => boolean): Promise<boolean> {
  const fs = nodeFileSystem;
  let fd: number;
  try {
    // O_NONBLOCK: opening a pipe with no writer would otherwise wait forever (Windows has no such flag).
    fd = fs.openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new UsageError(`${path}: ${readProblem(errnoCode(error))}.`);
  }
  const stats = fs.fstatSync(fd);
  if (!stats.isFile()) {
    fs.closeSync(fd);
    throw new UsageError(`${path}: ${notAFile(stats)}.`);
  }
  const stream = createReadStream("", { fd, highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream) if (!handle(chunk as Buffer)) return false;
    return true;
  } catch (error) {
    if (isCaseRateInputError(error) || error instanceof UsageError) throw error;
    const code = errnoCode(error);
    if (code === undefined) throw error;
    throw new UsageError(`${path}: ${readProblem(code)}.`);
  } finally {
    stream.destroy();
  }
}
