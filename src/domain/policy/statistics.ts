/** Descriptive statistics for policy figures. */

/** The q-quantile (0–1) with linear interpolation between the two nearest ranks (Excel's PERCENTILE.INC). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  if (q < 0 || q > 1) throw new Error(`quantile ${q} outside 0–1`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('mean of no values');
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Rounded to one decimal, as the figures are shown; avoids -0. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10 + 0;
}

/** Rounded to two decimals: lead times in days, where 0.04 is an hour. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

/** A share as a percentage with one decimal; null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? round1((100 * part) / whole) : null;
}
