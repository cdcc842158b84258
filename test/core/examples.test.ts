/**
 * The `@example` lines of the core's doc comments: every public function has one, and each holds.
 * An example reads `@example <expression> // <expected value>`, both JavaScript, with the core's
 * exports in scope.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as core from "../../src/core";

const CORE = path.join(__dirname, "../../src/core");

/** parse.ts is being rewritten around the schema module; its example comes with that rewrite. */
const WITHOUT_EXAMPLE = new Set(["parseRateModel"]);

interface Documented {
  readonly file: string;
  readonly name: string;
  readonly examples: string[];
}

/** Each exported function or class of a file with the @example lines of the doc comment above it. */
function documented(file: string): Documented[] {
  const text = readFileSync(path.join(CORE, file), "utf8");
  const found: Documented[] = [];
  const pattern = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (?:function|class) (\w+)/g;
  for (const match of text.matchAll(pattern)) {
    const doc = match[1] ?? "";
    const examples = [...doc.matchAll(/@example (.+)$/gm)].map((m) => m[1].trim());
    found.push({ file, name: match[2], examples });
  }
  return found;
}

const scope = Object.entries(core);
const evaluate = (expression: string): unknown =>
  new Function(...scope.map(([name]) => name), `return (${expression});`)(...scope.map(([, value]) => value));

const files = readdirSync(CORE).filter((file) => file.endsWith(".ts"));
/** One entry per public name: an overloaded function's signatures share the one doc comment. */
const publicOnes = [
  ...new Map(
    files
      .flatMap(documented)
      .filter(({ name }) => typeof (core as Record<string, unknown>)[name] === "function")
      .sort((a, b) => a.examples.length - b.examples.length)
      .map((d) => [d.name, d]),
  ).values(),
];

test("every public function and class of the core has an @example", () => {
  const missing = publicOnes
    .filter(({ name, examples }) => examples.length === 0 && !WITHOUT_EXAMPLE.has(name))
    .map(({ file, name }) => `${file}: ${name}`);
  expect(missing).toEqual([]);
  // The public ones were found at all (the pattern reads the files).
  expect(publicOnes.map((d) => d.name)).toEqual(expect.arrayContaining(["computeRateModel", "excelRound"]));
});

const examples = publicOnes.flatMap(({ file, name, examples }) =>
  examples.map((example) => [`${file} ${name}: ${example}`, example] as const),
);

test.each(examples)("%s", (_title, example) => {
  const split = example.lastIndexOf(" // ");
  expect(split).toBeGreaterThan(0);
  const actual = evaluate(example.slice(0, split));
  expect(actual).toEqual(evaluate(example.slice(split + 4)));
});
