import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nearestFreeShifts } from './date-shifts.ts';

describe('nearestFreeShifts', () => {
  const unit = { activeFrom: '2027-01-01', activeUntil: null };
  const taken = [{ kind: 'booked' as const, range: { from: '2027-03-05', to: '2027-03-12' } }];

  it('offers the nearest periods of the same length first', () => {
    const shifts = nearestFreeShifts({ from: '2027-03-08', to: '2027-03-11' }, unit, taken, {
      maxShiftDays: 10,
      limit: 2,
      earliest: '2027-02-01',
    });
    // Four days later beats six days earlier.
    assert.deepEqual(shifts, [
      { from: '2027-03-12', to: '2027-03-15' },
      { from: '2027-03-02', to: '2027-03-05' },
    ]);
  });

  it('prefers later over earlier at the same distance', () => {
    const around = [{ kind: 'booked' as const, range: { from: '2027-03-10', to: '2027-03-11' } }];
    const shifts = nearestFreeShifts({ from: '2027-03-10', to: '2027-03-11' }, unit, around, {
      maxShiftDays: 3,
      limit: 2,
      earliest: '2027-02-01',
    });
    assert.deepEqual(shifts, [
      { from: '2027-03-11', to: '2027-03-12' },
      { from: '2027-03-09', to: '2027-03-10' },
    ]);
  });

  it('never offers a date before the earliest allowed', () => {
    const shifts = nearestFreeShifts({ from: '2027-03-08', to: '2027-03-11' }, unit, taken, {
      maxShiftDays: 10,
      limit: 3,
      earliest: '2027-03-04',
    });
    assert.ok(shifts.every((range) => range.from >= '2027-03-04'));
    assert.deepEqual(shifts[0], { from: '2027-03-12', to: '2027-03-15' });
  });
});
