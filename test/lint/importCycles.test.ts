/**
 * No import cycle in src/core: a module that imports one that imports it back loads half-built
 * (its bindings undefined until the cycle unwinds), so the core's modules import in one direction.
 * The walk reads each file's relative imports (type-only ones too: they mark the same tangle).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ROOT } from "../helpers/builds";

const CORE = join(ROOT, "src", "core");

/** Every .ts file under a folder. */
function tsFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The relative imports (and re-exports) of a file, resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"(\.[^"]+)"/g)].map(
    (match) => match[1],
  );
  return specifiers.map((specifier) => {
    const base = resolve(dirname(file), specifier);
    if (/\.\w+$/.test(specifier)) return base; // a data file (worked-example.json): no imports
    const asFile = `${base}.ts`;
    try {
      statSync(asFile);
      return asFile;
    } catch {
      return join(base, "index.ts");
    }
  });
}

/** The first import cycle found from the files, as the files around it, or undefined. */
function findCycle(
  files: readonly string[],
  importsOfFile: (file: string) => readonly string[],
): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "open") return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, "open");
    stack.push(file);
    for (const next of importsOfFile(file)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, "done");
    return undefined;
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

/** A core file's imports inside src/core. */
const coreImportsOf = (file: string) =>
  importsOf(file).filter((path) => path.startsWith(CORE) && path.endsWith(".ts"));

describe("src/core imports", () => {
  it("has no import cycle", () => {
    const cycle = findCycle(tsFiles(CORE), coreImportsOf);
    expect(cycle?.map((file) => relative(ROOT, file)).join(" → ")).toBeUndefined();
  });

  it("reads multi-line imports and re-exports, and finds a cycle when there is one", () => {
    const inCore = (file: string) => coreImportsOf(join(CORE, file)).map((path) => relative(CORE, path));
    expect(inCore("parse.ts")).toEqual(expect.arrayContaining(["modelSchema.ts", "modelReaders.ts"]));
    expect(inCore(join("contract", "index.ts"))).toContain(join("contract", "parseContract.ts"));
    // The cycle the contract parser once made: parse.ts → parseContract.ts → parse.ts.
    const graph: Record<string, string[]> = {
      "parse.ts": ["modelSchema.ts", "parseContract.ts"],
      "parseContract.ts": ["modelSchema.ts", "parse.ts"],
      "modelSchema.ts": [],
    };
    expect(findCycle(Object.keys(graph), (file) => graph[file])).toEqual([
      "parse.ts",
      "parseContract.ts",
      "parse.ts",
    ]);
  });
});
