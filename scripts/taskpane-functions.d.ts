// Types for the CommonJS module beside it, so the TypeScript tests can import it.
import type { FunctionsCatalog } from "../src/taskpane/functions/catalog";
import type { Reference } from "./functions-reference";

export declare const OUTPUT: string;
export declare function functionsCatalog(
  functionsJson: string | object,
  reference: Reference,
): FunctionsCatalog;
export declare class TaskpaneFunctionsPlugin {
  constructor(options?: { input?: string; output?: string });
  apply(compiler: unknown): void;
}
