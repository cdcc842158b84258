/** A text constant read from a formula: its value, and the index just past it. */
export interface TextConstant {
  readonly value: string;
  /** The index just past the closing quote, or the formula's length when it has none. */
  readonly end: number;
  /** False when the formula ends before the closing quote. */
  readonly closed: boolean;
}

/**
 * Reads the text constant that opens at text[at] (a '"'): "a ""quoted"" word" is a "quoted" word.
 * Returns its value and `end`, the index just past the closing quote; `closed` is false when the
 * formula ends first (`end` is then the formula's length).
 */
export function readTextConstant(text: string, at: number): TextConstant {
  let value = "";
  let i = at + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] !== '"') return { value, end: i + 1, closed: true };
      value += '"';
      i += 2;
    } else value += text[i++];
  }
  return { value, end: text.length, closed: false };
}
