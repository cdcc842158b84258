// Types for the CommonJS module beside it, so the TypeScript tests can import it.
export declare const DEFAULT_ADDIN_URL: string;
export declare function checkAddinUrl(url: string): string;
export declare function isLoopbackOrUnspecified(hostname: string): boolean;
export declare function resolveAddinUrl(env?: Record<string, string | undefined>): {
  url: string;
  isDefault: boolean;
};
