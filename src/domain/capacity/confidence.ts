/**
 * Confidence intervals for simulation output: Student's t over independent replications. The quantile is computed,
 * not looked up, so any number of replications and any level works.
 */

export interface Estimate {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** Half the interval's width: mean ± halfWidth. */
  readonly halfWidth: number;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const aa of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t (0.5 < p < 1), by bisection on the distribution function. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1)) throw new RangeError(`p must lie between 0.5 and 1, not ${p}`);
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be at least 1, not ${df}`);
  let [low, high] = [0, 1];
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** Mean and t-interval of independent observations (one per replication). */
export function meanInterval(values: readonly number[], level: number): Estimate {
  if (values.length === 0) throw new RangeError('no observations');
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n === 1) return { mean, low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY, halfWidth: Number.POSITIVE_INFINITY };
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const halfWidth = studentTQuantile((1 + level) / 2, n - 1) * Math.sqrt(variance / n);
  return { mean, low: mean - halfWidth, high: mean + halfWidth, halfWidth };
}

/**
 * A share (e.g. refused ÷ requested) estimated from replications as Σ part ÷ Σ whole, with the interval of a ratio
 * estimator: replications with more requests weigh more, and one without requests adds nothing, where a mean of
 * per-replication shares would let a replication with two requests count as much as one with two hundred.
 */
export function ratioInterval(parts: readonly number[], wholes: readonly number[], level: number): Estimate | null {
  const n = parts.length;
  if (n !== wholes.length || n === 0) throw new RangeError('one part and one whole per replication');
  const wholeSum = wholes.reduce((sum, value) => sum + value, 0);
  if (wholeSum === 0) return null;
  const ratio = parts.reduce((sum, value) => sum + value, 0) / wholeSum;
  if (n === 1) return { mean: ratio, low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY, halfWidth: Number.POSITIVE_INFINITY };
  const residuals = parts.map((part, index) => part - ratio * wholes[index]!);
  const variance = residuals.reduce((sum, value) => sum + value * value, 0) / (n - 1);
  const halfWidth = (studentTQuantile((1 + level) / 2, n - 1) * Math.sqrt(variance / n)) / (wholeSum / n);
  return { mean: ratio, low: Math.max(0, ratio - halfWidth), high: Math.min(1, ratio + halfWidth), halfWidth };
}
