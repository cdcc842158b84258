/** The calculation core: the Case Rate Toolkit's arithmetic, pure and validated. */
export * from "./errors";
export * from "./fields";
export * from "./round";
export * from "./penetration";
export * from "./caseMix";
export * from "./utilization";
export * from "./costPerHour";
export * from "./caseRate";
export * from "./budget";
export * from "./pmpm";
export * from "./impliedRate";
export * from "./staffing";
export * from "./provider";
export * from "./printedRounding";
export * from "./model";
export * from "./parse";
export { CASE_MIX_TOLERANCE, MAX_ROUNDING_DIGITS, requireDecimals, requireNumber } from "./validate";
