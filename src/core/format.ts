/**
 * Formats a number for an error message: up to 4 decimals, no trailing zeros, no grouping. A
 * number those 4 decimals would show as 0 keeps 4 significant digits instead (-1e-300, not 0).
 */
export function describeNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Number(value.toFixed(4));
  return String(fixed === 0 && value !== 0 ? Number(value.toPrecision(4)) : fixed);
}

/** Formats a share for an error message: 0.97 → "97%", 0.3333 → "33.33%". */
export function describePercent(share: number): string {
  return `${describeNumber(share * 100)}%`;
}

/** Longest text a message echoes before cutting it short. */
const ECHOED_TEXT_LENGTH = 40;

/** Quotes text for a one-line message: line breaks and runs of spaces as one space, long text cut with "…". */
export function describeText(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return `"${flat.length > ECHOED_TEXT_LENGTH ? `${flat.slice(0, ECHOED_TEXT_LENGTH)}…` : flat}"`;
}
