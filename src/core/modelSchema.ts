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
  {
    key: "minHours",
    type: "number",
    required: false,
    doc: "fewest hours of an episode in the history (a record, not computed)",
  },
  {
    key: "maxHours",
    type: "number",
    required: false,
    doc: "most hours of an episode in the history (a record, not computed)",
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

/** One row of a level's cohort table in the history: the toolkit's Level B table. */
export const HISTORY_COHORT_KEYS = [
  { key: "fromHours", type: "number", required: true, doc: "smallest episode hours in the cohort, e.g. 4" },
  { key: "toHours", type: "number", required: true, doc: "largest episode hours in the cohort, e.g. 10" },
  { key: "episodes", type: "number", required: true, doc: "episodes in the cohort, e.g. 239" },
  { key: "averageHours", type: "number", required: true, doc: "the cohort's mean hours per episode, e.g. 8" },
] as const satisfies Section;

/** A level's statistics of hours per episode, as the history found them. */
export const HISTORY_LEVEL_KEYS = [
  { key: "id", type: "text", required: true, doc: "the level of care id, as in the extract" },
  { key: "episodes", type: "number", required: true, doc: "episodes at the level" },
  { key: "clients", type: "number", required: true, doc: "clients with an episode at the level" },
  { key: "hours", type: "number", required: true, doc: "hours of all its episodes" },
  { key: "averageHours", type: "number", required: true, doc: "mean hours per episode" },
  { key: "medianHours", type: "number", required: true, doc: "median hours per episode" },
  { key: "p10Hours", type: "number", required: true, doc: "10th percentile of hours (as PERCENTILE.INC)" },
  { key: "p25Hours", type: "number", required: true, doc: "25th percentile of hours (as PERCENTILE.INC)" },
  { key: "p75Hours", type: "number", required: true, doc: "75th percentile of hours (as PERCENTILE.INC)" },
  { key: "p90Hours", type: "number", required: true, doc: "90th percentile of hours (as PERCENTILE.INC)" },
  {
    key: "sdHours",
    type: "number",
    required: true,
    doc: "standard deviation of hours (as STDEV.S; 0 for one)",
  },
  { key: "minHours", type: "number", required: true, doc: "fewest hours of an episode" },
  { key: "maxHours", type: "number", required: true, doc: "most hours of an episode" },
  {
    key: "ratePerHour",
    type: "number",
    required: false,
    doc: "the level's dollars paid / hours; with an amount column",
  },
  {
    key: "cohorts",
    type: "list",
    required: true,
    doc: "episodes grouped by hours (cut points given, or the level's quartiles):",
    keys: HISTORY_COHORT_KEYS,
    items: "cohorts",
  },
] as const satisfies Section;

/** A count of rejected rows of the extract, by reason. */
export const HISTORY_REJECTED_KEYS = [
  { key: "reason", type: "text", required: true, doc: "why the rows were not used" },
  { key: "count", type: "number", required: true, doc: "rows rejected for it" },
  { key: "firstLine", type: "number", required: true, doc: "the first such line (the header is line 1)" },
] as const satisfies Section;

/** A service code's figures (the toolkit's step 6 table). */
export const HISTORY_SERVICE_KEYS = [
  { key: "code", type: "text", required: true, doc: "the service code, e.g. H0036" },
  { key: "rows", type: "number", required: true, doc: "services with the code" },
  { key: "hours", type: "number", required: true, doc: "their hours" },
  { key: "amount", type: "number", required: false, doc: "their dollars paid; with an amount column" },
  { key: "ratePerHour", type: "number", required: false, doc: "amount / hours; with an amount column" },
  {
    key: "clinicianMix",
    type: "object",
    required: false,
    doc: `share of the code's hours per clinician type, e.g. {"Prescriber": 0.35, "Masters": 0.65}`,
  },
] as const satisfies Section;

/** What `case-rate history` found in the encounter data: a record beside the model, not computed. */
export const HISTORY_KEYS = [
  { key: "rows", type: "number", required: false, doc: "data rows read from the extract" },
  { key: "validRows", type: "number", required: false, doc: "rows used" },
  {
    key: "rejected",
    type: "list",
    required: false,
    doc: "rows not used, by reason:",
    keys: HISTORY_REJECTED_KEYS,
    items: "rejected row counts",
  },
  { key: "clients", type: "number", required: true, doc: "clients with at least one episode" },
  { key: "episodes", type: "number", required: true, doc: "episodes (the toolkit's cases)" },
  { key: "gapDays", type: "number", required: false, doc: "the longest gap in days within a run" },
  { key: "episodeDays", type: "number", required: false, doc: "the days a run is cut into episodes of" },
  {
    key: "duplicateRows",
    type: "number",
    required: false,
    doc: "rows identical to an earlier row in every column read: possible duplicates, counted, still used",
  },
  {
    key: "clientsWithOverlappingLevels",
    type: "number",
    required: false,
    doc: "clients with episodes at two levels at once (first to last service)",
  },
  {
    key: "levels",
    type: "list",
    required: true,
    doc: "hours per episode by level, sorted by id:",
    keys: HISTORY_LEVEL_KEYS,
    items: "levels",
  },
  {
    key: "services",
    type: "list",
    required: false,
    doc: "the service codes, sorted by code:",
    keys: HISTORY_SERVICE_KEYS,
    items: "service codes",
  },
] as const satisfies Section;

/** One band of a corridor: the payor's share of the result up to `upTo` (the last band has none). */
export const CORRIDOR_BAND_KEYS = [
  {
    key: "upTo",
    type: "number",
    required: false,
    doc: "the band's end, a share of P; not on the last",
  },
  { key: "payorShare", type: "number", required: true, doc: "the payor's share inside the band, 0-1" },
] as const satisfies Section;

/** One step of a measure's ladder: its threshold (atLeast or atMost, as the measure) and what it earns. */
export const LADDER_STEP_KEYS = [
  {
    key: "atLeast",
    type: "number",
    required: false,
    doc: "met when the value is at least this (atLeast measures)",
  },
  {
    key: "atMost",
    type: "number",
    required: false,
    doc: "met when the value is at most this (atMost measures)",
  },
  {
    key: "earn",
    type: "number",
    required: true,
    doc: "the share earned when this is the best step met, 0-1",
  },
] as const satisfies Section;

/** A measure's scoring when it is not "gate": a ladder of steps. */
export const SCORING_KEYS = [
  { key: "ladder", type: "list", required: true, doc: "the steps:", keys: LADDER_STEP_KEYS, items: "steps" },
] as const satisfies Section;

/** A quality measure a withhold or a bonus is earned by. */
export const MEASURE_KEYS = [
  { key: "id", type: "text", required: true, doc: `the measure's id, e.g. "followUp7Day"` },
  { key: "weight", type: "number", required: true, doc: "its weight, 0-1; a list's weights sum to 1" },
  { key: "target", type: "number", required: true, doc: "its target, e.g. 0.75 (75%)" },
  { key: "direction", type: "text", required: true, doc: `"atLeast" (higher is better) or "atMost"` },
  {
    key: "scoring",
    type: "text",
    required: false,
    doc: `"gate" (default: 1 if met, else 0) or a ladder:`,
    keys: SCORING_KEYS,
  },
] as const satisfies Section;

/** A measure of a shared-savings quality gate: met or not, so it has no weight. */
export const GATE_MEASURE_KEYS = [
  { key: "id", type: "text", required: true, doc: `the measure's id, e.g. "withinRange"` },
  { key: "target", type: "number", required: true, doc: "its target" },
  { key: "direction", type: "text", required: true, doc: `"atLeast" or "atMost"` },
] as const satisfies Section;

export const OUTLIER_KEYS = [
  {
    key: "thresholdMultiple",
    type: "number",
    required: false,
    doc: "threshold = this x the level's case rate, e.g. 2",
  },
  {
    key: "thresholdCost",
    type: "number",
    required: false,
    doc: `or in dollars, one or per level id: {"A": 4000, ...}`,
  },
  {
    key: "payorShare",
    type: "number",
    required: true,
    doc: "payor's share of a case's cost above it, 0-1, e.g. 0.8",
  },
] as const satisfies Section;

export const WITHHOLD_KEYS = [
  {
    key: "percent",
    type: "number",
    required: true,
    doc: "share of case-rate payments withheld, 0-1, e.g. 0.02",
  },
  {
    key: "measures",
    type: "list",
    required: true,
    doc: "earned back by:",
    keys: MEASURE_KEYS,
    items: "measures",
  },
] as const satisfies Section;

export const QUALITY_BONUS_KEYS = [
  { key: "pool", type: "number", required: false, doc: "the bonus pool in dollars" },
  {
    key: "poolPercent",
    type: "number",
    required: false,
    doc: "or the pool as a share of case-rate payments, 0-1",
  },
  {
    key: "measures",
    type: "list",
    required: true,
    doc: "paid out by:",
    keys: MEASURE_KEYS,
    items: "measures",
  },
] as const satisfies Section;

export const SHARED_SAVINGS_KEYS = [
  {
    key: "benchmark",
    type: "number",
    required: false,
    doc: "dollars; default the cases' case rates summed",
  },
  {
    key: "minimumSavingsRate",
    type: "number",
    required: false,
    doc: "savings below this share of it earn nothing; default 0",
  },
  {
    key: "sharingRate",
    type: "number",
    required: true,
    doc: "the provider's share of savings, 0-1, e.g. 0.5",
  },
  {
    key: "cap",
    type: "number",
    required: false,
    doc: "most it earns, a share of the benchmark; default none",
  },
  {
    key: "qualityGate",
    type: "list",
    required: false,
    doc: "measures that must all be met for savings to be shared:",
    keys: GATE_MEASURE_KEYS,
    items: "measures",
  },
  {
    key: "minimumLossRate",
    type: "number",
    required: false,
    doc: "losses below this share of it cost nothing; default 0",
  },
  {
    key: "lossSharingRate",
    type: "number",
    required: false,
    doc: "the provider's share of a loss, 0-1 (two-sided)",
  },
  {
    key: "lossCap",
    type: "number",
    required: false,
    doc: "most it pays, a share of the benchmark",
  },
] as const satisfies Section;

/** One billing code of a fee schedule. */
export const FEE_SERVICE_KEYS = [
  { key: "code", type: "text", required: true, doc: `the billing code, e.g. "90834"` },
  { key: "billedPerHour", type: "number", required: true, doc: "dollars billed per hour, e.g. 151.25" },
  { key: "hoursShare", type: "number", required: true, doc: "its share of hours, 0-1; the shares sum to 1" },
] as const satisfies Section;

export const FEE_FOR_SERVICE_KEYS = [
  { key: "ratePerHour", type: "number", required: false, doc: "fee-for-service dollars per hour, e.g. 150" },
  {
    key: "services",
    type: "list",
    required: false,
    doc: "or a fee schedule by code:",
    keys: FEE_SERVICE_KEYS,
    items: "services",
  },
  {
    key: "billableShare",
    type: "number",
    required: false,
    doc: "share of hours fee-for-service pays for; default 1",
  },
] as const satisfies Section;

/** The `contract` command's terms: what moves money after the year (README: "Contract terms"). */
export const CONTRACT_KEYS = [
  { key: "about", type: "text", required: false, doc: "where the terms come from (illustrative or signed)" },
  {
    key: "arrangement",
    type: "text",
    required: false,
    doc: `"caseRate" (default) or "sharedSavings"`,
  },
  { key: "outlier", type: "object", required: false, doc: "per-case outlier payments:", keys: OUTLIER_KEYS },
  {
    key: "corridors",
    type: "list",
    required: false,
    doc: "bands on (cost - corridorTarget x P) / P:",
    keys: CORRIDOR_BAND_KEYS,
    items: "bands",
  },
  {
    key: "gainCorridors",
    type: "list",
    required: false,
    doc: "bands for a gain, when they differ from corridors':",
    keys: CORRIDOR_BAND_KEYS,
    items: "bands",
  },
  {
    key: "corridorTarget",
    type: "number",
    required: false,
    doc: "cost / P at which corridors move nothing; default 1",
  },
  {
    key: "stopLoss",
    type: "number",
    required: false,
    doc: "loss after corridors capped at this share of P",
  },
  {
    key: "stopGain",
    type: "number",
    required: false,
    doc: "gain after corridors capped at this share of P",
  },
  {
    key: "withhold",
    type: "object",
    required: false,
    doc: "a withhold earned back by measures:",
    keys: WITHHOLD_KEYS,
  },
  {
    key: "qualityBonus",
    type: "object",
    required: false,
    doc: "a bonus pool paid out by measures:",
    keys: QUALITY_BONUS_KEYS,
  },
  {
    key: "sharedSavings",
    type: "object",
    required: false,
    doc: "savings (or losses) against a benchmark, shared:",
    keys: SHARED_SAVINGS_KEYS,
  },
  {
    key: "feeForService",
    type: "object",
    required: false,
    doc: "the comparison with fee-for-service:",
    keys: FEE_FOR_SERVICE_KEYS,
  },
  {
    key: "expectedMeasures",
    type: "object",
    required: false,
    doc: `value by id when pricing; default each target`,
  },
  {
    key: "costPerHour",
    type: "number",
    required: false,
    // Else each level's ratePerHour (README: "contract.costPerHour"); the line fits 100 columns.
    doc: "cost of an hour when pricing; default directCostPerHour",
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
  {
    key: "history",
    type: "object",
    required: false,
    doc: "what 'case-rate history' found in the encounter data (a record, not computed):",
    keys: HISTORY_KEYS,
  },
  {
    key: "contract",
    type: "object",
    required: false,
    doc: "the terms 'case-rate contract' prices and settles:",
    keys: CONTRACT_KEYS,
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
