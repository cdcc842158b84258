// Types for the CommonJS module beside it, so the TypeScript tests can import it.
import type { DevHttps } from "./dev-certs";

export interface StartPlan {
  mode: "desktop" | "web";
  reason: string;
}
export declare const EXCEL_WEB_UPLOAD: string;
export declare function desktopExcel(
  platform?: string,
  env?: Record<string, string | undefined>,
  exists?: (path: string) => boolean,
): string | null;
export declare function hasDebugging(
  resolve?: (id: string, options?: { paths: string[] }) => string,
): boolean;
export declare function plan(input: {
  platform: string;
  excelPath: string | null;
  debugging: boolean;
  env?: Record<string, string | undefined>;
}): StartPlan;
export declare function webInstructions(input: {
  base: string;
  manifest: string;
  https: Pick<DevHttps, "trusted" | "problem">;
  reason: string;
}): string;
