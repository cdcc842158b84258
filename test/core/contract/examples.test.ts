/**
 * The `@example` lines of src/core/contract's doc comments hold (as test/core/examples.test.ts for
 * the core's top folder): every exported function and class has one; numbers agree to 1e-9.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as contract from "../../../src/core/contract";

const FOLDER = path.join(__dirname, "../../../src/core/contract");
/** Adapters from a parsed model and parsers of whole sections: tested on models in their own suites. */
const WITHOUT_EXAMPLE = new Set([
  "contractPricingInputOfModel",
  "parseContract",
  "parseActuals",
  "priceContract",
]);

const documented = readdirSync(FOLDER)
  .filter((file) => file.endsWith(".ts"))
  .flatMap((file) => {
    const text = readFileSync(path.join(FOLDER, file), "utf8");
    const pattern = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (?:function|class) (\w+)/g;
    return [...text.matchAll(pattern)].map((match) => ({
      file,
      name: match[2],
      examples: [...(match[1] ?? "").matchAll(/@example (.+)$/gm)].map((m) => m[1].trim()),
    }));
  });

const scope = Object.entries(contract);
const evaluate = (expression: string): unknown =>
  new Function(...scope.map(([name]) => name), `return (${expression});`)(...scope.map(([, value]) => value));

test("every exported function and class of the contract core has an @example", () => {
  const missing = documented
    .filter(({ name, examples }) => examples.length === 0 && !WITHOUT_EXAMPLE.has(name))
    .map(({ file, name }) => `${file}: ${name}`);
  expect(missing).toEqual([]);
  expect(documented.map((d) => d.name)).toEqual(expect.arrayContaining(["settle", "corridorAdjustment"]));
});

test.each(
  documented.flatMap(({ file, name, examples }) => examples.map((e) => [`${file} ${name}: ${e}`, e])),
)("%s", (_title, example) => {
  const split = example.lastIndexOf(" // ");
  expect(split).toBeGreaterThan(0);
  const actual = evaluate(example.slice(0, split));
  const expected = evaluate(example.slice(split + 4));
  if (typeof expected === "number") expect(actual).toBeCloseTo(expected, 9);
  else expect(actual).toEqual(expected);
});
