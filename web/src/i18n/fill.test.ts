import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fill } from './fill.ts';

describe('filling a text with numbers', () => {
  it('chooses the singular or the plural by the language: no "1 plekken", no "1 places"', () => {
    const nl = 'Nog {count|# vraag|# vragen} over';
    assert.equal(fill(nl, { count: 1 }, 'nl'), 'Nog 1 vraag over');
    assert.equal(fill(nl, { count: 0 }, 'nl'), 'Nog 0 vragen over');
    assert.equal(fill('{count|# place|# places} held', { count: 1 }, 'en'), '1 place held');
    assert.equal(fill('{count|# place|# places} held', { count: 3 }, 'en'), '3 places held');
    assert.equal(fill('Van {from} tot {to}', { from: 'ma', to: 'di' }, 'nl'), 'Van ma tot di');
  });
});
