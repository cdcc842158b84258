/**
 * Whether a build the tests would use is current: its outputs exist and are newer than every file
 * they are built from. The suites that need a build use dist/ when it is, else build afresh.
 */
import fs from "node:fs";
import path from "node:path";

/** The repository's root folder. */
export const ROOT = path.resolve(__dirname, "../..");

/** The newest modification time (ms) of the files in `sources` (paths from ROOT; folders searched). */
export function newestSource(sources: readonly string[]): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) fs.readdirSync(file).forEach((name) => visit(path.join(file, name)));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  sources
    .map((s) => path.join(ROOT, s))
    .filter(fs.existsSync)
    .forEach(visit);
  return newest;
}

/** True when every output exists and each is newer than the newest file of `sources`. */
export function isCurrentBuild(outputs: readonly string[], sources: readonly string[]): boolean {
  return (
    outputs.every(fs.existsSync) &&
    Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) > newestSource(sources)
  );
}
