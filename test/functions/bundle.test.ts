/**
 * The built functions bundle, loaded outside Excel in a Node vm context whose only Office global is
 * a stand-in CustomFunctions: every id in functions.json must be registered (else Excel lists a
 * function it cannot find: #NAME?), and the shipped code must give the reference's results.
 *
 * The risk functions load the risk core on their first call, from its own chunk: the context's
 * stand-in document runs the script webpack's loader asks for from the build's folder, as the
 * task pane's page would (the URL is relative to the page, which sits beside the chunks).
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
import { createStandIn, excelErrorOf, rejectionOf, type StandIn } from "./standIn";

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

/** Text only the risk core holds (its input checks' messages): absent from functions.js, present in its chunk. */
const RISK_CORE_TEXT = ["with fixed frequency the number of cases", "the cohort table is empty"];

/** What webpack's script loader touches of `document`, in a vm context: scripts run from `dir`. */
function standInDocument(context: () => vm.Context, loaded: string[]) {
  const script = () => {
    const element: Record<string, unknown> & { src?: string } = {
      setAttribute: (name: string, value: string) => (element[name] = value),
      getAttribute: (name: string) => element[name],
    };
    return element;
  };
  return {
    getElementsByTagName: () => [],
    createElement: script,
    head: {
      appendChild(element: { src: string; onload: (event: unknown) => void; onerror: (e: unknown) => void }) {
        loaded.push(element.src);
        const file = path.join(dir, element.src);
        // As a browser would: a missing file is an error event, a script's run then its load event.
        setImmediate(() => {
          if (!fs.existsSync(file)) return element.onerror({ type: "error", target: element });
          vm.runInContext(fs.readFileSync(file, "utf8"), context(), { filename: element.src });
          element.onload({ type: "load", target: element });
        });
      },
    },
  };
}

let dir: string;
/** The scripts the bundle's loader asked for, in order; and those it asked for while loading. */
const loaded: string[] = [];
let loadedAtStart: string[];
let standIn: StandIn;
let functionsJson: { functions: { id: string; helpUrl: string }[] };
let reference: Reference;

beforeAll(async () => {
  dir = builtDir();
  reference = await readReference();
  functionsJson = JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8"));
  standIn = createStandIn();
  // The stand-in is the bundle's only global beyond the language's own.
  // The stand-ins, and the timers and `document` webpack's chunk loader uses, are the bundle's only
  // globals beyond the language's own.
  const context: vm.Context = vm.createContext({
    CustomFunctions: standIn,
    document: standInDocument(() => context, loaded),
    setTimeout,
    clearTimeout,
  });
  context.globalThis = context;
  vm.runInContext(fs.readFileSync(path.join(dir, "functions.js"), "utf8"), context, {
    filename: "functions.js",
  });
  loadedAtStart = [...loaded];
}, 180_000);

afterAll(() => {
  if (dir && dir !== DIST) fs.rmSync(dir, { recursive: true, force: true });
});

