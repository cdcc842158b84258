/**
 * The keys of a rate-setting model file, declared once: the parser reads and checks them from
 * here, refuses every other key, and `case-rate compute --help` prints them from here. A later
 * field (history, hoursDistribution, risk, contract, the provider's cost figures) is added by
 * declaring it in its section below and reading it in parse.ts.
 */

/** What a key holds; "object" and "list" hold the keys of `keys`, or ids of levels where it has none. */
export type KeyType = "number" | "text" | "list" | "object";

/** One key of a section: its type, whether it must be there, and a line of documentation. */
export interface KeySpec {
  readonly key: string;
  readonly type: KeyType;
  readonly required: boolean;
  /** One line for --help: what the figure is, its units, an example. */
  readonly doc: string;
  /** The keys of this object, or of each item of this list; absent for an object keyed by level id. */
  readonly keys?: Section;
  /** What a list holds, for "levels must be a list of levels of care". */
  readonly items?: string;
}

/** The keys an object of the model may have, in the order --help lists them. */
export type Section = readonly KeySpec[];

/** Longest level id: ids are echoed in messages and labels, so they stay short. */
export const MAX_LEVEL_ID_LENGTH = 40;

export const LEVEL_KEYS = [
  {
    key: "id",
    type: "text",
    required: true,
    doc: `short unique id, e.g. "A" (up to ${MAX_LEVEL_ID_LENGTH} characters)`,
  },
  { key: "name", type: "text", required: false, doc: "description; the id when left out" },
  {
    key: "caseMix",
    type: "number",
    required: true,
    doc: "share of cases at this level, 0-1; the shares sum to 1",
  },
  { key: "averageHours", type: "number", required: true, doc: "average service hours per episode" },
  { key: "ratePerHour", type: "number", required: false, doc: "this level's own dollars per hour" },
] as const satisfies Section;

export const PROVIDER_KEYS = [
  { key: "consumers", type: "number", required: true, doc: "consumers served a year, e.g. 1000" },
  {
    key: "directHoursPerFte",
    type: "number",
    required: true,
    doc: "direct-service hours one FTE delivers a year",
  },
  {
    key: "caseMix",
    type: "object",
    required: false,
    doc: `share per level id, e.g. {"A": 0.2, ...}; default the model's`,
  },
] as const satisfies Section;

export const MODEL_KEYS = [
  {
    key: "about",
    type: "text",
    required: false,
    doc: "a note on where the figures come from; not computed",
  },
  { key: "enrollees", type: "number", required: true, doc: "members covered, e.g. 30000" },
  {
    key: "penetrationRate",
    type: "number",
    required: true,
    doc: "share of enrollees expected to need care, 0-1 (0.10 = 10%)",
  },
  { key: "ratePerHour", type: "number", required: true, doc: "dollars per service hour, e.g. 158.62" },
  {
    key: "levels",
    type: "list",
    required: true,
    doc: "one per level of care:",
    keys: LEVEL_KEYS,
    items: "levels of care",
  },
  {
    key: "provider",
    type: "object",
    required: false,
    doc: "a provider serving consumers at these case rates",
    keys: PROVIDER_KEYS,
  },
] as const satisfies Section;

/** The TypeScript type a key of the given type is read as; a list's items are read by the parser. */
type ValueOf<T extends KeyType> = T extends "number"
  ? number
  : T extends "text"
    ? string
    : T extends "list"
      ? readonly unknown[]
      : Readonly<Record<string, unknown>>;

/** A section's values as read: a required key's value, an optional key's value or undefined. */
export type SectionValues<S extends Section> = {
  readonly [K in S[number] as K["key"]]: K["required"] extends true
    ? ValueOf<K["type"]>
    : ValueOf<K["type"]> | undefined;
};
