import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, isoWeekday } from '../dates.ts';
import { monthsIn, mondaysIn, nightsIn } from './periods.ts';

describe('periods of the policy monitor', () => {
  it('cuts a period into the months it touches, the first and last only in part', () => {
    assert.deepEqual(monthsIn({ from: '2026-11-15', to: '2027-02-10' }), [
      { month: '2026-11', from: '2026-11-15', to: '2026-12-01' },
      { month: '2026-12', from: '2026-12-01', to: '2027-01-01' },
      { month: '2027-01', from: '2027-01-01', to: '2027-02-01' },
      { month: '2027-02', from: '2027-02-01', to: '2027-02-10' },
    ]);
    assert.deepEqual(monthsIn({ from: '2027-03-01', to: '2027-04-01' }), [{ month: '2027-03', from: '2027-03-01', to: '2027-04-01' }]);
  });

  it('gives months that cover the period night for night, and Mondays only', () => {
    const period = fc
      .record({ start: fc.integer({ min: 0, max: 3000 }), nights: fc.integer({ min: 1, max: 800 }) })
      .map(({ start, nights }) => ({ from: addDays('2020-01-01', start), to: addDays('2020-01-01', start + nights) }));
    fc.assert(
      fc.property(period, (range) => {
        const months = monthsIn(range);
        assert.equal(
          months.reduce((sum, month) => sum + nightsIn(month), 0),
          nightsIn(range),
        );
        assert.equal(months[0]!.from, range.from);
        assert.equal(months.at(-1)!.to, range.to);
        for (const month of months) assert.equal(month.from.slice(0, 7), month.month);
        const mondays = mondaysIn(range);
        for (const monday of mondays) assert.ok(isoWeekday(monday) === 1 && monday >= range.from && monday < range.to);
        assert.equal(mondays.length, Math.floor((nightsIn(range) + ((isoWeekday(range.from) + 5) % 7)) / 7));
      }),
    );
  });

  it('lists the Mondays from the first one on', () => {
    assert.deepEqual(mondaysIn({ from: '2027-03-03', to: '2027-03-22' }), ['2027-03-08', '2027-03-15']);
    assert.deepEqual(mondaysIn({ from: '2027-03-08', to: '2027-03-09' }), ['2027-03-08']);
  });
});
