/**
 * The inputs the core's messages name, by a stable id. A message names each input through a
 * FieldRef, so an adapter can put its own name in (Excel's argument, a JSON key, a pane field)
 * without reading the English text.
 */

/** Each input's id (the core's parameter or property name) and its name in the core's words. */
export const FIELD_LABELS = {
  enrollees: "enrollees",
  penetrationRate: "penetration rate",
  totalCases: "total cases",
  caseMix: "case mix",
  averageHours: "average hours",
  ratePerHour: "rate per hour",
  caseRate: "case rate",
  cases: "cases",
  budget: "budget",
  months: "months",
  totalBudget: "total budget",
  directHoursPerFte: "direct hours per FTE",
  clients: "clients",
  serviceHours: "service hours",
  clinicianMix: "clinician mix",
  costPerHour: "cost per hour",
  hours: "hours",
  low: "low",
  high: "high",
  consumers: "consumers",
  paidHoursPerFte: "paid hours per FTE",
  timeOffAndTrainingHours: "time off and training hours",
  productivity: "productivity",
  noShowRate: "no-show rate",
  fteOnPayroll: "FTEs on payroll",
  directSalaryPerFte: "salary per FTE",
  benefitsPct: "benefits",
  payrollTaxPct: "payroll taxes",
  otherStaffSalaries: "other staff salaries",
  contractorFees: "contractor fees",
  overhead: "overhead",
  otherRevenue: "other revenue",
  printedFigures: "printed figures",
  printed: "printed figure",
  multiplier: "multiplier",
  /** The model's levels of care, as a list; an entry is one level. */
  levels: "levels of care",
  scenario: "scenario",
  /** The provider section's own case mix, kept apart from the payor's (`caseMix`). */
  providerCaseMix: "provider case mix",
  /** The model's contract section as a whole (its arrangement, terms refused together). */
  contract: "contract",
  outlier: "outlier term",
  corridors: "corridor bands",
  corridorTarget: "corridor target",
  stopLoss: "stop-loss",
  stopGain: "stop-gain",
  withhold: "withhold",
  qualityBonus: "quality bonus",
  /** A quality measure of a withhold, a bonus or a quality gate, or its value for the year. */
  measures: "measures",
  sharedSavings: "shared savings",
  feeForService: "fee-for-service",
  /** A closed case of the year being settled. */
  actualCases: "cases",
  episodes: "episodes",
  confidence: "confidence",
} as const;

/** The id of an input the core names in its messages. */
export type FieldId = keyof typeof FIELD_LABELS;

/** One input as a message names it: its id, its name in the core's words, and which entry of a list. */
export interface FieldRef {
  readonly id: FieldId;
  /** The input in the core's words: "case mix", or "case rates" for the list as a whole. */
  readonly label: string;
  /** The entry of a list the message is about: its 0-based index and how the core says which ("for level B"). */
  readonly entry?: { readonly index: number; readonly says: string };
}

/** A field as a message takes it: a FieldRef, or a name already in the caller's words ("levels[2].caseMix"). */
export type Field = string | FieldRef;

/**
 * The input `id`, named by its label unless the message words it otherwise.
 * @example field("caseMix") // { id: "caseMix", label: "case mix" }
 */
export function field(id: FieldId, label: string = FIELD_LABELS[id]): FieldRef {
  return { id, label };
}

/**
 * One entry of a list field; `says` tells which in the core's words. A name given as text gets
 * the words appended.
 * @example entryOf(field("caseMix"), 1, "for level B") // { id: "caseMix", label: "case mix", entry: { index: 1, says: "for level B" } }
 */
export function entryOf(list: FieldRef, index: number, says: string): FieldRef;
export function entryOf(list: Field, index: number, says: string): Field;
export function entryOf(list: Field, index: number, says: string): Field {
  return typeof list === "string"
    ? `${list} ${says}`
    : { id: list.id, label: list.label, entry: { index, says } };
}

/**
 * A field in the core's words: "case mix for level B".
 * @example labelOf(entryOf(field("cases"), 1, "of level 2")) // "cases of level 2"
 */
export function labelOf(named: Field): string {
  if (typeof named === "string") return named;
  return named.entry ? `${named.label} ${named.entry.says}` : named.label;
}
