/**
 * Office.js calls within the requirement sets manifest.xml declares. No Excel runs here, so this
 * is checked statically: a TypeScript program over src/taskpane, every property access resolved to
 * its declaration, and the declaration's JSDoc "[Api set: ExcelApi 1.x]" (as @types/office-js
 * annotates each member) compared with the manifest's sets. Where an annotation names several
 * versions ("ExcelApi 1.1 for get, 1.8 for set") the highest counts.
 *
 * A member above the declared sets is allowed only behind a runtime guard, by one simple rule:
 * the access lies in the `then` branch of an `if` whose condition calls
 * `isSetSupported("<set>", "<version>")` with that set at that version or above. Anything else
 * above the sets fails the test. The members used, with their sets, are printed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { ROOT } from "./helpers/builds";
import { tempDir } from "./helpers/starterFiles";

interface Use {
  /** The member as declared, e.g. "Excel.ChartSeries.overlap". */
  readonly member: string;
  /** Its set and version, e.g. { name: "ExcelApi", version: "1.8" }; null when not annotated. */
  readonly set: { readonly name: string; readonly version: string } | null;
  readonly where: string;
  /** The guard around it: the set and version an enclosing `if` checked, if any. */
  readonly guards: readonly { readonly name: string; readonly version: string }[];
}

/** Compares dotted versions numerically: "1.10" is above "1.9". */
function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The requirement sets a manifest declares: `<Set Name="ExcelApi" MinVersion="1.9"/>` and bt:Set. */
function declaredSets(manifest: string): Map<string, string> {
  const sets = new Map<string, string>();
  for (const [, name, version] of manifest.matchAll(/<(?:bt:)?Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"/g))
    sets.set(name, version);
  return sets;
}

/** A declaration's "[Api set: …]": the set's name and its highest version mentioned. */
function apiSetOf(declaration: ts.Node): Use["set"] {
  const source = declaration.getSourceFile();
  const comments = ts.getLeadingCommentRanges(source.text, declaration.getFullStart()) ?? [];
  for (const range of comments) {
    const match = /\[Api set: ([^\]]+)\]/.exec(source.text.slice(range.pos, range.end));
    if (!match) continue;
    const name = /^(\w+)/.exec(match[1])?.[1] ?? match[1];
    const versions = [...match[1].matchAll(/\b(\d+\.\d+)\b/g)].map((m) => m[1]);
    const version = versions.sort(compareVersions).pop() ?? "";
    return { name, version };
  }
  return null;
}

/** The sets checked by `isSetSupported(name, version)` calls in an `if` condition. */
function guardsIn(condition: ts.Expression): { name: string; version: string }[] {
  const found: { name: string; version: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      /\bisSetSupported$/.test(node.expression.getText()) &&
      node.arguments.length === 2 &&
      node.arguments.every(ts.isStringLiteral)
    )
      found.push({ name: node.arguments[0].text, version: node.arguments[1].text });
    ts.forEachChild(node, visit);
  };
  visit(condition);
  return found;
}

/** The guards of the `if`s whose `then` branch holds the node. */
function enclosingGuards(node: ts.Node): { name: string; version: string }[] {
  const guards: { name: string; version: string }[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent)
    if (ts.isIfStatement(parent) && parent.thenStatement === child)
      guards.push(...guardsIn(parent.expression));
  return guards;
}

