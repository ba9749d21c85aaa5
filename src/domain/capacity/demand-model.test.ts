import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../dates.ts';
import { STAY_TYPES } from '../stay-types.ts';
import {
  type DemandRecord,
  NIGHT_CLASSES,
  demandFigures,
  dispersionOf,
  planningDemand,
  seasonOf,
  stayTypeOfRequest,
} from './demand-model.ts';

const YEAR = { from: '2025-01-01', to: '2026-01-01' };
const record = (
  person: string,
  date: string,
  stayType: DemandRecord['stayType'] = 'respite',
  nights: number | null = 5,
  outcome: DemandRecord['outcome'] = 'in_region',
): DemandRecord => ({ person, stayType, date, nights, outcome });

describe('the demand model', () => {
  it('names meteorological seasons and the stay type a request without a stay asked for', () => {
    assert.deepEqual(['2025-01-15', '2025-03-01', '2025-06-30', '2025-09-01', '2025-12-01'].map(seasonOf), [
      'winter',
      'spring',
      'summer',
      'autumn',
      'winter',
    ]);
    assert.equal(stayTypeOfRequest('respite_recurring', null, null), 'respite');
    assert.equal(stayTypeOfRequest('crisis', 'VV5', null), 'crisis_wlz');
    assert.equal(stayTypeOfRequest('crisis', null, null), 'crisis_wmo');
    assert.equal(stayTypeOfRequest('elv_from_gp', null, null), 'elv_high_complex');
    assert.equal(stayTypeOfRequest('elv_from_gp', null, ['elv_palliative', 'elv_high_complex']), 'elv_palliative');
    // Triage said: no temporary stay (to hospital). And a tour asks for no stay.
    assert.equal(stayTypeOfRequest('elv_from_gp', null, []), null);
    assert.equal(stayTypeOfRequest('tour', null, null), null);
  });

  it('counts requests, rates per week and season, stay lengths, placement and recurring guests', () => {
    const records = [
      ...Array.from({ length: 6 }, (_x, i) => record(`r${i}`, addDays('2025-01-06', 7 * i))),
      ...Array.from({ length: 6 }, (_x, i) => record(`r${i}`, addDays('2025-07-07', 7 * i), 'respite', 9)),
      ...Array.from({ length: 5 }, (_x, i) => record(`e${i}`, addDays('2025-04-01', i), 'elv_low_complex', 20, 'outside_region')),
      ...Array.from({ length: 5 }, (_x, i) => record(`n${i}`, addDays('2025-10-01', i), 'elv_low_complex', null, 'not_placed')),
      record('early', '2024-12-31'),
      record('late', '2026-01-01'),
    ];
    const figures = demandFigures(records, YEAR);
    assert.deepEqual(figures.observed, { ...YEAR, days: 365 });
    const respite = figures.stayTypes.find((row) => row.stayType === 'respite')!;
    // Shown counts of people are rounded to 5 (12 → 10, 6 → 5); rates follow the shown counts.
    assert.equal(respite.requests, 10);
    assert.equal(respite.perWeek, Math.round((10 / 365) * 7 * 100) / 100);
    assert.deepEqual([respite.guests, respite.recurringGuests, respite.percentRecurring], [5, 5, 100]);
    assert.deepEqual([respite.nights.mean, respite.nights.median], [7, 7]);
    assert.deepEqual(
      respite.seasons.map((season) => [season.season, season.days, season.requests]),
      [
        ['winter', 90, 5],
        ['spring', 92, 0],
        ['summer', 92, 5],
        ['autumn', 91, 0],
      ],
    );
    const winter = respite.seasons[0]!;
    assert.equal(winter.perWeek, Math.round((5 / 90) * 7 * 100) / 100);
    const elv = figures.stayTypes.find((row) => row.stayType === 'elv_low_complex')!;
    assert.deepEqual(
      [elv.requests, elv.inRegion, elv.outsideRegion, elv.notPlaced, elv.percentOutside, elv.percentNotPlaced],
      [10, 0, 5, 5, 50, 50],
    );
    // Lengths are those of stays that took place; a request without a stay has none.
    assert.equal(elv.nights.mean, 20);
    assert.equal(elv.nights.classes.find((range) => range.from === 15)!.stays, 5);
    assert.equal(figures.total.requests, 20);
    assert.equal(
      figures.weeks.reduce((sum, week) => sum + week.days, 0),
      365,
    );
    assert.equal(figures.weeks[0]!.week, '2024-12-30');
    assert.equal(figures.weeks[0]!.days, 5);
  });

  it('hides counts of fewer than 5 people, and one more where a total would give a hidden count away', () => {
    const records = [
      ...Array.from({ length: 8 }, (_x, i) => record(`r${i}`, addDays('2025-02-01', 9 * i))),
      ...Array.from({ length: 3 }, (_x, i) => record(`c${i}`, addDays('2025-05-01', 9 * i), 'crisis_wmo', 4)),
    ];
    const figures = demandFigures(records, YEAR);
    const [respite, crisis] = [
      figures.stayTypes.find((row) => row.stayType === 'respite')!,
      figures.stayTypes.find((row) => row.stayType === 'crisis_wmo')!,
    ];
    assert.equal(crisis.suppressed, true);
    assert.deepEqual([crisis.requests, crisis.perWeek, crisis.nights.mean, crisis.guests], [null, null, null, null]);
    // With the total shown, respite's 8 would give crisis's 3 away: one of the two is hidden as well.
    assert.ok(respite.requests === null || figures.total.requests === null);
  });

  it('never shows a count of 1 to 4 people, nor leaves one hidden count alone in a sum that is shown', () => {
    const anyRecord = fc
      .record({
        person: fc.integer({ min: 0, max: 25 }).map(String),
        day: fc.integer({ min: 0, max: 364 }),
        stayType: fc.constantFrom(...STAY_TYPES.slice(0, 4)),
        nights: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
        outcome: fc.constantFrom('in_region', 'outside_region', 'not_placed') as fc.Arbitrary<DemandRecord['outcome']>,
      })
      .map(
        (r): DemandRecord => ({
          person: r.person,
          stayType: r.stayType,
          date: addDays(YEAR.from, r.day),
          nights: r.outcome === 'not_placed' ? r.nights : (r.nights ?? 3),
          outcome: r.outcome,
        }),
      );
    fc.assert(
      fc.property(fc.array(anyRecord, { maxLength: 80 }), (records) => {
        const figures = demandFigures(records, YEAR);
        const rows = [...figures.stayTypes, figures.total];
        for (const row of rows) {
          const subset = row.stayType === 'all' ? records : records.filter((item) => item.stayType === row.stayType);
          const people = new Set(subset.map((item) => item.person)).size;
          if (row.requests !== null && row.requests > 0)
            assert.ok(people >= 5, `${row.stayType}: ${row.requests} requests of ${people} people`);
          // The seasons add up to the requests: never exactly one of them hidden (zero is never hidden).
          const cells = [row.requests, ...row.seasons.map((season) => season.requests)];
          assert.notEqual(
            cells.filter((value) => value === null).length,
            1,
            `${row.stayType}: one hidden among the seasons and their total`,
          );
        }
        const typeCells = [...figures.stayTypes.map((row) => row.requests), figures.total.requests];
        assert.notEqual(typeCells.filter((value) => value === null).length, 1);
        const weekCells = [...figures.weeks.map((week) => week.requests), figures.total.requests];
        assert.notEqual(weekCells.filter((value) => value === null).length, 1);
      }),
      { numRuns: 150 },
    );
  });

  it('measures how evenly requests come: a fixed weekly rhythm is far below 1, bunches far above', () => {
    const even = Array.from({ length: 52 }, (_x, i) => record(`p${i % 5}`, addDays('2025-01-06', 7 * i)));
    assert.equal(dispersionOf(even, YEAR), 0);
    const bunched = Array.from({ length: 52 }, (_x, i) => record(`p${i % 5}`, addDays('2025-01-06', 7 * (i % 4 === 0 ? i : 0))));
    assert.ok(dispersionOf(bunched, YEAR)! > 5);
    assert.equal(dispersionOf(even, { from: '2025-01-01', to: '2025-01-20' }), null);
  });

  it("gives the planner recurring guests' intervals and the one-time guests' rate per season", () => {
    const records = [
      ...Array.from({ length: 4 }, (_x, i) => record('regular', addDays('2025-01-10', 90 * i))),
      ...Array.from({ length: 50 }, (_x, i) => record(`once${i}`, addDays(i < 40 ? '2025-06-01' : '2025-12-01', i % 30), 'respite', 3)),
    ];
    const demand = planningDemand(records, YEAR);
    const respite = demand.stayTypes[0]!;
    assert.equal(demand.observedDays, 365);
    assert.deepEqual(respite.recurringIntervals, [365 / 4]);
    assert.equal(respite.requests, 54);
    assert.equal(respite.oneTimePerDay.length, 365);
    // Day 0 is 1 January (winter: 10 of 90 days), day 160 is 10 June (summer: 40 in 92 days).
    assert.ok(Math.abs(respite.oneTimePerDay[0]! - 10 / 90) < 1e-12);
    assert.ok(Math.abs(respite.oneTimePerDay[160]! - 40 / 92) < 1e-12);
    assert.equal(respite.oneTimePerDay[100], 0);
    assert.ok(Math.abs(respite.meanNights! - (4 * 5 + 50 * 3) / 54) < 1e-12);
    // Few one-time requests: the rate stays flat instead of following chance per season.
    const few = planningDemand([record('a', '2025-06-01'), record('b', '2025-06-02')], YEAR).stayTypes[0]!;
    assert.ok(few.oneTimePerDay.every((rate) => Math.abs(rate - 2 / 365) < 1e-12));
    assert.equal(NIGHT_CLASSES.at(-1)!.to, null);
  });
});
