import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expandSeries, type SeriesOccurrence, type SeriesResult, type SeriesSpec } from './series.ts';
import { addDays, fromEpochDay, isoWeekday, nightsBetween, toEpochDay } from './dates.ts';

function stays(result: SeriesResult): SeriesOccurrence[] {
  assert.ok(result.ok, `expected ok, got ${JSON.stringify(result)}`);
  return result.occurrences;
}

function problemOf(result: SeriesResult): { code: string; field: string } {
  assert.ok(!result.ok, `expected a problem, got ${JSON.stringify(result)}`);
  return { code: result.problem.code, field: result.problem.field };
}

function arrivals(result: SeriesResult): string[] {
  return stays(result).map((s) => s.arrival);
}

describe('expandSeries: examples from the product issue', () => {
  it('4 nights every month for 6 months', () => {
    const result = stays(expandSeries({ rrule: 'FREQ=MONTHLY;COUNT=6', firstArrival: '2027-01-15', nights: 4 }));
    assert.deepEqual(result, [
      { arrival: '2027-01-15', departure: '2027-01-19' },
      { arrival: '2027-02-15', departure: '2027-02-19' },
      { arrival: '2027-03-15', departure: '2027-03-19' },
      { arrival: '2027-04-15', departure: '2027-04-19' },
      { arrival: '2027-05-15', departure: '2027-05-19' },
      { arrival: '2027-06-15', departure: '2027-06-19' },
    ]);
  });

  it('Wednesday to Monday every other week', () => {
    const result = stays(expandSeries({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=5', firstArrival: '2027-01-06', nights: 5 }));
    assert.equal(result.length, 5);
    assert.equal(result[0]!.arrival, '2027-01-06');
    for (const [i, stay] of result.entries()) {
      assert.equal(isoWeekday(stay.arrival), 3, `${stay.arrival} is a Wednesday`);
      assert.equal(isoWeekday(stay.departure), 1, `${stay.departure} is a Monday`);
      assert.equal(nightsBetween(stay.arrival, stay.departure), 5);
      if (i > 0) assert.equal(nightsBetween(result[i - 1]!.arrival, stay.arrival), 14);
    }
  });

  it('a weekend each quarter: the first Friday of every third month', () => {
    const expected = [
      { arrival: '2027-01-01', departure: '2027-01-03' },
      { arrival: '2027-04-02', departure: '2027-04-04' },
      { arrival: '2027-07-02', departure: '2027-07-04' },
      { arrival: '2027-10-01', departure: '2027-10-03' },
    ];
    const withSetpos = stays(
      expandSeries({ rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=FR;BYSETPOS=1;COUNT=4', firstArrival: '2027-01-01', nights: 2 }),
    );
    assert.deepEqual(withSetpos, expected);
    for (const stay of withSetpos) {
      assert.equal(isoWeekday(stay.arrival), 5);
      assert.equal(isoWeekday(stay.departure), 7);
    }
    // The numbered BYDAY form means the same.
    const numbered = expandSeries({ rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;COUNT=4', firstArrival: '2027-01-01', nights: 2 });
    assert.deepEqual(stays(numbered), expected);
  });
});

describe('expandSeries: dates never shift', () => {
  // 2027: summer time starts Sunday 28 March and ends Sunday 31 October in Europe.
  function withTimeZone<T>(tz: string, run: () => T): T {
    const previous = process.env.TZ;
    process.env.TZ = tz;
    try {
      return run();
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  }

  for (const tz of ['Europe/Amsterdam', 'America/Sao_Paulo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
    it(`across the last Sundays of March and October (TZ=${tz})`, () => {
      withTimeZone(tz, () => {
        if (tz === 'Europe/Amsterdam') {
          // Proves the TZ switch is live in this process, so the test below means something.
          assert.notEqual(new Date(2027, 2, 27).getTimezoneOffset(), new Date(2027, 2, 29).getTimezoneOffset());
        }
        assert.deepEqual(arrivals(expandSeries({ rrule: 'FREQ=WEEKLY;COUNT=3', firstArrival: '2027-03-21', nights: 2 })), [
          '2027-03-21',
          '2027-03-28',
          '2027-04-04',
        ]);
        assert.deepEqual(arrivals(expandSeries({ rrule: 'FREQ=DAILY;COUNT=3', firstArrival: '2027-10-30', nights: 1 })), [
          '2027-10-30',
          '2027-10-31',
          '2027-11-01',
        ]);
        const lastSundays = stays(expandSeries({ rrule: 'FREQ=MONTHLY;BYDAY=-1SU;COUNT=8', firstArrival: '2027-03-01', nights: 2 }));
        assert.deepEqual(
          lastSundays.map((s) => s.arrival),
          ['2027-03-28', '2027-04-25', '2027-05-30', '2027-06-27', '2027-07-25', '2027-08-29', '2027-09-26', '2027-10-31'],
        );
        assert.equal(lastSundays.at(-1)!.departure, '2027-11-02');
      });
    });
  }
});

describe('expandSeries: semantics', () => {
  it('does not add firstArrival when it does not match the rule (rrule.js semantics)', () => {
    // 2027-01-06 is a Wednesday: the series starts on the following Monday.
    assert.deepEqual(arrivals(expandSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3', firstArrival: '2027-01-06', nights: 2 })), [
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
    ]);
  });

  it('skips months without the start day instead of clamping', () => {
    assert.deepEqual(arrivals(expandSeries({ rrule: 'FREQ=MONTHLY;COUNT=4', firstArrival: '2027-01-31', nights: 3 })), [
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
      '2027-07-31',
    ]);
    // Use BYMONTHDAY=-1 for "the last day of every month".
    assert.deepEqual(arrivals(expandSeries({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3', firstArrival: '2027-01-31', nights: 3 })), [
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ]);
  });

  it('treats UNTIL as an inclusive date, with or without a time', () => {
    for (const until of ['20270127', '20270127T000000Z', '20270127T235959', '20270127T120000Z']) {
      assert.deepEqual(
        arrivals(expandSeries({ rrule: `FREQ=WEEKLY;UNTIL=${until}`, firstArrival: '2027-01-06', nights: 2 })),
        ['2027-01-06', '2027-01-13', '2027-01-20', '2027-01-27'],
        until,
      );
    }
  });

  it('accepts the RRULE: prefix, lower case and surrounding whitespace', () => {
    const expected = ['2027-01-06', '2027-01-20'];
    for (const rrule of ['RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=2', ' rrule:freq=weekly;interval=2;count=2 \n']) {
      assert.deepEqual(arrivals(expandSeries({ rrule, firstArrival: '2027-01-06', nights: 7 })), expected, rrule);
    }
  });

  it('allows back-to-back stays (departure = next arrival)', () => {
    const result = stays(expandSeries({ rrule: 'FREQ=WEEKLY;COUNT=3', firstArrival: '2027-01-06', nights: 7 }));
    assert.equal(result[0]!.departure, result[1]!.arrival);
  });

  it('allows an arrival exactly maxHorizonDays after firstArrival', () => {
    const rrule = 'FREQ=DAILY;INTERVAL=10;COUNT=4';
    assert.equal(stays(expandSeries({ rrule, firstArrival: '2027-01-01', nights: 2 }, { maxHorizonDays: 30 })).length, 4);
    assert.equal(problemOf(expandSeries({ rrule, firstArrival: '2027-01-01', nights: 2 }, { maxHorizonDays: 29 })).code, 'too_far');
  });

  it('allows exactly maxOccurrences stays', () => {
    const spec = { rrule: 'FREQ=WEEKLY;COUNT=104', firstArrival: '2027-01-06', nights: 2 };
    assert.equal(stays(expandSeries(spec)).length, 104);
    assert.equal(stays(expandSeries({ ...spec, rrule: 'FREQ=WEEKLY;COUNT=5' }, { maxOccurrences: 5 })).length, 5);
  });
});

describe('expandSeries: problems', () => {
  const base: SeriesSpec = { rrule: 'FREQ=WEEKLY;COUNT=3', firstArrival: '2027-01-06', nights: 2 };

  it('invalid_rrule for syntax errors, sub-daily rules, time parts and embedded DTSTART', () => {
    for (const rrule of [
      '',
      'COUNT=3',
      'FREQ=FORTNIGHTLY;COUNT=3',
      'FREQ=WEEKLY;COUNT=abc',
      'FREQ=WEEKLY;COUNT=0',
      'FREQ=WEEKLY;INTERVAL=0;COUNT=3',
      'FREQ=WEEKLY;COUNT=3;COUNT=4',
      'FREQ=WEEKLY;COUNT=3;FOO=1',
      'FREQ=WEEKLY;;COUNT=3',
      'FREQ=WEEKLY;COUNT=3;BYDAY=XX',
      'FREQ=WEEKLY;COUNT=3;BYDAY=1MO',
      'FREQ=MONTHLY;COUNT=3;BYMONTHDAY=32',
      'FREQ=MONTHLY;COUNT=3;BYMONTHDAY=0',
      'FREQ=YEARLY;COUNT=3;BYMONTH=13',
      'FREQ=WEEKLY;COUNT=3;BYMONTHDAY=1',
      'FREQ=MONTHLY;COUNT=3;BYSETPOS=1',
      'FREQ=WEEKLY;UNTIL=20270230',
      'FREQ=WEEKLY;UNTIL=2027-03-01',
      'FREQ=WEEKLY;COUNT=3;UNTIL=20270301',
      'FREQ=HOURLY;COUNT=3',
      'FREQ=MINUTELY;COUNT=3',
      'FREQ=SECONDLY;COUNT=3',
      'FREQ=DAILY;COUNT=3;BYHOUR=9',
      'FREQ=DAILY;COUNT=3;BYMINUTE=30',
      'FREQ=DAILY;COUNT=3;BYSECOND=0',
      'FREQ=YEARLY;COUNT=3;BYEASTER=0',
      'DTSTART:20270106\nRRULE:FREQ=WEEKLY;COUNT=3',
      'DTSTART=20270106;FREQ=WEEKLY;COUNT=3',
      'FREQ=WEEKLY;COUNT=3;DTSTART=20270106',
      'FREQ=WEEKLY;COUNT=3;TZID=Europe/Amsterdam',
      'RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE:20270113',
    ]) {
      assert.deepEqual(problemOf(expandSeries({ ...base, rrule })), { code: 'invalid_rrule', field: 'rrule' }, JSON.stringify(rrule));
    }
  });

  it('invalid_rrule on firstArrival for a date that is not an ISO date', () => {
    for (const firstArrival of ['2027-02-30', '06-01-2027', '', '2027-1-6']) {
      assert.deepEqual(problemOf(expandSeries({ ...base, firstArrival })), { code: 'invalid_rrule', field: 'firstArrival' });
    }
  });

  it('invalid_nights', () => {
    for (const nights of [0, -1, 91, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.deepEqual(problemOf(expandSeries({ ...base, nights })), { code: 'invalid_nights', field: 'nights' }, String(nights));
    }
    assert.ok(expandSeries({ ...base, rrule: 'FREQ=MONTHLY;COUNT=2', nights: 1 }).ok);
    assert.ok(expandSeries({ ...base, rrule: 'FREQ=MONTHLY;INTERVAL=4;COUNT=2', nights: 90 }).ok);
  });

  it('unbounded without COUNT or UNTIL', () => {
    assert.deepEqual(problemOf(expandSeries({ ...base, rrule: 'FREQ=WEEKLY' })), { code: 'unbounded', field: 'rrule' });
    assert.deepEqual(problemOf(expandSeries({ ...base, rrule: 'FREQ=MONTHLY;BYDAY=1FR' })), { code: 'unbounded', field: 'rrule' });
  });

  it('too_many, from COUNT and from UNTIL', () => {
    assert.deepEqual(problemOf(expandSeries({ ...base, rrule: 'FREQ=DAILY;COUNT=105', nights: 1 })), {
      code: 'too_many',
      field: 'rrule',
    });
    // 2027-01-06 + 104 weeks = 2029-01-03: the 105th weekly stay, still within 731 days.
    assert.deepEqual(problemOf(expandSeries({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20290103' })), { code: 'too_many', field: 'rrule' });
    assert.equal(stays(expandSeries({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20290102' })).length, 104);
    assert.equal(problemOf(expandSeries({ ...base, rrule: 'FREQ=WEEKLY;COUNT=6' }, { maxOccurrences: 5 })).code, 'too_many');
  });

  it('too_far: a stay arriving more than maxHorizonDays after firstArrival', () => {
    assert.deepEqual(problemOf(expandSeries({ ...base, rrule: 'FREQ=MONTHLY;COUNT=30' })), { code: 'too_far', field: 'rrule' });
    // 2027-01-06 + 2 years is exactly 731 days (2028 is a leap year): allowed; the third year is not.
    assert.equal(stays(expandSeries({ ...base, rrule: 'FREQ=YEARLY;UNTIL=20300105' })).length, 3);
    assert.deepEqual(problemOf(expandSeries({ ...base, rrule: 'FREQ=YEARLY;UNTIL=20300106' })), { code: 'too_far', field: 'rrule' });
    // Sparse: the first 29 February after 2029-03-01 is in 2032.
    assert.deepEqual(
      problemOf(expandSeries({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2', firstArrival: '2029-03-01', nights: 2 })),
      {
        code: 'too_far',
        field: 'rrule',
      },
    );
    // A year the app does not take (rrule.js would also stop at 9999, leaving stays of the COUNT unbookable).
    assert.deepEqual(problemOf(expandSeries({ rrule: 'FREQ=MONTHLY;COUNT=5', firstArrival: '9999-11-01', nights: 2 })), {
      code: 'invalid_rrule',
      field: 'firstArrival',
    });
  });

  it('overlapping_occurrences', () => {
    assert.deepEqual(problemOf(expandSeries({ ...base, nights: 8 })), { code: 'overlapping_occurrences', field: 'nights' });
    // Only some pairs overlap: stays on Monday and Wednesday of each week, 3 nights.
    assert.equal(
      problemOf(expandSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4', firstArrival: '2027-01-04', nights: 3 })).code,
      'overlapping_occurrences',
    );
    assert.ok(expandSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4', firstArrival: '2027-01-04', nights: 2 }).ok);
  });

  it('no_occurrences', () => {
    for (const rrule of [
      'FREQ=WEEKLY;UNTIL=20270101', // ends before firstArrival
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3', // there is no 30 February
      'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2;COUNT=2', // a week has one Monday
      'FREQ=DAILY;INTERVAL=7;BYDAY=MO;UNTIL=20280101', // every 7th day from a Wednesday is a Wednesday
    ]) {
      assert.deepEqual(problemOf(expandSeries({ ...base, rrule })), { code: 'no_occurrences', field: 'rrule' }, rrule);
    }
  });

  it('bounds the work for rules that never match (rrule.js alone scans to year 9999)', () => {
    for (const rrule of [
      'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3',
      'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20290101',
      'FREQ=DAILY;BYDAY=MO;BYSETPOS=2;COUNT=2',
    ]) {
      const started = performance.now();
      assert.equal(problemOf(expandSeries({ ...base, rrule })).code, 'no_occurrences');
      // Unbounded, each of these takes 6 to 8 seconds.
      assert.ok(performance.now() - started < 1000, `${rrule} took ${performance.now() - started} ms`);
    }
  });

  it('rejects nonsensical limits as a programming error', () => {
    assert.throws(() => expandSeries(base, { maxOccurrences: 0 }), RangeError);
    assert.throws(() => expandSeries(base, { maxHorizonDays: -1 }), RangeError);
  });
});

describe('expandSeries: properties', () => {
  const EARLIEST = toEpochDay('1990-01-01');
  const LATEST = toEpochDay('2060-12-31');

  /** Independent model for rules without BY parts: start + k * interval * step. */
  function modelArrivals(freq: 'DAILY' | 'WEEKLY' | 'MONTHLY', interval: number, count: number, firstArrival: string): string[] {
    const result: string[] = [];
    for (let k = 0; k < count; k++) {
      if (freq === 'DAILY') result.push(addDays(firstArrival, k * interval));
      else if (freq === 'WEEKLY') result.push(addDays(firstArrival, 7 * k * interval));
      else {
        const [y, m, d] = firstArrival.split('-').map(Number) as [number, number, number];
        const months = m - 1 + k * interval;
        const year = y + Math.floor(months / 12);
        result.push(`${String(year).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }
    }
    return result;
  }

  it('matches the simple model for DAILY/WEEKLY/MONTHLY with INTERVAL and COUNT', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('DAILY' as const, 'WEEKLY' as const, 'MONTHLY' as const),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: EARLIEST, max: LATEST }),
        // Mostly stays short enough to fit between occurrences, sometimes any valid length.
        fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 90 })),
        (freq, interval, count, startDay, nights) => {
          let firstArrival = fromEpochDay(startDay);
          // Day 29-31 is skipped in short months (tested separately); keep the model simple.
          if (freq === 'MONTHLY' && Number(firstArrival.slice(8)) > 28) firstArrival = `${firstArrival.slice(0, 8)}28`;
          const result = expandSeries({ rrule: `FREQ=${freq};INTERVAL=${interval};COUNT=${count}`, firstArrival, nights });
          const expected = modelArrivals(freq, interval, count, firstArrival);
          if (nightsBetween(firstArrival, expected.at(-1)!) > 731) {
            assert.equal(problemOf(result).code, 'too_far');
          } else if (expected.some((arrival, i) => i > 0 && nightsBetween(expected[i - 1]!, arrival) < nights)) {
            assert.equal(problemOf(result).code, 'overlapping_occurrences');
          } else {
            assert.deepEqual(
              stays(result),
              expected.map((arrival) => ({ arrival, departure: addDays(arrival, nights) })),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps its invariants for random rules with BY parts', () => {
    const weekdays = fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { minLength: 1 });
    const rule = fc.oneof(
      fc.record({ freq: fc.constant('DAILY'), extra: fc.constantFrom('', ';BYDAY=MO,TH', ';BYMONTHDAY=1,15') }),
      fc.record({ freq: fc.constant('WEEKLY'), extra: weekdays.map((days) => `;BYDAY=${days.join(',')}`) }),
      fc.record({
        freq: fc.constant('MONTHLY'),
        extra: fc.oneof(
          fc.constant(''),
          fc
            .integer({ min: -31, max: 31 })
            .filter((n) => n !== 0)
            .map((n) => `;BYMONTHDAY=${n}`),
          fc.tuple(weekdays, fc.constantFrom(1, 2, -1)).map(([days, pos]) => `;BYDAY=${days.join(',')};BYSETPOS=${pos}`),
        ),
      }),
    );
    fc.assert(
      fc.property(
        rule,
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: EARLIEST, max: LATEST }),
        fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 30 })),
        ({ freq, extra }, interval, count, untilOffset, startDay, nights) => {
          const firstArrival = fromEpochDay(startDay);
          const bound = count === undefined ? `UNTIL=${addDays(firstArrival, untilOffset).replaceAll('-', '')}` : `COUNT=${count}`;
          const result = expandSeries({ rrule: `FREQ=${freq};INTERVAL=${interval};${bound}${extra}`, firstArrival, nights });
          if (!result.ok) {
            assert.ok(
              ['too_many', 'too_far', 'overlapping_occurrences', 'no_occurrences'].includes(result.problem.code),
              result.problem.detail,
            );
            return;
          }
          const occurrences = result.occurrences;
          assert.ok(occurrences.length >= 1);
          if (count !== undefined) assert.equal(occurrences.length, count);
          for (const [i, stay] of occurrences.entries()) {
            assert.equal(nightsBetween(stay.arrival, stay.departure), nights);
            assert.ok(stay.arrival >= firstArrival);
            assert.ok(nightsBetween(firstArrival, stay.arrival) <= 731);
            if (count === undefined) assert.ok(nightsBetween(stay.arrival, addDays(firstArrival, untilOffset)) >= 0);
            if (i > 0) {
              const previous = occurrences[i - 1]!;
              assert.ok(previous.arrival < stay.arrival, 'arrivals strictly increase');
              assert.ok(previous.departure <= stay.arrival, 'no overlap');
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
