import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CARE_NEEDS, featuresToAskAbout } from './care-needs.ts';

describe('the care-needs checklist of the public form', () => {
  it('points each need to the features a place must offer, each once', () => {
    assert.deepEqual(featuresToAskAbout(['wanders', 'confused']), ['secured_unit', 'dementia_specialised']);
    assert.deepEqual(featuresToAskAbout(['personal_care', 'medication']), []);
    assert.deepEqual(featuresToAskAbout([]), []);
  });

  it('has the same codes as the database allows', () => {
    const migration = readFileSync(new URL('../data/migrations/0030_public_request_needs.sql', import.meta.url), 'utf8');
    const allowed = /care_needs <@ ARRAY\[([^\]]+)\]/
      .exec(migration)![1]!
      .split(',')
      .map((code) => code.trim().replaceAll("'", ''));
    assert.deepEqual(allowed, [...CARE_NEEDS]);
  });
});
