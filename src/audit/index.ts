/**
 * The audit: a workbook's formulas checked against the Case Rate Toolkit's worked example and the
 * core, with the FAST Standard's modelling checks. Pure logic: the command line and the task pane
 * read and write the workbook, this decides what to write and what the readings mean.
 */
export * from "./types";
export * from "./reference";
export * from "./fields";
export * from "./grid";
export * from "./fast";
export { auditFigures, CORE_TOLERANCE, matches } from "./figures";
export * from "./source";
export * from "./report";
export * from "./sheet";
export * from "./restore";
