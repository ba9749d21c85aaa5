import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meanInterval, ratioInterval, studentTCdf, studentTQuantile } from './confidence.ts';

describe('confidence intervals', () => {
  it("gives the critical values of Student's t from the tables", () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.2 (upper critical values of the t distribution).
    const table: [number, number, number][] = [
      [0.975, 1, 12.706],
      [0.975, 2, 4.303],
      [0.975, 9, 2.262],
      [0.975, 19, 2.093],
      [0.975, 29, 2.045],
      [0.975, 100, 1.984],
      [0.995, 9, 3.25],
      [0.995, 29, 2.756],
      [0.95, 4, 2.132],
    ];
    for (const [p, df, value] of table) {
      assert.ok(Math.abs(studentTQuantile(p, df) - value) < 0.0006, `t(${p}, ${df}) = ${studentTQuantile(p, df)}, table ${value}`);
    }
    // With one degree of freedom t is Cauchy: P(T ≤ 1) = 3/4 exactly.
    assert.ok(Math.abs(studentTCdf(1, 1) - 0.75) < 1e-12);
    assert.ok(Math.abs(studentTCdf(-2.262, 9) - 0.025) < 1e-4);
  });

  it('puts the mean in the middle of a t-interval', () => {
    const estimate = meanInterval([1, 2, 3, 4, 5], 0.95);
    assert.equal(estimate.mean, 3);
    // s = √2.5, t(0.975, 4) = 2.776: 3 ± 2.776 · √(2.5/5)
    assert.ok(Math.abs(estimate.halfWidth - 2.7764 * Math.sqrt(0.5)) < 1e-3);
    assert.equal(meanInterval([2, 2, 2], 0.95).halfWidth, 0);
  });

  it('estimates a share as total part over total whole, weighing replications by their size', () => {
    const estimate = ratioInterval([1, 0, 3], [10, 0, 30], 0.95)!;
    assert.equal(estimate.mean, 0.1);
    // Both replications with requests have exactly one in ten refused: no spread.
    assert.equal(estimate.halfWidth, 0);
    assert.equal(ratioInterval([0, 0], [0, 0], 0.95), null);
    const spread = ratioInterval([0, 5, 1, 4], [10, 10, 10, 10], 0.95)!;
    assert.equal(spread.mean, 0.25);
    assert.ok(spread.low >= 0 && spread.low < 0.25 && spread.high > 0.25);
  });
});
