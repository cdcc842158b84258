/**
 * Text constants as text. Excel reads a cell written through Range.formulas (and a user's retyping)
 * that starts with =, +, - or @ as a formula: a level named "=1+1" would calculate, "-Crisis" show
 * #NAME?. Both writers pass every text constant through here, so neither output runs user text.
 */

/** Text that Excel would read as a formula, kept as text by a leading space; other text unchanged. */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? ` ${value}` : value;
}
