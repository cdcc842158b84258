import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./io";

/**
 * Writes a file through a temporary sibling renamed into place, so an interrupted run leaves
 * either the old file or the whole new one. Refuses to replace an existing file unless `force`.
 */
export function writeFileAtomically(path: string, bytes: Uint8Array, force: boolean): void {
  if (existsSync(path) && !force) {
    throw new UsageError(`${path} already exists; choose another name or add --force to replace it.`);
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, "w");
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "EROFS") {
      throw new UsageError(`${path}: cannot write there (${code}).`);
    }
    throw error;
  }
}
