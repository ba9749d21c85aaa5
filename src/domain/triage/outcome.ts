import type { CareFeature } from '../care-features.ts';
import type { StayType } from '../stay-types.ts';

/**
 * What a triage concludes, whatever the questionnaire version: stored with the triage as JSON, so a field added
 * later is optional and an old triage still reads as it was concluded.
 */
export type Disposition = 'temporary_stay' | 'hospital' | 'long_term_care_indication' | 'geriatric_rehabilitation' | 'hospice';
export const DISPOSITIONS = ['temporary_stay', 'hospital', 'long_term_care_indication', 'geriatric_rehabilitation', 'hospice'] as const;
/** Most urgent first: the order the waiting list and the inbox sort by, and the order of every choice of urgency. */
export const URGENCIES = ['today', 'within_48h', 'planned'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const urgencyRank = (urgency: Urgency): number => URGENCIES.indexOf(urgency);
export const FINANCING_ROUTES = ['wmo_stay_zvw_care', 'zvw_elv', 'wlz'] as const;
export type FinancingRoute = (typeof FINANCING_ROUTES)[number];
export const BURDEN_LEVELS = ['low', 'moderate', 'high'] as const;
export type BurdenLevel = (typeof BURDEN_LEVELS)[number];
export const CONTRA_INDICATIONS = [
  'wandering_needs_secured_unit',
  'behaviour_needs_dementia_care',
  'needs_24h_nursing',
  'needs_isolation',
  'needs_bariatric_bed',
] as const;
export type ContraIndication = (typeof CONTRA_INDICATIONS)[number];
export const COMPLEXITIES = ['low', 'high'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export const TOPICS = ['disposition', 'stay_types', 'urgency', 'financing', 'features', 'contra_indications', 'burden', 'partner'] as const;
export type Topic = (typeof TOPICS)[number];

/** One reason behind a conclusion: a code with parameters, worded in Dutch and English in explanations.ts. */
export interface Reason {
  topic: Topic;
  code: string;
  params?: Record<string, string | number>;
}

/** The partner in a couple stay: their own care need and who pays for their stay. */
export interface PartnerOutcome {
  needsCare: boolean;
  /** Wmo when the partner needs care too; a partner who only keeps the guest company pays for themselves. */
  financing: 'wmo_stay_zvw_care' | 'own_cost';
}

export interface TriageOutcome {
  disposition: Disposition;
  stayTypes: StayType[];
  urgency: Urgency;
  requiredFeatures: CareFeature[];
  contraIndications: ContraIndication[];
  financing: FinancingRoute | null;
  burdenScore: number;
  burdenLevel: BurdenLevel;
  reasons: Reason[];
  /** Version 2: ELV complexity, from the conditions and who treats. */
  complexity?: Complexity;
  /** Version 2: a stay that bridges the time until the Wlz decision (applied for, not granted yet). */
  bridgeUntilWlz?: boolean;
  /** Version 2: the day a place is needed from, when the answers say (hospital discharge, today). */
  neededFrom?: string;
  /** Version 2: in a couple stay, the partner. */
  partner?: PartnerOutcome;
}

/** What the request itself says, beside the answers. */
export interface TriageContext {
  /** The couple want to stay together: they need a couple room. */
  couple?: boolean;
  /** The day of the triage (ISO date): a discharge date is read against it. Version 2 needs it. */
  today?: string;
}

export const BURDEN_HIGH = 7;
export const BURDEN_MODERATE = 4;

export function burdenOf(burden: readonly number[]): { burdenScore: number; burdenLevel: BurdenLevel; reason: Reason } {
  const burdenScore = burden.reduce((sum, value) => sum + value, 0);
  const burdenLevel: BurdenLevel = burdenScore >= BURDEN_HIGH ? 'high' : burdenScore >= BURDEN_MODERATE ? 'moderate' : 'low';
  return {
    burdenScore,
    burdenLevel,
    reason: { topic: 'burden', code: `burden_${burdenLevel}`, params: { score: burdenScore, maximum: burden.length * 2 } },
  };
}
