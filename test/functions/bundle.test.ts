/**
 * The built functions bundle, loaded outside Excel in a Node vm context whose only Office global is
 * a stand-in CustomFunctions: every id in functions.json must be registered (else Excel lists a
 * function it cannot find: #NAME?), and the shipped code must give the reference's results.
 *
 * Uses dist/ when it is newer than everything it is built from; otherwise builds with
 * `webpack --mode production` into a temporary directory, leaving dist/ alone.
 */
import { execFileSync } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import { PAGE, readReference, type Reference } from "../../scripts/functions-reference";
import { isCurrentBuild, ROOT } from "../helpers/builds";
import { differences, evaluate } from "./examples";
import { createStandIn, excelErrorOf, type StandIn } from "./standIn";

const DIST = path.join(ROOT, "dist");
const SOURCES = ["src/functions", "src/core", "webpack.config.js", "scripts", "manifest.xml", "package.json"];

/** A directory holding a production build of the current sources. */
function builtDir(): string {
  const bundle = path.join(DIST, "functions.js");
  const outputs = ["functions.js", "functions.json", PAGE].map((f) => path.join(DIST, f));
  if (isCurrentBuild(outputs, SOURCES)) return DIST;
  if (!fs.existsSync(path.join(ROOT, "webpack.config.js"))) {
    throw new Error(`${bundle} is missing or stale and there is no webpack.config.js to build it`);
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "functions-bundle-"));
  try {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
      {
        cwd: ROOT,
        stdio: "pipe",
        env: { ...process.env, ADDIN_URL: "" },
      },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`webpack --mode production failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
  return out;
}

let dir: string;
let standIn: StandIn;
let functionsJson: { functions: { id: string; helpUrl: string }[] };
let reference: Reference;

beforeAll(async () => {
  dir = builtDir();
  reference = await readReference();
  functionsJson = JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8"));
  standIn = createStandIn();
  // The stand-in is the bundle's only global beyond the language's own.
  const context = vm.createContext({ CustomFunctions: standIn });
  vm.runInContext(fs.readFileSync(path.join(dir, "functions.js"), "utf8"), context, {
    filename: "functions.js",
  });
}, 180_000);

afterAll(() => {
  if (dir && dir !== DIST) fs.rmSync(dir, { recursive: true, force: true });
});

test("the bundle registers every function functions.json lists, and nothing else", () => {
  const listed = functionsJson.functions.map((fn) => fn.id).sort();
  expect(listed.length).toBe(13);
  expect([...standIn.associations.keys()].sort()).toEqual(listed);
  for (const fn of standIn.associations.values()) expect(typeof fn).toBe("function");
});

test("the built functions.json is the one the JSDoc generates", () => {
  const generated = reference.metadata.functions.map(({ id, parameters }) => ({ id, parameters }));
  expect(
    functionsJson.functions.map(({ id, parameters }: { id: string; parameters?: unknown }) => ({
      id,
      parameters,
    })),
  ).toEqual(generated);
});

test("each helpUrl opens an anchor on the reference page the build serves", () => {
  const page = fs.readFileSync(path.join(dir, PAGE), "utf8");
  for (const fn of functionsJson.functions) {
    const url = new URL(fn.helpUrl);
    expect(path.basename(url.pathname)).toBe(PAGE);
    expect(url.hash).toBe(`#${fn.id}`);
    expect(page).toContain(`id="${fn.id}"`);
  }
});

test("the reference page's only style is the one its Content-Security-Policy allows, and it has no script", () => {
  const page = fs.readFileSync(path.join(dir, PAGE), "utf8");
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  expect(styles.length).toBe(1);
  const hash = crypto.createHash("sha256").update(styles[0]).digest("base64");
  expect(page).toContain(`style-src 'sha256-${hash}'`);
  expect(page).not.toMatch(/<script|\sstyle=/i);
});

test("the shipped functions give the reference's example results", () => {
  const call = (id: string, args: unknown[]) =>
    (standIn.associations.get(id) as (...a: unknown[]) => unknown)(...args);
  for (const fn of reference.functions) {
    for (const example of fn.examples) {
      const result = evaluate(example.call as never, reference.functions, call);
      expect({ formula: example.formula, problems: differences(result, example.expected as never) }).toEqual({
        formula: example.formula,
        problems: [],
      });
    }
  }
});

test("the shipped functions raise Excel's errors with the core's messages", () => {
  const budget = standIn.associations.get("CASEMIX_BUDGET") as (...a: unknown[]) => unknown;
  expect(excelErrorOf(() => budget(3000, [[0.2], [0.37], [0.3], [0.1]], [[1], [2], [3], [4]], null))).toEqual(
    {
      code: "#VALUE!",
      message: "case_mix sums to 97%, not 100%.",
    },
  );
  const pmpm = standIn.associations.get("PMPM") as (...a: unknown[]) => unknown;
  expect(excelErrorOf(() => pmpm(1000, 0, null)).code).toBe("#DIV/0!");
});

test("the functions bundle carries no UI code", () => {
  const bundle = fs.readFileSync(path.join(dir, "functions.js"), "utf8");
  expect(bundle).not.toMatch(/\bdocument\.|\bOffice\.onReady|\bExcel\.run|getElementById/);
});
