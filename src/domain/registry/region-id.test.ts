import assert from 'node:assert/strict';
import { it } from 'node:test';
import { regionIdFromName } from './region-id.ts';

it('makes a region id from its name: lower case, no accents, hyphens, at most 60 characters', () => {
  assert.equal(regionIdFromName('Hoeksche Waard'), 'hoeksche-waard');
  assert.equal(regionIdFromName("  Súdwest-Fryslân & 's-Hertogenbosch "), 'sudwest-fryslan-s-hertogenbosch');
  assert.equal(regionIdFromName('Ä'), 'regio-a');
  assert.match(regionIdFromName('x'.repeat(80)), /^[a-z0-9-]{2,60}$/);
});
