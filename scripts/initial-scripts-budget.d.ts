// Types for the CommonJS module beside it, so the TypeScript tests can import it.
export declare const DEFAULT_LIMIT: number;
export declare function scriptsOf(html: string): string[];
export declare class InitialScriptsBudget {
  constructor(options?: { page?: string; limit?: number; ignore?: RegExp });
  apply(compiler: unknown): void;
}
