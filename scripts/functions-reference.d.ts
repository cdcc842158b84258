// Types for the CommonJS module beside it, so the TypeScript tests can import it.
import type { ReferenceFunction } from "../test/functions/examples";

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: {
    name: string;
    description?: string;
    type?: string;
    dimensionality?: string;
    optional?: boolean;
  }[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export interface Reference {
  namespace: string;
  metadata: { functions: FunctionMetadata[] };
  functions: (FunctionMetadata & ReferenceFunction & { returns: string })[];
  /** Which exported JavaScript function implements each id. */
  associate: { functionName: string; id: string }[];
}

export declare const FUNCTIONS_TS: string;
export declare const MARKDOWN: string;
export declare const PAGE: string;
export declare function readReference(options?: { input?: string; manifest?: string }): Promise<Reference>;
export declare function readNamespace(manifestPath?: string): string;
export declare function renderHtml(reference: Reference): string;
export declare function renderMarkdown(reference: Reference): string;
export declare function parseFormula(text: string): unknown;
export declare function parseConstant(text: string): unknown;
export declare class FunctionsReferencePlugin {
  constructor(options?: { input?: string; manifest?: string; output?: string; addinUrl?: string | null });
  apply(compiler: unknown): void;
}
