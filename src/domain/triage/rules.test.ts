import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IMPLIED_FEATURES, hasAllFeatures } from '../care-features.ts';
import { type TriageAnswersV2, readAnswersV2 } from './answers.ts';
import { explain, hasExplanation } from './explanations.ts';
import { QUESTIONNAIRES, type RawAnswers, validateAnswers } from './questionnaire.ts';
import { BARIATRIC_FROM_KG, triageAnswers, triageV2 } from './rules.ts';

const TODAY = '2027-03-10';

/** Someone stable at home whose caregiver copes: the baseline each case changes. */
const base: TriageAnswersV2 = {
  fromHospital: false,
  dischargeDate: null,
  neededToday: false,
  specialistIntervention: false,
  medicallyStable: true,
  treatmentOrObservation: false,
  unplannedNursing: false,
  conditions: null,
  treatingPhysician: null,
  lifeExpectancyShort: false,
  palliativePlace: null,
  rehabilitationNeeded: false,
  returnHomeExpected: true,
  infectionIsolation: false,
  adlDependency: 'partial',
  mobility: 'walks',
  weightKg: null,
  nightCare: 'none',
  nursingActs: [],
  nursingActsOther: null,
  diet: null,
  dementia: 'none',
  wandering: false,
  behaviourProblems: false,
  korsakov: false,
  psychiatric: false,
  addiction: false,
  wlzStatus: 'none',
  wlzProfile: null,
  caregiverDroppedOut: false,
  dropoutDuration: null,
  burden: [1, 1, 1, 1, 1],
  partner: null,
};
const triage = (changes: Partial<TriageAnswersV2>, context: { couple?: boolean } = {}) =>
  triageV2({ ...base, ...changes }, { today: TODAY, ...context });
const codes = (outcome: ReturnType<typeof triage>, topic: string) =>
  outcome.reasons.filter((reason) => reason.topic === topic).map((reason) => reason.code);

describe('ELV complexity, as the Afwegingsinstrument ELV decides it', () => {
  it('one condition the GP treats (pneumonia in an 84-year-old who lives alone, antibiotics and observation) → ELV laag complex', () => {
    const outcome = triage({ treatmentOrObservation: true, conditions: 'single', treatingPhysician: 'gp' });
    assert.deepEqual(outcome.stayTypes, ['elv_low_complex']);
    assert.equal(outcome.complexity, 'low');
    assert.equal(outcome.financing, 'zvw_elv');
  });

  it('multimorbidity (heart failure, diabetes and a delirium after a fall) → ELV hoog complex, even with the GP treating', () => {
    const outcome = triage({ medicallyStable: false, conditions: 'multiple', treatingPhysician: 'gp' });
    assert.deepEqual(outcome.stayTypes, ['elv_high_complex']);
    assert.equal(outcome.reasons.find((reason) => reason.code === 'elv_high_v2')?.params?.why, 'multimorbidity');
  });

  it('one condition, but the elderly-care physician must treat → ELV hoog complex', () => {
    const outcome = triage({ unplannedNursing: true, conditions: 'single', treatingPhysician: 'elderly_care_physician' });
    assert.deepEqual(outcome.stayTypes, ['elv_high_complex']);
    assert.deepEqual(outcome.requiredFeatures, ['nursing_24h']);
  });

  it('instability alone does not make it high complex: the conditions and the physician do', () => {
    assert.deepEqual(triage({ medicallyStable: false, conditions: 'single', treatingPhysician: 'gp' }).stayTypes, ['elv_low_complex']);
  });

  it('a caregiver dropping out is no medical need: full ADL takeover goes to a Wmo crisis stay, not ELV', () => {
    const outcome = triage({ caregiverDroppedOut: true, dropoutDuration: 'weeks', adlDependency: 'full' });
    assert.deepEqual(outcome.stayTypes, ['crisis_wmo']);
    assert.equal(outcome.financing, 'wmo_stay_zvw_care');
  });
});

