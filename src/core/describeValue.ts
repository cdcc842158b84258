/** Longest text a message echoes whole; a longer one is cut, and its length given. */
export const MAX_ECHOED_TEXT = 40;

/** A count with thousands separators, e.g. 2000000 → "2,000,000" (no locale data needed). */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1 key", "12 keys": a count and its noun. */
function counted(count: number, one: string, many: string): string {
  return `${grouped(count)} ${count === 1 ? one : many}`;
}

/** A text cut after MAX_ECHOED_TEXT characters (with "…"), line breaks and control characters escaped. */
export function cutText(text: string): string {
  const cut = text.length <= MAX_ECHOED_TEXT ? text : `${text.slice(0, MAX_ECHOED_TEXT)}…`;
  return JSON.stringify(cut).slice(1, -1);
}

/** A text as a message quotes it: in double quotes, cut after MAX_ECHOED_TEXT characters. */
export function quoteText(text: string): string {
  if (text.length <= MAX_ECHOED_TEXT) return JSON.stringify(text);
  return `"${cutText(text)}" (a text of ${counted(text.length, "character", "characters")})`;
}

/** What every item of a list is ("numbers", "texts"…), for "a list of 2,000,000 numbers". */
function itemsNoun(items: readonly unknown[]): [string, string] {
  const kindOf = (item: unknown) =>
    Array.isArray(item) ? "list" : item === null ? "null" : typeof item === "object" ? "object" : typeof item;
  const kind = items.length === 0 ? "value" : kindOf(items[0]);
  if (!items.every((item) => kindOf(item) === kind)) return ["value", "values"];
  if (kind === "number") return ["number", "numbers"];
  if (kind === "string") return ["text", "texts"];
  if (kind === "list") return ["list", "lists"];
  if (kind === "object") return ["object", "objects"];
  return ["value", "values"];
}

/**
 * A short JSON rendering of a small list or object, or undefined when it would exceed
 * MAX_ECHOED_TEXT: the walk stops at the budget, so a huge or deeply nested value costs little.
 */
function shortJson(value: unknown, budget: number): string | undefined {
  if (budget <= 0) return undefined;
  if (typeof value !== "object" || value === null) {
    const text = typeof value === "string" ? quoteText(value) : String(value);
    return text.length <= budget ? text : undefined;
  }
  const keys = Array.isArray(value) ? undefined : Object.keys(value);
  const count = keys === undefined ? (value as unknown[]).length : keys.length;
  const [open, close] = keys === undefined ? ["[", "]"] : ["{", "}"];
  let text = open;
  // Item by item, stopping at the budget: a list of 2,000,000 is never copied.
  for (let i = 0; i < count; i++) {
    if (text.length + 1 > budget) return undefined;
    const key = keys?.[i];
    const item = key === undefined ? (value as unknown[])[i] : (value as Record<string, unknown>)[key];
    const prefix = `${i === 0 ? "" : ","}${key === undefined ? "" : `${JSON.stringify(key)}:`}`;
    const rendered = shortJson(item, budget - text.length - prefix.length - 1);
    if (rendered === undefined) return undefined;
    text += prefix + rendered;
  }
  text += close;
  return text.length <= budget ? text : undefined;
}

/**
 * A JSON value as an error message shows it: small values as JSON, long texts cut, and large lists
 * or objects described ("a list of 2,000,000 numbers", "an object with 12 keys"), so a message
 * stays one short line whatever the file holds.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return quoteText(value);
  const short = shortJson(value, MAX_ECHOED_TEXT);
  if (short !== undefined) return short;
  if (Array.isArray(value)) {
    const [one, many] = itemsNoun(value);
    return `a list of ${counted(value.length, one, many)}`;
  }
  if (typeof value === "object" && value !== null)
    return `an object with ${counted(Object.keys(value).length, "key", "keys")}`;
  return String(value);
}
