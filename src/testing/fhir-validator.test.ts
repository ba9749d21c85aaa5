import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertValidFhir } from './fhir-validator.ts';

describe('the FHIR validator the tests rely on', () => {
  // It checks structure, cardinality and types; it does not check every code against its value set (a Location with
  // status "open" passes), so our codes come from the constants in src/domain/fhir/ and the tests pin them.
  it('refuses what R4 does not allow, so a passing resource means something', () => {
    assert.throws(() => assertValidFhir({ resourceType: 'Location', colour: 'red' }), /colour/);
    assert.throws(() => assertValidFhir({ resourceType: 'Location', position: { latitude: 'north' } }), /longitude/);
    assert.throws(
      () => assertValidFhir({ resourceType: 'MeasureReport', type: 'summary', measure: 'x', period: { start: '2027-01-01' } }),
      /status/,
    );
    assert.throws(() => assertValidFhir({ resourceType: 'Organization', identifier: { system: 'x', value: '1' } }), /identifier/);
    assert.throws(
      () =>
        assertValidFhir({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'Location', colour: 'red' } }] }),
      /entry\[0\]/,
    );
    assertValidFhir({ resourceType: 'Organization', name: 'Zorggroep' });
  });
});
