import type { RawAnswers } from './questionnaire.ts';

/** The answers of questionnaire version 1 as the rules read them; built only from answers that passed validation. */
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