describe('routes that advise and do not place', () => {
  it('specialist treatment needed → hospital', () => {
    const outcome = triage({ specialistIntervention: true, treatmentOrObservation: true, conditions: 'single', treatingPhysician: 'gp' });
    assert.equal(outcome.disposition, 'hospital');
    assert.deepEqual(outcome.stayTypes, []);
  });

  it('hip fracture after surgery, trainable, going home → geriatric rehabilitation (GRZ)', () => {
    const outcome = triage({ fromHospital: true, dischargeDate: '2027-03-12', rehabilitationNeeded: true, mobility: 'walker' });
    assert.equal(outcome.disposition, 'geriatric_rehabilitation');
    assert.deepEqual(outcome.stayTypes, []);
    assert.ok(codes(outcome, 'financing').includes('grz'));
  });

  it('rehabilitation without a return home is no GRZ: the ELV route decides', () => {
    const outcome = triage({
      rehabilitationNeeded: true,
      returnHomeExpected: false,
      treatmentOrObservation: true,
      conditions: 'multiple',
      treatingPhysician: 'elderly_care_physician',
    });
    assert.equal(outcome.disposition, 'long_term_care_indication');
  });

  it('terminal phase with the wish to die in a hospice → advice: hospice', () => {
    const outcome = triage({ lifeExpectancyShort: true, palliativePlace: 'hospice' });
    assert.equal(outcome.disposition, 'hospice');
    assert.deepEqual(outcome.stayTypes, []);
    assert.equal(outcome.urgency, 'within_48h');
  });

  it('terminal phase in a care bed nearby → ELV palliatief, within 48 hours', () => {
    const outcome = triage({ lifeExpectancyShort: true, palliativePlace: 'care_bed' });
    assert.deepEqual(outcome.stayTypes, ['elv_palliative']);
    assert.equal(outcome.urgency, 'within_48h');
    assert.deepEqual(codes(outcome, 'urgency'), ['terminal']);
  });
});

describe('the Wlz', () => {
  it('an indication excludes ELV: Wlz respite, or Wlz crisis when the caregiver dropped out', () => {
    assert.deepEqual(
      triage({ wlzStatus: 'granted', wlzProfile: 'VV5', treatmentOrObservation: true, conditions: 'single', treatingPhysician: 'gp' })
        .stayTypes,
      ['wlz_respite'],
    );
    assert.deepEqual(triage({ wlzStatus: 'granted', caregiverDroppedOut: true, dropoutDuration: 'days' }).stayTypes, ['crisis_wlz']);
  });

  it('applied for, no return home, no medical need: a Wmo bridge stay until the decision', () => {
    const outcome = triage({ wlzStatus: 'applied', returnHomeExpected: false, caregiverDroppedOut: true, dropoutDuration: 'long' });
    assert.deepEqual(outcome.stayTypes, ['crisis_wmo']);
    assert.equal(outcome.bridgeUntilWlz, true);
    assert.ok(codes(outcome, 'stay_types').includes('wlz_pending_crisis'));
  });

  it('applied for, no return home, with a medical need: ELV bridges', () => {
    const outcome = triage({
      wlzStatus: 'applied',
      returnHomeExpected: false,
      treatmentOrObservation: true,
      conditions: 'multiple',
      treatingPhysician: 'elderly_care_physician',
    });
    assert.deepEqual(outcome.stayTypes, ['elv_high_complex']);
    assert.equal(outcome.bridgeUntilWlz, true);
  });

  it('not applied for and no return home: apply first; no stay unless it is a crisis', () => {
    assert.deepEqual(triage({ returnHomeExpected: false }).stayTypes, []);
    assert.equal(triage({ returnHomeExpected: false }).disposition, 'long_term_care_indication');
    assert.deepEqual(triage({ returnHomeExpected: false, neededToday: true }).stayTypes, ['crisis_wmo']);
  });
});

describe('urgency from the medical side and the caregiver side', () => {
  it('a hospital discharge tomorrow is urgent (within 48 hours), from the discharge day', () => {
    const outcome = triage({
      fromHospital: true,
      dischargeDate: '2027-03-11',
      treatmentOrObservation: true,
      conditions: 'single',
      treatingPhysician: 'gp',
    });
    assert.equal(outcome.urgency, 'within_48h');
    assert.equal(outcome.neededFrom, '2027-03-11');
  });

  it('a discharge today, or a place needed today, is today', () => {
    assert.equal(triage({ fromHospital: true, dischargeDate: TODAY }).urgency, 'today');
    assert.equal(triage({ neededToday: true }).urgency, 'today');
    assert.equal(triage({ neededToday: true }).neededFrom, TODAY);
  });

  it('a discharge in two weeks can be planned from that day', () => {
    const outcome = triage({ fromHospital: true, dischargeDate: '2027-03-24' });
    assert.equal(outcome.urgency, 'planned');
    assert.equal(outcome.neededFrom, '2027-03-24');
  });

  it('the most urgent signal wins and every signal is named', () => {
    const outcome = triage({ caregiverDroppedOut: true, dropoutDuration: 'days', fromHospital: true, dischargeDate: TODAY });
    assert.equal(outcome.urgency, 'today');
    assert.deepEqual(codes(outcome, 'urgency'), ['discharge_today', 'caregiver_dropout']);
  });

  it('terminal and the caregiver dropped out: today', () => {
    assert.equal(
      triage({ lifeExpectancyShort: true, palliativePlace: 'care_bed', caregiverDroppedOut: true, dropoutDuration: 'days' }).urgency,
      'today',
    );
  });
});

