/**
 * Order statistics of a level's hours per episode, as Excel computes them, so the figures match a
 * finance director's own spreadsheet of the same episodes.
 */

/**
 * Excel's PERCENTILE.INC of values sorted ascending: linear interpolation between the order
 * statistics at rank (n − 1)·p. `p` is from 0 to 1; `sorted` is non-empty.
 * @example percentileInc(Float64Array.of(1, 2, 3, 4), 0.25) // 1.75
 */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const fraction = rank - below;
  if (fraction === 0) return sorted[below];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

/**
 * Excel's STDEV.S, the sample standard deviation around `mean` (two passes, so large hours lose no
 * digits to cancellation); 0 for a single value, where STDEV.S would be #DIV/0!.
 * @example sampleStandardDeviation(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9), 5) // 2.138…
 */
export function sampleStandardDeviation(values: ArrayLike<number>, mean: number): number {
  if (values.length < 2) return 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const deviation = values[i] - mean;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / (values.length - 1));
}
