import type { FunctionDefinition } from "./definition";
import { INFO } from "./info";
import { LOGICAL } from "./logical";
import { LOOKUP } from "./lookup";
import { MATH } from "./math";
import { STATISTICAL } from "./statistical";

/**
 * The native functions the calculation knows, by family: the starter workbook's, with Excel's
 * rules. A formula calling any other is not calculated (and says so), never guessed.
 */
export const FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = {
  ...INFO,
  ...LOGICAL,
  ...LOOKUP,
  ...MATH,
  ...STATISTICAL,
};
