import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Occupation } from './availability.ts';
import { addDays, datesOf } from './dates.ts';
import {
  type CalendarUnit,
  MAX_DAYS_AHEAD,
  PUBLIC_AVAILABILITY,
  classifyNight,
  neighbouringWeeks,
  publicCalendar,
  monthView,
  weekOf,
  weekStartIssue,
} from './public-calendar.ts';
import { STAY_TYPES, unitTakesStayType } from './stay-types.ts';

const WEEK = weekOf('2027-03-01');
const room = (overrides: Partial<CalendarUnit> = {}): CalendarUnit => ({
  acceptedStayTypes: ['respite'],
  reservedFor: null,
  activeFrom: '2027-01-01',
  activeUntil: null,
  occupations: [],
  ...overrides,
});
const booked = (from: string, to: string): Occupation => ({ kind: 'booked', range: { from, to } });

describe('classifyNight', () => {
  it('calls two or more free places free, the last place limited and none full', () => {
    assert.equal(classifyNight(3, 10), 'free');
    assert.equal(classifyNight(2, 2), 'free');
    assert.equal(classifyNight(1, 10), 'limited');
    assert.equal(classifyNight(0, 10), 'full');
    assert.equal(classifyNight(0, 0), 'full');
  });

  it('calls the only place of a location free, not limited', () => {
    assert.equal(classifyNight(1, 1), 'free');
    assert.equal(classifyNight(0, 1), 'full');
  });

  it('never says free or limited without a free place, and never gets worse with more free places (property)', () => {
    const rank = { full: 0, limited: 1, free: 2 } as const;
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), (a, b) => {
        const places = Math.max(a, b, 1);
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        if (fewer === 0) assert.equal(classifyNight(0, places), 'full');
        if (classifyNight(fewer, places) === 'limited') assert.equal(fewer, 1);
        assert.ok(rank[classifyNight(more, places)] >= rank[classifyNight(fewer, places)]);
      }),
    );
  });
});

describe('publicCalendar', () => {
  it('counts free places per night: free, limited when one is left, full when none', () => {
    const units = [
      room({ occupations: [booked('2027-03-02', '2027-03-05')] }),
      room({ occupations: [booked('2027-03-03', '2027-03-05')] }),
      room({ occupations: [{ kind: 'hold', range: { from: '2027-03-04', to: '2027-03-06' } }] }),
    ];
    assert.deepEqual(publicCalendar(WEEK, units), [
      { stayType: 'respite', days: ['free', 'free', 'limited', 'full', 'free', 'free', 'free'] },
    ]);
  });

  it('counts a closed unit as taken and a unit not yet in use as no place at all', () => {
    const units = [
      room({ occupations: [{ kind: 'closed', range: { from: '2027-03-01', to: '2027-03-03' } }] }),
      room({ activeFrom: '2027-03-06' }),
      room({ activeUntil: '2027-03-03' }),
    ];
    // Nights 1–2: one closed, one not yet open, one open → the only free place. From the 3rd: one open, one ended.
    // From the 6th: two open.
    assert.deepEqual(publicCalendar(WEEK, units)[0]!.days, ['limited', 'limited', 'free', 'free', 'free', 'free', 'free']);
  });

  it('shows each stay type the location takes, and counts a reserved unit only for its own type', () => {
    const units = [
      room({ acceptedStayTypes: ['respite', 'crisis_wmo'] }),
      room({ acceptedStayTypes: ['respite', 'crisis_wmo'], reservedFor: 'respite' }),
      room({ acceptedStayTypes: ['elv_low_complex'], activeUntil: '2027-02-01' }),
    ];
    const calendar = publicCalendar(WEEK, units);
    assert.deepEqual(
      calendar.map((week) => week.stayType),
      ['respite', 'crisis_wmo'],
    );
    assert.deepEqual(calendar[0]!.days, Array(7).fill('free'));
    assert.deepEqual(calendar[1]!.days, Array(7).fill('free'));
    const oneTaken = publicCalendar(WEEK, [{ ...units[0]!, occupations: [booked('2027-03-01', '2027-03-08')] }, units[1]!]);
    assert.deepEqual(
      oneTaken.map((week) => week.days[0]),
      ['limited', 'full'],
    );
  });

  it('shows nothing for a location without units in use that week', () => {
    assert.deepEqual(publicCalendar(WEEK, []), []);
    assert.deepEqual(publicCalendar(WEEK, [room({ activeFrom: '2027-04-01' })]), []);
  });

  it('never reports free or limited on a night when no unit for that type is free (property)', () => {
    const day = fc.integer({ min: -10, max: 20 }).map((n) => addDays(WEEK.from, n));
    const occupation = fc
      .tuple(day, fc.integer({ min: 1, max: 10 }), fc.constantFrom('hold', 'booked', 'closed') as fc.Arbitrary<Occupation['kind']>)
      .map(([from, nights, kind]): Occupation => ({ kind, range: { from, to: addDays(from, nights) } }));
    const unit = fc.record({
      acceptedStayTypes: fc.subarray([...STAY_TYPES], { minLength: 1 }),
      reservedFor: fc.option(fc.constantFrom(...STAY_TYPES), { nil: null }),
      activeFrom: day,
      activeUntil: fc.option(day, { nil: null }),
      occupations: fc.array(occupation, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }), (units) => {
        const calendar = publicCalendar(WEEK, units);
        datesOf(WEEK).forEach((night, i) => {
          for (const week of calendar) {
            assert.equal(week.days.length, 7);
            assert.ok(PUBLIC_AVAILABILITY.includes(week.days[i]!));
            // Straight from the ranges, not through dayStates: in use that night and nothing on it.
            const freeUnits = units.filter(
              (u) =>
                unitTakesStayType(u, week.stayType) &&
                u.activeFrom <= night &&
                (u.activeUntil === null || night < u.activeUntil) &&
                !u.occupations.some((o) => o.range.from <= night && night < o.range.to),
            );
            if (freeUnits.length === 0) assert.equal(week.days[i], 'full', `${week.stayType} ${night}`);
            if (week.days[i] === 'limited') assert.equal(freeUnits.length, 1);
          }
        });
      }),
    );
  });
});

