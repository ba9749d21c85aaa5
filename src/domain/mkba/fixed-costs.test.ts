import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { costInPeriod, type YearlyCost } from './fixed-costs.ts';

const staff: YearlyCost = {
  kind: 'staff',
  description: 'Personeel',
  centsPerYear: 96_800_00,
  validFrom: '2019-01-01',
  validUntil: null,
  shares: { municipality: 100, insurer: 0, careOffice: 0 },
};

describe('a yearly cost in a period', () => {
  it('a whole year costs one year, also a leap year', () => {
    assert.equal(costInPeriod(staff, { from: '2019-01-01', to: '2020-01-01' })!.costsCents.municipality, 96_800_00);
    assert.equal(costInPeriod(staff, { from: '2020-01-01', to: '2021-01-01' })!.costsCents.municipality, 96_800_00);
  });

  it("a part of a year by its days, across a year boundary and within the cost's validity", () => {
    // 1 Dec 2019 – 1 Feb 2020: 31/365 + 31/366 of € 96,800 = € 8,221.37 + € 8,198.91 = € 16,420.28.
    assert.equal(costInPeriod(staff, { from: '2019-12-01', to: '2020-02-01' })!.costsCents.municipality, 1_642_028);
    // Valid from 1 July 2019 only: 184 of 365 days = € 48,797.81.
    const fromJuly = { ...staff, validFrom: '2019-07-01' };
    assert.equal(costInPeriod(fromJuly, { from: '2019-01-01', to: '2020-01-01' })!.costsCents.municipality, 4_879_781);
    assert.equal(
      costInPeriod({ ...staff, validUntil: '2019-01-01', validFrom: '2018-01-01' }, { from: '2019-01-01', to: '2020-01-01' }),
      null,
    );
  });

  it('shares the amount as the contract says, to the cent', () => {
    const lumpSum: YearlyCost = {
      ...staff,
      kind: 'availability_contract',
      centsPerYear: 100_001,
      shares: { municipality: 50, insurer: 50, careOffice: 0 },
    };
    const cost = costInPeriod(lumpSum, { from: '2019-01-01', to: '2020-01-01' })!;
    assert.deepEqual(cost.costsCents, { municipality: 50_001, insurer: 50_000, careOffice: 0 });
  });
});
