import { type CareFeature, IMPLIED_FEATURES } from '../care-features.ts';
import { addDays } from '../dates.ts';
import type { StayType } from '../stay-types.ts';
import { type NursingActV2, type TriageAnswersV2, readAnswersV1, readAnswersV2 } from './answers.ts';
import {
  type Complexity,
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
import type { RawAnswers } from './questionnaire.ts';
import { triageV1 } from './rules-v1.ts';

/**
 * The triage rules of questionnaire version 2. Answers in, conclusions out, each with the reason behind it; pure, so
 * the same answers on the same day always give the same advice. The medical route follows the steps of the public
 * "Afwegingsinstrument Eerstelijnsverblijf" (LHV and Verenso; see docs/TRIAGE.md for how each step maps):
 * 1. specialist medical care needed → hospital, not a temporary stay;
 * 2. a Wlz indication → care under the Wlz (respite or crisis), never ELV;
 * 3. terminal phase (life expectancy ≤ 3 months) → ELV palliative, or the advice to find a hospice;
 * 4. rehabilitation after an acute condition, with a return home as the aim → advice: geriatric rehabilitation (GRZ);
 * 5. a medical need (not stable, treatment or observation, nursing that cannot be planned) with a return home → ELV:
 *    low complex for one condition the GP treats, high complex for multimorbidity, a care question hard to assess,
 *    or care by the elderly-care physician; without a return home → apply for Wlz (ELV bridges while it is pending);
 * 6. no medical need → the Wmo: a crisis stay when the caregiver dropped out or a place is needed today, else
 *    planned respite; without a return home, a bridge until the Wlz decision.
 * Urgency is read from the medical side (needed today, hospital discharge date, terminal phase) and from the
 * caregiver's side (drop-out), the most urgent of them wins.
 */
export function triageV2(answers: TriageAnswersV2, context: TriageContext & { today: string }): TriageOutcome {
  const reasons: Reason[] = [];
  const because = (topic: Topic, code: string, params?: Record<string, string | number>) =>
    reasons.push({ topic, code, ...(params ? { params } : {}) });

  const { burdenScore, burdenLevel, reason } = burdenOf(answers.burden);
  reasons.push(reason);
  const { urgency, neededFrom } = urgencyOf(answers, context.today, because);
  const { features, contraIndications } = requirements(answers, context, because);
  const partner = partnerOf(answers, context, because);
  const crisis = answers.caregiverDroppedOut || answers.neededToday;

  const outcome = (
    disposition: Disposition,
    stayTypes: StayType[],
    financing: FinancingRoute | null,
    extra: Partial<TriageOutcome> = {},
  ): TriageOutcome => ({
    disposition,
    stayTypes,
    urgency,
    requiredFeatures: features,
    contraIndications,
    financing,
    burdenScore,
    burdenLevel,
    reasons,
    ...(neededFrom ? { neededFrom } : {}),
    ...(partner ? { partner } : {}),
    ...extra,
  });
  const wmoFinancing = () =>
    because('financing', answers.nursingActs.length > 0 || answers.nightCare === 'nursing' ? 'wmo_with_nursing' : 'wmo');

  if (answers.specialistIntervention) {
    because('disposition', 'specialist_needed');
    return outcome('hospital', [], null);
  }
  const medicalNeed = !answers.medicallyStable || answers.treatmentOrObservation || answers.unplannedNursing;
  if (answers.wlzStatus === 'granted') {
    because('disposition', 'temporary_stay');
    if (medicalNeed || answers.lifeExpectancyShort) because('stay_types', 'wlz_excludes_elv');
    because('stay_types', crisis ? 'wlz_crisis' : 'wlz_respite', { profile: answers.wlzProfile ?? '' });
    because('financing', 'wlz');
    return outcome('temporary_stay', [crisis ? 'crisis_wlz' : 'wlz_respite'], 'wlz');
  }
  if (answers.lifeExpectancyShort) {
    if (answers.palliativePlace === 'hospice') {
      because('disposition', 'hospice');
      because('financing', 'hospice');
      return outcome('hospice', [], null);
    }
    because('disposition', 'temporary_stay');
    because('stay_types', 'palliative');
    because('financing', 'zvw_elv');
    return outcome('temporary_stay', ['elv_palliative'], 'zvw_elv');
  }
  if (answers.rehabilitationNeeded && answers.returnHomeExpected) {
    because('disposition', 'rehabilitation');
    because('financing', 'grz');
    return outcome('geriatric_rehabilitation', [], null);
  }
  if (medicalNeed) {
    const complexity = complexityOf(answers);
    const elv: StayType = complexity.level === 'high' ? 'elv_high_complex' : 'elv_low_complex';
    if (answers.returnHomeExpected || answers.wlzStatus === 'applied') {
      because('disposition', 'temporary_stay');
      because('stay_types', complexity.level === 'high' ? 'elv_high_v2' : 'elv_low_v2', { why: complexity.why });
      if (!answers.returnHomeExpected) because('stay_types', 'wlz_pending_elv');
      because('financing', 'zvw_elv');
      return outcome('temporary_stay', [elv], 'zvw_elv', {
        complexity: complexity.level,
        ...(answers.returnHomeExpected ? {} : { bridgeUntilWlz: true }),
      });
    }
    return noReturnHome();
  }
  if (!answers.returnHomeExpected) {
    if (answers.wlzStatus !== 'applied') return noReturnHome();
    because('disposition', 'temporary_stay');
    because('stay_types', crisis ? 'wlz_pending_crisis' : 'wlz_pending_respite');
    wmoFinancing();
    return outcome('temporary_stay', [crisis ? 'crisis_wmo' : 'respite'], 'wmo_stay_zvw_care', { bridgeUntilWlz: true });
  }
  because('disposition', 'temporary_stay');
  because('stay_types', crisis ? 'wmo_crisis_v2' : 'wmo_respite');
  if (answers.dropoutDuration === 'long') because('stay_types', 'long_dropout');
  wmoFinancing();
  return outcome('temporary_stay', [crisis ? 'crisis_wmo' : 'respite'], 'wmo_stay_zvw_care');

  /** No return home and no Wlz applied for: apply first; a crisis is bridged by the Wmo meanwhile. */
  function noReturnHome(): TriageOutcome {
    because('disposition', 'no_return_home');
    because('stay_types', crisis ? 'bridge_crisis_wmo' : 'none_until_indication');
    because('financing', crisis ? 'wmo_bridge' : 'none');
    return outcome(
      'long_term_care_indication',
      crisis ? ['crisis_wmo'] : [],
      crisis ? 'wmo_stay_zvw_care' : null,
      crisis ? { bridgeUntilWlz: true } : {},
    );
  }
}

/** Low complex: one condition, easy to assess, treated by the GP. Anything more is high complex. */
export function complexityOf(answers: Pick<TriageAnswersV2, 'conditions' | 'treatingPhysician'>): { level: Complexity; why: string } {
  if (answers.conditions === 'multiple') return { level: 'high', why: 'multimorbidity' };
  if (answers.treatingPhysician === 'elderly_care_physician') return { level: 'high', why: 'elderly_care_physician' };
  return { level: 'low', why: 'single_condition_gp' };
}

/** A discharge within this many days makes a stay urgent: the bed must be found now, not planned. */
export const DISCHARGE_URGENT_DAYS = 2;

function urgencyOf(
  answers: TriageAnswersV2,
  today: string,
  because: (topic: Topic, code: string, params?: Record<string, string | number>) => void,
) {
  const signals: { urgency: Urgency; code: string; params?: Record<string, string> }[] = [];
  if (answers.neededToday) signals.push({ urgency: 'today', code: 'needed_today' });
  if (answers.dischargeDate !== null) {
    const params = { date: answers.dischargeDate };
    if (answers.dischargeDate <= today) signals.push({ urgency: 'today', code: 'discharge_today', params });
    else if (answers.dischargeDate <= addDays(today, DISCHARGE_URGENT_DAYS))
      signals.push({ urgency: 'within_48h', code: 'discharge_soon', params });
    else signals.push({ urgency: 'planned', code: 'discharge_later', params });
  }
  if (answers.lifeExpectancyShort) {
    signals.push(
      answers.caregiverDroppedOut ? { urgency: 'today', code: 'dropout_palliative' } : { urgency: 'within_48h', code: 'terminal' },
    );
  }
  if (answers.caregiverDroppedOut) signals.push({ urgency: 'within_48h', code: 'caregiver_dropout' });
  if (signals.length === 0) signals.push({ urgency: 'planned', code: 'planned' });
  const rank: Record<Urgency, number> = { today: 0, within_48h: 1, planned: 2 };
  signals.sort((a, b) => rank[a.urgency] - rank[b.urgency]);
  for (const signal of signals) because('urgency', signal.code, signal.params);
  const neededFrom =
    answers.neededToday || (answers.dischargeDate !== null && answers.dischargeDate <= today) ? today : answers.dischargeDate;
  return { urgency: signals[0]!.urgency, neededFrom };
}

/** Nursing acts that need a nurse within reach day and night. */
export const ACTS_NEEDING_24H_NURSING: readonly NursingActV2[] = ['oxygen', 'pain_pump', 'iv_therapy', 'tracheostomy'];
/** From this weight a standard bed and hoist are not safe. */
export const BARIATRIC_FROM_KG = 140;

function requirements(
  answers: TriageAnswersV2,
  context: TriageContext,
  because: (topic: Topic, code: string, params?: Record<string, string | number>) => void,
): { features: CareFeature[]; contraIndications: ContraIndication[] } {
  const features = new Set<CareFeature>();
  const contraIndications = new Set<ContraIndication>();
  const need = (feature: CareFeature, code: string, params?: Record<string, string | number>, contra?: ContraIndication) => {
    features.add(feature);
    if (contra) contraIndications.add(contra);
    because('features', code, params);
  };
  if (answers.wandering) need('secured_unit', 'wandering', undefined, 'wandering_needs_secured_unit');
  if (answers.behaviourProblems) need('dementia_specialised', 'behaviour', undefined, 'behaviour_needs_dementia_care');
  else if (answers.dementia === 'moderate' || answers.dementia === 'severe')
    need('dementia_specialised', 'dementia', { stage: answers.dementia });
  mobilityNeeds(answers.mobility, features, because, '');
  const act = answers.nursingActs.find((nursingAct) => ACTS_NEEDING_24H_NURSING.includes(nursingAct));
  if (answers.unplannedNursing) need('nursing_24h', 'unplanned_nursing', undefined, 'needs_24h_nursing');
  else if (answers.nightCare === 'nursing') need('nursing_24h', 'night_nursing', undefined, 'needs_24h_nursing');
  else if (act) need('nursing_24h', 'nursing_act', { act }, 'needs_24h_nursing');
  if (answers.infectionIsolation) need('isolation_room', 'isolation', undefined, 'needs_isolation');
  if (answers.weightKg !== null && answers.weightKg >= BARIATRIC_FROM_KG)
    need('bariatric_bed', 'bariatric', { kg: answers.weightKg }, 'needs_bariatric_bed');
  if (answers.korsakov) need('korsakov_competent', 'korsakov');
  if (answers.psychiatric) need('psychiatric_care', 'psychiatric');
  if (answers.addiction) need('addiction_care', 'addiction');
  if (context.couple || answers.partner) need('couple_room', 'couple');
  const partner = answers.partner;
  if (partner?.needsCare) {
    if (partner.wandering) need('secured_unit', 'partner_wandering', undefined, 'wandering_needs_secured_unit');
    mobilityNeeds(partner.mobility, features, because, 'partner_');
    if (partner.nightCare === 'nursing') need('nursing_24h', 'partner_night_nursing', undefined, 'needs_24h_nursing');
  }
  const supervision = answers.nightCare === 'supervision' || partner?.nightCare === 'supervision';
  // Supervision is part of 24-hour nursing and of a secured unit: ask for it only when neither is needed already.
  const covered = [...features].some((feature) => IMPLIED_FEATURES[feature]?.includes('night_supervision'));
  if (supervision && !covered) need('night_supervision', 'night_supervision');
  return { features: [...features].sort(), contraIndications: [...contraIndications] };
}

/** A hoist needs a wheelchair-accessible room as well; one reason says both. */
function mobilityNeeds(
  mobility: TriageAnswersV2['mobility'],
  features: Set<CareFeature>,
  because: (topic: Topic, code: string) => void,
  prefix: '' | 'partner_',
): void {
  if (mobility === 'hoist') features.add('hoist_accessible');
  if (mobility === 'hoist' || mobility === 'wheelchair') {
    features.add('wheelchair_accessible');
    because('features', `${prefix}${mobility}`);
  }
}

function partnerOf(answers: TriageAnswersV2, context: TriageContext, because: (topic: Topic, code: string) => void) {
  if (!answers.partner) {
    if (context.couple) because('partner', 'partner_not_answered');
    return undefined;
  }
  because('partner', answers.partner.needsCare ? 'partner_needs_care' : 'partner_companion');
  return { needsCare: answers.partner.needsCare, financing: answers.partner.needsCare ? 'wmo_stay_zvw_care' : 'own_cost' } as const;
}

/** The rules of the version the answers were given in: the one entry point for the service and the browser. */
export function triageAnswers(version: string, raw: RawAnswers, context: TriageContext & { today: string }): TriageOutcome {
  if (version === '1') return triageV1(readAnswersV1(raw), context);
  return triageV2(readAnswersV2(raw), context);
}