describe('what the place must offer', () => {
  it('a night-wandering client with dementia needs a secured unit, which supervises at night: no 24-hour nursing asked', () => {
    const outcome = triage({ dementia: 'moderate', wandering: true, nightCare: 'supervision' });
    assert.deepEqual(outcome.requiredFeatures, ['dementia_specialised', 'secured_unit']);
    assert.ok(hasAllFeatures(['secured_unit', 'dementia_specialised'], outcome.requiredFeatures));
  });

  it('night supervision without wandering asks for supervision, which 24-hour nursing also gives', () => {
    const outcome = triage({ nightCare: 'supervision' });
    assert.deepEqual(outcome.requiredFeatures, ['night_supervision']);
    assert.ok(hasAllFeatures(['nursing_24h'], outcome.requiredFeatures));
    assert.ok(!hasAllFeatures(['wheelchair_accessible'], outcome.requiredFeatures));
  });

  it('night nursing, unplanned nursing or a pain pump needs 24-hour nursing', () => {
    for (const changes of [{ nightCare: 'nursing' as const }, { nursingActs: ['pain_pump' as const] }]) {
      assert.deepEqual(triage(changes).requiredFeatures, ['nursing_24h']);
    }
    assert.deepEqual(triage({ nursingActs: ['tube_feeding', 'stoma'] }).requiredFeatures, [], 'planned acts need no nurse at night');
  });

  it('MRSA, weight, Korsakov, psychiatric problems and addiction become features the registry carries', () => {
    const outcome = triage({ infectionIsolation: true, weightKg: BARIATRIC_FROM_KG, korsakov: true, psychiatric: true, addiction: true });
    assert.deepEqual(outcome.requiredFeatures, [
      'addiction_care',
      'bariatric_bed',
      'isolation_room',
      'korsakov_competent',
      'psychiatric_care',
    ]);
    assert.deepEqual(outcome.contraIndications.sort(), ['needs_bariatric_bed', 'needs_isolation']);
    assert.deepEqual(triage({ weightKg: BARIATRIC_FROM_KG - 1 }).requiredFeatures, []);
  });

  it("a couple stay: both partners' needs, and who pays for the partner", () => {
    const withCare = triage({ partner: { needsCare: true, mobility: 'hoist', wandering: true, nightCare: 'none' } }, { couple: true });
    assert.deepEqual(withCare.requiredFeatures, ['couple_room', 'hoist_accessible', 'secured_unit', 'wheelchair_accessible']);
    assert.deepEqual(withCare.partner, { needsCare: true, financing: 'wmo_stay_zvw_care' });
    const company = triage({ partner: { needsCare: false, mobility: 'walks', wandering: false, nightCare: 'none' } }, { couple: true });
    assert.deepEqual(company.partner, { needsCare: false, financing: 'own_cost' });
    assert.ok(codes(triage({}, { couple: true }), 'partner').includes('partner_not_answered'));
  });
});

