import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { errnoCode } from "./fileErrors";
import type { FileSystem } from "./fileSystem";

/**
 * The writer's temporary files: `.NAME.PID.RANDOM.tmp` beside NAME, where PID is the writing
 * process and RANDOM 16 hex digits, so no one can guess the name and plant a file or link there.
 */
const TEMPORARY = /^\..*\.(\d+)\.[0-9a-f]{16}\.tmp$/;

/** Most file systems cap a name at 255 bytes; the temporary name adds about 40 to the target's. */
const NAME_BYTES = 200;

/** A fresh temporary path beside `target` for this process. */
export function temporaryPath(target: string): string {
  const name = Array.from(basename(target));
  while (Buffer.byteLength(name.join("")) > NAME_BYTES) name.pop();
  return join(dirname(target), `.${name.join("")}.${process.pid}.${randomBytes(8).toString("hex")}.tmp`);
}

/** Whether a process with this id is running (one we may not signal is running too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) !== "ESRCH";
  }
}

/**
 * Removes the temporary files a killed run left in `folder`: only names of our pattern, and only
 * those whose writing process is no longer running, so a concurrent run's file is never touched.
 * Never throws: a leftover that cannot be removed is left.
 */
export function removeLeftovers(folder: string, fs: FileSystem): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return; // the write itself will say what is wrong with the folder
  }
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    try {
      fs.unlinkSync(join(folder, name));
    } catch {
      // removed by another run meanwhile, or not ours to remove: leave it
    }
  }
}
