import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type TriageAnswers, readAnswersV1 } from './answers.ts';
import { explain, hasExplanation } from './explanations.ts';
import { QUESTIONNAIRES, validateAnswers } from './questionnaire.ts';
import { triageV1 as triage } from './rules-v1.ts';

/** A stable person living at home with a partner who copes: the baseline each profile changes. */
const base: TriageAnswers = {
  specialistIntervention: false,
  medicallyStable: true,
  treatmentOrObservation: false,
  unplannedNursing: false,
  lifeExpectancyShort: false,
  returnHomeExpected: true,
  adlDependency: 'none',
  mobility: 'walks',
  nightCare: false,
  nursingActs: [],
  diet: null,
  dementia: 'none',
  wandering: false,
  behaviourProblems: false,
  wlzIndication: false,
  wlzProfile: null,
  caregiverDroppedOut: false,
  unsafeAloneNow: false,
  burden: [1, 1, 1, 1, 1],
};
const person = (changes: Partial<TriageAnswers>): TriageAnswers => ({ ...base, ...changes });

describe('triage of the client profiles in the pilot reports', () => {
  it('Johan (78, dementia, partly ADL-dependent, partner Carla coping): planned Wmo respite in a dementia-specialised place', () => {
    const outcome = triage(person({ dementia: 'moderate', adlDependency: 'partial', burden: [2, 1, 2, 1, 1] }));
    assert.deepEqual(outcome.stayTypes, ['respite']);
    assert.equal(outcome.urgency, 'planned');
    assert.equal(outcome.financing, 'wmo_stay_zvw_care');
    assert.deepEqual(outcome.requiredFeatures, ['dementia_specialised']);
    assert.equal(outcome.burdenLevel, 'high');
  });

  it('Ida (86, lung and heart problems, daily planned nursing, son self-employed): Wmo respite with Zvw nursing, no medical ELV', () => {
    const outcome = triage(person({ adlDependency: 'partial', mobility: 'walker', nursingActs: ['injections', 'wound_care'] }));
    assert.deepEqual(outcome.stayTypes, ['respite']);
    assert.equal(outcome.financing, 'wmo_stay_zvw_care');
    assert.ok(outcome.reasons.some((reason) => reason.code === 'wmo_with_nursing'));
  });

  it('Jan (75, kidney failure, diabetes, wheelchair, light memory problems): Wmo respite in a wheelchair-accessible room', () => {
    const outcome = triage(person({ mobility: 'wheelchair', dementia: 'mild', nursingActs: ['injections'] }));
    assert.deepEqual(outcome.stayTypes, ['respite']);
    assert.deepEqual(outcome.requiredFeatures, ['wheelchair_accessible']);
  });

  it('Jannie (86, dementia, wheelchair, fully ADL-dependent, daughter Yvonne): planned respite, dementia-specialised and wheelchair-accessible', () => {
    const outcome = triage(person({ dementia: 'moderate', mobility: 'wheelchair', adlDependency: 'full', nightCare: false }));
    assert.deepEqual(outcome.stayTypes, ['respite']);
    assert.deepEqual(outcome.requiredFeatures, ['dementia_specialised', 'wheelchair_accessible']);
    assert.equal(outcome.urgency, 'planned', 'full ADL dependency alone is no crisis while the caregiver copes');
  });

  it('Piet (77, dementia with behaviour problems, catheter): respite only where dementia care handles behaviour', () => {
    const outcome = triage(person({ dementia: 'moderate', behaviourProblems: true, nursingActs: ['catheter'], adlDependency: 'partial' }));
    assert.deepEqual(outcome.stayTypes, ['respite']);
    assert.ok(outcome.requiredFeatures.includes('dementia_specialised'));
    assert.ok(outcome.contraIndications.includes('behaviour_needs_dementia_care'));
  });

  it('Rita (85, dementia and brain injury; daughter working and often ill), if she wanders: respite on a secured unit, never in a wijkpension', () => {
    const outcome = triage(person({ dementia: 'moderate', wandering: true, burden: [2, 2, 2, 1, 1] }));
    assert.deepEqual(outcome.stayTypes, ['respite']);
    assert.deepEqual(outcome.requiredFeatures, ['dementia_specialised', 'secured_unit']);
    assert.ok(outcome.contraIndications.includes('wandering_needs_secured_unit'));
    assert.equal(outcome.burdenLevel, 'high');
  });
});

