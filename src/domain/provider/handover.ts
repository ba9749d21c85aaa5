import { type CareFeature, CARE_FEATURES } from '../care-features.ts';
import { type IsoDate, addDays } from '../dates.ts';
import type { StayStatus } from '../stay-lifecycle.ts';
import { NURSING_ACTS_V2, type NightCare, readAnswersV1, readAnswersV2 } from '../triage/answers.ts';
import type { EffectiveOutcome } from '../triage/overrides.ts';
import type { RawAnswers } from '../triage/questionnaire.ts';
import type { ContraIndication } from '../triage/outcome.ts';

/**
 * What the staff who receive a guest need to know from the triage, and nothing more. The triage also holds the
 * caregiver's burden, the urgency, the financing route and the medical route to a stay type: those served the
 * central point's decision and stay there (the stay type already says where that decision led).
 */
export interface HandoverCare {
  questionnaireVersion: string;
  triagedAt: string;
  requiredFeatures: CareFeature[];
  /** The triagist changed the features the rules concluded; the staff may want to know a person decided. */
  featuresSetByTriagist: boolean;
  contraIndications: ContraIndication[];
  mobility: Mobility;
  adlDependency: AdlDependency;
  dementia: Dementia;
  wandering: boolean;
  behaviourProblems: boolean;
  nightCare: NightCare;
  nursingActs: NursingAct[];
  /** Nursing acts the list does not name, in the triagist's words. */
  nursingActsOther: string | null;
  diet: string | null;
  /** Required features the guest's unit (with its location) does not offer: to be solved before arrival. */
  missingFeatures: CareFeature[];
}

/** How long after departure the staff may still look back, e.g. for a question from the caregiver or the GP. */
export const HANDOVER_DAYS_AFTER_DEPARTURE = 14;

/**
 * Why the care part and the caregiver's contact are no longer shown, or null while they are: a guest who will not
 * come, or left weeks ago, no longer needs the staff to know their health.
 */
export function handoverWithheld(status: StayStatus, departure: IsoDate, today: IsoDate): 'not_coming' | 'ended' | null {
  if (status === 'cancelled' || status === 'expired' || status === 'no_show') return 'not_coming';
  if (status === 'departed' && addDays(departure, HANDOVER_DAYS_AFTER_DEPARTURE) <= today) return 'ended';
  return null;
}

export const MOBILITY = ['walks', 'walker', 'wheelchair', 'hoist'] as const;
export type Mobility = (typeof MOBILITY)[number];
export const ADL_DEPENDENCY = ['none', 'partial', 'full'] as const;
export type AdlDependency = (typeof ADL_DEPENDENCY)[number];
export const DEMENTIA = ['none', 'mild', 'moderate', 'severe'] as const;
export type Dementia = (typeof DEMENTIA)[number];
export const NURSING_ACTS = NURSING_ACTS_V2;
export const NIGHT_CARE = ['none', 'supervision', 'nursing'] as const;
export type NursingAct = (typeof NURSING_ACTS)[number];

export interface TriageForHandover {
  questionnaireVersion: string;
  triagedAt: string;
  answers: RawAnswers;
  effective: EffectiveOutcome;
}

/**
 * The care part of a handover from the latest triage with its overrides, or null when the stay has none (booked
 * directly by the central point, or a questionnaire version this code cannot read).
 */
export function handoverCare(triage: TriageForHandover | undefined, offeredFeatures: readonly string[]): HandoverCare | null {
  if (!triage || !['1', '2'].includes(triage.questionnaireVersion)) return null;
  const requiredFeatures = triage.effective.requiredFeatures.filter((feature) => (CARE_FEATURES as readonly string[]).includes(feature));
  const answers = triage.questionnaireVersion === '1' ? fromVersion1(triage.answers) : readAnswersV2(triage.answers);
  const text = (value: string | null) => (value?.trim() ? value.trim() : null);
  return {
    questionnaireVersion: triage.questionnaireVersion,
    triagedAt: triage.triagedAt,
    requiredFeatures,
    featuresSetByTriagist: triage.effective.overridden.includes('features'),
    contraIndications: [...triage.effective.contraIndications],
    mobility: oneOf(MOBILITY, answers.mobility, 'walks'),
    adlDependency: oneOf(ADL_DEPENDENCY, answers.adlDependency, 'none'),
    dementia: oneOf(DEMENTIA, answers.dementia, 'none'),
    wandering: answers.wandering,
    behaviourProblems: answers.behaviourProblems,
    nightCare: oneOf(NIGHT_CARE, answers.nightCare, 'none'),
    nursingActs: NURSING_ACTS.filter((act) => (answers.nursingActs as readonly string[]).includes(act)),
    nursingActsOther: text(answers.nursingActsOther),
    diet: text(answers.diet),
    missingFeatures: requiredFeatures.filter((feature) => !offeredFeatures.includes(feature)),
  };
}

