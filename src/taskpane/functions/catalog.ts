/**
 * The Functions section's logic, without the DOM: the catalog the build makes from functions.json
 * (scripts/taskpane-functions.js), what each entry shows, and the formula "Insert" writes for a
 * selection. Every message is in words the user can act on.
 */
import { parseCell } from "../../workbook/a1";

export interface CatalogParameter {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
  /** Takes a range (functions.json's dimensionality "matrix"); otherwise one value. */
  readonly range: boolean;
}

export interface CatalogExample {
  readonly caption: string;
  /** As written in the JSDoc, e.g. "=VBP.CASES(30000, 10%)". */
  readonly formula: string;
  readonly result: string;
}

export interface CatalogFunction {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly helpUrl?: string;
  readonly parameters: readonly CatalogParameter[];
  readonly examples: readonly CatalogExample[];
}

export interface FunctionsCatalog {
  readonly namespace: string;
  readonly functions: readonly CatalogFunction[];
}

/** Where the build puts the catalog, beside taskpane.html. */
export const CATALOG_FILE = "taskpane-functions.json";

/** Checks the shape of a fetched catalog, so a broken build shows a message, not a blank list. */
export function asFunctionsCatalog(data: unknown): FunctionsCatalog {
  const catalog = data as FunctionsCatalog;
  const ok =
    typeof catalog === "object" &&
    catalog !== null &&
    typeof catalog.namespace === "string" &&
    Array.isArray(catalog.functions) &&
    catalog.functions.every(
      (fn) =>
        typeof fn.id === "string" &&
        typeof fn.name === "string" &&
        typeof fn.description === "string" &&
        Array.isArray(fn.parameters) &&
        Array.isArray(fn.examples),
    );
  if (!ok) throw new Error(`${CATALOG_FILE} is not a functions catalog`);
  return catalog;
}

/** What the list shows for one function. */
export interface FunctionView {
  readonly id: string;
  /** "VBP.CASERATE(average_hours, rate_per_hour, [round_to])". */
  readonly syntax: string;
  readonly description: string;
  /** The first worked example, as the formula Insert would write, and its stated result. */
  readonly example?: { readonly caption: string; readonly formula: string; readonly result: string };
  /** The reference page's anchor for this function, relative to the pane. */
  readonly reference: string;
  readonly parameters: readonly { readonly name: string; readonly text: string }[];
}

/**
 * An example formula as Excel accepts it from Range.formulas: percentages inside array constants
 * ({20%;37%}) are not valid there, so they become decimals ({0.2;0.37}). Outside arrays, 10% stays.
 */
export function excelFormula(formula: string): string {
  return formula.replace(/\{[^}]*\}/g, (array) =>
    array.replace(/(-?\d+(?:\.\d+)?)%/g, (_, number: string) =>
      String(Number((Number(number) / 100).toPrecision(15))),
    ),
  );
}

export function functionViews(catalog: FunctionsCatalog): FunctionView[] {
  return catalog.functions.map((fn) => {
    const example = fn.examples[0];
    return {
      id: fn.id,
      syntax: `${catalog.namespace}.${fn.name}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
      description: fn.description,
      ...(example
        ? {
            example: {
              caption: example.caption,
              formula: excelFormula(example.formula),
              result: example.result,
            },
          }
        : {}),
      reference: `functions-reference.html#${encodeURIComponent(fn.id)}`,
      parameters: fn.parameters.map((p) => ({
        name: p.name,
        text: `${p.optional ? "optional, " : ""}${p.range ? "a cell or range" : "one cell or value"}: ${p.description}`,
      })),
    };
  });
}

/** The user's selection in Excel: the areas selected (Ctrl+click adds one) and the active cell. */
export interface SelectionInfo {
  /** Addresses without the sheet, e.g. ["D5", "D9:G9", "H5"], in the order selected. */
  readonly areas: readonly string[];
  readonly activeCell: string;
  /** Whether the active cell holds nothing; Insert never overwrites (add-in edits can't be undone). */
  readonly activeCellEmpty: boolean;
}

export type InsertPlan =
  | { readonly ok: true; readonly formula: string; readonly target: string; readonly message: string }
  | { readonly ok: false; readonly message: string };

/** "Sheet1!D5:G5" → "D5:G5". */
export function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

function bounds(address: string) {
  const [first, last = first] = address.split(":");
  const a = parseCell(first);
  const b = parseCell(last);
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

const isSingleCell = (address: string) => {
  const b = bounds(address);
  return b.top === b.bottom && b.left === b.right;
};

function contains(area: string, cell: string): boolean {
  const b = bounds(area);
  const c = parseCell(cell);
  return c.row >= b.top && c.row <= b.bottom && c.column >= b.left && c.column <= b.right;
}

const list = (words: readonly string[]) =>
  words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;

const HOW_TO_SELECT =
  "Select one cell or range per argument (Ctrl+click adds the next), then Ctrl+click the empty cell for the formula.";

/**
 * The formula Insert writes into the active cell. The selected areas, other than the active cell's
 * own, become the arguments in order where they fit (a range only where the argument takes one).
 * With nothing but the active cell selected, it writes the function's worked example.
 */
export function planInsert(fn: CatalogFunction, namespace: string, selection: SelectionInfo): InsertPlan {
  const target = withoutSheet(selection.activeCell);
  const call = `${namespace}.${fn.name}`;
  if (!selection.activeCellEmpty) {
    return {
      ok: false,
      message: `${target} is not empty. Choose an empty cell for ${call}: Insert never overwrites a cell, because an add-in's changes can't be undone.`,
    };
  }
  const areas = selection.areas.map(withoutSheet);
  // The active cell alone in the last area is where the formula goes, not an argument.
  const last = areas[areas.length - 1];
  const args =
    last !== undefined && isSingleCell(last) && contains(last, target) ? areas.slice(0, -1) : areas;
  if (args.length === 0) {
    const example = fn.examples[0];
    if (!example) return { ok: false, message: `${call} has no worked example to insert. ${HOW_TO_SELECT}` };
    const formula = excelFormula(example.formula);
    return {
      ok: true,
      formula,
      target,
      message: `Put the worked example ${formula} in ${target}. To use your own cells: ${HOW_TO_SELECT}`,
    };
  }
  const circular = args.find((area) => contains(area, target));
  if (circular) {
    return {
      ok: false,
      message: `The formula would go in ${target}, which is inside ${circular}, one of its own arguments. ${HOW_TO_SELECT}`,
    };
  }
  const required = fn.parameters.filter((p) => !p.optional);
  if (args.length > fn.parameters.length) {
    return {
      ok: false,
      message: `${call} takes at most ${fn.parameters.length} argument${fn.parameters.length === 1 ? "" : "s"} (${list(fn.parameters.map((p) => p.name))}); you selected ${args.length} ranges besides ${target}. ${HOW_TO_SELECT}`,
    };
  }
  if (args.length < required.length) {
    const missing = required.slice(args.length).map((p) => p.name);
    return {
      ok: false,
      message: `${call} also needs ${list(missing)}: you selected ${args.length} of its ${required.length} required arguments. ${HOW_TO_SELECT}`,
    };
  }
  for (let i = 0; i < args.length; i++) {
    const parameter = fn.parameters[i];
    if (!parameter.range && !isSingleCell(args[i])) {
      return {
        ok: false,
        message: `${parameter.name} takes one cell, but ${args[i]} is a range. ${HOW_TO_SELECT}`,
      };
    }
  }
  const formula = `=${call}(${args.join(",")})`;
  return { ok: true, formula, target, message: `Put ${formula} in ${target}.` };
}
