// Types for the CommonJS module beside it, so the TypeScript tests can import it.
export declare const SIZES: number[];
export declare function draw(size: number): Buffer;
export declare function encodePng(width: number, height: number, rgba: Buffer): Buffer;
