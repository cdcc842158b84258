/** The repository's root folder. */
export declare const ROOT: string;
/** The newest modification time (ms) of the files in `sources` (paths from ROOT; folders searched). */
export declare function newestSource(sources: readonly string[]): number;