describe('triage: the ELV decision logic', () => {
  it('sends a person who needs a specialist to hospital, not to a temporary stay', () => {
    const outcome = triage(person({ specialistIntervention: true, medicallyStable: false }));
    assert.equal(outcome.disposition, 'hospital');
    assert.deepEqual(outcome.stayTypes, []);
    assert.equal(outcome.financing, null);
  });

  it('gives Wmo crisis care when the caregiver drops out and there is no medical need', () => {
    const outcome = triage(person({ caregiverDroppedOut: true, adlDependency: 'partial' }));
    assert.deepEqual(outcome.stayTypes, ['crisis_wmo']);
    assert.equal(outcome.urgency, 'within_48h');
  });

  it('gives ELV low complex when the caregiver drops out and all daily care must be taken over', () => {
    const outcome = triage(person({ caregiverDroppedOut: true, adlDependency: 'full', unsafeAloneNow: true }));
    assert.deepEqual(outcome.stayTypes, ['elv_low_complex']);
    assert.equal(outcome.financing, 'zvw_elv');
    assert.equal(outcome.urgency, 'today');
  });

  it('gives ELV high complex after hospital when health is unstable and a doctor must observe', () => {
    const outcome = triage(person({ medicallyStable: false, treatmentOrObservation: true, nightCare: true }));
    assert.deepEqual(outcome.stayTypes, ['elv_high_complex']);
    assert.ok(outcome.requiredFeatures.includes('nursing_24h'));
  });

  it('gives ELV low complex for unplanned nursing alone', () => {
    assert.deepEqual(triage(person({ unplannedNursing: true })).stayTypes, ['elv_low_complex']);
  });

  it('gives palliative ELV when life expectancy is three months or less, even without a return home', () => {
    const outcome = triage(person({ lifeExpectancyShort: true, returnHomeExpected: false, medicallyStable: false }));
    assert.deepEqual(outcome.stayTypes, ['elv_palliative']);
  });

  it('excludes ELV with an existing Wlz indication: Wlz respite, or Wlz crisis when the caregiver drops out', () => {
    const planned = triage(person({ wlzIndication: true, wlzProfile: 'VV5', unplannedNursing: true }));
    assert.deepEqual(planned.stayTypes, ['wlz_respite']);
    assert.equal(planned.financing, 'wlz');
    assert.ok(planned.reasons.some((reason) => reason.code === 'wlz_excludes_elv'));
    assert.deepEqual(triage(person({ wlzIndication: true, caregiverDroppedOut: true })).stayTypes, ['crisis_wlz']);
  });

  it('gives no ELV without an expected return home: a Wlz indication is needed, bridged by Wmo crisis care in a crisis', () => {
    const outcome = triage(person({ medicallyStable: false, returnHomeExpected: false }));
    assert.equal(outcome.disposition, 'long_term_care_indication');
    assert.deepEqual(outcome.stayTypes, []);
    const crisis = triage(person({ unplannedNursing: true, returnHomeExpected: false, caregiverDroppedOut: true }));
    assert.deepEqual(crisis.stayTypes, ['crisis_wmo']);
  });

  it('asks for a couple room when a couple want to stay together', () => {
    assert.deepEqual(triage(person({}), { couple: true }).requiredFeatures, ['couple_room']);
  });
});

const anyAnswers: fc.Arbitrary<TriageAnswers> = fc.record({
  specialistIntervention: fc.boolean(),
  medicallyStable: fc.boolean(),
  treatmentOrObservation: fc.boolean(),
  unplannedNursing: fc.boolean(),
  lifeExpectancyShort: fc.boolean(),
  returnHomeExpected: fc.boolean(),
  adlDependency: fc.constantFrom('none', 'partial', 'full'),
  mobility: fc.constantFrom('walks', 'walker', 'wheelchair', 'hoist'),
  nightCare: fc.boolean(),
  nursingActs: fc.subarray(['catheter', 'wound_care', 'injections', 'oxygen'] as const),
  diet: fc.constant(null),
  dementia: fc.constantFrom('none', 'mild', 'moderate', 'severe'),
  wandering: fc.boolean(),
  behaviourProblems: fc.boolean(),
  wlzIndication: fc.boolean(),
  wlzProfile: fc.constantFrom(null, 'VV5'),
  caregiverDroppedOut: fc.boolean(),
  unsafeAloneNow: fc.boolean(),
  burden: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
});