/** Every answer combination the questionnaire allows, as raw answers, so the generator respects enableWhen. */
const anyRawAnswers: fc.Arbitrary<RawAnswers> = fc
  .record({
    fromHospital: fc.boolean(),
    discharge: fc.integer({ min: -3, max: 30 }),
    neededToday: fc.boolean(),
    specialist: fc.boolean(),
    stable: fc.boolean(),
    treatment: fc.boolean(),
    unplanned: fc.boolean(),
    conditions: fc.constantFrom('single', 'multiple'),
    physician: fc.constantFrom('gp', 'elderly_care_physician'),
    terminal: fc.boolean(),
    palliativePlace: fc.constantFrom('care_bed', 'hospice'),
    rehabilitation: fc.boolean(),
    returnHome: fc.boolean(),
    isolation: fc.boolean(),
    adl: fc.constantFrom('none', 'partial', 'full'),
    mobility: fc.constantFrom('walks', 'walker', 'wheelchair', 'hoist'),
    weight: fc.option(fc.integer({ min: 40, max: 250 })),
    night: fc.constantFrom('none', 'supervision', 'nursing'),
    acts: fc.subarray([
      'catheter',
      'wound_care',
      'injections',
      'oxygen',
      'tube_feeding',
      'stoma',
      'pain_pump',
      'iv_therapy',
      'tracheostomy',
    ]),
    dementia: fc.constantFrom('none', 'mild', 'moderate', 'severe'),
    wandering: fc.boolean(),
    behaviour: fc.boolean(),
    korsakov: fc.boolean(),
    psychiatric: fc.boolean(),
    addiction: fc.boolean(),
    wlz: fc.constantFrom('none', 'applied', 'granted'),
    dropped: fc.boolean(),
    duration: fc.constantFrom('days', 'weeks', 'long'),
    burden: fc.array(fc.constantFrom('0', '1', '2'), { minLength: 5, maxLength: 5 }),
    partner: fc.boolean(),
    partnerCare: fc.boolean(),
    partnerMobility: fc.constantFrom('walks', 'walker', 'wheelchair', 'hoist'),
    partnerWandering: fc.boolean(),
    partnerNight: fc.constantFrom('none', 'supervision', 'nursing'),
  })
  .map((a) => {
    const medical = !a.stable || a.treatment || a.unplanned;
    const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) + a.discharge * 86_400_000).toISOString().slice(0, 10);
    return {
      from_hospital: a.fromHospital,
      ...(a.fromHospital ? { discharge_date: day } : {}),
      needed_today: a.neededToday,
      specialist_intervention: a.specialist,
      medically_stable: a.stable,
      treatment_or_observation: a.treatment,
      unplanned_nursing: a.unplanned,
      ...(medical ? { conditions: a.conditions, treating_physician: a.physician } : {}),
      life_expectancy_short: a.terminal,
      ...(a.terminal ? { palliative_place: a.palliativePlace } : {}),
      rehabilitation_needed: a.rehabilitation,
      return_home_expected: a.returnHome,
      infection_isolation: a.isolation,
      adl_dependency: a.adl,
      mobility: a.mobility,
      ...(a.weight !== null ? { weight_kg: a.weight } : {}),
      night_care: a.night,
      nursing_acts: a.acts,
      dementia: a.dementia,
      wandering: a.wandering,
      behaviour_problems: a.behaviour,
      korsakov: a.korsakov,
      psychiatric: a.psychiatric,
      addiction: a.addiction,
      wlz_status: a.wlz,
      caregiver_dropped_out: a.dropped,
      ...(a.dropped ? { dropout_duration: a.duration } : {}),
      burden_tired: a.burden[0]!,
      burden_health: a.burden[1]!,
      burden_own_time: a.burden[2]!,
      burden_worry: a.burden[3]!,
      burden_relationship: a.burden[4]!,
      partner_stays_too: a.partner,
      ...(a.partner ? { partner_needs_care: a.partnerCare } : {}),
      ...(a.partner && a.partnerCare
        ? { partner_mobility: a.partnerMobility, partner_wandering: a.partnerWandering, partner_night_care: a.partnerNight }
        : {}),
    };
  });

