import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AvailabilityIndex, type IndexedUnit } from './availability-index.ts';

const unit = (unitId: string, rank: number, overrides: Partial<IndexedUnit> = {}): IndexedUnit => ({
  unitId,
  rank,
  regionId: 'hw',
  acceptedStayTypes: ['respite'],
  reservedFor: null,
  features: [],
  activeFrom: '2027-01-01',
  activeUntil: null,
  ...overrides,
});

describe('AvailabilityIndex', () => {
  const period = { from: '2027-03-01', to: '2027-03-05' };
  const query = { regionIds: ['hw'], period, stayType: 'respite', features: [] };

  function anIndex() {
    const index = new AvailabilityIndex<IndexedUnit>();
    index.setRegistry(
      [
        { id: 'hw', neighbours: ['dr'] },
        { id: 'dr', neighbours: ['hw'] },
      ],
      [unit('b', 1), unit('a', 0), unit('x', 2, { regionId: 'dr' }), unit('elv', 3, { acceptedStayTypes: ['elv_low_complex'] })],
    );
    return index;
  }

  it('keeps display order and applies the fixed criteria', () => {
    const result = anIndex().search(query, 0);
    assert.deepEqual(
      result.free.map((u) => u.unitId),
      ['a', 'b'],
    );
  });

  it('moves a stay between units on upsert, and forgets it on remove', () => {
    const index = anIndex();
    index.upsert({ key: 'stay:1', unitId: 'a', kind: 'booked', range: period, expiresAtMs: null });
    assert.deepEqual(
      index.search(query, 0).free.map((u) => u.unitId),
      ['b'],
    );
    index.upsert({ key: 'stay:1', unitId: 'b', kind: 'booked', range: period, expiresAtMs: null });
    assert.deepEqual(
      index.search(query, 0).free.map((u) => u.unitId),
      ['a'],
    );
    index.remove('stay:1');
    assert.equal(index.occupationCount, 0);
    assert.deepEqual(
      index.search(query, 0).free.map((u) => u.unitId),
      ['a', 'b'],
    );
  });

  it('ignores a hold once its expiry has passed', () => {
    const index = anIndex();
    index.upsert({ key: 'stay:h', unitId: 'a', kind: 'hold', range: period, expiresAtMs: 1_000 });
    assert.deepEqual(
      index.search(query, 999).free.map((u) => u.unitId),
      ['b'],
    );
    assert.deepEqual(
      index.search(query, 1_000).free.map((u) => u.unitId),
      ['a', 'b'],
    );
  });

  it('searches neighbour regions in global display order', () => {
    const index = anIndex();
    assert.deepEqual(index.regionWithNeighbours('hw'), ['hw', 'dr']);
    assert.deepEqual(
      index.search({ ...query, regionIds: ['dr', 'hw'] }, 0).free.map((u) => u.unitId),
      ['a', 'b', 'x'],
    );
  });
});
