import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, fromEpochDay, isIsoDate, isoWeekday, nightsBetween, toEpochDay } from './dates.ts';

describe('calendar dates', () => {
  it('counts days exactly as the Date object does, for any day from 1600 to 2600 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 230_000 }), (day) => {
        const viaDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
        assert.equal(fromEpochDay(day), viaDate);
        assert.equal(toEpochDay(viaDate), day);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles leap days and month ends', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2027-02-28', 1), '2027-03-01');
    assert.equal(addDays('2100-02-28', 1), '2100-03-01');
    assert.equal(nightsBetween('2026-12-30', '2027-01-02'), 3);
  });

  it('knows weekdays and refuses dates that do not exist', () => {
    assert.equal(isoWeekday('2027-03-01'), 1);
    assert.equal(isoWeekday('2027-03-07'), 7);
    assert.equal(isIsoDate('2027-02-29'), false);
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2027-3-1'), false);
  });
});
