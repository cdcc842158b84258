/**
 * The keys of a rate-setting model file, declared once: the parser reads and checks them from
 * here, refuses every other key, and `case-rate compute --help` prints them from here. A later
 * field (history, hoursDistribution, risk, contract, the provider's cost figures) is added by
 * declaring it in its section below and reading it in parse.ts.
 */

/**
 * What a key holds; "object" and "list" hold the keys of `keys`, or, where it has none, names the
 * parser checks (level ids, scenario names).
 */
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

/** One row of a level's cohort table. */
export const COHORT_KEYS = [
  { key: "episodes", type: "number", required: true, doc: "cases in the cohort, a whole number, e.g. 239" },
  { key: "averageHours", type: "number", required: true, doc: "the cohort's average hours per case, e.g. 8" },
] as const satisfies Section;

/** A level's spread of hours per case: a cohort table, or a family with a coefficient of variation. */
export const HOURS_DISTRIBUTION_KEYS = [
  {
    key: "cohorts",
    type: "list",
    required: false,
    doc: "a cohort table: hours are a cohort's averageHours, with its share of episodes:",
    keys: COHORT_KEYS,
    items: "cohorts",
  },
  {
    key: "family",
    type: "text",
    required: false,
    doc: `or "gamma" or "lognormal", with the level's averageHours as mean (give cv with it)`,
  },
  {
    key: "cv",
    type: "number",
    required: false,
    doc: "the family's coefficient of variation, above 0, e.g. 0.6",
  },
] as const satisfies Section;

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
  {
    key: "hoursDistribution",
    type: "object",
    required: false,
    doc: "for risk: how hours per case spread around averageHours; none: every case at the average",
    keys: HOURS_DISTRIBUTION_KEYS,
  },
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
  {
    key: "directCostPerHour",
    type: "number",
    required: false,
    doc: "staff cost of one direct-service hour in dollars, e.g. 103.45; gives risk's provider.risk",
  },
  {
    key: "fixedCosts",
    type: "number",
    required: false,
    doc: "other staff, contractors and overhead in dollars a year; default 0",
  },
  {
    key: "otherRevenue",
    type: "number",
    required: false,
    doc: "fee-for-service, grants and other revenue in dollars a year; default 0",
  },
] as const satisfies Section;

/** The `risk` command's settings. */
export const RISK_KEYS = [
  {
    key: "frequency",
    type: "text",
    required: false,
    doc: `"poisson" (default: cases per level are Poisson) or "fixed" (exactly cases x mix, whole)`,
  },
  {
    key: "confidence",
    type: "number",
    required: false,
    doc: "the quantile the risk reserve is held at, 0.5 to below 1; default 0.95",
  },
  {
    key: "gridHours",
    type: "number",
    required: false,
    doc: "the grid step in hours of the model's ratePerHour; default 1",
  },
  {
    key: "simulationYears",
    type: "number",
    required: false,
    doc: "years simulated for the cross-check, 1 to 10000000; default 10000",
  },
  { key: "seed", type: "number", required: false, doc: "the simulation's seed, 0 to 4294967295; default 1" },
  {
    key: "scenarioWeights",
    type: "object",
    required: false,
    doc: `weight per penetrationScenarios name, summing to 1, e.g. {"Low": 0.25, "Medium": 0.5, "High": 0.25}`,
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
  {
    key: "penetrationScenarios",
    type: "object",
    required: false,
    doc: `penetration rate per scenario name, e.g. {"Low": 0.09, "Medium": 0.1, "High": 0.11}`,
  },
  {
    key: "risk",
    type: "object",
    required: false,
    doc: "settings of 'case-rate risk' (the spread of the year's cost):",
    keys: RISK_KEYS,
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
