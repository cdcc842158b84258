// Types for the CommonJS module beside it, so the TypeScript tests can import it.
export interface DevHttps {
  options: { ca?: Buffer; cert: Buffer; key: Buffer };
  trusted: boolean;
  problem?: string;
  reported?: boolean;
}
export declare function devHttpsOptions(inject?: {
  certs?: {
    getHttpsServerOptions(): Promise<{ ca?: Buffer; cert: Buffer; key: Buffer }>;
    generateCertificates(ca?: string, cert?: string, key?: string): Promise<void>;
  };
  defaults?: { caCertificatePath: string; localhostCertificatePath: string; localhostKeyPath: string };
  platform?: string;
  root?: boolean;
  exec?: (command: string) => unknown;
  exists?: (path: string) => boolean;
}): Promise<DevHttps>;
export declare function rootTrustCommand(
  caCertificatePath: string,
  exists?: (path: string) => boolean,
): string | null;
export declare function trustHelp(platform?: string, rootCommand?: string | null): string;
