import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, addWorkingDays, fromEpochDay, isIsoDate, isoWeekday, nightsBetween, toEpochDay, todayIso } from './dates.ts';

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

  it('counts working days past the weekend: Thursday + 2 is Monday, Friday + 2 is Tuesday, Saturday + 2 is Tuesday', () => {
    assert.equal(addWorkingDays('2026-11-26', 2), '2026-11-30');
    assert.equal(addWorkingDays('2026-11-27', 2), '2026-12-01');
    assert.equal(addWorkingDays('2026-11-28', 2), '2026-12-01');
    assert.equal(addWorkingDays('2026-11-23', 0), '2026-11-23');
  });

  it('never lands on a weekend and is as many weekdays later as asked (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 25_000 }), fc.integer({ min: 1, max: 30 }), (day, days) => {
        const from = fromEpochDay(day);
        const to = addWorkingDays(from, days);
        assert.ok(isoWeekday(to) <= 5);
        let weekdays = 0;
        for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isoWeekday(d) <= 5) weekdays++;
        assert.equal(weekdays, days);
      }),
    );
  });

  it('takes today from the Dutch clock: 00:30 in Amsterdam is already the new day, in winter and in summer', () => {
    assert.equal(todayIso(new Date('2026-11-23T23:30:00Z')), '2026-11-24');
    assert.equal(todayIso(new Date('2026-11-23T22:59:00Z')), '2026-11-23');
    assert.equal(todayIso(new Date('2026-07-01T22:30:00Z')), '2026-07-02');
    assert.equal(todayIso(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
  });
});