describe('triage rules for every combination of answers', () => {
  it('explains every conclusion in Dutch and English, and keeps the hard rules', () => {
    fc.assert(
      fc.property(anyAnswers, fc.boolean(), (answers, couple) => {
        const outcome = triage(answers, { couple });
        for (const topic of ['disposition', 'urgency', 'burden'] as const)
          assert.ok(
            outcome.reasons.some((reason) => reason.topic === topic),
            topic,
          );
        for (const reason of outcome.reasons) {
          assert.ok(hasExplanation(reason), `${reason.topic}.${reason.code} has no words`);
          assert.ok(explain(reason, 'nl').length > 10 && explain(reason, 'en').length > 10);
        }
        const elv = outcome.stayTypes.some((type) => type.startsWith('elv_'));
        if (answers.wlzIndication) assert.ok(!elv, 'a Wlz indication excludes ELV');
        if (answers.specialistIntervention) assert.equal(outcome.disposition, 'hospital');
        if (elv && !outcome.stayTypes.includes('elv_palliative')) assert.ok(answers.returnHomeExpected, 'ELV assumes a return home');
        if (outcome.stayTypes.includes('elv_palliative')) assert.ok(answers.lifeExpectancyShort);
        if (answers.wandering) assert.ok(outcome.requiredFeatures.includes('secured_unit'));
        if (answers.mobility === 'hoist') assert.ok(outcome.requiredFeatures.includes('hoist_accessible'));
        if (!answers.caregiverDroppedOut) assert.equal(outcome.urgency, 'planned');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('triage questionnaire version 1', () => {
  const questionnaire = QUESTIONNAIRES['1']!;

  it('names every missing or wrong answer by its question', () => {
    const issues = validateAnswers(questionnaire, { mobility: 'skates', wlz_profile: 'VV5', nonsense: true, medically_stable: 'ja' });
    const byField = new Map(issues.map((issue) => [issue.field, issue.code]));
    assert.equal(byField.get('mobility'), 'invalid_value');
    assert.equal(byField.get('medically_stable'), 'invalid_type');
    assert.equal(byField.get('nonsense'), 'unknown_field');
    assert.equal(byField.get('wlz_profile'), 'not_enabled', 'a profile only follows a Wlz indication');
    assert.equal(byField.get('specialist_intervention'), 'required');
    assert.equal(byField.has('nursing_acts'), false, 'optional');
  });

  it('accepts a complete set of answers and reads them for the rules', () => {
    const raw = {
      specialist_intervention: false,
      medically_stable: true,
      treatment_or_observation: false,
      unplanned_nursing: false,
      life_expectancy_short: false,
      return_home_expected: true,
      adl_dependency: 'partial',
      mobility: 'wheelchair',
      night_care: false,
      nursing_acts: ['catheter'],
      dementia: 'mild',
      wandering: false,
      behaviour_problems: false,
      wlz_indication: true,
      wlz_profile: 'VV5',
      caregiver_dropped_out: false,
      burden_tired: '2',
      burden_health: '1',
      burden_own_time: '2',
      burden_worry: '1',
      burden_relationship: '0',
    };
    assert.deepEqual(validateAnswers(questionnaire, raw), []);
    const answers = readAnswersV1(raw);
    assert.equal(answers.wlzProfile, 'VV5');
    assert.deepEqual(answers.burden, [2, 1, 2, 1, 0]);
    assert.deepEqual(triage(answers).stayTypes, ['wlz_respite']);
  });
});

describe('overrides by the triagist', () => {
  it('replaces a conclusion, keeps the others, and the last override of a topic wins', async () => {
    const { applyOverrides } = await import('./overrides.ts');
    const outcome = triage(person({ caregiverDroppedOut: true }));
    const effective = applyOverrides(outcome, [
      { topic: 'urgency', value: 'today', reason: 'Dochter belde: vader valt steeds' },
      { topic: 'stay_types', value: ['elv_low_complex'], reason: 'Huisarts ziet onplanbare zorg' },
      { topic: 'urgency', value: 'within_48h', reason: 'Buurvrouw blijft vannacht' },
    ]);
    assert.equal(effective.urgency, 'within_48h');
    assert.deepEqual(effective.stayTypes, ['elv_low_complex']);
    assert.equal(effective.financing, outcome.financing);
    assert.deepEqual(effective.overridden, ['urgency', 'stay_types']);
    assert.deepEqual(outcome.stayTypes, ['crisis_wmo'], "the rules' own outcome is untouched");
  });
});
