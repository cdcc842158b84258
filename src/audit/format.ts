/** Numbers in the words of a finance director: $12,689.39, 1,110 cases, 37%, 80 h. */

import { decimalText } from "../core/format";

/** Grouped digits with between `min` and `max` decimals: 24030534.585 → "24,030,534.585". */
export function grouped(value: number, max: number, min = 0): string {
  return decimalText(value, { max, min });
}

/** Dollars at fixed decimals: money(12689.6, 2) → "$12,689.60"; negatives as "-$5". */
export function money(value: number, decimals: number): string {
  const text = grouped(value, decimals, decimals);
  return text.startsWith("-") ? `-$${text.slice(1)}` : `$${text}`;
}

/** A rate per hour with every decimal it carries (at least cents): "$158.61739", "$158.62". */
export function rate(value: number): string {
  return `$${grouped(value, 7, 2)}`;
}

/** A count with up to 4 decimals, none when whole: "1,110", "1,110.5". */
export function count(value: number): string {
  return grouped(value, 4);
}

/** A share as a percentage with up to 2 decimals: 0.37 → "37%", 0.095 → "9.5%". */
export function share(value: number): string {
  return `${grouped(value * 100, 2)}%`;
}

/** Hours with up to 2 decimals: "80", "30.13". */
export function hoursText(value: number): string {
  return grouped(value, 2);
}

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** A formula shortened for a sentence: "=IF(InputsComplete,F10*158,…". */
export function shortFormula(formula: string, max = 70): string {
  const text = `=${formula}`;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
