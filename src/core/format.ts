/** Formats a number for an error message: up to 4 decimals, no trailing zeros, no grouping. */
export function describeNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(4))) : String(value);
}

/** Formats a share for an error message: 0.97 → "97%", 0.3333 → "33.33%". */
export function describePercent(share: number): string {
  return `${describeNumber(share * 100)}%`;
}
