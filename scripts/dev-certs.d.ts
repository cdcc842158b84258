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
}): Promise<DevHttps>;
export declare function trustHelp(platform?: string): string;
