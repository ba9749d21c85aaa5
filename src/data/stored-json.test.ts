import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoredJsonError, parseAnswers, parseTriageOutcome, stayEventDetails } from './stored-json.ts';

const outcome = {
  disposition: 'temporary_stay',
  stayTypes: ['respite'],
  urgency: 'planned',
  requiredFeatures: ['secured_unit'],
  contraIndications: [],
  financing: 'wmo_stay_zvw_care',
  burdenScore: 5,
  burdenLevel: 'moderate',
  reasons: [{ topic: 'urgency', code: 'planned' }],
};

describe('stored JSON is parsed when read', () => {
  it('gives a triage outcome back as stored, fields of a later version included', () => {
    assert.deepEqual(parseTriageOutcome(outcome), outcome);
    assert.deepEqual(parseTriageOutcome({ ...outcome, complexity: 'high', futureField: 1 }), {
      ...outcome,
      complexity: 'high',
      futureField: 1,
    });
  });

  it('refuses an outcome with an unknown stay type or without an urgency, naming the column', () => {
    assert.throws(
      () => parseTriageOutcome({ ...outcome, stayTypes: ['hotel'] }),
      (error) => error instanceof StoredJsonError && /triage\.outcome/.test(error.message) && /stayTypes/.test(error.message),
    );
    const { urgency: _, ...withoutUrgency } = outcome;
    assert.throws(() => parseTriageOutcome(withoutUrgency), StoredJsonError);
  });

  it('reads answers and tells a stay step from other referral events', () => {
    assert.deepEqual(parseAnswers({ wandering: true, adl: 'partial', conditions: ['copd'], age: 81 }), {
      wandering: true,
      adl: 'partial',
      conditions: ['copd'],
      age: 81,
    });
    assert.throws(() => parseAnswers({ wandering: { nested: true } }), StoredJsonError);
    assert.equal(stayEventDetails({ fields: ['wished_arrival'] }), undefined);
    assert.deepEqual(
      stayEventDetails({ unitId: 'u', arrival: '2027-01-01', departure: '2027-01-05', status: 'confirmed', previousStatus: 'hold' }),
      { unitId: 'u', arrival: '2027-01-01', departure: '2027-01-05', status: 'confirmed', previousStatus: 'hold' },
    );
    assert.throws(() => stayEventDetails({ unitId: 'u', arrival: '2027-01-01', departure: '2027-01-05', status: 'lost' }), StoredJsonError);
  });
});
