import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bedCost, bedYearCents, typicalBedYear } from './bed-year-cost.ts';

describe('the cost of keeping a bed available', () => {
  const tariff = (validFrom: string, validUntil: string | null, stayCents: number) => ({
    validFrom,
    validUntil,
    housingCents: 8_000,
    stayCents,
    careCents: 0,
  });

  it('prices every night of the window at the tariff valid that night, empty or not', () => {
    // Hoeksche Waard: € 80 housing + € 70 stay, 365 nights = € 54,750 (004 §7).
    assert.deepEqual(bedCost([tariff('2019-01-01', null, 7_000)], { from: '2019-01-01', to: '2020-01-01' }), {
      nights: 365,
      cents: 5_475_000,
      nightsWithoutTariff: 0,
    });
    assert.equal(bedYearCents(15_000), 5_475_000);
    // A tariff change on 1 July: 181 nights at € 150 and 184 at € 160.
    const changed = bedCost([tariff('2019-01-01', '2019-07-01', 7_000), tariff('2019-07-01', null, 8_000)], {
      from: '2019-01-01',
      to: '2020-01-01',
    });
    assert.equal(changed.cents, 181 * 15_000 + 184 * 16_000);
  });

  it('counts the nights without a tariff instead of pricing them at nothing', () => {
    const result = bedCost([tariff('2019-03-01', null, 7_000)], { from: '2019-01-01', to: '2019-04-01' });
    assert.deepEqual(result, { nights: 90, cents: 31 * 15_000, nightsWithoutTariff: 59 });
  });

  it("takes the middle bed-year of the region's locations, leaving out those without a tariff all year", () => {
    const year = (cents: number, nightsWithoutTariff = 0) => ({ nights: 365, cents, nightsWithoutTariff });
    assert.deepEqual(typicalBedYear([year(300), year(100), year(200), year(50, 10)]), { cents: 200, locations: 3 });
    assert.deepEqual(typicalBedYear([year(300), year(101)]), { cents: 201, locations: 2 });
    assert.equal(typicalBedYear([year(50, 10)]), null);
  });
});
