// Types for the CommonJS module beside it, so the TypeScript tests can import it.
export declare const DEV_URL: string;
export declare const DEFAULT_ADDIN_URL: string;
export declare function checkAddinUrl(url: string): string;
export declare function rewriteManifestUrls(xml: string, url: string): string;
export declare function resolveAddinUrl(env?: Record<string, string | undefined>): {
  url: string;
  isDefault: boolean;
};