describe('the weeks a visitor may ask for', () => {
  const today = '2027-03-01';

  it('starts today at the earliest and a year ahead at the latest', () => {
    assert.equal(weekStartIssue(today, today), null);
    assert.equal(weekStartIssue('2027-02-28', today), 'date_in_past');
    assert.equal(weekStartIssue(addDays(today, MAX_DAYS_AHEAD), today), null);
    assert.equal(weekStartIssue(addDays(today, MAX_DAYS_AHEAD + 1), today), 'week_too_far');
  });

  it('steps a week back and forth, back to today at the start and not beyond a year at the end', () => {
    assert.deepEqual(neighbouringWeeks(today, today), { previous: null, next: '2027-03-08' });
    assert.deepEqual(neighbouringWeeks('2027-03-04', today), { previous: today, next: '2027-03-11' });
    assert.deepEqual(neighbouringWeeks('2027-03-15', today), { previous: '2027-03-08', next: '2027-03-22' });
    const last = addDays(today, MAX_DAYS_AHEAD - 3);
    assert.deepEqual(neighbouringWeeks(last, today), { previous: addDays(last, -7), next: null });
  });

  it('only ever offers weeks that are allowed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DAYS_AHEAD }), (offset) => {
        const { previous, next } = neighbouringWeeks(addDays(today, offset), today);
        for (const week of [previous, next]) if (week !== null) assert.equal(weekStartIssue(week, today), null);
        assert.equal(previous === null, offset === 0);
      }),
    );
  });
});

describe('the month view', () => {
  it('starts today in the current month and on the first later, ends at the next first, and stays within a year', () => {
    assert.deepEqual(monthView('2026-12', '2026-12-06'), {
      window: { from: '2026-12-06', to: '2027-01-01' },
      previous: null,
      next: '2027-01',
    });
    assert.deepEqual(monthView('2027-02', '2026-12-06'), {
      window: { from: '2027-02-01', to: '2027-03-01' },
      previous: '2027-01',
      next: '2027-03',
    });
    assert.deepEqual(monthView('2027-12', '2026-12-06'), {
      window: { from: '2027-12-01', to: '2028-01-01' },
      previous: '2027-11',
      next: null,
    });
    assert.equal(monthView('2026-11', '2026-12-06'), 'date_in_past');
    assert.equal(monthView('2028-01', '2026-12-06'), 'month_too_far');
  });
});