describe('version 2 rules for every combination of answers', () => {
  it('the answers are valid, every conclusion has words, and the hard rules hold', () => {
    fc.assert(
      fc.property(anyRawAnswers, fc.boolean(), (raw, couple) => {
        assert.deepEqual(validateAnswers(QUESTIONNAIRES['2']!, raw), []);
        const answers = readAnswersV2(raw);
        const outcome = triageAnswers('2', raw, { couple, today: TODAY });
        for (const topic of ['disposition', 'urgency', 'burden'] as const)
          assert.ok(
            outcome.reasons.some((reason) => reason.topic === topic),
            topic,
          );
        for (const reason of outcome.reasons) {
          assert.ok(hasExplanation(reason), `${reason.topic}.${reason.code} has no words`);
          assert.ok(explain(reason, 'nl').length > 10 && explain(reason, 'en').length > 10);
        }
        const elv = outcome.stayTypes.filter((type) => type.startsWith('elv_'));
        if (answers.specialistIntervention) assert.equal(outcome.disposition, 'hospital');
        if (answers.wlzStatus === 'granted') assert.deepEqual(elv, [], 'a Wlz indication excludes ELV');
        if (elv.includes('elv_low_complex') || elv.includes('elv_high_complex')) {
          assert.ok(!answers.medicallyStable || answers.treatmentOrObservation || answers.unplannedNursing, 'ELV needs a medical need');
          assert.ok(
            answers.returnHomeExpected || answers.wlzStatus === 'applied',
            'ELV assumes a return home, or bridges a Wlz application',
          );
          const high = answers.conditions === 'multiple' || answers.treatingPhysician === 'elderly_care_physician';
          assert.deepEqual(elv, [high ? 'elv_high_complex' : 'elv_low_complex']);
        }
        if (outcome.disposition !== 'temporary_stay' && outcome.disposition !== 'long_term_care_indication')
          assert.deepEqual(outcome.stayTypes, [], 'advice only');
        if (answers.neededToday) assert.equal(outcome.urgency, 'today');
        if (answers.caregiverDroppedOut || answers.lifeExpectancyShort) assert.notEqual(outcome.urgency, 'planned');
        if (answers.dischargeDate !== null && answers.dischargeDate <= '2027-03-12') assert.notEqual(outcome.urgency, 'planned');
        // A feature the guest needs is asked for, or is included in one asked for.
        const offered = new Set(outcome.requiredFeatures.flatMap((feature) => [feature, ...(IMPLIED_FEATURES[feature] ?? [])]));
        if (answers.wandering) assert.ok(offered.has('secured_unit'));
        if (answers.mobility === 'hoist') assert.ok(offered.has('hoist_accessible'));
        if (answers.infectionIsolation) assert.ok(offered.has('isolation_room'));
        if (answers.nightCare === 'nursing') assert.ok(offered.has('nursing_24h'));
        if (answers.nightCare === 'supervision') assert.ok(offered.has('night_supervision'));
        if (
          answers.nightCare !== 'nursing' &&
          !answers.unplannedNursing &&
          answers.partner?.nightCare !== 'nursing' &&
          !answers.nursingActs.some((act) => ['oxygen', 'pain_pump', 'iv_therapy', 'tracheostomy'].includes(act))
        ) {
          assert.ok(!outcome.requiredFeatures.includes('nursing_24h'), 'no 24-hour nursing asked without a reason');
        }
        if (couple || answers.partner) assert.ok(offered.has('couple_room'));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('triage questionnaire version 2', () => {
  const questionnaire = QUESTIONNAIRES['2']!;

  it('checks dates, whole numbers and questions that depend on any of several answers', () => {
    const issues = validateAnswers(questionnaire, {
      from_hospital: true,
      discharge_date: '2027-02-30',
      weight_kg: 900,
      medically_stable: true,
      treatment_or_observation: false,
      unplanned_nursing: true,
      conditions: 'single',
    });
    const byField = new Map(issues.map((issue) => [issue.field, issue.code]));
    assert.equal(byField.get('discharge_date'), 'invalid_type');
    assert.equal(byField.get('weight_kg'), 'out_of_range');
    assert.equal(byField.has('conditions'), false, 'asked: one of its conditions holds (unplanned nursing)');
    assert.equal(byField.get('treating_physician'), 'required');
    const stable = validateAnswers(questionnaire, {
      medically_stable: true,
      treatment_or_observation: false,
      unplanned_nursing: false,
      conditions: 'single',
    });
    assert.equal(new Map(stable.map((issue) => [issue.field, issue.code])).get('conditions'), 'not_enabled');
  });

  it('reads version 1 answers with the version 1 rules: an old triage concludes as it did', () => {
    const v1 = {
      specialist_intervention: false,
      medically_stable: false,
      treatment_or_observation: false,
      unplanned_nursing: false,
      life_expectancy_short: false,
      return_home_expected: true,
      adl_dependency: 'partial',
      mobility: 'walks',
      night_care: false,
      dementia: 'none',
      wandering: false,
      behaviour_problems: false,
      wlz_indication: false,
      caregiver_dropped_out: false,
      burden_tired: '1',
      burden_health: '1',
      burden_own_time: '1',
      burden_worry: '1',
      burden_relationship: '1',
    };
    assert.deepEqual(validateAnswers(QUESTIONNAIRES['1']!, v1), []);
    // Version 1 made every instability high complex; version 2 asks about the conditions.
    assert.deepEqual(triageAnswers('1', v1, { today: TODAY }).stayTypes, ['elv_high_complex']);
  });
});
