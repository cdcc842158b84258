import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A fresh scratch folder, in memory (/dev/shm) where there is one: every write flushes to disk,
 * and on a busy shared disk one flush can take many seconds.
 */
export function scratchFolder(prefix: string): string {
  const base = existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
  return mkdtempSync(path.join(base, `case-rate-${prefix}-`));
}
