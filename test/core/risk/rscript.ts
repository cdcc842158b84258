/**
 * R with actuar, the reference for aggregate loss distributions, for the risk suites. In CI
 * (CI=true) a missing Rscript or actuar fails the suite; locally the suite is skipped loudly, as
 * the LibreOffice suites do.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function hasActuar(): boolean {
  const probe = spawnSync("Rscript", ["-e", "suppressMessages(library(actuar)); cat('ok')"], {
    encoding: "utf8",
  });
  return probe.status === 0 && probe.stdout.includes("ok");
}

/** `describe` that runs only when Rscript and actuar are there (and throws in CI when they are not). */
export function describeWithActuar(suite: string, body: () => void): void {
  if (hasActuar()) {
    describe(suite, body);
    return;
  }
  if (process.env.CI === "true") {
    throw new Error(`${suite}: R with actuar is required in CI; install r-cran-actuar.`);
  }
  console.warn(
    `\n*** SKIPPING ${suite}: R with actuar is not installed (apt-get install r-cran-actuar). ***\n`,
  );
  describe.skip(suite, () => test("needs R with actuar", () => undefined));
}

/** A numeric vector as R source; String(x) round-trips, so R reads back the same double. */
export function rVector(values: ArrayLike<number>): string {
  return `c(${Array.from(values, String).join(",")})`;
}

/**
 * Runs an R script with actuar loaded and returns the vectors it printed, each after a line
 * "## name" (print them with `out("name", x)`, which writes 17 significant digits; R's `NA` reads as NaN).
 */
export function runR(script: string): Map<string, number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "risk-actuar-"));
  const file = path.join(dir, "reference.R");
  const prelude = [
    "suppressMessages(library(actuar))",
    'out <- function(name, x) { cat("##", name, "\\n"); cat(sprintf("%.17g", x), sep = "\\n") }',
  ].join("\n");
  fs.writeFileSync(file, `${prelude}\n${script}\n`);
  try {
    const stdout = execFileSync("Rscript", [file], { encoding: "utf8", maxBuffer: 1 << 30 });
    const vectors = new Map<string, number[]>();
    let current: number[] | null = null;
    for (const line of stdout.split("\n")) {
      const header = /^## (\S+)/.exec(line);
      if (header) vectors.set(header[1], (current = []));
      else if (line.trim() !== "" && current) current.push(Number(line));
    }
    return vectors;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
