// Types for the CommonJS module beside it, so the TypeScript sources and tests can import it.

/** A text constant read from a formula: its value, and the index just past it. */
export interface TextConstant {
  readonly value: string;
  /** The index just past the closing quote, or the formula's length when it has none. */
  readonly end: number;
  /** False when the formula ends before the closing quote. */
  readonly closed: boolean;
}

export declare function readTextConstant(text: string, at: number): TextConstant;