test("the bundle registers every function functions.json lists, and nothing else", () => {
  const listed = functionsJson.functions.map((fn) => fn.id).sort();
  expect(listed.length).toBe(17);
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

test("the risk core is not in functions.js but in chunks loaded on the first risk call", async () => {
  const bundle = fs.readFileSync(path.join(dir, "functions.js"), "utf8");
  for (const text of RISK_CORE_TEXT) expect(bundle).not.toContain(text);
  expect(loadedAtStart).toEqual([]);
  const riskReserve = standIn.associations.get("RISK_RESERVE") as (...a: unknown[]) => Promise<number>;
  const reserve = await riskReserve(
    [[1110]],
    [[239, 418, 251, 202]],
    [[8, 20, 40, 65]],
    [[158.61739]],
    5281959,
    null,
  );
  expect(Math.round(reserve)).toBe(337697);
  // The risk functions' own chunk, plus any chunk it shares with the pane (the description's
  // exact figures use the same core), all loaded by the first call.
  const chunks = [...loaded];
  expect(chunks.filter((src) => /^risk\.[0-9a-f]+\.js$/.test(src))).toHaveLength(1);
  // Relative URLs: the chunks load from beside the page, on the add-in's own origin.
  for (const src of chunks) expect(src).not.toMatch(/^[a-z]+:|^\//i);
  const loadedText = chunks.map((src) => fs.readFileSync(path.join(dir, src), "utf8")).join("\n");
  for (const text of RISK_CORE_TEXT) expect(loadedText).toContain(text);
  // Loaded once: later calls reuse them.
  const probability = standIn.associations.get("LOSS_PROBABILITY") as (...a: unknown[]) => Promise<number>;
  await probability([[1110]], [[239, 418, 251, 202]], [[8, 20, 40, 65]], [[158.61739]], 5281959);
  expect(loaded).toEqual(chunks);
});

test("the shipped risk functions reject with Excel's errors", async () => {
  const riskReserve = standIn.associations.get("RISK_RESERVE") as (...a: unknown[]) => Promise<number>;
  expect(
    await rejectionOf(() =>
      riskReserve([[1110]], [[239, 418, 251, 202]], [[8, 20, 40]], [[158.61739]], 5281959, null),
    ),
  ).toEqual({
    code: "#VALUE!",
    message:
      "average_hours is 1 row × 3 columns but episodes is 1 row × 4 columns; give both in the same shape, a row per level and a column per cohort.",
  });
  expect((await rejectionOf(() => riskReserve([[1e9]], [[239]], [[8]], [[158.61739]], 1, null))).code).toBe(
    "#NUM!",
  );
});

/** Text only the contract functions' work holds (the terms' checks): absent from functions.js, in its chunk. */
const CONTRACT_CORE_TEXT = ["each band's upTo must be above the one before", "is a case-rate term"];

test("the contract functions' work is in chunks loaded on the first contract call; errors name the arguments", async () => {
  const bundle = fs.readFileSync(path.join(dir, "functions.js"), "utf8");
  for (const text of CONTRACT_CORE_TEXT) expect(bundle).not.toContain(text);
  const loadedBefore = loaded.length;
  const corridor = standIn.associations.get("CORRIDOR") as (...a: unknown[]) => Promise<number>;
  const bands = [
    [0.03, 0],
    [0.08, 0.5],
    [null, 0.9],
  ];
  expect(await corridor(110000, 100000, bands, null, null)).toBeCloseTo(4300, 9);
  // Its own chunk, plus any it shares with the pane (the Contract sheets use the same core).
  const chunks = loaded.slice(loadedBefore);
  expect(chunks.filter((src) => /^contract\.[0-9a-f]+\.js$/.test(src))).toHaveLength(1);
  const loadedText = chunks.map((src) => fs.readFileSync(path.join(dir, src), "utf8")).join("\n");
  for (const text of CONTRACT_CORE_TEXT) expect(loadedText).toContain(text);
  const falling = [
    [0.08, 0],
    [0.03, 0.5],
    [null, 0.9],
  ];
  expect(await rejectionOf(() => corridor(110000, 100000, falling, null, null))).toEqual({
    code: "#VALUE!",
    message: "bands row 2, column 1 is 0.03; each band's upTo must be above the one before (and above 0).",
  });
  const outlier = standIn.associations.get("OUTLIER_PAYMENT") as (...a: unknown[]) => Promise<number[][]>;
  expect((await rejectionOf(() => outlier([[12000]], [[9517.04]], 1.5))).message).toMatch(/^payor_share /);
  const withhold = standIn.associations.get("WITHHOLD_EARNED") as (...a: unknown[]) => Promise<number>;
  expect(
    (await rejectionOf(() => withhold(20000, [[0.8], [0.9]], [[0.75], [0.9]], [[0.5], [0.4]], null))).message,
  ).toMatch(/^weights sums to 90%/);
  expect(loaded.slice(loadedBefore)).toEqual(chunks);
});

test("the shipped functions give the reference's example results", async () => {
  const call = (id: string, args: unknown[]) =>
    (standIn.associations.get(id) as (...a: unknown[]) => unknown)(...args);
  for (const fn of reference.functions) {
    for (const example of fn.examples) {
      const result = await evaluate(example.call as never, reference.functions, call);
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
  // webpack's chunk loader adds a script tag to the page: the only use of the document allowed.
  const ui = /\bdocument\.(?!createElement\("script"\)|getElementsByTagName\("script"\)|head\.appendChild\()/;
  expect(bundle).not.toMatch(ui);
  expect(bundle).not.toMatch(/\bOffice\.onReady|\bExcel\.run|getElementById/);
});