/** Every property access in the files that resolves to an Office.js declaration. */
function officeUses(program: ts.Program, files: readonly string[]): Use[] {
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`Not in the program: ${file}`);
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        // A call resolves to the overload it uses; a property to its one declaration.
        const called = ts.isCallExpression(node.parent) && node.parent.expression === node;
        const signature = called ? checker.getResolvedSignature(node.parent as ts.CallExpression) : undefined;
        const declaration = signature?.declaration ?? symbol?.declarations?.[0];
        if (declaration && /[\\/]@types[\\/]office-js[\\/]/.test(declaration.getSourceFile().fileName)) {
          const owner = symbol ? checker.getFullyQualifiedName(symbol) : node.name.text;
          const { line } = source.getLineAndCharacterOfPosition(node.name.getStart());
          uses.push({
            member: owner,
            set: apiSetOf(ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration),
            where: `${relative(ROOT, file)}:${line + 1}`,
            guards: enclosingGuards(node),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The uses above the declared sets that no guard covers, as "member (set) at file:line". */
function unguardedAboveSets(uses: readonly Use[], sets: ReadonlyMap<string, string>): string[] {
  return uses
    .filter(({ set, guards }) => {
      if (!set) return false;
      const declared = sets.get(set.name);
      if (declared !== undefined && compareVersions(set.version, declared) <= 0) return false;
      return !guards.some((g) => g.name === set.name && compareVersions(g.version, set.version) >= 0);
    })
    .map(({ member, set, where }) => `${member} (${set!.name} ${set!.version}) at ${where}`);
}

/** Every .ts file under a folder. */
function tsFiles(dir: string): string[] {
  return ts.sys.readDirectory(dir, [".ts"], undefined, ["**/*"]).filter((f) => !f.endsWith(".d.ts"));
}

const manifestSets = declaredSets(readFileSync(join(ROOT, "manifest.xml"), "utf8"));

/** A fixture with one call above ExcelApi 1.9, once bare and once behind isSetSupported. */
const FIXTURE = `
export function bare(range: Excel.Range) {
  return range.getMergedAreasOrNullObject();
}
export function guarded(range: Excel.Range) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) {
    return range.getMergedAreasOrNullObject();
  }
  return null;
}
export function guardedTooLow(range: Excel.Range) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return range.getMergedAreasOrNullObject();
  return null;
}
export function within(range: Excel.Range) {
  range.format.columnWidth = 10;
}
`;

describe("Office.js members within the manifest's requirement sets", () => {
  const fixture = join(tempDir("office-api-sets"), "fixture.ts");
  writeFileSync(fixture, FIXTURE);
  const taskpane = tsFiles(join(ROOT, "src", "taskpane"));
  const program = ts.createProgram([...taskpane, fixture], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ["lib.es2020.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    typeRoots: [join(ROOT, "node_modules", "@types")],
    types: ["office-js", "custom-functions-runtime"],
  });

  test("the manifest declares ExcelApi 1.9, SharedRuntime 1.1 and CustomFunctionsRuntime 1.2", () => {
    expect(Object.fromEntries(manifestSets)).toEqual({
      ExcelApi: "1.9",
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.2",
    });
  });

  test("the rule: a member above the sets fails bare or under too low a guard, passes guarded", () => {
    const uses = officeUses(program, [fixture]);
    expect(uses.find((u) => u.member.endsWith("Range.getMergedAreasOrNullObject"))?.set).toEqual({
      name: "ExcelApi",
      version: "1.13",
    });
    const failing = unguardedAboveSets(uses, manifestSets);
    expect(failing.map((f) => f.replace(/ at .*:(\d+)$/, " line $1"))).toEqual([
      "Excel.Range.getMergedAreasOrNullObject (ExcelApi 1.13) line 3",
      "Excel.Range.getMergedAreasOrNullObject (ExcelApi 1.13) line 12",
    ]);
  });

  test("the task pane uses no Office.js member above them without a guard", () => {
    const uses = officeUses(program, taskpane);
    const byMember = new Map<string, Use>();
    for (const use of uses) if (!byMember.has(use.member)) byMember.set(use.member, use);
    const listed = [...byMember.values()]
      .sort((a, b) => a.member.localeCompare(b.member))
      .map(
        ({ member, set, where }) =>
          `${member.padEnd(56)} ${set ? `${set.name} ${set.version}` : "(no set)"}  ${where}`,
      );
    console.log(
      `Office.js members the task pane uses (${listed.length}), with their API sets:\n${listed.join("\n")}`,
    );
    // The writer's charts, page layout and getRanges are among them: the walk reaches the code.
    expect([...byMember.keys()]).toEqual(
      expect.arrayContaining([
        "Excel.ChartSeries.overlap",
        "Excel.ChartAxis.numberFormat",
        "Excel.Worksheet.getRanges",
      ]),
    );
    expect(unguardedAboveSets(uses, manifestSets)).toEqual([]);
  });
});
