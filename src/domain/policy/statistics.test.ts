import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mean, percent, quantile, round1, round2 } from './statistics.ts';

describe('statistics of the policy monitor', () => {
  it('interpolates quantiles between ranks, like a spreadsheet does', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([10, 1, 3], 0.5), 3);
    assert.ok(Math.abs(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) - 9.1) < 1e-9);
    assert.equal(quantile([7], 0.9), 7);
  });

  it('keeps a quantile between the smallest and largest value, rising with q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const value = quantile(values, q);
          assert.ok(value >= Math.min(...values) - 1e-9 && value <= Math.max(...values) + 1e-9);
          assert.ok(quantile(values, 0.5) <= quantile(values, 0.9) + 1e-9);
        },
      ),
    );
  });

  it('rounds to one decimal and gives no share of nothing', () => {
    assert.equal(mean([4, 5, 5]), 14 / 3);
    assert.equal(round1(14 / 3), 4.7);
    assert.ok(Object.is(round1(-0.01), 0));
    assert.equal(round2(1 / 24), 0.04);
    assert.equal(percent(1, 3), 33.3);
    assert.equal(percent(0, 0), null);
    assert.throws(() => quantile([], 0.5));
  });
});
