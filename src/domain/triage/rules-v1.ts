import type { CareFeature } from '../care-features.ts';
import type { StayType } from '../stay-types.ts';
import type { TriageAnswers } from './answers.ts';
import {
  type ContraIndication,
  type Disposition,
  type FinancingRoute,
  type Reason,
  type Topic,
  type TriageContext,
  type TriageOutcome,
  type Urgency,
  burdenOf,
} from './outcome.ts';

/**
 * The triage rules of questionnaire version 1, kept so its triages can be re-read and tested as they were
 * concluded (version 2 is rules.ts). Answers in, conclusions out, each with the reason behind it. The medical route follows the public decision
 * logic for eerstelijnsverblijf (ELV):
 * - specialist intervention needed → hospital, not a temporary stay;
 * - an existing Wlz indication excludes ELV → Wlz respite or Wlz crisis;
 * - life expectancy ≤ 3 months → ELV palliative;
 * - medical instability, treatment/observation or unplanned nursing, or a caregiver drop-out that means full ADL
 *   takeover → ELV (high complex with instability or treatment, else low complex), which assumes a return home;
 * - otherwise → Wmo: planned respite, or a Wmo crisis stay when the caregiver dropped out.
 */
export function triageV1(answers: TriageAnswers, context: TriageContext = {}): TriageOutcome {
  const reasons: Reason[] = [];
  const because = (topic: Topic, code: string, params?: Record<string, string | number>) =>
    reasons.push({ topic, code, ...(params ? { params } : {}) });

  const { burdenScore, burdenLevel, reason } = burdenOf(answers.burden);
  reasons.push(reason);

  const urgency: Urgency = answers.caregiverDroppedOut
    ? answers.unsafeAloneNow || answers.lifeExpectancyShort
      ? 'today'
      : 'within_48h'
    : 'planned';
  because(
    'urgency',
    answers.caregiverDroppedOut
      ? answers.unsafeAloneNow
        ? 'unsafe_alone'
        : answers.lifeExpectancyShort
          ? 'dropout_palliative'
          : 'caregiver_dropout'
      : 'planned',
  );

  const { features, contraIndications } = requirements(answers, context, because);

  if (answers.specialistIntervention) {
    because('disposition', 'specialist_needed');
    return {
      disposition: 'hospital',
      stayTypes: [],
      urgency,
      requiredFeatures: features,
      contraIndications,
      financing: null,
      burdenScore,
      burdenLevel,
      reasons,
    };
  }

  const medicalNeed = !answers.medicallyStable || answers.treatmentOrObservation || answers.unplannedNursing;
  const adlTakeover = answers.caregiverDroppedOut && answers.adlDependency === 'full';
  const crisis = answers.caregiverDroppedOut;
  const outcome = (disposition: Disposition, stayTypes: StayType[], financing: FinancingRoute | null): TriageOutcome => ({
    disposition,
    stayTypes,
    urgency,
    requiredFeatures: features,
    contraIndications,
    financing,
    burdenScore,
    burdenLevel,
    reasons,
  });

  if (answers.wlzIndication) {
    because('disposition', 'temporary_stay');
    if (medicalNeed || answers.lifeExpectancyShort) because('stay_types', 'wlz_excludes_elv');
    because('stay_types', crisis ? 'wlz_crisis' : 'wlz_respite', { profile: answers.wlzProfile ?? '' });
    because('financing', 'wlz');
    return outcome('temporary_stay', [crisis ? 'crisis_wlz' : 'wlz_respite'], 'wlz');
  }
  if (answers.lifeExpectancyShort) {
    because('disposition', 'temporary_stay');
    because('stay_types', 'palliative');
    because('financing', 'zvw_elv');
    return outcome('temporary_stay', ['elv_palliative'], 'zvw_elv');
  }
  if (medicalNeed || adlTakeover) {
    const high = !answers.medicallyStable || answers.treatmentOrObservation;
    const why = !answers.medicallyStable
      ? 'unstable'
      : answers.treatmentOrObservation
        ? 'treatment'
        : answers.unplannedNursing
          ? 'unplanned_nursing'
          : 'adl_takeover';
    if (!answers.returnHomeExpected) {
      because('disposition', 'no_return_home');
      because('stay_types', crisis ? 'bridge_crisis_wmo' : 'none_until_indication');
      because('financing', crisis ? 'wmo_bridge' : 'none');
      return outcome('long_term_care_indication', crisis ? ['crisis_wmo'] : [], crisis ? 'wmo_stay_zvw_care' : null);
    }
    because('disposition', 'temporary_stay');
    because('stay_types', high ? 'elv_high' : 'elv_low', { why });
    because('financing', 'zvw_elv');
    return outcome('temporary_stay', [high ? 'elv_high_complex' : 'elv_low_complex'], 'zvw_elv');
  }
  because('disposition', 'temporary_stay');
  because('stay_types', crisis ? 'wmo_crisis' : 'wmo_respite');
  because('financing', answers.nursingActs.length > 0 || answers.nightCare ? 'wmo_with_nursing' : 'wmo');
  return outcome('temporary_stay', [crisis ? 'crisis_wmo' : 'respite'], 'wmo_stay_zvw_care');
}

function requirements(
  answers: TriageAnswers,
  context: TriageContext,
  because: (topic: Topic, code: string, params?: Record<string, string | number>) => void,
): { features: CareFeature[]; contraIndications: ContraIndication[] } {
  const features = new Set<CareFeature>();
  const contraIndications: ContraIndication[] = [];
  if (answers.wandering) {
    features.add('secured_unit');
    contraIndications.push('wandering_needs_secured_unit');
    because('features', 'wandering');
  }
  if (answers.behaviourProblems || answers.dementia === 'moderate' || answers.dementia === 'severe') {
    features.add('dementia_specialised');
    if (answers.behaviourProblems) contraIndications.push('behaviour_needs_dementia_care');
    because('features', answers.behaviourProblems ? 'behaviour' : 'dementia', { stage: answers.dementia });
  }
  if (answers.mobility === 'hoist') {
    features.add('hoist_accessible');
    features.add('wheelchair_accessible');
    because('features', 'hoist');
  } else if (answers.mobility === 'wheelchair') {
    features.add('wheelchair_accessible');
    because('features', 'wheelchair');
  }
  if (answers.unplannedNursing || answers.nightCare || answers.nursingActs.includes('oxygen')) {
    features.add('nursing_24h');
    contraIndications.push('needs_24h_nursing');
    because('features', answers.unplannedNursing ? 'unplanned_nursing' : answers.nightCare ? 'night_care' : 'oxygen');
  }
  if (context.couple) {
    features.add('couple_room');
    because('features', 'couple');
  }
  return { features: [...features].sort(), contraIndications };
}
