import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from './dates.ts';
import { expandSeries } from './series.ts';
import {
  MAX_COUNT,
  MAX_INTERVAL_MONTHS,
  MAX_INTERVAL_WEEKS,
  ORDINALS,
  type SeriesPattern,
  WEEKDAYS,
  describePattern,
  fitsHorizon,
  patternFromRrule,
  patternToRrule,
} from './series-pattern.ts';

const weekdayArb = fc.constantFrom(...WEEKDAYS);
const countArb = fc.integer({ min: 1, max: 12 });
const patternArb: fc.Arbitrary<SeriesPattern> = fc
  .oneof(
    fc.record({
      kind: fc.constant('weekly' as const),
      everyWeeks: fc.integer({ min: 1, max: MAX_INTERVAL_WEEKS }),
      weekday: weekdayArb,
      count: countArb,
    }),
    fc.record({
      kind: fc.constant('monthly_weekday' as const),
      everyMonths: fc.integer({ min: 1, max: MAX_INTERVAL_MONTHS }),
      ordinal: fc.constantFrom(...ORDINALS),
      weekday: weekdayArb,
      count: countArb,
    }),
    fc.record({
      kind: fc.constant('monthly_date' as const),
      everyMonths: fc.integer({ min: 1, max: MAX_INTERVAL_MONTHS }),
      count: countArb,
    }),
  )
  .map((pattern) => ({ ...pattern }));
// Days 1–28 of a month, 2026–2030: every month has them, so a monthly rule skips none.
const firstArrivalArb = fc
  .record({ year: fc.integer({ min: 2026, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const ISO_WEEKDAY = (date: string) => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;

describe('series patterns in plain words', () => {
  it('reads back every pattern it writes', () => {
    fc.assert(
      fc.property(patternArb, (pattern) => {
        assert.deepEqual(patternFromRrule(patternToRrule(pattern)), pattern);
      }),
    );
  });

  it('writes rules that give exactly the asked number of stays, on the asked weekday and interval', () => {
    fc.assert(
      fc.property(patternArb.filter(fitsHorizon), firstArrivalArb, fc.integer({ min: 1, max: 3 }), (pattern, firstArrival, nights) => {
        const expanded = expandSeries({ rrule: patternToRrule(pattern), firstArrival, nights });
        assert.ok(expanded.ok, JSON.stringify(expanded));
        assert.equal(expanded.occurrences.length, pattern.count);
        for (const [i, stay] of expanded.occurrences.entries()) {
          assert.ok(stay.arrival >= firstArrival);
          assert.equal(stay.departure, addDays(stay.arrival, nights));
          if (pattern.kind !== 'monthly_date') assert.equal(ISO_WEEKDAY(stay.arrival), pattern.weekday);
          if (pattern.kind === 'monthly_date') assert.equal(stay.arrival.slice(8), firstArrival.slice(8));
          if (pattern.kind === 'weekly' && i > 0) {
            assert.equal(addDays(expanded.occurrences[i - 1]!.arrival, 7 * pattern.everyWeeks), stay.arrival);
          }
          if (pattern.kind === 'monthly_weekday' && pattern.ordinal !== -1) {
            // The nth weekday of a month falls on day 7(n−1)+1 … 7n.
            const day = Number(stay.arrival.slice(8));
            assert.ok(day > 7 * (pattern.ordinal - 1) && day <= 7 * pattern.ordinal, `${stay.arrival} is not weekday ${pattern.ordinal}`);
          }
        }
      }),
    );
  });

  it('knows which patterns reach beyond the two years a series may span', () => {
    fc.assert(
      fc.property(patternArb, firstArrivalArb, (pattern, firstArrival) => {
        const expanded = expandSeries({ rrule: patternToRrule(pattern), firstArrival, nights: 1 });
        if (fitsHorizon(pattern)) assert.ok(expanded.ok, JSON.stringify(expanded));
      }),
    );
    assert.equal(fitsHorizon({ kind: 'monthly_date', everyMonths: 3, count: 10 }), false);
  });

  it('says the examples of the issue in plain Dutch and English', () => {
    const weekend: SeriesPattern = { kind: 'monthly_weekday', everyMonths: 1, ordinal: 2, weekday: 'FR', count: 6 };
    assert.equal(patternToRrule(weekend), 'FREQ=MONTHLY;INTERVAL=1;BYDAY=2FR;COUNT=6');
    assert.equal(describePattern(weekend, 2, 'nl'), 'Elk 2e weekend van de maand (vrijdag tot zondag), 6 keer, 2 nachten');
    assert.equal(describePattern(weekend, 2, 'en'), 'The 2nd weekend of the month (Friday to Sunday), 6 times, 2 nights');
    const monthly: SeriesPattern = { kind: 'monthly_date', everyMonths: 1, count: 6 };
    assert.equal(describePattern(monthly, 4, 'nl'), 'Elke maand, op dezelfde datum als de eerste keer, 6 keer, 4 nachten');
    assert.equal(
      describePattern({ kind: 'weekly', everyWeeks: 2, weekday: 'WE', count: 1 }, 1, 'en'),
      'Every 2 weeks on Wednesday, 1 time, 1 night',
    );
    assert.equal(
      describePattern({ kind: 'monthly_weekday', everyMonths: 2, ordinal: -1, weekday: 'MO', count: 3 }, 4, 'nl'),
      'Elke laatste maandag van de maand, om de 2 maanden, 3 keer, 4 nachten',
    );
  });

  it('leaves a rule it cannot say in words to be shown as it is', () => {
    for (const rule of [
      'FREQ=DAILY;COUNT=3',
      'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4',
      'FREQ=MONTHLY;UNTIL=20270101',
      `FREQ=WEEKLY;BYDAY=MO;COUNT=${MAX_COUNT + 1}`,
      'FREQ=MONTHLY;BYDAY=5FR;COUNT=2',
      'FREQ=WEEKLY;COUNT=3',
      'garbage',
    ]) {
      assert.equal(patternFromRrule(rule), null, rule);
    }
    assert.deepEqual(patternFromRrule('rrule:count=4;byday=tu;freq=weekly'), { kind: 'weekly', everyWeeks: 1, weekday: 'TU', count: 4 });
    // Weekly without a day, as the public form writes it: the first arrival's weekday (2027-01-05 is a Tuesday).
    assert.deepEqual(patternFromRrule('FREQ=WEEKLY;INTERVAL=4;COUNT=3', '2027-01-05'), {
      kind: 'weekly',
      everyWeeks: 4,
      weekday: 'TU',
      count: 3,
    });
  });
});
