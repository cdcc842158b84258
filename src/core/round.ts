/**
 * Excel's ROUND: half away from zero at `digits` decimals (negative digits round left of the point).
 * Like Excel it first trims the binary noise below 15 significant digits, so ROUND(1.005, 2) = 1.01
 * although 1.005 is stored as 1.00499999999999989…
 */
export function excelRound(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isInteger(digits)) digits = Math.trunc(digits);
  const significant = Number(Math.abs(value).toPrecision(15));
  const scale = 10 ** Math.abs(digits);
  const scaled = digits >= 0 ? significant * scale : significant / scale;
  const roundedScaled = Math.floor(Number(scaled.toPrecision(15)) + 0.5);
  const magnitude = digits >= 0 ? roundedScaled / scale : roundedScaled * scale;
  return Math.sign(value) * magnitude + 0; // + 0 turns -0 into 0, as Excel has no negative zero
}
