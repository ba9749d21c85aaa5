import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, nightsBetween } from './dates.ts';
import { MAX_STAY_NIGHTS, entitlementWarnings, isTooLong, nightsInYear } from './stay-limits.ts';

const ZWIJNDRECHT = { municipality: 'Zwijndrecht', crisisMaxNights: 14, respiteNightsPerYear: 21 };

describe('stay limits', () => {
  it('half a year is the longest temporary stay', () => {
    assert.equal(isTooLong({ from: '2027-01-01', to: addDays('2027-01-01', MAX_STAY_NIGHTS) }), false);
    assert.equal(isTooLong({ from: '2027-01-01', to: addDays('2027-01-01', MAX_STAY_NIGHTS + 1) }), true);
    assert.equal(isTooLong({ from: '2027-01-01', to: '2028-02-05' }), true, 'the 400 nights of the issue');
  });

  it('warns about a Wmo crisis stay longer than the municipality pays for', () => {
    const warnings = entitlementWarnings(ZWIJNDRECHT, { stayType: 'crisis_wmo', period: { from: '2027-03-01', to: '2027-03-22' } }, []);
    assert.deepEqual(warnings, [{ code: 'crisis_over_maximum', params: { municipality: 'Zwijndrecht', nights: 21, max: 14 } }]);
    assert.deepEqual(
      entitlementWarnings(ZWIJNDRECHT, { stayType: 'crisis_wmo', period: { from: '2027-03-01', to: '2027-03-15' } }, []),
      [],
    );
  });

  it('counts respite nights per calendar year, the planned stay with the earlier ones', () => {
    const earlier = [
      { stayType: 'respite', period: { from: '2027-02-01', to: '2027-02-15' } },
      { stayType: 'crisis_wmo', period: { from: '2027-05-01', to: '2027-05-20' } },
      { stayType: 'respite', period: { from: '2026-12-20', to: '2027-01-03' } },
    ];
    const warnings = entitlementWarnings(ZWIJNDRECHT, { stayType: 'respite', period: { from: '2027-06-01', to: '2027-06-08' } }, earlier);
    // 14 nights in February, 2 in January 2027; with 7 more: 23 > 21.
    assert.deepEqual(warnings, [
      { code: 'respite_nights_over_year', params: { municipality: 'Zwijndrecht', year: 2027, used: 16, planned: 7, max: 21 } },
    ]);
    assert.deepEqual(
      entitlementWarnings(undefined, { stayType: 'respite', period: { from: '2027-06-01', to: '2027-06-08' } }, earlier),
      [],
      'no rule, no warning',
    );
  });

  it('splits a stay over the turn of the year without losing a night', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 200 }), (offset, nights) => {
        const from = addDays('2026-06-01', offset);
        const period = { from, to: addDays(from, nights) };
        const total = [2026, 2027, 2028, 2029].reduce((sum, year) => sum + nightsInYear(period, year), 0);
        assert.equal(total, nightsBetween(period.from, period.to));
      }),
    );
  });
});
