import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { holdExpiresAt, holdHasLapsed } from './holds.ts';

describe('when a hold ends', () => {
  it('keeps the unit until its expiry, and not at the expiry itself', () => {
    const placed = new Date('2027-03-28T01:45:00+01:00');
    const expiry = holdExpiresAt(placed, 30);
    // Across the change to summer time: 30 minutes are 30 minutes, though the wall clock jumps an hour.
    assert.equal(expiry.toISOString(), '2027-03-28T01:15:00.000Z');
    assert.equal(holdHasLapsed(expiry, new Date(expiry.getTime() - 1)), false);
    assert.equal(holdHasLapsed(expiry, expiry), true);
    assert.equal(holdHasLapsed(null, expiry), false, 'a stay that is no hold never lapses');
  });

  it('has lapsed exactly from `minutes` after it was placed', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.integer({ min: -10 * 24 * 3_600_000, max: 10 * 24 * 3_600_000 }),
        (placed, minutes, later) => {
          const at = new Date(placed.getTime() + later);
          assert.equal(holdHasLapsed(holdExpiresAt(placed, minutes), at), later >= minutes * 60_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});
