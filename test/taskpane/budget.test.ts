/** The build's budget for the scripts taskpane.html loads at start (scripts/initial-scripts-budget.js). */
import { createRequire } from "node:module";
import { DEFAULT_LIMIT, InitialScriptsBudget, scriptsOf } from "../../scripts/initial-scripts-budget";

const PAGE =
  '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=functions.js></script><script defer src="taskpane.js"></script>';

/** Runs the plugin over assets of the given sizes; returns the errors it raised. */
function errorsFor(sizes: Record<string, number>, limit?: number): string[] {
  const errors: Error[] = [];
  let report: () => void = () => undefined;
  const assets: Record<string, string> = { "taskpane.html": PAGE };
  const compilation = {
    errors,
    hooks: { processAssets: { tap: (_options: unknown, fn: () => void) => (report = fn) } },
    getAsset: (name: string) => {
      if (name in assets) return { source: { source: () => assets[name], size: () => assets[name].length } };
      if (name in sizes) return { source: { source: () => "", size: () => sizes[name] } };
      return undefined;
    },
  };
  const compiler = {
    webpack: { Compilation: { PROCESS_ASSETS_STAGE_REPORT: 5000 }, WebpackError: Error },
    hooks: {
      thisCompilation: { tap: (_name: string, fn: (c: typeof compilation) => void) => fn(compilation) },
    },
  };
  new InitialScriptsBudget(limit === undefined ? {} : { limit }).apply(compiler);
  report();
  return errors.map((e) => e.message);
}

test("the page's own scripts count; office.js from the CDN does not", () => {
  expect(scriptsOf(PAGE)).toEqual(["functions.js", "taskpane.js"]);
});

test("within 60 KB the build passes; over it, it fails and says what to do", () => {
  expect(DEFAULT_LIMIT).toBe(60 * 1024);
  expect(errorsFor({ "functions.js": 11_000, "taskpane.js": 45_000 })).toEqual([]);
  const [error] = errorsFor({ "functions.js": 11_000, "taskpane.js": 52_000 });
  expect(error).toMatch(
    /^taskpane\.html loads 61\.5 KB of scripts at start \(functions\.js 10\.7 KB, taskpane\.js 50\.8 KB\); the budget is 60\.0 KB: load heavy code with import\(\)/,
  );
});

test("production names lazy chunks by their content; the scripts the page loads keep fixed names", async () => {
  // webpack.config.js is plain CommonJS without types: load it as webpack does.
  type Config = { output: { filename: string; chunkFilename: string } };
  const config = createRequire(__filename)("../../webpack.config.js") as (
    env: object,
    argv: { mode: string },
  ) => Promise<Config>;
  const production = await config({}, { mode: "production" });
  expect(production.output.filename).toBe("[name].js");
  expect(production.output.chunkFilename).toBe("[name].[contenthash].js");
  const development = await config({}, { mode: "development" });
  expect(development.output.chunkFilename).toBe("[name].js");
});