/** Version 1 asked yes or no for care at night, which its rules read as nursing. */
function fromVersion1(raw: RawAnswers) {
  const answers = readAnswersV1(raw);
  return { ...answers, nightCare: answers.nightCare ? 'nursing' : 'none', nursingActsOther: null } as const;
}

function oneOf<T extends string>(allowed: readonly T[], value: string, fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

type Labels<K extends string> = Record<K, { nl: string; en: string }>;

/** Words for the handover in plain Dutch (B1) and English; the web application shows them. */
export const MOBILITY_LABELS: Labels<Mobility> = {
  walks: { nl: 'Loopt zelf', en: 'Walks unaided' },
  walker: { nl: 'Loopt met rollator', en: 'Walks with a walker' },
  wheelchair: { nl: 'Rolstoel', en: 'Wheelchair' },
  hoist: { nl: 'Tillift nodig', en: 'Needs a hoist' },
};

export const ADL_LABELS: Labels<AdlDependency> = {
  none: { nl: 'Geen hulp nodig', en: 'No help needed' },
  partial: { nl: 'Deels hulp nodig', en: 'Needs some help' },
  full: { nl: 'Alles wordt overgenomen', en: 'Needs full help' },
};

export const DEMENTIA_LABELS: Labels<Dementia> = {
  none: { nl: 'Geen dementie', en: 'No dementia' },
  mild: { nl: 'Lichte dementie', en: 'Mild dementia' },
  moderate: { nl: 'Matige dementie', en: 'Moderate dementia' },
  severe: { nl: 'Ernstige dementie', en: 'Severe dementia' },
};

export const NURSING_ACT_LABELS: Labels<NursingAct> = {
  catheter: { nl: 'Katheter', en: 'Catheter' },
  wound_care: { nl: 'Wondzorg', en: 'Wound care' },
  injections: { nl: 'Injecties', en: 'Injections' },
  oxygen: { nl: 'Zuurstof', en: 'Oxygen' },
  tube_feeding: { nl: 'Sondevoeding', en: 'Tube feeding' },
  stoma: { nl: 'Stomazorg', en: 'Stoma care' },
  pain_pump: { nl: 'Pijnpomp', en: 'Pain pump' },
  iv_therapy: { nl: 'Infuus', en: 'Intravenous drip' },
  tracheostomy: { nl: 'Tracheacanule', en: 'Tracheostomy tube' },
};

export const NIGHT_CARE_LABELS: Labels<NightCare> = {
  none: { nl: 'Niets bijzonders', en: 'Nothing special' },
  supervision: { nl: 'Toezicht', en: 'Supervision' },
  nursing: { nl: 'Verpleging', en: 'Nursing' },
};

export const CONTRA_INDICATION_LABELS: Labels<ContraIndication> = {
  wandering_needs_secured_unit: {
    nl: 'Dwaalt weg: alleen op een gesloten afdeling met toezicht',
    en: 'Wanders: only on a secured unit with supervision',
  },
  behaviour_needs_dementia_care: {
    nl: 'Onrustig of moeilijk gedrag: begeleiding die gespecialiseerd is in dementie',
    en: 'Challenging behaviour: care specialised in dementia',
  },
  needs_24h_nursing: { nl: 'Verpleging nodig, dag en nacht', en: 'Needs nursing day and night' },
  needs_isolation: {
    nl: 'Besmettelijk (bijvoorbeeld MRSA): alleen in een isolatiekamer',
    en: 'Contagious (for instance MRSA): only in an isolation room',
  },
  needs_bariatric_bed: { nl: 'Zwaar: alleen met een bed en tillift voor zware mensen', en: 'Heavy: only with a bariatric bed and hoist' },
};

export const CONTRA_INDICATIONS = Object.keys(CONTRA_INDICATION_LABELS) as [ContraIndication, ...ContraIndication[]];
