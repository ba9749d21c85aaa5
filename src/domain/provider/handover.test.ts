import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyOverrides } from '../triage/overrides.ts';
import { readAnswersV1 } from '../triage/answers.ts';
import { triageV1 as triage } from '../triage/rules-v1.ts';
import { CONTRA_INDICATION_LABELS, type TriageForHandover, handoverCare, handoverWithheld } from './handover.ts';

const STABLE = {
  specialist_intervention: false,
  medically_stable: true,
  treatment_or_observation: false,
  unplanned_nursing: false,
  life_expectancy_short: false,
  return_home_expected: true,
  adl_dependency: 'partial',
  mobility: 'walker',
  night_care: false,
  dementia: 'none',
  wandering: false,
  behaviour_problems: false,
  wlz_indication: false,
  caregiver_dropped_out: false,
  burden_tired: '2',
  burden_health: '2',
  burden_own_time: '2',
  burden_worry: '2',
  burden_relationship: '2',
};

function triaged(
  changes: Record<string, boolean | string | string[]> = {},
  overrides: Parameters<typeof applyOverrides>[1] = [],
): TriageForHandover {
  const answers = { ...STABLE, ...changes };
  return {
    questionnaireVersion: '1',
    triagedAt: '2027-01-04T10:00:00.000Z',
    answers,
    effective: applyOverrides(triage(readAnswersV1(answers)), overrides),
  };
}

describe('the handover from triage', () => {
  it('gives the staff the care needs in the words of the questionnaire', () => {
    const care = handoverCare(triaged({ nursing_acts: ['oxygen', 'catheter'], diet: '  Zoutarm ', dementia: 'moderate' }), ['nursing_24h']);
    assert.ok(care);
    assert.equal(care.mobility, 'walker');
    assert.equal(care.adlDependency, 'partial');
    assert.equal(care.dementia, 'moderate');
    // In the questionnaire's order, whatever order they were ticked in.
    assert.deepEqual(care.nursingActs, ['catheter', 'oxygen']);
    assert.equal(care.diet, 'Zoutarm');
    assert.deepEqual(care.requiredFeatures, ['dementia_specialised', 'nursing_24h']);
    assert.deepEqual(care.contraIndications, ['needs_24h_nursing']);
  });

  it('leaves out what served only the decision: caregiver burden, urgency, financing', () => {
    const care = handoverCare(triaged({ caregiver_dropped_out: true, unsafe_alone_now: true }), []);
    const keys = Object.keys(care!);
    for (const kept of ['burdenScore', 'burdenLevel', 'urgency', 'financing', 'disposition', 'reasons', 'stayTypes']) {
      assert.ok(!keys.includes(kept), `${kept} is in the handover`);
    }
    assert.ok(!JSON.stringify(care).includes('burden'));
  });

  it('warns about a required feature the unit does not offer', () => {
    const care = handoverCare(triaged({ wandering: true, mobility: 'wheelchair' }), ['wheelchair_accessible']);
    assert.deepEqual(care!.requiredFeatures, ['secured_unit', 'wheelchair_accessible']);
    assert.deepEqual(care!.missingFeatures, ['secured_unit']);
    assert.deepEqual(care!.contraIndications, ['wandering_needs_secured_unit']);
    assert.equal(care!.wandering, true);
  });

  it("takes the triagist's features over the rules', and says so", () => {
    const care = handoverCare(
      triaged({ mobility: 'hoist' }, [{ topic: 'features', value: ['wheelchair_accessible'], reason: 'Tillift neemt familie mee' }]),
      [],
    );
    assert.deepEqual(care!.requiredFeatures, ['wheelchair_accessible']);
    assert.equal(care!.featuresSetByTriagist, true);
    assert.equal(care!.mobility, 'hoist');
    assert.equal(handoverCare(triaged(), [])!.featuresSetByTriagist, false);
  });

  it('has no care part without a triage, or for a questionnaire it cannot read', () => {
    assert.equal(handoverCare(undefined, []), null);
    assert.equal(handoverCare({ ...triaged(), questionnaireVersion: '99' }, []), null);
  });

  it('has no diet when the answer is empty', () => {
    assert.equal(handoverCare(triaged({ diet: '   ' }), [])!.diet, null);
    assert.equal(handoverCare(triaged(), [])!.diet, null);
  });

  it('has words for every contra-indication in both languages', () => {
    for (const label of Object.values(CONTRA_INDICATION_LABELS)) assert.ok(label.nl && label.en);
  });

  it('is shown while the guest is expected or staying, and for two weeks after leaving; not for a guest who will not come', () => {
    for (const status of ['hold', 'confirmed', 'arrived'] as const)
      assert.equal(handoverWithheld(status, '2027-03-10', '2027-06-01'), null, status);
    assert.equal(handoverWithheld('departed', '2027-03-10', '2027-03-23'), null);
    assert.equal(handoverWithheld('departed', '2027-03-10', '2027-03-24'), 'ended');
    for (const status of ['cancelled', 'expired', 'no_show'] as const)
      assert.equal(handoverWithheld(status, '2027-03-10', '2027-03-01'), 'not_coming', status);
  });
});
