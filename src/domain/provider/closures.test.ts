import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ClosureRecord, closurePeriodIssues, groupClosures, unitsToClose } from './closures.ts';

const TODAY = '2027-03-01';
const UNITS = [
  { id: 'u1', activeFrom: '2026-01-01', activeUntil: null },
  { id: 'u2', activeFrom: '2026-01-01', activeUntil: '2027-03-10' },
  { id: 'u3', activeFrom: '2027-06-01', activeUntil: null },
];

describe('closing units of a location', () => {
  it('refuses a period that starts in the past, ends before it starts, or is too long', () => {
    assert.deepEqual(closurePeriodIssues({ startsOn: TODAY, endsOn: '2027-03-08' }, TODAY), []);
    assert.deepEqual(closurePeriodIssues({ startsOn: '2027-02-28', endsOn: '2027-03-08' }, TODAY), [
      { field: 'startsOn', code: 'date_in_past' },
    ]);
    assert.deepEqual(closurePeriodIssues({ startsOn: '2027-03-08', endsOn: '2027-03-08' }, TODAY), [
      { field: 'endsOn', code: 'ends_before_start' },
    ]);
    assert.deepEqual(closurePeriodIssues({ startsOn: '2027-03-08', endsOn: '2027-03-02' }, TODAY), [
      { field: 'endsOn', code: 'ends_before_start' },
    ]);
    assert.deepEqual(closurePeriodIssues({ startsOn: TODAY, endsOn: '2029-03-03' }, TODAY), [
      { field: 'endsOn', code: 'period_too_long', params: { maximum: 731 } },
    ]);
  });

  it('an admission stop closes every unit in use during the period, and only those', () => {
    assert.deepEqual(unitsToClose(UNITS, 'all', { startsOn: '2027-03-05', endsOn: '2027-03-12' }).unitIds, ['u1', 'u2']);
    assert.deepEqual(unitsToClose(UNITS, 'all', { startsOn: '2027-03-10', endsOn: '2027-06-02' }).unitIds, ['u1', 'u3']);
    assert.deepEqual(unitsToClose([UNITS[2]!], 'all', { startsOn: TODAY, endsOn: '2027-03-05' }), {
      unitIds: [],
      issues: [{ field: 'units', code: 'no_units_in_use' }],
    });
  });

  it('closes chosen units of the location, and names each one that is not', () => {
    assert.deepEqual(unitsToClose(UNITS, ['u2', 'u1', 'u2'], { startsOn: TODAY, endsOn: '2027-03-05' }), {
      unitIds: ['u2', 'u1'],
      issues: [],
    });
    assert.deepEqual(unitsToClose(UNITS, ['u1', 'elsewhere'], { startsOn: TODAY, endsOn: '2027-03-05' }), {
      unitIds: [],
      issues: [{ field: 'units.1', code: 'unknown_unit' }],
    });
  });
});

describe('grouping closures as they were made', () => {
  const closure = (id: string, unitId: string, createdAt: string, startsOn = '2027-03-08', endsOn = '2027-03-15'): ClosureRecord => ({
    id,
    unitId,
    startsOn,
    endsOn,
    kind: 'closure',
    reason: 'admission_stop',
    note: 'Griep',
    createdAt,
  });

  it('shows an admission stop of the whole location as one line', () => {
    const groups = groupClosures([closure('c1', 'u1', 't1'), closure('c2', 'u2', 't1')], UNITS);
    assert.equal(groups.length, 1);
    assert.deepEqual(groups[0]!.closureIds, ['c1', 'c2']);
    assert.equal(groups[0]!.wholeLocation, true, 'u3 is not in use yet, so u1 and u2 are every unit');
  });

  it('keeps closures made one by one apart, earliest first, and knows they do not close the whole location', () => {
    const groups = groupClosures([closure('c3', 'u1', 't2', '2027-03-09', '2027-03-11'), closure('c1', 'u1', 't1')], UNITS);
    assert.deepEqual(
      groups.map((g) => g.closureIds),
      [['c1'], ['c3']],
    );
    // Here u2 is still in use, so closing u1 leaves admissions open.
    assert.ok(groups.every((g) => !g.wholeLocation));
  });
});
