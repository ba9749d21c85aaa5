import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incompleteMonths } from './months.ts';

describe('months of the policy monitor that are not whole', () => {
  const year = ['2026-01', '2026-02', '2026-03'];

  it('marks the month that is not over yet, also on its last day', () => {
    assert.deepEqual(incompleteMonths(year, { from: '2026-01-01', to: '2026-03-31' }, '2026-03-15'), ['2026-03']);
    assert.deepEqual(incompleteMonths(year, { from: '2026-01-01', to: '2026-03-31' }, '2026-03-31'), ['2026-03']);
    assert.deepEqual(incompleteMonths(year, { from: '2026-01-01', to: '2026-03-31' }, '2026-04-01'), []);
  });

  it('marks a month the period cuts at either end, leap February included', () => {
    assert.deepEqual(incompleteMonths(year, { from: '2026-01-10', to: '2026-03-20' }, '2027-01-01'), ['2026-01', '2026-03']);
    assert.deepEqual(incompleteMonths(['2028-02'], { from: '2028-02-01', to: '2028-02-28' }, '2029-01-01'), ['2028-02']);
    assert.deepEqual(incompleteMonths(['2028-02', '2028-12'], { from: '2028-02-01', to: '2028-12-31' }, '2029-01-01'), []);
  });
});
