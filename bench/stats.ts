/** Percentile with linear interpolation between the closest ranks (numpy's default); p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function summary(values: readonly number[]): { p50: number; p95: number; p99: number; mean: number; max: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  return {
    p50: round2(percentile(values, 50)),
    p95: round2(percentile(values, 95)),
    p99: round2(percentile(values, 99)),
    mean: round2(mean),
    max: round2(Math.max(...values)),
  };
}
