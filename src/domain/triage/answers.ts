import type { RawAnswers } from './questionnaire.ts';

/** The answers of questionnaire version 1 as its rules read them; built only from answers that passed validation. */
export interface TriageAnswers {
  specialistIntervention: boolean;
  medicallyStable: boolean;
  treatmentOrObservation: boolean;
  unplannedNursing: boolean;
  lifeExpectancyShort: boolean;
  returnHomeExpected: boolean;
  adlDependency: 'none' | 'partial' | 'full';
  mobility: 'walks' | 'walker' | 'wheelchair' | 'hoist';
  nightCare: boolean;
  nursingActs: readonly ('catheter' | 'wound_care' | 'injections' | 'oxygen')[];
  diet: string | null;
  dementia: 'none' | 'mild' | 'moderate' | 'severe';
  wandering: boolean;
  behaviourProblems: boolean;
  wlzIndication: boolean;
  wlzProfile: string | null;
  caregiverDroppedOut: boolean;
  unsafeAloneNow: boolean;
  /** 0–2 each: never, sometimes, often. */
  burden: readonly number[];
}

export const BURDEN_ITEMS = ['burden_tired', 'burden_health', 'burden_own_time', 'burden_worry', 'burden_relationship'] as const;

export function readAnswersV1(raw: RawAnswers): TriageAnswers {
  const bool = (key: string) => raw[key] === true;
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : null);
  return {
    specialistIntervention: bool('specialist_intervention'),
    medicallyStable: bool('medically_stable'),
    treatmentOrObservation: bool('treatment_or_observation'),
    unplannedNursing: bool('unplanned_nursing'),
    lifeExpectancyShort: bool('life_expectancy_short'),
    returnHomeExpected: bool('return_home_expected'),
    adlDependency: (text('adl_dependency') ?? 'none') as TriageAnswers['adlDependency'],
    mobility: (text('mobility') ?? 'walks') as TriageAnswers['mobility'],
    nightCare: bool('night_care'),
    nursingActs: (Array.isArray(raw.nursing_acts) ? raw.nursing_acts : []) as TriageAnswers['nursingActs'],
    diet: text('diet'),
    dementia: (text('dementia') ?? 'none') as TriageAnswers['dementia'],
    wandering: bool('wandering'),
    behaviourProblems: bool('behaviour_problems'),
    wlzIndication: bool('wlz_indication'),
    wlzProfile: text('wlz_profile'),
    caregiverDroppedOut: bool('caregiver_dropped_out'),
    unsafeAloneNow: bool('unsafe_alone_now'),
    burden: BURDEN_ITEMS.map((key) => Number(text(key) ?? 0)),
  };
}

export const NURSING_ACTS_V2 = [
  'catheter',
  'wound_care',
  'injections',
  'oxygen',
  'tube_feeding',
  'stoma',
  'pain_pump',
  'iv_therapy',
  'tracheostomy',
] as const;
export type NursingActV2 = (typeof NURSING_ACTS_V2)[number];
export type NightCare = 'none' | 'supervision' | 'nursing';
export type Mobility = TriageAnswers['mobility'];

/** The answers of questionnaire version 2 as its rules read them; built only from answers that passed validation. */
export interface TriageAnswersV2 {
  fromHospital: boolean;
  dischargeDate: string | null;
  neededToday: boolean;
  specialistIntervention: boolean;
  medicallyStable: boolean;
  treatmentOrObservation: boolean;
  unplannedNursing: boolean;
  /** Asked only when there is a medical need; null otherwise. */
  conditions: 'single' | 'multiple' | null;
  treatingPhysician: 'gp' | 'elderly_care_physician' | null;
  lifeExpectancyShort: boolean;
  palliativePlace: 'care_bed' | 'hospice' | null;
  rehabilitationNeeded: boolean;
  returnHomeExpected: boolean;
  infectionIsolation: boolean;
  adlDependency: TriageAnswers['adlDependency'];
  mobility: Mobility;
  weightKg: number | null;
  nightCare: NightCare;
  nursingActs: readonly NursingActV2[];
  nursingActsOther: string | null;
  diet: string | null;
  dementia: TriageAnswers['dementia'];
  wandering: boolean;
  behaviourProblems: boolean;
  korsakov: boolean;
  psychiatric: boolean;
  addiction: boolean;
  wlzStatus: 'none' | 'applied' | 'granted';
  wlzProfile: string | null;
  caregiverDroppedOut: boolean;
  dropoutDuration: 'days' | 'weeks' | 'long' | null;
  burden: readonly number[];
  partner: { needsCare: boolean; mobility: Mobility; wandering: boolean; nightCare: NightCare } | null;
}

export function readAnswersV2(raw: RawAnswers): TriageAnswersV2 {
  const bool = (key: string) => raw[key] === true;
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : null);
  const partnerNeedsCare = bool('partner_needs_care');
  return {
    fromHospital: bool('from_hospital'),
    dischargeDate: text('discharge_date'),
    neededToday: bool('needed_today'),
    specialistIntervention: bool('specialist_intervention'),
    medicallyStable: bool('medically_stable'),
    treatmentOrObservation: bool('treatment_or_observation'),
    unplannedNursing: bool('unplanned_nursing'),
    conditions: text('conditions') as TriageAnswersV2['conditions'],
    treatingPhysician: text('treating_physician') as TriageAnswersV2['treatingPhysician'],
    lifeExpectancyShort: bool('life_expectancy_short'),
    palliativePlace: text('palliative_place') as TriageAnswersV2['palliativePlace'],
    rehabilitationNeeded: bool('rehabilitation_needed'),
    returnHomeExpected: bool('return_home_expected'),
    infectionIsolation: bool('infection_isolation'),
    adlDependency: (text('adl_dependency') ?? 'none') as TriageAnswersV2['adlDependency'],
    mobility: (text('mobility') ?? 'walks') as Mobility,
    weightKg: typeof raw.weight_kg === 'number' ? raw.weight_kg : null,
    nightCare: (text('night_care') ?? 'none') as NightCare,
    nursingActs: (Array.isArray(raw.nursing_acts) ? raw.nursing_acts : []) as NursingActV2[],
    nursingActsOther: text('nursing_acts_other'),
    diet: text('diet'),
    dementia: (text('dementia') ?? 'none') as TriageAnswersV2['dementia'],
    wandering: bool('wandering'),
    behaviourProblems: bool('behaviour_problems'),
    korsakov: bool('korsakov'),
    psychiatric: bool('psychiatric'),
    addiction: bool('addiction'),
    wlzStatus: (text('wlz_status') ?? 'none') as TriageAnswersV2['wlzStatus'],
    wlzProfile: text('wlz_profile'),
    caregiverDroppedOut: bool('caregiver_dropped_out'),
    dropoutDuration: text('dropout_duration') as TriageAnswersV2['dropoutDuration'],
    burden: BURDEN_ITEMS.map((key) => Number(text(key) ?? 0)),
    partner: bool('partner_stays_too')
      ? {
          needsCare: partnerNeedsCare,
          mobility: (partnerNeedsCare ? (text('partner_mobility') ?? 'walks') : 'walks') as Mobility,
          wandering: partnerNeedsCare && bool('partner_wandering'),
          nightCare: (partnerNeedsCare ? (text('partner_night_care') ?? 'none') : 'none') as NightCare,
        }
      : null,
  };
}
