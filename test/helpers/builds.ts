/**
 * Whether a build the tests would use is current: its outputs exist and are newer than every file
 * they are built from. The suites that need a build use dist/ when it is, else build afresh.
 */
import fs from "node:fs";
import { newestSource } from "./newestSource";

export { ROOT, newestSource } from "./newestSource";

/** True when every output exists and each is newer than the newest file of `sources`. */
export function isCurrentBuild(outputs: readonly string[], sources: readonly string[]): boolean {
  return (
    outputs.every(fs.existsSync) &&
    Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) > newestSource(sources)
  );
}
