import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Occupation, dayStates, freeRanges, isActiveThroughout, isFreeThroughout } from './availability.ts';
import { addDays, datesOf } from './dates.ts';

const unit = { activeFrom: '2027-01-01', activeUntil: null };
const booked = (from: string, to: string): Occupation => ({ kind: 'booked', range: { from, to } });

describe('dayStates', () => {
  it('marks the nights of a stay, not its departure day', () => {
    assert.deepEqual(dayStates({ from: '2027-03-01', to: '2027-03-05' }, unit, [booked('2027-03-02', '2027-03-04')]), [
      'free',
      'booked',
      'booked',
      'free',
    ]);
  });

  it('lets a guest outrank a closure, and a closure outrank the unit being out of use', () => {
    const states = dayStates({ from: '2027-03-01', to: '2027-03-04' }, { activeFrom: '2027-01-01', activeUntil: '2027-03-03' }, [
      { kind: 'closed', range: { from: '2027-03-01', to: '2027-03-02' } },
      booked('2027-03-01', '2027-03-02'),
      { kind: 'closed', range: { from: '2027-03-02', to: '2027-03-10' } },
    ]);
    assert.deepEqual(states, ['booked', 'closed', 'closed']);
  });
});

describe('freeRanges', () => {
  it('returns the free stretches around a stay', () => {
    assert.deepEqual(freeRanges({ from: '2027-03-01', to: '2027-03-10' }, unit, [booked('2027-03-03', '2027-03-05')]), [
      { from: '2027-03-01', to: '2027-03-03' },
      { from: '2027-03-05', to: '2027-03-10' },
    ]);
  });

  it('counts a unit not yet in use as not free', () => {
    assert.equal(isActiveThroughout({ activeFrom: '2027-03-05', activeUntil: null }, { from: '2027-03-01', to: '2027-03-08' }), false);
    assert.deepEqual(freeRanges({ from: '2027-03-01', to: '2027-03-08' }, { activeFrom: '2027-03-05', activeUntil: null }, []), [
      { from: '2027-03-05', to: '2027-03-08' },
    ]);
  });

  it('agrees night by night with dayStates, for any occupations (property)', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2027-01-01', n));
    const occupation = fc
      .tuple(day, fc.integer({ min: 1, max: 15 }), fc.constantFrom('hold', 'booked', 'closed') as fc.Arbitrary<Occupation['kind']>)
      .map(([from, nights, kind]): Occupation => ({ kind, range: { from, to: addDays(from, nights) } }));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), fc.array(occupation, { maxLength: 6 }), (from, length, occupations) => {
        const window = { from, to: addDays(from, length) };
        const states = dayStates(window, unit, occupations);
        const freeNights = new Set(freeRanges(window, unit, occupations).flatMap(datesOf));
        datesOf(window).forEach((date, i) => {
          assert.equal(freeNights.has(date), states[i] === 'free', date);
        });
        assert.equal(
          isFreeThroughout(window, unit, occupations),
          states.every((s) => s === 'free'),
        );
      }),
    );
  });
});
