import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Occupation } from '../availability.ts';
import { addDays } from '../dates.ts';
import { FIT_HORIZON_NIGHTS } from './day-allocation.ts';
import { type CalendarUnit, NightCalendar } from './night-calendar.ts';

const today = '2027-03-31';
const night = (n: number) => addDays(today, n);
const unit = (unitId: string, changes: Partial<CalendarUnit> = {}): CalendarUnit => ({
  unitId,
  regionId: 'a',
  kind: 'bed',
  acceptedStayTypes: ['respite', 'elv_low_complex', 'crisis_wmo'],
  reservedFor: null,
  activeFrom: '2020-01-01',
  activeUntil: null,
  ...changes,
});
const booked = (from: number, to: number, kind: Occupation['kind'] = 'booked'): Occupation => ({
  range: { from: night(from), to: night(to) },
  kind,
});

describe('the night calendar', () => {
  it('counts the free nights beside a stay up to the fit horizon, back to today at most', () => {
    const calendar = new NightCalendar(today, 60, [unit('gap'), unit('open')], new Map([['gap', [booked(0, 3), booked(10, 20)]]]));
    // A stay of nights 5–7 on 'gap' leaves nights 3–4 free before it and 8–9 after it.
    assert.deepEqual(calendar.freeAround('gap', 5, 8), { before: 2, after: 2 });
    assert.deepEqual(calendar.freeAround('gap', 3, 10), { before: 0, after: 0 });
    assert.deepEqual(calendar.freeAround('open', 2, 8), { before: 2, after: FIT_HORIZON_NIGHTS });
    assert.deepEqual(calendar.freeAround('open', 30, 35), { before: FIT_HORIZON_NIGHTS, after: FIT_HORIZON_NIGHTS });
  });

  it('counts the other beds of the region that take the stay type and are free that night', () => {
    const calendar = new NightCalendar(
      today,
      30,
      [
        unit('me'),
        unit('free'),
        unit('busy'),
        unit('closed'),
        unit('respite only', { acceptedStayTypes: ['respite'] }),
        unit('kept for respite', { reservedFor: 'respite' }),
        unit('at home', { kind: 'home_night' }),
        unit('elsewhere', { regionId: 'b' }),
        unit('opens later', { activeFrom: night(5) }),
      ],
      new Map([
        ['busy', [booked(0, 10)]],
        ['closed', [booked(2, 4, 'not_admitting')]],
      ]),
    );
    assert.equal(calendar.freeOthers('me', 'a', 'crisis_wmo', 0), 2);
    assert.equal(calendar.freeOthers('me', 'a', 'crisis_wmo', 3), 1);
    assert.equal(calendar.freeOthers('me', 'a', 'crisis_wmo', 12), 4);
    // Asked for a unit of another region (an overflow guest's view), every free bed of the region counts.
    assert.equal(calendar.freeOthers('elsewhere', 'a', 'crisis_wmo', 12), 5);
    assert.equal(calendar.freeOthers('me', 'a', 'elv_high_complex', 12), 0);
  });

  it('sees a booking made after it was read', () => {
    const calendar = new NightCalendar(today, 30, [unit('me'), unit('other')], new Map());
    assert.equal(calendar.freeOthers('me', 'a', 'crisis_wmo', 5), 1);
    calendar.book('other', 3, 4);
    assert.equal(calendar.freeOthers('me', 'a', 'crisis_wmo', 5), 0);
    assert.equal(calendar.freeOthers('me', 'a', 'crisis_wmo', 7), 1);
    assert.deepEqual(calendar.freeAround('other', 0, 1), { before: 0, after: 2 });
  });

  it('never counts more free nights beside a stay than the fit horizon or than are free', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 15 }))),
        fc.nat(40),
        fc.integer({ min: 1, max: 20 }),
        (stays, start, nights) => {
          const calendar = new NightCalendar(today, 90, [unit('u')], new Map([['u', stays.map(([from, n]) => booked(from, from + n))]]));
          const { before, after } = calendar.freeAround('u', start, start + nights)!;
          assert.ok(before <= Math.min(FIT_HORIZON_NIGHTS, start) && after <= FIT_HORIZON_NIGHTS);
          for (let k = 1; k <= before; k++) assert.ok(calendar.isFree('u', start - k));
          for (let k = 0; k < after; k++) assert.ok(calendar.isFree('u', start + nights + k));
          if (before < Math.min(FIT_HORIZON_NIGHTS, start)) assert.ok(!calendar.isFree('u', start - before - 1));
          if (after < FIT_HORIZON_NIGHTS) assert.ok(!calendar.isFree('u', start + nights + after));
        },
      ),
    );
  });
});
