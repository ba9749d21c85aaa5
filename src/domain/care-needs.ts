import type { CareFeature } from './care-features.ts';

/**
 * What a caregiver can tick on the public form about the care their loved one needs, in everyday words. It is what
 * the caregiver says, not a triage: the coordinator asks further and the triage decides what a place must offer. Each
 * item names the features it points to, so the coordinator sees what to ask about. Codes are stored in the database.
 */
export const CARE_NEEDS = ['wanders', 'confused', 'night_help', 'wheelchair', 'hoist', 'personal_care', 'medication', 'nursing'] as const;
export type CareNeed = (typeof CARE_NEEDS)[number];

export const CARE_NEED_LABELS: Record<CareNeed, { nl: string; en: string }> = {
  wanders: { nl: 'Loopt weg of raakt de weg kwijt', en: 'Walks off or gets lost' },
  confused: {
    nl: 'Is vaak in de war of vergeetachtig (bijvoorbeeld door dementie)',
    en: 'Is often confused or forgetful (for instance from dementia)',
  },
  night_help: { nl: "Heeft 's nachts hulp nodig", en: 'Needs help at night' },
  wheelchair: { nl: 'Zit in een rolstoel', en: 'Uses a wheelchair' },
  hoist: { nl: 'Moet met een tillift geholpen worden', en: 'Needs a hoist' },
  personal_care: {
    nl: 'Heeft hulp nodig bij wassen, aankleden of naar de wc gaan',
    en: 'Needs help washing, dressing or going to the toilet',
  },
  medication: { nl: 'Heeft hulp nodig bij medicijnen', en: 'Needs help with medicines' },
  nursing: {
    nl: 'Heeft verpleging nodig, bijvoorbeeld wondzorg of een katheter',
    en: 'Needs nursing, for instance wound care or a catheter',
  },
};

/** What a place would have to offer for each need, for the coordinator to check in the triage. */
export const FEATURES_OF_NEED: Record<CareNeed, readonly CareFeature[]> = {
  wanders: ['secured_unit'],
  confused: ['dementia_specialised'],
  night_help: ['night_supervision'],
  wheelchair: ['wheelchair_accessible'],
  hoist: ['hoist_accessible'],
  personal_care: [],
  medication: [],
  nursing: [],
};

/** The features the ticked needs point to, each once, in the order of the care features' list. */
export function featuresToAskAbout(needs: readonly CareNeed[]): CareFeature[] {
  return [...new Set(needs.flatMap((need) => FEATURES_OF_NEED[need]))];
}
